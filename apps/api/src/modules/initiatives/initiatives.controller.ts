import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  CreateInitiativeSchema,
  CreateStatusUpdateSchema,
  CreateStatusUpdateWithInitiativeSchema,
  InitiativeSchema,
  StatusUpdateSchema,
  UpdateInitiativeSchema,
  type Initiative,
  HistoryEventSchema,
  TimelineItemSchema,
  type HistoryEvent,
  type TimelineItem,
} from '@rabta/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { ParseIdPipe } from '../../common/http/id.pipe';
import { setContentRange } from '../../common/http/list-query';
import { CompiledResponse } from '../../common/http/compiled-response';
import { ApiOperation } from '../../common/http/openapi-meta';
import { ZodQuery } from '../../common/http/zod';
import { columnsOf, ExportQuerySchema, sendExport, type ExportQuery } from '../../common/resource/export';
import { InitiativeFilterSchema, InitiativesService } from './initiatives.service';
import { HistoryService } from './history.service';
import { StatusUpdatesService } from './status-updates.service';
import { TimelineService } from './timeline.service';

const AsOfQuery = z.strictObject({ asOf: z.string().optional(), knownAt: z.string().optional() });
const DeleteQuery = z.strictObject({ purge: z.enum(['true', 'false']).optional() });
const StatusUpdateCreated = StatusUpdateSchema.extend({
  initiative: z.object({ id: z.number(), stage: z.string(), health: z.string(), version: z.number() }),
});

@Controller('initiatives')
export class InitiativesController {
  constructor(
    private readonly initiatives: InitiativesService,
    private readonly statusUpdates: StatusUpdatesService,
    private readonly timelines: TimelineService,
    private readonly histories: HistoryService,
  ) {}

  @Get()
  @Access('viewer')
  @ApiOperation({
    kind: 'list',
    resource: 'initiatives',
    schema: InitiativeSchema,
    filter: InitiativeFilterSchema,
    summary:
      'Initiatives; with ?asOf=YYYY-MM-DD each shows the stage and health it had then, and ?knownAt= ignores what was recorded later',
  })
  @CompiledResponse(z.array(InitiativeSchema))
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Initiative[]> {
    const { rows, total, start } = await this.initiatives.list(query);
    setContentRange(reply, 'initiatives', start, rows.length, total);
    return rows;
  }

  @Get('export')
  @Access('viewer')
  @ApiOperation({
    kind: 'action',
    resource: 'initiatives',
    query: ExportQuerySchema,
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    summary: 'Every matching initiative as CSV or XLSX',
  })
  export(
    @ZodQuery(ExportQuerySchema) query: ExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return sendExport(reply, 'initiatives', columnsOf(InitiativeSchema), (page) => this.initiatives.list(page), query);
  }

  @Get(':id')
  @Access('viewer')
  @ApiOperation({ kind: 'get', resource: 'initiatives', schema: InitiativeSchema, query: AsOfQuery })
  @CompiledResponse(InitiativeSchema)
  getOne(
    @Param('id', ParseIdPipe) id: number,
    @ZodQuery(AsOfQuery) query: z.infer<typeof AsOfQuery>,
  ): Promise<Initiative> {
    return this.initiatives.getOne(id, query);
  }

  @Get(':id/timeline')
  @Access('viewer')
  @ApiOperation({
    kind: 'action',
    resource: 'initiatives',
    schema: z.array(TimelineItemSchema),
    query: AsOfQuery,
    summary:
      'Status updates, milestones and their date changes, engagements, decisions, agreements and evidence, oldest first',
  })
  timeline(
    @Param('id', ParseIdPipe) id: number,
    @ZodQuery(AsOfQuery) query: z.infer<typeof AsOfQuery>,
  ): Promise<TimelineItem[]> {
    return this.timelines.timeline(id, query);
  }

  @Get(':id/history')
  @Access('viewer')
  @ApiOperation({
    kind: 'action',
    resource: 'initiatives',
    schema: z.array(HistoryEventSchema),
    summary: 'Who changed the initiative, its milestones and its status updates: what, when, old → new (newest first)',
  })
  history(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<HistoryEvent[]> {
    return this.histories.history(id, user);
  }

  @Post()
  @HttpCode(201)
  @Access('analyst')
  @ApiOperation({ kind: 'create', resource: 'initiatives', schema: InitiativeSchema, body: CreateInitiativeSchema })
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<Initiative> {
    return this.initiatives.create(body, user);
  }

  @Put(':id')
  @Access('analyst')
  @ApiOperation({
    kind: 'update',
    resource: 'initiatives',
    schema: InitiativeSchema,
    body: UpdateInitiativeSchema,
    summary: 'Stage and health change only through status updates; {archivedAt: null} restores',
  })
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<Initiative> {
    return this.initiatives.update(id, body, ifMatch, user);
  }

  @Delete(':id')
  @Access('analyst')
  @ApiOperation({
    kind: 'delete',
    resource: 'initiatives',
    schema: InitiativeSchema,
    query: DeleteQuery,
    summary: 'Archives; ?purge=true deletes an archived initiative for good (admin)',
  })
  remove(
    @Param('id', ParseIdPipe) id: number,
    @ZodQuery(DeleteQuery) query: z.infer<typeof DeleteQuery>,
    @CurrentUser() user: AuthUser,
  ): Promise<Initiative> {
    return this.initiatives.remove(id, query.purge === 'true', user);
  }

  @Post(':id/status-updates')
  @HttpCode(201)
  @Access('analyst')
  @ApiOperation({
    kind: 'action',
    resource: 'status-updates',
    schema: StatusUpdateCreated,
    body: CreateStatusUpdateSchema,
    summary: 'Record a stage and/or health change with its evidence',
    responses: { 422: 'INVALID_TRANSITION (with `allowed`) or EVIDENCE_REQUIRED' },
  })
  recordStatus(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ): Promise<unknown> {
    return this.statusUpdates.record(id, this.statusUpdates.parse(body), user);
  }
}

/** react-admin's create for status-updates: the initiative goes in the body. */
@Controller('status-updates')
export class StatusUpdatesCreateController {
  constructor(private readonly statusUpdates: StatusUpdatesService) {}

  @Post()
  @HttpCode(201)
  @Access('analyst')
  @ApiOperation({
    kind: 'create',
    resource: 'status-updates',
    schema: StatusUpdateCreated,
    body: CreateStatusUpdateWithInitiativeSchema,
  })
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<unknown> {
    const { initiativeId, input } = this.statusUpdates.parseWithInitiative(body);
    return this.statusUpdates.record(initiativeId, input, user);
  }
}
