import { EXIT_FOR_CODE } from './exit-codes.js';

const codes = Object.entries(EXIT_FOR_CODE)
  .filter(([code]) => code !== 'CANCELLED')
  .map(([code, exit]) => `  ${String(exit).padStart(3)}  ${code}`)
  .join('\n');

export const USAGE = `Usage: folio <command> [options]

Commands:
  import <dir>               Add a folder (recursively) and import it; waits until done
  rescan [--folder <id>…]    Look for new, changed and missing files
  list [--json]              List items: --tag <t> (repeatable, or a,b), --query <search>,
                             --limit <n>, --all, --sort <name|takenAt|addedAt|size|rating>[:asc|desc],
                             --status <active|deleted> (deleted = the trash), --cursor <c>
  get <id> [--json]          Show one item
  tag <id…> --add a,b --remove c
                             Add and remove tags on items (one transaction)
  tags [--tree] [--json]     The tags with counts (--tree: the whole tag tree, indented)
  tags rename <path> <new-path>   Rename or move a tag and its branch (onto a tag: merge)
  tags merge <path…> --into <path>
  tags alias <alias> <path> [--remove]    tags imply <path> <implied-path> [--remove]
  tags colour <path> <#rrggbb|none>       tags delete <path>       tags undo <token>
  rate <id…> [--rating 0-5] [--label none|red|yellow|green|blue|purple] [--flag none|pick|reject]
                             Rate, label and flag items (one transaction; 0 = unrated)
  trash <id…>                Move items to the trash (files are not touched)
  restore <id…>              Bring items back from the trash
  duplicates [--similar <id>] [--distance <n>]
                             Exact and near-duplicate pictures, largest first; or those like one item
  analyse [--all] [--extensions a,b] [<id>…]
                             Run the background analysis now: the items due (never analysed, older
                             model, changed file), every item with --all, or the ids; Ctrl+C stops
  analysis [status|pause|resume|cancel] [--auto on|off] [--extensions a,b]
                             The background analysis's progress and settings
  people [--json]            People (faces grouped by who they are), named first, with counts
  people name <id> <name>    Name a person: its items get the tag People/<name>
  people merge <from> <into> Move every face of one person into another
  people scan <id…>          Find the faces in items (the faces extension) and group them
  people undo [<token>]      Undo a people edit (name, merge, split, not this person); the latest by default
  backup [<file>]            A consistent copy of the library, also while it is in use
                             (default: backups/folio-manual-<time>.sqlite in the library folder)
  check [--repair]           Check the database, tag counts, files and thumbnails; --repair
                             recounts tags and makes missing thumbnails (files are not touched)
  restore <backup-file>      Put a backup in place of the library (refused while it is open);
                             the library as it was is kept in backups/ first
  albums [--json]            Albums, smart albums and folders as a tree, with their counts
  album create <name> [--folder | --smart <search>] [--in <folder>]
                             Make an album, a folder of albums or a smart album (a saved search)
  album rename <album> <new name> | album move <album> [--in <folder>] | album delete <album>
                             An album is named by its name or its id; deleting keeps the items
  album add <album> <id…> [--before <id>] | album remove <album> <id…> | album items <album>
                             Add (appended, or placed before an item), remove, list in album order
  config get [--json]        The library's settings
  config set write-sidecars true|false
                             Write edits (tags, rating, label, flag, name, description, focus
                             area) to XMP sidecars beside the files (off by default)
  sidecars [status|write-all|cancel]
                             Sidecar writing: what is pending or failed; write every item's
                             sidecar now (waits, Ctrl+C cancels the rest); cancel that
  export-metadata [--format csv|json] [--query <search>] [-o <file>]
                             One row per item: path, name, description, tags as paths, AI tags,
                             rating, label, flag, albums, custom and detected fields
  export <dir> [<id>…] [--query <search>] [--album <name>] [--sidecars]
         [--long-edge <px>] [--quality <n>] [--template <t>]
                             Copies with the metadata embedded (or untouched with XMP sidecars,
                             or JPEG renditions); never overwrites: a taken name gets " (2)".
                             Template fields: {name} {original} {date:YYYY-MM-DD} {counter:3}
                             {id} {rating} {label}. Ctrl+C cancels the rest
  serve [--port <n>] [--host 127.0.0.1|::1] [--demo]
                             Browser mode: the app and the REST API on this machine only

Options:
  --library <dir>            The library to use (else FOLIO_LIBRARY, else the per-user default)
  --json                     Machine-readable output on stdout (errors too, as {"error": …})
  -h, --help                 This help

Exit codes:
    0  success
    1  any other error
    2  usage error (unknown command or option, bad id)
${codes}
   10  check: problems found (a tag count, a file, a thumbnail; the database is sound)
   11  check: the database is damaged (restore a backup)
  130  interrupted (Ctrl+C); the work already committed stays

Environment:
  FOLIO_LIBRARY              The library folder (as --library)
  FOLIO_BACKUPS_KEPT         Automatic backups kept (daily, before an upgrade); default 7

Errors are printed on stderr as "folio: <message>".`;
