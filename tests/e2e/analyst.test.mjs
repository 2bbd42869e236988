// The analyst's questions (issue 30) on the seed corpus, in headless Chromium: the query
// language, keyword in context, bureaus side by side, spread over time, comparable figures,
// exports, English, the method page, phone/keyboard/print, saved views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { guardedSession, ready, resultCount } from './harness.mjs';

const session = guardedSession();
const { open } = session;

/** Types a query into the initiatives list and returns the count once the list shows it. */
async function countFor(page, q) {
  await page.fill('#q', q);
  await page.waitForFunction((x) => document.querySelector('section.results')?.dataset.query === x, q);
  return resultCount(page);
}

const JINJIANG = '国家税务总局成都市锦江区税务局';
const ZHENJIANG = '镇江经济技术开发区税务局';

test('query language: AND, OR, NOT and quotes, scoped to each initiative, shown as chips', async () => {
  const page = await open();
  const all = await resultCount(page);
  // Scoped to the initiative: every result has the term in its name or its own passage.
  const school = await countFor(page, '纳税人学堂');
  assert.ok(school > 0 && school <= all / 4, `纳税人学堂: ${school} of ${all}`);
  const texts = await page.$$eval('.cards .card', (cs) => cs.map((c) => c.textContent));
  assert.ok(texts.every((t) => t.includes('纳税人学堂')), 'each card shows the term in its name or passage');
  // Names rank before passages.
  await countFor(page, '办税厅');
  assert.ok((await page.textContent('.cards .card .name')).includes('办税厅'));
  // AND: two terms narrow, one chip each; the phrase with a space finds nothing.
  const a = await countFor(page, '纳税人');
  const b = await countFor(page, '服务');
  const ab = await countFor(page, '纳税人 服务');
  assert.ok(ab > 0 && ab <= Math.min(a, b), `AND ${a} ∧ ${b} → ${ab}`);
  assert.deepEqual(await page.$$eval('[data-testid=query-chips] li', (l) => l.length), 2);
  // NOT: A -B is A without A∧B.
  const notB = await countFor(page, '纳税人 -服务');
  assert.equal(notB, a - ab, `NOT: ${a} - ${ab}`);
  // OR: at least either, at most both.
  const c = await countFor(page, '绿色通道');
  const aOrC = await countFor(page, '纳税人 | 绿色通道');
  assert.ok(aOrC >= Math.max(a, c) && aOrC <= a + c, `OR ${a} ∨ ${c} → ${aOrC}`);
  // Quotes: one term, space included.
  await countFor(page, '"纳税人 服务"');
  assert.equal(await page.$$eval('[data-testid=query-chips] li', (l) => l.length), 1);
  // The Documents view matches documents on their full text and shows hits per document.
  await page.goto(session.server.url + '#/documents?q=' + encodeURIComponent('纳税人'));
  await page.waitForSelector('[data-testid=documents] [data-testid=hits]');
  const hits = await page.$$eval('[data-testid=hits]', (hs) => hs.map((h) => Number(h.textContent.match(/\d+/)[0])));
  assert.ok(hits.length >= 3 && hits.every((h) => h > 0), JSON.stringify(hits));
});

