// The browser import (issue 31): importing a mixed folder with bad files and its report,
// persistence across reloads, replace vs add and removal, no request to another host,
// byte-identity with the CLI, the single file opened from file:// with nothing beside it, and
// the message dist/index.html gives when opened from disk. Uses dist/ (seed corpus) and the
// corpus CLI (cargo run -p corpus); builds its folders in a temporary directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardedSession, ready, resultCount, countChangedFrom, ROOT } from './harness.mjs';

const session = guardedSession();
const { open } = session;
let tmp;
before(() => { tmp = mkdtempSync(join(tmpdir(), 'import-e2e-')); });
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

/** The corpus CLI (the debug build the Trunk hook already made, or built now). */
function corpusCli(...args) {
  const r = spawnSync('cargo', ['run', '-q', '-p', 'corpus', '--bin', 'corpus', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const SEEDS = join(ROOT, 'data', 'raw');
const BAD = join(ROOT, 'corpus', 'tests', 'fixtures', 'bad');

/** A folder of documents mixed with broken and hostile files, and one of 5 MB. */
function mixedFolder() {
  const dir = join(tmp, 'mixed');
  if (existsSync(dir)) return dir;
  mkdirSync(join(dir, 'sub'), { recursive: true });
  for (const f of readdirSync(SEEDS).slice(0, 3)) copyFileSync(join(SEEDS, f), join(dir, f));
  copyFileSync(join(SEEDS, readdirSync(SEEDS)[0]), join(dir, 'sub', 'copy-of-seed.txt')); // a duplicate
  for (const f of readdirSync(BAD)) copyFileSync(join(BAD, f), join(dir, f)); // PNG, empty, GBK, UTF-16, …
  const para = '西湖区税务局推出“税银互动”服务，累计发放贷款3亿元，办税时长缩短40%。\n';
  writeFileSync(join(dir, 'big.txt'), '西湖区税务局年度材料\n' + para.repeat(Math.ceil(5 * 1024 * 1024 / Buffer.byteLength(para))));
  return dir;
}

/** Opens the dialog, picks a folder, chooses the mode and waits for the report. */
async function importFolder(page, dir, mode = 'replace') {
  await page.click('#import-open');
  await page.waitForSelector('[data-testid=import-dialog]');
  await page.setInputFiles('[data-testid=pick-folder]', dir);
  await page.waitForSelector('[data-testid=picked]');
  await page.check(`[data-testid=mode-${mode}]`);
  await page.click('[data-testid=import-start]');
  await page.waitForSelector('html[data-import=done]', { timeout: 120000 });
  await page.waitForSelector('[data-testid=import-summary]');
}

async function closeDialog(page) {
  await page.click('[data-testid=import-close]');
  await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
}

/** Report rows as {file: status}. */
async function reportRows(page) {
  if (await page.isChecked('[data-testid=only-problems]')) await page.uncheck('[data-testid=only-problems]');
  return Object.fromEntries(await page.$$eval('[data-testid=import-report] tbody tr', (trs) => trs.map((t) => [t.querySelector('.file').textContent, t.dataset.status])));
}

/** The files of a stored (uncompressed) zip, by name. */
function unzip(buf) {
  const out = new Map();
  const end = buf.length - 22;
  assert.equal(buf.readUInt32LE(end), 0x06054b50, 'zip end record');
  let at = buf.readUInt32LE(end + 16);
  for (let k = buf.readUInt16LE(end + 10); k > 0; k--) {
    const size = buf.readUInt32LE(at + 20), nameLen = buf.readUInt16LE(at + 28), local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, buf.subarray(data, data + size));
    at += 46 + nameLen;
  }
  return out;
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

test('a mixed folder with bad files: every file reported, the rest explorable', async () => {
  const page = await open();
  const dir = mixedFolder();
  const requestsBefore = session.server.requests.length;
  await importFolder(page, dir);
  const rows = await reportRows(page);
  const files = readdirSync(dir).length - 1 + 1; // sub/ holds one file
  assert.equal(Object.keys(rows).length, files, 'one row per file');
  assert.equal(rows['image.png'], 'skipped');
  assert.equal(rows['empty.txt'], 'skipped');
  assert.equal(rows['whitespace.txt'], 'skipped');
  assert.match(rows['gbk.txt'], /^built/);
  assert.match(rows['utf16le.txt'], /^built/);
  assert.match(rows['big.txt'], /^built/, 'the 5 MB file is built');
  assert.equal(rows['sub/copy-of-seed.txt'], 'duplicate', 'the same text twice is a duplicate');
  const reasons = await page.textContent('[data-testid=import-report] tr[data-status=skipped]');
  assert.ok(reasons.includes('二进制文件') || reasons.includes('空文件'), reasons);
  // The report downloads as the CLI prints it.
  const report = await download(page, '[data-testid=download-report]');
  const text = report.bytes.toString('utf8');
  assert.match(text, /skipped\s+image\.png/);
  assert.match(text, /duplicate\s+sub\/copy-of-seed\.txt/);
  assert.match(text, new RegExp(`^${files} files: `, 'm'));
  // Only problems, on request.
  await page.check('[data-testid=only-problems]');
  assert.ok(await page.locator('[data-testid=import-report] tbody tr[data-status=built]').count() === 0);
  await closeDialog(page);

  // The imported corpus is a corpus like the bundled one: search, facets, reader, charts, export.
  assert.match(await page.textContent('[data-testid=corpus-source]'), /导入的语料/);
  const all = await resultCount(page);
  assert.ok(all > 10, `initiatives of the imported corpus: ${all}`);
  await page.fill('#q', '税银互动');
  const n = await countChangedFrom(page, all);
  assert.ok(n > 0 && n < all, `search narrows ${all} → ${n}`);
  await page.fill('#q', '');
  await countChangedFrom(page, n);
  const kinds = page.locator('fieldset[data-facet=province] input');
  await kinds.first().check();
  assert.ok((await countChangedFrom(page, all)) < all, 'a facet narrows');
  await page.locator('.cards .card .name a').first().click();
  await page.waitForSelector('article.doc');
  assert.ok(await page.locator('article.doc a.ini').count() > 0, 'the reader highlights initiatives');
  await page.goto(session.server.url + '#/charts');
  await page.waitForSelector('main svg');
  await page.goto(session.server.url + '#/initiatives');
  await page.waitForSelector('.cards .card');
  const csv = await download(page, '[data-testid=export-csv]');
  assert.ok(csv.bytes.length > 100, 'CSV export');
  // The worker was fetched for the import only, from this origin.
  const later = session.server.requests.slice(requestsBefore);
  assert.ok(later.some((u) => u.endsWith('import/import-worker_bg.wasm')), later.join(' '));
});

test('first load fetches one wasm module and no worker; nothing goes to another host', async () => {
  const before = session.server.requests.length;
  const page = await open();
  await page.waitForTimeout(300);
  const reqs = session.server.requests.slice(before);
  assert.deepEqual(reqs.filter((u) => u.endsWith('.wasm')), ['/tax-explorer_bg.wasm']);
  assert.ok(!reqs.some((u) => u.includes('import/')), 'the import worker is not loaded before an import');
  // The guard (afterEach) fails on any request to another host, here and in every import test.
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /worker-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});

test('kept across reloads; replace versus add; removed in one action', async () => {
  const page = await open();
  const bundled = await resultCount(page);
  const bundledDocs = Number((await page.textContent('[data-testid=corpus-summary]')).match(/\d+/)[0]);
  const one = join(tmp, 'one');
  mkdirSync(one, { recursive: true });
  copyFileSync(join(BAD, 'gbk.txt'), join(one, 'gbk.txt'));
  copyFileSync(join(SEEDS, readdirSync(SEEDS)[4]), join(one, 'seed-again.txt'));

  // Replace: only the imported documents.
  await importFolder(page, one, 'replace');
  await closeDialog(page);
  assert.match(await page.textContent('[data-testid=corpus-summary]'), /^2 篇文档/);
  const replaced = await resultCount(page);
  await page.reload();
  await ready(page);
  assert.match(await page.textContent('[data-testid=corpus-source]'), /导入的语料：2 篇文档（替换了附带的语料）/);
  assert.equal(await resultCount(page), replaced, 'the same corpus after a reload');

  // Add: the bundled documents and the new one; the seed copy is a duplicate of a bundled one.
  await importFolder(page, one, 'add');
  const rows = await reportRows(page);
  assert.equal(rows['seed-again.txt'], 'duplicate');
  await closeDialog(page);
  assert.match(await page.textContent('[data-testid=corpus-summary]'), new RegExp(`^${bundledDocs + 1} 篇文档`));
  assert.ok(await resultCount(page) > bundled);
  await page.reload();
  await ready(page);
  assert.match(await page.textContent('[data-testid=corpus-source]'), /含附带的语料/);
  // The bundled documents keep their ids (links to them still work).
  await page.goto(session.server.url + '#/doc/001_b02071e32de41c57');
  await page.waitForSelector('article.doc');

  // Removal: one action, and it stays removed.
  await page.goto(session.server.url + '#/initiatives');
  await page.click('[data-testid=remove-import]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=corpus-source]')?.textContent.includes('导入的语料'));
  await page.waitForFunction((n) => document.querySelector('[data-testid=corpus-summary]')?.textContent.startsWith(`${n} 篇文档`), bundledDocs);
  await page.waitForSelector('.cards .card');
  assert.equal(await resultCount(page), bundled);
  await page.reload();
  await ready(page);
  assert.equal(await resultCount(page), bundled);
  assert.equal(await page.locator('[data-testid=remove-import]').count(), 0);
});

test('the pack built in the browser is the CLI\'s, byte for byte (and the corpus JSON)', async () => {
  const dir = join(tmp, 'identity');
  rmSync(dir, { recursive: true, force: true });
  corpusCli('generate', '--count', '80', '--out', dir);
  mkdirSync(join(dir, 'more'), { recursive: true });
  for (const f of readdirSync(BAD)) copyFileSync(join(BAD, f), join(dir, 'more', f));
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
  const cliPack = join(tmp, 'identity-pack');
  corpusCli('build', dir, '--pack', cliPack, '--out', join(tmp, 'identity.json'), '-q');

  const page = await open();
  await importFolder(page, dir);
  await closeDialog(page);
  const zip = await download(page, '[data-testid=download-pack]');
  assert.match(zip.name, /^tax-explorer-data-[0-9a-f]{8}\.zip$/);
  const files = unzip(zip.bytes);
  const want = readdirSync(cliPack).sort();
  assert.deepEqual([...files.keys()].sort(), want.map((f) => 'data/' + f));
  for (const f of want) assert.ok(files.get('data/' + f).equals(readFileSync(join(cliPack, f))), `${f} is byte-identical`);
  const json = await download(page, '[data-testid=download-corpus]');
  assert.ok(json.bytes.equals(readFileSync(join(tmp, 'identity.json'))), 'the corpus JSON is byte-identical');
});

test('cancel leaves the corpus as it was; keyboard, English and a 375 px phone', async () => {
  const page = await open('#/initiatives?lang=en', { viewport: { width: 375, height: 740 } });
  const bundled = await resultCount(page);
  const dir = join(tmp, 'many');
  rmSync(dir, { recursive: true, force: true });
  corpusCli('generate', '--count', '400', '--out', dir);
  // Keyboard: the action opens the dialog and moves the focus into it.
  await page.focus('#import-open');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=import-dialog]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-title');
  assert.equal(await page.textContent('#import-title'), 'Import documents');
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(overflow <= 375, `no sideways scrolling on a phone: ${overflow}`);
  await page.setInputFiles('[data-testid=pick-folder]', dir);
  await page.click('[data-testid=import-start]');
  await page.waitForSelector('[data-testid=import-count]');
  assert.match(await page.textContent('[data-testid=import-count]'), /\/ 400 files/);
  await page.click('[data-testid=import-cancel]');
  await page.waitForSelector('html[data-import=cancelled]');
  assert.match(await page.textContent('[data-testid=import-dialog]'), /cancelled; nothing was changed/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-open', 'the focus goes back');
  assert.equal(await resultCount(page), bundled);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid=remove-import]').count(), 0, 'nothing was kept');
});

test('2,000 small files and a drop onto the page: reported, and the page never freezes', async () => {
  const page = await open();
  // A long task of a second would be a frozen page; record them during the import.
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  // Dropped files (built in the page), with the same text twice.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    for (let k = 0; k < 2000; k++) {
      const text = `某县税务局简报 ${k % 1999}\n某县税务局开设纳税人学堂${k % 1999}场，推出“办税服务${k % 1999}号”。`;
      dt.items.add(new File([text], `note-${String(k).padStart(4, '0')}.txt`));
    }
    dt.items.add(new File(['\u0089PNG\r\n\u001a\n\u0000\u0000'], 'image.png'));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  });
  await page.waitForSelector('[data-testid=picked]');
  assert.match(await page.textContent('[data-testid=picked]'), /2001 个文件/);
  await page.click('[data-testid=import-start]');
  // The page answers while the worker builds.
  await page.waitForSelector('[data-testid=import-count]');
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  assert.ok(Date.now() - t0 < 1000);
  await page.waitForSelector('html[data-import=done]', { timeout: 120000 });
  const rows = await page.textContent('[data-testid=import-summary]');
  assert.match(rows, /2001 个文件 → 收入 1999 篇文档/);
  assert.match(rows, /重复 1/, 'note-1999 repeats note-0000');
  const long = await page.evaluate(() => window.__long);
  assert.ok(long.every((d) => d < 1000), `no task of a second or more on the page: ${long.map(Math.round)}`);
  // The report pages its rows.
  assert.equal(await page.locator('[data-testid=import-report] tbody tr').count(), 300);
});

