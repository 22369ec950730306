import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of everything an Astro + Pagefind build emits. */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Origin plus base path, always ending in `/`, e.g. `http://127.0.0.1:41234/reading-list/`. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** `/reading-list`, `reading-list/`, `/` or `` -> `/reading-list/` or `/`. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

async function fileAt(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

/**
 * Serves a built site folder on 127.0.0.1 at a random free port, like a static
 * host would: under `basePath`, `index.html` for directories, a 301 to add the
 * trailing slash, and the site's own 404.html (status 404) for anything missing.
 */
export async function serveStatic(rootDir: string, basePath = '/'): Promise<StaticServer> {
  const root = resolve(rootDir);
  const base = normaliseBasePath(basePath);

  async function respond(method: string, rawUrl: string, res: ServerResponse) {
    const url = new URL(rawUrl, 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (`${pathname}/` === base) {
      res.writeHead(301, { location: base + url.search }).end();
      return;
    }
    const inBase = pathname.startsWith(base);
    const candidate = inBase ? resolve(root, `.${sep}${pathname.slice(base.length)}`) : undefined;
    const insideRoot = candidate !== undefined && (candidate === root || candidate.startsWith(root + sep));
    const found = insideRoot ? await fileAt(candidate) : undefined;

    if (found && found.endsWith(`${sep}index.html`) && !pathname.endsWith('/') && !pathname.endsWith('.html')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const status = found ? 200 : 404;
    const body = found ?? (await fileAt(join(root, '404.html')));
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const { size } = await stat(body);
    res.writeHead(status, {
      'content-type': contentTypeFor(body),
      'content-length': size,
      'cache-control': 'no-store',
    });
    if (method === 'HEAD') res.end();
    else createReadStream(body).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    respond(req.method, req.url ?? '/', res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}
