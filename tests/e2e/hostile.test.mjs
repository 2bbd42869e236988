// Hostile content, garbage URLs, offline guarantee and subpath hosting.
// Uses dist/ (seed corpus) and target/dist-hostile/ (built by scripts/test.sh from
// tests/fixtures/hostile-corpus with XSS payloads in every field).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, guardedPage, ready, ROOT } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Things an injected payload would leave behind. */
async function injected(page) {
  return page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => s.src.split('/').pop()),
    imgs: document.querySelectorAll('img').length,
    iframes: document.querySelectorAll('iframe, object, embed').length,
    svgOnload: [...document.querySelectorAll('svg')].filter((s) => s.hasAttribute('onload')).length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    pwned: window.__pwned === true,
  }));
}

const HOSTILE = join(ROOT, 'target', 'dist-hostile');

test('XSS payloads in the corpus render as inert text', { skip: !existsSync(HOSTILE) && 'target/dist-hostile not built' }, async () => {
  const server = await serve({ dist: 'target/dist-hostile' });
  const g = await guardedPage(browser);
  try {
    const { page } = g;
    await page.goto(server.url);
    await ready(page);
    const views = ['#/initiatives', '#/documents', '#/charts', '#/initiatives?lang=en', '#/kwic?q=script', '#/figures', '#/spread', '#/about',
      '#/compare?province=' + ['北京', '四川'].map(encodeURIComponent).join(','), '#/kwic?q=' + encodeURIComponent('"<" | onerror')];
    for (const v of views) {
      await page.goto(server.url + v);
      await page.waitForSelector('main#main');
      const r = await injected(page);
      assert.deepEqual(r, { scripts: ['boot.js'], imgs: 0, iframes: 0, svgOnload: 0, handlers: 0, jsLinks: 0, pwned: false }, v);
    }
    // Open every document in the reader; payloads appear as text.
    await page.goto(server.url + '#/documents');
    const links = await page.$$eval('[data-testid=documents] h2 a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(links.length, 3);
    let text = '';
    for (const href of links) {
      await page.goto(server.url + href);
      await page.waitForSelector('article.doc');
      const r = await injected(page);
      assert.deepEqual(r, { scripts: ['boot.js'], imgs: 0, iframes: 0, svgOnload: 0, handlers: 0, jsLinks: 0, pwned: false }, href);
      text += await page.textContent('body');
      // Every highlighted initiative can be opened without effect.
      const inis = await page.$$('article.doc a.ini');
      for (const a of inis.slice(0, 6)) await a.click();
    }
    assert.ok(text.includes("<script>alert('title')</script>"), 'escaped markup shown as text');
    assert.ok(text.includes('</textarea>'));
    assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(text), 'bidi controls removed');
    // Search for a payload string: found as text, still inert.
    await page.goto(server.url + '#/initiatives?q=' + encodeURIComponent('<script>'));
    await page.waitForSelector('.cards .card, [data-testid=empty]');
    assert.deepEqual((await injected(page)).scripts, ['boot.js']);
    // Export works on hostile content; a formula-looking cell is neutralized.
    await page.goto(server.url + '#/initiatives');
    await page.waitForSelector('.cards .card');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    assert.ok(await dl.path());
  } finally {
    const problems = g.problems();
    await g.context.close();
    await server.close();
    assert.deepEqual(problems, [], 'no console error, dialog or external request');
  }
});

/** Deterministic PRNG (mulberry32) so the 1,000 garbage URLs are the same every run. */
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function garbage(r) {
  const alphabet = ['/', '?', '&', '=', '%', '%E4', '%ZZ', '#', ',', '..', 'doc', 'charts', 'initiative', 'theme', 'q', 'sort',
    'lang', 'focus', 'time', 'kwic', 'compare', 'spread', 'figures', 'about', 'saved', 'order', 'fig', 'hit', 'bureau', 'province', '|', '-', '"', '税', '\u202e', '<script>', '"', "'", ' ', '\\', '%00', '%FF%FE', 'year=?', 'x'.repeat(300)];
  const n = 1 + Math.floor(r() * 12);
  let s = '';
  for (let i = 0; i < n; i++) s += r() < 0.7 ? alphabet[Math.floor(r() * alphabet.length)] : String.fromCharCode(33 + Math.floor(r() * 20000));
  return s;
}

test('1,000 garbage URL states load without a panic and fall back with a notice', async () => {
  const server = await serve();
  const g = await guardedPage(browser);
  try {
    const { page } = g;
    await page.goto(server.url);
    await ready(page);
    const r = rng(20261122);
    let notices = 0;
    for (let i = 0; i < 1000; i++) {
      const h = '#/zz' + garbage(r);
      await page.evaluate((hash) => { location.hash = hash; }, h);
      // Wait for the app to have handled this hash: it rewrites it to a canonical form.
      await page.waitForFunction(() => location.hash.startsWith('#/initiatives'));
      const state = await page.evaluate(() => ({
        header: !!document.querySelector('header.top h1'),
        fatal: !document.getElementById('fatal').hidden,
        notice: !!document.querySelector('[data-testid=notice]'),
      }));
      assert.ok(state.header && !state.fatal, `hash ${JSON.stringify(h)} broke the page`);
      if (state.notice) notices++;
    }
    assert.equal(notices, 1000, 'every garbage link shows a notice');
  } finally {
    const problems = g.problems();
    await g.context.close();
    await server.close();
    assert.deepEqual(problems, []);
  }
});

