import { Controller, Get, Put } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { ApiOperation } from '../../common/http/openapi-meta';
import { ZodBody } from '../../common/http/zod';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from './settings.service';

export const SettingsSchema = z.object({
  staleAfterDays: z.number().int(),
  reportScheduleMinMinutes: z.number().int(),
});
export const UpdateSettingsSchema = z
  .strictObject({
    /** An initiative with no evidence recorded for this many days is flagged stale. */
    staleAfterDays: z.number().int().min(1).max(3650).optional(),
    /** Report schedules may not run more often than every this many minutes (at most a week). */
    reportScheduleMinMinutes: z.number().int().min(1).max(10_080).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Name at least one setting to change');

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
    return {
      staleAfterDays: await this.settings.staleAfterDays(),
      reportScheduleMinMinutes: await this.settings.reportScheduleMinMinutes(),
    };
  }

  @Put()
  @Access('admin')
  @ApiOperation({ kind: 'update', resource: 'settings', schema: SettingsSchema, body: UpdateSettingsSchema })
  async update(
    @ZodBody(UpdateSettingsSchema) body: z.infer<typeof UpdateSettingsSchema>,
  ): Promise<z.infer<typeof SettingsSchema>> {
    const before = await this.get();
    await this.prisma.$transaction(async (tx) => {
      for (const [key, value] of Object.entries(body)) {
        if (value === undefined) continue;
        await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
        await this.audit.record(tx, {
          action: 'update',
          entity: 'settings',
          entityId: key,
          before: { [key]: before[key as keyof typeof before] },
          after: { [key]: value },
        });
      }
    });
    this.settings.invalidate();
    return this.get();
  }
}
