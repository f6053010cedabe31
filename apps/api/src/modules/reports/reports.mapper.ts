import type { Report as ReportRow, ReportSchedule as ScheduleRow } from '@rabta/db';
import type { Report, ReportParams, ReportSchedule } from '@rabta/domain';
import { isoTs } from '../../common/resource/wire';

/** The columns of a report without its file (lists and records never carry the bytes). */
export const REPORT_SELECT = {
  id: true,
  kind: true,
  params: true,
  format: true,
  language: true,
  status: true,
  progress: true,
  knownAt: true,
  error: true,
  fileName: true,
  contentType: true,
  checksum: true,
  size: true,
  scheduleId: true,
  createdById: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
  schedule: { select: { name: true } },
} as const;

export type ReportRecord = Omit<ReportRow, 'file'> & {
  createdBy: { name: string } | null;
  schedule: { name: string } | null;
};

export function toReport(r: ReportRecord): Report {
  return {
    id: r.id,
    kind: r.kind,
    params: r.params as ReportParams,
    format: r.format,
    language: r.language,
    status: r.status,
    progress: r.progress,
    knownAt: isoTs(r.knownAt)!,
    createdById: r.createdById,
    createdByName: r.createdBy?.name ?? null,
    scheduleId: r.scheduleId,
    scheduleName: r.schedule?.name ?? null,
    createdAt: isoTs(r.createdAt)!,
    startedAt: isoTs(r.startedAt),
    finishedAt: isoTs(r.finishedAt),
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    checksum: r.checksum,
    error: r.error,
  };
}

export type ScheduleRecord = ScheduleRow & { createdBy: { name: string } | null };

export function toSchedule(s: ScheduleRecord): ReportSchedule {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    params: s.params as ReportParams,
    format: s.format,
    language: s.language,
    cron: s.cron,
    timezone: s.timezone,
    paused: s.paused,
    nextRunAt: s.paused ? null : isoTs(s.nextRunAt),
    lastRunAt: isoTs(s.lastRunAt),
    createdById: s.createdById,
    createdByName: s.createdBy?.name ?? null,
    version: s.version,
    createdAt: isoTs(s.createdAt)!,
    updatedAt: isoTs(s.updatedAt)!,
  };
}
