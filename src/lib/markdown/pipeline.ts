/**
 * The site's Markdown pipeline, as astro.config.mjs gives it to Astro's Sätteri processor
 * (for `.md`, plain `.mdx` rendered while content loads, and through @astrojs/mdx the
 * others), and as the tests run it.
 */
import type { Features, HastPluginList, MdastPluginList } from 'satteri';
import { escapedAutolinks } from './escaped-autolinks.ts';
import { MARKDOWN_FEATURES } from './features.ts';
import { katexMath } from './math.ts';
import { paperLinks } from './paper-links.ts';

export interface MarkdownPipeline {
  features: Features;
  mdastPlugins: MdastPluginList;
  hastPlugins: HastPluginList;
}

/** `base` is the site's base path with its slashes (`/`, `/reading-list/`), which links between papers go under. */
export function markdownPipeline({ base }: { base: string }): MarkdownPipeline {
  return { features: { ...MARKDOWN_FEATURES }, mdastPlugins: [escapedAutolinks, paperLinks(base)], hastPlugins: [katexMath] };
}
