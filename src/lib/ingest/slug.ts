import { createHash } from 'node:crypto';
import { isPaperSort } from '../site/sort.ts';

const MAX_SLUG_LENGTH = 80;

/** Lowercase ASCII words joined by hyphens: the shape of slugs and theme ids, URL segments and file names both. */
export const URL_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The shape of every slug. */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && URL_SEGMENT.test(value);
}

/**
 * Whether `slug` names a page of the /papers/ table rather than a paper: paper pages
 * are `/papers/<slug>/`, beside the table's pages `/papers/2/`, `/papers/upvotes/`,
 * `/papers/title/`... (see `listPageParam` in src/lib/site/sort.ts). So no paper may
 * have a purely numeric slug or the name of an order (`date` too: the default order
 * has no path of its own, but `/papers/date/` must never be a paper).
 */
export function isListSegment(slug: string): boolean {
  return /^\d+$/.test(slug) || isPaperSort(slug);
}

/** An ASCII, URL-safe slug of a title; empty when the title has no latin letters or digits. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastBreak = cut.lastIndexOf('-');
  return lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, MAX_SLUG_LENGTH);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * Gives each paper key a unique slug. Slugs already in use (from entries written
 * before) are kept, so URLs do not move when papers are added; `reserved` slugs
 * (hand-written entries) are never given out, nor are the /papers/ table's own
 * segments (`isListSegment`: an existing slug such as `2` or `upvotes` is replaced);
 * the rest are derived from the title, and a collision gets a suffix hashed from
 * the key, so the result does not depend on the order papers are listed in.
 */
export function assignSlugs(
  papers: readonly { key: string; title: string }[],
  existing: ReadonlyMap<string, string> = new Map(),
  reserved: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>(reserved);
  for (const { key } of papers) {
    const slug = existing.get(key);
    if (slug !== undefined && !taken.has(slug) && !isListSegment(slug)) {
      slugs.set(key, slug);
      taken.add(slug);
    }
  }
  const fresh = papers.filter(({ key }) => !slugs.has(key)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, title } of fresh) {
    const base = slugify(title) || 'paper';
    let slug = base === 'paper' ? `paper-${shortHash(key)}` : base;
    for (let attempt = 0; taken.has(slug) || isListSegment(slug); attempt++) slug = `${base}-${shortHash(`${key}#${attempt}`)}`;
    slugs.set(key, slug);
    taken.add(slug);
  }
  return slugs;
}
