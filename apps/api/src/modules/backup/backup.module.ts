import { Module } from '@nestjs/common';
import { BackupScheduler } from './backup.scheduler';

/** Scheduled backups with retention (RABTA_BACKUP_CRON, RABTA_BACKUP_DIR, RABTA_BACKUP_KEEP). */
@Module({ providers: [BackupScheduler] })
export class BackupModule {}
