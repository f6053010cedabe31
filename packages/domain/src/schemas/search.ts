import { z } from 'zod';

// The app bar's one search box: GET /api/search?q=… finds initiatives, people, organisations, engagements,
// agreements and sources by the same folded search text their own lists search (text.ts foldForSearch).

export const SEARCH_KINDS = ['initiatives', 'people', 'organizations', 'engagements', 'agreements', 'sources'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const GlobalSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'Type something to search for').max(200, 'At most 200 characters'),
  /** Hits per kind (default 5). */
  limit: z.coerce.number().int().min(1).max(20).optional(),
});

export const SearchHitSchema = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  /** What tells it apart: an initiative's code, a meeting's or a signing's date, a source's publisher and date… */
  detail: z.string().nullable(),
  /** Within the signed-in analyst's sector scope (initiatives; always true for other roles). */
  inScope: z.boolean().optional(),
});

export const GlobalSearchSchema = z.object({
  q: z.string(),
  groups: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      /** How many match in all (the hits are the first `limit`). */
      total: z.number(),
      hits: z.array(SearchHitSchema),
    }),
  ),
});

export type GlobalSearch = z.infer<typeof GlobalSearchSchema>;
export type SearchHit = z.infer<typeof SearchHitSchema>;
