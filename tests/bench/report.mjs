// Turns the benchmark results (JSON lines) into BENCHMARKS.md on stdout.
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import os from 'node:os';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const mb = (n) => (n / 1048576).toFixed(2) + ' MB';
// Brotli at its maximum (11) for the app shell; quality 9 for multi-megabyte corpus payloads,
// where 11 takes minutes (as a static host precompressing them would also choose).
const sizes = (buf) => ({
  raw: buf.length,
  gz: gzipSync(buf, { level: 9 }).length,
  br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: buf.length > 4 << 20 ? 9 : 11 } }).length,
});
const shellOf = (dir) => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.wasm') || f.endsWith('.js'));
  return files.map((f) => sizes(readFileSync(join(dir, f)))).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz, br: a.br + b.br }));
};
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
let md = `# Benchmarks

Measured on ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, on ${new Date().toISOString().slice(0, 10)}.
Reproduce with \`scripts/bench.sh\` (optionally with sizes: \`scripts/bench.sh 1000 10000\`). Generated corpora come from
\`corpus generate\` (fixed seed) and are written to a temporary folder.

## Budgets

| budget | target | where it stands |
|---|---|---|
`;
const builds = rows.filter((r) => r.kind === 'build');
const one = builds.filter((b) => b.jobs === 1);
const mbps = (b) => b.bytes / 1048576 / b.secs;
const worst1 = Math.min(...one.map(mbps));
const shell = rows.find((r) => r.kind === 'shell');
const shellSize = shell ? shellOf(shell.dir) : null;
const br = rows.find((r) => r.kind === 'browser');
md += `| Build step per core | ≥ 20 MB/s | ${worst1.toFixed(1)} MB/s (worst size, one core) — ${worst1 >= 20 ? 'met' : '**not met**'} |\n`;
if (shellSize) md += `| App shell (wasm + JS, gzip) | ≤ 250 KB | ${kb(shellSize.gz)} — ${shellSize.gz <= 250 * 1024 ? 'met' : '**not met**'} |\n`;
if (br) {
  md += `| First results (seed corpus) | ≤ 1.5 s at 10k | ${br.first_results_ms.toFixed(0)} ms at ${br.docs} documents; **not measured at 10k** (see below) |\n`;
  md += `| p95 input → render | ≤ 16 ms at 10k | queries ${br.query_p95.toFixed(1)} ms, toggles ${br.toggle_p95.toFixed(1)} ms at ${br.docs} documents; **not measured at 10k** |\n`;
}
md += `
## 1. Build step

| documents | raw text | cores | time | MB/s | documents/s | peak memory | corpus JSON |
|---|---|---|---|---|---|---|---|
`;
for (const b of builds) {
  const json = statSync(b.json).size;
  md += `| ${b.docs} | ${mb(b.bytes)} | ${b.jobs} | ${b.secs.toFixed(2)} s | ${mbps(b).toFixed(1)} | ${(b.docs / b.secs).toFixed(0)} | ${mb(b.rss_kb * 1024)} | ${mb(json)} |\n`;
}
md += `
## 2. Bytes

| payload | raw | gzip | brotli |
|---|---|---|---|
`;
if (shellSize) md += `| app shell (wasm + JS, built with an empty corpus) | ${kb(shellSize.raw)} | ${kb(shellSize.gz)} | ${kb(shellSize.br)} |\n`;
const seedApp = rows.find((r) => r.kind === 'seedapp');
if (seedApp) { const s = shellOf(seedApp.dir); md += `| app with the embedded seed corpus | ${kb(s.raw)} | ${kb(s.gz)} | ${kb(s.br)} |\n`; }
for (const p of [...rows.filter((r) => r.kind === 'payload'), ...builds.filter((b) => b.jobs === 1).map((b) => ({ name: `${b.docs} documents`, json: b.json }))]) {
  const s = sizes(readFileSync(p.json));
  md += `| corpus JSON, ${p.name} | ${mb(s.raw)} | ${mb(s.gz)} | ${mb(s.br)} |\n`;
}
if (br) {
  md += `
## 3. In headless Chromium (seed corpus: ${br.docs} documents, ${br.initiatives} initiatives)

| measure | value |
|---|---|
| navigation → first rendered results | ${br.first_results_ms.toFixed(0)} ms |
| JS heap used / total | ${mb(br.js_heap_used)} / ${mb(br.js_heap_total)} |
| wasm linear memory | ${br.wasm_memory ? mb(br.wasm_memory) : 'n/a'} |
| 20 queries (1–5 characters), input → rendered list, p50 / p95 | ${br.query_p50.toFixed(1)} / ${br.query_p95.toFixed(1)} ms |
| 20 facet toggles, input → rendered list, p50 / p95 | ${br.toggle_p50.toFixed(1)} / ${br.toggle_p95.toFixed(1)} ms |

## 4. Side by side (same 20 queries, same initiative and document texts, same page)

Times are per query (mean of 20 runs); Chromium coarsens \`performance.now()\` to 5 µs steps, so
at seed scale these are at the edge of what the clock can show. Recall is the share of records that a brute-force substring
scan finds which the engine also returns. FlexSearch uses its CJK charset with forward
tokenization; MiniSearch indexes single characters and combines them with AND.

| query | ours ms | FlexSearch ms | MiniSearch ms | ours recall | FlexSearch recall | MiniSearch recall |
|---|---|---|---|---|---|---|
`;
  br.engines.ours.forEach((o, k) => {
    const f = br.engines.flex[k], m = br.engines.mini[k];
    md += `| ${o.q} | ${o.ms.toFixed(3)} | ${f.ms.toFixed(3)} | ${m.ms.toFixed(3)} | ${o.recall.toFixed(2)} | ${f.recall.toFixed(2)} | ${m.recall.toFixed(2)} |\n`;
  });
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const tOurs = sum(br.engines.ours.map((o) => o.ms)), tFlex = sum(br.engines.flex.map((o) => o.ms)), tMini = sum(br.engines.mini.map((o) => o.ms));
  md += `\nTotal time ratio ours / FlexSearch = ${(tOurs / tFlex).toFixed(2)}, ours / MiniSearch = ${(tOurs / tMini).toFixed(2)}.\n`;
}
md += `
## What is not measured yet, and why

The 10k and 50k browser measurements are missing: the explorer embeds the whole corpus JSON in
the wasm binary, and the JSON grows to about 8–9× the raw text (see the corpus JSON sizes
above), so a 10,000-document build would embed hundreds of megabytes. Meeting the 10k budgets
needs the design change the performance issue anticipates (a compact index built at build time,
document texts loaded on demand in chunks); it is recorded as open work in ARCHITECTURE.md.
`;
process.stdout.write(md);
