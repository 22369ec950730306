/**
 * Synthetic listings for `npm run bench`, in the format of seeds/*.txt: page chrome,
 * then per paper a title line, an abstract line and optional metadata (`• 4 authors`
 * or an organisation, `·`, a date with a year and an optional upvote count).
 *
 * Pure and deterministic: the same options give the same text. Words are drawn
 * Zipf-like from a vocabulary of English function words, domain words (so the
 * themes of content/themes.yaml sort the papers as they do real ones) and a few
 * thousand syllable-built pseudo-words, so the Pagefind index has the long tail of
 * rare words real abstracts have.
 */

export interface SyntheticOptions {
  /** Distinct papers. */
  papers: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Share of the listed papers that repeat a paper of another listing (default 0.15, like the real seeds). */
  duplicateShare?: number;
  /** About how many papers one listing file holds (default 250). */
  papersPerListing?: number;
}

export interface SyntheticListings {
  /** Listing file name -> text. */
  listings: Record<string, string>;
  /** Papers listed over all files, repeats included. */
  listed: number;
  /** Distinct papers (the `papers` option). */
  distinct: number;
  /** Every word the generator draws from, most frequent first. */
  vocabulary: string[];
  /** Pseudo-words of five letters or more found in about 3% of the papers, closest first: queries that match many papers, not most. */
  queryWords: string[];
}

/** mulberry32: small, fast and good enough to pick words. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const FUNCTION_WORDS = (
  'the of and to a in for is on that with we as by this are our from an which be can at it these their or not has its ' +
  'such both more than into while also how when over between through each other most'
).split(' ');

/** Words the themes of content/themes.yaml look for, and words every abstract uses. */
const DOMAIN_WORDS = (
  'model models learning language data training performance tasks task agent agents reasoning benchmark benchmarks ' +
  'evaluation policy reward rewards skill skills robot robotic manipulation embodied navigation tool tools retrieval ' +
  'search code vision visual image images video multimodal diffusion llm llms transformer pretraining prompting ' +
  'alignment safety preference preferences feedback planning autonomous curriculum lifelong evolutionary novelty ' +
  'emergent exploration reinforcement mathematical logical thinking leaderboard judge speech audio humanoid ' +
  'locomotion grasping bootstrapping reflection refinement collaboration generalization representation inference ' +
  'optimization architecture framework dataset datasets accuracy efficiency scaling memory attention network ' +
  'networks neural generation understanding knowledge context instruction instructions human humans environment'
).split(' ');

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'qu', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cl', 'dr', 'fl', 'gr', 'pl', 'pr', 'sc', 'st', 'tr', 'th', 'sh', 'ch'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'x', 'm', 'nt', 'st', 'rk'];

/**
 * `count` distinct pseudo-words of one to three syllables (mostly two or three, about the length
 * of abstract words), none a function or domain word; shorter words tend to come
 * first, as frequent words are short.
 */
function pseudoWords(random: Random, count: number): string[] {
  const taken = new Set([...FUNCTION_WORDS, ...DOMAIN_WORDS]);
  const words: { word: string; order: number }[] = [];
  while (words.length < count) {
    let word = '';
    for (let syllables = 1 + Number(random() < 0.85) + Number(random() < 0.4); syllables > 0; syllables--) word += pick(random, ONSETS) + pick(random, NUCLEI) + pick(random, CODAS);
    if (!taken.has(word)) {
      taken.add(word);
      words.push({ word, order: word.length + random() * 8 });
    }
  }
  return words.sort((a, b) => a.order - b.order).map(({ word }) => word);
}

const PSEUDO_WORDS = 6000;

/**
 * The vocabulary by rank: function words first (as in English), then the pseudo-words
 * with each domain word slipped in at a random rank among the first thousand, so some
 * domain words are common and others rare.
 */
function buildVocabulary(random: Random): string[] {
  const ranked = pseudoWords(random, PSEUDO_WORDS);
  for (const word of DOMAIN_WORDS) ranked.splice(between(random, 0, 1000), 0, word);
  return [...FUNCTION_WORDS, ...ranked];
}

/** Draws ranks 0..size-1 with probability ∝ 1 / (rank + 2.7) (Zipf–Mandelbrot, as word counts in text). */
function zipfSampler(random: Random, size: number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 2.7);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);

