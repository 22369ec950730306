/**
 * What a command changed in a folder: a snapshot of every file (content hash and
 * modification time) before and after. A file rewritten with the same bytes counts
 * as changed: the point is to see writes, which make a build or a sync do work.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** File path (relative to the folder) -> `<sha256> <mtime>`. */
export type TreeSnapshot = ReadonlyMap<string, string>;

export async function snapshotTree(dir: string): Promise<TreeSnapshot> {
  const snapshot = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    snapshot.set(relative(dir, path), `${createHash('sha256').update(bytes).digest('hex')} ${info.mtimeMs}`);
  }
  return snapshot;
}

/** Files added, removed or changed between two snapshots, sorted. */
export function changedFiles(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}
