/**
 * Related papers: TF-IDF vectors over the words of each paper's title and abstract,
 * compared by cosine similarity. Pure and deterministic: the result depends only on
 * the documents (not on their order), ties are broken by id, and nothing is fetched.
 *
 * Vectors are sparse (only the terms a document uses) and similarities are summed
 * through an inverted index (term -> documents); terms used by most documents carry
 * almost no weight and are left out. Up to 2,000 documents every shared term counts;
 * above, a document's candidates come from its most telling uncommon terms and the best
 * 50 are scored in full, which skips pairs that share only common words and takes
 * seconds, not minutes, at 10,000 papers.
 */

export interface RelatedDocument {
  /** Unique id (the paper slug). */
  id: string;
  title: string;
  /** Plain text (the abstract). */
  text: string;
}

export interface RelatedMatch {
  id: string;
  /** Cosine similarity, in (0, 1]. */
  score: number;
}

export interface RelatedOptions {
  /** How many matches per document at most (default 5). */
  limit?: number;
  /** Title words count this many times (default 2): a title says more than a sentence of the abstract. */
  titleWeight?: number;
  /** Matches below this similarity are dropped (default 0.05). */
  minScore?: number;
  /** Terms present in more than this share of the documents are ignored (default 0.5). */
  maxDocumentShare?: number;
}

/** Common English words and words every abstract uses ("paper", "propose", ...). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above across after again against all almost also although always am among an and another any are around as at ' +
    'be because been before being below between both but by can cannot could did do does doing done down during each either ' +
    'enough especially etc even ever every few for from further get gets given had has have having he her here hers herself him ' +
    'himself his how however i if in into is it its itself just least less let like made make makes many may me might more most ' +
    'much must my neither no nor not now of off often on once one only onto or other others otherwise our ours ourselves out ' +
    'over own per perhaps rather same several she should since so some such than that the their theirs them themselves then ' +
    'there therefore these they this those though through thus to too toward towards under until up upon us use used uses using ' +
    'very via was we well were what whether when where which while who whom whose why will with within without would yet you ' +
    'your yours ' +
    // Words of the abstract genre: they say nothing about the topic.
    'paper papers propose proposed proposes present presents presented introduce introduces introduced show shows shown ' +
    'demonstrate demonstrates demonstrated result results approach approaches method methods novel new work study ' +
    'based achieve achieves achieved existing significantly significant experiments experimental extensive including ' +
    'furthermore moreover specifically respectively first second third two three code available https http www com github ' +
    'additionally address addresses addressing comprehensive distinct diverse enhance enhances enhancing manner specific ' +
    'utilization utilize utilizes leverage leverages leveraging various effective effectively however across'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Lower-cased words of `text` (letters and digits, NFKC-normalised), without stop
 * words, one-letter words and plain numbers, with a light plural stemming
 * ("agents" -> "agent", "policies" -> "policy") so that singular and plural match.
 */
export function tokenise(text: string): string[] {
  const tokens: string[] = [];
  for (const [match] of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    let word = match.includes("'") || match.includes('’') ? match.replace(/['’]s$/, '').replace(/['’]/g, '') : match;
    if (word.length < 2 || /^\d+$/.test(word) || STOP_WORDS.has(word)) continue;
    word = stem(word);
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    tokens.push(word);
  }
  return tokens;
}

