// Browser benchmark on the built dist/ (seed corpus): first results after navigation, heap,
// input-to-render latency for 20 queries and 20 facet toggles, and the same 20 queries in
// FlexSearch and MiniSearch loaded in the same page, with recall against a brute-force scan.
// Appends JSON lines to the results file given as argv[2].
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, ROOT } from '../e2e/harness.mjs';

const out = process.argv[2];
const QUERIES = ['税', '厅', '服务', '办税', '学堂', '纳税人', '办税厅', '税务局', '春风', '绿色通道', '自助', '减税', '信用',
  '长江', '党建', '乡村', '一次', '窗口', '锦江', '纳税人学堂'];
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

const browser = await launch();
const server = await serve();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(server.url);
const firstMs = await page.evaluate(async () => {
  while (!document.querySelector('.cards .card')) await new Promise((r) => setTimeout(r, 5));
  return performance.now();
});
const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const wasmBytes = await page.evaluate(() => window.taxExplorer?.wasm_memory_bytes?.() ?? null);

// Input → rendered list: set the query, then wait until the count shows the new result.
async function timeInput(q) {
  return page.evaluate(async (q) => {
    const input = document.querySelector('#q');
    const count = () => document.querySelector('[data-testid=result-count]')?.textContent;
    const before = count();
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Yew renders from a microtask; poll without timer clamping.
    const ch = new MessageChannel();
    for (let i = 0; i < 10000; i++) {
      await new Promise((r) => { ch.port1.onmessage = r; ch.port2.postMessage(0); });
      if (count() !== before || document.querySelector('[data-testid=empty]') || i > 50) break;
    }
    return performance.now() - t0;
  }, q);
}
const queryMs = [];
for (const q of QUERIES) { await timeInput(''); queryMs.push(await timeInput(q)); }
await timeInput('');
const toggleMs = [];
const boxes = await page.$$eval('fieldset.facet input[type=checkbox]', (bs) => bs.map((b) => b.id));
for (let i = 0; i < 20; i++) {
  const id = boxes[i % boxes.length];
  toggleMs.push(await page.evaluate(async (id) => {
    const count = () => document.querySelector('[data-testid=result-count]')?.textContent;
    const before = count();
    const t0 = performance.now();
    document.getElementById(id).click();
    const ch = new MessageChannel();
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => { ch.port1.onmessage = r; ch.port2.postMessage(0); });
      if (count() !== before) break;
    }
    return performance.now() - t0;
  }, id));
}

// Same queries, same records, three engines.
const corpus = JSON.parse(readFileSync(join(ROOT, 'target', 'seed-corpus.json'), 'utf8'));
const records = [
  ...corpus.initiatives.map((i) => ({ id: 'i:' + i.id, text: i.name + '\n' + i.summary })),
  ...corpus.documents.map((d) => ({ id: 'd:' + d.id, text: [d.title, ...d.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs])].join('\n') })),
];
await page.addScriptTag({ path: join(ROOT, 'node_modules/flexsearch/dist/flexsearch.bundle.min.js') });
await page.addScriptTag({ path: join(ROOT, 'node_modules/minisearch/dist/umd/index.js') });
const engines = await page.evaluate(async ({ records, queries }) => {
  const time = (f) => { const t0 = performance.now(); let r; for (let k = 0; k < 20; k++) r = f(); return [(performance.now() - t0) / 20, r]; };
  const truth = queries.map((q) => new Set(records.filter((r) => r.text.includes(q)).map((r) => r.id)));
  const flex = new FlexSearch.Index({ encoder: FlexSearch.Charset.CJK, tokenize: 'forward' });
  records.forEach((r, i) => flex.add(i, r.text));
  const mini = new MiniSearch({ fields: ['text'], storeFields: [], tokenize: (s) => [...s.replace(/\s+/g, '')], searchOptions: { combineWith: 'AND' } });
  mini.addAll(records.map((r, i) => ({ id: i, text: r.text })));
  const res = { ours: [], flex: [], mini: [] };
  queries.forEach((q, k) => {
    const [tOurs, nOurs] = time(() => window.taxExplorer.search_count(q));
    const [tFlex, hFlex] = time(() => flex.search(q, { limit: 100000 }));
    const [tMini, hMini] = time(() => mini.search(q));
    const recall = (ids) => truth[k].size === 0 ? 1 : ids.filter((id) => truth[k].has(id)).length / truth[k].size;
    res.ours.push({ q, ms: tOurs, found: nOurs, truth: truth[k].size, recall: nOurs >= truth[k].size ? 1 : nOurs / truth[k].size });
    res.flex.push({ q, ms: tFlex, recall: recall(hFlex.map((i) => records[i].id)) });
    res.mini.push({ q, ms: tMini, recall: recall(hMini.map((h) => records[h.id].id)) });
  });
  return res;
}, { records, queries: QUERIES });

appendFileSync(out, JSON.stringify({
  kind: 'browser', corpus: 'seed', docs: corpus.documents.length, initiatives: corpus.initiatives.length,
  first_results_ms: firstMs, js_heap_used: metrics.JSHeapUsedSize, js_heap_total: metrics.JSHeapTotalSize, wasm_memory: wasmBytes,
  query_p50: pct(queryMs, 0.5), query_p95: pct(queryMs, 0.95), toggle_p50: pct(toggleMs, 0.5), toggle_p95: pct(toggleMs, 0.95),
  engines,
}) + '\n');
await browser.close();
await server.close();
