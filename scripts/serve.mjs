// A plain static file server for dist/ on 127.0.0.1, optionally under a subpath, like any
// static host would serve it. Used by scripts/run.sh and the browser tests.
// Usage: node scripts/serve.mjs [--dir dist] [--port 8080] [--prefix /explorer/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.gz': 'application/gzip',
};

export function startServer({ dir = 'dist', port = 0, prefix = '/', log = () => {} } = {}) {
  const root = resolve(dir);
  const pre = prefix.endsWith('/') ? prefix : prefix + '/';
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    log(`${req.method} ${req.url}`);
    const url = new URL(req.url, 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(pre)) {
      if (path + '/' === pre) { res.writeHead(301, { location: pre }); res.end(); return; }
      res.writeHead(404); res.end('not found'); return;
    }
    path = path.slice(pre.length);
    const file = normalize(join(root, path || 'index.html'));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    try {
      const s = await stat(file);
      const target = s.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404); res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => {
    const { port: p } = server.address();
    ok({ server, requests, url: `http://127.0.0.1:${p}${pre}`, close: () => new Promise((c) => server.close(c)) });
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
  const s = await startServer({ dir: arg('--dir', 'dist'), port: Number(arg('--port', '8080')), prefix: arg('--prefix', '/') });
  console.log(`税费服务举措浏览器 is being served at ${s.url}  (Ctrl+C to stop)`);
}
