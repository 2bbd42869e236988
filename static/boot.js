// Loads the wasm app. A separate file (not an inline script) so the page's CSP can forbid
// inline scripts; relative URLs so dist/ works under any subpath.
import init, * as bindings from './tax-explorer.js';
import { createHost } from './host.js';

// A script runs: the page is not opened from disk (index.html's file:// message stays hidden).
document.documentElement.dataset.boot = '1';

function fatal(message) {
  const el = document.getElementById('fatal');
  if (el) {
    el.textContent = '应用无法启动 · The explorer could not start: ' + message;
    el.hidden = false;
  }
  const loading = document.querySelector('#app .loading');
  if (loading) loading.remove();
}

// The module is built with WebAssembly SIMD (.cargo/config.toml). A browser without it would
// only report a compile error; this names what is missing. The probe is the smallest module
// that uses SIMD: one function returning a v128 constant.
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // types: () -> v128
  0x03, 0x02, 0x01, 0x00, // one function of that type
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, // code: no locals, v128.const
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0b, // sixteen zero bytes, end
]);

if (typeof WebAssembly !== 'object' || !WebAssembly.validate(SIMD_PROBE)) {
  fatal('此浏览器不支持 WebAssembly SIMD，请使用较新版本的 Chrome、Edge、Firefox 或 Safari（16.4 及以上）。'
    + ' This browser lacks WebAssembly SIMD; please use a current Chrome, Edge, Firefox or Safari (16.4 or later).');
} else {
  // The module downloads while the host looks for an imported corpus (IndexedDB). The single
  // file (scripts/single-file.mjs) replaces these two lines' sources with its inlined ones.
  const wasm = fetch(new URL('./tax-explorer_bg.wasm', import.meta.url));
  createHost({})
    .then(() => init({ module_or_path: wasm }))
    .then(() => {
      window.taxExplorer = bindings; // benchmark hooks (search_count, wasm_memory_bytes)
      document.documentElement.dataset.ready = '1';
    })
    .catch((e) => { console.error(e); fatal(String(e && e.message || e)); });
}
