/**
 * A small BibTeX reader that follows BibTeX's own rules where they bite: a
 * brace-delimited value ends at the brace that balances its opening one, and every
 * `{` and `}` counts, escaped or not. Used to check that the site's .bib files are
 * well formed (balanced braces, one entry per paper, unique keys) and to read the
 * text of a field back.
 */

export interface BibEntry {
  type: string;
  key: string;
  /** Field name (lower case) -> raw value as written (braces of a {...} value removed). */
  fields: Map<string, string>;
  /** How the value was delimited: `{`, `"` or a bare number / macro name. */
  kinds: Map<string, 'braces' | 'quotes' | 'bare'>;
}

const KEY = /[^\s,{}()"#%'=]+/y;
const IDENT = /[A-Za-z_][\w\-:.+/]*/y;

/** Every entry of a .bib file; throws (with the offset) on anything BibTeX would reject. */
export function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let pos = 0;
  const skip = () => {
    while (/\s/.test(text[pos] ?? '')) pos++;
  };
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${pos}: ${JSON.stringify(text.slice(pos, pos + 40))}`);
  };
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    pos = re.lastIndex;
    return m[0];
  };
  const braced = (): string => {
    // At "{": up to the balancing "}".
    let depth = 0;
    const start = pos;
    for (; pos < text.length; pos++) {
      if (text[pos] === '{') depth++;
      else if (text[pos] === '}' && --depth === 0) return text.slice(start + 1, pos++);
    }
    return fail('unbalanced braces');
  };
  for (;;) {
    const at = text.indexOf('@', pos);
    if (at < 0) break;
    pos = at + 1;
    const type = match(IDENT) ?? fail('no entry type');
    skip();
    if (text[pos] !== '{') fail('expected "{" after the entry type');
    if (type.toLowerCase() === 'comment') {
      braced();
      continue;
    }
    pos++;
    skip();
    const key = match(KEY) ?? fail('no citation key');
    const entry: BibEntry = { type: type.toLowerCase(), key, fields: new Map(), kinds: new Map() };
    for (;;) {
      skip();
      if (text[pos] === '}') {
        pos++;
        break;
      }
      if (text[pos] !== ',') fail('expected "," or "}"');
      pos++;
      skip();
      if (text[pos] === '}') {
        pos++;
        break;
      }
      const name = (match(IDENT) ?? fail('no field name')).toLowerCase();
      skip();
      if (text[pos] !== '=') fail(`expected "=" after ${name}`);
      pos++;
      skip();
      let value: string;
      let kind: 'braces' | 'quotes' | 'bare';
      if (text[pos] === '{') {
        value = braced();
        kind = 'braces';
      } else if (text[pos] === '"') {
        const start = ++pos;
        let depth = 0;
        while (pos < text.length && !(text[pos] === '"' && depth === 0)) {
          if (text[pos] === '{') depth++;
          else if (text[pos] === '}') depth--;
          if (depth < 0) fail('unbalanced braces in a quoted value');
          pos++;
        }
        if (pos >= text.length) fail('unterminated quoted value');
        value = text.slice(start, pos++);
        kind = 'quotes';
      } else {
        value = match(/\d+/y) ?? match(IDENT) ?? fail(`no value for ${name}`);
        kind = 'bare';
      }
      if (entry.fields.has(name)) fail(`field ${name} given twice in ${key}`);
      entry.fields.set(name, value);
      entry.kinds.set(name, kind);
    }
    entries.push(entry);
  }
  return entries;
}

const COMMANDS: Record<string, string> = {
  textbackslash: '\\',
  textbraceleft: '{',
  textbraceright: '}',
  textasciitilde: '~',
  textasciicircum: '^',
  textless: '<',
  textgreater: '>',
};

/**
 * The text a brace-delimited field value stands for, for the escapes the site uses:
 * `\textbackslash{}`-style commands, `\#`-style escaped specials; other braces only
 * group (protect case) and are dropped. Throws on any other command.
 */
export function bibtexText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\') {
      const command = /^[A-Za-z]+/.exec(value.slice(i + 1))?.[0];
      if (command) {
        if (!(command in COMMANDS)) throw new Error(`unexpected command \\${command}`);
        out += COMMANDS[command];
        i += command.length;
        if (value.startsWith('{}', i + 1)) i += 2;
      } else if ('#$%&_'.includes(value[i + 1] ?? '')) {
        out += value[++i];
      } else throw new Error(`unexpected escape \\${value[i + 1]}`);
    } else if (char === '{' || char === '}') continue;
    else if ('#$%&_~^'.includes(char)) throw new Error(`unescaped special character ${char}`);
    else out += char;
  }
  return out;
}

/**
 * True when every capital letter of a brace-delimited field value sits inside a
 * brace group of its own (depth 1 within the value), which BibTeX styles never
 * change the case of.
 */
export function capitalsProtected(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (/\p{Lu}|\p{Lt}/u.test(char) && depth === 0) return false;
  }
  return true;
}
