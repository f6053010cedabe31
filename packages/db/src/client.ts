import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, types, type PoolClient } from 'pg';
import { Prisma, PrismaClient } from './generated/prisma/client';

export interface PrismaClientOptions {
  /** Connection pool size. */
  max?: number;
  /** Called with errors on idle pool connections (e.g. the server went away). */
  onPoolError?: (err: Error) => void;
}

/**
 * node-postgres writes each protocol message of a query (parse, bind, describe, execute, sync) to the socket on
 * its own: five system calls per statement. Corking the socket for the rest of the tick sends them as one.
 */
function coalesceWrites(client: PoolClient): void {
  const stream = (
    client as unknown as { connection?: { stream?: NodeJS.WritableStream & { cork?(): void; uncork?(): void } } }
  ).connection?.stream;
  if (!stream || typeof stream.cork !== 'function' || typeof stream.uncork !== 'function') return;
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  let corked = false;
  stream.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      stream.cork!();
      process.nextTick(() => {
        corked = false;
        stream.uncork!();
      });
    }
    return write(...args);
  }) as typeof stream.write;
}

/**
 * Names for server-side prepared statements, so a statement the app runs again is parsed and planned once per
 * connection. Bounded: past the limit statements stay unnamed (parsed each time), so varied SQL cannot grow the
 * server's per-connection cache without end.
 */
function statementNames(limit = 2_000): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (!name && names.size < limit) {
      name = `r${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      names.set(sql, name);
    }
    // An empty name is node-postgres's unnamed statement.
    return name ?? '';
  };
}

const pools = new WeakMap<PrismaClient, Pool>();
/** The prepared-statement names of each client's pool (queryRows names statements as the adapter does). */
const statementNamesOf = new WeakMap<PrismaClient, (query: { sql: string }) => string>();

/** The connection pool under a client made by createPrismaClient (for its metrics: in use, idle, waiting). */
export function poolOf(client: PrismaClient): Pool | undefined {
  return pools.get(client);
}

export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    // Every session in UTC, whatever the server's TimeZone (initdb takes the machine's: Asia/Karachi on a server in
    // Karachi). Prisma's adapter sends moments without an offset and reads them back as UTC, so in another zone a
    // moment it wrote was stored hours off, and one PostgreSQL stamped (now()) or a raw statement wrote was read
    // hours off; SQL's ::date of a moment is the UTC day as well, as the domain counts days. The pool awaits this
    // before it hands a new connection out; if it fails, the connection is closed and the caller gets the error.
    onConnect: async (client) => {
      await client.query("SET TIME ZONE 'UTC'");
    },
  });
  pool.on('connect', coalesceWrites);
  // node-postgres emits 'error' on a connection when the server ends it (shutdown, crash, terminated backend). The
  // pool listens only while a connection is idle, the adapter only inside a transaction: one that is checked out
  // between the two (a statement just answered, the next not yet sent) has no listener, and an 'error' event
  // without one ends the process. A listener for the connection's whole life closes that gap; the connection is
  // marked unusable by node-postgres itself and the pool drops it when it comes back.
  pool.on('connect', (client) => client.on('error', (err) => options.onPoolError?.(err)));
  const nameOf = statementNames();
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    onPoolError: options.onPoolError,
    statementNameGenerator: nameOf,
  });
  // Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) are tight on a loaded two-core
  // machine; a transaction past its limit is rolled back whole and answered 503, never half-written.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 15_000 } });
  pools.set(client, pool);
  statementNamesOf.set(client, nameOf);
  return client;
}

const DATE_OID = 1082;
/**
 * Row values as $queryRaw gives them, but for dates: a calendar date (`date`) is midnight UTC, as Prisma reads it,
 * not midnight where the server runs. bigint and numeric stay strings (callers convert).
 */
const ROW_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (v: string) => new Date(`${v}T00:00:00.000Z`)
      : types.getTypeParser(oid, format ?? 'text')) as typeof types.getTypeParser,
};

/**
 * The rows of one read-only statement, run straight on the client's own pool — the same connections, prepared
 * statement names and corked writes, without Prisma's query engine (about a fifth of the API's CPU on a list
 * request). For the few hot reads (an initiative page, the caller's credentials). Inside a transaction, or on a
 * client not made by createPrismaClient, it is $queryRaw.
 */
export async function queryRows<T>(db: PrismaClient | Prisma.TransactionClient, sql: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db as PrismaClient);
  const nameOf = statementNamesOf.get(db as PrismaClient);
  if (!pool || !nameOf) return (db as PrismaClient).$queryRaw<T[]>(sql);
  const result = await pool.query({
    name: nameOf({ sql: sql.text }) || undefined,
    text: sql.text,
    values: sql.values as unknown[],
    types: ROW_TYPES,
  });
  return result.rows as T[];
}
