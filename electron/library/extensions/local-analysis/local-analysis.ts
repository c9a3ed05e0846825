/**
 * `local-analysis`: tags from the metadata import recorded (facts, confidence 1) and from a
 * small picture of the item (measured shares of pixels). Everything runs on this machine.
 */
import type { ExtensionOutcome, TaggingExtension } from '../types.js';
import { metadataTags } from './metadata-tags.js';
import { measurePixels } from './pixel-stats.js';
import { pixelTags } from './pixel-tags.js';
import { PixelsUnavailable, readPixels } from './read-pixels.js';

export const localAnalysis: TaggingExtension = {
  name: 'local-analysis',
  description:
    'Offline: orientation, dominant colours, black-and-white, dark/bright, transparency, graphic/screenshot, camera, year taken, geotagged, video',
  version: '1.0.0',

  async analyze(subject, env): Promise<ExtensionOutcome> {
    if (subject.type !== 'image' && subject.type !== 'video') {
      return { status: 'unsupported', tags: [], message: `local-analysis looks at images and videos, not ${subject.type} files` };
    }
    const facts = metadataTags(subject);
    try {
      const { image } = await readPixels(subject, env);
      return { status: 'done', tags: [...facts, ...pixelTags(measurePixels(image), subject)], message: null };
    } catch (error) {
      if (!(error instanceof PixelsUnavailable)) throw error;
      // The metadata facts still hold; say what could not be looked at.
      return { status: error.status, tags: facts, message: `${error.message}; only metadata tags were made` };
    }
  },
};
