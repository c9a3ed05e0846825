/**
 * The People view: every person (a cluster of faces) with a sample face; name one (its items get
 * the tag People/<name>), merge two, look at a person's faces and take one out ("not this
 * person"), and show a named person's items in the gallery. Opened from the sidebar.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Face, Person } from '../../../shared/people.js';
import { personTag } from '../../../shared/people.js';
import { call, on } from '../api/client.js';
import { mergePeople, namePerson, notThisPerson } from '../actions/people-edits.js';
import { readableError } from '../logic/error-messages.js';
import { useStore } from '../store/store.js';
import { FaceCrop } from './FaceCrop.js';
import { Modal } from './Modal.js';

function personLabel(person: Person): string {
  return person.name ?? `Unnamed person ${person.id}`;
}

function showError(error: unknown, doing: string): void {
  const { title, detail } = readableError(error, doing);
  useStore.getState().addToast({ kind: 'error', title, detail });
}

function PersonFaces({ person, onChanged }: { person: Person; onChanged(): void }) {
  const [faces, setFaces] = useState<Face[] | null>(null);
  useEffect(() => {
    let live = true;
    call('people.faces', { id: person.id, limit: 60 })
      .then((answer) => live && setFaces(answer.faces))
      .catch((error: unknown) => showError(error, 'load the faces'));
    return () => {
      live = false;
    };
  }, [person.id, person.faceCount]);
  if (faces === null) return <p className="people-note">Loading faces…</p>;
  return (
    <ul className="people-faces" aria-label={`Faces of ${personLabel(person)}`}>
      {faces.map((face) => (
        <li key={face.id}>
          <FaceCrop face={face} size={72} label={`Face in item ${face.mediaId}`} />
          <button
            type="button"
            onClick={() => {
              void notThisPerson(face.id, person.name ?? 'this person').then(onChanged);
            }}
          >
            Not {person.name ?? 'this person'}
          </button>
        </li>
      ))}
    </ul>
  );
}

function PersonCard({ person, others, onChanged, onShowItems }: { person: Person; others: Person[]; onChanged(): void; onShowItems(name: string): void }) {
  const [name, setName] = useState(person.name ?? '');
  const [into, setInto] = useState('');
  const [open, setOpen] = useState(false);
  const nameId = useId();
  const mergeId = useId();
  const label = personLabel(person);
  const submitName = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    void namePerson({ id: person.id, name }, label).then(onChanged);
  };
  const merge = () => {
    const target = Number(into);
    if (!Number.isInteger(target) || target <= 0) return;
    void mergePeople({ from: person.id, into: target }, label).then(onChanged);
  };
  return (
    <li className="person-card" aria-label={label}>
      {person.sample ? <FaceCrop face={person.sample} size={112} label={`Face of ${label}`} /> : <div className="face-crop face-crop-empty" />}
      <h3 className="person-name">{label}</h3>
      <p className="people-note">
        {person.faceCount} {person.faceCount === 1 ? 'face' : 'faces'} in {person.itemCount} {person.itemCount === 1 ? 'item' : 'items'}
      </p>
      <form className="person-row" onSubmit={submitName}>
        <label htmlFor={nameId} className="visually-hidden">
          Name for {label}
        </label>
        <input id={nameId} value={name} placeholder="Who is this?" maxLength={200} onChange={(event) => setName(event.target.value)} />
        <button type="submit" disabled={name.trim() === '' || name === person.name}>
          {person.name === null ? 'Name' : 'Rename'}
        </button>
      </form>
      {others.length > 0 && (
        <div className="person-row">
          <label htmlFor={mergeId} className="visually-hidden">
            Merge {label} into
          </label>
          <select id={mergeId} value={into} onChange={(event) => setInto(event.target.value)}>
            <option value="">Merge into…</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {personLabel(other)}
              </option>
            ))}
          </select>
          <button type="button" disabled={into === ''} onClick={merge}>
            Merge
          </button>
        </div>
      )}
      <div className="person-row">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide faces' : 'Faces'}
        </button>
        {person.name !== null && (
          <button type="button" onClick={() => onShowItems(person.name ?? '')}>
            Show items
          </button>
        )}
      </div>
      {open && <PersonFaces person={person} onChanged={onChanged} />}
    </li>
  );
}

export function PeopleView({ onClose }: { onClose(): void }) {
  const titleId = useId();
  const [people, setPeople] = useState<Person[] | null>(null);
  const [unassigned, setUnassigned] = useState(0);
  const reload = useCallback(() => {
    call('people.list', {})
      .then((answer) => {
        setPeople(answer.people);
        setUnassigned(answer.unassignedFaces);
      })
      .catch((error: unknown) => showError(error, 'load the people'));
  }, []);
  useEffect(() => {
    reload();
    // Faces found elsewhere (another window, the CLI, the REST API) or tags changed: reload.
    return on('library.changed', (change) => {
      if (change.aspects.includes('aiTags') || change.aspects.includes('tags')) reload();
    });
  }, [reload]);
  const showItems = (name: string) => {
    useStore.getState().setView({ kind: 'tag', name: personTag(name) });
    onClose();
  };
  return (
    <Modal labelledBy={titleId} onClose={onClose} className="people">
      <div className="people-body">
        <div className="people-header">
          <h2 id={titleId}>People</h2>
          <button
            type="button"
            onClick={() => {
              call('people.recluster', {})
                .then(reload)
                .catch((error: unknown) => showError(error, 'group the faces again'));
            }}
          >
            Group faces again
          </button>
          <button type="button" onClick={onClose} aria-label="Close people">
            ✕
          </button>
        </div>
        {people === null ? (
          <p className="people-note">Loading…</p>
        ) : people.length === 0 ? (
          <p className="people-note">No faces found yet. Run the faces extension on some photos (Details → AI tags, or `folio people scan`).</p>
        ) : (
          <ul className="people-grid" aria-label="People">
            {people.map((person) => (
              <PersonCard key={person.id} person={person} others={people.filter((other) => other.id !== person.id)} onChanged={reload} onShowItems={showItems} />
            ))}
          </ul>
        )}
        {unassigned > 0 && (
          <p className="people-note">
            {unassigned} {unassigned === 1 ? 'face is' : 'faces are'} in no person; “Group faces again” places {unassigned === 1 ? 'it' : 'them'}.
          </p>
        )}
      </div>
    </Modal>
  );
}

/** The sidebar's entry to the People view. */
export function PeopleButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="side-item" onClick={() => setOpen(true)}>
        <span className="side-label">People</span>
      </button>
      {open && <PeopleView onClose={() => setOpen(false)} />}
    </>
  );
}
