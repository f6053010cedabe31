import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@rabta/db';
import { Client } from 'pg';
import { APP_CONTEXT, type AppContext } from '../../app.context';

// A change feed across every Rabta process on one database, over PostgreSQL's LISTEN/NOTIFY. A write announces the
// resource it changed; PostgreSQL delivers a notification only once it commits, to every connection listening on
// the channel — this process's own listener included. Per-process caches subscribe and drop what they hold.
//
// Announcements are sent after the write commits, not inside it: a transaction that notifies takes one lock for
// the whole cluster from just before its commit until after it (PostgreSQL's notify queue), so writes that
// announce inside their transactions commit one at a time, each waiting for the previous one's WAL flush. Measured
// here with 20 writers: 2,200 commits/s without a NOTIFY inside, 430 with one. So AuditService's announcement is
// noted on the transaction (announceChange), and when `prisma.$transaction` has committed, the process sends what
// was noted, batched (at most one notifying statement of its own in flight), from a transaction that does not
// wait for its WAL flush (a notification is not durable anyway). A rolled-back write announces nothing. If the
// process dies between a commit and its announcement, other processes miss it: their caches still expire (the
// settings after 5 minutes), the gazetteer checks the audit log, and a listener that reconnects refreshes all.

/** The channel every process listens on (channels are per database, so test databases never hear each other). */
export const CHANGES_CHANNEL = 'rabta_changes';

/** Notifications for one subscriber and resource arriving within this window run its callback once. */
const DEBOUNCE_MS = 50;
/** Reconnect delays after the listener connection is lost: doubling from the first to the last. */
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 2_000;
/** A silent half-open connection (an external database gone without a FIN) is found by a ping this often. */
const PING_MS = 10_000;
const PING_TIMEOUT_MS = 3_000;

/** Resources announced inside an open transaction of a client whose commits announce them (deferAnnouncements). */
const pendingOf = new WeakMap<object, Set<string>>();
const DEFERRING = Symbol('rabta.deferAnnouncements');

/**
 * Announces that records of `resource` changed, for `tx`'s commit. A plain function so that code outside Nest's
 * container (the first-admin bootstrap, the seed) announces exactly as services do. In a transaction of the app's
 * client the announcement is sent after the commit; elsewhere (a client without deferAnnouncements) it is sent
 * inside the transaction, which PostgreSQL delivers after the commit too.
 */
