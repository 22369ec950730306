/**
 * What a search word matches, the same in both builds: Pagefind's rules (pagefind.js and
 * its Rust search, 1.x) written once, so the offline search (MiniSearch) and the check of
 * Pagefind's results (see `keepsEveryWord`) follow them.
 *
 * - Text is cut into words at white space. A word is searched lower case, without
 *   diacritics, and without its punctuation ("self-improving" is `selfimproving`); a word
 *   of the text is also found by its parts and by what follows each of its dots (see
 *   `wordForms`). A symbol in a search word (`<`, `+`) is kept, and no indexed word has one;
 *   an emoji is a word of its own.
 * - A search word matches a word of the text that starts with it (no stemming, no typos).
 * - A search in quotes (`"reward model"`) matches its words whole, next to each other.
 * - A page's meta values (`data-pagefind-meta`: title, authors, date, the curator's rating
 *   and status), hidden or not, are searched as words of the page: "2024" finds the papers
 *   of 2024, "read" the papers the curator has read.
 */

/** Pagefind's normalizeDiacritics: marks dropped, but the Japanese sound marks. */
export function withoutDiacritics(text: string): string {
  const stripped = text.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/** Pagefind's word separator in excerpts (white space, not U+FEFF): a text's words, by position. */
export function textWords(text: string): string[] {
  return text.split(/[^\S\uFEFF]+/).filter((word) => word !== '');
}

/** What the index keeps of a word: letters, digits and connectors (`_`, Pagefind's include_characters). */
const NOT_INDEXED = /[^\p{L}\p{N}\p{Pc}]+/gu;
/** What pagefind.js drops from a search: punctuation but connectors. Symbols stay: `<` and `+` match no indexed word, an emoji does. */
const NOT_SEARCHED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]+/gu;

/**
 * Where Pagefind 1.6 cuts a word into parts (found empirically, by indexing words with its
 * Node API and reading the index): at ASCII punctuation (`-`, `.`, `/`, `_`, but not `’`,
 * `—` or an emoji), between a lower-case and an upper-case letter (`Meta|GPT`), before the last capital
 * of a run followed by a lower-case letter (`ABC|Def`, `L|La|MA`), and between a letter
 * and a digit either way but a digit and a letter without case (`Res|Net|50`, `4|o`, `4日`).
 */
const PART_BOUNDARY = /[!-/:-@[-`{-~]+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=[0-9])|(?<=[0-9])(?=[\p{Lu}\p{Ll}])/gu;

/** Pagefind indexes no part or dot ending under 2 bytes of UTF-8 (`x` of `x-ray`, `r` and `1` of `R1`; `ü` is 2). */
const indexable = (part: string) => new TextEncoder().encode(part).length >= 2;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}/u;

/**
 * The searchable forms of one word of a text, as Pagefind 1.6 indexes it: the whole word
 * without punctuation, each of its parts (see PART_BOUNDARY), and the rest of the word after
 * each dot (`github.io/SkillDiscovery` is also `ioskilldiscovery`, but not `skilldiscovery`).
 * So `DeepSeek-R1` is `deepseekr1`, `deep` and `seek`, not `r1`; `GPT-4o` is `gpt4o` and `gpt`.
 */
export function wordForms(word: string): string[] {
  const lower = (text: string) => withoutDiacritics(text.toLowerCase());
  const plain = (text: string) => lower(text).replace(NOT_INDEXED, '');
  // Each emoji is a form too; a word with no letter or digit has no other (`🤖🚀✨` is `🤖`, `🚀`, `✨`).
  const emoji = [...graphemes.segment(word)].map(({ segment }) => segment).filter((segment) => EMOJI.test(segment)).map(lower);
  const whole = plain(word);
  if (whole === '') return [...new Set(emoji)];
  const forms = new Set([whole, ...emoji]);
  // A part keeps what is not ASCII punctuation (`🖔é` is `🖔e`; a zero-width non-joiner stays).
  for (const part of word.split(PART_BOUNDARY)) if (indexable(part)) forms.add(lower(part));
  for (let dot = word.indexOf('.'); dot !== -1; dot = word.indexOf('.', dot + 1)) {
    const rest = word.slice(dot + 1);
    if (indexable(rest.replace(NOT_INDEXED, ''))) forms.add(plain(rest));
  }
  forms.delete('');
  return [...forms];
}

export interface SearchWords {
  /** The words, as they are matched (lower case, no diacritics, no punctuation). */
  words: string[];
  /** Quoted: the words whole and in a row. */
  phrase: boolean;
}

/** The words of what the reader typed (pagefind.js: quoted when the whole search is). */
export function searchWords(term: string): SearchWords {
  const phrase = /^\s*".+"\s*$/.test(term);
  const words = textWords(term)
    .map((word) => withoutDiacritics(word.toLowerCase()).replace(NOT_SEARCHED, ''))
    .filter((word) => word !== '');
  return { words, phrase };
}

/**
 * Whether the text's words at `positions` (Pagefind's match locations) or the page's meta
 * words (searched too, matched without a location) hold a word starting with each search word.
 */
export function keepsEveryWord(words: readonly string[], text: readonly string[], positions: readonly number[], metaWords: readonly string[]): boolean {
  const matched = [...positions.flatMap((position) => (text[position] === undefined ? [] : [text[position]])), ...metaWords].flatMap(wordForms);
  return words.every((word) => matched.some((form) => form.startsWith(word)));
}

/** Whether the text holds the words whole and in a row (a quoted search). */
export function hasPhrase(words: readonly string[], text: readonly string[]): boolean {
  if (words.length === 0) return false;
  const forms = text.map(wordForms);
  return forms.some((_, start) => words.every((word, k) => forms[start + k]?.includes(word) ?? false));
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * About `length` words of a page's text around its first match after the title (a result
 * shows the title above it), the matched words marked: `words` is the page's text by word,
 * `titleWords` how many of them the title is, `matches` the matched positions.
 */
export function excerptAfterTitle(words: readonly string[], titleWords: number, matches: readonly number[], length: number): ExcerptPart[] {
  const body = words.slice(titleWords);
  const marked = new Set(matches.filter((position) => position >= titleWords).map((position) => position - titleWords));
  const first = Math.min(...marked, body.length);
  // The first match about the middle, as Pagefind centres its excerpts.
  const start = first === body.length ? 0 : Math.max(0, first - Math.floor(length / 2));
  const end = Math.min(body.length, start + length);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ', marked: false });
  for (let k = start; k < end; k++) {
    if (k > start) parts.push({ text: ' ', marked: false });
    // U+200B ZERO WIDTH SPACE dropped, as pagefind.js drops it from a page's text.
    parts.push({ text: body[k]!.replace(/\u200B/g, ''), marked: marked.has(k) });
  }
  if (end < body.length) parts.push({ text: ' …', marked: false });
  return parts;
}

/** Positions of the text's words that a search's words match (whole in a quoted search, else as a start). */
export function matchedPositions({ words, phrase }: SearchWords, text: readonly string[]): number[] {
  const positions: number[] = [];
  text.forEach((word, position) => {
    const forms = wordForms(word);
    if (words.some((searched) => forms.some((form) => (phrase ? form === searched : form.startsWith(searched))))) positions.push(position);
  });
  return positions;
}
