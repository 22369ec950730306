/**
 * "Mentioned in notes of": the papers whose notes link to each paper (note-links.ts), over
 * the collection, once per build. A link to no paper fails the build here, when the paper
 * pages are listed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContent, type Paper } from './content.ts';
import { backlinks } from './note-links.ts';

let loading: Promise<Map<string, Paper[]>> | undefined;

export function loadMentions(): Promise<Map<string, Paper[]>> {
  // In `astro dev` notes change while this module stays loaded: never cache there.
  if (import.meta.env.DEV) return load();
  loading ??= load();
  return loading;
}

async function load(): Promise<Map<string, Paper[]>> {
  const { papers } = await loadContent();
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const linked = backlinks(
    papers.map((paper) => {
      const file = paper.filePath ?? paper.id;
      return { id: paper.id, file, body: paper.body ?? '', read: () => readFileSync(resolve(file), 'utf8') };
    }),
  );
  return new Map([...linked].map(([id, from]) => [id, from.map((source) => byId.get(source) as Paper)]));
}