test('keyword in context: aligned lines, sorting, paging, export, and the reader at the hit', async () => {
  const page = await open('#/kwic?q=' + encodeURIComponent('纳税人'));
  await page.waitForSelector('[data-testid=kwic] tbody tr');
  const total = Number((await page.textContent('[data-testid=kwic-count]')).match(/\d+/)[0]);
  const rows = await page.locator('[data-testid=kwic] tbody tr').count();
  assert.ok(total > 100 ? rows === 100 : rows === total, `${rows} rows of ${total}`);
  assert.ok(await page.$$eval('[data-testid=kwic] td.k mark', (ms) => ms.every((m) => m.textContent === '纳税人')));
  if (total > 100) {
    await page.click('[data-testid=kwic-next]');
    await page.waitForFunction(() => document.querySelector('.pager span')?.textContent.startsWith('2 /'));
  }
  // Sorted by the right context: the right-hand cells are in order.
  await page.selectOption('[data-testid=kwic-order]', 'right');
  await page.waitForFunction(() => location.hash.includes('order=right'));
  const right = await page.$$eval('[data-testid=kwic] td.r', (ts) => ts.map((t) => t.textContent));
  const sorted = [...right].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  // The page's lines are a run of the sorted whole; compare the order of what is shown.
  assert.deepEqual(right, sorted);
  // Export: a CSV named after the view, the filter and the day.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=kwic-export]')]);
  assert.match(dl.suggestedFilename(), /^语境_.*纳税人.*_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await dl.path(), 'utf8');
  assert.equal(csv.slice(1).trim().split('\r\n').length - 1 >= total, true, 'a line per occurrence (plus the filter record)');
  // A click opens the reader at that occurrence; n / p move between hits.
  const row = page.locator('[data-testid=kwic] tbody tr').nth(2);
  const [left, rightCtx] = [await row.locator('td.l').textContent(), await row.locator('td.r').textContent()];
  await row.locator('td.k a').click();
  await page.waitForSelector('[data-testid=hitbar]');
  const at = Number(page.url().match(/hit=(\d+)/)[1]);
  await page.waitForSelector('article.doc .q.cur');
  assert.equal(await page.locator('article.doc .q.cur').count(), 1, 'the current hit is marked');
  // It is the occurrence of that line: the text around it is the line's context.
  const around = await page.evaluate(() => {
    const cur = document.querySelector('article.doc .q.cur');
    const block = cur.closest('p, h1, h2');
    const r = document.createRange();
    r.setStart(block, 0); r.setEndBefore(cur);
    const before = r.toString();
    r.setStartAfter(cur); r.setEnd(block, block.childNodes.length);
    return [before, r.toString()];
  });
  const tail = (s, n) => s.replace(/\s+/g, '').slice(-n);
  assert.equal(tail(around[0], 4), tail(left, 4), `left context: ${around[0].slice(-10)} vs ${left.slice(-10)}`);
  assert.ok(rightCtx.replace(/\s+/g, '').startsWith(around[1].replace(/\s+/g, '').slice(0, 4)), 'right context');
  await page.locator('article.doc').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await page.waitForFunction((x) => location.hash.includes(`hit=${x + 1}`), at);
  await page.keyboard.press('p');
  await page.waitForFunction((x) => location.hash.includes(`hit=${x}`), at);
  assert.match(await page.textContent('[data-testid=hit-count]'), /命中 \d+ 处 · 第 \d+ 处/);
});

test('bureaus side by side: columns per bureau, shared initiatives marked, reachable from the facet and a document', async () => {
  const page = await open();
  // From the bureau facet: pick two, follow the compare link.
  await page.locator(`fieldset[data-facet=bureau] input[data-value="${JINJIANG}"]`).check();
  await page.locator(`fieldset[data-facet=bureau] input[data-value="${ZHENJIANG}"]`).check();
  await page.click('[data-testid=to-compare]');
  await page.waitForSelector('[data-testid=compare] table');
  assert.match(page.url(), /#\/compare\?/);
  const heads = await page.$$eval('[data-testid=compare] thead th', (t) => t.map((x) => x.textContent));
  assert.ok(heads.some((h) => h.includes(JINJIANG)) && heads.some((h) => h.includes(ZHENJIANG)), JSON.stringify(heads));
  const summary = await page.textContent('[data-testid=compare-summary]');
  assert.match(summary, /共有的举措 \d+ 项/);
  assert.ok(await page.locator('[data-testid=compare] li.shared').count() > 0, 'shared initiatives are marked');
  assert.ok(await page.locator('[data-testid=compare] li.only').count() > 0, 'so is what only one of them does');
  // Provinces too.
  await page.goto(session.server.url + '#/compare?province=' + ['四川', '江苏'].map(encodeURIComponent).join(','));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=compare] thead th').length === 3);
  // From a document.
  await page.goto(session.server.url + '#/doc/001_b02071e32de41c57');
  await page.click('[data-testid=compare-link]');
  await page.waitForSelector('[data-testid=compare] table, [data-testid=compare-help]');
  assert.match(page.url(), /#\/compare\?/);
});

test('spread over time: the initiative page and the corpus view, undated apart, labels apart', async () => {
  const page = await open('#/spread');
  await page.waitForSelector('[data-testid=spread] [data-testid=bureau-timeline]');
  const first = page.locator('[data-testid=spread] .spread-list > li').first();
  const dates = await first.locator('time').allTextContents();
  assert.deepEqual(dates, [...dates].sort(), 'bureaus in the order they first mention it');
  assert.ok(await page.locator('[data-testid=undated]').count() > 0, 'undated mentions listed apart');
  // No two labels overlap.
  const overlaps = await page.$$eval('[data-testid=bureau-timeline] .who, [data-testid=bureau-timeline] time', (els) => {
    const r = els.map((e) => e.getBoundingClientRect());
    let n = 0;
    for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) {
      const a = r[i], b = r[j];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
    }
    return n;
  });
  assert.equal(overlaps, 0);
  await first.locator('h2 a').click();
  await page.waitForSelector('[data-testid=canonical] [data-testid=bureau-timeline]');
  // The monthly timeline's labels never run together.
  await page.goto(session.server.url + '#/charts?time=month');
  await page.waitForSelector('[data-testid=chart-time] text.axis');
  const axis = await page.$$eval('[data-testid=chart-time] text.axis', (ts) => ts.map((t) => { const r = t.getBoundingClientRect(); return [r.left, r.right]; }));
  assert.ok(axis.length >= 2);
  for (let k = 1; k < axis.length; k++) assert.ok(axis[k][0] >= axis[k - 1][1], `labels ${k - 1} and ${k} overlap`);
});

