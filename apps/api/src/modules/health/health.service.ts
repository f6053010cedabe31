import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient, readMigrations } from '@rabta/db';
import { APP_CONTEXT, type AppContext } from '../../app.context';
import { isConnectionFailure } from '../../common/database/database-status';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: {
    connected: boolean;
    version: string | null;
    embedded: boolean;
    migrations: { applied: number; pending: number } | null;
    /** While the database is unreachable: since when (Rabta retries by itself). */
    unreachableSince?: string;
  };
}

/** What anonymous callers learn: up or not, and nothing about versions. */
export interface PublicHealthReport {
  status: HealthReport['status'];
  database: Pick<HealthReport['database'], 'connected' | 'unreachableSince'>;
}

/** The health check's own limit, so that it answers well within 2 s whatever the database does. */
const HEALTH_TIMEOUT_MS = 1_500;

@Injectable()
export class HealthService {
  private readonly migrationNames: string[];

  constructor(
    private readonly prisma: PrismaClient,
    @Inject(APP_CONTEXT) private readonly ctx: AppContext,
  ) {
    this.migrationNames = readMigrations(ctx.migrationsDir).map((m) => m.name);
  }

  async check(): Promise<HealthReport> {
    const embedded = this.ctx.database.embedded;
    const status = this.ctx.databaseStatus;
    const unavailable = (): HealthReport => ({
      status: 'unavailable',
      database: {
        connected: false,
        version: null,
        embedded,
        migrations: null,
        unreachableSince: (status?.downSince ?? new Date()).toISOString(),
      },
    });
    if (status?.isDown) return unavailable();
    try {
      const [version, applied] = await Promise.race([
        Promise.all([
          this.prisma.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`,
          this.prisma.$queryRaw<{ name: string }[]>`
            SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        ]),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('health check timed out')), HEALTH_TIMEOUT_MS).unref(),
        ),
      ]);
      const done = new Set(applied.map((r) => r.name));
      return {
        status: 'ok',
        database: {
          connected: true,
          version: version[0].v.split(' ')[0],
          embedded,
          migrations: { applied: done.size, pending: this.migrationNames.filter((n) => !done.has(n)).length },
        },
      };
    } catch (err) {
      if (isConnectionFailure(err)) status?.markDown((err as Error).message);
      return unavailable();
    }
  }
}
