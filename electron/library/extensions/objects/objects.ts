/**
 * `objects`: what is in the picture, from an offline object detector (NanoDet, COCO's 80
 * everyday classes: person, car, bus, dog, cup, …), each label with the model's score as its
 * confidence and the box where it was best seen. Runs on the CPU through TensorFlow.js's
 * WebAssembly backend; the model ships in an npm package and nothing leaves the machine.
 *
 * ImageKit's cloud taggers (`google-auto-tagging`, `aws-auto-tagging`) are aliases: clients
 * written for ImageKit get this extension's answer, and its status says so.
 */
import { openOriginal, decodeFailure, PixelsUnavailable } from '../local-analysis/read-pixels.js';
import type { ExtensionOutcome, TaggingExtension } from '../types.js';
import { threadedDetector } from './detector-client.js';
import { detectionsToTags } from './detections-to-tags.js';
import { modelInput, PictureUnusable, type ModelInput } from './model-input.js';

/** Below this NanoDet's cells are noise; minConfidence cuts higher (see the README's table). */
export const DETECTION_FLOOR = 0.05;
/** The best F1 of the precision/recall table of test/bench/recognition-bench.ts (README). */
export const OBJECTS_MIN_CONFIDENCE = 0.5;

export const objects: TaggingExtension = {
  name: 'objects',
  description: 'Offline object recogniser (NanoDet, COCO’s 80 classes: people, vehicles, animals, everyday things), with the box of each',
  version: '2.0.0',
  aliases: ['google-auto-tagging', 'aws-auto-tagging'],
  defaultMinConfidence: OBJECTS_MIN_CONFIDENCE,

  async analyze(subject, env): Promise<ExtensionOutcome> {
    if (subject.type !== 'image') {
      return { status: 'unsupported', tags: [], message: `objects looks at still images, not ${subject.type} files` };
    }
    // The model runs in its own thread, started on first use: TensorFlow.js is not paid for by
    // a library that never asks, and an inference never blocks the thread that answers the UI.
    const detector = await threadedDetector(); // a model that cannot load fails the run (caught by the service)
    let input: ModelInput;
    try {
      input = await modelInput(await openOriginal(subject), detector.inputSize, env);
    } catch (error) {
      if (error instanceof PixelsUnavailable) return { status: error.status, tags: [], message: error.message };
      if (error instanceof PictureUnusable) return { status: 'unsupported', tags: [], message: error.message };
      const failure = decodeFailure(error); // sharp could not decode the file
      return { status: failure.status, tags: [], message: failure.message };
    }
    const perTile = [];
    for (const tile of input.tiles) perTile.push(await detector.detect(tile.rgb, DETECTION_FLOOR));
    const message = input.tiles.length > 1 ? `A panorama: looked at in ${input.tiles.length} overlapping parts` : null;
    return { status: 'done', tags: detectionsToTags(perTile, input), message };
  },
};