test('figures you can compare: one kind and unit per chart, a table with the initiative, a click opens the reader', async () => {
  const page = await open('#/figures');
  await page.waitForSelector('[data-testid=figure-groups] button');
  const groups = await page.$$eval('[data-testid=figure-groups] button', (bs) => bs.map((b) => b.dataset.group));
  assert.ok(groups.includes('money:元') && groups.some((g) => g.startsWith('duration:')), JSON.stringify(groups));
  await page.click('[data-testid=figure-groups] button[data-group="duration:分钟"]');
  await page.waitForFunction(() => location.hash.includes('fig='));
  const nums = await page.$$eval('[data-testid=figure-bars] .num', (ns) => ns.map((n) => n.textContent));
  assert.ok(nums.length > 0 && nums.every((n) => n.endsWith('分钟')), JSON.stringify(nums));
  const head = await page.$$eval('[data-testid=metrics-table] thead th', (t) => t.map((x) => x.textContent));
  for (const h of ['举措', '税务局', '日期', '说明', '方向']) assert.ok(head.includes(h), h);
  await page.locator('[data-testid=metrics-table] tbody tr td:first-child a').first().click();
  await page.waitForSelector('article.doc .met.focus');
  assert.match(page.url(), /focus=[^&]*m/);
});

test('exports: names and ids of themes, figures with kind and normalized value, the location explained, filter and hash recorded', async () => {
  const page = await open('#/?province=' + encodeURIComponent('四川'));
  await page.waitForSelector('.cards .card');
  const n = await resultCount(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  assert.match(dl.suggestedFilename(), /^举措_.*四川.*_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await dl.path(), 'utf8');
  const lines = csv.slice(1).trim().split('\r\n');
  const head = lines[0].split(',');
  for (const c of ['theme_ids', 'themes', 'figures', 'section_heading', 'paragraph_in_section (0 = heading)', 'char_start_in_paragraph', 'char_end_in_paragraph', 'filter', 'corpus_hash']) assert.ok(head.includes(c), c);
  assert.ok(csv.includes('智慧办税'), 'theme names, not codes');
  const [jd] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
  const json = JSON.parse(readFileSync(await jd.path(), 'utf8'));
  assert.equal(json.count, n);
  assert.match(json.corpus_hash, /^[0-9a-f]{64}$/);
  assert.ok(json.filter && JSON.stringify(json.filter).includes('四川'));
  assert.match(json.location, /section_heading.*paragraph.*char_start/, 'the location is explained');
  const withFig = json.initiatives.find((i) => i.figures && i.figures.length);
  assert.ok(Array.isArray(json.initiatives[0].themes) && json.initiatives[0].themes.every((t) => t.id && t.name));
  for (const k of ['value', 'unit', 'normalized', 'kind']) assert.ok(k in withFig.figures[0], k);
});

test('English: places in pinyin, whole theme names, translated chrome on every view', async () => {
  const page = await open('#/?lang=en');
  const prov = await page.textContent('fieldset[data-facet=province]');
  assert.ok(prov.includes('Sichuan') && prov.includes('Jiangsu'), prov);
  assert.ok((await page.textContent('fieldset[data-facet=city]')).includes('Chengdu'));
  const cjk = /[\u3400-\u9fff]/;
  for (const hash of ['#/', '#/documents', '#/charts', '#/kwic?q=x', '#/figures', '#/spread', '#/compare', '#/about', '#/saved']) {
    await page.goto(session.server.url + hash + (hash.includes('?') ? '&' : '?') + 'lang=en');
    await page.waitForSelector('#view-title, .cards, [data-testid=chart-theme]');
    const chrome = await page.$$eval('nav a, #view-title, legend, thead th, .toolbar label, .toolbar button, .foot, .skip, .sorts, .pager',
      (els) => els.filter((e) => !e.closest('figure.chart')).map((e) => e.textContent.trim()).filter(Boolean));
    const left = chrome.filter((t) => cjk.test(t) && !/\([^)]*[\u3400-\u9fff][^)]*\)/.test(t));
    assert.deepEqual(left, [], `${hash}: untranslated`);
  }
  await page.goto(session.server.url + '#/charts?lang=en');
  const labels = await page.$$eval('[data-testid=chart-theme] .lbl', (ls) => ls.map((l) => l.textContent));
  assert.ok(labels.includes('Tax education & taxpayer schools') || labels.some((l) => l.length > 20), JSON.stringify(labels));
  assert.ok(labels.every((l) => !l.endsWith('…')), 'theme names are never cut');
  const heads = await page.$$eval('[data-testid=chart-matrix] th', (t) => t.map((x) => x.textContent));
  assert.ok(heads.includes(JINJIANG) && heads.every((h) => !h.endsWith('…')), 'the heatmap names bureaus and themes in full');
});

