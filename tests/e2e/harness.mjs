// Shared browser-test setup: a static server over dist/, headless Debian Chromium through
// playwright-core, and guards that fail a test on any console error, page error (wasm panics
// log one) or request to a host other than the page's own.
import { chromium } from 'playwright-core';
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic', '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export async function serve(opts = {}) {
  return startServer({ dir: resolve(ROOT, opts.dist ?? 'dist'), prefix: opts.prefix ?? '/' });
}

/** A fresh context and page with the guards attached. `problems()` lists what went wrong. */
export async function guardedPage(browser, { viewport = { width: 1280, height: 900 }, allowConsole = [] } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  const errors = [];
  const external = [];
  const dialogs = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !allowConsole.some((re) => re.test(m.text()))) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!(u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') && !external.includes(r.url())) external.push(r.url());
  });
  return { context, page, problems: () => [...errors, ...external.map((u) => `external request: ${u}`), ...dialogs.map((d) => `dialog: ${d}`)] };
}

/** Waits until the app has rendered its first view and the full-text index has loaded
 * (`data-search` is set on <html> once search.bin and every text chunk are in). */
export async function ready(page) {
  await page.waitForSelector('header.top h1', { timeout: 20000 });
  await page.waitForSelector('html[data-search=ready]', { timeout: 20000 });
}

export async function resultCount(page) {
  const t = await page.textContent('[data-testid=result-count]');
  return Number((t.match(/\d+/) ?? ['NaN'])[0]);
}

/** Waits until the result count differs from `before` and returns it. */
export async function countChangedFrom(page, before) {
  await page.waitForFunction(
    (b) => { const el = document.querySelector('[data-testid=result-count]'); return el && Number((el.textContent.match(/\d+/) || [])[0]) !== b; },
    before,
  );
  return resultCount(page);
}

/**
 * One browser and one server for a test file, and a guarded page per test: `open(hash)` loads
 * the explorer and waits for it; after each test the page's context is closed and the test
 * fails if the guards saw a console error, panic, dialog or request to another host.
 * Registers the file's before/after/afterEach hooks.
 */
export function guardedSession() {
  const s = {
    browser: null,
    server: null,
    current: null,
    async open(hash = '', opts) {
      s.current = await guardedPage(s.browser, opts);
      await s.current.page.goto(s.server.url + hash);
      await ready(s.current.page);
      return s.current.page;
    },
  };
  before(async () => { s.browser = await launch(); s.server = await serve(); });
  after(async () => { await s.browser?.close(); await s.server?.close(); });
  afterEach(async () => {
    if (!s.current) return;
    const p = s.current.problems();
    await s.current.context.close();
    s.current = null;
    assert.deepEqual(p, [], 'no console error, panic, dialog or external request');
  });
  return s;
}