test('served from a subpath by a plain static server, with zero requests to other hosts', async () => {
  const server = await serve({ prefix: '/explorer/' });
  const g = await guardedPage(browser);
  try {
    const { page } = g;
    await page.goto(server.url);
    await ready(page);
    await page.waitForSelector('.cards .card');
    for (const v of ['#/documents', '#/charts', '#/doc/000_9839faa69b8a842d', '#/initiative/' + encodeURIComponent('纳税人学堂'), '#/initiatives?lang=en']) {
      await page.goto(server.url + v);
      await page.waitForSelector('main#main > *');
    }
    assert.ok(server.requests.length > 0);
    assert.ok(server.requests.every((u) => u.startsWith('/explorer/')), JSON.stringify(server.requests));
  } finally {
    const problems = g.problems();
    await g.context.close();
    await server.close();
    assert.deepEqual(problems, [], 'only the page’s own origin was contacted');
  }
});

test('a damaged or missing data pack gives a clear message, never a blank page', async () => {
  const server = await serve();
  try {
    // index.bin answered by an HTML error page (a misconfigured host): a readable error.
    const bad = await guardedPage(browser, { allowConsole: [/404|Failed to load resource/] });
    await bad.context.route('**/data/index.bin', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Not here</h1>' }));
    await bad.page.goto(server.url);
    await bad.page.waitForSelector('#app .fatal[role=alert]');
    assert.match(await bad.page.textContent('#app .fatal[role=alert]'), /语料无法读取.*not a pack file/s);
    assert.deepEqual(bad.problems(), []);
    await bad.context.close();

    // A text chunk and the document chunks fail to load: the list still works, a query says
    // its text matches may be missing, and the reader says its text could not be loaded.
    const part = await guardedPage(browser, { allowConsole: [/Failed to load resource/] });
    await part.context.route(/\/data\/(text|doc)-\d+\.(bin|json)$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
    await part.page.goto(server.url);
    await part.page.waitForSelector('.cards .card');
    await part.page.waitForSelector('html[data-search=ready]');
    await part.page.fill('#q', '纳税人');
    await part.page.waitForSelector('[data-testid=search-progress]');
    assert.match(await part.page.textContent('[data-testid=search-progress]'), /未能载入/);
    assert.ok((await part.page.$$('.cards .card')).length > 0, 'name matches still listed');
    await part.page.goto(server.url + '#/doc/000_9839faa69b8a842d');
    await part.page.waitForSelector('[data-testid=text-failed]');
    assert.deepEqual(part.problems(), []);
    await part.context.close();
  } finally {
    await server.close();
  }
});

test('a browser without WebAssembly SIMD is told so instead of getting a blank page', async () => {
  const server = await serve();
  const g = await guardedPage(browser);
  try {
    // Such a browser rejects any module that uses SIMD; pretend to be one for validation.
    await g.page.addInitScript(() => {
      const validate = WebAssembly.validate.bind(WebAssembly);
      // 0xFD prefixes every SIMD instruction.
      WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0xfd) && validate(bytes);
    });
    await g.page.goto(server.url);
    await g.page.waitForSelector('#fatal:not([hidden])');
    assert.match(await g.page.textContent('#fatal'), /不支持 WebAssembly SIMD.*lacks WebAssembly SIMD/s);
    assert.equal(await g.page.$('#app .loading'), null, 'the loading note is replaced by the message');
    assert.equal(server.requests.filter((u) => u.endsWith('.wasm')).length, 0, 'the module is not even fetched');
    assert.deepEqual(g.problems(), []);
  } finally {
    await g.context.close();
    await server.close();
  }
});

test('the app only ever asks its own folder for data', async () => {
  const server = await serve({ prefix: '/explorer/' });
  const g = await guardedPage(browser);
  try {
    await g.page.goto(server.url + '#/doc/000_9839faa69b8a842d');
    await ready(g.page);
    await g.page.waitForSelector('article.doc');
    const data = server.requests.filter((u) => u.includes('/data/'));
    assert.ok(data.some((u) => u.endsWith('/data/index.bin')));
    assert.ok(data.some((u) => u.endsWith('/data/search.bin')));
    assert.ok(data.some((u) => /\/data\/doc-\d{4}\.json$/.test(u)), 'the reader fetched its document chunk');
    assert.ok(data.every((u) => u.startsWith('/explorer/data/')), data.join(' '));
    assert.deepEqual(g.problems(), []);
  } finally {
    await g.context.close();
    await server.close();
  }
});
