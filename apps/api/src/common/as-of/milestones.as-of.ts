import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import { CLOSED_MILESTONE_STATES, type MilestoneState } from '@rabta/domain';
import type { Db } from '../resource/resource';
import { searchCondition, searchTerms } from '../resource/search';
import { knownRowsSql, snapshotsSql, type KnownColumn } from './known-at';
import { readsAsKnown, viewDay, type View } from './view';

// Milestones in a view: the one query behind the milestone list and record, the dashboard and every report.
//   - planned date: in the present, the milestone's own; in a view, the latest ledger entry announced by the view's
//     day and recorded by its knownAt;
//   - exists once recorded (by the view's knownAt);
//   - state, actual date and overdue: the domain's milestoneStateAsOf, actualDateAsOf and isMilestoneOverdue (the
//     rows carry the recorded values; the SQL below mirrors the rules only to filter and sort);
//   - with an explicit knownAt, the attributes edited in place as the audit log says they were then (known-at.ts).

/** A milestone as recorded (as known in the view), with its planned date as announced in the view. */
export interface MilestoneAsOfRow {
  id: number;
  initiative_id: number;
  title_en: string;
  title_ur: string | null;
  kind: string;
  /** As recorded (the domain's rules derive the state in a view). */
  state: MilestoneState;
  planned_date: Date | null;
  /** As recorded (actualDateAsOf keeps it only when delivered by the view's day). */
  actual_date: Date | null;
  owner_organization_id: number | null;
  owner_person_id: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface MilestoneFilter {
  id?: number[];
  q?: string;
  initiativeId?: number;
  initiativeIds?: number[];
  /** Of initiatives in any of these sectors, as they are now (the sectors an analyst may write to are today's). */
  sectorId?: number[];
  kind?: string;
  /** In the present, the recorded state; in a view, the state the rules give then. */
  state?: MilestoneState[];
  overdue?: boolean;
  /** Neither achieved nor cancelled in the view, with a planned date. */
  open?: boolean;
  plannedDate_gte?: string;
  plannedDate_lte?: string;
  /** Planned strictly before this day. */
  plannedBefore?: string;
  ownerOrganizationId?: number;
  ownerPersonId?: number;
  /** Delivered by the view's day (an actual date on or before it): achieved then. */
  delivered?: boolean;
  /** Delivered on or after this day. */
  deliveredFrom?: string;
  /** Also these milestones, whatever the other conditions (reports: records changed since their knownAt). */
  orIds?: number[];
}

const SORT_SQL: Record<string, string> = {
  id: 'm.id',
  plannedDate: 'm.planned_date',
  actualDate: 'm.actual_date',
  titleEn: 'm.title_en',
  state: 'm.state',
  kind: 'm.kind',
  initiativeId: 'm.initiative_id',
  updatedAt: 'm.updated_at',
};
export const MILESTONE_SORTABLE = Object.keys(SORT_SQL);

/** SQL: a milestone's planned date as announced in a view (over the milestone `alias`). */
export function plannedAsOfSql(view: NonNullable<View>, alias = 'm'): Prisma.Sql {
  return Prisma.sql`(SELECT dc.new_date FROM milestone_date_changes dc
      WHERE dc.milestone_id = ${Prisma.raw(`${alias}.id`)} AND dc.announced_on <= ${view.day}::date AND dc.recorded_at <= ${view.knownAt}
      ORDER BY dc.announced_on DESC, dc.recorded_at DESC, dc.id DESC LIMIT 1)`;
}

/** SQL mirror of the domain's milestoneStateAsOf over the recorded `m.state` and `m.actual_date`. */
export function stateAsOfSql(view: View): Prisma.Sql {
  const { day, present } = viewDay(view);
  return Prisma.sql`(CASE WHEN m.actual_date <= ${day}::date THEN 'achieved'
    WHEN m.state::text = 'achieved' ${present ? Prisma.sql`AND m.actual_date IS NOT NULL` : Prisma.empty} THEN 'in_progress'
    ELSE m.state::text END)`;
}

/** SQL mirror of the domain's isMilestoneOverdue (planned date as in the view). */
export function overdueSql(view: View): Prisma.Sql {
  const { day } = viewDay(view);
  return Prisma.sql`(m.planned_date < ${day}::date AND ${stateAsOfSql(view)} NOT IN (${Prisma.join([...CLOSED_MILESTONE_STATES])}))`;
}

const KNOWN_COLUMNS: KnownColumn[] = [
  ['initiative_id', 'initiativeId', 'int'],
  ['title_en', 'titleEn', 'text'],
  ['title_ur', 'titleUr', 'text'],
  ['kind', 'kind', 'milestone_kind'],
  ['planned_date', 'plannedDate', 'date'],
  ['actual_date', 'actualDate', 'date'],
  ['state', 'state', 'milestone_state'],
  ['owner_organization_id', 'ownerOrganizationId', 'int'],
  ['owner_person_id', 'ownerPersonId', 'int'],
  ['version', 'version', 'int'],
  ['created_at', 'createdAt', 'timestamptz'],
  ['updated_at', 'updatedAt', 'timestamptz'],
];

@Injectable()
export class MilestonesAsOf {
  constructor(private readonly prisma: PrismaClient) {}

