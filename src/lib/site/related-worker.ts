/**
 * The worker src/integrations/related-papers.ts starts: reads the paper entries as the
 * content collection does (id, title, abstract as text) and posts `computeRelated`'s result.
 * Run by Node directly, outside Vite: it imports nothing of Astro's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isHandWritten, scanEntries } from '../ingest/entry-store.ts';
import { paperId } from './paper-id.ts';
import { computeRelated } from './related-handoff.ts';
import { abstractPlainText } from './text.ts';

const { papersDir } = workerData as { papersDir: string };
const entries = await scanEntries(papersDir);
const docs = entries.map(({ path, entry }) => ({
  id: paperId(path, entry.data),
  title: String(entry.data['title']),
  text: abstractPlainText(entry.body, path.endsWith('.md') ? 'md' : 'mdx', !isHandWritten(entry)),
}));
parentPort!.postMessage(computeRelated(docs));
