/** The static server the browser tests rely on: it must behave like a static host. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normaliseBasePath, serveStatic, type StaticServer } from './static-server.ts';

let folder: string;
let site: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'static-server-test-'));
  site = join(folder, 'site');
  await mkdir(join(site, 'papers', 'a'), { recursive: true });
  await mkdir(join(site, 'pagefind', 'fragment'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<h1>home</h1>');
  await writeFile(join(site, '404.html'), '<h1>not here</h1>');
  await writeFile(join(site, 'papers', 'a', 'index.html'), '<h1>paper a</h1>');
  await writeFile(join(site, 'pagefind', 'wasm.en.pagefind'), 'binary');
  await writeFile(join(site, 'pagefind', 'pagefind.js'), 'export {}');
  await writeFile(join(site, 'pagefind', 'x.wasm'), 'wasm');
  await writeFile(join(folder, 'outside-the-site.txt'), 'secret');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('normaliseBasePath gives a leading and trailing slash', () => {
  expect(normaliseBasePath('')).toBe('/');
  expect(normaliseBasePath('/')).toBe('/');
  expect(normaliseBasePath('/reading-list')).toBe('/reading-list/');
  expect(normaliseBasePath('reading-list/')).toBe('/reading-list/');
});

describe.each(['/', '/reading-list/'])('serving under %s', (basePath) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(site, basePath);
  });
  afterAll(async () => {
    await server.close();
  });
  const get = (path: string) => fetch(new URL(path, server.origin), { redirect: 'manual' });

  test('listens on 127.0.0.1 and reports its URL with the base', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${basePath}$`));
  });

  test('serves a directory index.html, as HTML', async () => {
    const response = await get(`${basePath}papers/a/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<h1>paper a</h1>');
  });

  test('redirects a directory without its trailing slash', async () => {
    const response = await get(`${basePath}papers/a`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${basePath}papers/a/`);
  });

  test('gives Pagefind files and WebAssembly their content types', async () => {
    expect((await get(`${basePath}pagefind/wasm.en.pagefind`)).headers.get('content-type')).toBe('application/octet-stream');
    expect((await get(`${basePath}pagefind/x.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect((await get(`${basePath}pagefind/pagefind.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  test('answers 404 with the site 404 page for a missing file', async () => {
    const response = await get(`${basePath}papers/missing/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<h1>not here</h1>');
  });

  test('does not serve files outside the folder', async () => {
    const response = await get(`${basePath}..%2foutside-the-site.txt`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });
});

test('under a base path, nothing outside it is served', async () => {
  const server = await serveStatic(site, '/reading-list');
  try {
    expect((await fetch(new URL('/papers/a/', server.origin))).status).toBe(404);
    const bare = await fetch(new URL('/reading-list', server.origin), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/reading-list/');
  } finally {
    await server.close();
  }
});
