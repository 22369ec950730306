import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cosine, relatedDocuments, STOP_WORDS, tfidfVectors, tokenise, type RelatedDocument } from '../../src/lib/site/related.ts';

const doc = (id: string, title: string, text = ''): RelatedDocument => ({ id, title, text });

const CORPUS: RelatedDocument[] = [
  doc('robot-grasp', 'Robot grasping with tactile sensors', 'A robot arm learns grasping of unknown objects from tactile sensors and vision.'),
  doc('robot-grasp-2', 'Tactile grasping for robot hands', 'Dexterous robot hands use tactile feedback for grasping fragile objects.'),
  doc('llm-math', 'Language models solve math word problems', 'Large language models reason step by step on math word problems.'),
  doc('llm-proof', 'Theorem proving with language models', 'Language models write formal proofs; math reasoning is checked by a prover.'),
  doc('cooking', 'A recipe for sourdough bread', 'Flour, water and salt ferment overnight before baking.'),
];

describe('tokenise', () => {
  test('lower-cases, drops stop words, one-letter words and numbers, and merges plurals', () => {
    expect(tokenise('The Agents and a Policy: 2024 policies of LLMs')).toEqual(['agent', 'policy', 'policy', 'llm']);
  });
  test('keeps non-Latin words and splits on punctuation', () => {
    expect(tokenise('Self-Play 大規模言語モデル')).toEqual(['self', 'play', '大規模言語モデル']);
  });
  test('never yields a stop word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STOP_WORDS, 'Model', 'AGENTS', 'x', '42')), (words) => {
        for (const token of tokenise(words.join(' '))) expect(STOP_WORDS.has(token)).toBe(false);
      }),
    );
  });
});

describe('tfidf vectors and cosine', () => {
  test('vectors are unit length, a document is most similar to itself', () => {
    const vectors = tfidfVectors(CORPUS);
    for (const [i, vector] of vectors.entries()) {
      expect(Math.hypot(...vector.weights)).toBeCloseTo(1, 10);
      for (const other of vectors) expect(cosine(vector, other)).toBeLessThanOrEqual(cosine(vector, vectors[i]) + 1e-12);
    }
  });
});

describe('relatedDocuments', () => {
  const related = relatedDocuments(CORPUS);
  const ids = (id: string) => (related.get(id) ?? []).map((match) => match.id);

  test("each paper's top match is the one on its own topic", () => {
    expect(ids('robot-grasp')[0]).toBe('robot-grasp-2');
    expect(ids('robot-grasp-2')[0]).toBe('robot-grasp');
    expect(ids('llm-math')[0]).toBe('llm-proof');
    expect(ids('llm-proof')[0]).toBe('llm-math');
  });

  test('a paper sharing no word with the others has no related paper', () => {
    expect(ids('cooking')).toEqual([]);
  });

  test('never lists a paper as related to itself, nor twice, nor more than the limit', () => {
    const many = Array.from({ length: 12 }, (_, i) => doc(`p${String(i).padStart(2, '0')}`, `Agents planning ${i % 3 === 0 ? 'tools' : 'robots'}`, 'agents plan'));
    const result = relatedDocuments(many, { limit: 5 });
    for (const { id } of many) {
      const list = result.get(id)!.map((match) => match.id);
      expect(list).not.toContain(id);
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeLessThanOrEqual(5);
    }
  });

  test('ties are broken by id', () => {
    // b and c are the same text: equally similar to a.
    const result = relatedDocuments(
      [doc('c', 'graph neural network'), doc('a', 'graph neural network pooling'), doc('b', 'graph neural network')],
      { maxDocumentShare: 1 },
    );
    expect(result.get('a')!.map((match) => match.id)).toEqual(['b', 'c']);
    expect(result.get('a')![0].score).toBe(result.get('a')![1].score);
  });

  test('is deterministic: the same result whatever the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(CORPUS, { minLength: CORPUS.length, maxLength: CORPUS.length }), (shuffled) => {
        expect(relatedDocuments(shuffled)).toEqual(related);
      }),
      { numRuns: 30 },
    );
  });

  test('a list of a few documents is ranked exactly as comparing every pair would, however many terms they share', () => {
    // More distinct terms per document than a large list's candidate search looks at.
    const vocabulary = Array.from({ length: 60 }, (_, i) => `term${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const corpus = fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^[a-z]{1,6}$/), words: fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 60 }) }),
      { selector: (record) => record.id, minLength: 2, maxLength: 25 },
    );
    fc.assert(
      fc.property(corpus, (records) => {
        const docs = records.map((record) => doc(record.id, '', record.words.join(' ')));
        const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
        const vectors = tfidfVectors(sorted);
        const result = relatedDocuments(docs, { limit: 3, minScore: 0.01, maxDocumentShare: 1 });
        sorted.forEach((self, i) => {
          const expected = sorted
            .map((other, j) => ({ id: other.id, score: Math.round(cosine(vectors[i], vectors[j]) * 1e9) / 1e9 }))
            .filter((match) => match.id !== self.id && match.score >= 0.01)
            .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
            .slice(0, 3);
          expect(result.get(self.id)).toEqual(expected);
        });
      }),
      { numRuns: 60 },
    );
  });

  test('in a small list, a pair sharing only a minor term is still found', () => {
    // a's 21 strongest terms are shared with c only; what a shares with b is one weak term.
    const strong = Array.from({ length: 21 }, (_, i) => `strong${String.fromCharCode(97 + i)}`);
    const docs = [
      doc('a', '', `${strong.map((word) => `${word} ${word} ${word}`).join(' ')} minor`),
      doc('b', '', 'minor other words here'),
      doc('c', '', strong.join(' ')),
    ];
    const related = relatedDocuments(docs, { minScore: 0.001, maxDocumentShare: 1 });
    expect(related.get('a')?.map((match) => match.id)).toEqual(['c', 'b']);
    expect(related.get('b')?.map((match) => match.id)).toEqual(['a']);
  });

  test('refuses two documents with the same id', () => {
    expect(() => relatedDocuments([doc('a', 'x y'), doc('a', 'x z')])).toThrow(/share an id/);
  });

  test('above 2,000 documents (candidates from telling terms), gives every document up to five matches, best first, never itself', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
    // mulberry32: a fixed pseudo-random corpus.
    let seed = 7;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    const docs = Array.from({ length: 3000 }, (_, i) => doc(`d${i}`, '', Array.from({ length: 60 }, () => words[next() % words.length]).join(' ')));
    const result = relatedDocuments(docs);
    expect(result.size).toBe(3000);
    for (const [id, matches] of result) {
      expect(matches.length, id).toBeGreaterThan(0);
      expect(matches.length, id).toBeLessThanOrEqual(5);
      expect(matches.map((match) => match.id), id).not.toContain(id);
      expect(matches.map((match) => match.score), id).toEqual(matches.map((match) => match.score).sort((x, y) => y - x));
    }
  }, 30_000);

  test('a limit of 0 lists nothing', () => {
    expect([...relatedDocuments(CORPUS, { limit: 0 }).values()].every((list) => list.length === 0)).toBe(true);
  });
});
