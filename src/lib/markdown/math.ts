/**
 * Math in notes, `$…$` and `$$…$$` (Sätteri's `math` feature), rendered with KaTeX while
 * the site builds: the page ships no JavaScript for it, only KaTeX's stylesheet, which the
 * paper page links when its notes hold math (src/pages/papers/[slug].astro).
 *
 * Hosted search indexes math as its source text: KaTeX writes the source into a MathML
 * `<annotation>`, and the rendering's other text (the visible glyphs and the MathML that
 * screen readers read) is marked `data-pagefind-ignore`.
 */
import katex from 'katex';
import { defineHastPlugin, htmlToHast, type HastNode } from 'satteri';

interface Element {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: (Element | { type: string })[];
}

const classes = (node: Element) => (Array.isArray(node.properties['className']) ? (node.properties['className'] as string[]) : []);
const isElement = (node: { type: string }): node is Element => node.type === 'element';

/** KaTeX's rendering of `tex` as hast, with everything but the source annotation left out of the search index. */
export function renderMath(tex: string, displayMode: boolean): Element {
  // A mistake in a formula shows as its source in red, with KaTeX's message as its title, and does not stop the build.
  const html = katex.renderToString(tex, { displayMode, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
  const rendered = (htmlToHast(html, { fragment: true }) as unknown as Element).children.find(isElement) as Element;
  const ignore = (node: { type: string }) => {
    if (isElement(node) && node.tagName !== 'annotation') node.properties['dataPagefindIgnore'] = '';
  };
  const walk = (node: Element) => {
    // Sätteri's HTML parser keeps `<math xmlns>` as a `:xmlns` property; HTML puts <math> in MathML's namespace without it.
    delete node.properties[':xmlns'];
    if (classes(node).includes('katex-html')) ignore(node);
    else if (node.tagName === 'semantics') node.children.forEach(ignore);
    else node.children.filter(isElement).forEach(walk);
  };
  walk(rendered);
  return rendered;
}

/** The hast plugin: `<code class="math-inline">` and `<pre><code class="math-display">` (Sätteri's math) become KaTeX's HTML and MathML. */
export const katexMath = defineHastPlugin({
  name: 'katex-math',
  element: {
    filter: ['code', 'pre'],
    visit(node, ctx) {
      const element = node as unknown as Element;
      if (element.tagName === 'code' && classes(element).includes('math-inline')) {
        return renderMath(ctx.textContent(node), false) as unknown as HastNode;
      }
      const code = element.tagName === 'pre' ? element.children.find(isElement) : undefined;
      if (code && classes(code).includes('math-display')) {
        return renderMath(ctx.textContent(code as unknown as HastNode), true) as unknown as HastNode;
      }
      return undefined;
    },
  },
});
