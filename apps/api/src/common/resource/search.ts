import { Prisma } from '@rabta/db';
import { foldForSearch } from '@rabta/domain';
import type { Db } from './resource';

/** Tables with a normalised, trigram-indexed `search_text`. */
export type SearchTable =
  'initiatives' | 'people' | 'organizations' | 'milestones' | 'engagements' | 'agreements' | 'sources';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The terms of a query, folded the way search_text was written (Urdu letter forms, digits, case, plurals…). */
export function searchTerms(q: string | undefined): string[] {
  return foldForSearch(q)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 6);
}

/**
 * A SQL condition on `<alias>.search_text`: every term must occur as a substring (`exact`), or, in `fuzzy` mode,
 * terms of three letters or more may also be close misspellings of a word (pg_trgm word similarity). Both use the
 * GIN trigram index; the similarity recheck costs about ten times the substring test, so callers try exact first.
 */
export function searchCondition(terms: string[], alias = '', mode: 'exact' | 'fuzzy' = 'exact'): Prisma.Sql {
  const col = Prisma.raw(`${alias ? `${alias}.` : ''}search_text`);
  return Prisma.join(
    terms.map((t) =>
      mode === 'fuzzy' && t.length >= 3
        ? Prisma.sql`(${col} LIKE ${`%${escapeLike(t)}%`} OR ${t} <% ${col})`
        : Prisma.sql`${col} LIKE ${`%${escapeLike(t)}%`}`,
    ),
    ' AND ',
  );
}

/** Whether a query with no exact match is worth retrying for misspellings. */
export function canBeFuzzy(terms: string[]): boolean {
  return terms.some((t) => t.length >= 3);
}

/** Ids of the rows matching `q` (exactly, else allowing misspellings), for resources listed through Prisma. */
export async function matchingIds(db: Db, table: SearchTable, q: string): Promise<number[] | undefined> {
  const terms = searchTerms(q);
  if (terms.length === 0) return undefined;
  const find = (mode: 'exact' | 'fuzzy') =>
    db.$queryRaw<
      { id: number }[]
    >`SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE ${searchCondition(terms, '', mode)} LIMIT 10000`;
  let rows = await find('exact');
  if (rows.length === 0 && canBeFuzzy(terms)) rows = await find('fuzzy');
  return rows.map((r) => r.id);
}
