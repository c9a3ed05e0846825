import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyCorpus, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio } from './run-folio.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('folio-cli-faults-');
});
afterEach(() => removeDir(dir));

describe('faults of the machine, as the CLI reports them', () => {
  it('names a file that stands where the thumbnail cache must be, with the I/O exit code', async () => {
    const library = path.join(dir, 'library');
    const photos = copyCorpus(path.join(dir, 'photos'), ['jpg/Canon_40D.jpg']);
    expect((await runFolio(['import', photos, '--library', library])).code).toBe(0);
    fs.rmSync(path.join(library, 'cache'), { recursive: true });
    fs.writeFileSync(path.join(library, 'cache'), 'not a folder');
    const run = await runFolio(['list', '--library', library]);
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(/^folio: .*cache.* is in the way: Folio needs a folder there/m);
    expect(run.stderr).not.toContain('unexpected error');
  });
});
