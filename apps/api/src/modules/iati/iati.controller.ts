import { Controller, Get, Put, Res } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Access } from '../../common/auth/access.decorator';
import { ApiOperation } from '../../common/http/openapi-meta';
import { ZodBody, ZodQuery } from '../../common/http/zod';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { IatiService } from './iati.service';

const ActivitiesQuery = z.strictObject({
  /** The initiatives list's filter, as JSON (e.g. {"sectorId":3,"stage":"implementation"}). */
  filter: z.string().optional(),
  sort: z.string().optional(),
});

export const IatiSettingsSchema = z.object({
  reportingOrgRef: z.string(),
  reportingOrgName: z.string(),
  reportingOrgType: z.string(),
});
export const UpdateIatiSettingsSchema = z.strictObject({
  /** The reporting organisation's IATI identifier (e.g. PK-GOV-1234); it prefixes every activity identifier. */
  reportingOrgRef: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/, 'Letters, digits, -, _ and . only, such as PK-GOV-1234')
    .optional(),
  reportingOrgName: z.string().trim().min(1).max(200).optional(),
  /** An IATI OrganisationType code, e.g. 10 (government). */
  reportingOrgType: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'An IATI organisation type code such as 10')
    .optional(),
});
type IatiSettings = z.infer<typeof IatiSettingsSchema>;

const KEYS = {
  reportingOrgRef: 'iatiReportingOrgRef',
  reportingOrgName: 'iatiReportingOrgName',
  reportingOrgType: 'iatiReportingOrgType',
} as const;

@Controller('iati')
export class IatiController {
  constructor(
    private readonly iati: IatiService,
    private readonly settings: SettingsService,
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  @Get('activities.xml')
  @Access('viewer')
  @ApiOperation({
    kind: 'action',
    resource: 'iati',
    query: ActivitiesQuery,
    produces: ['application/xml'],
    summary:
      'The initiatives matching the list filter as an IATI 2.03 activities document (one iati-activity per initiative)',
    responses: { 404: 'NOT_FOUND: no initiative matches the filter' },
  })
  async activities(
    @ZodQuery(ActivitiesQuery) query: z.infer<typeof ActivitiesQuery>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const stream = await this.iati.activities(query);
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="iati-activities-${stamp}.xml"`)
      .send(stream);
  }

  @Get('settings')
  @Access('viewer')
  @ApiOperation({
    kind: 'get',
    resource: 'iati',
    schema: IatiSettingsSchema,
    summary: 'The IATI reporting organisation',
  })
  async getSettings(): Promise<IatiSettings> {
    const org = await this.settings.iatiReportingOrg();
    return { reportingOrgRef: org.ref, reportingOrgName: org.name, reportingOrgType: org.type };
  }

  @Put('settings')
  @Access('admin')
  @ApiOperation({ kind: 'update', resource: 'iati', schema: IatiSettingsSchema, body: UpdateIatiSettingsSchema })
  async updateSettings(
    @ZodBody(UpdateIatiSettingsSchema) body: z.infer<typeof UpdateIatiSettingsSchema>,
  ): Promise<IatiSettings> {
    const before = await this.getSettings();
    await this.prisma.$transaction(async (tx) => {
      for (const [field, key] of Object.entries(KEYS)) {
        const value = body[field as keyof typeof body];
        if (value === undefined) continue;
        await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
      }
      await this.audit.record(tx, { action: 'update', entity: 'settings', entityId: 'iati', before, after: body });
    });
    this.settings.invalidate();
    return this.getSettings();
  }
}
