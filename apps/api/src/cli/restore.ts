import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { restoreEmbedded, StartupError } from '@rabta/db';
import { bootConfig, failStartup } from '../runtime';

// npm run restore -- FILE
// Into an empty RABTA_DATA_DIR (a backup of the embedded cluster), or into the empty database of DATABASE_URL
// (a pg_dump custom-format file). Never over existing data. Same environment as `npm start`.

function isPgDump(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    return head.toString('latin1') === 'PGDMP';
  } finally {
    closeSync(fd);
  }
}

async function restoreExternal(url: string, file: string): Promise<void> {
  if (!isPgDump(file))
    throw new StartupError(
      `${file} is not a pg_dump custom-format file. A backup of the embedded cluster restores into an empty RABTA_DATA_DIR: unset DATABASE_URL.`,
    );
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    if (rows[0].n > 0)
      throw new StartupError('The database of DATABASE_URL is not empty: restore into an empty database.');
  } finally {
    await client.end();
  }
  const run = spawnSync(
    'pg_restore',
    ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new StartupError(`pg_restore failed: ${(run.stderr || run.stdout).trim()}`);
}

async function main(): Promise<void> {
  const { config, logger } = bootConfig();
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!arg) failStartup(logger, new StartupError('Name the backup to restore: npm run restore -- FILE'));
  const file = resolve(arg);
  try {
    if (!existsSync(file)) throw new StartupError(`No backup file ${file}.`);
    if (config.databaseUrl) {
      await restoreExternal(config.databaseUrl, file);
      process.stdout.write(`Restored ${file} into the database of DATABASE_URL.\n`);
    } else {
      const r = await restoreEmbedded({ file, dataDir: config.dataDir, pgDir: config.pgDir, logger });
      process.stdout.write(
        `Restored ${file} (taken ${r.manifest.createdAt}) into ${r.dataDir} (cluster in ${r.pgDir}) in ${r.ms} ms. Start Rabta with the same RABTA_DATA_DIR.\n`,
      );
    }
  } catch (err) {
    failStartup(logger, err);
  }
}

void main();
