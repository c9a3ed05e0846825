import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../../shared/errors.js';
import { planExtensions } from '../../../../electron/library/http/imagekit/imagekit-extensions.js';

describe("ImageKit's extensions onto Folio's", () => {
  it('runs the cloud taggers as local-analysis, with minConfidence from 0–100 to 0–1', () => {
    expect(planExtensions([{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 60 }], ['local-analysis'])).toEqual([
      { asked: 'google-auto-tagging', request: { name: 'local-analysis', maxTags: 5, minConfidence: 0.6 } },
    ]);
    expect(planExtensions([{ name: 'aws-auto-tagging' }], ['local-analysis'])).toEqual([
      { asked: 'aws-auto-tagging', request: { name: 'local-analysis' } },
    ]);
  });

  it('prefers the object recogniser when the build registers one', () => {
    const planned = planExtensions([{ name: 'google-auto-tagging', minConfidence: 0 }], ['local-analysis', 'objects']);
    expect(planned[0]?.request).toEqual({ name: 'objects', minConfidence: 0 });
    // Folio's own names still run as themselves beside it.
    const both = planExtensions([{ name: 'google-auto-tagging' }, { name: 'local-analysis' }], ['local-analysis', 'objects']);
    expect(both.map((p) => p.request.name)).toEqual(['objects', 'local-analysis']);
  });

  it('refuses cloud-only and unknown extensions, duplicates and out-of-range confidences, naming the place', () => {
    const cases: [Parameters<typeof planExtensions>[0], string, RegExp][] = [
      [[{ name: 'remove-bg' }], 'extensions[0].name', /cloud/],
      [[{ name: 'ai-auto-description' }], 'extensions[0].name', /cloud/],
      [[{ name: 'magic' }], 'extensions[0].name', /no extension "magic"/],
      [[{ name: 'google-auto-tagging' }, { name: 'aws-auto-tagging' }], 'extensions[1].name', /ask for one/],
      [[{ name: 'google-auto-tagging', minConfidence: 101 }], 'extensions[0].minConfidence', /0 to 100/],
      [[{ name: 'google-auto-tagging', minConfidence: -1 }], 'extensions[0].minConfidence', /0 to 100/],
    ];
    for (const [requested, field, says] of cases) {
      let caught: unknown;
      try {
        planExtensions(requested, ['local-analysis']);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(requested)).toBeInstanceOf(FolioError);
      expect((caught as FolioError).field).toBe(field);
      expect((caught as FolioError).message).toMatch(says);
    }
  });
});