test('the hostile corpus imported through the page renders as inert text', async () => {
  const page = await open();
  await importFolder(page, join(ROOT, 'tests', 'fixtures', 'hostile-corpus'));
  await closeDialog(page);
  const inert = () => page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => s.src.split('/').pop()),
    imgs: document.querySelectorAll('img, iframe, object, embed').length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    pwned: window.__pwned === true,
  }));
  const clean = { scripts: ['boot.js'], imgs: 0, handlers: 0, jsLinks: 0, pwned: false };
  for (const v of ['#/initiatives', '#/documents', '#/charts']) {
    await page.goto(session.server.url + v);
    await page.waitForSelector('main#main');
    assert.deepEqual(await inert(), clean, v);
  }
  await page.goto(session.server.url + '#/documents');
  const links = await page.$$eval('[data-testid=documents] h2 a', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(links.length, 3);
  let text = '';
  for (const href of links) {
    await page.goto(session.server.url + href);
    await page.waitForSelector('article.doc');
    assert.deepEqual(await inert(), clean, href);
    text += await page.textContent('body');
  }
  assert.ok(text.includes("<script>alert('title')</script>"), 'markup shown as text');
});

/** A context for file:// pages: fails on any request that is not file:, data: or blob:. */
async function filePage() {
  const context = await session.browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
  const problems = [];
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) problems.push(`request: ${r.url()}`); });
  return { context, page, problems };
}

