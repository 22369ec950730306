import { basename } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { PINNABLE } from './lib/ingest/fields.ts';

/** Themes are user-editable: `content/themes.yaml` is the single place they are defined. */
const themes = defineCollection({
  loader: file('content/themes.yaml'),
  schema: z.object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'theme ids are lowercase words joined by hyphens'),
    title: z.string().min(1),
    description: z.string().min(1),
    terms: z.array(z.string().min(1)).default([]),
  }),
});

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * One entry per paper, written by `npm run ingest` or by hand (`.mdx` or `.md`).
 * The entry id, and so the page URL, is the `slug` field, or for a hand-written
 * entry without one, its file name.
 */
const papers = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: './content/papers',
    generateId: ({ entry, data }) => (typeof data['slug'] === 'string' ? data['slug'] : basename(entry).replace(/\.mdx?$/, '')),
  }),
  schema: z.object({
    title: z.string().min(1),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slugs are lowercase ASCII words joined by hyphens').optional(),
    themes: z.array(reference('themes')).min(1),
    /** Defaults to the first theme. */
    mainTheme: reference('themes').optional(),
    /** Fields the user took over from ingest (see the README). */
    pinned: z.array(z.enum(PINNABLE)).default([]),
    matchedTerms: z.record(z.string(), z.array(z.string())).default({}),
    authorsCount: z.number().int().positive().optional(),
    organisation: z.string().optional(),
    published: z
      .object({
        text: z.string().min(1),
        date: isoDate.optional(),
        precision: z.enum(['day', 'month', 'year']).optional(),
        yearSource: z.enum(['listing', 'capture-date']).optional(),
      })
      .optional(),
    upvotes: z.number().int().nonnegative().optional(),
    sources: z.array(z.object({ listing: z.string(), line: z.number().int().positive() })).default([]),
  }),
});

export const collections = { themes, papers };
