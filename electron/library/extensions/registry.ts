import type { ExtensionInfo } from '../../../shared/contract.js';
import { localAnalysis } from './local-analysis/local-analysis.js';
import { faces } from './faces/faces.js';
import { objects } from './objects/objects.js';
import { places } from './places/places.js';
import type { TaggingExtension } from './types.js';

/** Every extension this build ships. All run offline; none sends anything anywhere. */
const EXTENSIONS: readonly TaggingExtension[] = [localAnalysis, objects, places, faces];

/** By its name or one of its aliases (`google-auto-tagging` → objects). */
export function findExtension(name: string): TaggingExtension | undefined {
  return EXTENSIONS.find((extension) => extension.name === name || extension.aliases?.includes(name));
}

export function listExtensions(): ExtensionInfo[] {
  return EXTENSIONS.map(({ name, description, version }) => ({ name, description, version }));
}

export function extensionNames(): string[] {
  return EXTENSIONS.flatMap((extension) => [extension.name, ...(extension.aliases ?? [])]);
}
