import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import { relatedDocuments } from '../../src/lib/site/related.ts';
import { computeRelated, HANDOFF, handOver, relatedDigest, relatedPapers, type HandedRelated } from '../../src/lib/site/related-handoff.ts';

const DOCS = [
  { id: 'grasp', title: 'Robot grasping with tactile sensors', text: 'A robot arm learns grasping from tactile sensors.' },
  { id: 'hands', title: 'Tactile grasping for robot hands', text: 'Dexterous robot hands use tactile feedback.' },
  { id: 'math', title: 'Language models solve math', text: 'Large language models reason on math problems.' },
];

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[HANDOFF];
});

describe('relatedPapers', () => {
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  afterEach(() => {
    warnings.length = 0;
  });

  test('computes the related papers when nothing was handed over', async () => {
    expect(await relatedPapers(DOCS, warn)).toEqual(relatedDocuments(DOCS, { limit: 5 }));
    expect(warnings).toEqual([]);
  });

  test("takes the worker's result when it was computed from the same documents, in any order", async () => {
    const handed: HandedRelated = { digest: relatedDigest([...DOCS].reverse()), related: [['grasp', [{ id: 'math', score: 1 }]]] };
    handOver(Promise.resolve(handed));
    expect(await relatedPapers(DOCS, warn)).toEqual(new Map(handed.related));
    expect(warnings).toEqual([]);
  });

  test('sets aside, with a warning, a result computed from other documents', async () => {
    handOver(Promise.resolve(computeRelated(DOCS.map((doc) => (doc.id === 'math' ? { ...doc, title: 'Another title' } : doc)))));
    expect(await relatedPapers(DOCS, warn)).toEqual(relatedDocuments(DOCS, { limit: 5 }));
    expect(warnings).toEqual([expect.stringMatching(/^related papers: the entries read ahead differ/)]);
  });

  test('computes them, quietly, when the worker failed', async () => {
    handOver(Promise.resolve(undefined));
    expect(await relatedPapers(DOCS, warn)).toEqual(relatedDocuments(DOCS, { limit: 5 }));
    expect(warnings).toEqual([]);
  });
});

describe('the worker', () => {
  test('reads entries as the content collection does: id from slug or file name, title, abstract as text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reading-list-related-'));
    try {
      await mkdir(join(dir, 'robotics'));
      await mkdir(join(dir, 'mine'));
      await writeFile(join(dir, 'robotics/grasp.md'), '---\ntitle: Robot grasping with tactile sensors\nslug: grasp\nthemes: [robotics]\n---\nA robot arm learns grasping from tactile sensors.\n');
      await writeFile(join(dir, 'robotics/x.md'), "---\ntitle: 'Tactile grasping for robot hands'\nslug: hands\n---\nDexterous robot hands use \\*tactile\\* feedback.\n");
      await writeFile(join(dir, 'mine/math.mdx'), '---\ntitle: Language models solve math\n---\nLarge language models {/* a note */} reason on math problems.\n');
      const worker = new Worker(new URL('../../src/lib/site/related-worker.ts', import.meta.url), { workerData: { papersDir: dir } });
      const handed = await new Promise<HandedRelated>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const expected = DOCS.map((doc) => (doc.id === 'hands' ? { ...doc, text: 'Dexterous robot hands use *tactile* feedback.' } : doc));
      expect(handed).toEqual(computeRelated(expected));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
