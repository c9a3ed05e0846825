import { openDatabase } from '../../electron/library/db/connection.js';
import { ItemColumns } from '../../electron/library/db/item-columns.js';
import { resolveList } from '../../electron/library/service/list-request.js';
import { columnQuestion } from '../../electron/library/service/view-count.js';
const file = process.argv[2] as string;
const db = openDatabase(file, { readonly: true });
const top = db.prepare('SELECT name FROM tags ORDER BY item_count DESC LIMIT 1').pluck().get() as string;
const q = `(rating:>=3 OR flag:pick OR rating:0) -label:purple taken:2010..2022 -type:video tag:"${top}"`;
const resolved = resolveList(db, { query: q }, undefined, undefined)!;
const question = columnQuestion(resolved)!;
let t = performance.now();
let columns = db.transaction(() => ItemColumns.build(db))();
console.log('build', (performance.now() - t).toFixed(0), 'ms');
const times: number[] = [];
let n = 0;
for (let i = 0; i < 30; i += 1) {
  t = performance.now();
  n = db.transaction(() => { columns = columns.refresh(db); return columns.count(db, question); })();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log('count', n, 'p50', times[15]!.toFixed(2), 'p95', times[28]!.toFixed(2), 'ms');
t = performance.now();
for (let i = 0; i < 30; i += 1) db.transaction(() => columns.refresh(db))();
console.log('refresh alone', ((performance.now() - t) / 30).toFixed(2), 'ms');
