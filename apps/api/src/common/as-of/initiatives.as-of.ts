import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient, queryRows } from '@rabta/db';
import { INACTIVE_STAGES, staleCutoff, type Health, type InitiativeStage } from '@rabta/domain';
import type { Db } from '../resource/resource';
import { sqlIsoDate, sqlIsoTs } from '../resource/wire';
import { canBeFuzzy, searchCondition, searchTerms } from '../resource/search';
import { knownRowsSql, snapshotsSql, type KnownColumn } from './known-at';
import { readsAsKnown, staleDay, type View } from './view';

// Initiatives in a view: the one query behind the initiative list and record, the dashboard and every report.
//   - stage and health: the latest status update effective before the view's end and recorded by its knownAt
//     (ties: the later recorded, then the later id); in the present, the initiative's current columns;
//   - existence: a status update giving its stage, effective and recorded by then;
//   - last evidence: the newest publication date of a source cited for it, published by the view's day and
//     recorded by its knownAt;
//   - with an explicit knownAt, every attribute edited in place (titles, sectors, countries, leads, archived…) as
//     the audit log says it was then (known-at.ts), so filters, sorts and totals work on what was known.

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
  /** Calendar dates and moments come as their wire text (sqlIsoDate, sqlIsoTs). */
  start_date: string | null;
  target_date: string | null;
  estimated_value: string | null;
  currency: string | null;
  tags: string[];
  focal_person_id: number | null;
  version: number;
  archived_at: string | null;
  created_by_id: number | null;
  created_at: string;
  updated_at: string;
  sector_ids: number[];
  countries: { code: string; role: string }[];
  lead_ids: number[];
  /** The publication date (a calendar date) of the newest evidence in the view. */
  last_evidence_on: string | null;
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

/** The view's staleness: evidence published on `cutoff` or earlier is stale (the domain's staleCutoff). */
export interface Staleness {
  cutoff: string;
}

const latest = Prisma.sql`ORDER BY su.effective_at DESC, su.recorded_at DESC, su.id DESC LIMIT 1`;

/** The stage and health as of a view (SQL over `i`), or the current columns in the present. */
export function stageHealthSql(view: View): { stage: Prisma.Sql; health: Prisma.Sql } {
  if (!view) return { stage: Prisma.sql`i.stage`, health: Prisma.sql`i.health` };
  const clocks = Prisma.sql`su.initiative_id = i.id AND su.effective_at < ${view.effectiveBefore} AND su.recorded_at <= ${view.knownAt}`;
  return {
    stage: Prisma.sql`(SELECT su.to_stage FROM status_updates su WHERE ${clocks} AND su.to_stage IS NOT NULL ${latest})`,
    health: Prisma.sql`COALESCE((SELECT su.to_health FROM status_updates su WHERE ${clocks} AND su.to_health IS NOT NULL ${latest}), 'not_assessed'::health)`,
  };
}

/**
 * The newest publication date of the evidence for `i` in the view: its source published by the view's day, the
 * evidence recorded by its knownAt (`published_on` is the source's date, kept beside the evidence by a trigger).
 */
export function lastEvidenceSql(view: View): Prisma.Sql {
  return view
    ? Prisma.sql`(SELECT max(e.published_on) FROM evidence e
                  WHERE e.initiative_id = i.id AND e.published_on <= ${view.day}::date AND e.recorded_at <= ${view.knownAt})`
    : Prisma.sql`(SELECT max(e.published_on) FROM evidence e WHERE e.initiative_id = i.id)`;
}

