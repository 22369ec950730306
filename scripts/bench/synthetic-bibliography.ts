/**
 * A synthetic BibTeX file for `npm run bench`, shaped like a lab's exported bibliography:
 * `@string` macros for journals, then articles, conference papers and arXiv preprints with
 * authors (`Family, Given`), abstracts for most, DOIs, keywords, `month` macros and arXiv ids
 * in `eprint` + `archivePrefix`. Words come from the synthetic listings' vocabulary, so the
 * themes sort these papers as they sort the listed ones.
 *
 * Pure and deterministic: the same options give the same text.
 */
import { prng } from './synthetic.ts';

export interface SyntheticBibliographyOptions {
  /** BibTeX entries (papers), `@string` definitions not counted. */
  entries: number;
  /** Words to draw from, most frequent first (`SyntheticListings.vocabulary`). */
  vocabulary: readonly string[];
  seed?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const JOURNALS = 30;

export function generateBibliography({ entries, vocabulary, seed = 1 }: SyntheticBibliographyOptions): string {
  const random = prng(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // Squaring a uniform draw favours the first (most frequent) words, as text does.
  const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]!;
  const capitalised = () => {
    const drawn = word();
    return drawn[0]!.toUpperCase() + drawn.slice(1);
  };
  const words = (min: number, max: number) => Array.from({ length: between(min, max) }, word).join(' ');

  const journals = Array.from({ length: JOURNALS }, (_, index) => ({ macro: `jrn${index}`, name: `Journal of ${capitalised()} ${capitalised()}` }));
  const lines = journals.map(({ macro, name }) => `@string{${macro} = {${name}}}`);
  const keys = new Set<string>();
  for (let index = 0; index < entries; index++) {
    const authors = Array.from({ length: between(1, 8) }, () => `${capitalised()}, ${capitalised()}`);
    const year = between(2015, 2025);
    let key = `${authors[0]!.split(',')[0]!.toLowerCase()}${year}${word()}`;
    while (keys.has(key)) key += 'a';
    keys.add(key);
    const kind = random();
    const fields = [
      `  author = {${authors.join(' and ')}}`,
      `  title = {${Array.from({ length: between(6, 14) }, capitalised).join(' ')}}`,
      `  year = {${year}}`,
      `  month = ${MONTHS[between(0, 11)]}`,
    ];
    if (kind < 0.45) fields.push(`  journal = ${journals[between(0, JOURNALS - 1)]!.macro}`, `  volume = {${between(1, 60)}}`, `  pages = {${between(1, 500)}--${between(501, 999)}}`);
    else if (kind < 0.75) fields.push(`  booktitle = {Proceedings of the ${capitalised()} Conference on ${capitalised()}}`);
    else {
      const arxiv = `${String(year % 100).padStart(2, '0')}${String(between(1, 12)).padStart(2, '0')}.${String(between(0, 99999)).padStart(5, '0')}`;
      fields.push(`  eprint = {${arxiv}}`, '  archivePrefix = {arXiv}', '  primaryClass = {cs.LG}', `  url = {https://arxiv.org/abs/${arxiv}}`);
    }
    if (kind < 0.75 && random() < 0.8) fields.push(`  doi = {10.${between(1000, 9999)}/${key}}`);
    if (random() < 0.7) fields.push(`  abstract = {${words(120, 250)}.}`);
    if (random() < 0.3) fields.push(`  keywords = {${words(1, 2)}, ${words(1, 2)}}`);
    const type = kind < 0.45 ? 'article' : kind < 0.75 ? 'inproceedings' : 'misc';
    lines.push(`@${type}{${key},\n${fields.join(',\n')}\n}`);
  }
  return `${lines.join('\n\n')}\n`;
}
