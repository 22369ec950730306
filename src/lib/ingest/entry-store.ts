import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { filesUnder } from '../files-under.ts';
import { entryFingerprint } from './ingest-cache.ts';
import { fieldLine, hasUserContent, pinnedFields, readEntry, serialiseEntry, type EntryFile, type EntryFormat } from './entry.ts';
import { InputError } from './errors.ts';
import { ENTRY_EXTENSIONS, isRead, readableName } from './file-names.ts';
import type { ClassifiedPaper, Warning } from './types.ts';

/** An entry on disk; `path` is relative to the papers folder, with `/` separators. */
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
  /** The listed papers as their entries say them: with the themes a person pinned. */
  papers: ClassifiedPaper[];
  writes: EntryWrite[];
  unchanged: number;
  /** Generated entries no listed paper produces any more, and whether each holds user content. */
  orphans: { path: string; userContent: boolean }[];
  /** Orphans without user content, to delete when pruning. */
  prunable: string[];
  /** Entry path -> fingerprint of every entry the listings produce, for the next run (ingest-cache.ts). */
  fingerprints: Map<string, string>;
  warnings: Warning[];
}

/** The entry files under the papers folder, and the files there named like entries but not read (`Notes.MD`). */
export function listEntryFiles(papersDir: string): { entries: string[]; misnamed: string[] } {
  let names: string[];
  try {
    names = filesUnder(papersDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], misnamed: [] };
    throw error;
  }
  return {
    // `.md` (generated or hand-written) or `.mdx` (hand-written, or generated before and annotated).
    entries: names.filter((name) => isRead(name, ENTRY_EXTENSIONS)).sort(),
    misnamed: names.filter((name) => readableName(name, ENTRY_EXTENSIONS) !== undefined).sort(),
  };
}

/** Reads the entry at `path` (relative to the papers folder), whose text is `source`; `file` names it in messages. */
export type ReadStoredEntry = (path: string, source: string, file: string) => EntryFile;

/*
 * Entry files are read and written with synchronous calls: for thousands of small files
 * they are about ten times faster than fs/promises (which goes through the thread pool
 * for each open, write and close), and ingest has nothing else to do meanwhile.
 */

export async function scanEntries(
  papersDir: string,
  shownDir = papersDir,
  read: ReadStoredEntry = (_path, source, file) => readEntry(source, file),
  paths = listEntryFiles(papersDir).entries,
): Promise<StoredEntry[]> {
  return paths.map((path) => {
    const source = readFileSync(join(papersDir, path), 'utf8');
    return { path, source, entry: read(path, source, `${shownDir}/${path}`) };
  });
}

/**
 * Whether names in `dir` ignore case, as on macOS and Windows by default: there
 * `agents/Kept-Paper.md` and `agents/kept-paper.md` are one file. Asks about a name `dir`
 * holds, in the other case; false when it holds no name with letters, or does not exist.
 */
export function isCaseInsensitive(dir: string): boolean {
  const swapCase = (name: string) => [...name].map((char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase())).join('');
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return false;
  }
  const name = names.find((candidate) => swapCase(candidate) !== candidate);
  if (name === undefined) return false;
  try {
    const [self, other] = [statSync(join(dir, name), { bigint: true }), statSync(join(dir, swapCase(name)), { bigint: true })];
    return self.ino === other.ino && self.dev === other.dev;
  } catch {
    return false;
  }
}

/**
 * Hand-written entries name no listing (`sources` absent or empty): ingest reads
 * them to keep their slugs and titles free, and never writes them.
 */
export function isHandWritten(entry: EntryFile): boolean {
  const sources = entry.data['sources'];
  return !Array.isArray(sources) || sources.length === 0;
}

export function entryPath(paper: Pick<ClassifiedPaper, 'mainTheme' | 'slug'>, format: EntryFormat = 'md'): string {
  return `${paper.mainTheme}/${paper.slug}.${format}`;
}

/**
 * Generated entries are Markdown. One written as MDX by an earlier version stays MDX
 * once a person has added to it (their notes may be MDX); otherwise it becomes `.md`.
 */
function formatFor(previous: StoredEntry | undefined): EntryFormat {
  return previous?.path.endsWith('.mdx') && hasUserContent(previous.entry) ? 'mdx' : 'md';
}

const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? value : undefined;

