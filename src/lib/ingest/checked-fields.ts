import { ARXIV_PATTERN, DOI_PATTERN, isWebUrl } from './fields.ts';
import type { ListedPaper, Warning } from './types.ts';

/** What each checked field must be, and how a message says it. */
const CHECKS = {
  doi: { valid: (value: string) => DOI_PATTERN.test(value), name: 'DOI', shape: 'a DOI is 10.<registrant>/<suffix>, without https://doi.org/' },
  arxiv: { valid: (value: string) => ARXIV_PATTERN.test(value), name: 'arXiv id', shape: 'an arXiv id is 1503.02531 or hep-th/9901001, without version' },
  url: { valid: isWebUrl, name: 'URL', shape: 'pages link only to http and https addresses' },
} as const;

const TEXT_FIELDS = ['venue', 'type', 'citationKey'] as const;

/**
 * A listed paper as its entry can hold it, whatever a source gave: the entry schema
 * (src/content.config.ts) would fail the build on a DOI, arXiv id or URL that is not one (a `url =
 * {www.x.org}`, a `javascript:` link), so such a value is not kept, with a warning naming the source.
 * A blank name, keyword, venue, type or key holds nothing, and is dropped as absent.
 */
export function checkedFields(paper: ListedPaper): { paper: ListedPaper; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const checked: ListedPaper = { ...paper };
  for (const [field, { valid, name, shape }] of Object.entries(CHECKS) as [keyof typeof CHECKS, (typeof CHECKS)[keyof typeof CHECKS]][]) {
    const value = paper[field];
    if (value === undefined) continue;
    if (value.trim() === '') delete checked[field];
    else if (!valid(value)) {
      delete checked[field];
      warnings.push({ file: paper.source.listing, line: paper.source.line, message: `"${paper.title}": the ${name} ${JSON.stringify(value)} is not kept: ${shape}` });
    }
  }
  for (const field of TEXT_FIELDS) if (paper[field]?.trim() === '') delete checked[field];
  for (const field of ['authors', 'keywords'] as const) {
    const kept = paper[field]?.filter((item) => item.trim() !== '');
    if (kept?.length === 0) delete checked[field];
    else if (kept) checked[field] = kept;
  }
  return { paper: checked, warnings };
}
