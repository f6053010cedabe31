import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CreateMilestoneSchema, MilestoneSchema, UpdateMilestoneSchema } from '@rabta/domain';
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
import { resourceServiceToken } from '../../common/resource/resource.controller';
import type { ResourceService } from '../../common/resource/resource.service';
import { MilestoneFilterSchema } from './milestones.resource';
import { MilestonesService } from './milestones.service';

@Controller('milestones')
export class MilestonesController {
  constructor(
    @Inject(resourceServiceToken('milestones')) private readonly kit: ResourceService,
    private readonly milestones: MilestonesService,
  ) {}

  @Get()
  @Access('viewer')
  @ApiOperation({
    kind: 'list',
    resource: 'milestones',
    schema: MilestoneSchema,
    filter: MilestoneFilterSchema,
    summary: 'Milestones; ?asOf/&knownAt show planned dates as announced by then',
  })
  @CompiledResponse(z.array(MilestoneSchema))
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown[]> {
    const { rows, total, start } = await this.milestones.list(query);
    setContentRange(reply, 'milestones', start, rows.length, total);
    return rows;
  }

  @Get('export')
  @Access('viewer')
  @ApiOperation({
    kind: 'action',
    resource: 'milestones',
    query: ExportQuerySchema,
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    summary: 'Every matching milestone as CSV or XLSX',
  })
  export(
    @ZodQuery(ExportQuerySchema) query: ExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return sendExport(reply, 'milestones', columnsOf(MilestoneSchema), (page) => this.milestones.list(page), query);
  }

  @Get(':id')
  @Access('viewer')
  @ApiOperation({
    kind: 'get',
    resource: 'milestones',
    schema: MilestoneSchema,
    summary: 'A milestone with its announced-vs-delivered ledger',
  })
  @CompiledResponse(MilestoneSchema)
  getOne(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: AuthUser,
  ): Promise<unknown> {
    return this.milestones.getOne(this.kit, id, query, user);
  }

  @Post()
  @HttpCode(201)
  @Access('analyst')
  @ApiOperation({ kind: 'create', resource: 'milestones', schema: MilestoneSchema, body: CreateMilestoneSchema })
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.kit.create(body, user);
  }

  @Put(':id')
  @Access('analyst')
  @ApiOperation({
    kind: 'update',
    resource: 'milestones',
    schema: MilestoneSchema,
    body: UpdateMilestoneSchema,
    summary: 'A new plannedDate is recorded in the ledger (with `announcement`)',
  })
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<unknown> {
    return this.kit.update(id, body, ifMatch, user);
  }

  @Delete(':id')
  @Access('analyst')
  @ApiOperation({ kind: 'delete', resource: 'milestones', schema: MilestoneSchema })
  remove(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.kit.remove(id, user);
  }
}
