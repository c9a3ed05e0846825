/**
 * `folio people`: the people (clusters of faces), named first, with their counts;
 * `folio people name <id> <name>`: name one (its items get the tag People/<name>);
 * `folio people merge <from> <into>`; `folio people scan <id…>`: find faces in items;
 * `folio people undo [<token>]`: undo a people edit (the latest when no token is given).
 */
import { parseIds, UsageError } from '../cli-error.js';
import { CLI_CONTEXT, print, printJson, type Command } from '../command.js';

const SUBCOMMANDS = 'folio people [--json] | people name <id> <name> | people merge <from> <into> | people scan <id…> | people undo [<token>]';

export const peopleCommand: Command = {
  name: 'people',
  options: {},
  createsLibrary: false,
  async run(ctx) {
    const [verb, ...rest] = ctx.positionals;
    const service = ctx.library().service;
    if (verb === undefined) {
      const answer = await service.call('people.list', {}, CLI_CONTEXT);
      if (ctx.json) printJson(answer);
      else {
        for (const person of answer.people) {
          const faces = `${person.faceCount} face${person.faceCount === 1 ? '' : 's'} in ${person.itemCount} item${person.itemCount === 1 ? '' : 's'}`;
          print(`${person.id}\t${person.name ?? '(unnamed)'}\t${faces}${person.sample ? `\tsample: item ${person.sample.mediaId}` : ''}`);
        }
        if (answer.unassignedFaces > 0) print(`${answer.unassignedFaces} face${answer.unassignedFaces === 1 ? '' : 's'} in no person`);
      }
      return 0;
    }
    if (verb === 'name') {
      const [id, ...words] = rest;
      if (id === undefined || words.length === 0) throw new UsageError(`people name takes a person id and a name: ${SUBCOMMANDS}`);
      const [personId] = parseIds([id], 'person id');
      const answer = await service.call('people.name', { id: personId, name: words.join(' ') }, CLI_CONTEXT);
      if (ctx.json) printJson(answer);
      else print(`Person ${answer.person.id} is ${answer.person.name ?? ''}; ${answer.tagged} item${answer.tagged === 1 ? '' : 's'} tagged (undo: folio people undo ${answer.undo})`);
      return 0;
    }
    if (verb === 'merge') {
      if (rest.length !== 2) throw new UsageError(`people merge takes two person ids: ${SUBCOMMANDS}`);
      const [from, into] = parseIds(rest, 'person id');
      const answer = await service.call('people.merge', { from, into }, CLI_CONTEXT);
      if (ctx.json) printJson(answer);
      else print(`Person ${from} merged into ${answer.person.id} (${answer.person.faceCount} faces; undo: folio people undo ${answer.undo})`);
      return 0;
    }
    if (verb === 'undo') {
      if (rest.length > 1) throw new UsageError(`people undo takes at most one undo token: ${SUBCOMMANDS}`);
      const token = rest[0] ?? 'latest';
      const answer = await service.call('people.undo', { token }, CLI_CONTEXT);
      if (ctx.json) printJson(answer);
      else print(token === 'latest' ? 'The latest people edit was undone' : `People edit ${token} was undone`);
      return 0;
    }
    if (verb === 'scan') {
      if (rest.length === 0) throw new UsageError(`people scan takes item ids: ${SUBCOMMANDS}`);
      const answer = await service.call('media.autoTag', { ids: parseIds(rest), extensions: [{ name: 'faces' }] }, CLI_CONTEXT);
      if (ctx.json) printJson(answer);
      else for (const item of answer.items) print(`${item.id}\t${item.extensionStatus.find((run) => run.extension === 'faces')?.message ?? ''}`);
      return 0;
    }
    throw new UsageError(`Unknown people command "${verb}": ${SUBCOMMANDS}`);
  },
};
