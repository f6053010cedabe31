import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  type WriteStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import * as tar from 'tar';
import { clusterDirFor, findBinaries, startEmbeddedPostgres, type Credentials } from './embedded-postgres';
import { StartupError } from './errors';
import type { DbLogger } from './logger';

// Online backups of the embedded cluster with PostgreSQL's own base-backup machinery: the low-level backup API
// (pg_backup_start / pg_backup_stop) while Rabta keeps serving, the data files copied in between, and the WAL
// written meanwhile (held by a temporary replication slot) added to the archive together with the backup_label
// that pg_backup_stop returns. A restored copy starts with PostgreSQL's own recovery, which replays that WAL to the
// consistent point where the backup ended. Physical, so it needs no pg_dump of the server's major version (the
// embedded binaries ship none), and it restores every table, sequence and the job queue exactly.

export const BACKUP_FORMAT = 'rabta-embedded-base-backup';
const MANIFEST = 'rabta-backup.json';
const CREDENTIALS_FILE = 'credentials.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  createdAt: string;
  postgresMajor: number;
  serverVersion: string;
  startLsn: string;
  stopLsn: string;
  walFiles: string[];
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  manifest: BackupManifest;
}

/** Paths PostgreSQL's documentation says to leave out of a base backup (their folders are kept, empty). */
const EMPTY_DIRS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const SKIP_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'backup_label.old',
  'tablespace_map',
  'pg_internal.init',
]);

function walRange(files: string[], first: string, last: string): string[] {
  const timeline = first.slice(0, 8);
  return files.filter((f) => /^[0-9A-F]{24}$/.test(f) && f.slice(0, 8) === timeline && f >= first && f <= last).sort();
}

