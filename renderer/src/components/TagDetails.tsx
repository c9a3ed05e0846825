import { useId, useState, type FormEvent } from 'react';
import { addAlias, addImplied, mergeAndAlias, removeAlias, removeImplied, setTagColour, setTagPath } from '../actions/tag-vocabulary.js';
import { pathKey } from '../logic/tag-tree.js';
import { useStore } from '../store/store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { TAG_PALETTE } from '../logic/tag-colours.js';
import type { TagNode } from '../store/tag-tree-slice.js';
import { TagListEditor } from './TagListEditor.js';

function PathField({ tag }: { tag: TagNode }) {
  const [text, setText] = useState<string | null>(null);
  const id = useId();
  const value = text ?? tag.path;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (value.trim() === '' || value.trim() === tag.path) return;
    if (await setTagPath(tag, value.trim())) setText(null);
  };
  return (
    <form className="tag-path-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>Path</label>
      <input id={id} type="text" value={value} spellCheck={false} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={value.trim() === tag.path}>
        Move
      </button>
    </form>
  );
}

function ColourPicker({ tag }: { tag: TagNode }) {
  const options = [...TAG_PALETTE.map((c) => ({ name: c.name, value: c.value as string | null })), { name: 'None', value: null }];
  const current = tag.colour?.toLowerCase() ?? null;
  return (
    <div role="radiogroup" aria-label={`Colour of ${tag.name}`} className="colour-picker">
      {options.map((option) => {
        const checked = (option.value?.toLowerCase() ?? null) === current;
        return (
          <button
            key={option.name}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={option.name}
            title={option.name}
            className={option.value === null ? 'swatch swatch-none' : 'swatch'}
            style={option.value === null ? undefined : { background: option.value }}
            onClick={() => void setTagColour(tag, option.value)}
          />
        );
      })}
    </div>
  );
}

/** The focused tag of the manager: its path (move), colour, aliases, implications and delete. */
export function TagDetails({ tag, hasChildren, onDelete }: { tag: TagNode; hasChildren: boolean; onDelete(): void }) {
  const tree = useStore((s) => s.tagTree);
  const [aliasOfTag, setAliasOfTag] = useState<{ existing: TagNode; alias: string } | null>(null);
  // An alias spelled like another tag would hide it: ask first, then merge that tag in.
  const onAddAlias = async (alias: string): Promise<boolean> => {
    const existing = tree.byKey.get(pathKey(alias))?.tag;
    if (existing && existing.id !== tag.id) {
      setAliasOfTag({ existing, alias });
      return false;
    }
    return addAlias(tag, alias);
  };
  return (
    <section className="tag-details" aria-label={`Tag ${tag.path}`}>
      <h3 className="tag-details-title">{tag.path}</h3>
      <p className="hint">
        {tag.count.toLocaleString()} {tag.count === 1 ? 'item' : 'items'} tagged here
        {hasChildren && `, ${tag.branchCount.toLocaleString()} in the branch`}
      </p>
      {/* The key remounts the field when another tag is focused or this one moves. */}
      <PathField key={`${tag.id}:${tag.path}`} tag={tag} />
      <h4>Colour</h4>
      <ColourPicker tag={tag} />
      <h4>Aliases</h4>
      <p className="hint">Typing an alias means this tag, in the tag editor and in searches.</p>
      <TagListEditor
        label={`Aliases of ${tag.name}`}
        values={tag.aliases}
        addLabel={`Add an alias of ${tag.name}`}
        placeholder="Add an alias…"
        removeLabel={(alias) => `Remove alias ${alias}`}
        empty="No aliases"
        onAdd={onAddAlias}
        onRemove={(alias) => removeAlias(tag, alias)}
      />
      <h4>Implies</h4>
      <p className="hint">Every item with this tag also counts as having these.</p>
      <TagListEditor
        label={`Tags implied by ${tag.name}`}
        values={tag.implies}
        addLabel={`Add a tag implied by ${tag.name}`}
        placeholder="Add an implied tag…"
        removeLabel={(implied) => `Stop implying ${implied}`}
        empty="Implies nothing"
        onAdd={(implied) => addImplied(tag, implied)}
        onRemove={(implied) => removeImplied(tag, implied)}
      />
      <div className="tag-details-actions">
        <button type="button" className="danger" onClick={onDelete}>
          Delete tag…
        </button>
      </div>
      {aliasOfTag && (
        <ConfirmDialog
          title={`“${aliasOfTag.existing.path}” is a tag`}
          text={`Make it an alias of “${tag.path}”? Its ${aliasOfTag.existing.branchCount.toLocaleString()} ${aliasOfTag.existing.branchCount === 1 ? 'item gets' : 'items get'} “${tag.path}” instead, and the tag “${aliasOfTag.existing.path}” goes away. You can undo this (Ctrl+Z).`}
          action="Merge and add alias"
          onConfirm={async () => {
            await mergeAndAlias(tag, aliasOfTag.existing, aliasOfTag.alias);
          }}
          onClose={() => setAliasOfTag(null)}
        />
      )}
    </section>
  );
}
