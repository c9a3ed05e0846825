/** `folio config get [--json]` and `folio config set <key> true|false`: the library's settings. */
import { CONFIG_KEYS } from '../../../../shared/file-metadata.js';
import { UsageError } from '../cli-error.js';
import { CLI_CONTEXT, print, printJson, type Command } from '../command.js';

type ConfigKey = keyof typeof CONFIG_KEYS;

function isConfigKey(key: string): key is ConfigKey {
  return Object.prototype.hasOwnProperty.call(CONFIG_KEYS, key);
}

function booleanValue(key: string, value: string | undefined): boolean {
  if (value === 'true' || value === 'on') return true;
  if (value === 'false' || value === 'off') return false;
  throw new UsageError(`${key} is true or false, not ${value === undefined ? 'missing' : `"${value}"`}`);
}

export const configCommand: Command = {
  name: 'config',
  options: {},
  createsLibrary: false,
  async run(ctx) {
    const [verb, key, value, ...rest] = ctx.positionals;
    const service = ctx.library().service;
    const keys = Object.keys(CONFIG_KEYS).join(', ');
    if (verb === 'set') {
      if (key === undefined || !isConfigKey(key)) throw new UsageError(`config set takes a setting (${keys}) and a value${key === undefined ? '' : `; "${key}" is not one`}`);
      if (rest.length > 0) throw new UsageError(`config set takes one setting and one value (got "${rest[0]}" too)`);
      await service.call('config.set', { [CONFIG_KEYS[key]]: booleanValue(key, value) }, CLI_CONTEXT);
    } else if (verb !== 'get' || key !== undefined) {
      throw new UsageError(verb === 'get' ? 'config get takes no setting: it shows them all' : `config takes get or set, not ${verb === undefined ? 'nothing' : `"${verb}"`}`);
    }
    const config = await service.call('config.get', {}, CLI_CONTEXT);
    if (ctx.json) printJson(config);
    else for (const [name, field] of Object.entries(CONFIG_KEYS)) print(`${name} ${String(config[field])}`);
    return 0;
  },
};
