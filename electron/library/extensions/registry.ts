import type { ExtensionInfo } from '../../../shared/contract.js';
import { localAnalysis } from './local-analysis/local-analysis.js';
import type { TaggingExtension } from './types.js';

/** Every extension this build ships. All run offline; none sends anything anywhere. */
const EXTENSIONS: readonly TaggingExtension[] = [localAnalysis];

export function findExtension(name: string): TaggingExtension | undefined {
  return EXTENSIONS.find((extension) => extension.name === name);
}

export function listExtensions(): ExtensionInfo[] {
  return EXTENSIONS.map(({ name, description, version }) => ({ name, description, version }));
}

export function extensionNames(): string[] {
  return EXTENSIONS.map((extension) => extension.name);
}
