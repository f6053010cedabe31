import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import type { Milestone } from '@rabta/domain';
import { MILESTONE_SORTABLE, MilestonesAsOf } from '../../common/as-of/milestones.as-of';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { parseAsOf } from '../../common/http/as-of';
import { parseListQuery } from '../../common/http/list-query';
import type { ResourceService } from '../../common/resource/resource.service';
import { groupBy } from '../../common/collections';
import { factsOf, toMilestone } from './milestones.mapper';
import { MilestoneFilterSchema, milestoneFilterOf, milestonesResource } from './milestones.resource';

/** Milestone reads, in the present or as of a view, through the one as-of query (MilestonesAsOf). */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly asOf: MilestonesAsOf,
  ) {}

  async list(query: Record<string, unknown>): Promise<{ rows: Milestone[]; total: number; start: number }> {
    const view = parseAsOf(query);
    const { sort, range, filter } = parseListQuery(query, {
      sortable: MILESTONE_SORTABLE,
      defaultSort: milestonesResource.defaultSort,
      filter: MilestoneFilterSchema,
    });
    const { rows, total } = await this.asOf.page(
      milestoneFilterOf(filter),
      { sort, offset: range.start, limit: range.end - range.start + 1 },
      view,
    );
    const ledgers = groupBy(
      await this.asOf.ledger(
        rows.map((r) => r.id),
        view,
      ),
      (c) => c.milestoneId,
    );
    return {
      rows: rows.map((r) => toMilestone(factsOf(r), ledgers.get(r.id) ?? [], view, { ledger: true })),
      total,
      start: range.start,
    };
  }

  async getOne(kit: ResourceService, id: number, query: Record<string, unknown>, user: AuthUser): Promise<Milestone> {
    const view = parseAsOf(query);
    if (!view) return kit.getOne(id, user) as Promise<Milestone>;
    const { rows } = await this.list({ ...query, filter: JSON.stringify({ id: [id] }), range: '[0,0]' });
    if (!rows[0]) {
      if (!(await this.prisma.milestone.count({ where: { id } }))) throw AppException.notFound('Milestone', id);
      throw new AppException('NOT_FOUND', `Milestone ${id} was not yet recorded at that date`);
    }
    return rows[0];
  }
}
