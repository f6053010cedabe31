import 'reflect-metadata';
import { markRolledBack, migrate, migrationStatus, MIGRATIONS_DIR, openDatabase } from '@rabta/db';
import { bootConfig, failStartup } from '../runtime';

// npm run db:migrate                               apply pending migrations
// npm run db:migrate -- --status                   list applied and pending
// npm run db:migrate -- --rolled-back <migration>  mark a failed migration rolled back, then apply
async function main(): Promise<void> {
  const { config, logger } = bootConfig();
  const args = process.argv.slice(2);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pgDir: config.pgDir,
    logger,
  }).catch((err) => failStartup(logger, err));
  try {
    const rolledBack = args.indexOf('--rolled-back');
    if (rolledBack >= 0) {
      const name = args[rolledBack + 1];
      if (!name) throw new Error('--rolled-back needs the migration name');
      const marked = await markRolledBack(db.url, name);
      process.stdout.write(marked ? `Marked ${name} rolled back.\n` : `No failed migration named ${name}.\n`);
    }
    if (args.includes('--status')) {
      const status = await migrationStatus(db.url, MIGRATIONS_DIR);
      process.stdout.write(
        `${status.applied} applied, ${status.pending} pending${status.pending ? `: ${status.pendingNames.join(', ')}` : ''}\n`,
      );
    } else {
      const result = await migrate(db.url, MIGRATIONS_DIR, logger);
      process.stdout.write(`${result.applied.length} applied now, ${result.total} in all.\n`);
    }
  } catch (err) {
    await db.stop();
    failStartup(logger, err);
  }
  await db.stop();
}

void main();
