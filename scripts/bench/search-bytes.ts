/**
 * What a reader downloads to search: the responses of the /search/ page and its
 * first two queries, added up by phase and by part of the Pagefind bundle.
 */

export type SearchPhase = 'page load' | 'first query' | 'second query';

export interface ServedResponse {
  /** Path under the site's base, e.g. `search/index.html`, `pagefind/wasm.en.pagefind`. */
  path: string;
  phase: SearchPhase;
  /** Body bytes as served (the local server sends files as they are, uncompressed). */
  bytes: number;
  /** The same body gzipped, as most hosts would send it (never more than `bytes`). */
  gzipBytes: number;
}

export interface ByteTotal {
  files: number;
  bytes: number;
  gzipBytes: number;
}

export const PARTS = ['site files', 'pagefind.js and worker', 'wasm', 'entry and meta', 'filters', 'index chunks', 'fragments', 'other pagefind files'] as const;
export type Part = (typeof PARTS)[number];

export function partOf(path: string): Part {
  if (!path.startsWith('pagefind/')) return 'site files';
  const name = path.slice('pagefind/'.length);
  if (name === 'pagefind.js' || name === 'pagefind-worker.js') return 'pagefind.js and worker';
  if (name.endsWith('.pagefind')) return 'wasm';
  if (name === 'pagefind-entry.json' || name.endsWith('.pf_meta')) return 'entry and meta';
  if (name.endsWith('.pf_filter')) return 'filters';
  if (name.endsWith('.pf_index')) return 'index chunks';
  if (name.endsWith('.pf_fragment')) return 'fragments';
  return 'other pagefind files';
}

export interface SearchBytes {
  /** The site's own files loaded with /search/ (HTML, CSS, JS, icons). */
  pageLoad: ByteTotal;
  /**
   * Everything Pagefind loads until the first query's results show, the library
   * included (pagefind.js, its wasm and metadata load with the page, the rest once the
   * reader types), and anything else loaded for that query; by part.
   */
  firstQuery: ByteTotal & { parts: Partial<Record<Part, ByteTotal>> };
  /** Everything loaded for a second, different query. */
  secondQuery: ByteTotal;
}

function add(total: ByteTotal, response: ServedResponse): ByteTotal {
  return { files: total.files + 1, bytes: total.bytes + response.bytes, gzipBytes: total.gzipBytes + response.gzipBytes };
}

const EMPTY: ByteTotal = { files: 0, bytes: 0, gzipBytes: 0 };

export function summariseSearchBytes(responses: readonly ServedResponse[]): SearchBytes {
  let pageLoad = EMPTY;
  let firstQuery = EMPTY;
  let secondQuery = EMPTY;
  const parts: Partial<Record<Part, ByteTotal>> = {};
  for (const response of responses) {
    const part = partOf(response.path);
    if (response.phase === 'second query') secondQuery = add(secondQuery, response);
    else if (response.phase === 'page load' && part === 'site files') pageLoad = add(pageLoad, response);
    else {
      firstQuery = add(firstQuery, response);
      parts[part] = add(parts[part] ?? EMPTY, response);
    }
  }
  return { pageLoad, firstQuery: { ...firstQuery, parts }, secondQuery };
}
