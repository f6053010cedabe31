import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Prisma } from '@rabta/db';
import { Client } from 'pg';
import { APP_CONTEXT, type AppContext } from '../../app.context';

// A change feed across every Rabta process on one database, over PostgreSQL's LISTEN/NOTIFY. A write announces the
// resource it changed inside its transaction; PostgreSQL delivers a notification only once that transaction
// commits (a rolled-back write announces nothing), to every connection listening on the channel — this process's
// own listener included. Per-process caches subscribe and drop what they hold.

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

/**
 * Announces, inside `tx`, that records of `resource` changed. A plain function so that code outside Nest's
 * container (the first-admin bootstrap, the seed) announces exactly as services do.
 */
export async function announceChange(tx: Prisma.TransactionClient, resource: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${resource})`;
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

  constructor(@Inject(APP_CONTEXT) private readonly ctx: AppContext) {}

  /** Inside a transaction: announce that records of `resource` changed; pg_notify is transactional, so every process (this one included) hears it only after commit. */
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
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    for (const sub of this.subscribers) clearTimeout(sub.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
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
