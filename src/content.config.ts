import { readFileSync } from 'node:fs';
import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { curatorFields } from './lib/curator.ts';
import { ARXIV_PATTERN, DOI_PATTERN, isWebUrl, PINNABLE } from './lib/ingest/fields.ts';
import { URL_SEGMENT } from './lib/ingest/slug.ts';
import { parseThemes, THEMES_FILE as THEMES_FILE_NAME } from './lib/ingest/themes.ts';
import { paperId } from './lib/site/paper-id.ts';
import { papersLoader } from './lib/site/papers-loader.ts';

const THEMES_FILE = `content/${THEMES_FILE_NAME}`;

/** Themes are user-editable: `content/themes.yaml` is the single place they are defined. */
const themes = defineCollection({
  loader: file(THEMES_FILE),
  schema: z.object({
    id: z.string().regex(URL_SEGMENT, 'theme ids are lowercase words joined by hyphens'),
    title: z.string().min(1),
    description: z.string().min(1),
    terms: z.array(z.string().min(1)).default([]),
    exclude: z.array(z.string().min(1)).default([]),
  }),
});

/**
 * Astro does not check that a reference names an existing entry, so a theme id
 * mistyped in an entry would silently drop the paper from that theme.
 */
const themeIds = new Set(parseThemes(readFileSync(THEMES_FILE, 'utf8'), THEMES_FILE).themes.map((theme) => theme.id));
const themeReference = reference('themes').refine((ref) => themeIds.has(ref.id), {
  error: (issue) => `"${(issue.input as { id: string }).id}" is not a theme of ${THEMES_FILE} (${[...themeIds].join(', ')})`,
});

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * One entry per paper, written by `npm run ingest` or by hand (`.mdx` or `.md`); its id is `paperId`.
 * Read as `glob('**\/*.{md,mdx}')` would, but `.mdx` entries that use nothing of MDX cost what `.md` ones do.
 */
const papers = defineCollection({
  loader: papersLoader({
    base: './content/papers',
    generateId: ({ entry, data }) => paperId(entry, data),
  }),
  schema: z.object({
    title: z.string().min(1),
    slug: z.string().regex(URL_SEGMENT, 'slugs are lowercase ASCII words joined by hyphens').optional(),
    themes: z.array(themeReference).min(1),
    /** Defaults to the first theme; when given, one of `themes`, and put first. */
    mainTheme: themeReference.optional(),
    /** Fields the user took over from ingest (see the README). */
    pinned: z.array(z.enum(PINNABLE)).default([]),
    matchedTerms: z.record(z.string(), z.array(z.string())).default({}),
    authors: z.array(z.string().min(1)).optional(),
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
    venue: z.string().min(1).optional(),
    type: z.string().min(1).optional(),
    doi: z.string().regex(DOI_PATTERN, 'a DOI such as 10.1145/3290605.3300233, without https://doi.org/').optional(),
    arxiv: z.string().regex(ARXIV_PATTERN, 'an arXiv id such as 1503.02531 or hep-th/9901001, without version').optional(),
    url: z.string().refine(isWebUrl, 'an http or https address').optional(),
    citationKey: z.string().min(1).optional(),
    keywords: z.array(z.string().min(1)).optional(),
    upvotes: z.number().int().nonnegative().optional(),
    sources: z.array(z.object({ listing: z.string(), line: z.number().int().positive(), key: z.string().optional() })).default([]),
    /** The user's: a listed paper excluded for good. Its entry stays (ingest would write it again), and the site shows it nowhere. */
    hidden: z.boolean().default(false),
    ...curatorFields,
  })
    .refine((data) => !data.mainTheme || data.themes.some((ref) => ref.id === data.mainTheme?.id), {
      path: ['mainTheme'],
      error: (issue) => `"${(issue.input as { mainTheme: { id: string } }).mainTheme.id}" is not one of the entry's themes`,
    })
    // The main theme first, as ingest writes it: the site takes a paper's first theme for its main one.
    .transform((data) => (data.mainTheme ? { ...data, themes: [data.mainTheme, ...data.themes.filter((ref) => ref.id !== data.mainTheme?.id)] } : data)),
});

export const collections = { themes, papers };