test('the method page explains the terms and lists the build report, version and hash', async () => {
  const page = await open('#/about');
  const text = await page.textContent('[data-testid=about]');
  for (const w of ['未注明', '推断', '主题', '数据']) assert.ok(text.includes(w), w);
  assert.match(await page.textContent('[data-testid=report-counts]'), /5/);
  assert.equal(await page.locator('[data-testid=build-report] li').count() >= 5, true);
  assert.match(await page.textContent('[data-testid=corpus-hash]'), /^[0-9a-f]{64}$/);
});

test('phone: no view wider than the screen, filters in a sheet with a live count, the detail panel where the user tapped', async () => {
  const page = await open('', { viewport: { width: 375, height: 812 } });
  for (const hash of ['#/', '#/documents', '#/charts', '#/kwic?q=纳税人', '#/figures', '#/spread', '#/about', '#/saved',
    '#/compare?bureau=' + [JINJIANG, ZHENJIANG].map(encodeURIComponent).join(','), '#/initiative/' + encodeURIComponent('纳税人学堂'), '#/doc/000_9839faa69b8a842d']) {
    await page.goto(session.server.url + hash);
    await page.waitForSelector('#view-title, .cards, article.doc, [data-testid=chart-theme]');
    await page.waitForTimeout(150);
    const o = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(o <= 0, `${hash}: ${o}px too wide`);
  }
  await page.goto(session.server.url + '#/');
  await page.waitForSelector('.cards .card');
  await page.click('.filters-toggle');
  const before = await page.textContent('[data-testid=sheet-count]');
  await page.locator('fieldset[data-facet=theme] input').first().check();
  await page.waitForFunction((b) => document.querySelector('[data-testid=sheet-count]').textContent !== b, before);
  await page.click('[data-testid=sheet-done]');
  assert.ok(!(await page.locator('#facets').isVisible()));
  // A tapped highlight shows its details in view (a bottom sheet), not thousands of pixels away.
  await page.goto(session.server.url + '#/doc/001_b02071e32de41c57');
  await page.waitForSelector('article.doc a.ini');
  await page.locator('article.doc a.ini').nth(3).click();
  const panel = page.locator('[data-testid=focus-panel]');
  await panel.waitFor();
  const box = await panel.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 812, `panel at ${box?.y}`);
});

test('keyboard: a skip link to the search box, focus on the new view heading', async () => {
  const page = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '跳到搜索框');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.locator('nav a', { hasText: '语境' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'view-title');
  await page.locator('nav a', { hasText: '方法' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'view-title' && document.activeElement.closest('[data-testid=about]'));
});

test('print: every result of the filter, without the page chrome', async () => {
  const page = await open();
  const n = await resultCount(page);
  assert.ok(n > 20);
  assert.ok(await page.locator('.cards .card').count() < n, 'the screen shows a page at a time');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction((x) => document.querySelectorAll('.cards .card').length === x, n);
  for (const sel of ['header.top', '.facets', '.toolbar', 'nav']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} not printed`);
  }
});

test('saved views: name, list, rename, delete; each an ordinary URL that survives a reload', async () => {
  const page = await open('#/?q=' + encodeURIComponent('纳税人') + '&province=' + encodeURIComponent('四川'));
  await page.click('[data-testid=save-view]');
  await page.fill('[data-testid=save-name]', '四川的纳税人');
  await page.click('[data-testid=save-submit]');
  await page.goto(session.server.url + '#/saved');
  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-testid=saved-view]');
  assert.equal(await page.locator('[data-testid=saved-view]').count(), 1);
  const link = page.locator('[data-testid=saved-view] a').first();
  assert.equal(await link.textContent(), '四川的纳税人');
  assert.match(await link.getAttribute('href'), /#\/.*q=.*province=/);
  await page.click('[data-testid=rename]');
  await page.fill('[data-testid=rename-input]', '四川 · 纳税人');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=saved-view] a').textContent === '四川 · 纳税人');
  await link.click();
  await page.waitForSelector('.cards .card');
  assert.equal(await page.inputValue('#q'), '纳税人');
  await page.goto(session.server.url + '#/saved');
  await page.click('[data-testid=delete]');
  await page.waitForSelector('[data-testid=saved-empty]');
  assert.ok(basename(import.meta.url).endsWith('.mjs'));
});
