/** Library settings: one JSON value per key (the `settings` table). */
import { DEFAULT_PEOPLE_SETTINGS, type PeopleSettings } from '../../../shared/people.js';
import { DEFAULT_STACK_RULES, STACK_RULE_NAMES, type StackRules } from '../../../shared/stacks.js';
import type { Db } from './connection.js';
import { statement } from './statements.js';

function getSetting(db: Db, key: string): unknown {
  const text = statement(db, `SELECT value FROM settings WHERE key = ?`).pluck().get(key) as string | undefined;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // a value written by hand and broken: the default applies
  }
}

function setSetting(db: Db, key: string, value: unknown): void {
  statement(db, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, JSON.stringify(value));
}

/** The stack rules in force: the stored switches over the defaults (a rule added later starts on). */
export function getStackRules(db: Db): StackRules {
  const stored = getSetting(db, 'stackRules');
  const rules = { ...DEFAULT_STACK_RULES };
  if (typeof stored === 'object' && stored !== null) {
    for (const name of STACK_RULE_NAMES) {
      const value = (stored as Record<string, unknown>)[name];
      if (typeof value === 'boolean') rules[name] = value;
    }
  }
  return rules;
}

export function setStackRules(db: Db, rules: StackRules): void {
  setSetting(db, 'stackRules', rules);
}

/** "Analyse new items automatically" and with which extensions (off by default: it costs CPU). */
export interface AnalysisSettingsRow {
  autoAnalyse: boolean;
  extensions: string[];
  /** Paused by the user: kept so that a paused analysis stays paused across a restart. */
  paused: boolean;
}

export function getAnalysisSettings(db: Db, defaults: AnalysisSettingsRow): AnalysisSettingsRow {
  const stored = getSetting(db, 'analysis');
  if (typeof stored !== 'object' || stored === null) return { ...defaults };
  const { autoAnalyse, extensions, paused } = stored as Record<string, unknown>;
  return {
    autoAnalyse: typeof autoAnalyse === 'boolean' ? autoAnalyse : defaults.autoAnalyse,
    extensions: Array.isArray(extensions) && extensions.every((name) => typeof name === 'string') ? (extensions as string[]) : defaults.extensions,
    paused: typeof paused === 'boolean' ? paused : defaults.paused,
  };
}

export function setAnalysisSettings(db: Db, settings: AnalysisSettingsRow): void {
  setSetting(db, 'analysis', settings);
}
/** The people settings in force (see shared/people.ts): a stored value over the default. */
export function getPeopleSettings(db: Db): PeopleSettings {
  const stored = getSetting(db, 'people');
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>).autoTagConfidence : undefined;
  return { autoTagConfidence: typeof value === 'number' && value >= 0 && value <= 1 ? value : DEFAULT_PEOPLE_SETTINGS.autoTagConfidence };
}

export function setPeopleSettings(db: Db, settings: PeopleSettings): void {
  setSetting(db, 'people', settings);
}
/** Whether edits are written back to XMP sidecars (off unless the user turned it on). */
export function getWriteSidecars(db: Db): boolean {
  return getSetting(db, 'writeSidecars') === true;
}

export function setWriteSidecars(db: Db, on: boolean): void {
  setSetting(db, 'writeSidecars', on);
}
