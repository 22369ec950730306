import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { readEntry, serialiseEntry, type EntryFile } from './entry.ts';
import type { ClassifiedPaper } from './types.ts';

/** An entry already on disk; `path` is relative to the papers folder, with `/` separators. */
export interface StoredEntry {
  path: string;
  source: string;
  entry: EntryFile;
}

export interface EntryWrite {
  path: string;
  content: string;
  /** Where the entry was before, when its main theme changed. */
  movedFrom?: string;
}

export interface EntryPlan {
  writes: EntryWrite[];
  unchanged: number;
  /** Entries no paper of the listings produces any more: reported, never deleted here. */
  orphans: StoredEntry[];
}

export async function scanEntries(papersDir: string): Promise<StoredEntry[]> {
  let names: string[];
  try {
    names = await readdir(papersDir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const paths = names.filter((name) => name.endsWith('.mdx')).map((name) => name.split(sep).join('/')).sort();
  return Promise.all(
    paths.map(async (path) => {
      const source = await readFile(join(papersDir, path), 'utf8');
      return { path, source, entry: readEntry(source, join(relative(process.cwd(), papersDir), path)) };
    }),
  );
}

export function entryPath(paper: Pick<ClassifiedPaper, 'mainTheme' | 'slug'>): string {
  return `${paper.mainTheme}/${paper.slug}.mdx`;
}

/** Decides what to write so that nothing changes on disk when nothing changed in the input. */
export function planEntries(papers: readonly ClassifiedPaper[], stored: readonly StoredEntry[]): EntryPlan {
  const bySlug = new Map(stored.map((entry) => [entry.entry.data['slug'], entry]));
  const produced = new Set<StoredEntry>();
  const writes: EntryWrite[] = [];
  let unchanged = 0;
  for (const paper of papers) {
    const previous = bySlug.get(paper.slug);
    if (previous) produced.add(previous);
    const path = entryPath(paper);
    const content = serialiseEntry(paper, previous?.entry);
    if (previous?.path === path && previous.source === content) {
      unchanged++;
      continue;
    }
    writes.push({ path, content, ...(previous && previous.path !== path && { movedFrom: previous.path }) });
  }
  return { writes, unchanged, orphans: stored.filter((entry) => !produced.has(entry)) };
}

/** Writes through a temporary file and a rename, so an interrupted run leaves no half-written entry. */
export async function applyPlan(papersDir: string, plan: EntryPlan): Promise<void> {
  for (const { path, content, movedFrom } of plan.writes) {
    const target = join(papersDir, path);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
    if (movedFrom) await rm(join(papersDir, movedFrom));
  }
}
