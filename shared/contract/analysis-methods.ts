/** The background analysis, and the people it finds. */
import { z } from 'zod';
import { IdList } from '../schemas.js';
import type { AnalysisSettings, AnalysisStatus } from '../analysis.js';
import {
  FacesOfItemArgs,
  FacesReassignArgs,
  PeopleFacesArgs,
  PeopleMergeArgs,
  PeopleNameArgs,
  PeopleSetSettingsArgs,
  PeopleSplitArgs,
  PeopleUndoArgs,
  type Face,
  type PeopleSettings,
  type Person,
} from '../people.js';
import { method, returns, NoArgs, type MethodSpec } from './method.js';

/** Extension names for the background analysis (aliases allowed: google-auto-tagging). */
const AnalysisExtensions = z.array(z.string().min(1).max(100)).min(1).max(20);

export const analysisMethods = {
  'analysis.status': method('read', NoArgs, returns<AnalysisStatus>(), 'The background analysis: its state, the items queued and done, the item in hand'),
  'analysis.start': method(
    'write',
    z.strictObject({
      extensions: AnalysisExtensions.optional(),
      scope: z.union([z.literal('all'), z.literal('due'), z.strictObject({ ids: IdList })]).optional(),
    }),
    returns<AnalysisStatus>(),
    'Analyse in the background: every item (all), the items due (never analysed, older model, changed file; the default) or the ones given',
  ),
  'analysis.pause': method('write', NoArgs, returns<AnalysisStatus>(), 'Pause the background analysis after the item in hand (stays paused across a restart)'),
  'analysis.resume': method('write', NoArgs, returns<AnalysisStatus>(), 'Resume a paused background analysis'),
  'analysis.cancel': method('write', NoArgs, returns<AnalysisStatus & { removed: number }>(), 'Empty the background analysis queue (removed: the rows taken off)'),
  'analysis.settings': method('read', NoArgs, returns<AnalysisSettings>(), 'Whether new and changed items are analysed automatically, and by which extensions'),
  'analysis.setSettings': method(
    'write',
    z
      .strictObject({ autoAnalyse: z.boolean().optional(), extensions: AnalysisExtensions.optional() })
      .refine(({ autoAnalyse, extensions }) => autoAnalyse !== undefined || extensions !== undefined, {
        message: 'Give autoAnalyse, extensions or both',
        path: ['autoAnalyse'],
      }),
    returns<AnalysisSettings>(),
    'Switch "Analyse new items automatically" on or off and choose its extensions',
  ),
  'people.list': method('read', NoArgs, returns<{ people: Person[]; unassignedFaces: number }>(), 'People (clusters of faces) with counts and a sample face, named first'),
  'people.faces': method('read', PeopleFacesArgs, returns<{ faces: Face[] }>(), 'The faces of one person, most confident first'),
  'people.name': method('write', PeopleNameArgs, returns<{ person: Person; tagged: number; undo: string }>(), 'Name a person: every item with one of its faces gets the user tag People/<name>'),
  'people.merge': method('write', PeopleMergeArgs, returns<{ person: Person; undo: string }>(), 'Move every face of one person into another (the first is gone)'),
  'people.split': method('write', PeopleSplitArgs, returns<{ person: Person; undo: string }>(), 'Take faces out of a person into a new one'),
  'people.recluster': method('write', NoArgs, returns<{ people: number; assigned: number }>(), 'Group the faces nobody placed by hand again (corrections stay)'),
  'people.settings': method('read', NoArgs, returns<PeopleSettings>(), 'When a recognised person’s tag is set rather than suggested'),
  'people.setSettings': method('write', PeopleSetSettingsArgs, returns<PeopleSettings>(), 'Set the confidence above which a recognised person’s tag is set'),
  'faces.ofItem': method('read', FacesOfItemArgs, returns<{ faces: Face[] }>(), 'The faces found in one item, with their people'),
  'faces.reassign': method('write', FacesReassignArgs, returns<{ face: Face; undo: string }>(), 'Put a face in another person, or (null) say it is not this person'),
  'people.undo': method('write', PeopleUndoArgs, returns<{ ok: true }>(), 'Revert a people edit (name, merge, split, not this person) by the `undo` token it answered'),
} as const satisfies Record<string, MethodSpec>;
