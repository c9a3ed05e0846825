import { useState } from 'react';
import type { MediaItem } from '../../../shared/media.js';
import { autoTag, promoteAiTags, removeAiTags } from '../actions/edit-tags.js';
import { notify } from '../actions/report.js';
import { formatConfidence } from '../logic/details-format.js';

function RunAutoTag({ ids }: { ids: readonly number[] }) {
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setBusy(true);
    const tagged = await autoTag(ids);
    setBusy(false);
    if (tagged !== undefined) notify(`Auto-tagging done: ${tagged} of ${ids.length} ${ids.length === 1 ? 'item' : 'items'} got AI tags`);
  };
  return (
    <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
      {busy ? 'Auto-tagging…' : 'Run auto-tagging'}
    </button>
  );
}

/** AI tags, kept apart from the user's: with confidence and source, removable or promotable. */
export function AiTagsSection({ item, ids }: { item?: MediaItem; ids: readonly number[] }) {
  const tags = item?.aiTags ?? [];
  const status = item?.extensionStatus ?? [];
  return (
    <section className="panel-section" aria-labelledby="ai-tags-heading">
      <h3 id="ai-tags-heading">AI tags</h3>
      {item && tags.length === 0 && <p className="hint">No AI tags{status.length > 0 ? ' were suggested' : ' yet'}.</p>}
      {tags.length > 0 && (
        <ul className="ai-tags" aria-label="AI tags">
          {tags.map((tag) => (
            <li key={`${tag.source}:${tag.name}`} className="ai-tag">
              <div className="ai-tag-text">
                <span className="ai-tag-name">{tag.name}</span>
                <span className="ai-tag-meta">
                  {formatConfidence(tag.confidence)} · {tag.source}
                </span>
              </div>
              <button type="button" aria-label={`Promote AI tag ${tag.name} to a tag`} title="Make it a user tag" onClick={() => void promoteAiTags(ids, [tag.name])}>
                Promote
              </button>
              <button type="button" aria-label={`Remove AI tag ${tag.name}`} onClick={() => void removeAiTags(ids, [tag.name])}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {status
        .filter((s) => s.status !== 'done')
        .map((s) => (
          <p key={s.extension} className="hint">
            {s.extension}: {s.status}
            {s.message ? ` — ${s.message}` : ''}
          </p>
        ))}
      <RunAutoTag ids={ids} />
    </section>
  );
}
