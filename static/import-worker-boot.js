// The import worker's first script (a classic worker script). It loads the wasm-bindgen glue
// next to it, unless the glue came in the same script (the single-file build puts both in one
// blob), then waits for the page's first message: where the module is (a URL, or its bytes in
// the single file). The module's own start function then takes the messages over and says
// `ready` (worker/src/main.rs).
/* global wasm_bindgen, importScripts */
if (typeof wasm_bindgen === 'undefined') importScripts('./import-worker.js');
self.onmessage = (e) => {
  self.onmessage = null;
  wasm_bindgen({ module_or_path: e.data }).catch((err) => {
    self.postMessage({ type: 'error', message: 'the import module did not start: ' + String((err && err.message) || err) });
  });
};
