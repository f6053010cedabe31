import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CitationsSchema, CreateCitationsSchema, type Citations } from '@rabta/domain';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { ApiOperation } from '../../common/http/openapi-meta';
import { ParseIdPipe } from '../../common/http/id.pipe';
import { CitationsService } from './citations.service';

@Controller('sources')
export class CitationsController {
  constructor(private readonly citations: CitationsService) {}

  @Post(':id/citations')
  @HttpCode(201)
  @Access('analyst')
  @ApiOperation({
    kind: 'action',
    resource: 'sources',
    schema: CitationsSchema,
    body: CreateCitationsSchema,
    summary:
      'Cite one passage of a source for several records at once (initiatives, milestones, engagements, agreements, decisions, status updates): one evidence row per target, in one transaction, each in the caller’s scope',
    responses: { 403: 'A target is outside your sector scope', 404: 'No such source', 422: 'A target does not exist' },
  })
  cite(@Param('id', ParseIdPipe) id: number, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<Citations> {
    return this.citations.cite(id, body, user);
  }
}
