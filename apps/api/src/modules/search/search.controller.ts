import { Controller, Get } from '@nestjs/common';
import { GlobalSearchQuerySchema, GlobalSearchSchema, type GlobalSearch } from '@rabta/domain';
import type { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser, type AuthUser } from '../../common/auth/current-user';
import { ApiOperation } from '../../common/http/openapi-meta';
import { ZodQuery } from '../../common/http/zod';
import { SearchService } from './search.service';

@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @Access('viewer')
  @ApiOperation({
    kind: 'action',
    schema: GlobalSearchSchema,
    query: GlobalSearchQuerySchema,
    summary:
      'One search box: initiatives, people, organisations, engagements, agreements and sources matching q (any script, any spelling the search folds), grouped by kind',
  })
  find(
    @ZodQuery(GlobalSearchQuerySchema) query: z.infer<typeof GlobalSearchQuerySchema>,
    @CurrentUser() user: AuthUser,
  ): Promise<GlobalSearch> {
    return this.search.search(query, user);
  }
}
