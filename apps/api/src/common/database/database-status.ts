import { Client } from 'pg';
import type { AppLogger } from '../logging/logger';

// Whether the database is reachable, as this process last saw it. A request that meets a lost connection marks it
// down; while it is down, requests are answered 503 DATABASE_UNAVAILABLE at once (no request waits on a database
// that is not there) and a probe connects every PROBE_MS until the database answers again, so that service resumes
// by itself within a fraction of a second of the database being back.

/** How often a down database is probed. */
const PROBE_MS = 250;
/**
 * A probe (connect and SELECT 1) that takes longer than this counts as a failure. Not shorter: on a loaded machine a
 * fresh backend with its password exchange can take over a second, and a probe given up on starts again from zero.
 */
const PROBE_TIMEOUT_MS = 3_000;

/** Connection-level failures: the database is gone, not merely busy or the query wrong. */
export function isConnectionFailure(err: unknown): boolean {
  const seen = new Set<unknown>();
  const check = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const { code, message, cause, originalCode, kind } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      kind?: unknown;
    };
    if (
      typeof code === 'string' &&
      // connection refused/reset/timed out; Prisma: cannot reach, connection closed; PostgreSQL: admin shutdown,
      // crash shutdown, cannot connect now (starting up or recovering), terminated by the administrator
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'EPIPE',
        'P1001',
        'P1002',
        'P1017',
        '57P01',
        '57P02',
        '57P03',
      ].includes(code)
    )
      return true;
    if (typeof originalCode === 'string' && ['57P01', '57P02', '57P03'].includes(originalCode)) return true;
    if (kind === 'DatabaseNotReachable' || kind === 'ConnectionClosed' || kind === 'SocketTimeout') return true;
    if (
      typeof message === 'string' &&
      /DatabaseNotReachable|Can't reach database|Connection terminated|connect ECONNREFUSED|Connection closed|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error/i.test(
        message,
      )
    )
      return true;
    return check(cause) || check((e as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError);
  };
  return check(err);
}

export class DatabaseStatus {
  private down: { since: Date; reason: string } | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly logger: AppLogger,
  ) {}

  /** Since when the database is unreachable, or undefined while it is reachable. */
  get downSince(): Date | undefined {
    return this.down?.since;
  }

  get isDown(): boolean {
    return this.down !== undefined;
  }

  /** A request (or the pool) met a lost connection: answer 503 at once until a probe reaches the database. */
  markDown(reason: string): void {
    if (this.closed || this.down) return;
    this.down = { since: new Date(), reason };
    this.logger.error({ reason }, 'Database unreachable: answering 503 DATABASE_UNAVAILABLE and retrying');
    this.scheduleProbe();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
  }

  private scheduleProbe(): void {
    if (this.closed) return;
    this.probeTimer = setTimeout(() => void this.probe(), PROBE_MS);
    this.probeTimer.unref();
  }

  private async probe(): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
      application_name: 'rabta-probe',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      const since = this.down?.since;
      this.down = undefined;
      this.logger.warn(
        { downMs: since ? Date.now() - since.getTime() : 0 },
        'Database reachable again: serving requests',
      );
    } catch {
      this.scheduleProbe();
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
