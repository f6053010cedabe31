import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { PrismaClient } from '@rabta/db';

// The login rate limit counted in PostgreSQL, so that several Rabta processes behind a load balancer share one
// count per address (in memory, each process would allow the limit again). An UNLOGGED table: counters need no
// crash safety, and skipping the WAL keeps the one statement per sign-in attempt cheap. It lives in a schema of
// its own, made on first use, like pg-boss's.

const SCHEMA = 'rabta_runtime';
const CREATE = [
  `CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`,
  `CREATE UNLOGGED TABLE IF NOT EXISTS ${SCHEMA}.rate_limit_hits (
     key text PRIMARY KEY,
     hits integer NOT NULL,
     window_start timestamptz NOT NULL
   )`,
];
// One statement: a fixed window per key that restarts once it has passed.
const INCR = `
  INSERT INTO ${SCHEMA}.rate_limit_hits AS h (key, hits, window_start) VALUES ($1, 1, clock_timestamp())
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN h.window_start + $2 * interval '1 millisecond' <= clock_timestamp() THEN 1 ELSE h.hits + 1 END,
    window_start = CASE WHEN h.window_start + $2 * interval '1 millisecond' <= clock_timestamp()
                        THEN clock_timestamp() ELSE h.window_start END
  RETURNING hits,
    greatest(0, ceil(extract(epoch FROM window_start + $2 * interval '1 millisecond' - clock_timestamp()) * 1000))::int AS ttl`;
const READ = `
  SELECT hits, greatest(0, ceil(extract(epoch FROM window_start + $2 * interval '1 millisecond' - clock_timestamp()) * 1000))::int AS ttl
    FROM ${SCHEMA}.rate_limit_hits WHERE key = $1 AND window_start + $2 * interval '1 millisecond' > clock_timestamp()`;
const PRUNE = `DELETE FROM ${SCHEMA}.rate_limit_hits WHERE window_start < clock_timestamp() - interval '1 day'`;

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** A store for @fastify/rate-limit (its `store` option) on the application's PostgreSQL. */
export function postgresRateLimitStore(prisma: PrismaClient): FastifyRateLimitStoreCtor {
  let ready: Promise<void> | undefined;
  let calls = 0;
  const ensureTable = () =>
    (ready ??= (async () => {
      for (const sql of CREATE) {
        // Two processes creating it at once: the loser's duplicate is harmless.
        await prisma.$executeRawUnsafe(sql).catch((err: { code?: string; message?: string }) => {
          if (!/already exists|duplicate key/i.test(err.message ?? '')) throw err;
        });
      }
    })().catch((err) => {
      ready = undefined;
      throw err;
    }));

  async function run(sql: string, key: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
    await ensureTable();
    if (++calls % 1000 === 0) void prisma.$executeRawUnsafe(PRUNE).catch(() => undefined);
    const rows = await prisma.$queryRawUnsafe<{ hits: number; ttl: number }[]>(sql, key, timeWindow);
    return rows[0] ? { current: rows[0].hits, ttl: rows[0].ttl } : { current: 0, ttl: timeWindow };
  }

  class PostgresRateLimitStore {
    constructor(private readonly group = 'global') {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      run(INCR, `${this.group}:${key}`, timeWindow).then((r) => cb(null, r), cb);
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      run(READ, `${this.group}:${key}`, timeWindow).then((r) => cb(null, r), cb);
    }

    child(routeOptions: { groupId?: string; routeInfo?: { method?: string; url?: string } }): PostgresRateLimitStore {
      return new PostgresRateLimitStore(
        routeOptions.groupId ?? `${routeOptions.routeInfo?.method ?? ''} ${routeOptions.routeInfo?.url ?? ''}`,
      );
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
