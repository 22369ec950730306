import { describe, expect, it } from 'vitest';
import { curatorProblems } from '../../src/lib/curator.ts';
import { checkEntry } from '../../src/lib/ingest/entry-check.ts';
import { readEntry } from '../../src/lib/ingest/entry.ts';
import { InputError } from '../../src/lib/ingest/errors.ts';

const FILE = 'content/papers/agents/a-paper.mdx';

/** An entry whose front matter holds `field` on line 4 (after `---`, title, themes). */
const entryWith = (field: string) => `---\ntitle: A paper\nthemes: [agents]\n${field}\nupvotes: 3\n---\n\nAbstract.\n`;

function check(source: string): void {
  checkEntry(source, readEntry(source, FILE), FILE);
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
    ['tags: [rl, 3]', '`tags` (3): a tag is lowercase letters'],
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