test('the single file works from file:// with nothing beside it', async () => {
  const lonely = join(tmp, 'lonely');
  mkdirSync(lonely, { recursive: true });
  const single = join(ROOT, 'dist', 'explorer-offline.html');
  if (!existsSync(single)) spawnSync('node', ['scripts/single-file.mjs', 'dist', single], { cwd: ROOT, stdio: 'inherit' });
  copyFileSync(single, join(lonely, 'explorer-offline.html'));
  assert.deepEqual(readdirSync(lonely), ['explorer-offline.html']);
  const html = readFileSync(join(lonely, 'explorer-offline.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'sha256-[^']+'/);
  assert.doesNotMatch(csp, /unsafe-inline/);

  const { context, page, problems } = await filePage();
  try {
    await page.goto('file://' + join(lonely, 'explorer-offline.html'));
    await ready(page);
    // Search, facets, reader, charts, export.
    const all = await resultCount(page);
    await page.fill('#q', '办税厅');
    const n = await countChangedFrom(page, all);
    assert.ok(n > 0 && n < all);
    await page.fill('#q', '');
    await countChangedFrom(page, n);
    await page.locator('fieldset[data-facet=theme] input').first().check();
    assert.ok((await countChangedFrom(page, all)) < all);
    await page.locator('.cards .card .name a').first().click();
    await page.waitForSelector('article.doc a.ini');
    await page.evaluate(() => { location.hash = '#/charts'; });
    await page.waitForSelector('main svg');
    await page.evaluate(() => { location.hash = '#/initiatives'; });
    await page.waitForSelector('.cards .card');
    const csv = await download(page, '[data-testid=export-csv]');
    assert.ok(csv.bytes.length > 100);
    // Import, and the imported corpus after reopening the file.
    await importFolder(page, join(ROOT, 'tests', 'fixtures', 'hostile-corpus'));
    await closeDialog(page);
    assert.match(await page.textContent('[data-testid=corpus-summary]'), /^3 篇文档/);
    await page.reload();
    await ready(page);
    assert.match(await page.textContent('[data-testid=corpus-summary]'), /^3 篇文档/);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'no console error and no request but file:, data: and blob:');
});

test('dist/index.html opened from disk says what to do instead of loading forever', async () => {
  const { context, page, problems } = await filePage();
  try {
    await page.goto('file://' + join(ROOT, 'dist', 'index.html'));
    const hint = page.locator('.from-disk');
    assert.equal(await hint.isVisible(), false, 'not at once: a slow server is not a disk');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.from-disk')).visibility === 'visible', null, { timeout: 8000 });
    assert.ok(await hint.isVisible());
    const text = await hint.textContent();
    assert.match(text, /explorer-offline\.html/);
    assert.match(text, /file:\/\//);
    assert.match(text, /静态网站服务/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.boot), undefined, 'no script ran');
  } finally {
    await context.close();
  }
  // What the browser refuses to load from disk is logged as errors; that is the point.
  assert.ok(problems.every((p) => /console|pageerror/.test(p)), problems.join('\n'));
  // Served over HTTP the message never shows.
  const served = await open();
  await served.waitForTimeout(3500);
  assert.equal(await served.locator('.from-disk').count(), 0);
});
