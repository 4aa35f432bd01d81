// A second origin for the tests: a small static server on 127.0.0.1 (the app is served on
// localhost) that serves the demo host page from the build, under a strict policy of its own.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

const FILES: Record<string, string> = {
  '/embed-demo.html': 'text/html; charset=utf-8',
  '/embed-demo.js': 'text/javascript; charset=utf-8',
};

// No inline script, and frames from the app's origin (localhost, any port) only.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; frame-src http://localhost:*; img-src data:; base-uri 'none'; form-action 'none'";

export async function startHost(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const type = FILES[path];
    if (!type) {
      res.writeHead(404).end();
      return;
    }
    readFile(join('dist', path)).then(
      (body) =>
        res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
