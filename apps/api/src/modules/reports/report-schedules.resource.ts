import {
  checkScheduleParams,
  CreateReportScheduleSchema,
  REPORT_FORMATS,
  REPORT_KINDS,
  REPORT_SCHEDULE_READ_ONLY,
  ReportScheduleSchema,
  UpdateReportScheduleSchema,
  type ReportParams,
  IdSchema,
} from '@rabta/domain';
import { z } from 'zod';
import { AppException } from '../../common/errors/app-exception';
import { IdListFilter, QFilter, toIdList } from '../../common/http/list-query';
import { defineResource } from '../../common/resource/resource';
import { definedOnly } from '../../common/resource/wire';
import { toSchedule, type ScheduleRecord } from './reports.mapper';
import { assertParamReferences } from './report-params';
import type { Prisma } from '@rabta/db';
import { minutesSetting } from '../settings/settings.service';
import { assertCron, assertScheduleInterval, nextRun } from './schedule-time';

/** The admins' minimum time between two runs of a schedule (settings: reportScheduleMinMinutes). */
async function minScheduleMinutes(tx: Prisma.TransactionClient): Promise<number> {
  const row = await tx.setting.findUnique({ where: { key: 'reportScheduleMinMinutes' } });
  return minutesSetting(row?.value);
}

// /api/report-schedules through the resource kit: "portfolio, energy sector, PDF, Urdu, every Monday 08:00
// Asia/Karachi". nextRunAt is derived from cron and timezone (null while paused); lastRunAt is set by the scheduler.
// Anyone signed in may read schedules; analysts create them, and change or remove their own (admins any).

export const ScheduleFilterSchema = z.strictObject({
  q: QFilter.optional(),
  id: IdListFilter.optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  format: z.enum(REPORT_FORMATS).optional(),
  paused: z.boolean().optional(),
  createdById: IdSchema.optional(),
});

export const reportSchedulesResource = defineResource({
  name: 'report-schedules',
  label: 'Report schedule',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: ReportScheduleSchema,
    create: CreateReportScheduleSchema,
    update: UpdateReportScheduleSchema,
    readOnly: REPORT_SCHEDULE_READ_ONLY,
    filter: ScheduleFilterSchema,
  },
  sortable: {
    id: (o) => ({ id: o }),
    name: (o) => ({ name: o }),
    kind: (o) => ({ kind: o }),
    nextRunAt: (o) => ({ nextRunAt: { sort: o, nulls: 'last' } }),
    lastRunAt: (o) => ({ lastRunAt: { sort: o, nulls: 'last' } }),
    createdAt: (o) => ({ createdAt: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'name', order: 'ASC' },
  delegate: (db) => db.reportSchedule,
  include: { include: { createdBy: { select: { name: true } } } },
  where: (f) => ({
    AND: [
      f.id !== undefined ? { id: { in: toIdList(f.id) } } : {},
      f.q ? { name: { contains: f.q, mode: 'insensitive' } } : {},
      definedOnly({ kind: f.kind, format: f.format, paused: f.paused, createdById: f.createdById }),
    ],
  }),
  toWire: (r: ScheduleRecord) => toSchedule(r),
  async authorize(ctx, existing) {
    if (existing && ctx.user.role !== 'admin' && existing.createdById !== ctx.user.id) {
      throw AppException.forbidden('Only the analyst who created this schedule, or an admin, can change or remove it');
    }
  },
  async toCreateData(i, { user, tx }) {
    assertCron(i.cron, i.timezone);
    assertScheduleInterval(i.cron, await minScheduleMinutes(tx));
    await assertParamReferences(tx, i.params);
    return {
      name: i.name,
      kind: i.kind,
      params: i.params,
      format: i.format,
      language: i.language,
      cron: i.cron.trim().replace(/\s+/g, ' '),
      timezone: i.timezone,
      paused: i.paused,
      createdById: user.id,
      nextRunAt: i.paused ? null : nextRun(i.cron, i.timezone, new Date()),
    };
  },
  async toUpdateData(i, existing, { tx }) {
    const kind = i.kind ?? existing.kind;
    const params = (i.params ?? existing.params) as ReportParams;
    const problems = checkScheduleParams(kind, params);
    if (problems.length) {
      throw new AppException(
        'VALIDATION_FAILED',
        `The parameters do not fit ${kind} reports: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        Object.fromEntries(problems.map((p) => [p.path, p.message])),
      );
    }
    const cron = (i.cron ?? existing.cron).trim().replace(/\s+/g, ' ');
    const timezone = i.timezone ?? existing.timezone;
    const paused = i.paused ?? existing.paused;
    assertCron(cron, timezone);
    if (cron !== existing.cron) assertScheduleInterval(cron, await minScheduleMinutes(tx));
    if (i.params) await assertParamReferences(tx, i.params);
    const retimed = cron !== existing.cron || timezone !== existing.timezone || paused !== existing.paused;
    return {
      ...definedOnly({ name: i.name, kind: i.kind, params: i.params, format: i.format, language: i.language }),
      cron,
      timezone,
      paused,
      ...(retimed ? { nextRunAt: paused ? null : nextRun(cron, timezone, new Date()) } : {}),
    };
  },
});
