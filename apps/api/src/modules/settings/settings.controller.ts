import { Controller, Get, Put } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { ApiOperation } from '../../common/http/openapi-meta';
import { ZodBody } from '../../common/http/zod';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from './settings.service';

export const SettingsSchema = z.object({ staleAfterDays: z.number().int() });
export const UpdateSettingsSchema = z.strictObject({
  /** An initiative with no evidence recorded for this many days is flagged stale. */
  staleAfterDays: z.number().int().min(1).max(3650),
});

/** Settings an admin changes at run time. */
@Controller('settings')
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Access('viewer')
  @ApiOperation({ kind: 'get', resource: 'settings', schema: SettingsSchema })
  async get(): Promise<z.infer<typeof SettingsSchema>> {
    return { staleAfterDays: await this.settings.staleAfterDays() };
  }

  @Put()
  @Access('admin')
  @ApiOperation({ kind: 'update', resource: 'settings', schema: SettingsSchema, body: UpdateSettingsSchema })
  async update(
    @ZodBody(UpdateSettingsSchema) body: z.infer<typeof UpdateSettingsSchema>,
  ): Promise<z.infer<typeof SettingsSchema>> {
    const before = await this.get();
    await this.prisma.$transaction(async (tx) => {
      await tx.setting.upsert({
        where: { key: 'staleAfterDays' },
        create: { key: 'staleAfterDays', value: body.staleAfterDays },
        update: { value: body.staleAfterDays },
      });
      await this.audit.record(tx, {
        action: 'update',
        entity: 'settings',
        entityId: 'staleAfterDays',
        before,
        after: body,
      });
    });
    this.settings.invalidate();
    return this.get();
  }
}
