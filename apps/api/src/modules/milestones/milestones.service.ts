import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { parseAsOf, type AsOf } from '../../common/http/as-of';
import { parseListQuery } from '../../common/http/list-query';
import type { ResourceService } from '../../common/resource/resource.service';
import { searchCondition, searchTerms } from '../../common/resource/search';
import { dateOnly } from '../../common/resource/wire';
import { MilestoneFilterSchema, milestonesResource, toMilestone, type MilestoneRow } from './milestones.resource';

const SORT_SQL: Record<string, string> = {
  id: 'v.id',
  plannedDate: 'v.planned',
  actualDate: 'v.actual',
  titleEn: 'm.title_en',
  state: 'm.state',
  kind: 'm.kind',
  initiativeId: 'm.initiative_id',
  updatedAt: 'm.updated_at',
};

/** SQL for a milestone's planned date as announced by a view (the latest ledger entry announced and recorded by then). */
export function plannedAsOfSql(asOf: AsOf, alias = 'm'): Prisma.Sql {
  return Prisma.sql`(SELECT dc.new_date FROM milestone_date_changes dc
      WHERE dc.milestone_id = ${Prisma.raw(`${alias}.id`)} AND dc.announced_on < ${asOf.effectiveBefore} AND dc.recorded_at <= ${asOf.knownAt}
      ORDER BY dc.announced_on DESC, dc.recorded_at DESC, dc.id DESC LIMIT 1)`;
}

/** Milestone reads: the current list through the resource kit, "as of" views in SQL over the ledger. */
@Injectable()
export class MilestonesService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(
    kit: ResourceService,
    query: Record<string, unknown>,
    user: AuthUser,
  ): Promise<{ rows: Record<string, unknown>[]; total: number; start: number }> {
    const asOf = parseAsOf(query);
    if (!asOf) return kit.list(query, user);
    const { sort, range, filter } = parseListQuery(query, {
      sortable: Object.keys(milestonesResource.sortable),
      defaultSort: milestonesResource.defaultSort,
      filter: MilestoneFilterSchema,
    });
    const where: Prisma.Sql[] = [Prisma.sql`m.created_at <= ${asOf.knownAt}`];
    const ids = filter.id === undefined ? undefined : Array.isArray(filter.id) ? filter.id : [filter.id];
    if (ids) where.push(Prisma.sql`m.id IN (${Prisma.join(ids.length ? ids : [0])})`);
    if (filter.initiativeId) where.push(Prisma.sql`m.initiative_id = ${filter.initiativeId}`);
    if (filter.kind) where.push(Prisma.sql`m.kind::text = ${filter.kind}`);
    if (filter.ownerOrganizationId) where.push(Prisma.sql`m.owner_organization_id = ${filter.ownerOrganizationId}`);
    if (filter.ownerPersonId) where.push(Prisma.sql`m.owner_person_id = ${filter.ownerPersonId}`);
    const terms = searchTerms(filter.q);
    if (terms.length) where.push(searchCondition(terms, 'm', 'fuzzy'));
    const outer: Prisma.Sql[] = [];
    if (filter.plannedDate_gte) outer.push(Prisma.sql`v.planned >= ${dateOnly(filter.plannedDate_gte)}`);
    if (filter.plannedDate_lte) outer.push(Prisma.sql`v.planned <= ${dateOnly(filter.plannedDate_lte)}`);
    const day = dateOnly(asOf.day)!;
    if (filter.overdue === true)
      outer.push(Prisma.sql`v.planned < ${day} AND v.actual IS NULL AND m.state <> 'cancelled'`);
    if (filter.overdue === false)
      outer.push(
        Prisma.sql`NOT (v.planned < ${day} AND v.actual IS NULL AND m.state <> 'cancelled') OR v.planned IS NULL`,
      );
    if (filter.state) {
      const states = Array.isArray(filter.state) ? filter.state : [filter.state];
      outer.push(
        Prisma.sql`(CASE WHEN v.actual IS NOT NULL THEN 'achieved' WHEN m.state = 'achieved' THEN 'in_progress' ELSE m.state::text END) IN (${Prisma.join(states)})`,
      );
    }
    const order = sort.order === 'ASC' ? 'ASC' : 'DESC';
    const expr = SORT_SQL[sort.field] ?? 'v.planned';
    const page = await this.prisma.$queryRaw<
      { id: number; planned: Date | null; actual: Date | null; total: bigint }[]
    >`
      WITH v AS (
        SELECT m.id, ${plannedAsOfSql(asOf)} AS planned,
               CASE WHEN m.actual_date IS NOT NULL AND m.actual_date < ${asOf.effectiveBefore} THEN m.actual_date END AS actual
        FROM milestones m WHERE ${Prisma.join(where, ' AND ')}
      )
      SELECT v.id, v.planned, v.actual, count(*) OVER () AS total
      FROM v JOIN milestones m ON m.id = v.id ${outer.length ? Prisma.sql`WHERE ${Prisma.join(outer, ' AND ')}` : Prisma.empty}
      ORDER BY ${Prisma.raw(`${expr} ${order} NULLS LAST, v.id ${order}`)}
      LIMIT ${range.end - range.start + 1} OFFSET ${range.start}`;
    const rows = (await this.prisma.milestone.findMany({
      where: { id: { in: page.map((p) => p.id) } },
      include: {
        dateChanges: { where: { recordedAt: { lte: asOf.knownAt }, announcedOn: { lt: asOf.effectiveBefore } } },
      },
    })) as MilestoneRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      rows: page.map((p) =>
        toMilestone(byId.get(p.id)!, {
          ledger: true,
          view: { plannedDate: p.planned, actualDate: p.actual, day: asOf.day },
        }),
      ),
      total: page.length ? Number(page[0].total) : 0,
      start: range.start,
    };
  }

  async getOne(
    kit: ResourceService,
    id: number,
    query: Record<string, unknown>,
    user: AuthUser,
  ): Promise<Record<string, unknown>> {
    if (!parseAsOf(query)) return kit.getOne(id, user);
    const { rows } = await this.list(kit, { ...query, filter: JSON.stringify({ id: [id] }), range: '[0,0]' }, user);
    if (!rows[0]) {
      await kit.getOne(id, user);
      throw new AppException('NOT_FOUND', `Milestone ${id} was not yet recorded at that date`);
    }
    return rows[0];
  }
}
