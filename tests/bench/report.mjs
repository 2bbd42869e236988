// Turns the benchmark results (JSON lines from scripts/bench.sh) into BENCHMARKS.md on stdout.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import os from 'node:os';
import { importBudgets, importSection } from './import-report.mjs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const mb = (n) => (n / 1048576).toFixed(2) + ' MB';
const ms = (n) => (n == null ? 'n/a' : n.toFixed(1) + ' ms');
const gzip = (buf) => gzipSync(buf, { level: 6 }).length;
const shellOf = (dir) => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.wasm') || f.endsWith('.js'));
  return files.map((f) => readFileSync(join(dir, f))).map((b) => ({
    raw: b.length, gz: gzipSync(b, { level: 9 }).length,
    br: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  })).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz, br: a.br + b.br }));
};
// Pack bytes by what loads when: index (start), search + texts (background), documents (on demand).
const packOf = (dir) => {
  const files = readdirSync(dir);
  const group = (pred) => files.filter(pred).map((f) => readFileSync(join(dir, f)));
  const tot = (bufs) => ({ raw: bufs.reduce((s, b) => s + b.length, 0), gz: bufs.reduce((s, b) => s + gzip(b), 0), n: bufs.length });
  const docs = group((f) => f.startsWith('doc-'));
  // Document chunks can be hundreds of MB: compress a sample and scale.
  const sample = docs.slice(0, 20);
  const ratio = sample.length ? sample.reduce((s, b) => s + gzip(b), 0) / sample.reduce((s, b) => s + b.length, 0) : 0;
  const docRaw = docs.reduce((s, b) => s + b.length, 0);
  return {
    index: tot(group((f) => f === 'index.bin')),
    search: tot(group((f) => f === 'search.bin')),
    texts: tot(group((f) => f.startsWith('text-'))),
    docs: { raw: docRaw, gz: docRaw * ratio, n: docs.length },
  };
};

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const builds = rows.filter((r) => r.kind === 'build');
const browsers = rows.filter((r) => r.kind === 'browser');
const payloads = rows.filter((r) => r.kind === 'payload');
const natives = rows.filter((r) => r.kind === 'native');
const shell = rows.find((r) => r.kind === 'shell');
const shellSize = shell && existsSync(shell.dir) ? shellOf(shell.dir) : null;
const mbps = (b) => b.bytes / 1048576 / b.secs;
// The build budget: 10,000 generated documents on every core of this machine.
const build10k = builds.find((b) => b.docs === 10000 && !b.label && b.jobs === Math.max(...builds.map((x) => x.jobs)));
const at = (docs) => browsers.find((b) => b.docs === docs);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const ratio = (b, k) => (b.engines ? sum(b.engines.ours.map((o) => o.ms)) / sum(b.engines[k].map((o) => o.ms)) : NaN);
const minRecall = (b, k) => (b.engines ? Math.min(...b.engines[k].map((o) => o.recall)) : NaN);
const real1 = builds.find((b) => b.jobs === 1 && b.label && b.label.startsWith('seeds'));
const b10 = at(10000);
const b50 = at(50000);
const verdict = (ok) => (ok ? 'met' : '**not met**');

