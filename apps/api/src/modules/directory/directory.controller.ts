import { Controller, Get } from '@nestjs/common';
import { DirectoryEntrySchema, type DirectoryEntry } from '@rabta/domain';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { ApiOperation } from '../../common/http/openapi-meta';
import { DirectoryService } from './directory.service';

@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @Access('viewer')
  @ApiOperation({
    kind: 'action',
    schema: z.array(DirectoryEntrySchema),
    summary: "Every user's id and name (authors and actors shown by name); accounts themselves are for admins",
  })
  list(): Promise<DirectoryEntry[]> {
    return this.directory.list();
  }
}
