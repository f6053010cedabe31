import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PrismaClient, type Prisma } from '@rabta/db';
import PgBoss from 'pg-boss';
import { APP_CONFIG, APP_CONTEXT, APP_LOGGER, type AppContext } from '../../app.context';
import { AppException } from '../../common/errors/app-exception';
import type { AppLogger } from '../../common/logging/logger';
import type { AppConfig } from '../../config/env';
import { ReportProblem } from './data/context';
import type { ResolvedParams } from './data/context';
import { MetricsService } from '../metrics/metrics.service';
import { ReportGenerator } from './report-generator';

// The report queue: pg-boss on the application's own PostgreSQL (its tables in their own schema, `pgboss`), so there
// is no other service to run. A report request inserts its job in the same transaction as the report row; any API
// process with workers (REPORT_WORKERS > 0) takes it. The job only carries the report's id: the report row holds
// the parameters, the status, the progress and, at the end, the file.

export const REPORT_QUEUE = 'reports';
export const JOB_SCHEMA = 'pgboss';

interface ReportJob {
  reportId: number;
}

/** pg-boss's SQL run on a Prisma transaction, so that a job commits (or not) with the row that asked for it. */
function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const args = (values ?? []).map((v) =>
        v === undefined ? null : v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...args) };
    },
  };
}

/** Creates pg-boss's tables and the report queue in a database (what the first start of the app does anyway). */
export async function installJobQueue(connectionString: string): Promise<void> {
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: 1,
    schedule: false,
    supervise: false,
    migrate: true,
  });
  // A connection of its pool that ends after the install (the database stopped right after it) is no error here.
  boss.on('error', () => undefined);
  await boss.start();
  try {
    if (!(await boss.getQueue(REPORT_QUEUE))) await boss.createQueue(REPORT_QUEUE, QUEUE_OPTIONS);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

const QUEUE_OPTIONS: PgBoss.Queue = { name: REPORT_QUEUE, retryLimit: 1, retryDelay: 5, expireInSeconds: 15 * 60 };

@Injectable()
export class ReportsQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private boss?: PgBoss;
  private workerIds: string[] = [];
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  private readyResolve!: () => void;
  /** Resolves once the queue is started (schedules wait for it). */
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  constructor(
    @Inject(APP_CONTEXT) private readonly ctx: AppContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly prisma: PrismaClient,
    private readonly generator: ReportGenerator,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The app starts even when the database cannot be reached (health then says 503): the queue keeps trying.
    await this.start().catch((err: Error) => {
      this.logger.warn({ err: err.message }, 'Report queue could not start; trying again in 10 s');
      this.scheduleRetry();
    });
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      void this.start().catch((err: Error) => {
        this.logger.warn({ err: err.message }, 'Report queue could not start; trying again in 10 s');
        this.scheduleRetry();
      });
    }, 10_000);
    this.retryTimer.unref();
  }

  private async start(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.ctx.database.url,
      schema: JOB_SCHEMA,
      application_name: 'rabta-jobs',
      max: Math.max(2, this.config.reportWorkers + 1),
      // Rabta's own schedules (report_schedules) are run by ReportScheduler; pg-boss's cron is not used.
      schedule: false,
      supervise: true,
      migrate: true,
    });
    boss.on('error', (err) => this.logger.error({ err: err.message }, 'Report queue error'));
    try {
      await boss.start();
      if (!(await boss.getQueue(REPORT_QUEUE))) {
        // Two processes starting together may both try: the loser's duplicate is harmless.
        await boss.createQueue(REPORT_QUEUE, QUEUE_OPTIONS).catch(async (err: Error) => {
          if (!(await boss.getQueue(REPORT_QUEUE))) throw err;
        });
      }
    } catch (err) {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
      throw err;
    }
    if (this.stopped) {
      await boss.stop({ graceful: false, close: true });
      return;
    }
    this.boss = boss;
    for (let i = 0; i < this.config.reportWorkers; i++) {
      this.workerIds.push(
        await boss.work<ReportJob>(REPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
          await this.run(job.data.reportId);
        }),
      );
    }
    this.logger.info({ workers: this.config.reportWorkers, schema: JOB_SCHEMA }, 'Report queue started');
    this.readyResolve();
  }

  get started(): boolean {
    return !!this.boss;
  }

  /** Queues a report's job inside the caller's transaction. */
  async enqueue(tx: Prisma.TransactionClient, reportId: number): Promise<void> {
    if (!this.boss)
      throw new AppException(
        'DATABASE_UNAVAILABLE',
        'The report queue is not running (the database could not be reached); try again in a moment',
      );
    await this.boss.send(REPORT_QUEUE, { reportId } satisfies ReportJob, {
      db: transactionDb(tx),
      singletonKey: `report:${reportId}`,
    });
  }

  /** Wakes this process's workers (after the enqueuing transaction committed) instead of waiting for their poll. */
  notify(): void {
    for (const id of this.workerIds) this.boss?.notifyWorker(id);
  }

  /** Generates one report: claims it, keeps its progress, stores the file or the error. */
  async run(reportId: number): Promise<void> {
    const startedAt = new Date();
    const claimed = await this.prisma.report.updateMany({
      where: { id: reportId, status: { in: ['queued', 'running'] } },
      data: { status: 'running', startedAt, progress: 1, error: null },
    });
    if (!claimed.count) return;
    const report = await this.prisma.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { kind: true, params: true, format: true, language: true },
    });
    let last = 1;
    const progress = async (p: number) => {
      this.logger.debug({ reportId, progress: p, ms: Date.now() - startedAt.getTime() }, 'Report progress');
      const value = Math.max(last, Math.min(99, Math.round(p)));
      if (value - last < 5) return;
      last = value;
      await this.prisma.report.update({ where: { id: reportId }, data: { progress: value } });
    };
    try {
      const out = await this.generator.generate(
        {
          kind: report.kind,
          params: report.params as unknown as ResolvedParams,
          format: report.format,
          language: report.language,
        },
        progress,
      );
      await this.prisma.report.update({
        where: { id: reportId },
        data: {
          status: 'done',
          progress: 100,
          file: new Uint8Array(out.file),
          fileName: out.fileName,
          contentType: out.contentType,
          checksum: out.checksum,
          size: out.size,
          finishedAt: new Date(),
        },
      });
      this.logger.info(
        { reportId, format: report.format, kind: report.kind, bytes: out.size, ms: Date.now() - startedAt.getTime() },
        'Report generated',
      );
      this.metrics.observeReportJob(report.kind, report.format, 'done', (Date.now() - startedAt.getTime()) / 1000);
    } catch (err) {
      this.metrics.observeReportJob(report.kind, report.format, 'failed', (Date.now() - startedAt.getTime()) / 1000);
      const known = err instanceof ReportProblem || err instanceof AppException;
      if (!known) this.logger.error({ err, reportId }, 'Report generation failed');
      const message = known
        ? (err as Error).message
        : `Report generation failed: ${(err as Error).message?.split('\n')[0] ?? String(err)}`;
      await this.prisma.report.update({
        where: { id: reportId },
        data: { status: 'failed', error: message.slice(0, 2000), finishedAt: new Date() },
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const boss = this.boss;
    this.boss = undefined;
    // Let the report being generated finish (up to the timeout), then close pg-boss's pool; main.ts closes the
    // app before the database.
    await boss
      ?.stop({ graceful: true, wait: true, close: true, timeout: 30_000 })
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'Report queue did not stop cleanly'));
  }
}
