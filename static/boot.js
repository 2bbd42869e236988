// Loads the wasm app. A separate file (not an inline script) so the page's CSP can forbid
// inline scripts; relative URLs so dist/ works under any subpath.
import init, * as bindings from './tax-explorer.js';

function fatal(message) {
  const el = document.getElementById('fatal');
  if (el) {
    el.textContent = '应用无法启动 · The explorer could not start: ' + message;
    el.hidden = false;
  }
  const loading = document.querySelector('#app .loading');
  if (loading) loading.remove();
}

init({ module_or_path: new URL('./tax-explorer_bg.wasm', import.meta.url) })
  .then(() => {
    window.taxExplorer = bindings; // benchmark hooks (search_count, wasm_memory_bytes)
    document.documentElement.dataset.ready = '1';
  })
  .catch((e) => { console.error(e); fatal(String(e && e.message || e)); });
