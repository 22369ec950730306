/**
 * A small, strict XML 1.0 reader for the feeds and sitemaps the site writes: elements,
 * attributes, text, CDATA, comments and processing instructions. It throws on
 * anything not well formed (unclosed or mismatched tags, a raw `<` or `&` in text,
 * an unknown entity, an unquoted attribute, a character XML cannot hold, text after
 * the root), which is what "parses as XML" means for these tests.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Allowed: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000 and up (surrogate pairs).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, at: number): string {
  if (raw.includes('<')) throw new Error(`raw "<" in text or attribute near offset ${at}`);
  return raw.replace(/&([^;]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`"&" not starting an entity near offset ${at}: ${JSON.stringify(match)}`);
    if (name in ENTITIES) return ENTITIES[name];
    const num = /^#(?:x([0-9a-fA-F]+)|(\d+))$/.exec(name);
    if (!num) throw new Error(`unknown entity &${name}; near offset ${at}`);
    const code = num[1] ? parseInt(num[1], 16) : Number(num[2]);
    const char = String.fromCodePoint(code);
    if (NOT_XML_CHAR.test(char)) throw new Error(`character reference to a non-XML character &${name}; near offset ${at}`);
    return char;
  });
}

/** The root element of `text`; throws when it is not well-formed XML. */
export function parseXml(text: string): XmlElement {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)!.toString(16)} is not allowed in XML (offset ${bad.index})`);
  let pos = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) throw new Error(`expected a name at offset ${pos}`);
    pos = NAME.lastIndex;
    return m[0];
  };
  const skipSpace = () => {
    while (/\s/.test(text[pos] ?? '')) pos++;
  };
  while (pos < text.length) {
    if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos);
      if (end < 0) throw new Error('unterminated processing instruction');
      pos = end + 2;
    } else if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos);
      if (end < 0) throw new Error('unterminated comment');
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos);
      if (end < 0 || stack.length === 0) throw new Error(`CDATA outside an element or unterminated at ${pos}`);
      stack.at(-1)!.children.push(text.slice(pos + 9, end));
      pos = end + 3;
    } else if (text.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== '>') throw new Error(`expected ">" at offset ${pos}`);
      pos++;
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}> at offset ${pos}`);
    } else if (text[pos] === '<') {
      pos++;
      const element: XmlElement = { name: readName(), attributes: {}, children: [] };
      for (;;) {
        skipSpace();
        if (text.startsWith('/>', pos) || text[pos] === '>') break;
        const attribute = readName();
        skipSpace();
        if (text[pos] !== '=') throw new Error(`attribute ${attribute} without a value at offset ${pos}`);
        pos++;
        skipSpace();
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attribute} at offset ${pos}`);
        const end = text.indexOf(quote, pos + 1);
        if (end < 0) throw new Error('unterminated attribute');
        if (attribute in element.attributes) throw new Error(`duplicate attribute ${attribute}`);
        element.attributes[attribute] = decode(text.slice(pos + 1, end), pos);
        pos = end + 1;
      }
      if (stack.length === 0) {
        if (root) throw new Error(`second root element <${element.name}>`);
        root = element;
      } else stack.at(-1)!.children.push(element);
      if (text.startsWith('/>', pos)) pos += 2;
      else {
        pos++;
        stack.push(element);
      }
    } else {
      const end = text.indexOf('<', pos);
      const raw = text.slice(pos, end < 0 ? text.length : end);
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new Error(`text outside the root element at offset ${pos}`);
      } else stack.at(-1)!.children.push(decode(raw, pos));
      pos = end < 0 ? text.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Child elements of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}

/** The text of an element (its text and CDATA children, concatenated). */
export function textOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}
