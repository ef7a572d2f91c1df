// A tiny static server for ui/dist on 127.0.0.1 (bench and browser tests): SPA fallback to index.html, the same
// Content-Security-Policy the api sends (default-src 'self'), and an optional handler for /api requests.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * @param {{ root: string, api?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveDist({ root, api }) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/')) {
      if (api !== undefined) return api(req, res);
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return res.end('{"error":{"code":"not_found","message":"no api in this server"}}');
    }
    void sendFile(root, path, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve(undefined));
    }),
  };
}

async function sendFile(root, path, res) {
  const file = normalize(join(root, path));
  const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
  let target = inside ? file : undefined;
  if (target !== undefined) {
    const info = await stat(target).catch(() => undefined);
    if (info === undefined || info.isDirectory()) target = undefined;
  }
  // Client-side routes (no extension) get the app; a missing asset is a 404.
  if (target === undefined) {
    if (extname(path) !== '') {
      res.writeHead(404);
      return res.end();
    }
    target = join(root, 'index.html');
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
    'Content-Security-Policy': 'default-src \'self\'',
    'Cache-Control': 'no-store',
  });
  createReadStream(target).pipe(res);
}
