/**
 * Related papers: TF-IDF vectors over the words of each paper's title and abstract,
 * compared by cosine similarity. Pure and deterministic: the result depends only on
 * the documents (not on their order), ties are broken by id, and nothing is fetched.
 *
 * Vectors are sparse (only the terms a document uses). A document's candidates are
 * found through an inverted index (term -> documents) from its most telling terms that
 * are not common; the best 50 of them by that partial score are then scored on all
 * their terms. Exact for small lists (every other document is a candidate); for large
 * ones it skips pairs that share only common words, and takes seconds, not minutes, at
 * 10,000 papers. Terms used by most documents carry almost no weight and are left out.
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
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    let word = match[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    if (word.length < 2 || /^\d+$/.test(word) || STOP_WORDS.has(word)) continue;
    word = stem(word);
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    tokens.push(word);
  }
  return tokens;
}

/** Plural endings only; enough to merge most singular/plural pairs without mangling technical terms. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|us|is)$/.test(word)) return word;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A sparse vector: term -> weight, kept as parallel sorted arrays. */
export interface SparseVector {
  terms: string[];
  weights: number[];
}

/** Term counts of a document: title words `titleWeight` times, abstract words once. */
function termCounts(doc: RelatedDocument, titleWeight: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of tokenise(doc.title)) counts.set(term, (counts.get(term) ?? 0) + titleWeight);
  for (const term of tokenise(doc.text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * L2-normalised TF-IDF vectors (sublinear tf: 1 + ln(count); smoothed idf:
 * ln((1 + n) / (1 + df)) + 1), one per document, in the given order.
 */
export function tfidfVectors(docs: readonly RelatedDocument[], titleWeight = 2): SparseVector[] {
  const counts = docs.map((doc) => termCounts(doc, titleWeight));
  const df = new Map<string, number>();
  for (const doc of counts) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  return counts.map((doc) => {
    const terms = [...doc.keys()].sort();
    const raw = terms.map((term) => (1 + Math.log(doc.get(term)!)) * (Math.log((1 + n) / (1 + df.get(term)!)) + 1));
    const norm = Math.hypot(...raw) || 1;
    return { terms, weights: raw.map((weight) => weight / norm) };
  });
}

/** Cosine similarity of two L2-normalised sparse vectors (a merge of their sorted terms). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) sum += a.weights[i++] * b.weights[j++];
    else if (a.terms[i] < b.terms[j]) i++;
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

/**
 * For every document, its most similar other documents (at most `limit`, best first,
 * ties by id; never itself, never a duplicate id, nothing below `minScore`).
 */
export function relatedDocuments(docs: readonly RelatedDocument[], options: RelatedOptions = {}): Map<string, RelatedMatch[]> {
  const { limit = 5, titleWeight = 2, minScore = 0.05, maxDocumentShare = 0.5 } = options;
  // Order by id so that the float sums, and so the result, never depend on input order.
  const sorted = [...new Map(docs.map((doc) => [doc.id, doc])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length !== docs.length) throw new Error('relatedDocuments: two documents share an id');
  const vectors = tfidfVectors(sorted, titleWeight);

  // Inverted index over the terms that can tell documents apart.
  const maxDf = Math.max(2, Math.floor(sorted.length * maxDocumentShare));
  const postings = new Map<string, { docs: number[]; weights: number[] }>();
  vectors.forEach((vector, doc) => {
    vector.terms.forEach((term, k) => {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { docs: [], weights: [] }));
      list.docs.push(doc);
      list.weights.push(vector.weights[k]);
    });
  });
  for (const [term, list] of postings) if (list.docs.length > maxDf || list.docs.length < 2) postings.delete(term);

  // The same vectors with terms as numbers (in the terms' order), for fast merges.
  const termIds = new Map([...new Set(vectors.flatMap((vector) => vector.terms))].sort().map((term, id) => [term, id]));
  const numeric = vectors.map((vector) => ({ terms: Int32Array.from(vector.terms, (term) => termIds.get(term)!), weights: Float64Array.from(vector.weights) }));

  // Candidates come from terms no more common than this: a rarer shared term says more, and
  // the cost of the candidate search grows with the square of the terms' frequency.
  const candidateDf = Math.max(CANDIDATE_MIN_DF, Math.floor(sorted.length * CANDIDATE_DOCUMENT_SHARE));
  const result = new Map<string, RelatedMatch[]>();
  const partial = new Float64Array(sorted.length);
  const touched: number[] = [];
  vectors.forEach((vector, self) => {
    // Candidates from the document's most telling terms only (the highest weights among
    // the rarer terms): summing over every shared term costs the square of the common terms'
    // frequency, minutes at 10,000 papers. Each candidate is then scored on all its terms.
    const queryTerms = vector.terms
      .map((term, k) => ({ term, weight: vector.weights[k], list: postings.get(term) }))
      .filter((query) => query.list !== undefined && query.list.docs.length <= candidateDf)
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
      .slice(0, QUERY_TERMS);
    for (const { weight, list } of queryTerms) {
      for (let i = 0; i < list!.docs.length; i++) {
        const doc = list!.docs[i];
        if (doc === self) continue;
        if (partial[doc] === 0) touched.push(doc);
        partial[doc] += weight * list!.weights[i];
      }
    }
    // The best CANDIDATES by partial score (ties by index), kept sorted while scanning.
    const candidates: number[] = [];
    const before = (a: number, b: number) => partial[a] > partial[b] || (partial[a] === partial[b] && a < b);
    for (const doc of touched) {
      if (candidates.length === CANDIDATES && !before(doc, candidates[CANDIDATES - 1])) continue;
      let at = candidates.length;
      while (at > 0 && before(doc, candidates[at - 1])) at--;
      candidates.splice(at, 0, doc);
      if (candidates.length > CANDIDATES) candidates.pop();
    }
    for (const doc of touched) partial[doc] = 0;
    touched.length = 0;
    const best = candidates
      .map((doc) => ({ id: sorted[doc].id, score: round(numericCosine(numeric[self], numeric[doc])) }))
      .filter((match) => match.score >= minScore)
      .sort(compareMatches)
      .slice(0, Math.max(0, limit));
    result.set(sorted[self].id, best);
  });
  return result;
}

/** `cosine` over term numbers. */
function numericCosine(a: { terms: Int32Array; weights: Float64Array }, b: { terms: Int32Array; weights: Float64Array }): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) sum += a.weights[i++] * b.weights[j++];
    else if (a.terms[i] < b.terms[j]) i++;
    else j++;
  }
  return sum;
}

/** How a document's candidates are found: its QUERY_TERMS most telling terms among those in at most
 * CANDIDATE_DOCUMENT_SHARE of the documents (or CANDIDATE_MIN_DF); the CANDIDATES best are scored in full. */
const QUERY_TERMS = 20;
const CANDIDATE_DOCUMENT_SHARE = 0.05;
const CANDIDATE_MIN_DF = 100;
const CANDIDATES = 50;

/** The `k` best matches (see `compareMatches`), best first. */
export function topK(matches: RelatedMatch[], k: number): RelatedMatch[] {
  return matches.sort(compareMatches).slice(0, Math.max(0, k));
}
