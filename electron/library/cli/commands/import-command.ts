import path from 'node:path';
import { UsageError } from '../cli-error.js';
import { CLI_CONTEXT, type Command } from '../command.js';
import { finishImport } from '../follow-import.js';

export const importCommand: Command = {
  name: 'import',
  options: {},
  createsLibrary: true,
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('import needs exactly one folder: folio import <dir>');
    const dir = path.resolve(ctx.positionals[0] ?? '');
    const library = ctx.library();
    const { jobId, folder } = await library.service.call('import.start', { path: dir }, CLI_CONTEXT);
    return finishImport(library, { jobId, folderId: folder.id, label: `Import of ${folder.path}` }, ctx.json, { folder });
  },
};
