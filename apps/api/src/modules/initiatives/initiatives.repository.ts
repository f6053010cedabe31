import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import type { Health, InitiativeStage } from '@rabta/domain';
import type { AsOf } from '../../common/http/as-of';
import type { Db } from '../../common/resource/resource';
import { canBeFuzzy, searchCondition, searchTerms } from '../../common/resource/search';

// Initiative lists are read in SQL: the "as of" view needs each initiative's stage and health at a date (the latest
// status update effective before it and recorded by the known-at moment), and the page, its total and every array
// field come back in one round trip.

export interface InitiativeFilter {
  id?: number[];
  q?: string;
  stage?: InitiativeStage[];
  health?: Health[];
  sectorId?: number[];
  countryCode?: string[];
  priority?: string[];
  focalPersonId?: number;
  archived?: boolean | 'all';
  stale?: boolean;
  tag?: string;
  updatedAt_gte?: Date;
  updatedAt_lte?: Date;
  targetDate_gte?: Date;
  targetDate_lte?: Date;
  createdById?: number;
}

export interface InitiativeRow {
  id: number;
  code: string;
  title_en: string;
  title_ur: string | null;
  summary_en: string | null;
  summary_ur: string | null;
  stage: InitiativeStage;
  health: Health;
  health_confidence: string | null;
  priority: string;
  location_en: string | null;
  location_ur: string | null;
  start_date: Date | null;
  target_date: Date | null;
  estimated_value: string | null;
  currency: string | null;
  tags: string[];
  focal_person_id: number | null;
  version: number;
  archived_at: Date | null;
  created_by_id: number | null;
  created_at: Date;
  updated_at: Date;
  sector_ids: number[];
  countries: { code: string; role: string }[];
  lead_ids: number[];
  last_evidence_at: Date | null;
}

/** A new initiative's columns, for insertMany. */
export interface NewInitiativeRow {
  code: string;
  titleEn: string;
  titleUr: string | null;
  summaryEn: string | null;
  summaryUr: string | null;
  stage: InitiativeStage;
  health: Health;
  healthConfidence: string | null;
  priority: string;
  locationEn: string | null;
  locationUr: string | null;
  startDate: Date | null;
  targetDate: Date | null;
  estimatedValue: number | null;
  currency: string | null;
  tags: string[];
  focalPersonId: number | null;
  createdById: number;
  stageSince: Date;
  searchText: string;
}

export interface NewStatusRow {
  initiativeId: number;
  toStage: InitiativeStage;
  toHealth: Health;
  healthConfidence: string | null;
  noteEn: string;
  noteUr: string;
  effectiveAt: Date;
  authorId: number;
}

/** Wire sort field → SQL expression over `i` (stage, health and lastEvidenceAt are computed per view). */
const SORT_SQL: Record<string, string> = {
  id: 'i.id',
  code: 'i.code',
  titleEn: 'i.title_en',
  titleUr: 'i.title_ur',
  stage: 'i.stage',
  health: 'i.health',
  priority: 'i.priority',
  startDate: 'i.start_date',
  targetDate: 'i.target_date',
  updatedAt: 'i.updated_at',
  createdAt: 'i.created_at',
  estimatedValue: 'i.estimated_value',
  lastEvidenceAt: 'i.updated_at',
};
export const INITIATIVE_SORTABLE = Object.keys(SORT_SQL);

export interface PageRequest {
  sort: { field: string; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
}

/** The stage and health as of a view (SQL over `i`), or the current columns. */
export function viewColumns(asOf: AsOf | undefined): { stage: Prisma.Sql; health: Prisma.Sql } {
  if (!asOf) return { stage: Prisma.sql`i.stage`, health: Prisma.sql`i.health` };
  const clocks = Prisma.sql`su.initiative_id = i.id AND su.effective_at < ${asOf.effectiveBefore} AND su.recorded_at <= ${asOf.knownAt}`;
  return {
    stage: Prisma.sql`(SELECT su.to_stage FROM status_updates su WHERE ${clocks} AND su.to_stage IS NOT NULL
                       ORDER BY su.effective_at DESC, su.recorded_at DESC, su.id DESC LIMIT 1)`,
    health: Prisma.sql`COALESCE((SELECT su.to_health FROM status_updates su WHERE ${clocks} AND su.to_health IS NOT NULL
                       ORDER BY su.effective_at DESC, su.recorded_at DESC, su.id DESC LIMIT 1), 'not_assessed'::health)`,
  };
}

/** When evidence was last recorded for `i` (as known in the view). */
export function lastEvidenceSql(asOf: AsOf | undefined): Prisma.Sql {
  return asOf
    ? Prisma.sql`(SELECT max(e.recorded_at) FROM evidence e WHERE e.initiative_id = i.id AND e.recorded_at <= ${asOf.knownAt})`
    : Prisma.sql`(SELECT max(e.recorded_at) FROM evidence e WHERE e.initiative_id = i.id)`;
}

@Injectable()
export class InitiativesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * One page of initiatives as seen in the view, with the total of matching rows. The page is cut first and the
   * expensive per-row columns (arrays, last evidence, the as-of stage and health) are computed for its rows only,
   * unless a filter or the sort needs them for every row.
   */
  async page(
    filter: InitiativeFilter,
    page: PageRequest,
    asOf: AsOf | undefined,
    staleBefore: Date,
    db: Db = this.prisma,
  ): Promise<{ rows: InitiativeRow[]; total: number }> {
    const exact = await this.pageIn('exact', filter, page, asOf, staleBefore, db);
    const terms = searchTerms(filter.q);
    // Nothing found as typed: try again allowing misspellings.
    if (exact.total === 0 && canBeFuzzy(terms)) return this.pageIn('fuzzy', filter, page, asOf, staleBefore, db);
    return exact;
  }

