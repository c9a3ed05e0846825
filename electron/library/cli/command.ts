import type { ParseArgsConfig } from 'node:util';
import { mediaUrlBuilder, HTTP_MEDIA_BASE } from '../../../shared/media-urls.js';
import type { Library } from '../library.js';
import type { CallContext } from '../service/types.js';
import { terminalLines } from './terminal-text.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  values: OptionValues;
  positionals: string[];
  json: boolean;
  libraryDir: string;
  /** Opens the library (once): the one `--library`/FOLIO_LIBRARY/the default names, or `dir`. */
  library(dir?: string): Library;
}

export interface Command {
  name: string;
  options: OptionSpec;
  /** Commands that only read or edit refuse to create a library where there is none. */
  createsLibrary: boolean;
  /** Runs the background analysis queue while open (serve, analyse); one-shot commands leave it alone. */
  backgroundAnalysis?: true;
  /** Returns the exit code. */
  run(ctx: CommandContext): Promise<number>;
}

export const CLI_CONTEXT: CallContext = { actor: 'cli', urls: mediaUrlBuilder(HTTP_MEDIA_BASE) };

/** A line for a person; any control character that reached it is shown escaped (terminal-text). */
export function print(line: string): void {
  process.stdout.write(`${terminalLines(line)}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function note(line: string): void {
  process.stderr.write(`${terminalLines(line)}\n`);
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function stringList(values: OptionValues, name: string): string[] | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string');
}
