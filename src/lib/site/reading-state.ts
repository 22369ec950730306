/**
 * What a reader tracks about papers: a status (to read, reading, read) and a star,
 * per paper slug. Pure functions only (no `localStorage`, no DOM), so the browser
 * script (src/scripts/reading-track.ts) and the unit tests share them.
 *
 * The stored and exported form is versioned JSON:
 *   { "format": "reading-list", "version": 1, "papers": { "<slug>": { "status": "read", "starred": true, "updated": "2026-..." } } }
 * Everything read back (from storage or an imported file) is untrusted: `parseState`
 * validates it and never throws.
 */

export const STATE_FORMAT = 'reading-list';
export const STATE_VERSION = 1;

export const STATUSES = ['to-read', 'reading', 'read'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
};

export interface PaperState {
  status?: Status;
  starred?: boolean;
  /** ISO timestamp of the last change; decides which side wins a merge. */
  updated?: string;
}

export interface ReadingState {
  /** slug -> state; a null-prototype object, so no slug can reach Object.prototype. */
  papers: Record<string, PaperState>;
}

/** Largest import accepted, in characters (a full list of a few thousand papers is far smaller). */
export const MAX_IMPORT_CHARS = 2_000_000;
/** Most papers accepted in one state. */
export const MAX_PAPERS = 20_000;

/** The localStorage key, scoped by the site's base path so two lists on one origin keep apart. */
export function storageKey(basePath: string): string {
  return `reading-list:v${STATE_VERSION}:${basePath}`;
}

export function emptyState(): ReadingState {
  return { papers: Object.create(null) as Record<string, PaperState> };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// eslint-disable-next-line no-control-regex
const SLUG = /^[^\u0000-\u001f\u007f/\\?#]{1,200}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

export function isValidSlug(value: string): boolean {
  return SLUG.test(value) && !FORBIDDEN_KEYS.has(value) && value.trim() === value;
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the entry records nothing worth keeping. */
function isEmptyEntry(entry: PaperState): boolean {
  return entry.status === undefined && !entry.starred;
}

export type ParseResult =
  | { ok: true; state: ReadingState; /** Entries left out (invalid or unknown slugs), with why. */ skipped: string[] }
  | { ok: false; error: string };

export interface ParseOptions {
  /** When given, entries for other slugs are skipped (an export from another list, or papers since removed). */
  knownSlugs?: ReadonlySet<string>;
}

/**
 * Reads a stored or exported state. Rejects what is not a reading-list state at all
 * (not JSON, another format, a newer version, too large); skips single bad entries
 * and says which.
 */
export function parseState(text: unknown, options: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: 'The file is not text.' };
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: 'The file is too large to be a reading-list export.' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'The file is not valid JSON.' };
  }
  return validateState(data, options);
}

/** As `parseState`, for an already-parsed value. */
export function validateState(data: unknown, options: ParseOptions = {}): ParseResult {
  if (!isPlainObject(data)) return { ok: false, error: 'The file does not hold a reading-list export (expected a JSON object).' };
  if (data['format'] !== STATE_FORMAT) return { ok: false, error: 'The file is not a reading-list export (its "format" is not "reading-list").' };
  const version = data['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'The file has no valid "version".' };
  }
  if (version > STATE_VERSION) {
    return { ok: false, error: `The file is from a newer version (${version}) of the reading list; this site reads version ${STATE_VERSION}.` };
  }
  const papers = data['papers'];
  if (!isPlainObject(papers)) return { ok: false, error: 'The file has no "papers" object.' };
  const slugs = Object.keys(papers);
  if (slugs.length > MAX_PAPERS) return { ok: false, error: `The file lists more than ${MAX_PAPERS} papers.` };

  const state = emptyState();
  const skipped: string[] = [];
  for (const slug of slugs) {
    const shown = JSON.stringify(slug.length > 80 ? `${slug.slice(0, 80)}…` : slug);
    if (!isValidSlug(slug)) {
      skipped.push(`${shown}: not a paper address`);
      continue;
    }
    if (options.knownSlugs && !options.knownSlugs.has(slug)) {
      skipped.push(`${shown}: no such paper on this site`);
      continue;
    }
    const entry = readEntry(papers[slug]);
    if (typeof entry === 'string') {
      skipped.push(`${shown}: ${entry}`);
      continue;
    }
    if (!isEmptyEntry(entry)) state.papers[slug] = entry;
  }
  return { ok: true, state, skipped };
}

