import { useEffect, useState } from 'react';
import type { StackMembers } from '../../../shared/contract.js';
import type { MediaItem } from '../../../shared/media.js';
import { attempt } from '../actions/report.js';
import { call } from '../api/client.js';

/**
 * The versions of the selected item's stack (a RAW and its JPEG, an edit and its original, a
 * Live Photo's still and video): the gallery shows a stack as its cover; here it is expanded,
 * a version can be made the cover, and the stack taken apart.
 */
export function StackSection({ item }: { item: MediaItem }) {
  const [members, setMembers] = useState<{ stack: StackMembers; items: MediaItem[] } | null>(null);
  const [version, setVersion] = useState(0);
  const { id, updatedAt } = item;
  useEffect(() => {
    let live = true;
    void attempt('show the stack', async () => {
      const stack = await call('media.stackMembers', { id });
      const items = stack.versionIds.length === 0 ? [] : await call('media.getMany', { ids: [stack.coverId, ...stack.versionIds] });
      if (live) setMembers({ stack, items });
    });
    return () => {
      live = false;
    };
  }, [id, updatedAt, version]);
  if (members === null || members.stack.versionIds.length === 0) return null;
  const { stack, items } = members;
  const refresh = () => setVersion((v) => v + 1);
  return (
    <section className="panel-section" aria-labelledby="stack-heading">
      <h3 id="stack-heading">Stack · {items.length} versions</h3>
      <ul className="stack-list" aria-label="Versions in this stack">
        {items.map((member) => (
          <li key={member.id}>
            <span className="stack-name">{member.name}</span> <span className="hint">{member.format ?? member.type}</span>{' '}
            {member.id === stack.coverId ? (
              <span className="hint">(cover)</span>
            ) : (
              <button
                type="button"
                aria-label={`Make ${member.name} the cover`}
                onClick={() => void attempt('change the cover', () => call('media.setStackCover', { id: member.id })).then(refresh)}
              >
                Make cover
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" onClick={() => void attempt('unstack', () => call('media.unstack', { id })).then(refresh)}>
          Unstack
        </button>
      </div>
    </section>
  );
}

/** "Stack selected": the first selected item, in gallery order, becomes the cover. */
export function StackSelectedButton({ ids }: { ids: readonly number[] }) {
  return (
    <button type="button" onClick={() => void attempt('stack the items', () => call('media.stack', { ids: [...ids] }))}>
      Stack {ids.length} items
    </button>
  );
}
