import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  dataDirId,
  findBinaries,
  findFreePort,
  startEmbeddedPostgres,
  type DbLogger,
  type RunningPostgres,
} from '@rabta/db';
import { Client } from 'pg';
import { isRunning, startNode, waitFor, type Running } from './processes';

// The embedded PostgreSQL launcher: a real server in a temp data dir, crashes made for real (SIGKILL), and data
// dirs that must be refused without being touched.

jest.setTimeout(120_000);

interface LogLine {
  level: 'info' | 'warn' | 'error' | 'debug';
  msg: string;
}

function captureLogger(): DbLogger & { lines: LogLine[]; at(level: LogLine['level']): string[] } {
  const lines: LogLine[] = [];
  const log = (level: LogLine['level']) => (obj: object | string, msg?: string) =>
    lines.push({ level, msg: typeof obj === 'string' ? obj : (msg ?? '') });
  return {
    lines,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: log('debug'),
    at: (level) => lines.filter((l) => l.level === level).map((l) => l.msg),
  };
}

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Every file below a folder: path → mode and sha256 of its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    const st = statSync(d);
    out[relative(dir, d) || '.'] = `dir ${(st.mode & 0o7777).toString(8)} ${st.uid}`;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out[relative(dir, p)] =
          `${(s.mode & 0o7777).toString(8)} ${s.uid} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** A port another program (a plain TCP server of this process) listens on until released. */
async function holdPort(): Promise<{ held: number; release: () => Promise<void> }> {
  const holder = createServer();
  await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
  return {
    held: (holder.address() as AddressInfo).port,
    release: () => new Promise<void>((done) => holder.close(() => done())),
  };
}

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
const CHILD = join(__dirname, 'fixtures', 'postgres-child.cjs');

async function startChild(dataDir: string): Promise<{ run: Running; postgresPid: number; url: string }> {
  const run = startNode([CHILD, dataDir], { ...process.env });
  const line = await waitFor(
    'the child process to start PostgreSQL',
    () => {
      if (run.child.exitCode !== null) throw new Error(`the child process exited: ${run.output().stderr}`);
      const first = run.output().stdout.split('\n')[0];
      return run.output().stdout.includes('\n') ? first : undefined;
    },
    90_000,
  );
  const info = JSON.parse(line) as { postgresPid: number; url: string };
  return { run, ...info };
}

describe('embedded PostgreSQL', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'rabta-pg-'));
    dirs.push(d);
    return d;
  };
  const running: RunningPostgres[] = [];
  afterAll(async () => {
    for (const pg of running) await pg.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('a data dir of its own', () => {
    let dataDir: string;
    let firstUrl: string;

    beforeAll(() => {
      dataDir = newDir();
    });

    it('should generate credentials on first start, keep them with mode 0600, and serve a real PostgreSQL', async () => {
      const logger = captureLogger();
      const pg = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger });
      running.push(pg);
      firstUrl = pg.url;
      const file = join(dataDir, 'credentials.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      expect(stored).toEqual(pg.credentials);
      expect(stored.user).toBe('rabta');
      expect(stored.password).toMatch(/^[A-Za-z0-9_-]{24,}$/);
      expect(pg.url).toBe(`postgresql://rabta:${stored.password}@127.0.0.1:${pg.port}/rabta`);
      const [row] = await query<{ v: string; db: string }>(
        pg.url,
        "SELECT current_setting('server_version_num') AS v, current_database() AS db",
      );
      expect(Math.floor(Number(row.v) / 10_000)).toBe(findBinaries().major);
      expect(row.db).toBe('rabta');
      expect(logger.at('info')).toContain('Initialised a new embedded PostgreSQL cluster');
      // The password is the only way in: a wrong one is refused.
      await expect(query(pg.url.replace(stored.password, 'wrong-password'), 'SELECT 1')).rejects.toThrow(
        /password authentication failed/,
      );
      await query(pg.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives restarts')");
      await pg.stop();
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    });

    it('should keep the credentials and the data across a restart, and tighten a credentials file others could read', async () => {
      chmodSync(join(dataDir, 'credentials.json'), 0o644);
      const logger = captureLogger();
      const pg = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger });
      running.push(pg);
      expect(pg.url.replace(/:\d+\//, ':PORT/')).toBe(firstUrl.replace(/:\d+\//, ':PORT/'));
      expect(await query(pg.url, 'SELECT note FROM kept')).toEqual([{ note: 'survives restarts' }]);
      expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
      expect(logger.at('warn')).toEqual(['The database credentials file was readable by others; its mode is now 0600']);
      expect(logger.at('info')).not.toContain('Initialised a new embedded PostgreSQL cluster');
      await pg.stop();
    });

    it('should start on another free port when the one it found is taken before the server binds it', async () => {
      // The race is real on a busy machine: a port is free when found and another program binds it first.
      const { held, release } = await holdPort();
      try {
        const picked: number[] = [];
        const logger = captureLogger();
        const pg = await startEmbeddedPostgres({
          dataDir,
          database: 'rabta',
          logger,
          pickPort: async () => {
            const port = picked.length === 0 ? held : await findFreePort();
            picked.push(port);
            return port;
          },
        });
        running.push(pg);
        expect(picked).toHaveLength(2);
        expect(pg.port).toBe(picked[1]);
        expect(pg.url).toContain(`@127.0.0.1:${picked[1]}/`);
        expect(logger.at('info')).toContain('Port taken before the embedded PostgreSQL bound it; trying another');
        expect(await query(pg.url, 'SELECT note FROM kept')).toEqual([{ note: 'survives restarts' }]);
        await pg.stop();
      } finally {
        await release();
      }
    });

    it('should refuse a fixed port another program holds, naming the port, and leave the data dir free', async () => {
      const { held, release } = await holdPort();
      try {
        await expect(
          startEmbeddedPostgres({ dataDir, database: 'rabta', logger: captureLogger(), port: held }),
        ).rejects.toThrow(
          `The embedded PostgreSQL server could not listen on 127.0.0.1:${held}: another program holds that port. Free it or choose another port.`,
        );
        expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
      } finally {
        await release();
      }
    });

    it('should recover from a stale postmaster.pid left by a server killed outright, with one log line', async () => {
      // Unsupervised: the server stays dead, as it does when the whole machine or the Rabta process goes down.
      const pg = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger: captureLogger(), supervise: false });
      running.push(pg);
      const pid = postmasterPid(dataDir);
      process.kill(pid, 'SIGKILL');
      await waitFor('the killed server to be gone', () => (isRunning(pid) ? undefined : true));
      // Its backends notice their postmaster's death and leave shortly after.
      await new Promise((r) => setTimeout(r, 500));
      await pg.stop();
      expect(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]).toBe(String(pid));

      const logger = captureLogger();
      const again = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger });
      running.push(again);
      expect(logger.at('warn')).toEqual([
        `Recovered from an unclean shutdown: removed the stale postmaster.pid (pid ${pid} is not running PostgreSQL)`,
      ]);
      expect(await query(again.url, 'SELECT note FROM kept')).toEqual([{ note: 'survives restarts' }]);
      await again.stop();
    });

    it('should recover when the stale postmaster.pid names a pid that another program now has', async () => {
      const pg = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger: captureLogger() });
      running.push(pg);
      const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
      const content = readFileSync(pidFile, 'utf8');
      await pg.stop();
      // PostgreSQL alone would refuse ("lock file already exists") since that pid is alive.
      const other = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        writeFileSync(pidFile, content.replace(/^\d+/, String(other.pid)));
        const logger = captureLogger();
        const again = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger });
        running.push(again);
        expect(logger.at('warn')).toEqual([
          `Recovered from an unclean shutdown: removed the stale postmaster.pid (pid ${other.pid} is not running PostgreSQL)`,
        ]);
        expect(isRunning(other.pid!)).toBe(true);
        expect(await query(again.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
        await again.stop();
      } finally {
        other.kill('SIGKILL');
      }
    });

    it('should stop an orphaned postgres left by a crashed process and take the data dir over, with one log line', async () => {
      const { run, postgresPid } = await startChild(dataDir);
      run.child.kill('SIGKILL');
      await run.exited;
      // The crash is real: the server outlived the process that started it.
      await new Promise((r) => setTimeout(r, 300));
      expect(isRunning(postgresPid)).toBe(true);

      const logger = captureLogger();
      const started = Date.now();
      const pg = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger });
      running.push(pg);
      // Promptly: the stopped orphan lingers as a zombie here (nobody reaps it), which must not count as running.
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(logger.at('warn')).toEqual([
        `Recovered from an unclean shutdown: stopped the orphaned PostgreSQL (pid ${postgresPid}) still holding the data dir`,
      ]);
      expect(isRunning(postgresPid)).toBe(false);
      expect(postmasterPid(dataDir)).not.toBe(postgresPid);
      expect(await query(pg.url, 'SELECT note FROM survivor')).toEqual([{ note: 'written before the crash' }]);
      expect(await query(pg.url, 'SELECT note FROM kept')).toEqual([{ note: 'survives restarts' }]);
      await pg.stop();
    });

    it('should refuse a data dir that another live Rabta process is using, and leave that process serving', async () => {
      const { run, postgresPid, url } = await startChild(dataDir);
      try {
        await expect(startEmbeddedPostgres({ dataDir, database: 'rabta', logger: captureLogger() })).rejects.toThrow(
          `is in use by PostgreSQL (pid ${postgresPid}) of another running Rabta process (pid ${run.child.pid})`,
        );
        expect(isRunning(postgresPid)).toBe(true);
        expect(await query(url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
      } finally {
        run.child.kill('SIGTERM');
        await run.exited;
      }
      expect(isRunning(postgresPid)).toBe(false);
    });

    it('should refuse credentials that belong to another installation, naming both files', async () => {
      const file = join(dataDir, 'credentials.json');
      const original = readFileSync(file);
      writeFileSync(file, JSON.stringify({ user: 'rabta', password: 'not-the-password-of-this-cluster' }), {
        mode: 0o600,
      });
      try {
        const err = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger: captureLogger() }).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(err?.name).toBe('StartupError');
        expect(err?.message).toContain(
          `The credentials in ${file} do not open the PostgreSQL data dir ${join(dataDir, 'postgres')}`,
        );
        expect(err?.message).not.toContain('not-the-password-of-this-cluster');
        // The server it started to find out is stopped again.
        expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
      } finally {
        writeFileSync(file, original, { mode: 0o600 });
      }
      const pg = await startEmbeddedPostgres({ dataDir, database: 'rabta', logger: captureLogger() });
      running.push(pg);
      expect(await query(pg.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
      await pg.stop();
    });

    describe('refusing a data dir it must not start on, touching nothing', () => {
      /** A copy of the (stopped) cluster, owners and modes kept, damaged by `damage`. */
      function damagedCopy(damage: (pgDir: string, dataDir: string) => void): string {
        // Straight in the temp folder: as root, the server user must be able to reach it.
        const copy = join(tmpdir(), `rabta-pg-copy-${process.pid}-${dirs.length}`);
        dirs.push(copy);
        const cp = spawnSync('cp', ['-a', dataDir, copy]);
        expect(cp.status).toBe(0);
        damage(join(copy, 'postgres'), copy);
        return copy;
      }

      async function expectRefusal(dir: string, message: RegExp | string): Promise<void> {
        const before = snapshot(dir);
        const err = await startEmbeddedPostgres({ dataDir: dir, database: 'rabta', logger: captureLogger() }).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(err?.name).toBe('StartupError');
        if (typeof message === 'string') expect(err?.message).toContain(message);
        else expect(err?.message).toMatch(message);
        expect(snapshot(dir)).toEqual(before);
      }

      it('should put, as root, the cluster of a data dir that the postgres user cannot reach in a runtime folder, keeping the credentials in the data dir', async () => {
        const closed = newDir(); // mode 0700, like /root
        const dir = join(closed, 'project', '.data');
        const runtimeRoot = join(tmpdir(), `rabta-runtime-${process.pid}`);
        dirs.push(runtimeRoot);
        const logger = captureLogger();
        const pg = await startEmbeddedPostgres({ dataDir: dir, database: 'rabta', logger, runtimeRoot });
        running.push(pg);
        await query(pg.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)');
        await pg.stop();
        expect(statSync(closed).mode & 0o777).toBe(0o700);
        expect(statSync(join(dir, 'credentials.json')).mode & 0o777).toBe(0o600);
        if (process.getuid?.() !== 0) {
          // Not root: the server runs as this user, who owns the folder, so the cluster stays inside.
          expect(existsSync(join(dir, 'postgres', 'PG_VERSION'))).toBe(true);
          return;
        }
        const pgDir = join(runtimeRoot, dataDirId(dir), 'postgres');
        expect(existsSync(join(pgDir, 'PG_VERSION'))).toBe(true);
        expect(existsSync(join(dir, 'postgres'))).toBe(false);
        // One line says where the cluster and the binaries went.
        expect(logger.at('info').filter((m) => m.includes(pgDir))).toHaveLength(1);
        // The next start finds the cluster again, data kept.
        const again = await startEmbeddedPostgres({ dataDir: dir, database: 'rabta', logger: captureLogger() });
        running.push(again);
        expect(await query(again.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
        await again.stop();
      });

      it('should refuse a postgres folder that is not a PostgreSQL data dir', async () => {
        const dir = newDir();
        mkdirSync(join(dir, 'postgres'));
        writeFileSync(join(dir, 'postgres', 'notes.txt'), 'someone else’s files');
        await expectRefusal(dir, `${join(dir, 'postgres')} is not empty and is not a PostgreSQL data dir`);
        expect(existsSync(join(dir, 'credentials.json'))).toBe(false);
      });

      it('should refuse a data dir made by another PostgreSQL major version, naming both versions', async () => {
        const major = findBinaries().major;
        const dir = damagedCopy((pgDir) => writeFileSync(join(pgDir, 'PG_VERSION'), `${major - 2}\n`));
        await expectRefusal(dir, `was created by PostgreSQL ${major - 2}, but this Rabta runs PostgreSQL ${major}`);
      });

      it('should refuse a data dir whose PG_VERSION is damaged', async () => {
        const dir = damagedCopy((pgDir) => writeFileSync(join(pgDir, 'PG_VERSION'), 'garbage\n'));
        await expectRefusal(dir, 'is damaged: its PG_VERSION file does not hold a PostgreSQL version');
      });

      it('should refuse a cluster whose credentials file is missing', async () => {
        const dir = damagedCopy((_pgDir, data) => unlinkSync(join(data, 'credentials.json')));
        await expectRefusal(
          dir,
          `${join(dir, 'credentials.json')} is missing, so the database in ${join(dir, 'postgres')} cannot be opened`,
        );
      });

      it('should refuse a credentials file that is not valid', async () => {
        const dir = damagedCopy((_pgDir, data) =>
          writeFileSync(join(data, 'credentials.json'), '{"user":', { mode: 0o600 }),
        );
        await expectRefusal(dir, `${join(dir, 'credentials.json')} is not a valid credentials file`);
      });

      it('should refuse a cluster that PostgreSQL itself cannot start (no pg_control), quoting its reason', async () => {
        const dir = damagedCopy((pgDir) => unlinkSync(join(pgDir, 'global', 'pg_control')));
        await expectRefusal(dir, /The embedded PostgreSQL server stopped while starting[\s\S]*pg_control/);
      });
    });
  });
});
