import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import { GlobalSearchQuerySchema, type GlobalSearch, type SearchHit, type SearchKind } from '@rabta/domain';
import type { z } from 'zod';
import type { AuthUser } from '../../common/auth/current-user';
import { canBeFuzzy, searchCondition, searchTerms, type SearchTable } from '../../common/resource/search';

const DEFAULT_LIMIT = 5;

interface Row {
  id: number;
  title_en: string;
  title_ur: string | null;
  detail: string | null;
  in_scope: boolean | null;
  total: bigint;
}

/**
 * One search over the records an analyst looks for by name: initiatives (not archived), people, organisations,
 * engagements, agreements and sources, each by its stored search text (folded as the query is). Every signed-in user
 * may read all of them; an analyst's initiatives within their sectors come first and are marked `inScope`.
 */
@Injectable()
export class SearchService {
  constructor(private readonly prisma: PrismaClient) {}

  async search(query: z.infer<typeof GlobalSearchQuerySchema>, user: AuthUser): Promise<GlobalSearch> {
    const terms = searchTerms(query.q);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const scoped = user.role === 'analyst' && user.sectorIds.length > 0;
    const kinds: SearchKind[] = ['initiatives', 'people', 'organizations', 'engagements', 'agreements', 'sources'];
    const groups = await Promise.all(
      kinds.map(async (kind) => {
        if (!terms.length) return { kind, total: 0, hits: [] as SearchHit[] };
        let rows = await this.find(kind, terms, 'exact', limit, scoped ? user.sectorIds : undefined);
        // Close misspellings, when nothing matches as typed (sources are long texts: as typed only).
        if (!rows.length && kind !== 'sources' && canBeFuzzy(terms))
          rows = await this.find(kind, terms, 'fuzzy', limit, scoped ? user.sectorIds : undefined);
        return {
          kind,
          total: rows.length ? Number(rows[0].total) : 0,
          hits: rows.map((r) => ({
            id: r.id,
            titleEn: r.title_en,
            titleUr: r.title_ur,
            detail: r.detail,
            ...(kind === 'initiatives' ? { inScope: r.in_scope ?? true } : {}),
          })),
        };
      }),
    );
    return { q: query.q, groups };
  }

  private find(
    kind: SearchKind,
    terms: string[],
    mode: 'exact' | 'fuzzy',
    limit: number,
    sectorIds: number[] | undefined,
  ): Promise<Row[]> {
    const table: SearchTable = kind;
    const where = searchCondition(terms, 't', mode);
    const inScope = sectorIds
      ? Prisma.sql`EXISTS (SELECT 1 FROM initiative_sectors s WHERE s.initiative_id = t.id AND s.sector_id = ANY(${sectorIds}::int[]))`
      : Prisma.sql`NULL::boolean`;
    const select: Record<SearchKind, { columns: Prisma.Sql; extra?: Prisma.Sql; order: Prisma.Sql }> = {
      initiatives: {
        columns: Prisma.sql`t.title_en, t.title_ur, t.code AS detail, ${inScope} AS in_scope`,
        extra: Prisma.sql`AND t.archived_at IS NULL`,
        order: sectorIds
          ? Prisma.sql`${inScope} DESC, t.updated_at DESC, t.id DESC`
          : Prisma.sql`t.updated_at DESC, t.id DESC`,
      },
      people: {
        columns: Prisma.sql`t.name_en AS title_en, t.name_ur AS title_ur, t.country_code AS detail, NULL::boolean AS in_scope`,
        order: Prisma.sql`t.name_en, t.id`,
      },
      organizations: {
        columns: Prisma.sql`t.name_en AS title_en, t.name_ur AS title_ur, t.acronym AS detail, NULL::boolean AS in_scope`,
        order: Prisma.sql`t.name_en, t.id`,
      },
      engagements: {
        columns: Prisma.sql`t.title_en, t.title_ur, to_char(t.start_date, 'YYYY-MM-DD') AS detail, NULL::boolean AS in_scope`,
        order: Prisma.sql`t.start_date DESC, t.id DESC`,
      },
      agreements: {
        columns: Prisma.sql`t.title_en, t.title_ur, to_char(t.signed_date, 'YYYY-MM-DD') AS detail, NULL::boolean AS in_scope`,
        order: Prisma.sql`t.signed_date DESC NULLS LAST, t.id DESC`,
      },
      sources: {
        columns: Prisma.sql`t.title AS title_en, CASE WHEN t.language = 'ur' THEN t.title END AS title_ur,
          t.publisher || ' · ' || to_char(t.published_at, 'YYYY-MM-DD') AS detail, NULL::boolean AS in_scope`,
        order: Prisma.sql`t.published_at DESC, t.id DESC`,
      },
    };
    const s = select[kind];
    return this.prisma.$queryRaw<Row[]>`
      SELECT t.id, ${s.columns}, count(*) OVER () AS total
      FROM ${Prisma.raw(`"${table}"`)} t
      WHERE ${where} ${s.extra ?? Prisma.empty}
      ORDER BY ${s.order} LIMIT ${limit}`;
  }
}
