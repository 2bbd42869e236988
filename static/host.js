// The page's host for the wasm app (src/ui/import/host.rs binds to it as `taxExplorerHost`):
// where pack files come from, the imported corpus kept in IndexedDB, the import worker, files
// picked or dropped, and downloads. Plain browser APIs only; nothing leaves the machine.
//
//   read(name)        the active pack's file: the imported corpus's (IndexedDB, or memory when
//                     the browser keeps nothing), the inlined one in the single file, or null:
//                     then the app fetches data/NAME itself.
//   readBundled(name) the bundled corpus's file, whatever is active (adding to it).
//   importedJson()    the stored import's description (JSON), or undefined.
//   save(json, names, buffers) / remove()   keep / drop the imported corpus.
//   newWorker()       the import worker, started (it answers `ready`).
//   filesOf(input), collectDrop(dataTransfer)   picked files as [{path, file}].
//   download(name, type, data)
//
// The single file (scripts/single-file.mjs) inlines this file and passes `inline`: the
// bundled pack and the worker's code as data blocks in the page.

const DB = 'tax-explorer';
const STORE = 'import';
const META = 'meta';
const FILE = (name) => 'file:' + name;

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('the transaction was aborted'));
  });
}

async function openDb() {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    return await done(open);
  } catch {
    return null; // private windows of some browsers, file:// in others: nothing is kept
  }
}

export async function createHost({ inline = null } = {}) {
  const db = await openDb();
  let meta = null;
  let memory = null; // the imported pack when the browser could not keep it
  if (db) {
    try {
      meta = (await done(db.transaction(STORE).objectStore(STORE).get(META))) ?? null;
    } catch {
      meta = null;
    }
  }

  async function readImported(name) {
    const bytes = memory ? memory.get(name) : await done(db.transaction(STORE).objectStore(STORE).get(FILE(name)));
    if (!bytes) throw new Error(`${name}: not in the imported corpus`);
    return bytes;
  }

  function readBundled(name) {
    if (inline) return inline.file(name);
    return fetch('data/' + name).then((r) => {
      if (!r.ok) throw new Error(`data/${name}: HTTP ${r.status}`);
      return r.arrayBuffer();
    }).then((b) => new Uint8Array(b));
  }

  const host = {
    persistent: !!db,
    read(name) {
      if (meta) return readImported(name);
      if (inline) return inline.file(name);
      return null;
    },
    readBundled,
    importedJson() {
      return meta ? JSON.stringify(meta) : undefined;
    },
    async save(json, names, buffers) {
      const m = { ...JSON.parse(json), names: [...names] };
      if (db) {
        try {
          const tx = db.transaction(STORE, 'readwrite');
          const store = tx.objectStore(STORE);
          store.clear();
          names.forEach((n, k) => store.put(buffers[k], FILE(n)));
          store.put(m, META); // last: an interrupted save leaves no description of a partial pack
          await committed(tx);
          memory = null;
          meta = m;
          return true;
        } catch (e) {
          console.warn('the imported corpus could not be kept:', e);
        }
      }
      memory = new Map(names.map((n, k) => [n, buffers[k]]));
      meta = { ...m, persistent: false };
      return false;
    },
    async remove() {
      memory = null;
      meta = null;
      if (db) {
        const tx = db.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).clear();
        await committed(tx);
      }
    },
    newWorker() {
      if (inline) {
        const w = new Worker(URL.createObjectURL(new Blob([inline.workerScript()], { type: 'text/javascript' })));
        inline.workerModule().then((bytes) => w.postMessage(bytes, [bytes.buffer]));
        return w;
      }
      const w = new Worker(new URL('import/import-worker-boot.js', document.baseURI));
      w.postMessage(new URL('import/import-worker_bg.wasm', document.baseURI).href);
      return w;
    },
    filesOf(input) {
      return [...(input.files || [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
    },
    // Entries must be taken while the drop event is dispatched; their contents are read later.
    collectDrop(dt) {
      const items = [...(dt.items || [])].filter((i) => i.kind === 'file');
      const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
      const loose = entries.some((e) => !e) ? [...dt.files] : null;
      return (async () => {
        if (loose) return loose.map((file) => ({ path: file.name, file }));
        const out = [];
        const walk = async (entry, prefix) => {
          if (entry.isFile) {
            const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
            out.push({ path: prefix + entry.name, file });
          } else if (entry.isDirectory) {
            const reader = entry.createReader();
            for (;;) {
              const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
              if (!batch.length) break;
              for (const e of batch) await walk(e, prefix + entry.name + '/');
            }
          }
        };
        for (const e of entries) await walk(e, '');
        return out;
      })();
    },
    download(name, type, data) {
      const url = URL.createObjectURL(new Blob([data], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
  };
  globalThis.taxExplorerHost = host;
  return host;
}