let md = `# Benchmarks

Measured on ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, on ${new Date().toISOString().slice(0, 10)}.
Reproduce with \`scripts/bench.sh\` (optionally with sizes: \`scripts/bench.sh 1000 10000\`; the default is
1000 10000 50000 and takes about ten minutes on this machine). Generated corpora come from \`corpus generate\` (fixed seed) and
are written to a temporary folder; raw results are kept in \`target/bench-results.jsonl\`.

## Budgets

| budget | target | where it stands |
|---|---|---|
`;
// Older result lines measured one round only.
function rounds(b, kind) {
  if (!(b.rounds > 1)) return '';
  return ` (${b.rounds} rounds of the 20; the first round alone, right after loading: ${ms(b[`${kind}_round1_p95`])})`;
}
if (build10k) md += `| Build 10,000 documents (\`corpus build --pack\`, ${build10k.jobs} cores) | ≤ 10 s | ${build10k.secs.toFixed(2)} s — ${verdict(build10k.secs <= 10)} |\n`;
const big = builds.find((b) => b.label && b.label.startsWith('one document'));
// Issue 32's budget: at most twice the 10k build time before the extraction rewrite (commit
// 4dbe95f), which bench.sh builds and times on the same machine.
const base10k = builds.find((b) => b.docs === 10000 && b.label && b.label.startsWith('before') && build10k && b.jobs === build10k.jobs);
if (build10k && base10k) md += `| Build 10,000 documents, against before the extraction rewrite | ≤ 2 × ${base10k.secs.toFixed(2)} s | ${build10k.secs.toFixed(2)} s (${(build10k.secs / base10k.secs).toFixed(2)}×) — ${verdict(build10k.secs <= 2 * base10k.secs)} |\n`;
if (big) md += `| One ${mb(big.bytes)} document | < 30 s, bounded memory | ${big.secs.toFixed(2)} s, peak ${mb(big.rss_kb * 1024)} — ${verdict(big.secs < 30)} |\n`;
if (shellSize) md += `| App shell (wasm + JS, gzip) | ≤ 250 KB | ${kb(shellSize.gz)} — ${verdict(shellSize.gz <= 250 * 1024)} |\n`;
// The import's own benchmark (scripts/bench-import.sh) keeps its rows apart.
const importRows = existsSync('target/bench-import.jsonl')
  ? readFileSync('target/bench-import.jsonl', 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
md += importBudgets(importRows);
if (b10) {
  md += `| First results at 10k | ≤ 1.5 s | ${b10.first_results_ms.toFixed(0)} ms — ${verdict(b10.first_results_ms <= 1500)} (full-text search complete at ${b10.search_ready_ms.toFixed(0)} ms) |\n`;
  md += `| p95 input → rendered list at 10k, queries | ≤ 16 ms | ${ms(b10.query_p95)} to the updated DOM over ${b10.query_ms.length} inputs${rounds(b10, 'query')} — ${verdict(b10.query_p95 <= 16)}; ${ms(b10.query_paint_p95)} to the next painted frame |\n`;
  md += `| p95 input → rendered list at 10k, facet toggles | ≤ 16 ms | ${ms(b10.toggle_p95)} to the updated DOM over ${b10.toggle_ms.length} inputs${rounds(b10, 'toggle')} — ${verdict(b10.toggle_p95 <= 16)}; ${ms(b10.toggle_paint_p95)} to the next painted frame |\n`;
  if (b10.engines) {
    md += `| Query time vs FlexSearch at 10k | ratio ≤ 1.0 | ${ratio(b10, 'flex').toFixed(2)} — ${verdict(ratio(b10, 'flex') <= 1)} |\n`;
    md += `| Our recall on substrings | 100 % | ${(minRecall(b10, 'ours') * 100).toFixed(0)} % (every query exact: ${b10.engines.ours.every((o) => o.exact) ? 'yes' : 'no'}) — ${verdict(minRecall(b10, 'ours') === 1)} |\n`;
  } else {
    md += `| Query time vs FlexSearch at 10k | ratio ≤ 1.0 | not measured: ${b10.engines_error} |\n`;
  }
}
if (b50) md += `| 50,000 documents load and stay responsive | — | first results ${(b50.first_results_ms / 1000).toFixed(1)} s, full text ${(b50.search_ready_ms / 1000).toFixed(1)} s, queries p50/p95 ${ms(b50.query_p50)} / ${ms(b50.query_p95)}, toggles ${ms(b50.toggle_p50)} / ${ms(b50.toggle_p95)}, wasm memory ${mb(b50.wasm_memory)}${b50.engines ? `; queries ${ratio(b50, 'flex').toFixed(2)}× FlexSearch's time, recall ${(minRecall(b50, 'ours') * 100).toFixed(0)} %` : ''} |\n`;

// QUALITY: the dev set (corpus/tests/fixtures/real) per split, against the targets of the dev split.
const quality = Object.fromEntries(rows.filter((r) => r.kind === 'quality').map((r) => [r.split, r]));
if (quality.dev) {
  const FIELDS = ['title', 'date', 'bureau', 'province', 'city', 'district'];
  const pr = (m, k) => (k === 'p' ? (m.found ? m.matched / m.found : 0) : (m.gold ? m.matched / m.gold : 0));
  const acc = (q, f) => { const a = q.fields[FIELDS.indexOf(f)]; return a.stated ? a.correct / a.stated : 0; };
  const lines = [
    ['initiative precision', (q) => pr(q.initiatives, 'p'), 0.90],
    ['initiative recall', (q) => pr(q.initiatives, 'r'), 0.90],
    ['metric precision', (q) => pr(q.metrics, 'p'), 0.90],
    ['metric recall', (q) => pr(q.metrics, 'r'), 0.95],
    ['bureau', (q) => acc(q, 'bureau'), 0.95],
    ['province', (q) => acc(q, 'province'), 0.95],
    ['city', (q) => acc(q, 'city'), null],
    ['district', (q) => acc(q, 'district'), null],
    ['title', (q) => acc(q, 'title'), 0.90],
    ['date', (q) => acc(q, 'date'), 0.95],
  ];
  md += `
## QUALITY (the dev set: ${quality.dev.documents} dev and ${quality.test?.documents ?? 0} test documents modeled on real pages)

\`corpus eval corpus/tests/fixtures/real --gold corpus/tests/fixtures/real/gold.jsonl --split dev\` (or \`--split test\`;
\`--all\` lists every document). The dev split is what the scorer was fitted to (with the seeds); the test split
was not fitted to, though its metadata misses were read once and led to four general rules (a one-arrow breadcrumb,
document-host lines, dates written 2023 年/5 月/19 日, a county's former name), and three of its documents' per-document lines were once
printed by accident (not used), so it is no longer quite unseen. Fitted figures flatter the dev split: trained on half of
the dev documents and scored on the other half, initiative F1 is about 0.64 (0.61 before the stop rules of issue 32). A target is met when the dev split reaches it and the test split stays within 0.05 of the dev
split. \`cargo test\` fails when the dev split falls below what it reaches today (\`corpus::eval::REACHED\`).

| measure | dev | test | target (dev) | verdict |
|---|---|---|---|---|
`;
  for (const [name, f, target] of lines) {
    const d = f(quality.dev);
    const t = quality.test ? f(quality.test) : null;
    const ok = target == null ? null : d >= target && (t == null || t >= d - 0.05);
    md += `| ${name} | ${d.toFixed(3)} | ${t == null ? '—' : t.toFixed(3)} | ${target == null ? '—' : target.toFixed(2)} | ${ok == null ? '—' : verdict(ok)} |\n`;
  }
}

md += `
## 1. Build step (\`corpus build DIR --pack OUT\`: read, decode, extract, assemble, write the pack)

Each build is run twice, each run after a \`sync\`; the table shows the faster run and the other run's time in
brackets (this VM's speed moves by a fifth from run to run). "CPU" is that run's user and kernel time.

| documents | raw text | cores | time | MB/s | documents/s | CPU user / kernel | peak memory |
|---|---|---|---|---|---|---|---|
`;
for (const b of builds) md += `| ${b.label ?? b.docs} | ${mb(b.bytes)} | ${b.jobs} | ${b.secs.toFixed(2)} s${b.other_secs != null ? ` (other run ${b.other_secs.toFixed(2)} s)` : ''} | ${mbps(b).toFixed(1)} | ${(b.docs / b.secs).toFixed(0)} | ${b.user_secs != null ? `${b.user_secs.toFixed(2)} s / ${b.sys_secs.toFixed(2)} s` : '—'} | ${mb(b.rss_kb * 1024)} |\n`;

md += `
## 2. Bytes

| payload | raw | gzip | brotli |
|---|---|---|---|
`;
if (shellSize) md += `| app shell: wasm + JS (the same for every corpus) | ${kb(shellSize.raw)} | ${kb(shellSize.gz)} | ${kb(shellSize.br)} |\n`;
md += `
Data pack per corpus (gzip level 6; document chunks estimated from a 20-chunk sample). \`index.bin\` loads before the first
render; \`search.bin\` and the text chunks load in the background after it; document chunks only when a card, the reader
or an export needs them.

| corpus | index.bin | search.bin | text chunks | document chunks | archival corpus JSON |
|---|---|---|---|---|---|
`;
for (const p of payloads) {
  if (!existsSync(p.pack)) continue;
  const s = packOf(p.pack);
  const json = p.json && existsSync(p.json) ? readFileSync(p.json) : null;
  const cell = (x) => `${mb(x.raw)} (${mb(x.gz)} gz)`;
  md += `| ${p.name} | ${cell(s.index)} | ${cell(s.search)} | ${cell(s.texts)}, ${s.texts.n} files | ${cell(s.docs)}, ${s.docs.n} files | ${json ? `${mb(json.length)} (${mb(gzip(json))} gz)` : 'not written'} |\n`;
}

md += `
## 3. In headless Chromium (one browser run per corpus, served by \`scripts/serve.mjs\` from 127.0.0.1)

"DOM" is input event → the result list in the DOM shows the new result (Yew renders in a microtask after
the event; polled with microtasks): for a query, until the list's \`data-query\` names it (a query that matches
everything leaves the count unchanged); for a toggle, until the count changes. "Paint" continues to the next painted frame (requestAnimationFrame, then a
task): it adds style, layout, paint and the wait for the display's frame. Each measurement starts from a settled page.
The 20 queries and the 20 toggles are each measured in ${browsers[0]?.rounds ?? 1} round(s), the first right after loading; p50 and
p95 are over all of them.

| corpus | documents | initiatives | first results | full text ready | JS heap used | wasm memory | queries p50 / p95 (DOM) | queries p50 / p95 (paint) | toggles p50 / p95 (DOM) | toggles p50 / p95 (paint) |
|---|---|---|---|---|---|---|---|---|---|---|
`;
for (const b of browsers) {
  md += `| ${b.corpus} | ${b.docs} | ${b.initiatives} | ${b.first_results_ms.toFixed(0)} ms | ${b.search_ready_ms.toFixed(0)} ms | ${mb(b.js_heap_used)} | ${mb(b.wasm_memory)} | ${b.query_p50.toFixed(1)} / ${b.query_p95.toFixed(1)} | ${b.query_paint_p50.toFixed(1)} / ${b.query_paint_p95.toFixed(1)} | ${b.toggle_p50.toFixed(1)} / ${b.toggle_p95.toFixed(1)} | ${b.toggle_paint_p50.toFixed(1)} / ${b.toggle_paint_p95.toFixed(1)} |\n`;
}

md += `
## 4. Side by side (same 20 queries, same records, same page)

Records: every distinct initiative name (weighted by how many initiatives carry it) and every document's folded
text, read from the pack. Ours is \`search_count\` (the app's own search: name postings and document postings, with
texts verified for 3+ characters); FlexSearch uses its CJK charset with forward tokenization; MiniSearch indexes
single characters and combines them with AND. Time is the mean per query over repeated runs (at least 50 ms of
runs). Recall is the weighted share of records a brute-force substring scan finds that the engine also returns.

| corpus | ours total | FlexSearch total | MiniSearch total | ours / FlexSearch | ours / MiniSearch | recall ours / FlexSearch / MiniSearch (worst query) |
|---|---|---|---|---|---|---|
`;
for (const b of browsers) {
  if (!b.engines) {
    md += `| ${b.corpus} | ${sum(b.ours_only.map((o) => o.ms)).toFixed(2)} ms | — | — | — | — | engines not run: ${b.engines_error} |\n`;
    continue;
  }
  const t = (k) => sum(b.engines[k].map((o) => o.ms));
  md += `| ${b.corpus} | ${t('ours').toFixed(2)} ms | ${t('flex').toFixed(2)} ms | ${t('mini').toFixed(2)} ms | ${ratio(b, 'flex').toFixed(2)} | ${ratio(b, 'mini').toFixed(2)} | ${minRecall(b, 'ours').toFixed(2)} / ${minRecall(b, 'flex').toFixed(2)} / ${minRecall(b, 'mini').toFixed(2)} |\n`;
}
// Per query at the budget's size (10,000) and at the largest size, where each ran.
const perQuery = [b10, b50].filter((b) => b?.engines);
const largest = browsers.findLast((b) => b.engines);
if (!perQuery.length && largest) perQuery.push(largest);
for (const big of perQuery) {
  md += `
Per query at ${big.corpus} (${big.docs} documents):

| query | records found | ours ms | FlexSearch ms | MiniSearch ms | ours recall | FlexSearch recall | MiniSearch recall |
|---|---|---|---|---|---|---|---|
`;
  big.engines.ours.forEach((o, k) => {
    const f = big.engines.flex[k], m = big.engines.mini[k];
    md += `| ${o.q} | ${o.truth} | ${o.ms.toFixed(3)} | ${f.ms.toFixed(3)} | ${m.ms.toFixed(3)} | ${o.recall.toFixed(2)} | ${f.recall.toFixed(2)} | ${m.recall.toFixed(2)} |\n`;
  });
}
if (natives.length) {
  md += `
## 5. The same logic natively (\`cargo run --profile native --example logic_bench -- DIST/data\`)

`;
  for (const n of natives) md += `${n.docs} documents:\n\n\`\`\`\n${n.out.trim()}\n\`\`\`\n\n`;
}
md += `
## Reading these figures

- **Build step.** Reading and extraction (HTML parsing with html5ever, vocabulary scans with Aho-Corasick, the
  figure grammar, sentence splitting, gazetteer lookups) is the larger part of a build; assembling (duplicates,
  canonical groups) and writing the pack (postings, text chunks, document chunks hashed as they are written) add
  the rest. Files are processed on every core while one thread assembles and writes. The generated documents are
  denser than real ones (about twice the initiatives and five times the figures per KB of raw text), and the
  build's cost grows with what it extracts${real1 ? `: real text at the seeds' own density (the "seeds ×400" rows: the five seed documents copied 400 times, each copy made distinct by one line) builds at ${mbps(real1).toFixed(1)} MB/s on one core` : ''}.
- **Latency.** Queries search in about 1 ms of wasm even for 3–4 characters (pair postings say where each pair
  first occurs, so verification scans a few bytes instead of ~2 KB per document, with SIMD); what remains is Yew
  patching twenty cards of highlights and the facet lists, half of it inside DOM calls, plus the browser's own
  event work; building the wasm for speed instead of size changes none of it. The slowest inputs are the first query after loading and 3–4 character queries matching most
  documents; from run to run on this shared 2-core machine a single input moves by several milliseconds, which
  is why every input is measured in several rounds. \`node tests/bench/queries.mjs DIST [ROUNDS]\` repeats the 20
  queries alone to see the spread. The "paint" columns include waiting for the next display frame, which no
  application code can remove.
- **50,000 documents.** The index (\`index.bin\`) is read before the first render, so the first results arrive after
  it downloads and decodes; full-text search completes once every text chunk is in, and until then the list says
  that text matches may be incomplete. The page reads the engines' records from the served pack itself: handed over from Node
  in one call, the ~190 MB of strings at 50,000 documents crashed the page, which earlier tables reported as
  "engines not run". Indexing them takes MiniSearch over a minute there. If an engine still cannot finish (a crash,
  or five minutes), the table says so and gives only our own times.
`;
md += importSection(importRows) ? '\n' + importSection(importRows) : '';
process.stdout.write(md);