/** SQL: whether stage `stage` (an expression) is one of the domain's INACTIVE_STAGES. */
export const inactiveSql = (stage: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`${stage}::text IN (${Prisma.join([...INACTIVE_STAGES])})`;

/** The relations a view reads initiatives from: the tables, or (as known at an earlier moment) their known state. */
interface Relations {
  with: Prisma.Sql;
  initiatives: Prisma.Sql;
  sectors: Prisma.Sql;
  countries: Prisma.Sql;
  leads: Prisma.Sql;
}

const TABLES: Relations = {
  with: Prisma.empty,
  initiatives: Prisma.raw('initiatives'),
  sectors: Prisma.raw('initiative_sectors'),
  countries: Prisma.raw('initiative_countries'),
  leads: Prisma.raw('initiative_organizations'),
};

/** The initiatives and their links as known at the view's knownAt (the audit log's snapshots, known-at.ts). */
function knownRelations(knownAt: Date): Relations {
  const columns: KnownColumn[] = [
    ['code', 'code', 'text'],
    ['title_en', 'titleEn', 'text'],
    ['title_ur', 'titleUr', 'text'],
    ['summary_en', 'summaryEn', 'text'],
    ['summary_ur', 'summaryUr', 'text'],
    ['health_confidence', 'healthConfidence', 'confidence'],
    ['priority', 'priority', 'priority'],
    ['location_en', 'locationEn', 'text'],
    ['location_ur', 'locationUr', 'text'],
    ['start_date', 'startDate', 'date'],
    ['target_date', 'targetDate', 'date'],
    ['estimated_value', 'estimatedValue', 'numeric'],
    ['currency', 'currency', 'text'],
    ['tags', 'tags', 'text[]'],
    ['focal_person_id', 'focalPersonId', 'int'],
    ['version', 'version', 'int'],
    ['archived_at', 'archivedAt', 'timestamptz'],
    ['created_by_id', 'createdById', 'int'],
    ['created_at', 'createdAt', 'timestamptz'],
    ['updated_at', 'updatedAt', 'timestamptz'],
  ];
  // Stage and health come from the status history in every view; search_text is not in the snapshots.
  const kept = ['id', 'stage', 'health', 'stage_since', 'search_text'];
  const elements = (field: string) =>
    Prisma.raw(
      `jsonb_array_elements(CASE WHEN jsonb_typeof(s.before->'${field}') = 'array' THEN s.before->'${field}' ELSE '[]' END)`,
    );
  const unchanged = (table: string) =>
    Prisma.raw(`${table} x WHERE NOT EXISTS (SELECT 1 FROM snap s WHERE s.id = x.initiative_id)`);
  const changed = Prisma.raw(`jsonb_typeof(s.before) = 'object' AND s.action <> 'create'`);
  return {
    with: Prisma.sql`WITH snap AS MATERIALIZED (${snapshotsSql('initiatives', knownAt)}),
    known_initiatives AS MATERIALIZED (${knownRowsSql('initiatives', 'snap', kept, columns, knownAt)}),
    known_sectors AS (
      SELECT x.initiative_id, x.sector_id FROM ${unchanged('initiative_sectors')}
      UNION ALL SELECT s.id, (v #>> '{}')::int FROM snap s CROSS JOIN LATERAL ${elements('sectorIds')} v WHERE ${changed}),
    known_countries AS (
      SELECT x.initiative_id, x.country_code::text, x.role FROM ${unchanged('initiative_countries')}
      UNION ALL SELECT s.id, v->>'code', (v->>'role')::country_role FROM snap s CROSS JOIN LATERAL ${elements('countries')} v WHERE ${changed}),
    known_leads AS (
      SELECT x.initiative_id, x.organization_id FROM ${unchanged('initiative_organizations')}
      UNION ALL SELECT s.id, (v #>> '{}')::int FROM snap s CROSS JOIN LATERAL ${elements('leadOrganizationIds')} v WHERE ${changed})`,
    initiatives: Prisma.raw('known_initiatives'),
    sectors: Prisma.raw('known_sectors'),
    countries: Prisma.raw('known_countries'),
    leads: Prisma.raw('known_leads'),
  };
}

/** The view's staleness for the stale setting: evidence published on the cut-off or earlier is stale. */
export function stalenessOf(view: View, staleAfterDays: number): Staleness {
  return { cutoff: staleCutoff(staleDay(view), staleAfterDays) };
}

@Injectable()
export class InitiativesAsOf {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * One page of initiatives as seen in the view, with the total of matching rows. The page is cut first and the
   * expensive per-row columns (arrays, last evidence, the as-of stage and health) are computed for its rows only,
   * unless a filter or the sort needs them for every row.
   */
  async page(
    filter: InitiativeFilter,
    page: PageRequest,
    view: View,
    staleness: Staleness,
    db: Db = this.prisma,
  ): Promise<{ rows: InitiativeRow[]; total: number }> {
    const exact = await this.pageIn('exact', filter, page, view, staleness, db);
    const terms = searchTerms(filter.q);
    // Nothing found as typed: try again allowing misspellings.
    if (exact.total === 0 && canBeFuzzy(terms)) return this.pageIn('fuzzy', filter, page, view, staleness, db);
    return exact;
  }

  /** One initiative in the view (archived or not), or undefined when the view does not hold it. */
  async one(id: number, view: View, staleness: Staleness, db: Db = this.prisma): Promise<InitiativeRow | undefined> {
    const { rows } = await this.page(
      { id: [id], archived: 'all' },
      { sort: { field: 'id', order: 'ASC' }, offset: 0, limit: 1 },
      view,
      staleness,
      db,
    );
    return rows[0];
  }

  private async pageIn(
    searchMode: 'exact' | 'fuzzy',
    filter: InitiativeFilter,
    page: PageRequest,
    view: View,
    staleness: Staleness,
    db: Db,
  ): Promise<{ rows: InitiativeRow[]; total: number }> {
    const rel = readsAsKnown(view) ? knownRelations(view!.knownAt) : TABLES;
    const state = stageHealthSql(view);
    const where: Prisma.Sql[] = [];
    if (filter.id) where.push(Prisma.sql`i.id IN (${Prisma.join(filter.id.length ? filter.id : [0])})`);
    const terms = searchTerms(filter.q);
    if (terms.length) where.push(searchCondition(terms, 'i', searchMode));
    if (filter.archived === true) where.push(Prisma.sql`i.archived_at IS NOT NULL`);
    else if (filter.archived !== 'all' && !filter.id) where.push(Prisma.sql`i.archived_at IS NULL`);
    if (filter.sectorId?.length) {
      where.push(
        Prisma.sql`EXISTS (SELECT 1 FROM ${rel.sectors} s WHERE s.initiative_id = i.id AND s.sector_id IN (${Prisma.join(filter.sectorId)}))`,
      );
    }
    if (filter.countryCode?.length) {
      where.push(
        Prisma.sql`EXISTS (SELECT 1 FROM ${rel.countries} c WHERE c.initiative_id = i.id AND c.country_code IN (${Prisma.join(filter.countryCode)}))`,
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
    if (view && !view.knownAtGiven) where.push(Prisma.sql`i.stage_since < ${view.effectiveBefore}`);
    else if (view) {
      where.push(Prisma.sql`EXISTS (SELECT 1 FROM status_updates su WHERE su.initiative_id = i.id AND su.to_stage IS NOT NULL
                                   AND su.effective_at < ${view.effectiveBefore} AND su.recorded_at <= ${view.knownAt})`);
    }
    const evidence = lastEvidenceSql(view);
    // Stale (the domain's isStale): active, and no evidence published after the cut-off.
    if (filter.stale === true)
      where.push(
        Prisma.sql`NOT ${inactiveSql(state.stage)} AND (${evidence} IS NULL OR ${evidence} <= ${staleness.cutoff}::date)`,
      );
    if (filter.stale === false)
      where.push(Prisma.sql`(${inactiveSql(state.stage)} OR ${evidence} > ${staleness.cutoff}::date)`);
    // Stage and health are plain columns now; in a view, filters on them need every row's as-of value.
    if (filter.stage?.length) where.push(Prisma.sql`${state.stage}::text IN (${Prisma.join(filter.stage)})`);
    if (filter.health?.length) where.push(Prisma.sql`${state.health}::text IN (${Prisma.join(filter.health)})`);

    const order = page.sort.order === 'ASC' ? 'ASC' : 'DESC';
    const nulls = order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
    const sortSql =
      page.sort.field === 'stage'
        ? state.stage
        : page.sort.field === 'health'
          ? state.health
          : page.sort.field === 'lastEvidenceAt'
            ? evidence
            : Prisma.raw(SORT_SQL[page.sort.field] ?? 'i.updated_at');
    const orderBy =
      page.sort.field === 'id'
        ? Prisma.raw(`i.id ${order}`)
        : Prisma.sql`${sortSql} ${Prisma.raw(`${order} ${nulls}, i.id ${order}`)}`;
    const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;

    // One statement: the page, each row carrying the total (an uncorrelated subquery, computed once). The hottest
    // read of the API: straight on the pool, past Prisma's engine (queryRows).
    const rows = await queryRows<InitiativeRow & { total: string }>(
      db,
      Prisma.sql`
      ${rel.with}
      SELECT i.id, i.code, i.title_en, i.title_ur, i.summary_en, i.summary_ur, ${state.stage} AS stage, ${state.health} AS health,
             i.health_confidence, i.priority, i.location_en, i.location_ur,
             ${sqlIsoDate(Prisma.raw('i.start_date'))} AS start_date, ${sqlIsoDate(Prisma.raw('i.target_date'))} AS target_date,
             i.estimated_value::text AS estimated_value, i.currency, i.tags, i.focal_person_id, i.version,
             ${sqlIsoTs(Prisma.raw('i.archived_at'))} AS archived_at, i.created_by_id,
             ${sqlIsoTs(Prisma.raw('i.created_at'))} AS created_at, ${sqlIsoTs(Prisma.raw('i.updated_at'))} AS updated_at,
             ARRAY(SELECT s.sector_id FROM ${rel.sectors} s WHERE s.initiative_id = i.id ORDER BY s.sector_id) AS sector_ids,
             COALESCE((SELECT json_agg(json_build_object('code', c.country_code, 'role', c.role) ORDER BY c.country_code)
                       FROM ${rel.countries} c WHERE c.initiative_id = i.id), '[]'::json) AS countries,
             ARRAY(SELECT l.organization_id FROM ${rel.leads} l WHERE l.initiative_id = i.id ORDER BY l.organization_id) AS lead_ids,
             ${sqlIsoDate(evidence)} AS last_evidence_on,
             (SELECT count(*) FROM ${rel.initiatives} i ${whereSql}) AS total
      FROM (SELECT i.* FROM ${rel.initiatives} i ${whereSql} ORDER BY ${orderBy} LIMIT ${page.limit} OFFSET ${page.offset}) i
      ORDER BY ${orderBy}`,
    );
    if (rows.length > 0) return { rows, total: Number(rows[0].total) };
    if (page.offset === 0) return { rows, total: 0 };
    // A page past the end still reports how many there are.
    const counted = await db.$queryRaw<
      { n: bigint }[]
    >`${rel.with} SELECT count(*) AS n FROM ${rel.initiatives} i ${whereSql}`;
    return { rows, total: Number(counted[0].n) };
  }
}
