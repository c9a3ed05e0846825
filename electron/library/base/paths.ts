import os from 'node:os';
import path from 'node:path';

/** Where a library keeps its parts. The database and the regenerable caches live apart. */
export interface LibraryPaths {
  root: string;
  database: string;
  thumbnails: string;
}

export function libraryPaths(root: string): LibraryPaths {
  const abs = path.resolve(root);
  return {
    root: abs,
    database: path.join(abs, 'library.sqlite'),
    thumbnails: path.join(abs, 'cache', 'thumbnails'),
  };
}

/**
 * The per-user default library. It is the `library` folder inside the folder Electron uses as
 * `userData` for an app named "Folio", so the CLI, browser mode and the desktop app all open
 * the same library unless told otherwise.
 */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Folio', 'library');
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'Folio', 'library');
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Folio', 'library');
}

/** `--library`, then FOLIO_LIBRARY, then the per-user default. */
export function resolveLibraryDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return path.resolve(flag);
  if (env.FOLIO_LIBRARY !== undefined && env.FOLIO_LIBRARY !== '') return path.resolve(env.FOLIO_LIBRARY);
  return defaultLibraryDir(env);
}

/** A folder's path joined with a path inside it that is raw bytes (names need not be UTF-8). */
export function joinLocation(folderPath: string, relPath: Buffer): Buffer {
  const parts = path.sep === '/' ? relPath : Buffer.from(relPath.toString('utf8').split('/').join(path.sep));
  return Buffer.concat([Buffer.from(folderPath), Buffer.from(path.sep), parts]);
}
