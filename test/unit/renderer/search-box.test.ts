import { describe, expect, it } from 'vitest';
import { searchProblem } from '../../../renderer/src/logic/search-problem.js';
import { applySuggestion, fixedSuggestions, nameSource, nameSuggestions, typedPart } from '../../../renderer/src/logic/search-suggestions.js';
import { monthName, takenTermOf, timelineYears, withoutTakenTerm, withTakenTerm } from '../../../renderer/src/logic/timeline.js';

describe('the search box: the part being typed', () => {
  it('finds the word, the field and the prefix at the caret', () => {
    expect(typedPart('sunset ra', 9)).toEqual({ start: 7, end: 9, negated: false, field: null, prefix: 'ra' });
    expect(typedPart('a label:re b', 10)).toEqual({ start: 2, end: 10, negated: false, field: 'label', prefix: 're' });
    expect(typedPart('-#be', 4)).toEqual({ start: 1, end: 4, negated: true, field: 'tag', prefix: 'be' });
    expect(typedPart('(tag:"new y', 11)).toEqual({ start: 1, end: 11, negated: false, field: 'tag', prefix: 'new y' });
    expect(typedPart('a ', 2)).toBeNull();
  });

  it('suggests field names and fixed values, never the one already typed', () => {
    expect(fixedSuggestions(typedPart('ra', 2)!).map((s) => s.label)).toEqual(['rating:']);
    expect(fixedSuggestions(typedPart('label:', 6)!).map((s) => s.label)).toEqual(['none', 'red', 'yellow', 'green', 'blue', 'purple']);
    expect(fixedSuggestions(typedPart('flag:p', 6)!).map((s) => s.label)).toEqual(['pick']);
    expect(fixedSuggestions(typedPart('is:m', 4)!).map((s) => s.label)).toEqual(['missing']);
    expect(fixedSuggestions(typedPart('type:video', 10)!)).toEqual([]);
    expect(fixedSuggestions(typedPart('rating:', 7)!)).toEqual([]);
  });

  it('asks for tag and album names after tag:, # and album:', () => {
    expect(nameSource(typedPart('#x', 2)!)).toBe('tag');
    expect(nameSource(typedPart('album:S', 7)!)).toBe('album');
    expect(nameSource(typedPart('label:', 6)!)).toBeNull();
    expect(nameSuggestions(typedPart('tag:new', 7)!, [{ name: 'new york', count: 1200 }])).toEqual([
      { kind: 'value', label: 'new york', hint: (1200).toLocaleString(), insert: 'tag:"new york" ' },
    ]);
  });

  it('replaces the typed part with the chosen term and keeps the negation', () => {
    const part = typedPart('sunset -lab beach', 11)!;
    const [label] = fixedSuggestions(part);
    expect(applySuggestion('sunset -lab beach', part, label!)).toEqual({ text: 'sunset -label: beach', caret: 14 });
    const value = typedPart('-label:r', 8)!;
    expect(applySuggestion('-label:r', value, fixedSuggestions(value)[0]!)).toEqual({ text: '-label:red ', caret: 11 });
  });
});

describe('the search box: the fault under it', () => {
  it('is the parser sentence and the place, or null', () => {
    expect(searchProblem('rating:>=4 label:red')).toBeNull();
    expect(searchProblem('tag:a (b')).toEqual({ message: 'This "(" is never closed (at character 7)', position: 6, length: 2 });
  });
});

describe('the timeline facet', () => {
  it('groups month counts into years, newest first', () => {
    const years = timelineYears([
      { key: '2022-01', count: 3 },
      { key: '2023-06', count: 2 },
      { key: '2023-07', count: 5 },
      { key: '', count: 9 },
    ]);
    expect(years).toEqual([
      { year: '2023', count: 7, months: [{ key: '2023-07', count: 5 }, { key: '2023-06', count: 2 }] },
      { year: '2022', count: 3, months: [{ key: '2022-01', count: 3 }] },
    ]);
    expect(monthName('2023-06')).toBe('June');
  });

  it('filters by a taken: term, replacing the one the search had', () => {
    expect(withTakenTerm('', '2023-06')).toBe('taken:2023-06');
    expect(withTakenTerm('beach taken:2021 rating:>=4', '2023')).toBe('beach rating:>=4 taken:2023');
    expect(withoutTakenTerm('beach taken:2021')).toBe('beach');
    expect(takenTermOf('beach taken:2023-06')).toBe('2023-06');
    expect(takenTermOf('-taken:2023')).toBeNull();
  });
});
