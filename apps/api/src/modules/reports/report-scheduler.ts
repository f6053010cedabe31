import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import type { ReportParams } from '@rabta/domain';
import { APP_CONFIG, APP_LOGGER } from '../../app.context';
import type { AppLogger } from '../../common/logging/logger';
import type { AppConfig } from '../../config/env';
import { ReportsQueue } from './reports.queue';
import { resolveParams } from './report-params';
import { ReportsService } from './reports.service';
import { localDate, nextRun, previousRun } from './schedule-time';

// Runs the report schedules that are due. Every API process ticks (REPORT_SCHEDULER_SECONDS); each due schedule is
// claimed with SELECT … FOR UPDATE SKIP LOCKED, and its report row, its queued job and the move of next_run_at to
// the following slot commit in one transaction: however many processes tick at once, a slot gives one report.
// A run's report is as of the slot's date in the schedule's time zone, as known at the slot's moment, over the
// period since the previous slot (the portfolio's "what changed", the change report's from–to). A server that was
// down runs a missed slot once, then continues from the next slot after now.

@Injectable()
export class ReportScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly prisma: PrismaClient,
    private readonly queue: ReportsQueue,
    private readonly reports: ReportsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.reportSchedulerSeconds * 1000);
    this.timer.unref();
    void this.queue.ready.then(() => this.tick());
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopping) return;
    try {
      await this.runDue();
    } catch (err) {
      this.logger.error({ err }, 'Running the due report schedules failed');
    }
  }

  /** Creates and queues the report of every schedule due at `now`; returns how many it created. */
  runDue(now = new Date()): Promise<number> {
    const run = (async () => {
      await this.queue.ready;
      // The queue may come up while the app is shutting down: a run must not start on a closing database.
      if (this.stopping) return 0;
      let created = 0;
      while (await this.runOne(now)) created++;
      if (created) this.queue.notify();
      return created;
    })();
    // `running` only tracks the run; its failure belongs to the caller of runDue (tick logs it), so the tracking
    // promise must not reject on its own and surface as an unhandled rejection.
    this.running = run.catch(() => 0).finally(() => (this.running = undefined));
    return run;
  }

  private runOne(now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM report_schedules WHERE NOT paused AND next_run_at <= ${now}
        ORDER BY next_run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!due.length) return false;
      const s = await tx.reportSchedule.findUniqueOrThrow({ where: { id: due[0].id } });
      const slot = s.nextRunAt!;
      let params;
      try {
        params = this.runParams(s.kind, s.params as ReportParams, s.cron, s.timezone, slot, now);
      } catch (err) {
        // A schedule that cannot run (e.g. its parameters no longer fit) must not block the others.
        this.logger.error({ err, scheduleId: s.id }, 'A report schedule could not run; it is skipped to its next slot');
        await tx.reportSchedule.update({
          where: { id: s.id },
          data: { lastRunAt: slot, nextRunAt: nextRun(s.cron, s.timezone, now) },
        });
        return true;
      }
      const report = await this.reports.insertQueued(
        tx,
        { kind: s.kind, params, format: s.format, language: s.language, createdById: s.createdById, scheduleId: s.id },
        null,
      );
      await tx.reportSchedule.update({
        where: { id: s.id },
        data: { lastRunAt: slot, nextRunAt: nextRun(s.cron, s.timezone, now) },
      });
      this.logger.info({ scheduleId: s.id, reportId: report.id, slot: slot.toISOString() }, 'Scheduled report queued');
      return true;
    });
  }

  /** As of the slot's local date, known at the slot, since the previous slot. */
  private runParams(
    kind: Parameters<typeof resolveParams>[0],
    params: ReportParams,
    cron: string,
    timezone: string,
    slot: Date,
    now: Date,
  ) {
    const day = localDate(slot, timezone);
    const since = localDate(previousRun(cron, timezone, slot), timezone);
    const withRun: ReportParams = { ...params, knownAt: slot.toISOString() };
    if (kind === 'portfolio') Object.assign(withRun, { asOf: day, from: since });
    else if (kind === 'changes') Object.assign(withRun, { from: since, to: day });
    else withRun.asOf = day;
    return resolveParams(kind, withRun, now);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    // A run waiting for a queue that never started (database down) is abandoned; a run under way finishes.
    if (this.queue.started) await this.running?.catch(() => undefined);
  }
}
