import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The desktop app's own settings (not the library's): for now, the opt-in local REST API.
 * Off by default; when on, the key is kept so scripts keep working across restarts.
 */
export interface DesktopSettings {
  restApi: { enabled: boolean; port: number; token: string | null };
}

export const DEFAULT_API_PORT = 7830;

export const DEFAULT_SETTINGS: DesktopSettings = { restApi: { enabled: false, port: DEFAULT_API_PORT, token: null } };

const SettingsSchema = z.object({
  restApi: z
    .object({
      enabled: z.boolean().catch(false),
      port: z.number().int().min(1024).max(65_535).catch(DEFAULT_API_PORT),
      token: z.string().min(16).max(200).nullable().catch(null),
    })
    .catch(DEFAULT_SETTINGS.restApi),
});

export function settingsFile(userDataDir: string): string {
  return path.join(userDataDir, 'settings.json');
}

/** Unreadable or malformed settings fall back to the defaults field by field: the API stays off. */
export function parseSettings(text: string): DesktopSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return structuredClone(DEFAULT_SETTINGS);
  }
  const parsed = SettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS);
}

export function loadSettings(file: string): DesktopSettings {
  try {
    return parseSettings(fs.readFileSync(file, 'utf8'));
  } catch {
    return structuredClone(DEFAULT_SETTINGS);
  }
}

/** Owner-only (0600): the file holds the API key. Written via a temp file and a rename. */
export function saveSettings(file: string, settings: DesktopSettings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

/** Turns the API on or off; turning it on the first time makes its key. */
export function withRestApi(settings: DesktopSettings, enabled: boolean): DesktopSettings {
  const token = settings.restApi.token ?? crypto.randomBytes(32).toString('base64url');
  return { ...settings, restApi: { ...settings.restApi, enabled, token } };
}
