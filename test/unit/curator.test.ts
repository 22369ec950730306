import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { curatorProblems } from '../../src/lib/curator.ts';
import { checkEntry, curatorErrors, curatorKeyWarnings } from '../../src/lib/ingest/entry-check.ts';
import { readEntry } from '../../src/lib/ingest/entry.ts';
import { InputError, InputErrors } from '../../src/lib/ingest/errors.ts';
import { ingest, type IngestPaths } from '../../src/lib/ingest/ingest.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

afterAll(removeTempDirs);

const FILE = 'content/papers/agents/a-paper.mdx';

/** An entry whose front matter holds `field` on line 4 (after `---`, title, themes). */
const entryWith = (field: string) => `---\ntitle: A paper\nthemes: [agents]\n${field}\nupvotes: 3\n---\n\nAbstract.\n`;

/** Stops on the entry as ingest would: on its structure, then on its first bad curator value. */
function check(source: string): void {
  const entry = readEntry(source, FILE);
  checkEntry(source, entry, FILE);
  const [error] = curatorErrors(entry, FILE);
  if (error) throw error;
}

function failure(source: string): InputError {
  try {
    check(source);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError');
}

describe("ingest's check of the curator's fields", () => {
  it.each([
    ['rating: 6', '`rating`: a rating is a whole number from 1 to 5'],
    ['rating: 0', '`rating`: a rating is a whole number from 1 to 5'],
    ['rating: "4"', 'written without quotes (`rating: 4`)'],
    ['rating: 4.5', '`rating`: a rating is a whole number from 1 to 5'],
    ['rating:', '`rating`: a rating is a whole number'],
    ['status: done', '`status`: a status is one of to-read, reading, read'],
    ['status: Read', '`status`: a status is one of to-read, reading, read'],
    ['tags: RL', '`tags`: tags are a list in brackets, such as `tags: [rl, self-play]`'],
    ['tags: [Self Play]', '`tags` ("Self Play"): a tag is lowercase letters and digits, words joined by hyphens (`self-play`, not `Self Play`)'],
    ['tags: [rl, 3]', '`tags` (3): a tag that is a number is written in quotes: `"3"`'],
    ['tags: [2024]', '`tags` (2024): a tag that is a number is written in quotes: `"2024"`'],
    ['tags: ["<script>alert(1)</script>"]', '`tags` ("<script>alert(1)</script>"): a tag is lowercase letters'],
    [`tags: [${'a'.repeat(41)}]`, 'a tag is at most 40 characters'],
    ['pick: yes', '`pick`: pick is `true` or `false`'],
    ['pick: "true"', '`pick`: pick is `true` or `false`'],
  ])('stops on `%s`, naming the file, the field\'s line and the fix', (field, message) => {
    const error = failure(entryWith(field));
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(4);
    expect(error.message).toContain(`${FILE}:4: `);
    expect(error.reason).toContain(message);
    expect(error.reason).toContain("docs/entries.md, \"The curator's fields\"");
  });

  it('names the line of the field even when it spans several lines', () => {
    const error = failure('---\ntitle: A paper\nthemes: [agents]\nrating: 3\ntags:\n  - rl\n  - Self Play\n---\n');
    expect(error.line).toBe(5);
    expect(error.reason).toContain('"Self Play"');
  });

  it.each([
    'rating: 1',
    'rating: 5',
    'status: to-read',
    'status: reading',
    'status: read',
    'tags: [rl, self-play, gpt-4]',
    'tags: []',
    'pick: true',
    'pick: false',
    'my-own-field: [Anything, 6]',
  ])('accepts `%s`', (field) => {
    expect(() => check(entryWith(field))).not.toThrow();
  });

  it('reads no other field: a user field with a curator-like value is kept and ignored', () => {
    expect(curatorProblems({ title: 'x', myRating: 11, statusNote: 'done' })).toEqual([]);
  });
});

/** A folder of seeds (none) and content whose entries are `entries` (path under content/papers/ -> text). */
async function workspace(entries: Record<string, string>): Promise<IngestPaths> {
  const dir = await tempDir('reading-list-curator-');
  await mkdir(join(dir, 'seeds'));
  await cp(join(import.meta.dirname, '../../content/themes.yaml'), join(dir, 'content/themes.yaml'));
  for (const [path, text] of Object.entries(entries)) {
    await mkdir(join(dir, 'content/papers', path, '..'), { recursive: true });
    await writeFile(join(dir, 'content/papers', path), text);
  }
  return { seedsDir: join(dir, 'seeds'), contentDir: join(dir, 'content') };
}

async function ingestFailure(paths: IngestPaths): Promise<InputError> {
  try {
    await ingest(paths, { write: false });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('ingest did not stop');
}

describe('ingest with bad curator values in several entries', () => {
  it('lists every one, with its file and line, in one run', async () => {
    const paths = await workspace({
      'mine/first.mdx': '---\ntitle: First paper\nthemes: [agents]\nstatus: done\nrating: 7\n---\n',
      'mine/second.mdx': '---\ntitle: Second paper\nthemes: [agents]\npick: yes\n---\n',
      'mine/fine.mdx': '---\ntitle: Fine paper\nthemes: [agents]\nstatus: read\n---\n',
    });
    const error = await ingestFailure(paths);
    expect(error).toBeInstanceOf(InputErrors);
    const found = (error as InputErrors).errors.map(({ file, line, reason }) => `${file.replace(/^.*content\/papers\//, '')}:${line}: ${reason.split(':')[0]}`);
    expect(found.sort()).toEqual(['mine/first.mdx:4: `status`', 'mine/first.mdx:5: `rating`', 'mine/second.mdx:4: `pick`']);
    expect(error.message).toMatch(/^\S*content\/papers: 3 problems to fix:\n/);
    expect(error.message.split('\n').slice(1)).toHaveLength(3);
    expect(error.message).toMatch(/\n {2}\S*content\/papers\/mine\/first\.mdx:4: `status`: a status is one of/);
  });

  it('stops on a single one with its own message', async () => {
    const error = await ingestFailure(await workspace({ 'mine/first.mdx': '---\ntitle: First paper\nthemes: [agents]\nstatus: done\n---\n' }));
    expect(error).not.toBeInstanceOf(InputErrors);
    expect(error.message).toMatch(/content\/papers\/mine\/first\.mdx:4: `status`: a status is one of/);
  });
});

describe('mistyped curator fields', () => {
  const warnings = (field: string) => curatorKeyWarnings(readEntry(entryWith(field), FILE), FILE);

  it.each([
    ['tag: [rl]', 'tag', 'tags'],
    ['Rating: 4', 'Rating', 'rating'],
    ['stars: 4', 'stars', 'rating'],
    ['picked: true', 'picked', 'pick'],
    ['Status: read', 'Status', 'status'],
  ])('warns on `%s`, naming the line and the field meant', (field, key, meant) => {
    expect(warnings(field)).toEqual([
      { file: FILE, line: 4, message: expect.stringContaining(`\`${key}\` is not a field the site reads, so it is ignored (did you mean \`${meant}\`?)`) },
    ]);
  });

  it.each(['my-own-field: 3', 'notes: good', 'reviewer: Ann', 'priority: 2', 'pinned: [title]', 'hidden: true', 'tags: [rl]', 'keywords: [a]'])(
    'says nothing of `%s`',
    (field) => {
      expect(warnings(field)).toEqual([]);
    },
  );

  it('are ingest warnings, and the entry is still read', async () => {
    const report = await ingest(await workspace({ 'mine/first.mdx': '---\ntitle: First paper\nthemes: [agents]\ntag: [rl]\n---\n' }), { write: false });
    expect(report.warnings).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/content\/papers\/mine\/first\.mdx$/), line: 4, message: expect.stringContaining('did you mean `tags`?') }));
    expect(report.handWritten).toBe(1);
  });
});