interface Paper {
  title: string;
  abstract: string;
  /** Metadata lines after the abstract (none for about one paper in seven). */
  metadata: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CHROME = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community'];
const TITLE_CONNECTORS = ['for', 'with', 'of', 'in', 'via', 'and', 'from'];

/** Titles stay well under the parser's 200 characters from which a line reads as an abstract. */
const MAX_TITLE_LENGTH = 160;

export function generateListings(options: SyntheticOptions): SyntheticListings {
  const { papers: distinct, seed = 1, duplicateShare = 0.15, papersPerListing = 250 } = options;
  const random = prng(seed);
  const vocabulary = buildVocabulary(random);
  const word = zipfSampler(random, vocabulary.length);
  // Titles use content words only: the same Zipf shape without the function words.
  const contentWord = zipfSampler(random, vocabulary.length - FUNCTION_WORDS.length);
  // Organisation names from mid-frequency words ("Velora Lab"), a few dozen as on the real pages.
  const organisations = Array.from({ length: 40 }, () => `${capitalise(vocabulary[FUNCTION_WORDS.length + 500 + between(random, 0, 4000)]!)} ${pick(random, ['AI', 'Lab', 'Research', 'Labs', 'Institute'])}`);

  const title = (): string => {
    const words = Array.from({ length: between(random, 6, 14) }, () => capitalise(vocabulary[FUNCTION_WORDS.length + contentWord()]!));
    if (random() < 0.4) words.splice(between(random, 2, words.length - 2), 1, pick(random, TITLE_CONNECTORS));
    if (random() < 0.3) words[0] += ':';
    return words.join(' ');
  };
  const abstract = (): string => {
    const sentences: string[] = [];
    for (let remaining = between(random, 120, 250); remaining > 0; ) {
      const length = Math.min(remaining, between(random, 8, 28));
      const words = Array.from({ length }, () => vocabulary[word()]! + (random() < 0.05 ? ',' : ''));
      words[0] = capitalise(words[0]!);
      words[length - 1] = words[length - 1]!.replace(/,$/, '');
      sentences.push(`${words.join(' ')}.`);
      remaining -= length;
    }
    return sentences.join(' ');
  };
  const metadata = (): string[] => {
    if (random() < 0.15) return [];
    const authors = between(random, 1, 12);
    const by = random() < 0.2 ? pick(random, organisations) : `  • ${authors} author${authors === 1 ? '' : 's'}`;
    const upvotes = random() < 0.6 ? ` ${Math.floor(1 / (random() + 0.01))}` : '';
    return [by, '·', `${pick(random, MONTHS)} ${between(random, 1, 28)}, ${between(random, 2019, 2025)}${upvotes}`];
  };

  const papers: Paper[] = [];
  const titleKeys = new Set<string>();
  while (papers.length < distinct) {
    const candidate = title();
    // Distinct titles by the merge's own rule (case and punctuation ignored), so `distinct` is exact.
    const key = candidate.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (candidate.length > MAX_TITLE_LENGTH || titleKeys.has(key)) continue;
    titleKeys.add(key);
    papers.push({ title: candidate, abstract: abstract(), metadata: metadata() });
  }

  const repeats = Math.round((distinct * duplicateShare) / (1 - duplicateShare));
  const fileCount = Math.max(3, Math.ceil((distinct + repeats) / papersPerListing));
  const files: Paper[][] = Array.from({ length: fileCount }, () => []);
  // The listings each paper is in: a listing holds a paper once, and its repeats are in others.
  const firstListing = papers.map(() => between(random, 0, fileCount - 1));
  const holders = firstListing.map((file) => new Set([file]));
  papers.forEach((paper, index) => files[firstListing[index]!]!.push(paper));
  for (let repeat = 0; repeat < repeats; ) {
    const index = between(random, 0, distinct - 1);
    const file = between(random, 0, fileCount - 1);
    if (holders[index]!.has(file)) continue;
    holders[index]!.add(file);
    const original = papers[index]!;
    // Listings truncate abstracts: half the repeats are cut short.
    const cut = random() < 0.5 ? original.abstract.slice(0, Math.floor(original.abstract.length * (0.6 + random() * 0.35))) : original.abstract;
    files[file]!.splice(between(random, 0, files[file]!.length), 0, { ...original, abstract: cut.trimEnd() });
    repeat++;
  }

  const listings: Record<string, string> = {};
  files.forEach((filePapers, index) => {
    const pageDate = `${pick(random, MONTHS)} ${between(random, 1, 28)}`;
    // One listing in three is copied without blank lines, its chrome glued to the first title (as seeds/002).
    const compact = index % 3 === 2;
    const body = filePapers.flatMap((paper) => [paper.title, paper.abstract, ...paper.metadata]);
    const lines = compact ? [...CHROME.slice(0, -2), `${CHROME.at(-2)}${body[0]}`, ...body.slice(1)] : [...CHROME, pageDate, ...body];
    listings[`bench_${String(index).padStart(3, '0')}.txt`] = `${lines.join(compact ? '\n' : '\n\n')}\n`;
  });

  return { listings, listed: distinct + repeats, distinct, vocabulary, queryWords: queryWords(papers, vocabulary) };
}

/** Share of the papers a search word should match: many results, yet a fraction of the index. */
const QUERY_SHARE = 0.03;

function queryWords(papers: readonly Paper[], vocabulary: readonly string[]): string[] {
  // Short words would also match as the prefix of many others (Pagefind matches the last word as a prefix).
  const pseudo = new Set(vocabulary.slice(FUNCTION_WORDS.length).filter((word) => word.length >= 5 && !DOMAIN_WORDS.includes(word)));
  const documentFrequency = new Map<string, number>();
  for (const paper of papers) {
    for (const token of new Set(`${paper.title} ${paper.abstract}`.toLowerCase().split(/[^a-z]+/))) {
      if (pseudo.has(token)) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
  }
  const distance = (word: string) => Math.abs(documentFrequency.get(word)! / papers.length - QUERY_SHARE);
  return [...documentFrequency.keys()].sort((a, b) => distance(a) - distance(b) || (a < b ? -1 : 1)).slice(0, 10);
}
