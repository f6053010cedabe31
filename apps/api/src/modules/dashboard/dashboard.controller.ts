import { Controller, Get } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { ApiOperation } from '../../common/http/openapi-meta';
import { ZodQuery } from '../../common/http/zod';
import { DashboardSchema, type Dashboard } from '@rabta/domain';
import { DashboardService } from './dashboard.service';

const DashboardQuery = z.strictObject({ asOf: z.string().optional(), knownAt: z.string().optional() });

@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Access('viewer')
  @ApiOperation({
    kind: 'action',
    schema: DashboardSchema,
    query: DashboardQuery,
    summary:
      'Counts by stage × sector, health, overdue and upcoming milestones, stale initiatives, recent changes; honours asOf/knownAt',
  })
  get(@ZodQuery(DashboardQuery) query: z.infer<typeof DashboardQuery>): Promise<Dashboard> {
    return this.dashboard.dashboard(query);
  }
}
