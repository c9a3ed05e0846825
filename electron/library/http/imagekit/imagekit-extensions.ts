/**
 * ImageKit's extension names onto Folio's offline extensions. `google-auto-tagging` and
 * `aws-auto-tagging` are cloud taggers; here they run Folio's own recogniser on this machine:
 * `objects` when the build registers it, else `local-analysis`. ImageKit's `minConfidence` is
 * 0–100, Folio's 0–1.
 */
import { FolioError } from '../../../../shared/errors.js';
import type { ExtensionRequest } from '../../../../shared/schemas.js';

export const CLOUD_TAGGERS = ['google-auto-tagging', 'aws-auto-tagging'] as const;
/** The recognisers the cloud names stand for, the preferred one first. */
export const LOCAL_RECOGNISERS = ['objects', 'local-analysis'] as const;

/** ImageKit extensions that need a cloud service or a generative model; Folio has none offline. */
const CLOUD_ONLY = ['remove-bg', 'ai-auto-description', 'ai-tasks', 'saved-extension'];

export interface ImageKitExtension {
  name: string;
  maxTags?: number;
  minConfidence?: number;
}

export interface PlannedExtension {
  /** The name the client asked for; `extensionStatus` answers under it. */
  asked: string;
  request: ExtensionRequest;
}

function bad(index: number, field: string, message: string): FolioError {
  return new FolioError('INVALID_ARGUMENT', message, { field: `extensions[${index}]${field === '' ? '' : `.${field}`}` });
}

export function localRecogniser(available: readonly string[]): string {
  return LOCAL_RECOGNISERS.find((name) => available.includes(name)) ?? 'local-analysis';
}

export function planExtensions(requested: readonly ImageKitExtension[], available: readonly string[]): PlannedExtension[] {
  const recogniser = localRecogniser(available);
  const planned: PlannedExtension[] = [];
  const runs = new Map<string, string>();
  requested.forEach((extension, index) => {
    const { name } = extension;
    const isCloud = (CLOUD_TAGGERS as readonly string[]).includes(name);
    if (!isCloud && !available.includes(name)) {
      const why = CLOUD_ONLY.includes(name) ? `"${name}" needs ImageKit's cloud; nothing leaves this machine` : `There is no extension "${name}"`;
      throw bad(index, 'name', `${why}. Folio runs ${CLOUD_TAGGERS.join(' and ')} (as its offline ${recogniser}) and ${available.join(', ')}`);
    }
    const runsAs = isCloud ? recogniser : name;
    const earlier = runs.get(runsAs);
    if (earlier !== undefined) {
      throw bad(index, 'name', `"${name}" and "${earlier}" both run Folio's ${runsAs}; ask for one of them`);
    }
    runs.set(runsAs, name);
    if (extension.minConfidence !== undefined && !(extension.minConfidence >= 0 && extension.minConfidence <= 100)) {
      throw bad(index, 'minConfidence', 'minConfidence is a percentage, from 0 to 100');
    }
    planned.push({
      asked: name,
      request: {
        name: runsAs,
        ...(extension.maxTags === undefined ? {} : { maxTags: extension.maxTags }),
        ...(extension.minConfidence === undefined ? {} : { minConfidence: extension.minConfidence / 100 }),
      },
    });
  });
  return planned;
}