export async function announceChange(tx: Prisma.TransactionClient, resource: string): Promise<void> {
  const pending = pendingOf.get(tx);
  if (pending) pending.add(resource);
  else await tx.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${resource})`;
}

/**
 * Makes `prisma.$transaction(fn)` collect the announcements made inside it and hand them to `send` once it has
 * committed. Installed once per client (by ChangesService); batch transactions (`$transaction([...])`) pass through.
 */
export function deferAnnouncements(prisma: PrismaClient, send: (resources: string[]) => void): void {
  const client = prisma as unknown as Record<symbol, unknown> & { $transaction: (...a: unknown[]) => unknown };
  if (client[DEFERRING]) return;
  client[DEFERRING] = true;
  const original = client.$transaction.bind(prisma) as (...a: unknown[]) => Promise<unknown>;
  client.$transaction = (arg: unknown, ...rest: unknown[]) => {
    if (typeof arg !== 'function') return original(arg, ...rest);
    const pending = new Set<string>();
    return original(
      (tx: object) => {
        pendingOf.set(tx, pending);
        return (arg as (tx: object) => unknown)(tx);
      },
      ...rest,
    ).then((result) => {
      if (pending.size) send([...pending]);
      return result;
    });
  };
}

interface Subscriber {
  resources: ReadonlySet<string>;
  fn: (resource: string) => void;
  pending: Set<string>;
  timer?: NodeJS.Timeout;
}

@Injectable()
export class ChangesService implements OnModuleInit, OnApplicationShutdown {
  private readonly subscribers = new Set<Subscriber>();
  private client: Client | undefined;
  private closed = false;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private retryMs = RECONNECT_MIN_MS;
  /** Whether a connection was ever made: a later one may have missed notifications in between. */
  private everConnected = false;

  /** Resources whose committed changes this process has yet to announce, and the announcement being sent. */
  private readonly outbox = new Set<string>();
  private sending: Promise<void> | undefined;

  constructor(@Inject(APP_CONTEXT) private readonly ctx: AppContext) {
    deferAnnouncements(ctx.prisma, (resources) => this.publish(resources));
  }

  /** Inside a transaction: announce that records of `resource` changed; every process (this one included) hears it once the transaction has committed. */
  announce(tx: Prisma.TransactionClient, resource: string): Promise<void> {
    return announceChange(tx, resource);
  }

  /** Run fn after a committed change of any of these resources (audit entity names: 'people', 'organizations', 'initiatives', 'settings', …), in every process; debounced. Returns an unsubscribe. */
  onChange(resources: readonly string[], fn: (resource: string) => void): () => void {
    const sub: Subscriber = { resources: new Set(resources), fn, pending: new Set() };
    this.subscribers.add(sub);
    return () => {
      clearTimeout(sub.timer);
      this.subscribers.delete(sub);
    };
  }

  /** True while the listener connection is up (false while it reconnects after a database fault). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  async onModuleInit(): Promise<void> {
    // The first attempt is awaited so that a process that starts serving already hears every change; a database
    // that is not there yet leaves the listener to reconnect in the background.
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sending;
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    for (const sub of this.subscribers) clearTimeout(sub.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Sends the announcements of committed writes: batched, one notifying statement of this process at a time. */
  private publish(resources: string[]): void {
    for (const r of resources) this.outbox.add(r);
    this.sending ??= this.flush();
  }

  private async flush(): Promise<void> {
    try {
      while (this.outbox.size) {
        const batch = [...this.outbox];
        this.outbox.clear();
        const prisma = this.ctx.prisma;
        try {
          // Its own short transaction, which need not wait for its WAL flush: it holds the notify lock briefly.
          await prisma.$transaction([
            prisma.$executeRaw`SELECT set_config('synchronous_commit', 'off', true)`,
            prisma.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, r) FROM unnest(${batch}::text[]) AS r`,
          ]);
        } catch (err) {
          // The database is away: the listeners reconnect afterwards and refresh everything anyway.
          this.ctx.logger.debug({ err: (err as Error).message, resources: batch }, 'Could not announce changes');
        }
      }
    } finally {
      this.sending = undefined;
    }
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.ctx.database.url,
      connectionTimeoutMillis: 2_000,
      keepAlive: true,
      application_name: 'rabta-changes',
    });
    // Errors also end the connection; 'end' is where we react.
    client.on('error', (err) => this.ctx.logger.debug({ err: err.message }, 'Change feed connection error'));
    client.on('notification', (msg) => {
      if (msg.channel === CHANGES_CHANNEL && msg.payload) this.deliver(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      this.ctx.logger.warn(
        { err: (err as Error).message, retryMs: this.retryMs },
        'Change feed cannot listen yet; retrying',
      );
      this.scheduleReconnect();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    client.once('end', () => this.lost(client));
    this.client = client;
    this.retryMs = RECONNECT_MIN_MS;
    this.startPing(client);
    if (this.everConnected) {
      this.ctx.logger.info('Change feed reconnected; refreshing every subscribed cache');
      // Whatever changed while we were not listening is unknown: every subscriber refreshes.
      for (const sub of this.subscribers) for (const r of sub.resources) this.queue(sub, r);
    }
    this.everConnected = true;
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.pingTimer);
    if (this.closed) return;
    this.ctx.logger.warn('Change feed connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private startPing(client: Client): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS).unref(),
      );
      Promise.race([client.query('SELECT 1'), timeout]).catch(() => {
        // A connection that does not answer is dropped; 'end' then reconnects.
        (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
        void client.end().catch(() => undefined);
      });
    }, PING_MS);
    this.pingTimer.unref();
  }

  private deliver(resource: string): void {
    for (const sub of this.subscribers) if (sub.resources.has(resource)) this.queue(sub, resource);
  }

  private queue(sub: Subscriber, resource: string): void {
    sub.pending.add(resource);
    sub.timer ??= setTimeout(() => {
      sub.timer = undefined;
      const resources = [...sub.pending];
      sub.pending.clear();
      for (const r of resources) {
        try {
          sub.fn(r);
        } catch (err) {
          this.ctx.logger.error({ err, resource: r }, 'A change feed subscriber failed');
        }
      }
    }, DEBOUNCE_MS);
  }
}
