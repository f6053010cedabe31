import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  AcceptedProposalSchema,
  AcceptProposalSchema,
  CreateIntakeSchema,
  IntakeFilterSchema,
  IntakeListItemSchema,
  IntakeSchema,
  LinkMentionSchema,
  ProposalSchema,
  RejectProposalSchema,
  type Intake,
  type IntakeListItem,
  type Proposal,
} from '@rabta/domain';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { ParseIdPipe } from '../../common/http/id.pipe';
import { setContentRange } from '../../common/http/list-query';
import { ApiOperation } from '../../common/http/openapi-meta';
import { ZodBody } from '../../common/http/zod';
import { IntakeAcceptService, type AcceptResult } from './intake-accept.service';
import { IntakeService } from './intake.service';

@Controller('intake')
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly accepts: IntakeAcceptService,
  ) {}

  @Get()
  @Access('viewer')
  @ApiOperation({
    kind: 'list',
    resource: 'intake',
    schema: IntakeListItemSchema,
    filter: IntakeFilterSchema,
    sortable: ['id', 'createdAt'],
    summary: 'Articles brought in, newest first, with how many proposals are pending, accepted and rejected',
  })
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntakeListItem[]> {
    const { rows, total, start } = await this.intake.list(query);
    setContentRange(reply, 'intake', start, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Access('viewer')
  @ApiOperation({
    kind: 'get',
    resource: 'intake',
    schema: IntakeSchema,
    summary: 'An intake with its mentions and proposals',
  })
  getOne(@Param('id', ParseIdPipe) id: number): Promise<Intake> {
    return this.intake.getOne(id);
  }

  @Post()
  @HttpCode(201)
  @Access('analyst')
  @ApiOperation({
    kind: 'create',
    resource: 'intake',
    schema: IntakeSchema,
    body: CreateIntakeSchema,
    summary:
      'Bring in an article as text, HTML or a URL: it is stored as a Source (or found to be one already), read, and its proposals stored for review',
    responses: {
      413: 'PAYLOAD_TOO_LARGE: more than 1 MB of text',
      422: 'UNPROCESSABLE: the URL was refused, timed out, or is not an HTML or text page (the reason is in errors.url)',
    },
  })
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<Intake> {
    return this.intake.create(body, user);
  }

  @Post(':id/proposals/:proposalId/accept')
  @HttpCode(200)
  @Access('analyst')
  @ApiOperation({
    kind: 'action',
    resource: 'intake',
    schema: AcceptedProposalSchema,
    body: AcceptProposalSchema,
    summary:
      'Write what the proposal proposes (with `data` overriding its fields), through the same services as a manual edit, in one transaction',
    responses: { 409: 'CONFLICT: the proposal was already decided' },
  })
  accept(
    @Param('id', ParseIdPipe) id: number,
    @Param('proposalId', ParseIdPipe) proposalId: number,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ): Promise<AcceptResult> {
    return this.accepts.accept(id, proposalId, body, user);
  }

  @Post(':id/proposals/:proposalId/reject')
  @HttpCode(200)
  @Access('analyst')
  @ApiOperation({ kind: 'action', resource: 'intake', schema: ProposalSchema, summary: 'Reject a proposal' })
  reject(
    @Param('id', ParseIdPipe) id: number,
    @Param('proposalId', ParseIdPipe) proposalId: number,
    @ZodBody(RejectProposalSchema) _body: unknown,
    @CurrentUser() user: AuthUser,
  ): Promise<Proposal> {
    return this.intake.reject(id, proposalId, user);
  }

  @Post(':id/links')
  @HttpCode(200)
  @Access('analyst')
  @ApiOperation({
    kind: 'action',
    resource: 'intake',
    schema: IntakeSchema,
    body: LinkMentionSchema,
    summary:
      'A correction: these words of the text name a known person, organisation or initiative; learn the spelling (alias, tag or missing name) and propose again',
  })
  link(@Param('id', ParseIdPipe) id: number, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<Intake> {
    return this.intake.linkMention(id, body, user);
  }
}
