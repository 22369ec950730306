/**
 * Citation.js with the plugins the exports use, set up once for the whole build. The
 * only module that imports it: the exporters call `formatCsl`.
 */
import { plugins, type Register } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { CslItem } from './csl.ts';

// Citation.js's BibTeX writer, left ASCII-only, drops every character it has no TeX
// command for (CJK, emoji, most scripts); the site writes UTF-8 files, which biber reads,
// and escapes text itself before handing it over (export-bibtex.ts).
(plugins.config.get('@bibtex') as { format: { asciiOnly: boolean } }).format.asciiOnly = false;

/**
 * APA as Citation.js ships it, without disambiguation: each citation stands alone on its
 * page, so no `2020a` year suffixes, and no time spent comparing every paper's names with
 * every other's.
 */
export const APA_STANDALONE = 'apa-standalone';
const styles = plugins.config.get('@csl').styles as Register<string>;
if (!styles.has(APA_STANDALONE)) styles.add(APA_STANDALONE, styles.get('apa').replace(/ disambiguate-[a-z-]+="true"/g, ''));

/** One Citation.js output format (`bibtex`, `ris`, `bibliography`...) of CSL items. */
export function formatCsl(format: string, items: readonly CslItem[], options: Record<string, unknown>): unknown {
  return plugins.output.format(format, items, options);
}
