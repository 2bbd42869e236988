// Writes one self-contained HTML file from a built dist/: the wasm app, its JS, the CSS, the
// data pack and the import worker inlined, so it works double-clicked from a folder with
// nothing beside it (file://, where browsers load no module script and fetch nothing).
//
//   node scripts/single-file.mjs [DIST] [OUT]      (defaults: dist, DIST/explorer-offline.html)
//
// How: the CSS goes in one <style>, the JS (static/host.js, the wasm-bindgen glue, static/
// boot.js) in one inline module script, and the CSP allows exactly those two by their SHA-256
// hashes (no 'unsafe-inline'). Binary parts are data blocks (<script type="application/
// octet-stream">, never executed) in base64, gzipped: the pack files, the app's wasm and the
// worker's; they are decompressed (DecompressionStream) when first read. The import worker
// starts from a blob: URL (worker-src blob:) and gets its module as bytes. Connections stay
// 'self' only; nothing is fetched.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? join(dist, 'explorer-offline.html');
const here = new URL('.', import.meta.url).pathname;
const read = (p) => readFileSync(join(dist, p));
const text = (p) => read(p).toString('utf8');

/** Replaces `from` by `to` in `s`, exactly once, or fails: a changed source must not slip by. */
function once(s, from, to, what) {
  const n = s.split(from).length - 1;
  if (n !== 1) throw new Error(`single-file: expected one ${what} (${JSON.stringify(from)}), found ${n}`);
  return s.replace(from, () => to);
}

// The wasm-bindgen glue (target web) as a plain script: its exports become an object.
let glue = text('tax-explorer.js');
const exported = [...glue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
glue = glue.replace(/^export function /gm, 'function ');
glue = once(glue, 'export { initSync, __wbg_init as default };', `const __glue = { default: __wbg_init, initSync, ${exported.join(', ')} };`, 'export list');
if (/^\s*export\s/m.test(glue) || /^\s*import\s/m.test(glue)) throw new Error('single-file: the glue has other imports or exports');

// static/host.js as a plain function.
let host = readFileSync(join(here, '../static/host.js'), 'utf8');
host = once(host, 'export async function createHost', 'async function createHost', 'createHost export');

// static/boot.js with the inlined sources.
let boot = readFileSync(join(here, '../static/boot.js'), 'utf8');
boot = once(boot, "import init, * as bindings from './tax-explorer.js';\n", 'const init = __glue.default, bindings = __glue;\n', 'glue import');
boot = once(boot, "import { createHost } from './host.js';\n", '', 'host import');
boot = once(boot, "fetch(new URL('./tax-explorer_bg.wasm', import.meta.url))", "unpack('tax-explorer_bg.wasm')", 'wasm source');
boot = once(boot, 'createHost({})', 'createHost({ inline })', 'host options');

const blocksJs = `
// Data blocks (base64, gzipped when data-gz is set), read when first needed.
const blocks = new Map([...document.querySelectorAll('script[data-name]')].map((s) => [s.dataset.name, s]));
function bytesOf(name) {
  const el = blocks.get(name);
  if (!el) throw new Error(name + ': not in this file');
  const bin = atob(el.textContent.trim());
  const u8 = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
  return u8;
}
async function unpack(name) {
  const u8 = bytesOf(name);
  if (blocks.get(name).dataset.gz !== '1') return u8;
  const stream = new Blob([u8]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const inline = {
  file: (name) => unpack('data/' + name),
  workerScript: () => new TextDecoder().decode(bytesOf('import/import-worker.js')) + '\\n' + new TextDecoder().decode(bytesOf('import/import-worker-boot.js')),
  workerModule: () => unpack('import/import-worker_bg.wasm'),
};
`;
const module = [host, glue, blocksJs, boot].join('\n');
const css = text('style.css') + '\n' + text('import.css');

const sha = (s) => "'sha256-" + createHash('sha256').update(s, 'utf8').digest('base64') + "'";
const csp = [
  "default-src 'none'", `script-src ${sha(module)} 'wasm-unsafe-eval'`, `style-src ${sha(css)}`, "img-src 'self' data:",
  "font-src 'self'", "connect-src 'self'", "media-src 'none'", "object-src 'none'", "frame-src 'none'", 'worker-src blob:',
  "base-uri 'none'", "form-action 'none'",
].join('; ');

const block = (name, bytes, gz) => `<script type="application/octet-stream" data-name="${name}"${gz ? ' data-gz="1"' : ''}>${(gz ? gzipSync(bytes, { level: 9 }) : bytes).toString('base64')}</script>\n`;
let data = '';
data += block('tax-explorer_bg.wasm', read('tax-explorer_bg.wasm'), true);
data += block('import/import-worker_bg.wasm', read('import/import-worker_bg.wasm'), true);
data += block('import/import-worker.js', read('import/import-worker.js'), false);
data += block('import/import-worker-boot.js', read('import/import-worker-boot.js'), false);
if (!existsSync(join(dist, 'data', 'index.bin'))) throw new Error(`single-file: no data pack in ${dist}/data`);
for (const f of readdirSync(join(dist, 'data')).sort()) data += block('data/' + f, read(join('data', f)), true);

const favicon = 'data:image/svg+xml;base64,' + read('favicon.svg').toString('base64');
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- One self-contained file (scripts/single-file.mjs): the inline script and style are allowed by their hashes only. -->
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>税费服务举措浏览器 · Tax Service Initiatives Explorer</title>
<link rel="icon" href="${favicon}">
<style>${css}</style>
<script type="module">${module}</script>
</head>
<body>
<div id="fatal" class="fatal" role="alert" hidden></div>
<div id="app"><p class="loading">正在加载… Loading…</p></div>
<noscript><p class="fatal">本应用需要启用 JavaScript 与 WebAssembly。This explorer needs JavaScript and WebAssembly.</p></noscript>
${data}</body>
</html>
`;
if (html.includes('</script', html.indexOf('<script type="module">') + 22) && module.includes('</script')) throw new Error('single-file: the module contains </script');
writeFileSync(out, html);
console.log(`${out}: ${(html.length / 1048576).toFixed(2)} MB`);
