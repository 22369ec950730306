/**
 * The curator's fields of an entry: what the list's keeper says about a paper, shown to every
 * reader (apart from each reader's own reading state, which stays in their browser).
 * One schema, read by the content collection (src/content.config.ts) and checked by ingest.
 */
import { z } from 'astro/zod';
import { URL_SEGMENT } from './ingest/slug.ts';
import { STATUSES, type Status } from './site/reading-state.ts';

/** The curator's status of a paper: the reader's statuses, in the curator's voice. */
export const CURATOR_STATUSES = STATUSES;
export type CuratorStatus = Status;

export const MAX_RATING = 5;
/** A tag is a URL segment (`/tags/<tag>/`): short lowercase words joined by hyphens. */
export const MAX_TAG_LENGTH = 40;

export const curatorFields = {
  tags: z
    .array(
      z
        .string()
        .max(MAX_TAG_LENGTH, `a tag is at most ${MAX_TAG_LENGTH} characters`)
        .regex(URL_SEGMENT, 'a tag is lowercase letters and digits, words joined by hyphens, such as rl or self-play'),
    )
    .default([])
    // A tag given twice is one tag.
    .transform((tags) => [...new Set(tags)]),
  rating: z.number().int(`a rating is a whole number from 1 to ${MAX_RATING}`).min(1, `a rating is from 1 to ${MAX_RATING}`).max(MAX_RATING, `a rating is from 1 to ${MAX_RATING}`).optional(),
  status: z.enum(CURATOR_STATUSES, { error: `a status is one of ${CURATOR_STATUSES.join(', ')}` }).optional(),
  /** A paper the curator recommends: listed under "Curator's picks" on the home page. */
  pick: z.boolean({ error: 'pick is true or false' }).default(false),
};
