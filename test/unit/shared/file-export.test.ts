import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/args.js';
import { FolioError } from '../../../shared/errors.js';
import { exportModeOf, fileNameFromTemplate, numberedName, templateProblem, type TemplateItem } from '../../../shared/file-export.js';

const ITEM: TemplateItem = { id: 42, name: 'Harbour.jpg', originalName: 'IMG_0042.JPG', date: '2021-07-14T09:30:05.000Z', rating: 4, label: 'red', counter: 7 };

describe('the export file-name template', () => {
  it('fills each field', () => {
    // The original's extension is left off the name (whatever its case); another stays.
    expect(fileNameFromTemplate('{name}', ITEM)).toBe('Harbour');
    expect(fileNameFromTemplate('{name}', { ...ITEM, name: 'Harbour.png' })).toBe('Harbour.png');
    expect(fileNameFromTemplate('{original}', ITEM)).toBe('IMG_0042');
    expect(fileNameFromTemplate('{date:YYYY-MM-DD}_{date:HHmmss}', ITEM)).toBe('2021-07-14_093005');
    expect(fileNameFromTemplate('{date}', ITEM)).toBe('2021-07-14');
    expect(fileNameFromTemplate('{counter} {counter:4}', ITEM)).toBe('7 0007');
    expect(fileNameFromTemplate('#{id} {rating}★ {label}', ITEM)).toBe('#42 4★ red');
  });

  it('makes any result a safe single file name', () => {
    expect(fileNameFromTemplate('{name}', { ...ITEM, name: 'a/b\\c:d*e?f"g<h>i|j' })).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(fileNameFromTemplate('{name}', { ...ITEM, name: '../..' })).toBe('_');
    expect(fileNameFromTemplate('{name}', { ...ITEM, name: '...' })).toBe('item-42');
    expect(fileNameFromTemplate('{name}', { ...ITEM, name: 'x'.repeat(400) })).toHaveLength(180);
    expect(fileNameFromTemplate('{date:YYYY}', { ...ITEM, date: 'not a date' })).toBe('undated');
  });

  it('names what is wrong with a template', () => {
    expect(templateProblem('{date:YYYY-MM-DD} {name} {counter:3}')).toBeNull();
    expect(templateProblem('{nmae}')).toMatch(/^\{nmae\} is not a template field; use \{name\}/);
    expect(templateProblem('{counter:x}')).toMatch(/width is a digit/);
    expect(templateProblem('{date:Month}')).toMatch(/only YYYY, MM, DD/);
    expect(templateProblem('{name')).toMatch(/does not open or close/);
  });

  it('numbers a taken name the way file managers do', () => {
    expect(numberedName('a', '.jpg', 1)).toBe('a.jpg');
    expect(numberedName('a', '.jpg', 2)).toBe('a (2).jpg');
    expect(numberedName('a', '', 3)).toBe('a (3)');
  });
});

describe('the export arguments', () => {
  const refused = (args: unknown, field: string): string => {
    try {
      parseArgs('export.start', args);
    } catch (error) {
      expect(error).toBeInstanceOf(FolioError);
      expect((error as FolioError).field).toBe(field);
      return (error as FolioError).message;
    }
    throw new Error('accepted');
  };

  it('need one thing to export, and not ids with an album or search', () => {
    expect(refused({ dir: '/x' }, 'ids')).toMatch(/Say what to export/);
    expect(refused({ dir: '/x', ids: [1], filter: {} }, 'ids')).toMatch(/not both/);
    expect(refused({ dir: '/x', album: 'a', albumId: 1 }, 'album')).toMatch(/not both/);
    expect(() => parseArgs('export.start', { dir: '/x', album: 'Keepers', filter: { query: 'rating:5' } })).not.toThrow();
  });

  it('keep the long edge and quality for JPEG renditions, and check the template', () => {
    expect(refused({ dir: '/x', ids: [1], mode: 'sidecars', quality: 80 }, 'mode')).toMatch(/JPEG renditions/);
    expect(refused({ dir: '/x', ids: [1], longEdge: 8 }, 'longEdge')).toMatch(/at least 16/);
    expect(refused({ dir: '/x', ids: [1], template: '{x}' }, 'template')).toMatch(/\{x\} is not a template field/);
    expect(exportModeOf({ longEdge: 100 })).toBe('jpeg');
    expect(exportModeOf({})).toBe('embed');
    expect(exportModeOf({ mode: 'sidecars' })).toBe('sidecars');
  });
});
