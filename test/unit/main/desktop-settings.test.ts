import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  saveSettings,
  settingsFile,
  withRestApi,
} from '../../../electron/main/desktop-settings.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';

describe('desktop settings', () => {
  let dir = '';
  afterEach(() => removeDir(dir));

  it('have the REST API off by default', () => {
    expect(DEFAULT_SETTINGS.restApi.enabled).toBe(false);
    expect(parseSettings('{}').restApi.enabled).toBe(false);
    expect(parseSettings('not json').restApi.enabled).toBe(false);
  });

  it('fall back field by field: a bad port or key does not turn the API on or break the rest', () => {
    const parsed = parseSettings(JSON.stringify({ restApi: { enabled: true, port: 80, token: 'short' } }));
    expect(parsed.restApi).toEqual({ enabled: true, port: 7830, token: null });
    expect(parseSettings(JSON.stringify({ restApi: 'on' })).restApi.enabled).toBe(false);
  });

  it('make a key the first time the API is turned on, and keep it', () => {
    const on = withRestApi(DEFAULT_SETTINGS, true);
    expect(on.restApi.enabled).toBe(true);
    expect(on.restApi.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const off = withRestApi(on, false);
    expect(off.restApi).toEqual({ ...on.restApi, enabled: false });
    expect(withRestApi(off, true).restApi.token).toBe(on.restApi.token);
  });

  it('are saved readable by the owner only and read back', () => {
    dir = makeTempDir('folio-settings-');
    const file = settingsFile(path.join(dir, 'userData'));
    expect(loadSettings(file)).toEqual(DEFAULT_SETTINGS);
    const on = withRestApi(DEFAULT_SETTINGS, true);
    saveSettings(file, on);
    expect(loadSettings(file)).toEqual(on);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