  /** The milestones of the view matching `filter`, a page of them in `sort` order, and how many match. */
  async page(
    filter: MilestoneFilter,
    page: { sort: { field: string; order: 'ASC' | 'DESC' }; offset: number; limit: number },
    view: View,
    db: Db = this.prisma,
  ): Promise<{ rows: MilestoneAsOfRow[]; total: number }> {
    const asKnown = readsAsKnown(view);
    const withSql = asKnown
      ? Prisma.sql`WITH snap AS MATERIALIZED (${snapshotsSql('milestones', view!.knownAt)}),
          known_milestones AS MATERIALIZED (${knownRowsSql('milestones', 'snap', ['id', 'search_text'], KNOWN_COLUMNS, view!.knownAt)})`
      : Prisma.empty;
    const table = Prisma.raw(asKnown ? 'known_milestones' : 'milestones');

    // Conditions on the milestone's own columns, then (outer) on its planned date and state in the view.
    const inner: Prisma.Sql[] = [];
    if (view && !asKnown) inner.push(Prisma.sql`m.created_at <= ${view.knownAt}`);
    if (filter.id) inner.push(Prisma.sql`m.id IN (${Prisma.join(filter.id.length ? filter.id : [0])})`);
    if (filter.initiativeId) inner.push(Prisma.sql`m.initiative_id = ${filter.initiativeId}`);
    if (filter.initiativeIds) inner.push(Prisma.sql`m.initiative_id = ANY(${filter.initiativeIds}::int[])`);
    if (filter.sectorId?.length)
      inner.push(
        Prisma.sql`EXISTS (SELECT 1 FROM initiative_sectors s WHERE s.initiative_id = m.initiative_id AND s.sector_id = ANY(${filter.sectorId}::int[]))`,
      );
    if (filter.kind) inner.push(Prisma.sql`m.kind::text = ${filter.kind}`);
    if (filter.ownerOrganizationId) inner.push(Prisma.sql`m.owner_organization_id = ${filter.ownerOrganizationId}`);
    if (filter.ownerPersonId) inner.push(Prisma.sql`m.owner_person_id = ${filter.ownerPersonId}`);
    const terms = searchTerms(filter.q);
    if (terms.length) inner.push(searchCondition(terms, 'm', 'fuzzy'));
    // A delivery by the view's day closes a milestone whatever else it says: skip those early.
    if (filter.open) inner.push(Prisma.sql`(m.actual_date IS NULL OR m.actual_date > ${viewDay(view).day}::date)`);
    if (filter.delivered) inner.push(Prisma.sql`m.actual_date <= ${viewDay(view).day}::date`);
    if (filter.deliveredFrom) inner.push(Prisma.sql`m.actual_date >= ${filter.deliveredFrom}::date`);

    const outer: Prisma.Sql[] = [];
    if (filter.plannedDate_gte) outer.push(Prisma.sql`m.planned_date >= ${filter.plannedDate_gte}::date`);
    if (filter.plannedDate_lte) outer.push(Prisma.sql`m.planned_date <= ${filter.plannedDate_lte}::date`);
    if (filter.plannedBefore) outer.push(Prisma.sql`m.planned_date < ${filter.plannedBefore}::date`);
    if (filter.overdue === true) outer.push(overdueSql(view));
    if (filter.overdue === false) outer.push(Prisma.sql`NOT ${overdueSql(view)} IS TRUE`);
    if (filter.open)
      outer.push(
        Prisma.sql`m.planned_date IS NOT NULL AND ${stateAsOfSql(view)} NOT IN (${Prisma.join([...CLOSED_MILESTONE_STATES])})`,
      );
    if (filter.state?.length) {
      const state = view ? stateAsOfSql(view) : Prisma.sql`m.state::text`;
      outer.push(Prisma.sql`${state} IN (${Prisma.join(filter.state)})`);
    }
    const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`);
    let outerSql = and(outer);
    let innerSql = and(inner);
    if (filter.orIds?.length) {
      const extra = Prisma.sql`m.id = ANY(${filter.orIds}::int[])`;
      innerSql = Prisma.sql`((${innerSql}) OR ${extra})`;
      outerSql = Prisma.sql`((${outerSql}) OR ${extra})`;
    }

    const planned = view ? plannedAsOfSql(view) : Prisma.sql`m.planned_date`;
    const base = Prisma.sql`(SELECT m.id, m.initiative_id, m.title_en, m.title_ur, m.kind::text AS kind, m.state, m.actual_date,
        m.owner_organization_id, m.owner_person_id, m.version, m.created_at, m.updated_at, ${planned} AS planned_date
      FROM ${table} m WHERE ${innerSql}) m`;
    const order = page.sort.order === 'ASC' ? 'ASC' : 'DESC';
    const sortExpr =
      page.sort.field === 'state' && view
        ? stateAsOfSql(view)
        : Prisma.raw(SORT_SQL[page.sort.field] ?? 'm.planned_date');
    const orderBy = Prisma.sql`${sortExpr} ${Prisma.raw(`${order} NULLS LAST, m.id ${order}`)}`;
    const rows = await db.$queryRaw<(MilestoneAsOfRow & { total: bigint })[]>`
      ${withSql}
      SELECT m.*, (SELECT count(*) FROM ${base} WHERE ${outerSql}) AS total
      FROM (SELECT m.* FROM ${base} WHERE ${outerSql} ORDER BY ${orderBy} LIMIT ${page.limit} OFFSET ${page.offset}) m
      ORDER BY ${orderBy}`;
    if (rows.length > 0 || page.offset === 0) return { rows, total: rows.length ? Number(rows[0].total) : 0 };
    const counted = await db.$queryRaw<{ n: bigint }[]>`${withSql} SELECT count(*) AS n FROM ${base} WHERE ${outerSql}`;
    return { rows, total: Number(counted[0].n) };
  }

  /** Every milestone of the view matching `filter` (dashboard, reports), by planned date. */
  async all(filter: MilestoneFilter, view: View, db: Db = this.prisma): Promise<MilestoneAsOfRow[]> {
    const { rows } = await this.page(
      filter,
      { sort: { field: 'plannedDate', order: 'ASC' }, offset: 0, limit: 1_000_000 },
      view,
      db,
    );
    return rows;
  }

  /** The ledger of these milestones in the view: announced by its day and recorded by its knownAt, in order. */
  ledger(milestoneIds: number[], view: View, options: { announcedFrom?: Date } = {}, db: Db = this.prisma) {
    if (!milestoneIds.length) return Promise.resolve([]);
    const announcedOn = {
      ...(view ? { lte: new Date(`${view.day}T00:00:00.000Z`) } : {}),
      ...(options.announcedFrom ? { gte: options.announcedFrom } : {}),
    };
    return db.milestoneDateChange.findMany({
      where: {
        milestoneId: { in: milestoneIds },
        ...(Object.keys(announcedOn).length ? { announcedOn } : {}),
        ...(view ? { recordedAt: { lte: view.knownAt } } : {}),
      },
      include: {
        source: { select: { id: true, publisher: true, title: true, url: true, language: true, publishedAt: true } },
        announcedBy: { select: { nameEn: true, nameUr: true } },
      },
      orderBy: [{ announcedOn: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
    });
  }
}
