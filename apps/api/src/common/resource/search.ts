import { Prisma } from '@rabta/db';
import { normalizeText } from '@rabta/domain';
import type { Db } from './resource';

/** Tables with a normalised, trigram-indexed `search_text`. */
export type SearchTable = 'initiatives' | 'people' | 'organizations' | 'milestones' | 'engagements' | 'agreements' | 'sources';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The terms of a query, normalised the way search_text was written (Urdu letter forms, digits, case). */
export function searchTerms(q: string | undefined): string[] {
  return normalizeText(q)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 6);
}

/**
 * A SQL condition on `<alias>.search_text`: every term must occur, as a substring or, for terms of three letters
 * or more, as a close misspelling of a word (pg_trgm word similarity; both use the GIN trigram index).
 */
export function searchCondition(terms: string[], alias = ''): Prisma.Sql {
  const col = Prisma.raw(`${alias ? `${alias}.` : ''}search_text`);
  return Prisma.join(
    terms.map((t) =>
      t.length >= 3
        ? Prisma.sql`(${col} LIKE ${`%${escapeLike(t)}%`} OR ${t} <% ${col})`
        : Prisma.sql`${col} LIKE ${`%${escapeLike(t)}%`}`,
    ),
    ' AND ',
  );
}

/** Ids of the rows matching `q`, for resources listed through Prisma (`where: { id: { in } }`). */
export async function matchingIds(db: Db, table: SearchTable, q: string): Promise<number[] | undefined> {
  const terms = searchTerms(q);
  if (terms.length === 0) return undefined;
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE ${searchCondition(terms)} LIMIT 10000`;
  return rows.map((r) => r.id);
}
