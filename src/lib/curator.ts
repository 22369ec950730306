/**
 * The curator's fields of an entry: what the list's keeper says about a paper, shown to every
 * reader (apart from each reader's own reading state, which stays in their browser).
 * One schema, read by the content collection (src/content.config.ts) and checked by ingest
 * (`curatorProblems`), so a bad value stops `npm run ingest` and `astro build` with the same words.
 */
import { z } from 'astro/zod';
import { URL_SEGMENT } from './ingest/slug.ts';
import { MAX_RATING } from './site/curation.ts';
import { STATUSES, type Status } from './site/reading-state.ts';

/** The curator's status of a paper: the reader's statuses, in the curator's voice. */
export const CURATOR_STATUSES = STATUSES;
export type CuratorStatus = Status;

/** A tag is a URL segment (`/tags/<tag>/`): short lowercase words joined by hyphens. */
export const MAX_TAG_LENGTH = 40;

const RATING_ERROR = `a rating is a whole number from 1 to ${MAX_RATING}, written without quotes (\`rating: 4\`)`;
const TAG_ERROR = 'a tag is lowercase letters and digits, words joined by hyphens (`self-play`, not `Self Play`)';
/**
 * YAML reads `2024` as a number. It is not made into the tag "2024": YAML has already changed
 * some numbers (`010` is 10, `1e3` is 1000), so the curator writes the tag in quotes.
 */
const tagError = (input: unknown) =>
  typeof input === 'number' ? `a tag that is a number is written in quotes: \`${JSON.stringify(String(input))}\`` : TAG_ERROR;

export const curatorFields = {
  tags: z
    .array(
      z
        .string({ error: (issue) => tagError(issue.input) })
        .max(MAX_TAG_LENGTH, `a tag is at most ${MAX_TAG_LENGTH} characters`)
        .regex(URL_SEGMENT, TAG_ERROR),
      { error: 'tags are a list in brackets, such as `tags: [rl, self-play]`' },
    )
    .default([])
    // A tag given twice is one tag.
    .transform((tags) => [...new Set(tags)]),
  rating: z.number({ error: RATING_ERROR }).int(RATING_ERROR).min(1, RATING_ERROR).max(MAX_RATING, RATING_ERROR).optional(),
  status: z.enum(CURATOR_STATUSES, { error: `a status is one of ${CURATOR_STATUSES.join(', ')}` }).optional(),
  /** A paper the curator recommends: listed under "Curator's picks" on the home page. */
  pick: z.boolean({ error: 'pick is `true` or `false`' }).default(false),
};

export type CuratorField = keyof typeof curatorFields;
export const CURATOR_FIELDS = Object.keys(curatorFields) as CuratorField[];

/** Other words a curator may write for a field, too far from its name for a typo (ingest warns on them). */
export const CURATOR_SYNONYMS: Readonly<Record<string, CuratorField>> = { stars: 'rating', star: 'rating', score: 'rating', rate: 'rating' };
const curatorSchema = z.object(curatorFields);

/** A bad curator value: the field it is in, and what is wrong, saying the fix. */
export interface CuratorProblem {
  field: CuratorField;
  message: string;
}

/** What is wrong with the curator's fields of an entry's front matter `data` (other fields are not looked at). */
export function curatorProblems(data: Record<string, unknown>): CuratorProblem[] {
  const fields = Object.fromEntries(CURATOR_FIELDS.filter((key) => key in data).map((key) => [key, data[key]]));
  const result = curatorSchema.safeParse(fields);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [field, index] = issue.path as [CuratorField, number | undefined];
    // Which tag is wrong, quoted as data: a tag may hold any text.
    const value = field === 'tags' && typeof index === 'number' ? ` (${JSON.stringify((data['tags'] as unknown[])[index])})` : '';
    return { field, message: `\`${field}\`${value}: ${issue.message}` };
  });
}
