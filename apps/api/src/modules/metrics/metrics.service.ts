import { Inject, Injectable } from '@nestjs/common';
import { poolOf, PrismaClient } from '@rabta/db';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONTEXT, type AppContext } from '../../app.context';

// Prometheus metrics of this process (GET /api/metrics). Every process has its own registry; Prometheus scrapes
// each process and sums. Label values are bounded: routes are templates (`/api/initiatives/:id`), never raw URLs.

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const INTAKE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly jobDuration: Histogram<'kind' | 'format' | 'outcome'>;
  private readonly intakeDuration: Histogram<'step' | 'language'>;

  constructor(
    @Inject(APP_CONTEXT) private readonly ctx: AppContext,
    private readonly prisma: PrismaClient,
  ) {
    const registers = [this.registry];
    // process_* (CPU, memory, file descriptors) and nodejs_* (heap, GC, event-loop lag percentiles).
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.httpDuration = new Histogram({
      name: 'rabta_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'rabta_report_job_duration_seconds',
      help: 'Report jobs run by this process, by report kind, format and outcome (done, failed)',
      labelNames: ['kind', 'format', 'outcome'],
      buckets: JOB_BUCKETS,
      registers,
    });
    this.intakeDuration = new Histogram({
      name: 'rabta_intake_duration_seconds',
      help:
        'Article intake by step: fetch (a URL), extract (the article from HTML), analyse (recognising the text; by ' +
        'language), gazetteer (building what the recogniser knows from the database)',
      labelNames: ['step', 'language'],
      buckets: INTAKE_BUCKETS,
      registers,
    });
    const pool = () => poolOf(this.prisma);
    new Gauge({
      name: 'rabta_db_pool_connections_in_use',
      help: 'Database connections of this process checked out by a query or transaction',
      registers,
      collect() {
        const p = pool();
        this.set(p ? p.totalCount - p.idleCount : 0);
      },
    });
    new Gauge({
      name: 'rabta_db_pool_connections_idle',
      help: 'Open database connections of this process waiting for work',
      registers,
      collect() {
        this.set(pool()?.idleCount ?? 0);
      },
    });
    new Gauge({
      name: 'rabta_db_pool_waiting',
      help: 'Queries and transactions of this process waiting for a database connection',
      registers,
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'rabta_database_up',
      help: '1 while this process reaches the database, 0 while it answers 503 DATABASE_UNAVAILABLE',
      registers,
      collect() {
        this.set(ctx.databaseStatus?.isDown ? 0 : 1);
      },
    });
    const db = this.prisma;
    new Gauge({
      name: 'rabta_report_jobs',
      help: 'Report jobs in the queue (all processes), by state: queued, running',
      labelNames: ['state'],
      registers,
      // Read at scrape time; skipped while the database is down so that a scrape never waits on it.
      async collect() {
        if (ctx.databaseStatus?.isDown) return;
        const rows = await db.$queryRaw<{ status: string; n: number }[]>`
          SELECT status::text AS status, count(*)::int AS n FROM reports WHERE status IN ('queued', 'running') GROUP BY status`.catch(
          () => undefined,
        );
        if (!rows) return;
        this.set({ state: 'queued' }, 0);
        this.set({ state: 'running' }, 0);
        for (const r of rows) this.set({ state: r.status }, r.n);
      },
    });
  }

  /** One HTTP request (called by the server's onResponse hook). */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** One report job run by this process. */
  observeReportJob(kind: string, format: string, outcome: 'done' | 'failed', seconds: number): void {
    this.jobDuration.observe({ kind, format, outcome }, seconds);
  }

  /** One step of an article's intake (IntakeTimings reports them; IntakeMetrics passes them on). */
  observeIntake(step: string, language: string | undefined, seconds: number): void {
    this.intakeDuration.observe({ step, language: language ?? '' }, seconds);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
