import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupEmbedded } from '@rabta/db';
import { parseExpression } from 'cron-parser';
import { Client } from 'pg';
import { APP_CONTEXT, type AppContext } from '../../app.context';
import { backupExternal } from '../../cli/backup';

/** Taken for a scheduled backup, so that of several processes on one database only one backs up a slot. */
const BACKUP_LOCK_KEY = 72707370;
const NAME = /^rabta-backup-(\d{8}T\d{6}Z)\.(tar\.gz|dump)$/;

/** `rabta-backup-20261202T030000Z.tar.gz` for the slot of 2026-12-02 03:00 UTC. */
export function backupFileName(slot: Date, embedded: boolean): string {
  const stamp = slot
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `rabta-backup-${stamp}.${embedded ? 'tar.gz' : 'dump'}`;
}

/** Deletes all but the newest `keep` scheduled backups in `dir` (other files are left alone). Returns what went. */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse();
  const gone = ours.slice(keep);
  for (const f of gone) rmSync(join(dir, f), { force: true });
  return gone;
}

/**
 * Scheduled backups (RABTA_BACKUP_CRON into RABTA_BACKUP_DIR, keeping the newest RABTA_BACKUP_KEEP): each slot is
 * backed up once, by whichever process takes the lock first; the others find the file there and skip it.
 */
@Injectable()
export class BackupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(@Inject(APP_CONTEXT) private readonly ctx: AppContext) {}

  onApplicationBootstrap(): void {
    if (!this.ctx.config.backup.cron) return;
    this.ctx.logger.info(
      { cron: this.ctx.config.backup.cron, dir: this.ctx.config.backup.dir, keep: this.ctx.config.backup.keep },
      'Scheduled backups are on',
    );
    this.scheduleNext();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const slot = parseExpression(this.ctx.config.backup.cron!, { tz: 'UTC' }).next().toDate();
    this.timer = setTimeout(
      () => {
        this.running = this.run(slot).finally(() => {
          this.running = undefined;
          this.scheduleNext();
        });
      },
      Math.max(0, slot.getTime() - Date.now()),
    );
    this.timer.unref();
  }

  /** Backs up one slot (once across processes), then prunes. */
  async run(slot: Date): Promise<void> {
    const { config, logger, database } = this.ctx;
    const dir = config.backup.dir;
    const file = join(dir, backupFileName(slot, database.embedded));
    const lock = new Client({ connectionString: database.url, application_name: 'rabta-backup-lock' });
    // A connection the server ends (a restart, the database gone mid-backup) emits 'error'; without a listener that
    // event would end the process. The backup itself then fails on its own connection and is logged below.
    lock.on('error', (err) => logger.warn({ err: err.message }, 'Backup lock connection lost'));
    try {
      await lock.connect();
      const { rows } = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [BACKUP_LOCK_KEY]);
      if (!rows[0].ok || existsSync(file)) return;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const started = Date.now();
      if (database.embedded)
        await backupEmbedded({ dataDir: config.dataDir, pgDir: config.pgDir, outFile: file, logger });
      else await backupExternal(database.url, file);
      const pruned = pruneBackups(dir, config.backup.keep);
      logger.info({ file, ms: Date.now() - started, pruned }, 'Scheduled backup written');
    } catch (err) {
      logger.error({ err: (err as Error).message, file }, 'Scheduled backup failed');
    } finally {
      await lock.end().catch(() => undefined);
    }
  }
}
