// Browser benchmark of the import (issue 31), in headless Chromium on a built dist/:
//   - import time: from the click on 开始导入 until the report is shown and the corpus kept
//     (worker start, every file, the pack, IndexedDB), and until the new corpus's first results;
//   - input latency during the import: queries typed into the search box while the worker
//     builds, input → updated list (DOM) and → the next painted frame; p50 / p95;
//   - first results after a reload with the imported corpus (navigation → first card);
//   - the worker's peak memory, the app shell (gzip), and the single file's size for the seed
//     corpus and for these documents.
// Usage: node tests/bench/import.mjs RESULTS.jsonl DIST DOCS_DIR PACK_DIR
//   DOCS_DIR holds the documents (`corpus generate`), PACK_DIR the CLI's pack of them.
// Appends one JSON line ({"kind":"import", …}) to RESULTS.jsonl.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve, ROOT } from '../e2e/harness.mjs';

const [out, dist, docsDir, packDir] = process.argv.slice(2);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const QUERIES = ['税', '服务', '办税', '纳税人', '学堂', '税务局', '自助', '减税', '信用', '窗口'];

const browser = await launch();
const server = await serve({ dist });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('html[data-search=ready]', { timeout: 60000 });
await page.waitForTimeout(300);

await page.click('#import-open');
await page.setInputFiles('[data-testid=pick-folder]', docsDir);
await page.waitForSelector('[data-testid=picked]');
const files = readdirSync(docsDir).length;

// One query typed, and the time until the list shows it (DOM) and until the next frame.
const typeQuery = (q) => page.evaluate(async (q) => {
  const input = document.querySelector('#q');
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const done = () => document.querySelector('section.results')?.dataset.query === q;
  let dom = null;
  for (let i = 0; i < 200 && dom === null; i++) { await Promise.resolve(); if (done()) dom = performance.now() - t0; }
  if (dom === null) {
    const ch = new MessageChannel();
    for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => { ch.port1.onmessage = r; ch.port2.postMessage(0); });
    dom = performance.now() - t0;
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return [dom, performance.now() - t0];
}, q);

// The same typing with nothing running, for comparison (this machine's two cores are shared).
await page.click('[data-testid=import-close]');
const idle = [];
for (let i = 0; i < 40; i++) { idle.push((await typeQuery(QUERIES[i % QUERIES.length]))[1]); await page.waitForTimeout(40); }
await page.click('#import-open');
await page.setInputFiles('[data-testid=pick-folder]', docsDir);
await page.waitForSelector('[data-testid=picked]');

// The dialog goes to the background so the search box can be typed in, as a user would.
await page.click('[data-testid=import-start]');
const t0 = Date.now();
await page.waitForSelector('[data-testid=import-count]');
await page.click('text=在后台继续');
const dom = [];
const paint = [];
let k = 0;
while (!(await page.evaluate(() => document.documentElement.dataset.import === 'done'))) {
  const [d, p] = await typeQuery(QUERIES[k % QUERIES.length]);
  dom.push(d); paint.push(p);
  k++;
  await page.waitForTimeout(40);
  if (Date.now() - t0 > 300000) throw new Error('the import did not finish within 5 minutes');
}
const importMs = Date.now() - t0;
await page.waitForFunction((n) => document.querySelector('[data-testid=corpus-summary]')?.textContent.startsWith(`${n} `), readdirSync(docsDir).length, { timeout: 60000 });
await page.waitForSelector('.cards .card');
const shownMs = Date.now() - t0;
const memory = Number(await page.evaluate(() => document.documentElement.dataset.importMemory));
const summary = await page.textContent('[data-testid=corpus-summary]');

// A reload: the imported corpus comes from IndexedDB.
const reloadFirst = [];
for (let r = 0; r < 3; r++) {
  await page.goto('about:blank');
  await page.goto(server.url + '#/initiatives');
  reloadFirst.push(await page.evaluate(async () => {
    while (!document.querySelector('.cards .card')) await new Promise((r) => setTimeout(r, 2));
    return performance.now();
  }));
}
await browser.close();
await server.close();

// Bytes: the shell as scripts/bench.sh measures it (top-level wasm + JS of dist, gzip -9), and
// the single file for the seed corpus and for these documents.
const shell = readdirSync(dist).filter((f) => f.endsWith('.wasm') || f.endsWith('.js'))
  .reduce((s, f) => s + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
const worker = gzipSync(readFileSync(join(dist, 'import', 'import-worker_bg.wasm')), { level: 9 }).length;
const tmp = mkdtempSync(join(tmpdir(), 'bench-import-'));
const single = (label, pack) => {
  const d = join(tmp, label);
  cpSync(dist, d, { recursive: true });
  if (pack) { rmSync(join(d, 'data'), { recursive: true }); cpSync(pack, join(d, 'data'), { recursive: true }); }
  const r = spawnSync('node', [join(ROOT, 'scripts/single-file.mjs'), d, join(d, 'one.html')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return statSync(join(d, 'one.html')).size;
};
const singleSeed = single('seed', null);
const singleDocs = single('docs', packDir);
// The single file with these documents, opened from disk: first results.
const b2 = await launch();
const p2 = await (await b2.newContext()).newPage();
await p2.goto('file://' + join(tmp, 'docs', 'one.html'));
const singleFirst = await p2.evaluate(async () => {
  while (!document.querySelector('.cards .card')) await new Promise((r) => setTimeout(r, 2));
  return performance.now();
});
await b2.close();
rmSync(tmp, { recursive: true, force: true });

const row = {
  kind: 'import', files, summary, import_ms: importMs, shown_ms: shownMs,
  inputs: dom.length, input_dom_p50: pct(dom, 0.5), input_dom_p95: pct(dom, 0.95), input_paint_p50: pct(paint, 0.5), input_paint_p95: pct(paint, 0.95), idle_paint_p50: pct(idle, 0.5), idle_paint_p95: pct(idle, 0.95),
  reload_first_ms: reloadFirst, worker_memory: memory, shell_gz: shell, worker_gz: worker, single_seed: singleSeed, single_docs: singleDocs, single_first_ms: singleFirst,
};
appendFileSync(out, JSON.stringify(row) + '\n');
console.log(JSON.stringify(row, null, 1));
