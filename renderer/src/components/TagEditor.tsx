import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { TagCount } from '../../../shared/media.js';
import { MAX_IDS } from '../../../shared/limits.js';
import { tagKey } from '../../../shared/tags.js';
import { call } from '../api/client.js';
import { editTags } from '../actions/edit-tags.js';
import { reportError } from '../actions/report.js';
import { useLibraryEpoch } from '../hooks/use-library-changes.js';
import { splitTagSummary } from '../logic/tag-summary.js';
import { chipColour } from '../logic/tag-colours.js';
import { useStore } from '../store/store.js';
import { ImpliedTags } from './ImpliedTags.js';
import { TagInput } from './TagInput.js';

interface Summary {
  total: number;
  tags: TagCount[];
}

/** Applies an edit to a summary at once, so chips change without waiting for the refresh. */
function applyLocally(summary: Summary, add: readonly string[], remove: readonly string[]): Summary {
  const removed = new Set(remove.map(tagKey));
  const tags = summary.tags.filter((t) => !removed.has(tagKey(t.name)) && !add.some((a) => tagKey(a) === tagKey(t.name)));
  return { total: summary.total, tags: [...tags, ...add.map((name) => ({ name, count: summary.total }))] };
}

/**
 * User tags of one item or of a selection. With several items it shows which tags all of them
 * have and which only some; adding or removing applies to every selected item in one edit.
 */
export function TagEditor({ ids }: { ids: readonly number[] }) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const epoch = useLibraryEpoch();
  const many = ids.length > 1;
  const tooMany = ids.length > MAX_IDS;

  useEffect(() => {
    if (ids.length === 0 || tooMany) return;
    let live = true;
    call('media.tagSummary', { ids: [...ids] })
      .then((answer) => live && setSummary(answer))
      .catch((error: unknown) => live && reportError(error, 'read the tags'));
    return () => {
      live = false;
    };
  }, [ids, epoch, tooMany]);

  const split = useMemo(() => (summary ? splitTagSummary(summary.total, summary.tags) : { all: [], some: [] }), [summary]);
  const present = useMemo(() => [...split.all, ...split.some.map((t) => t.name)], [split]);
  const colours = useStore((s) => s.tagColours);
  const chipStyle = (tag: string) => {
    const colour = chipColour(colours, tag);
    return colour === null ? undefined : ({ '--tag-colour': colour } as CSSProperties);
  };

  const edit = async (add: string[], remove: string[]): Promise<boolean> => {
    const done = await editTags(ids, add, remove);
    if (done) setSummary((s) => (s ? applyLocally(s, add, remove) : s));
    return done;
  };

  if (tooMany) return <p className="hint">Select at most {MAX_IDS.toLocaleString()} items to edit their tags together.</p>;
  const everyone = many ? ` from all ${ids.length} items` : '';
  return (
    <div className="tag-editor">
      <ul className="chips" aria-label={many ? 'Tags all selected items have' : 'Tags'}>
        {split.all.map((tag) => (
          <li key={tag} className={chipStyle(tag) ? 'chip coloured' : 'chip'} style={chipStyle(tag)}>
            <span>{tag}</span>
            <button type="button" className="chip-remove" aria-label={`Remove tag ${tag}${everyone}`} onClick={() => void edit([], [tag])}>
              ×
            </button>
          </li>
        ))}
        {summary && split.all.length === 0 && <li className="chips-empty">{many ? 'No tag common to all' : 'No tags'}</li>}
      </ul>
      {many && split.some.length > 0 && (
        <ul className="chips" aria-label="Tags only some selected items have">
          {split.some.map((tag) => (
            <li key={tag.name} className={chipStyle(tag.name) ? 'chip partial coloured' : 'chip partial'} style={chipStyle(tag.name)} title={`${tag.count} of ${ids.length} selected items`}>
              <span>{tag.name}</span>
              <span className="chip-count">
                {tag.count}/{ids.length}
              </span>
              <button type="button" className="chip-add" aria-label={`Add tag ${tag.name} to all ${ids.length} items`} onClick={() => void edit([tag.name], [])}>
                +
              </button>
              <button type="button" className="chip-remove" aria-label={`Remove tag ${tag.name} from all ${ids.length} items`} onClick={() => void edit([], [tag.name])}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {!many && ids[0] !== undefined && <ImpliedTags id={ids[0]} own={split.all} />}
      <TagInput
        present={present}
        label={many ? `Add a tag to all ${ids.length} selected items` : 'Add a tag'}
        onAdd={(tag) => edit([tag], [])}
        onRemoveLast={() => {
          const last = split.all[split.all.length - 1];
          if (last !== undefined) void edit([], [last]);
        }}
      />
    </div>
  );
}
