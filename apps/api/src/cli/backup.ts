import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupEmbedded, serverVersion, StartupError } from '@rabta/db';
import { bootConfig, failStartup } from '../runtime';

// npm run backup -- --out FILE
// The embedded cluster: an online base backup (PostgreSQL's backup API and its WAL), while Rabta serves.
// An external PostgreSQL (DATABASE_URL): pg_dump in its custom format, when a pg_dump of the server's major version
// or newer is installed. Same environment as `npm start`.

/** The installed pg_dump's major version, or undefined. */
export function pgDumpMajor(): number | undefined {
  const v = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  const m = /(\d+)(?:\.\d+)?/.exec(v.stdout ?? '');
  return v.status === 0 && m ? Number(m[1]) : undefined;
}

/** pg_dump of an external database into `outFile` (custom format), refusing a pg_dump older than the server. */
export async function backupExternal(url: string, outFile: string): Promise<{ bytes: number }> {
  const server = await serverVersion(url);
  const dump = pgDumpMajor();
  if (dump === undefined || dump < server.major) {
    throw new StartupError(
      `Backing up the PostgreSQL ${server.major} at DATABASE_URL needs pg_dump ${server.major} or newer` +
        (dump ? ` (this machine has pg_dump ${dump})` : ' (none is installed)') +
        `: install postgresql-client-${server.major}, or use pgBackRest (docs/operations.md).`,
    );
  }
  const partial = `${outFile}.partial`;
  const run = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${url}`], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    rmSync(partial, { force: true });
    throw new StartupError(`pg_dump failed: ${(run.stderr || run.stdout).trim()}`);
  }
  renameSync(partial, outFile);
  return { bytes: statSync(outFile).size };
}

async function main(): Promise<void> {
  const { config, logger } = bootConfig();
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  if (!out) failStartup(logger, new StartupError('Say where the backup goes: npm run backup -- --out FILE'));
  const file = resolve(out);
  try {
    if (config.databaseUrl) {
      const { bytes } = await backupExternal(config.databaseUrl, file);
      process.stdout.write(`Backed up the external database to ${file} (${bytes} bytes, pg_dump custom format).\n`);
    } else {
      const r = await backupEmbedded({ dataDir: config.dataDir, pgDir: config.pgDir, outFile: file, logger });
      process.stdout.write(
        `Backed up ${config.dataDir} to ${r.file} (${r.bytes} bytes, ${r.manifest.walFiles.length} WAL file(s), ` +
          `PostgreSQL ${r.manifest.serverVersion}) in ${r.ms} ms.\n`,
      );
    }
  } catch (err) {
    failStartup(logger, err);
  }
}

if (require.main === module) void main();
