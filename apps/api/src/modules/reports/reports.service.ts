import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient, type Prisma } from '@rabta/db';
import {
  IdSchema,
  CreateReportSchema,
  LOCALES,
  REPORT_FORMATS,
  REPORT_KINDS,
  REPORT_STATUSES,
  type Locale,
  type Report,
  type ReportFormat,
  type ReportKind,
} from '@rabta/domain';
import { z } from 'zod';
import { APP_CONFIG } from '../../app.context';
import type { AppConfig } from '../../config/env';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { IdListFilter, parseListQuery, toIdList } from '../../common/http/list-query';
import { parseWith } from '../../common/http/zod';
import { AuditService } from '../audit/audit.service';
import type { ResolvedParams } from './data/context';
import { ReportDataRepository, reportView } from './data/report-data.repository';
import { PdfRenderer } from './render/pdf';
import type { GeneratedFile } from './report-generator';
import { REPORT_SELECT, toReport, type ReportRecord } from './reports.mapper';
import { ReportsQueue } from './reports.queue';
import { assertParamReferences, fileNameOf, resolveParams } from './report-params';

// Reports: anyone signed in (viewers too) may request one, and sees every report with who made it and when. Rabta
// scopes editing by sector, not reading: every record a report contains is readable by every signed-in user, and a
// shared list lets a team reuse a report instead of generating it again. `filter={"mine":true}` lists one's own.

export const ReportFilterSchema = z.strictObject({
  id: IdListFilter.optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  format: z.enum(REPORT_FORMATS).optional(),
  language: z.enum(LOCALES).optional(),
  status: z.union([z.enum(REPORT_STATUSES), z.array(z.enum(REPORT_STATUSES)).max(4)]).optional(),
  createdById: IdSchema.optional(),
  scheduleId: IdSchema.optional(),
  mine: z.boolean().optional(),
});

const SORTABLE: Record<string, (o: 'asc' | 'desc') => Prisma.ReportOrderByWithRelationInput> = {
  id: (o) => ({ id: o }),
  createdAt: (o) => ({ createdAt: o }),
  finishedAt: (o) => ({ finishedAt: { sort: o, nulls: 'last' } }),
  kind: (o) => ({ kind: o }),
  format: (o) => ({ format: o }),
  status: (o) => ({ status: o }),
};

/** What a user told to wait is told to try again after (seconds): about as long as a report takes to make. */
const REPORT_QUEUE_RETRY_SECONDS = 30;

/** A finished report's file as stored (what ReportGenerator made, less its size). */
export type ReportFile = Omit<GeneratedFile, 'size'>;

