/*
 * The site's service worker: after a first visit, the site and its search keep working offline.
 *
 * This file is a template: scripts/index-search.ts (run after `astro build` and Pagefind)
 * prepends `const MANIFEST = {...}` and writes it to <outDir>/sw.js. MANIFEST holds:
 *   version  a hash of the shell, the search index and every page: a new deploy is a new
 *            sw.js, hence a new cache;
 *   core       paths (relative to the scope, which is the site's base) that must be cached
 *              for the worker to install: home, /search/, /my-list/ and its data, the favicon,
 *              the _astro/ assets and the Pagefind bundle the site uses (entry, wasm, meta,
 *              index and filter chunks: the whole index, so any search works offline);
 *   fragments  Pagefind's result fragments, one per paper (thousands in a long list), and
 *   pages      every other page when they weigh at most SITE.precachePagesUpTo together (else
 *              none: pages are cached as they are read): both cached best effort during
 *              install. A file that fails is skipped, and cached when next fetched online: one
 *              failure among thousands of files does not cost the reader the offline site.
 *
 * At runtime (same-origin GET requests under the scope only):
 *   pages (navigations) and pagefind-entry.json: network first, then the cache. Pages are
 *     keyed without their query (`?q=`, `?pagefind-highlight=`), and so is the entry file,
 *     which Pagefind requests with a `?ts=<now>` cache-busting query;
 *   _astro/ and pagefind/ files: cache first (Astro and Pagefind content-hash their chunk
 *     names; the few fixed names are versioned by this worker's cache);
 *   anything else (feeds, .bib, .ris, JSON): network first, then the cache.
 * On activate, caches of earlier versions are deleted and open pages are taken over. Cache
 * names hold the scope: two copies of the site under different paths of one origin (a
 * project page and its fork on github.io) keep their own caches.
 */
/* global MANIFEST */

const scope = new URL(self.registration.scope);
const PREFIX = `reading-list:${scope.pathname}:`;
const CACHE = `${PREFIX}${MANIFEST.version}`;
const at = (path) => new URL(path, scope).href;

/** `no-cache`: revalidate with the server, never take a stale copy from the HTTP cache. */
const fresh = (path) => new Request(at(path), { cache: 'no-cache' });

/**
 * Caches `path`; a file that fails to download, or cannot be stored, is skipped (and cached
 * when next fetched).
 */
async function cacheIfPossible(cache, path) {
  let response;
  try {
    response = await fetch(fresh(path));
    if (cacheable(response)) return await cache.put(at(path), response);
  } catch {
    // Offline, refused, or not storable.
  }
  // Left unread, its body would hold one of the browser's few connections to the host, and a
  // handful of failures would stall the install.
  await response?.body?.cancel().catch(() => undefined);
}

/** Caches `paths`, 64 at a time, skipping those that fail. */
async function cacheBestEffort(cache, paths) {
  for (let i = 0; i < paths.length; i += 64) await Promise.all(paths.slice(i, i + 64).map((path) => cacheIfPossible(cache, path)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // All or nothing: without these the site would not work offline, so the worker does not install.
      await cache.addAll(MANIFEST.core.map(fresh));
      await cacheBestEffort(cache, [...MANIFEST.fragments, ...MANIFEST.pages]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** The URL without its query and fragment: the cache key of a page or of the Pagefind entry file. */
function withoutQuery(url) {
  const copy = new URL(url);
  copy.search = '';
  copy.hash = '';
  return copy.href;
}

function cacheable(response) {
  return response.ok && !response.redirected && response.type === 'basic';
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (cacheable(response)) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    if (request.mode === 'navigate') return offlinePage();
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  if (cacheable(response)) await cache.put(request.url, response.clone());
  return response;
}

function offlinePage() {
  const home = scope.pathname;
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>Offline</title><link rel="icon" href="${home}favicon.svg" type="image/svg+xml"><h1>You are offline</h1>` +
    `<p>This page was not saved for reading offline. <a href="${home}">Home</a> and <a href="${home}search/">search</a> work offline.</p></html>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (path === 'sw.js') return;

  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, withoutQuery(url)));
  } else if (path === 'pagefind/pagefind-entry.json') {
    event.respondWith(networkFirst(request, withoutQuery(url)));
  } else if (path.startsWith('_astro/') || path.startsWith('pagefind/')) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, request.url));
  }
});
