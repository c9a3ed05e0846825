/**
 * `faces`: finds faces (BlazeFace) and describes each one (FaceRes), offline, in the face
 * models' own thread (FaceRes only where it is installed: the installers leave it out, its
 * licence being unclear; face-models.ts). It suggests no tag by itself: the service stores the faces, groups them
 * into people, and a face of a named person suggests (or sets) the tag `People/<name>`.
 */
import { decodeFailure, openOriginal, PixelsUnavailable } from '../local-analysis/read-pixels.js';
import { PictureUnusable } from '../objects/model-input.js';
import type { ExtensionOutcome, TaggingExtension } from '../types.js';
import { threadedFaceModels } from './face-client.js';
import { findFaces, MAX_FACES, type FaceSearch } from './face-input.js';

export const faces: TaggingExtension = {
  name: 'faces',
  description: 'Offline face finder (BlazeFace); where a face describer (FaceRes) is installed, faces that look alike are grouped into people',
  version: '1.0.0',

  async analyze(subject, env): Promise<ExtensionOutcome> {
    if (subject.type !== 'image') {
      return { status: 'unsupported', tags: [], message: `faces looks at still images, not ${subject.type} files` };
    }
    const models = await threadedFaceModels(); // models that cannot load fail the run (caught by the service)
    let search: FaceSearch;
    try {
      search = await findFaces(await openOriginal(subject), models, env);
    } catch (error) {
      if (error instanceof PixelsUnavailable) return { status: error.status, tags: [], message: error.message };
      if (error instanceof PictureUnusable) return { status: 'unsupported', tags: [], message: error.message };
      const failure = decodeFailure(error);
      return { status: failure.status, tags: [], message: failure.message };
    }
    const count = search.faces.length;
    const parts = [count === 0 ? 'No face found' : `${count} face${count === 1 ? '' : 's'} found`];
    if (search.skipped > 0) parts.push(`${search.skipped} more not described (at most ${MAX_FACES} per picture)`);
    if (!models.describe && count > 0) parts.push('not grouped: no face descriptor model is installed');
    return { status: 'done', tags: [], message: parts.join('; '), faces: { model: models.model, found: search.faces } };
  },
};