@Injectable()
export class ReportsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly queue: ReportsQueue,
    private readonly pdf: PdfRenderer,
    private readonly data: ReportDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(body: unknown, user: AuthUser): Promise<Report> {
    const input = parseWith(CreateReportSchema, body ?? {}, 'body');
    // No PDF without Chromium: say so now rather than with a failed report later.
    if (input.format === 'pdf') this.pdf.assertAvailable();
    const params = await this.withNewsInPeriod(
      input.kind,
      input.params,
      resolveParams(input.kind, input.params, new Date()),
    );
    const report = await this.prisma.$transaction(async (tx) => {
      await this.assertQueueRoom(tx, user);
      await assertParamReferences(tx, input.params);
      return this.insertQueued(tx, {
        kind: input.kind,
        params,
        format: input.format,
        language: input.language,
        createdById: user.id,
      });
    });
    this.queue.notify();
    return report;
  }

  /**
   * A portfolio asked for without a period whose default (the last DEFAULT_PERIOD_DAYS days) holds no news of its
   * initiatives reaches back to the day of the latest one, so that it says what happened last rather than nothing.
   * The period is stored with the report, which says which it covers.
   */
  private async withNewsInPeriod(
    kind: ReportKind,
    asked: { from?: string; sectorIds?: number[]; countryCodes?: string[] },
    params: ResolvedParams,
  ): Promise<ResolvedParams> {
    if (kind !== 'portfolio' || asked.from || !params.from) return params;
    const filtered = !!(params.sectorIds?.length || params.countryCodes?.length);
    const ids = filtered
      ? (
          await this.prisma.initiative.findMany({
            where: {
              ...(params.sectorIds?.length ? { sectors: { some: { sectorId: { in: params.sectorIds } } } } : {}),
              ...(params.countryCodes?.length
                ? { countries: { some: { countryCode: { in: params.countryCodes } } } }
                : {}),
            },
            select: { id: true },
          })
        ).map((i) => i.id)
      : undefined;
    const latest = await this.data.latestDevelopmentDay(reportView(params.asOf!, params.knownAt), ids);
    return latest && latest < params.from ? { ...params, from: latest } : params;
  }

  /**
   * One user may have at most REPORT_QUEUE_PER_USER reports queued or running: one more is 429 with Retry-After, so
   * that nobody fills the workers' queue for everyone else. Requests of one user are counted one at a time (a
   * transaction lock per user), so a burst cannot slip past the count.
   */
  private async assertQueueRoom(tx: Prisma.TransactionClient, user: AuthUser): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rabta.report-queue'), ${user.id}::int)`;
    const waiting = await tx.report.count({
      where: { createdById: user.id, scheduleId: null, status: { in: ['queued', 'running'] } },
    });
    const limit = this.config.reportQueuePerUser;
    if (waiting >= limit) {
      throw new AppException(
        'RATE_LIMITED',
        `You have ${waiting} reports waiting or being made (at most ${limit} at once); request more once they are done`,
        undefined,
        { retryAfter: REPORT_QUEUE_RETRY_SECONDS },
      );
    }
  }

  /**
   * A report row, its audit event and its job, in the caller's transaction: what a request and a schedule's run
   * both write. The caller wakes the workers (queue.notify()) once the transaction has committed.
   */
  async insertQueued(
    tx: Prisma.TransactionClient,
    r: {
      kind: ReportKind;
      params: ResolvedParams;
      format: ReportFormat;
      language: Locale;
      createdById: number | null;
      scheduleId?: number;
    },
    actor?: null,
  ): Promise<Report> {
    const row = (await tx.report.create({
      data: {
        kind: r.kind,
        params: r.params as unknown as Prisma.InputJsonValue,
        format: r.format,
        language: r.language,
        knownAt: new Date(r.params.knownAt),
        createdById: r.createdById,
        scheduleId: r.scheduleId,
        fileName: fileNameOf(r.kind, r.params, r.format, r.language),
      },
      select: REPORT_SELECT,
    })) as ReportRecord;
    const wire = toReport(row);
    await this.audit.record(tx, { action: 'create', entity: 'reports', entityId: row.id, after: wire, actor });
    await this.queue.enqueue(tx, row.id);
    return wire;
  }

  async list(query: unknown, user: AuthUser): Promise<{ rows: Report[]; total: number; start: number }> {
    const { sort, range, filter } = parseListQuery(query, {
      sortable: Object.keys(SORTABLE),
      defaultSort: { field: 'createdAt', order: 'DESC' },
      filter: ReportFilterSchema,
    });
    const where: Prisma.ReportWhereInput = {
      ...(filter.id !== undefined ? { id: { in: toIdList(filter.id) } } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.format ? { format: filter.format } : {}),
      ...(filter.language ? { language: filter.language } : {}),
      ...(filter.status ? { status: { in: Array.isArray(filter.status) ? filter.status : [filter.status] } } : {}),
      ...(filter.scheduleId ? { scheduleId: filter.scheduleId } : {}),
      ...(filter.mine ? { createdById: user.id } : filter.createdById ? { createdById: filter.createdById } : {}),
    };
    const order = sort.order === 'ASC' ? 'asc' : 'desc';
    const [rows, total] = await Promise.all([
      this.prisma.report.findMany({
        where,
        orderBy: [SORTABLE[sort.field](order), { id: order }],
        skip: range.start,
        take: range.end - range.start + 1,
        select: REPORT_SELECT,
      }),
      this.prisma.report.count({ where }),
    ]);
    return { rows: (rows as ReportRecord[]).map(toReport), total, start: range.start };
  }

  async getOne(id: number): Promise<Report> {
    const row = await this.prisma.report.findUnique({ where: { id }, select: REPORT_SELECT });
    if (!row) throw AppException.notFound('Report', id);
    return toReport(row as ReportRecord);
  }

  /** The file of a finished report; 409 while it is queued or running, or when it failed. */
  async file(id: number): Promise<ReportFile> {
    const row = await this.prisma.report.findUnique({
      where: { id },
      select: {
        status: true,
        progress: true,
        error: true,
        file: true,
        fileName: true,
        contentType: true,
        checksum: true,
      },
    });
    if (!row) throw AppException.notFound('Report', id);
    if (row.status === 'failed')
      throw new AppException(
        'CONFLICT',
        `Report ${id} failed, so it has no file: ${row.error ?? 'unknown error'}`,
        undefined,
        { status: row.status },
      );
    if (row.status !== 'done' || !row.file) {
      throw new AppException(
        'CONFLICT',
        `Report ${id} is ${row.status} (${row.progress} %); download it when it is done`,
        undefined,
        { status: row.status, progress: row.progress },
      );
    }
    return {
      file: Buffer.from(row.file),
      fileName: row.fileName!,
      contentType: row.contentType!,
      checksum: row.checksum!,
    };
  }
}
