import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

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
 * One entry per paper, written by `npm run ingest` (or by hand). The glob loader
 * uses the `slug` field as the entry id, so it is also the page URL.
 */
const papers = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/papers' }),
  schema: z.object({
    title: z.string().min(1),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slugs are lowercase ASCII words joined by hyphens'),
    themes: z.array(reference('themes')).min(1),
    mainTheme: reference('themes'),
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
