import { parseIds } from '../cli-error.js';
import { CLI_CONTEXT, stringList, type Command } from '../command.js';
import { finishImport } from '../follow-import.js';

export const rescanCommand: Command = {
  name: 'rescan',
  options: { folder: { type: 'string', multiple: true } },
  createsLibrary: false,
  async run(ctx) {
    const folders = stringList(ctx.values, 'folder');
    const folderIds = folders === undefined ? undefined : parseIds(folders.flatMap((value) => value.split(',')), 'folder id');
    const library = ctx.library();
    const { jobId } = await library.service.call('import.rescan', folderIds === undefined ? {} : { folderIds }, CLI_CONTEXT);
    const only = folderIds?.length === 1 ? folderIds[0] : undefined;
    return finishImport(library, { jobId, folderId: only, label: 'Rescan' }, ctx.json);
  },
};