/** Plural endings only; enough to merge most singular/plural pairs without mangling technical terms. */
function stem(word: string): string {
  if (!word.endsWith('s')) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is'))) return word;
  if (word.length > 3 && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A sparse vector: term -> weight, kept as parallel sorted arrays. */
export interface SparseVector {
  terms: string[];
  weights: number[];
}

/**
 * The vectors with each term as its rank in the sorted vocabulary (so numeric order is
 * the terms' order): sorting and merging numbers is what makes 10,000 papers fast.
 */
interface NumberedVector {
  terms: Int32Array;
  weights: Float64Array;
}

interface Vectors {
  /** Sorted; a term's number is its index. */
  vocabulary: string[];
  /** How many documents use each term. */
  documentFrequency: Int32Array;
  vectors: NumberedVector[];
}

/**
 * L2-normalised TF-IDF vectors (sublinear tf: 1 + ln(count); smoothed idf:
 * ln((1 + n) / (1 + df)) + 1), one per document, in the given order. Title words count
 * `titleWeight` times, abstract words once.
 */
function numberedVectors(docs: readonly RelatedDocument[], titleWeight: number): Vectors {
  // Terms are numbered as first met, then renumbered by rank once the vocabulary is known.
  const seen = new Map<string, number>();
  const counts = docs.map((doc) => {
    const count = new Map<number, number>();
    const add = (term: string, weight: number) => {
      let number = seen.get(term);
      if (number === undefined) seen.set(term, (number = seen.size));
      count.set(number, (count.get(number) ?? 0) + weight);
    };
    for (const term of tokenise(doc.title)) add(term, titleWeight);
    for (const term of tokenise(doc.text)) add(term, 1);
    return count;
  });
  const vocabulary = [...seen.keys()].sort();
  const rank = new Int32Array(vocabulary.length);
  vocabulary.forEach((term, index) => (rank[seen.get(term)!] = index));

  const documentFrequency = new Int32Array(vocabulary.length);
  for (const count of counts) for (const number of count.keys()) documentFrequency[rank[number]!]!++;
  const n = docs.length;
  // A document's weights by term rank while its terms are put in order.
  const byRank = new Float64Array(vocabulary.length);
  const vectors = counts.map((count) => {
    let squares = 0;
    for (const [number, times] of count) {
      const term = rank[number]!;
      const weight = (1 + Math.log(times)) * (Math.log((1 + n) / (1 + documentFrequency[term]!)) + 1);
      byRank[term] = weight;
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    const terms = Int32Array.from(count.keys(), (number) => rank[number]!).sort();
    const weights = Float64Array.from(terms, (term) => byRank[term]! / norm);
    for (const term of terms) byRank[term] = 0;
    return { terms, weights };
  });
  return { vocabulary, documentFrequency, vectors };
}

/** The TF-IDF vectors `relatedDocuments` compares, with their terms as words. */
export function tfidfVectors(docs: readonly RelatedDocument[], titleWeight = 2): SparseVector[] {
  const { vocabulary, vectors } = numberedVectors(docs, titleWeight);
  return vectors.map((vector) => ({ terms: Array.from(vector.terms, (term) => vocabulary[term]!), weights: Array.from(vector.weights) }));
}

/** Sorted terms and their weights: words, or numbers standing for them. */
interface Weighted<T extends string | number> {
  terms: ArrayLike<T>;
  weights: ArrayLike<number>;
}

/** Cosine similarity of two L2-normalised sparse vectors (a merge of their sorted terms). */
export function cosine<T extends string | number>(a: Weighted<T>, b: Weighted<T>): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) sum += a.weights[i++]! * b.weights[j++]!;
    else if (a.terms[i]! < b.terms[j]!) i++;
    else j++;
  }
  return sum;
}

/** Scores are compared at this precision, so that float noise never beats the id tie-break. */
const round = (score: number) => Math.round(score * 1e9) / 1e9;

