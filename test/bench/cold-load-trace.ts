/**
 * What the gallery's first load waits on, on a large generated library: every call the page
 * makes from navigation to the first row of thumbnails, with when it was sent and answered
 * (page clock), for the first load after the server started (cold) and for the next (warm).
 * A profile to read, not a figure to compare: ui-bench.ts measures the load itself.
 *   node bin/run-ts.mjs test/bench/cold-load-trace.ts [items] [library dir]
 */
import { chromium } from '@playwright/test';
import { startFolioServer } from '../e2e/support/folio-server.js';
import { cachedLargeLibrary, pickPhotos } from './cached-large-library.js';
import { type FirstRowMarks, KEEP_NAMES_SHIM, watchFirstRow } from './ui-page-probes.js';

const ITEMS = Number(process.argv[2] ?? 1_000_000);
const libraryDir = process.argv[3] ?? (await cachedLargeLibrary(ITEMS, 300, pickPhotos())).dir;
const server = await startFolioServer({ libraryDir, withPhotos: false });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  await page.addInitScript({ content: KEEP_NAMES_SHIM });
  await page.addInitScript(watchFirstRow);
  for (const label of ['cold', 'warm']) {
    const calls: { name: string; sent: number; answered: number }[] = [];
    const onFinished = (request: import('@playwright/test').Request): void => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/rpc/')) return;
      const timing = request.timing();
      calls.push({ name: url.pathname.slice(5), sent: timing.startTime, answered: timing.startTime + timing.responseEnd });
    };
    page.on('requestfinished', onFinished);
    const navigated = Date.now();
    await page.goto(server.url);
    await page.waitForFunction(() => (globalThis as { __folioBench?: FirstRowMarks }).__folioBench?.firstRow !== undefined, null, { timeout: 60_000 });
    const marks = await page.evaluate(() => ({ ...(globalThis as { __folioBench?: FirstRowMarks }).__folioBench, origin: performance.timeOrigin }));
    await page.waitForTimeout(3_000);
    page.off('requestfinished', onFinished);
    console.log(`\n${label}: shell ${marks.shell?.toFixed(0)} ms, first row of thumbnails ${marks.firstRow?.toFixed(0)} ms (page clock)`);
    for (const call of calls.sort((a, b) => a.sent - b.sent)) {
      const sent = call.sent - (marks.origin ?? navigated);
      console.log(`  ${call.name.padEnd(28)} sent ${sent.toFixed(0).padStart(6)} ms, answered ${(call.answered - (marks.origin ?? navigated)).toFixed(0).padStart(6)} ms (${(call.answered - call.sent).toFixed(0)} ms)`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