/**
 * The paper as its entry will say it, once the themes a user pinned are applied:
 * pinned `themes` replace the computed ones (the first is the main theme unless
 * `mainTheme` is pinned too), and a pinned `mainTheme` comes first.
 */
export function applyPinnedThemes(paper: ClassifiedPaper, entry: EntryFile, file: string, themeIds: ReadonlySet<string>, warnings: Warning[]): ClassifiedPaper {
  const { pinned } = pinnedFields(entry.data);
  const warn = (key: string, message: string) => warnings.push({ file, line: fieldLine(entry, key), message });
  const unknown = (ids: readonly string[]) => ids.filter((id) => !themeIds.has(id)).map((id) => `"${id}"`).join(', ');
  let { themes, mainTheme } = paper;
  if (pinned.has('themes')) {
    const value = stringList(entry.data['themes']);
    if (!value) warn('themes', 'pinned "themes" must be a list of theme ids; using the computed themes');
    else if (unknown(value)) warn('themes', `pinned "themes" names ${unknown(value)}, not a theme of the themes file; using the computed themes`);
    else themes = value;
    mainTheme = themes[0] as string;
  }
  if (pinned.has('mainTheme')) {
    const value = entry.data['mainTheme'];
    if (typeof value !== 'string') warn('mainTheme', 'pinned "mainTheme" must be a theme id; using the computed main theme');
    else if (!themeIds.has(value)) warn('mainTheme', `pinned "mainTheme" is "${value}", not a theme of the themes file; using the computed main theme`);
    else mainTheme = value;
  }
  if (themes === paper.themes && mainTheme === paper.mainTheme) return paper;
  themes = [mainTheme, ...themes.filter((id) => id !== mainTheme)];
  return { ...paper, themes, mainTheme, matchedTerms: Object.fromEntries(Object.entries(paper.matchedTerms).filter(([id]) => themes.includes(id))) };
}

/**
 * Decides what to write so that nothing changes on disk when nothing changed in
 * the input, and nothing a user wrote is lost. `formerSlugs` maps a paper's slug to
 * the one its stored entry had when ingest replaced it (see `isListSegment`): that
 * entry is continued, and moved, rather than left behind.
 */
