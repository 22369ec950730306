import { describe, expect, test } from 'vitest';
import {
  MAX_IMPORT_CHARS,
  countRead,
  emptyState,
  mergeStates,
  parseState,
  serialiseState,
  storageKey,
  summarise,
  validateState,
  withStar,
  withStatus,
  type ReadingState,
} from '../../src/lib/site/reading-state.ts';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:00.000Z';

function doc(papers: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'reading-list', version: 1, ...extra, papers });
}

function ok(text: unknown, knownSlugs?: Set<string>) {
  const result = parseState(text, { knownSlugs });
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

function error(text: unknown): string {
  const result = parseState(text);
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.error;
}

describe('storage key', () => {
  test('is versioned and scoped by base path', () => {
    expect(storageKey('/')).toBe('reading-list:v1:/');
    expect(storageKey('/reading-list/')).toBe('reading-list:v1:/reading-list/');
    expect(storageKey('/a/')).not.toBe(storageKey('/b/'));
  });
});

describe('changing state', () => {
  test('sets, toggles and clears status and star; empty entries disappear', () => {
    let state = withStatus(emptyState(), 'p1', 'read', T1);
    expect(state.papers['p1']).toEqual({ status: 'read', updated: T1 });
    state = withStar(state, 'p1', true, T2);
    expect(state.papers['p1']).toEqual({ status: 'read', starred: true, updated: T2 });
    state = withStatus(state, 'p1', undefined, T2);
    expect(state.papers['p1']).toEqual({ starred: true, updated: T2 });
    state = withStar(state, 'p1', false, T2);
    expect(state.papers['p1']).toBeUndefined();
    expect(Object.keys(state.papers)).toEqual([]);
  });

  test('does not mutate its input', () => {
    const before = withStatus(emptyState(), 'p1', 'reading', T1);
    const after = withStatus(before, 'p1', 'read', T2);
    expect(before.papers['p1']?.status).toBe('reading');
    expect(after.papers['p1']?.status).toBe('read');
  });

  test('ignores an invalid slug', () => {
    const state = emptyState();
    expect(withStatus(state, '__proto__', 'read', T1)).toBe(state);
    expect(({} as Record<string, unknown>)['status']).toBeUndefined();
  });

  test('summarise and countRead', () => {
    let state = withStatus(emptyState(), 'a', 'read', T1);
    state = withStatus(state, 'b', 'reading', T1);
    state = withStar(state, 'b', true, T1);
    state = withStatus(state, 'c', 'read', T1);
    expect(summarise(state)).toEqual({ 'to-read': 0, reading: 1, read: 2, starred: 1 });
    expect(countRead(state, ['a', 'b', 'x'])).toBe(1);
  });
});

describe('serialise and parse', () => {
  test('round-trips, with stable key order', () => {
    let state = withStatus(emptyState(), 'zeta', 'to-read', T1);
    state = withStatus(state, 'alpha', 'read', T2);
    state = withStar(state, 'alpha', true, T2);
    const text = serialiseState(state);
    expect(Object.keys(JSON.parse(text).papers)).toEqual(['alpha', 'zeta']);
    const back = ok(text);
    expect(back.skipped).toEqual([]);
    expect(serialiseState(back.state)).toBe(text);
  });

  test('an export carries its time and parses back', () => {
    const state = withStatus(emptyState(), 'p', 'reading', T1);
    const text = serialiseState(state, T2);
    expect(JSON.parse(text)).toMatchObject({ format: 'reading-list', version: 1, exportedAt: T2 });
    expect(ok(text).state.papers['p']).toEqual({ status: 'reading', updated: T1 });
  });

  test('accepts a byte-order mark', () => {
    expect(ok(`\uFEFF${doc({ p: { status: 'read' } })}`).state.papers['p']?.status).toBe('read');
  });
});

describe('hostile or invalid import files', () => {
  test.each([
    ['not text', 42, /not text/],
    ['empty file', '', /not valid JSON/],
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated JSON', doc({ p: { status: 'read' } }).slice(0, -3), /not valid JSON/],
    ['JSON null', 'null', /expected a JSON object/],
    ['JSON array', '[]', /expected a JSON object/],
    ['JSON string', '"reading-list"', /expected a JSON object/],
    ['another format', JSON.stringify({ format: 'zotero', version: 1, papers: {} }), /format/],
    ['no format', JSON.stringify({ version: 1, papers: {} }), /format/],
    ['no version', JSON.stringify({ format: 'reading-list', papers: {} }), /version/],
    ['version as string', JSON.stringify({ format: 'reading-list', version: '1', papers: {} }), /version/],
    ['fractional version', JSON.stringify({ format: 'reading-list', version: 1.5, papers: {} }), /version/],
    ['newer version', JSON.stringify({ format: 'reading-list', version: 2, papers: {} }), /newer version/],
    ['papers as array', doc([{ status: 'read' }]), /papers/],
    ['papers missing', JSON.stringify({ format: 'reading-list', version: 1 }), /papers/],
    ['too large', ' '.repeat(MAX_IMPORT_CHARS + 1), /too large/],
  ])('rejects %s', (_name, input, message) => {
    expect(error(input)).toMatch(message);
  });

  test('rejects too many papers', () => {
    const papers = Object.fromEntries(Array.from({ length: 20_001 }, (_, i) => [`p${i}`, { status: 'read' }]));
    expect(error(doc(papers))).toMatch(/more than/);
  });

  test('skips bad entries, keeps good ones, and says why', () => {
    const result = ok(
      doc({
        good: { status: 'read', starred: true, updated: T1 },
        'bad-status': { status: 'done' },
        'bad-star': { starred: 'yes' },
        'bad-time': { status: 'read', updated: 'yesterday' },
        'not-object': 'read',
        'null-entry': null,
        'array-entry': ['read'],
        'with/slash': { status: 'read' },
        ' padded': { status: 'read' },
        'control\u0000char': { status: 'read' },
        [`${'x'.repeat(201)}`]: { status: 'read' },
        empty: {},
      }),
    );
    expect(Object.keys(result.state.papers)).toEqual(['good']);
    expect(result.state.papers['good']).toEqual({ status: 'read', starred: true, updated: T1 });
    expect(result.skipped).toHaveLength(10);
    expect(result.skipped.join('\n')).toMatch(/"bad-status": unknown status/);
    expect(result.skipped.join('\n')).toMatch(/"with\/slash": not a paper address/);
  });

  test('prototype keys cannot pollute objects', () => {
    const text = '{"format":"reading-list","version":1,"papers":{"__proto__":{"status":"read","polluted":true},"constructor":{"status":"read"},"ok":{"status":"reading","__proto__":{"x":1}}}}';
    const result = ok(text);
    expect(Object.keys(result.state.papers)).toEqual(['ok']);
    expect(result.state.papers['ok']).toEqual({ status: 'reading' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['status']).toBeUndefined();
    expect(Object.getPrototypeOf(result.state.papers)).toBeNull();
    // The state serialises without the rejected keys.
    expect(serialiseState(result.state)).not.toMatch(/proto|constructor/);
  });

  test('markup in slugs and values is data, never interpreted', () => {
    const result = ok(doc({ '<img src=x onerror=alert(1)>': { status: 'read' } }));
    // Accepted as a slug string (it never becomes HTML: the page sets textContent), and dropped when unknown.
    expect(Object.keys(result.state.papers)).toEqual(['<img src=x onerror=alert(1)>']);
    const known = ok(doc({ '<img src=x onerror=alert(1)>': { status: 'read' }, real: { status: 'read' } }), new Set(['real']));
    expect(Object.keys(known.state.papers)).toEqual(['real']);
    expect(known.skipped).toEqual(['"<img src=x onerror=alert(1)>": no such paper on this site']);
  });

  test('validateState accepts objects directly', () => {
    expect(validateState({ format: 'reading-list', version: 1, papers: { a: { status: 'to-read' } } }).ok).toBe(true);
    expect(validateState(undefined).ok).toBe(false);
  });
});

describe('merge', () => {
  const mine: ReadingState = ok(doc({ a: { status: 'reading', updated: T2 }, b: { status: 'to-read', updated: T1 }, c: { starred: true } })).state;
  const theirs: ReadingState = ok(doc({ a: { status: 'read', updated: T1 }, b: { status: 'read', updated: T2 }, d: { status: 'read' } })).state;

  test('keeps both sides; the later change of a paper wins', () => {
    const merged = mergeStates(mine, theirs);
    expect(Object.keys(merged.papers).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.papers['a']?.status).toBe('reading'); // mine is newer
    expect(merged.papers['b']?.status).toBe('read'); // theirs is newer
    expect(merged.papers['c']).toEqual({ starred: true });
    expect(merged.papers['d']).toEqual({ status: 'read' });
  });

  test('compares times, not their text: a time with decimals is later than the same second without', () => {
    const withDecimals = ok(doc({ a: { status: 'read', updated: '2025-01-01T00:00:00.900Z' } })).state;
    const whole = ok(doc({ a: { status: 'reading', updated: '2025-01-01T00:00:00Z' } })).state;
    expect(mergeStates(withDecimals, whole).papers['a']?.status).toBe('read');
    expect(mergeStates(whole, withDecimals).papers['a']?.status).toBe('read');
  });

  test('does not change its inputs', () => {
    const before = serialiseState(mine);
    mergeStates(mine, theirs);
    expect(serialiseState(mine)).toBe(before);
  });

  test('merging a state into itself changes nothing', () => {
    expect(serialiseState(mergeStates(mine, mine))).toBe(serialiseState(mine));
  });
});