function readEntry(value: unknown): PaperState | string {
  if (!isPlainObject(value)) return 'not an object';
  const entry: PaperState = {};
  const { status, starred, updated } = value;
  if (status !== undefined && status !== null) {
    if (!isStatus(status)) return 'unknown status';
    entry.status = status;
  }
  if (starred !== undefined && starred !== null) {
    if (typeof starred !== 'boolean') return '"starred" is not true or false';
    if (starred) entry.starred = true;
  }
  if (updated !== undefined && updated !== null) {
    if (typeof updated !== 'string' || !ISO_TIME.test(updated) || Number.isNaN(Date.parse(updated))) return 'bad "updated" time';
    entry.updated = updated;
  }
  return entry;
}

/** The export/storage text: stable key order, so equal states give equal files. */
export function serialiseState(state: ReadingState, exportedAt?: string): string {
  const papers: Record<string, PaperState> = {};
  for (const slug of Object.keys(state.papers).sort()) {
    const entry = state.papers[slug]!;
    if (isEmptyEntry(entry)) continue;
    const out: PaperState = {};
    if (entry.status) out.status = entry.status;
    if (entry.starred) out.starred = true;
    if (entry.updated) out.updated = entry.updated;
    papers[slug] = out;
  }
  const document: Record<string, unknown> = { format: STATE_FORMAT, version: STATE_VERSION };
  if (exportedAt) document['exportedAt'] = exportedAt;
  document['papers'] = papers;
  return JSON.stringify(document, null, exportedAt ? 2 : undefined);
}

/** When an entry changed, as a number: its time may have any number of decimals (`…:00Z`, `…:00.900Z`). */
const changedAt = (entry: PaperState) => (entry.updated === undefined ? -Infinity : Date.parse(entry.updated));

/**
 * Both states together. For a paper in both, the entry changed last wins (an entry
 * without a time loses to one with a time; on a tie the incoming one wins).
 */
export function mergeStates(current: ReadingState, incoming: ReadingState): ReadingState {
  const merged = emptyState();
  for (const [slug, entry] of Object.entries(current.papers)) merged.papers[slug] = { ...entry };
  for (const [slug, entry] of Object.entries(incoming.papers)) {
    const mine = merged.papers[slug];
    if (!mine || changedAt(entry) >= changedAt(mine)) merged.papers[slug] = { ...entry };
  }
  return merged;
}

/** A copy with one paper's status set (`undefined` clears it). */
export function withStatus(state: ReadingState, slug: string, status: Status | undefined, now: string): ReadingState {
  return update(state, slug, (entry) => ({ ...entry, status }), now);
}

/** A copy with one paper's star set. */
export function withStar(state: ReadingState, slug: string, starred: boolean, now: string): ReadingState {
  return update(state, slug, (entry) => ({ ...entry, starred }), now);
}

function update(state: ReadingState, slug: string, change: (entry: PaperState) => PaperState, now: string): ReadingState {
  if (!isValidSlug(slug)) return state;
  const next = emptyState();
  Object.assign(next.papers, state.papers);
  const entry = change({ ...(state.papers[slug] ?? {}) });
  const clean: PaperState = {};
  if (entry.status) clean.status = entry.status;
  if (entry.starred) clean.starred = true;
  if (isEmptyEntry(clean)) delete next.papers[slug];
  else next.papers[slug] = { ...clean, updated: now };
  return next;
}

export interface StateSummary {
  'to-read': number;
  reading: number;
  read: number;
  starred: number;
}

export function summarise(state: ReadingState): StateSummary {
  const summary: StateSummary = { 'to-read': 0, reading: 0, read: 0, starred: 0 };
  for (const entry of Object.values(state.papers)) {
    if (entry.status) summary[entry.status] += 1;
    if (entry.starred) summary.starred += 1;
  }
  return summary;
}

/** How many of `slugs` the reader has read. */
export function countRead(state: ReadingState, slugs: Iterable<string>): number {
  let count = 0;
  for (const slug of slugs) if (state.papers[slug]?.status === 'read') count += 1;
  return count;
}