/** The port and credentials of the embedded cluster of `dataDir`, if its server is running. */
export function runningEmbedded(
  dataDir: string,
  pgDir?: string,
): { url: string; pgDir: string; credentials: Credentials } | undefined {
  const cluster = clusterDirFor(resolve(dataDir), { pgDir });
  const pidFile = join(cluster, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const credentials = JSON.parse(readFileSync(join(dataDir, CREDENTIALS_FILE), 'utf8')) as Credentials;
  const url = `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${Number(lines[3])}/postgres`;
  return { url, pgDir: cluster, credentials };
}

/**
 * Takes an online base backup of the embedded cluster of `dataDir` into `outFile` (a .tar.gz, mode 0600: it holds
 * the database credentials and every password hash). The server is used as it runs (Rabta keeps serving), or
 * started for the backup when Rabta is not running.
 */
export async function backupEmbedded(options: {
  dataDir: string;
  pgDir?: string;
  outFile: string;
  logger: DbLogger;
}): Promise<BackupResult> {
  const started = Date.now();
  const dataDir = resolve(options.dataDir);
  if (!existsSync(join(dataDir, CREDENTIALS_FILE)))
    throw new StartupError(`${dataDir} holds no Rabta database (no ${CREDENTIALS_FILE}); nothing to back up.`);
  let running = runningEmbedded(dataDir, options.pgDir);
  let stop: (() => Promise<void>) | undefined;
  if (!running) {
    const pg = await startEmbeddedPostgres({
      dataDir,
      pgDir: options.pgDir,
      database: 'rabta',
      logger: options.logger,
      supervise: false,
    });
    stop = pg.stop;
    running = { url: pg.serverUrl('postgres'), pgDir: pg.pgDir, credentials: pg.credentials };
  }
  const { pgDir } = running;
  const outFile = resolve(options.outFile);
  const partial = `${outFile}.partial`;
  const client = new Client({ connectionString: running.url, application_name: 'rabta-backup' });
  let out: WriteStream | undefined;
  await client.connect();
  try {
    const [{ server_version, server_version_num }] = (
      await client.query<{ server_version: string; server_version_num: string }>(
        "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
      )
    ).rows;
    // A temporary slot keeps every WAL segment from here on until this session ends, however long the copy takes.
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [`rabta_backup_${process.pid}`]);
    const start = (
      await client.query<{ lsn: string; wal: string }>(
        "SELECT lsn::text, pg_walfile_name(lsn) AS wal FROM pg_backup_start('rabta backup', true) AS lsn",
      )
    ).rows[0];
    const staging = join(tmpdir(), `rabta-backup-${process.pid}-${Date.now()}`);
    mkdirSync(staging, { mode: 0o700 });
    try {
      const entries: string[] = [];
      const walk = (rel: string) => {
        for (const name of readdirSync(join(pgDir, rel))) {
          const relPath = rel ? `${rel}/${name}` : name;
          const st = lstatSync(join(pgDir, relPath));
          if (st.isDirectory()) {
            entries.push(relPath);
            if (EMPTY_DIRS.has(relPath) || name.startsWith('pgsql_tmp')) continue;
            walk(relPath);
          } else if (!SKIP_FILES.has(name) && !name.startsWith('pgsql_tmp')) {
            entries.push(relPath);
          }
        }
      };
      walk('');

      mkdirSync(dirname(outFile), { recursive: true });
      // The archive: the cluster under postgres/ (read through a link to its folder: root, or the user running the
      // server, may read every file of it), then the manifest, the credentials, backup_label and the WAL. The data
      // files must be read before pg_backup_stop: the WAL replayed on restore ends where the backup stopped, so a page
      // read after that could hold a later write than the rest of the copy (a row without its audit event).
      symlinkSync(pgDir, join(staging, 'postgres'));
      let dataEnded = 0;
      let dataRead!: () => void;
      let failed!: (err: unknown) => void;
      const dataDone = new Promise<void>((res, rej) => {
        dataRead = res;
        failed = rej;
      });
      const pack = new tar.Pack({
        gzip: true,
        cwd: staging,
        portable: true,
        follow: true,
        noDirRecurse: true,
        // Entries end in the order they were added; the files added after the stop only count past the data's.
        onWriteEntry: (entry) => entry.on('end', () => ++dataEnded === entries.length && dataRead()),
      });
      const file = createWriteStream(partial, { mode: 0o600 });
      out = file;
      const written = new Promise<void>((res, rej) => {
        file.on('close', res);
        file.on('error', rej);
        pack.on('error', (err: unknown) => {
          failed(err);
          rej(err);
          file.destroy();
        });
      });
      written.catch(() => undefined);
      pack.pipe(file);
      for (const e of entries) pack.add(`postgres/${e}`);
      if (entries.length === 0) dataRead();
      await dataDone;

      const stopped = (
        await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null; wal: string }>(
          'SELECT lsn::text, labelfile, spcmapfile, pg_walfile_name(lsn) AS wal FROM pg_backup_stop(false)',
        )
      ).rows[0];
      const walFiles = walRange(readdirSync(join(pgDir, 'pg_wal')), start.wal, stopped.wal);
      if (!walFiles.includes(start.wal) || !walFiles.includes(stopped.wal))
        throw new Error(`The WAL of the backup (${start.wal} … ${stopped.wal}) is not all in ${pgDir}/pg_wal`);
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: 1,
        createdAt: new Date().toISOString(),
        postgresMajor: Math.floor(Number(server_version_num) / 10_000),
        serverVersion: server_version.split(' ')[0],
        startLsn: start.lsn,
        stopLsn: stopped.lsn,
        walFiles,
      };
      writeFileSync(join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
      writeFileSync(join(staging, 'backup_label'), stopped.labelfile, { mode: 0o600 });
      if (stopped.spcmapfile) writeFileSync(join(staging, 'tablespace_map'), stopped.spcmapfile, { mode: 0o600 });
      writeFileSync(join(staging, CREDENTIALS_FILE), readFileSync(join(dataDir, CREDENTIALS_FILE)), { mode: 0o600 });
      for (const name of [
        MANIFEST,
        CREDENTIALS_FILE,
        'backup_label',
        ...(stopped.spcmapfile ? ['tablespace_map'] : []),
        ...walFiles.map((f) => `postgres/pg_wal/${f}`),
      ])
        pack.add(name);
      pack.end();
      await written;
      chmodSync(partial, 0o600);
      renameSync(partial, outFile);
      const bytes = statSync(outFile).size;
      return { file: outFile, bytes, ms: Date.now() - started, manifest };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (err) {
    out?.destroy();
    rmSync(partial, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => undefined);
    await stop?.();
  }
}

/** Whether `dir` is missing or empty. */
function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** PostgreSQL refuses to run as root; as root the restored cluster belongs to the `postgres` system user. */
function serverOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  if (uid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

export interface RestoreResult {
  dataDir: string;
  pgDir: string;
  manifest: BackupManifest;
  ms: number;
}

/**
 * Restores a backup made by backupEmbedded into an empty data dir: the credentials into `dataDir`, the cluster
 * where a start would look for it (clusterDirFor), then starts it once so that PostgreSQL replays the backup's
 * WAL to its consistent end point, and stops it again.
 */
export async function restoreEmbedded(options: {
  file: string;
  dataDir: string;
  pgDir?: string;
  logger: DbLogger;
}): Promise<RestoreResult> {
  const started = Date.now();
  const file = resolve(options.file);
  const dataDir = resolve(options.dataDir);
  if (!existsSync(file)) throw new StartupError(`No backup file ${file}.`);
  if (!isEmptyDir(dataDir))
    throw new StartupError(
      `RABTA_DATA_DIR ${dataDir} is not empty: restore into an empty folder (a restore never overwrites a database).`,
    );
  const staging = join(tmpdir(), `rabta-restore-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    await tar.extract({ file, cwd: staging, preserveOwner: false });
    const manifestFile = join(staging, MANIFEST);
    if (!existsSync(manifestFile))
      throw new StartupError(`${basename(file)} is not a Rabta backup (no ${MANIFEST} inside).`);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
    if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== 1)
      throw new StartupError(`${basename(file)} is a backup of an unknown format (${manifest.format}).`);
    const bin = findBinaries();
    if (manifest.postgresMajor !== bin.major)
      throw new StartupError(
        `${basename(file)} holds a PostgreSQL ${manifest.postgresMajor} cluster, but this Rabta runs PostgreSQL ${bin.major}. ` +
          `Restore it with a Rabta of PostgreSQL ${manifest.postgresMajor}, then move the data with pg_dump.`,
      );
    const pgDir = clusterDirFor(dataDir, { pgDir: options.pgDir });
    if (!isEmptyDir(pgDir))
      throw new StartupError(`${pgDir}, where the restored cluster would go, is not empty. Move it away first.`);
    const owner = serverOwner();
    const relocated = pgDir !== join(dataDir, 'postgres');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, CREDENTIALS_FILE), readFileSync(join(staging, CREDENTIALS_FILE)), { mode: 0o600 });
    mkdirSync(dirname(pgDir), { recursive: true, mode: owner ? 0o711 : 0o700 });
    if (owner && !relocated) chmodSync(dataDir, 0o711);
    const restored = join(staging, 'postgres');
    for (const name of ['backup_label', 'tablespace_map']) {
      if (existsSync(join(staging, name))) renameSync(join(staging, name), join(restored, name));
    }
    try {
      renameSync(restored, pgDir);
    } catch {
      // another file system: copy, then drop the staged copy
      spawnSync('cp', ['-a', restored, pgDir]);
      if (!existsSync(join(pgDir, 'PG_VERSION')))
        throw new StartupError(`Could not put the restored cluster in ${pgDir}.`);
    }
    chmodSync(pgDir, 0o700);
    if (owner) {
      const chown = spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, pgDir]);
      if (chown.status !== 0) throw new StartupError(`Could not give ${pgDir} to the postgres user.`);
    }
    // PostgreSQL's own recovery brings the copy to the backup's end point; a start proves it opens.
    const pg = await startEmbeddedPostgres({
      dataDir,
      pgDir: options.pgDir,
      database: 'rabta',
      logger: options.logger,
      supervise: false,
    });
    await pg.stop();
    return { dataDir, pgDir, manifest, ms: Date.now() - started };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