  private async pageIn(
    searchMode: 'exact' | 'fuzzy',
    filter: InitiativeFilter,
    page: PageRequest,
    asOf: AsOf | undefined,
    staleBefore: Date,
    db: Db,
  ): Promise<{ rows: InitiativeRow[]; total: number }> {
    const view = viewColumns(asOf);
    const where: Prisma.Sql[] = [];
    if (filter.id) where.push(Prisma.sql`i.id IN (${Prisma.join(filter.id.length ? filter.id : [0])})`);
    const terms = searchTerms(filter.q);
    if (terms.length) where.push(searchCondition(terms, 'i', searchMode));
    if (filter.archived === true) where.push(Prisma.sql`i.archived_at IS NOT NULL`);
    else if (filter.archived !== 'all' && !filter.id) where.push(Prisma.sql`i.archived_at IS NULL`);
    if (filter.sectorId?.length) {
      where.push(
        Prisma.sql`EXISTS (SELECT 1 FROM initiative_sectors s WHERE s.initiative_id = i.id AND s.sector_id IN (${Prisma.join(filter.sectorId)}))`,
      );
    }
    if (filter.countryCode?.length) {
      where.push(
        Prisma.sql`EXISTS (SELECT 1 FROM initiative_countries c WHERE c.initiative_id = i.id AND c.country_code IN (${Prisma.join(filter.countryCode)}))`,
      );
    }
    if (filter.priority?.length) where.push(Prisma.sql`i.priority::text IN (${Prisma.join(filter.priority)})`);
    if (filter.focalPersonId) where.push(Prisma.sql`i.focal_person_id = ${filter.focalPersonId}`);
    if (filter.createdById) where.push(Prisma.sql`i.created_by_id = ${filter.createdById}`);
    if (filter.tag) where.push(Prisma.sql`${filter.tag} = ANY(i.tags)`);
    if (filter.updatedAt_gte) where.push(Prisma.sql`i.updated_at >= ${filter.updatedAt_gte}`);
    if (filter.updatedAt_lte) where.push(Prisma.sql`i.updated_at <= ${filter.updatedAt_lte}`);
    if (filter.targetDate_gte) where.push(Prisma.sql`i.target_date >= ${filter.targetDate_gte}`);
    if (filter.targetDate_lte) where.push(Prisma.sql`i.target_date <= ${filter.targetDate_lte}`);
    // In a view, an initiative exists once a status update giving its stage was effective and recorded by then.
    // With everything recorded so far, that is when its first stage took effect (stage_since, indexed).
    if (asOf && !asOf.knownAtGiven) where.push(Prisma.sql`i.stage_since < ${asOf.effectiveBefore}`);
    else if (asOf) {
      where.push(Prisma.sql`EXISTS (SELECT 1 FROM status_updates su WHERE su.initiative_id = i.id AND su.to_stage IS NOT NULL
                                   AND su.effective_at < ${asOf.effectiveBefore} AND su.recorded_at <= ${asOf.knownAt})`);
    }
    const evidence = lastEvidenceSql(asOf);
    if (filter.stale === true) where.push(Prisma.sql`(${evidence} IS NULL OR ${evidence} < ${staleBefore})`);
    if (filter.stale === false) where.push(Prisma.sql`${evidence} >= ${staleBefore}`);
    // Stage and health are plain columns now; in a view, filters on them need every row's as-of value.
    if (filter.stage?.length) where.push(Prisma.sql`${view.stage}::text IN (${Prisma.join(filter.stage)})`);
    if (filter.health?.length) where.push(Prisma.sql`${view.health}::text IN (${Prisma.join(filter.health)})`);

    const order = page.sort.order === 'ASC' ? 'ASC' : 'DESC';
    const nulls = order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
    const sortSql =
      page.sort.field === 'stage'
        ? view.stage
        : page.sort.field === 'health'
          ? view.health
          : page.sort.field === 'lastEvidenceAt'
            ? evidence
            : Prisma.raw(SORT_SQL[page.sort.field] ?? 'i.updated_at');
    const orderBy =
      page.sort.field === 'id'
        ? Prisma.raw(`i.id ${order}`)
        : Prisma.sql`${sortSql} ${Prisma.raw(`${order} ${nulls}, i.id ${order}`)}`;
    const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;

    // One statement: the page, each row carrying the total (an uncorrelated subquery, computed once).
    const rows = await db.$queryRaw<(InitiativeRow & { total: bigint })[]>`
      SELECT i.id, i.code, i.title_en, i.title_ur, i.summary_en, i.summary_ur, ${view.stage} AS stage, ${view.health} AS health,
             i.health_confidence, i.priority, i.location_en, i.location_ur, i.start_date, i.target_date,
             i.estimated_value::text AS estimated_value, i.currency, i.tags, i.focal_person_id, i.version, i.archived_at,
             i.created_by_id, i.created_at, i.updated_at,
             ARRAY(SELECT s.sector_id FROM initiative_sectors s WHERE s.initiative_id = i.id ORDER BY s.sector_id) AS sector_ids,
             COALESCE((SELECT json_agg(json_build_object('code', c.country_code, 'role', c.role) ORDER BY c.country_code)
                       FROM initiative_countries c WHERE c.initiative_id = i.id), '[]'::json) AS countries,
             ARRAY(SELECT l.organization_id FROM initiative_organizations l WHERE l.initiative_id = i.id ORDER BY l.organization_id) AS lead_ids,
             ${evidence} AS last_evidence_at,
             (SELECT count(*) FROM initiatives i ${whereSql}) AS total
      FROM (SELECT i.* FROM initiatives i ${whereSql} ORDER BY ${orderBy} LIMIT ${page.limit} OFFSET ${page.offset}) i
      ORDER BY ${orderBy}`;
    if (rows.length > 0) return { rows, total: Number(rows[0].total) };
    if (page.offset === 0) return { rows, total: 0 };
    // A page past the end still reports how many there are.
    const counted = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM initiatives i ${whereSql}`;
    return { rows, total: Number(counted[0].n) };
  }

  async one(
    id: number,
    asOf: AsOf | undefined,
    staleBefore: Date,
    db: Db = this.prisma,
  ): Promise<InitiativeRow | undefined> {
    const { rows } = await this.page(
      { id: [id], archived: 'all' },
      { sort: { field: 'id', order: 'ASC' }, offset: 0, limit: 1 },
      asOf,
      staleBefore,
      db,
    );
    return rows[0];
  }

  /**
   * Inserts many new initiatives in one statement: each column travels as one array parameter (unnest), so a
   * thousand rows cost one round trip and no per-value work in the client. Returns each new id by code.
   */
  async insertMany(db: Db, rows: NewInitiativeRow[]): Promise<{ id: number; code: string }[]> {
    const col = <K extends keyof NewInitiativeRow>(k: K) => rows.map((r) => r[k]);
    const iso = (k: 'startDate' | 'targetDate' | 'stageSince') => rows.map((r) => (r[k] ? r[k].toISOString() : null));
    return db.$queryRaw<{ id: number; code: string }[]>`
      INSERT INTO initiatives (code, title_en, title_ur, summary_en, summary_ur, stage, health, health_confidence,
                               priority, location_en, location_ur, start_date, target_date, estimated_value, currency,
                               tags, focal_person_id, created_by_id, stage_since, search_text, updated_at)
      SELECT x.code, x.title_en, x.title_ur, x.summary_en, x.summary_ur, x.stage::initiative_stage, x.health::health,
             x.health_confidence::confidence, x.priority::priority, x.location_en, x.location_ur,
             x.start_date::timestamptz::date, x.target_date::timestamptz::date, x.estimated_value::numeric, x.currency,
             ARRAY(SELECT json_array_elements_text(x.tags::json)), x.focal_person_id, x.created_by_id,
             x.stage_since::timestamptz, x.search_text, now()
      FROM unnest(${col('code')}::text[], ${col('titleEn')}::text[], ${col('titleUr')}::text[],
                  ${col('summaryEn')}::text[], ${col('summaryUr')}::text[], ${col('stage')}::text[], ${col('health')}::text[],
                  ${col('healthConfidence')}::text[], ${col('priority')}::text[], ${col('locationEn')}::text[],
                  ${col('locationUr')}::text[], ${iso('startDate')}::text[], ${iso('targetDate')}::text[],
                  ${rows.map((r) => (r.estimatedValue === null ? null : String(r.estimatedValue)))}::text[],
                  ${col('currency')}::text[], ${rows.map((r) => JSON.stringify(r.tags))}::text[],
                  ${col('focalPersonId')}::int[], ${col('createdById')}::int[], ${iso('stageSince')}::text[],
                  ${col('searchText')}::text[])
        AS x(code, title_en, title_ur, summary_en, summary_ur, stage, health, health_confidence, priority, location_en,
             location_ur, start_date, target_date, estimated_value, currency, tags, focal_person_id, created_by_id,
             stage_since, search_text)
      RETURNING id, code`;
  }

  /** The sectors, countries and lead organisations of many new initiatives, one statement each (as insertMany). */
  async insertLinks(
    db: Db,
    sectors: { initiativeId: number; sectorId: number }[],
    countries: { initiativeId: number; countryCode: string; role: string }[],
    leads: { initiativeId: number; organizationId: number }[],
  ): Promise<void> {
    if (sectors.length)
      await db.$executeRaw`INSERT INTO initiative_sectors (initiative_id, sector_id)
        SELECT * FROM unnest(${sectors.map((s) => s.initiativeId)}::int[], ${sectors.map((s) => s.sectorId)}::int[])`;
    if (countries.length)
      await db.$executeRaw`INSERT INTO initiative_countries (initiative_id, country_code, role)
        SELECT x.i, x.c, x.r::country_role FROM unnest(${countries.map((c) => c.initiativeId)}::int[],
          ${countries.map((c) => c.countryCode)}::text[], ${countries.map((c) => c.role)}::text[]) AS x(i, c, r)`;
    if (leads.length)
      await db.$executeRaw`INSERT INTO initiative_organizations (initiative_id, organization_id)
        SELECT * FROM unnest(${leads.map((l) => l.initiativeId)}::int[], ${leads.map((l) => l.organizationId)}::int[])`;
  }

  /** The first status update of many new initiatives, in one statement (as insertMany). */
  async insertInitialStatuses(db: Db, rows: NewStatusRow[]): Promise<void> {
    const col = <K extends keyof NewStatusRow>(k: K) => rows.map((r) => r[k]);
    await db.$executeRaw`
      INSERT INTO status_updates (initiative_id, to_stage, to_health, health_confidence, note_en, note_ur, effective_at,
                                  author_id, updated_at)
      SELECT x.initiative_id, x.to_stage::initiative_stage, x.to_health::health, x.health_confidence::confidence,
             x.note_en, x.note_ur, x.effective_at::timestamptz, x.author_id, now()
      FROM unnest(${col('initiativeId')}::int[], ${col('toStage')}::text[], ${col('toHealth')}::text[],
                  ${col('healthConfidence')}::text[], ${col('noteEn')}::text[], ${col('noteUr')}::text[],
                  ${rows.map((r) => r.effectiveAt.toISOString())}::text[], ${col('authorId')}::int[])
        AS x(initiative_id, to_stage, to_health, health_confidence, note_en, note_ur, effective_at, author_id)`;
  }

  /** The stage and health in force at a moment, from every recorded status update (for back-dated updates). */
  async stateAt(
    tx: Db,
    initiativeId: number,
    at: Date,
  ): Promise<{ stage: InitiativeStage | null; health: Health | null }> {
    const rows = await tx.$queryRaw<{ stage: InitiativeStage | null; health: Health | null }[]>`
      SELECT
        (SELECT to_stage FROM status_updates WHERE initiative_id = ${initiativeId} AND to_stage IS NOT NULL AND effective_at <= ${at}
          ORDER BY effective_at DESC, recorded_at DESC, id DESC LIMIT 1) AS stage,
        (SELECT to_health FROM status_updates WHERE initiative_id = ${initiativeId} AND to_health IS NOT NULL AND effective_at <= ${at}
          ORDER BY effective_at DESC, recorded_at DESC, id DESC LIMIT 1) AS health`;
    return rows[0];
  }

  /** Whether a later status update (by effective time) has already set the stage / the health. */
  async laterUpdates(tx: Db, initiativeId: number, at: Date): Promise<{ stage: boolean; health: boolean }> {
    const rows = await tx.$queryRaw<{ stage: boolean; health: boolean }[]>`
      SELECT bool_or(to_stage IS NOT NULL) AS stage, bool_or(to_health IS NOT NULL) AS health
      FROM status_updates WHERE initiative_id = ${initiativeId} AND effective_at > ${at}`;
    return { stage: rows[0]?.stage ?? false, health: rows[0]?.health ?? false };
  }
}
