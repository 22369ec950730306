import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fieldSegments, splitFrontmatter, YAML_OPTIONS } from '../../src/lib/ingest/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('cuts front matter into fields and the comments between them, losing no byte', () => {
    const text = '# top\ntitle: x\nthemes:\n  - a   # first\n  - b\n\n# about status\nstatus: read\nreview: |\n  line\n\n  more\n';
    const segments = splitFrontmatter(text, 'x.mdx');
    expect(segments.map((segment) => segment.key)).toEqual([null, 'title', 'themes', null, 'status', 'review']);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments[2]?.text).toBe('themes:\n  - a   # first\n  - b\n');
  });

  it('names the file and line of front matter it cannot cut', () => {
    expect(() => splitFrontmatter('- a\n- b\n', 'list.mdx')).toThrow('list.mdx:1: front matter must be a YAML mapping');
    expect(() => splitFrontmatter('{ title: x, slug: y }\n', 'flow.mdx')).toThrow('flow.mdx:1: write each front matter field on its own line');
    expect(() => splitFrontmatter('title: [x\n', 'bad.mdx')).toThrow(/^bad\.mdx:\d+: not valid YAML/);
  });
});

describe('fieldSegments', () => {
  /** What the yaml package alone writes, field by field: the segments fieldSegments must give. */
  const byPackage = (fields: Record<string, unknown>) => Object.keys(fields).map((key) => ({ key, text: stringify({ [key]: fields[key] }, YAML_OPTIONS) }));

  const word = fc.constantFrom('a', 'Z', 'é', 'yes', 'No', 'ON', 'null', 'y', 'true', 'x1', 'preference*', 'Self-Play', "it's", 'a/b', 'a+b', 'a_b', '(x)', 'v1.2');
  const piece = fc.oneof(word, fc.constantFrom(' ', '  ', ':', ': ', '#', ' #', '-', '*', '&', '!', '|', '>', "'", '"', '%', '@', '`', ',', '[', ']', '{', '}', '?', '~', '\t', '\n', '\u00a0', '1', '2024-02-01', '0x1F', '.inf', '😀'));
  const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
  // Field names: ingest's own, and never starting with white space (a field segment starts at the margin).
  const key = fc.oneof(word, text.filter((candidate) => /^\S/.test(candidate) && candidate !== '__proto__'));
  const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(-0, 2 ** 60));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3 })),
  }));

  it('writes any fields as the yaml package does', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 5 }), (fields) => {
        expect(fieldSegments(fields)).toEqual(byPackage(fields));
      }),
      { numRuns: 5000 },
    );
  });

  // Mostly what fieldSegments writes itself: words in any script, integers, `Name: subtitle`,
  // dates, YAML 1.1's special words, lists and mappings of them, empty ones included (keys
  // too long to be implicit too).
  const letter = fc.constantFrom('a', 'Z', 'é', 'ǅ', 'ı', 'İ', '𝐀', 'ß', 'Ω', 'ж', '中', 'ا');
  const inner = fc.constantFrom('a', 'b', 'é', '²', '３', '٣', 'Ⅻ', '0', '9', ' ', '.', ',', '(', ')', "'", '*', '/', '+', '_', '-', '\u0301', '#', ':');
  const plainWord = fc.tuple(letter, fc.array(inner, { maxLength: 8 })).map(([first, rest]) => first + rest.join(''));
  const titleLike = fc.tuple(plainWord, plainWord).map(([name, rest]) => `${name}: ${rest}`);
  // Dates as entries hold them (YYYY-MM-DD), and near misses the package may write otherwise.
  const digits = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });
  const dateLike = fc.tuple(digits(3, 5), digits(1, 3), digits(1, 3)).map((parts) => parts.join('-'));
  // What bibliographies give: years, months, arXiv ids, DOIs and URLs, and near misses.
  const idPiece = fc.constantFrom('a', 'Z', '0', '9', '.', '/', '-', '_', '(', ')', '?', '=', '&', '%', '+', '~', ':', '#', ' ', 'é');
  const idTail = fc.array(fc.oneof(idPiece, digits(1, 4)), { maxLength: 6 }).map((parts) => parts.join(''));
  const idLike = fc.oneof(
    fc.tuple(digits(1, 5), fc.constantFrom('', '.', '-', '/'), digits(0, 5)).map((parts) => parts.join('')),
    fc.tuple(fc.constantFrom('10.', '10.1', '1.'), digits(0, 5), fc.constantFrom('/', ''), idTail).map((parts) => parts.join('')),
    fc.tuple(fc.constantFrom('https://', 'http://', 'https:/', 'ftp://'), idTail, fc.constantFrom('', '/abs/1708.17246', '#x')).map((parts) => parts.join('')),
  );
  const fastScalar = fc.oneof(plainWord, titleLike, dateLike, idLike, fc.maxSafeInteger(), fc.constantFrom('yes', 'Off', 'NULL', 'y', 'N'));
  const innerKey = fc.oneof(plainWord, fc.constantFrom('m'.repeat(1025), 'agents'));
  const { fastValue } = fc.letrec((tie) => ({
    fastValue: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fastScalar, fc.array(tie('fastValue'), { maxLength: 3 }), fc.dictionary(innerKey, tie('fastValue'), { maxKeys: 3 })),
  }));

  it('writes the fields it writes itself as the yaml package does', () => {
    fc.assert(
      fc.property(fc.dictionary(plainWord.filter((name) => name !== '__proto__'), fastValue, { maxKeys: 5 }), (fields) => {
        expect(fieldSegments(fields)).toEqual(byPackage(fields));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes an entry’s generated fields as the yaml package does', () => {
    const fields = {
      title: 'Self-Play: Fine-Tuning Converts Weak Language Models',
      slug: 'self-play-fine-tuning',
      themes: ['agents', 'reasoning'],
      mainTheme: 'agents',
      matchedTerms: { agents: ['agent*', 'tool use'], reasoning: ['chain of thought'] },
      authorsCount: 4,
      organisation: 'UCLA',
      published: { text: 'Jan 2, 2024', date: '2024-01-02', precision: 'day', yearSource: 'listing' },
      upvotes: 12,
      sources: [{ listing: '000.txt', line: 3 }, { listing: 'b.txt', line: 10 }],
    };
    expect(fieldSegments(fields)).toEqual(byPackage(fields));
  });
});