/** Higher score first, then id ascending. */
function compareMatches(a: RelatedMatch, b: RelatedMatch): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** For each term, the documents using it (ascending) and its weight in each: an inverted index in three flat arrays. */
interface Postings {
  /** Term t's entries are at [start[t], start[t + 1]). */
  start: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

function invertedIndex(vectors: readonly NumberedVector[], vocabularySize: number): Postings {
  const start = new Int32Array(vocabularySize + 1);
  for (const vector of vectors) for (const term of vector.terms) start[term + 1]!++;
  for (let term = 0; term < vocabularySize; term++) start[term + 1]! += start[term]!;
  const next = start.slice(0, vocabularySize);
  const docs = new Int32Array(start[vocabularySize]!);
  const weights = new Float64Array(docs.length);
  vectors.forEach((vector, doc) => {
    vector.terms.forEach((term, k) => {
      docs[next[term]!] = doc;
      weights[next[term]!++] = vector.weights[k]!;
    });
  });
  return { start, docs, weights };
}

/**
 * For every document, its most similar other documents (at most `limit`, best first,
 * ties by id; never itself, never a duplicate id, nothing below `minScore`).
 */
export function relatedDocuments(docs: readonly RelatedDocument[], options: RelatedOptions = {}): Map<string, RelatedMatch[]> {
  const { limit = 5, titleWeight = 2, minScore = 0.05, maxDocumentShare = 0.5 } = options;
  // Order by id so that the float sums, and so the result, never depend on input order.
  const sorted = [...new Map(docs.map((doc) => [doc.id, doc])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length !== docs.length) throw new Error('relatedDocuments: two documents share an id');
  const { vocabulary, documentFrequency, vectors } = numberedVectors(sorted, titleWeight);

  // Only the terms that can tell documents apart are compared.
  const maxDf = Math.max(2, Math.floor(sorted.length * maxDocumentShare));
  const indexed = vectors.map((vector) => {
    const kept = vector.terms.map((term) => (documentFrequency[term]! >= 2 && documentFrequency[term]! <= maxDf ? 1 : 0));
    return { terms: vector.terms.filter((_, k) => kept[k] === 1), weights: vector.weights.filter((_, k) => kept[k] === 1) };
  });
  const postings = invertedIndex(indexed, vocabulary.length);

  // Small lists are compared on every shared term: exact. Larger ones take a document's
  // candidates from its most telling terms that are not common (summing over every
  // shared term costs the square of the common terms' frequency, minutes at 10,000
  // papers), then score the best candidates on all their terms.
  const exhaustive = sorted.length <= EXHAUSTIVE_UP_TO;
  const candidateDf = Math.max(CANDIDATE_MIN_DF, Math.floor(sorted.length * CANDIDATE_DOCUMENT_SHARE));
  const result = new Map<string, RelatedMatch[]>();
  const partial = new Float64Array(sorted.length);
  const touched = new Int32Array(sorted.length);
  // The current document's weights by term, to score a candidate in one pass over its terms.
  const own = new Float64Array(vocabulary.length);
  indexed.forEach((vector, self) => {
    let queryTerms = Array.from(vector.terms.keys());
    if (!exhaustive) {
      queryTerms = queryTerms
        .filter((k) => documentFrequency[vector.terms[k]!]! <= candidateDf)
        .sort((a, b) => vector.weights[b]! - vector.weights[a]! || a - b)
        .slice(0, QUERY_TERMS);
    }
    let touchedCount = 0;
    for (const k of queryTerms) {
      const term = vector.terms[k]!;
      const weight = vector.weights[k]!;
      for (let i = postings.start[term]!; i < postings.start[term + 1]!; i++) {
        const doc = postings.docs[i]!;
        if (doc === self) continue;
        if (partial[doc] === 0) touched[touchedCount++] = doc;
        partial[doc]! += weight * postings.weights[i]!;
      }
    }
    const reached = touched.subarray(0, touchedCount);
    let scored: RelatedMatch[];
    if (exhaustive) {
      scored = Array.from(reached, (doc) => ({ id: sorted[doc]!.id, score: round(partial[doc]!) }));
    } else {
      vector.terms.forEach((term, k) => (own[term] = vector.weights[k]!));
      scored = bestCandidates(reached, partial).map((doc) => ({ id: sorted[doc]!.id, score: round(dot(own, indexed[doc]!)) }));
      for (const term of vector.terms) own[term] = 0;
    }
    for (const doc of reached) partial[doc] = 0;
    result.set(
      sorted[self]!.id,
      scored.filter((match) => match.score >= minScore).sort(compareMatches).slice(0, Math.max(0, limit)),
    );
  });
  return result;
}

/** `vector` · the vector whose weights `own` holds by term: its cosine, summed in term order like `cosine`. */
function dot(own: Float64Array, vector: NumberedVector): number {
  let sum = 0;
  for (let k = 0; k < vector.terms.length; k++) sum += own[vector.terms[k]!]! * vector.weights[k]!;
  return sum;
}

/** The CANDIDATES best documents by partial score (ties by index), kept sorted while scanning. */
function bestCandidates(touched: Int32Array, partial: Float64Array): number[] {
  const candidates: number[] = [];
  const before = (a: number, b: number) => partial[a]! > partial[b]! || (partial[a] === partial[b] && a < b);
  for (const doc of touched) {
    if (candidates.length === CANDIDATES && !before(doc, candidates[CANDIDATES - 1]!)) continue;
    let at = candidates.length;
    while (at > 0 && before(doc, candidates[at - 1]!)) at--;
    candidates.splice(at, 0, doc);
    if (candidates.length > CANDIDATES) candidates.pop();
  }
  return candidates;
}

/**
 * Up to EXHAUSTIVE_UP_TO documents, every shared term counts (exact, under a second at
 * 2,000). Above, a document's candidates come from its QUERY_TERMS most telling terms
 * among those in at most CANDIDATE_DOCUMENT_SHARE of the documents (or CANDIDATE_MIN_DF),
 * and the CANDIDATES best of them are scored in full.
 */
const EXHAUSTIVE_UP_TO = 2000;
const QUERY_TERMS = 20;
const CANDIDATE_DOCUMENT_SHARE = 0.05;
const CANDIDATE_MIN_DF = 100;
const CANDIDATES = 50;
