import { describe, expect, it } from 'vitest';
import { dropFailed, emptyHistory, record, takeRedo, takeUndo } from '../../../renderer/src/logic/undo-stack.js';

describe('undo history', () => {
  it('undoes the last edit first and redoes in the same order', () => {
    let history = record(record(emptyHistory<string>(), 'a'), 'b');
    const first = takeUndo(history);
    expect(first?.entry).toBe('b');
    history = first!.history;
    const second = takeUndo(history);
    expect(second?.entry).toBe('a');
    history = second!.history;
    expect(takeUndo(history)).toBeNull();
    const redo = takeRedo(history);
    expect(redo?.entry).toBe('a');
    expect(takeRedo(redo!.history)?.entry).toBe('b');
  });

  it('a new edit after an undo drops the redo branch', () => {
    const history = takeUndo(record(record(emptyHistory<string>(), 'a'), 'b'))!.history;
    const after = record(history, 'c');
    expect(after.past).toEqual(['a', 'c']);
    expect(takeRedo(after)).toBeNull();
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < 10; i += 1) history = record(history, i, 3);
    expect(history.past).toEqual([7, 8, 9]);
  });

  it('drops an entry whose undo failed from both branches', () => {
    const taken = takeUndo(record(record(emptyHistory<string>(), 'a'), 'b'))!;
    const after = dropFailed(taken.history, taken.entry);
    expect(after.past).toEqual(['a']);
    expect(after.future).toEqual([]);
  });
});
