import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RUNTIME_ROOT, dataDirId } from '@rabta/db';
import { built, cleanEnv, freePort, ROOT, waitFor } from './processes';
import { spawn } from 'node:child_process';

// `npm start` as root with the clone in a folder other users cannot enter (/root, a 0700 home): PostgreSQL runs as
// the `postgres` system user, which can reach neither the binaries below node_modules nor a data dir there. The
// clone is made to live in a 0700 folder for real, by bind-mounting this checkout there in a private mount
// namespace, so every path the server sees (binaries included) is below the closed folder.

const isRoot = process.getuid?.() === 0;
const canBindMount = isRoot && spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind ${ROOT} ${ROOT}`]).status === 0;
if (!canBindMount) {
  process.stdout.write(
    `SKIPPED root-start.e2e-spec.ts: it needs root and mount namespaces (unshare -m); here ${isRoot ? 'unshare -m fails' : 'not root'}.\n`,
  );
}
const rootOnly = canBindMount ? it : it.skip;

describe('npm start as root with the clone in a 0700 folder', () => {
  jest.setTimeout(180_000);

  rootOnly('should put the cluster and the binaries where postgres can reach them, say where, and serve', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'rabta-private-')); // mode 0700, like /root
    const clone = join(closed, 'rabta');
    const dataDir = join(closed, 'rabta-data');
    mkdirSync(clone);
    const port = await freePort();
    const main = built('apps/api/dist/main.js').slice(ROOT.length + 1);
    const server = spawn(
      'unshare',
      ['-m', 'sh', '-c', `mount --bind "${ROOT}" "${clone}" && cd "${clone}" && exec "${process.execPath}" ${main}`],
      {
        env: cleanEnv({
          PORT: String(port),
          RABTA_DATA_DIR: dataDir,
          RABTA_SEED_DEMO: 'false',
          LOG_LEVEL: 'info',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    server.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    server.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => server.on('close', (code) => resolve(code)));
    const pgHome = join(DEFAULT_RUNTIME_ROOT, dataDirId(dataDir));
    try {
      await waitFor(
        '/api/health to answer 200',
        async () => {
          if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${stderr}`);
          const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
          return res?.status === 200 ? true : undefined;
        },
        150_000,
        200,
      );
      // One line says where the cluster and the binaries are; the credentials stay in the data dir.
      const where = stdout.split('\n').filter((l) => l.includes(`cluster in ${join(pgHome, 'postgres')}`));
      expect(where).toHaveLength(1);
      expect(where[0]).toMatch(/binaries in \S+/);
      expect(where[0]).not.toContain(closed + '/rabta/node_modules');
      expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
      expect(existsSync(join(pgHome, 'postgres', 'PG_VERSION'))).toBe(true);
      expect(statSync(closed).mode & 0o777).toBe(0o700);
      expect(JSON.parse(readFileSync(join(dataDir, 'postgres-location.json'), 'utf8'))).toEqual({
        pgDir: join(pgHome, 'postgres'),
      });
    } finally {
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      rmSync(pgHome, { recursive: true, force: true });
      rmSync(closed, { recursive: true, force: true });
    }
  });
});
