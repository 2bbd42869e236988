// Quick per-query latency probe (input → DOM), for iterating on rendering cost without the full
// benchmark. Usage: node tests/bench/queries.mjs DIST_DIR [ROUNDS]
import { launch, serve } from '../e2e/harness.mjs';

const [dist, rounds = '3'] = process.argv.slice(2);
// Pause after each step (ms); SETTLE=1500 shows how much the previous query's background work costs.
const SETTLE = Number(process.env.SETTLE ?? 250);
const QUERIES = ['税', '厅', '服务', '办税', '学堂', '纳税人', '办税厅', '税务局', '春风', '绿色通道', '自助', '减税', '信用',
  '长江', '党建', '乡村', '一次', '窗口', '锦江', '税银互动'];
const browser = await launch();
const server = await serve({ dist });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.documentElement.dataset.search === 'ready', null, { timeout: 120000 });
await page.waitForTimeout(500);
const time = (q) => page.evaluate(async (q) => {
  const count = () => document.querySelector('[data-testid=result-count]')?.textContent;
  const before = count();
  const t0 = performance.now();
  const input = document.querySelector('#q');
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (let i = 0; i < 200; i++) {
    await Promise.resolve();
    if (document.querySelector('section.results')?.dataset.query === q) return performance.now() - t0;
  }
  return null;
}, q);
const rows = QUERIES.map((q) => [q]);
for (let r = 0; r < Number(rounds); r++) {
  for (const row of rows) {
    await time(''); await page.waitForTimeout(SETTLE);
    row.push(await time(row[0])); await page.waitForTimeout(SETTLE);
  }
}
for (const row of rows) console.log(row[0].padEnd(6, '　'), row.slice(1).map((x) => (x === null ? '—' : x.toFixed(1))).join('  '));
const all = rows.flatMap((r) => r.slice(1)).filter((x) => x !== null).sort((a, b) => a - b);
console.log('p50', all[Math.floor(all.length / 2)].toFixed(1), 'p95', all[Math.ceil(0.95 * all.length) - 1].toFixed(1));
await browser.close(); server.close?.();
process.exit(0);
