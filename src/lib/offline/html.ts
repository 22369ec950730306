/**
 * One page of the offline build, rewritten to work opened from disk: root-relative
 * links become relative links to files, and module scripts become classic scripts
 * (a file:// page may not load modules; scripts/build-offline.ts bundles each one).
 */
import type { Element, Root } from 'hast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import { relativeLink, relativeRoot } from './links.ts';

/** Properties (hast names) that hold a URL. */
const URL_PROPERTIES = ['href', 'src', 'action', 'xLinkHref'] as const;

export interface OfflinePage {
  html: string;
  /** Root-relative `src` of every module script of the page, now loaded as a classic script. */
  moduleScripts: string[];
}

export function toOfflinePage(html: string, pagePath: string): OfflinePage {
  const moduleScripts: string[] = [];
  const rewrite = () => (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const { properties } = node;
      if (node.tagName === 'script' && properties['type'] === 'module') {
        if (typeof properties['src'] !== 'string') throw new Error(`${pagePath}: an inline module script cannot run from disk`);
        moduleScripts.push(properties['src']);
        delete properties['type'];
        properties['defer'] = true;
      }
      for (const name of URL_PROPERTIES) {
        const value = properties[name];
        if (typeof value === 'string') properties[name] = relativeLink(pagePath, value);
      }
      if (properties['dataSiteRoot'] !== undefined) properties['dataSiteRoot'] = relativeRoot(pagePath);
    });
  };
  const output = rehype().use(rewrite).processSync(html);
  return { html: String(output), moduleScripts };
}
