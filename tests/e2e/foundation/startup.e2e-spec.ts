import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrations, MIGRATIONS_DIR } from '@rabta/db';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { built, cleanEnv, freePort, isRunning, runNode, startNode, waitFor, type Running } from './processes';

// The built server (`node apps/api/dist/main.js`) started as an operator starts it: bad input must end it with a
// short message naming the problem and the fix, touching no data; a good start serves, and SIGTERM stops it all.

jest.setTimeout(180_000);

async function scalar<T>(url: string, text: string): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Object.values((await client.query(text)).rows[0])[0] as T;
  } finally {
    await client.end();
  }
}

async function health(
  port: number,
): Promise<{ status: number; body: { database?: Record<string, unknown> } } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    return { status: res.status, body: (await res.json()) as { database?: Record<string, unknown> } };
  } catch {
    return undefined; // not listening yet
  }
}

/** The first admin of the cold start, to read the health check's details as a signed-in user. */
const ADMIN = { email: 'first.admin@rabta.example', password: 'a long first-admin passphrase' };

describe('starting the built server (node apps/api/dist/main.js)', () => {
  let main: string;
  const temp: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'rabta-start-'));
    temp.push(d);
    return d;
  };
  const dbs: TestDatabase[] = [];

  beforeAll(() => {
    main = built('apps/api/dist/main.js');
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    for (const d of temp) rmSync(d, { recursive: true, force: true });
  });

  it('should refuse bad configuration, listing every bad key at once, before touching anything', async () => {
    const dataDir = join(tempDir(), 'never-created');
    const res = await runNode(
      [main],
      cleanEnv({
        PORT: 'abc',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://root@localhost/rabta',
        RABTA_SEED_DEMO: 'maybe',
        RABTA_DATA_DIR: dataDir,
      }),
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Invalid configuration: fix or unset these environment variables');
    const listed = res.stderr
      .split('\n')
      .filter((l) => l.startsWith('  - '))
      .map((l) => l.slice(4).split(':')[0])
      .sort();
    expect(listed).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'RABTA_SEED_DEMO']);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('should refuse a port in use with a clear message, before opening the database', async () => {
    const db = await createTestDatabase({ empty: true });
    dbs.push(db);
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const res = await runNode(
        [main],
        cleanEnv({ PORT: String(port), DATABASE_URL: db.url, RABTA_DATA_DIR: tempDir(), LOG_LEVEL: 'warn' }),
      );
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`Rabta cannot start: Port ${port} on 127.0.0.1 is already in use`);
      expect(res.stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      blocker.close();
    }
    // Not migrated, not seeded: nothing was written.
    expect(
      await scalar<number>(
        db.url,
        "SELECT count(*)::int FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace",
      ),
    ).toBe(0);
  });

  it('should name host:port of an unreachable DATABASE_URL, never its password', async () => {
    const port = await freePort();
    const dataDir = join(tempDir(), 'data');
    const res = await runNode(
      [main],
      cleanEnv({
        PORT: String(await freePort()),
        DATABASE_URL: `postgresql://rabta:s3cret-Pa55@127.0.0.1:${port}/rabta`,
        RABTA_DATA_DIR: dataDir,
      }),
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      `Rabta cannot start: Cannot reach the PostgreSQL at 127.0.0.1:${port}/rabta (ECONNREFUSED)`,
    );
    expect(res.stderr).toContain('DATABASE_URL');
    expect(res.stdout + res.stderr).not.toContain('s3cret-Pa55');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('should refuse to start, naming the migration, when an applied migration has changed', async () => {
    const db = await createTestDatabase(); // migrated and seeded with reference data
    dbs.push(db);
    const [init] = readMigrations(MIGRATIONS_DIR);
    // As if migration.sql had been edited after it was applied: the recorded checksum no longer matches.
    await scalar(
      db.url,
      `UPDATE "_prisma_migrations" SET checksum = repeat('a', 64) WHERE migration_name = '${init.name}' RETURNING 1`,
    );
    const countries = await scalar<number>(db.url, 'SELECT count(*)::int FROM countries');
    const res = await runNode(
      [main],
      cleanEnv({ PORT: String(await freePort()), DATABASE_URL: db.url, RABTA_DATA_DIR: tempDir() }),
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      `Rabta cannot start: Migration ${init.name} was changed after it was applied to this database`,
    );
    expect(res.stderr).toContain('Restore the original migration.sql and put the change in a new migration');
    expect(await scalar<number>(db.url, 'SELECT count(*)::int FROM countries')).toBe(countries);
    expect(await scalar<number>(db.url, 'SELECT count(*)::int FROM users')).toBe(0);
    expect(await scalar<number>(db.url, 'SELECT count(*)::int FROM initiatives')).toBe(0);
  });

  describe('on an empty RABTA_DATA_DIR with no DATABASE_URL', () => {
    let dataDir: string;
    let port: number;

    beforeAll(async () => {
      dataDir = tempDir(); // empty; as root, the postgres user must be able to reach it, so straight in the temp folder
      port = await freePort();
    });

    async function startAndWait(extraEnv: Record<string, string> = {}): Promise<{
      server: Running;
      ms: number;
      body: { database?: Record<string, unknown> };
    }> {
      const started = Date.now();
      const server = startNode(
        [main],
        cleanEnv({
          PORT: String(port),
          RABTA_DATA_DIR: dataDir,
          LOG_LEVEL: 'info',
          RABTA_ADMIN_EMAIL: ADMIN.email,
          RABTA_ADMIN_PASSWORD: ADMIN.password,
          ...extraEnv,
        }),
      );
      const res = await waitFor(
        '/api/health to answer 200',
        async () => {
          if (server.child.exitCode !== null)
            throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output().stderr}`);
          const h = await health(port);
          return h?.status === 200 ? h : undefined;
        },
        150_000,
        200,
      );
      const ms = Date.now() - started;
      // Anonymous callers learn the status only; the database's details are for signed-in users.
      expect(res.body).toEqual({ status: 'ok', database: { connected: true } });
      return { server, ms, body: res.body };
    }

    /** /api/health as the first admin (RABTA_ADMIN_EMAIL): the database's version, where it runs, the migrations. */
    async function signedInHealth(): Promise<{ database?: Record<string, unknown> }> {
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const detail = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { cookie } });
      return (await detail.json()) as { database?: Record<string, unknown> };
    }

    async function stopWithSigterm(server: Running): Promise<void> {
      const postgresPid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(isRunning(postgresPid)).toBe(true);
      server.child.kill('SIGTERM');
      const done = await server.exited;
      expect({ code: done.code, signal: done.signal }).toEqual({ code: 0, signal: null });
      expect(done.stdout).toContain('Shutting down: no new requests, draining those in flight');
      expect(isRunning(postgresPid)).toBe(false);
      // A clean shutdown: PostgreSQL removed its lock file.
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    }

    it('should create the embedded PostgreSQL, migrate, seed and serve /api/health; SIGTERM stops it all', async () => {
      const { server, ms } = await startAndWait();
      const body = await signedInHealth();
      process.stdout.write(`cold start on an empty data dir: /api/health 200 after ${ms} ms\n`);
      expect(body).toEqual({
        status: 'ok',
        database: {
          connected: true,
          version: expect.stringMatching(/^\d+\.\d+/),
          embedded: true,
          migrations: { applied: readMigrations(MIGRATIONS_DIR).length, pending: 0 },
        },
      });
      expect(server.output().stderr).toContain(`Rabta is ready at http://localhost:${port}`);
      expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
      const logs = server.output().stdout;
      expect(logs).toContain('Initialised a new embedded PostgreSQL cluster');
      expect(logs).toContain('Seeded the demo portfolio');
      await stopWithSigterm(server);
    });

    it('should start again on the same data dir with the data kept and nothing seeded twice', async () => {
      const { server, ms } = await startAndWait();
      const body = await signedInHealth();
      process.stdout.write(`warm restart: /api/health 200 after ${ms} ms\n`);
      expect(body.database).toMatchObject({ connected: true, embedded: true, migrations: { pending: 0 } });
      const logs = server.output().stdout;
      expect(logs).not.toContain('Initialised a new embedded PostgreSQL cluster');
      expect(logs).not.toContain('Seeded the demo portfolio');
      expect(logs).not.toContain('Applied migration');
      expect(server.output().stderr).not.toContain('First start: an admin account was created');
      await stopWithSigterm(server);
    });

    it('should send traces to the OTLP collector OTEL_* names: a span per request by its route, its SQL beneath', async () => {
      interface OtlpValue {
        stringValue?: string;
        intValue?: string | number;
      }
      interface OtlpSpan {
        name: string;
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        attributes: { key: string; value: OtlpValue }[];
        service?: string;
      }
      const spans: OtlpSpan[] = [];
      const collector = createHttpServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            resourceSpans: {
              resource: { attributes: { key: string; value: OtlpValue }[] };
              scopeSpans: { spans: OtlpSpan[] }[];
            }[];
          };
          for (const rs of body.resourceSpans) {
            const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
            for (const ss of rs.scopeSpans) for (const span of ss.spans) spans.push({ ...span, service });
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
      const collectorPort = (collector.address() as { port: number }).port;
      const attr = (span: OtlpSpan, key: string) => span.attributes.find((a) => a.key === key)?.value.stringValue;
      try {
        const { server } = await startAndWait({
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${collectorPort}/v1/traces`,
          OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
          OTEL_BSP_SCHEDULE_DELAY: '50',
          OTEL_SERVICE_NAME: 'rabta-under-test',
        });
        const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@example.org', password: 'not the password at all' }),
        });
        expect(res.status).toBe(401);
        const requestId = res.headers.get('x-request-id');
        const login = await waitFor(
          'the sign-in request to be exported',
          () => spans.find((s) => s.name === 'POST /api/auth/login'),
          30_000,
          50,
        );
        expect(login.service).toBe('rabta-under-test');
        expect(attr(login, 'http.route')).toBe('/api/auth/login');
        expect(attr(login, 'rabta.request_id')).toBe(requestId);
        // The statements the sign-in ran (the throttle in PostgreSQL, the account look-up), in its trace.
        const sql = await waitFor(
          'the sign-in statements to be exported',
          () => {
            const found = spans.filter(
              (s) =>
                s.traceId === login.traceId &&
                (attr(s, 'db.system') === 'postgresql' || attr(s, 'db.system.name') === 'postgresql'),
            );
            return found.length ? found : undefined;
          },
          30_000,
          50,
        );
        expect(sql.length).toBeGreaterThan(0);
        // Health probes are not traced (they would drown the rest).
        expect(spans.filter((s) => s.name.includes('/api/health'))).toEqual([]);
        await stopWithSigterm(server);
      } finally {
        await new Promise((resolve) => collector.close(resolve));
      }
    });
  });
});