export function planEntries(
  papers: readonly ClassifiedPaper[],
  stored: readonly StoredEntry[],
  shownDir: string,
  {
    themeIds,
    formerSlugs = new Map(),
    previousFingerprints = new Map(),
    caseInsensitive = false,
  }: {
    /** The themes of the themes file: a pinned theme must be one of them. */
    themeIds: ReadonlySet<string>;
    formerSlugs?: ReadonlyMap<string, string>;
    /** Fingerprints from the previous run: an entry whose paper and text are both unchanged is not serialised again. */
    previousFingerprints?: ReadonlyMap<string, string>;
    /** Paths that differ only in case name one file (`isCaseInsensitive`). */
    caseInsensitive?: boolean;
  },
): EntryPlan {
  const generated = stored.filter(({ entry }) => !isHandWritten(entry));
  const bySlug = new Map(generated.map((entry) => [entry.entry.data['slug'], entry]));
  /** Which file a path names: `fileOf(a) === fileOf(b)` when writing to `a` replaces `b`. */
  const fileOf = caseInsensitive ? (path: string) => path.toLowerCase() : (path: string) => path;
  const byFile = new Map(stored.map((entry) => [fileOf(entry.path), entry]));
  const folders = new Map(stored.map(({ path }) => [fileOf(dirname(path)), dirname(path)]));
  // Where case is ignored, a file or theme folder keeps the name it has (`Agents/Kept-Paper.md`):
  // written under another, it would be the same file, and its old name deleted as a move's leftover.
  const nameOf = (path: string) => byFile.get(fileOf(path))?.path ?? `${folders.get(fileOf(dirname(path))) ?? dirname(path)}/${basename(path)}`;
  const produced = new Set<StoredEntry>();
  const placed: ClassifiedPaper[] = [];
  const writes: EntryWrite[] = [];
  /** Entry path -> the paper written there, and where its entry comes from, for messages. */
  const sources = new Map<string, { title: string; from: string }>();
  const warnings: Warning[] = [];
  const fingerprints = new Map<string, string>();
  let unchanged = 0;
  for (const listed of papers) {
    const former = formerSlugs.get(listed.slug);
    const previous = bySlug.get(listed.slug) ?? (former === undefined ? undefined : bySlug.get(former));
    if (previous) produced.add(previous);
    const file = previous && `${shownDir}/${previous.path}`;
    const paper = previous && file ? applyPinnedThemes(listed, previous.entry, file, themeIds, warnings) : listed;
    placed.push(paper);
    const format = formatFor(previous);
    const path = nameOf(entryPath(paper, format));
    if (previous?.path === path) {
      const fingerprint = entryFingerprint(paper, previous.source);
      if (previousFingerprints.get(path) === fingerprint) {
        fingerprints.set(path, fingerprint);
        unchanged++;
        continue;
      }
    }
    const content = serialiseEntry(paper, previous && file ? { entry: previous.entry, file } : undefined, format);
    fingerprints.set(path, entryFingerprint(paper, content));
    if (previous?.path === path && previous.source === content) {
      unchanged++;
      continue;
    }
    writes.push({ path, content, ...(previous && previous.path !== path && { movedFrom: previous.path }) });
    sources.set(path, { title: paper.title, from: file ? `the entry ${file}, which has the same slug` : 'the listings' });
  }
  for (const { path, content } of writes) {
    const occupant = byFile.get(fileOf(path));
    if (occupant && !produced.has(occupant) && occupant.source !== content && (isHandWritten(occupant.entry) || hasUserContent(occupant.entry))) {
      // Another file at this path, which no listed paper continues (and so moves away): a copy of an
      // entry, say, or an entry left behind and annotated. It holds a person's writing.
      const { title, from } = sources.get(path)!;
      throw new InputError(`${shownDir}/${occupant.path}`, 1, `ingest would replace this file, which holds your writing, with the entry of "${title}" from ${from}: rename or remove one of them`);
    }
  }
  // An entry moving away from a path another paper's entry now takes (its slug renamed by hand, say) is
  // replaced there by that entry: removing the old file would remove the new one.
  const written = new Set(writes.map(({ path }) => path));
  const plannedWrites = writes.map(({ movedFrom, ...write }) => (movedFrom === undefined || written.has(movedFrom) ? write : { ...write, movedFrom }));
  for (const { path, entry } of generated) {
    const { unknown } = pinnedFields(entry.data);
    if (unknown.length > 0) warnings.push({ file: `${shownDir}/${path}`, line: fieldLine(entry, 'pinned'), message: `cannot pin ${unknown.map((name) => `"${name}"`).join(', ')}: only generated fields and "abstract" can be pinned` });
  }
  const orphans = generated.filter((entry) => !produced.has(entry) && !written.has(entry.path)).map(({ path, entry }) => ({ path, userContent: hasUserContent(entry) }));
  return { papers: placed, writes: plannedWrites, unchanged, orphans, prunable: orphans.filter((orphan) => !orphan.userContent).map((orphan) => orphan.path), fingerprints, warnings };
}

/** Leftovers of writes that were interrupted: they never replaced an entry. */
const TEMPORARY_FILE = /\.mdx?\.\d+\.tmp$/;

/**
 * Writes through a temporary file and a rename, so an interrupted run leaves no
 * half-written entry; deletes only what `prune` lists.
 */
export async function applyPlan(papersDir: string, plan: EntryPlan, { prune = false } = {}): Promise<void> {
  let names: string[] = [];
  try {
    names = filesUnder(papersDir);
  } catch {
    // No papers folder yet: nothing left over.
  }
  for (const name of names.filter((name) => TEMPORARY_FILE.test(name))) rmSync(join(papersDir, name));
  for (const folder of new Set(plan.writes.map(({ path }) => dirname(join(papersDir, path))))) mkdirSync(folder, { recursive: true });
  for (const { path, content, movedFrom } of plan.writes) {
    const target = join(papersDir, path);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, target);
    if (movedFrom) rmSync(join(papersDir, movedFrom));
  }
  if (prune) for (const path of plan.prunable) rmSync(join(papersDir, path));
  // A theme folder its last entry moved out of (or was pruned from) goes too; any other stays.
  const left = [...plan.writes.flatMap(({ movedFrom }) => movedFrom ?? []), ...(prune ? plan.prunable : [])];
  for (const folder of new Set(left.map((path) => dirname(join(papersDir, path))))) {
    try {
      if (folder !== papersDir) rmdirSync(folder);
    } catch {
      // Not empty (or gone, or in use): it stays, as anything a person keeps there.
    }
  }
}
