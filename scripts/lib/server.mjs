// A small HTTP server for the fixture pages on 127.0.0.1. With Chromium's host-resolver rule
// mapping every host here, a page can be served under a real news site's name (the extension
// runs only on news sites), while nothing leaves the machine.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const PAGES_DIR = path.resolve('tests/fixtures/pages');

/** What is served: pages, and the scripts some fixture pages share. */
const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * Starts serving `dir`: `/any/path/<file>.html` (or `.js`) on any host returns that file; `routes`
 * can add handlers by exact path. Resolves with the port and a `close` function.
 */
export async function serveFixtures({ dir = PAGES_DIR, routes = {} } = {}) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (routes[url.pathname]) return routes[url.pathname](req, res);
    const name = path.basename(url.pathname);
    if (name === 'favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const type = CONTENT_TYPES[path.extname(name)];
    if (!type || !/^[\w.-]+$/.test(name)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const body = await readFile(path.join(dir, name));
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { port, close: () => new Promise((resolve) => server.close(resolve)) };
}
