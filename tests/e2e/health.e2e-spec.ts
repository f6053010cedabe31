import { createPrismaClient, MIGRATIONS_DIR, readMigrations } from '@rabta/db';
import request from 'supertest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_DIST, createApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/env';
import { createLogger } from '../../apps/api/src/common/logging/logger';
import { signedInUser, type SignedInUser } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/health and the request basics', () => {
  let t: TestApp;
  let viewer: SignedInUser;
  beforeAll(async () => {
    t = await startTestApp();
    viewer = await signedInUser(t, { role: 'viewer' });
  });
  afterAll(() => t.close());

  it('should tell anonymous callers the status only, and nothing about versions', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: { connected: true } });
    const version = await t.http.get('/api/version').expect(401);
    expect(version.body.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(version.body)).not.toContain(process.version);
  });

  it('should report the database, its version and the migrations to signed-in users', async () => {
    const res = await t.http.get('/api/health').set('Cookie', viewer.cookie).expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: {
        connected: true,
        version: expect.stringMatching(/^\d+\.\d+/),
        embedded: false,
        migrations: { applied: readMigrations(MIGRATIONS_DIR).length, pending: 0 },
      },
    });
    const version = await t.http.get('/api/version').set('Cookie', viewer.cookie).expect(200);
    expect(version.body).toEqual({ name: 'rabta', version: expect.any(String), node: process.version });
  });

  it('should give every response an X-Request-Id, keeping a well-formed one the client sent', async () => {
    const generated = await t.http.get('/api/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http.get('/api/health').set('X-Request-Id', 'trace-abc.123').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-abc.123');
    // Anything else is replaced by one of ours: spaces and markup, CR/LF tricks for the logs, overlong ids.
    for (const bad of ['bad id with spaces <script>', 'a\tb', 'x'.repeat(65), '../../etc', 'id;drop', 'ü-id']) {
      const replaced = await t.http.get('/api/health').set('X-Request-Id', bad).expect(200);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('should answer an unknown API route with the one error shape, not the admin page', async () => {
    const res = await t.http.get('/api/no-such-thing').expect(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.stringContaining('/api/no-such-thing'),
    });
    const post = await t.http.post('/api/no-such-thing').send({}).expect(404);
    expect(post.body.code).toBe('NOT_FOUND');
  });

  it('should serve the admin at / and at client-side routes', async () => {
    const root = await t.http.get('/').expect(200);
    expect(root.headers['content-type']).toMatch(/text\/html/);
    // The page is revalidated on every load (it names the current build's assets); the hashed assets are immutable.
    expect(root.headers['cache-control']).toBe('no-cache');
    const deep = await t.http.get('/initiatives/7/show').expect(200);
    expect(deep.text).toContain('Rabta');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const asset = readdirSync(join(ADMIN_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const served = await t.http.get(`/assets/${asset}`).expect(200);
    expect(served.headers['content-type']).toMatch(/javascript/);
    expect(served.headers['cache-control']).toContain('immutable');
    // A missing script is a 404, not the HTML page (which the browser would refuse as a script).
    const missing = await t.http.get('/assets/index-doesnotexist.js').expect(404);
    expect(missing.headers['content-type']).not.toMatch(/html/);
    await t.http.get('/no-such-file.js').expect(404);
  });

  it('should publish no source maps from a production build (ADMIN_SOURCEMAP=true asks for them)', async () => {
    const assets = readdirSync(join(ADMIN_DIST, 'assets'));
    expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
    const script = assets.find((f) => f.endsWith('.js'))!;
    const served = await t.http.get(`/assets/${script}`).expect(200);
    expect(served.text).not.toMatch(/sourceMappingURL=/);
    await t.http.get(`/assets/${script}.map`).expect(404);
    expect(existsSync(join(ADMIN_DIST, 'index.html'))).toBe(true);
  });

  it('should answer 503 with the same shape when the database is unreachable', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      RABTA_DATA_DIR: '/tmp',
      DATABASE_URL: 'postgresql://x:y@127.0.0.1:9/none',
    });
    const prisma = createPrismaClient(config.databaseUrl!, { max: 1 });
    const app = await createApp({
      config,
      logger: createLogger('silent'),
      prisma,
      database: { url: config.databaseUrl!, embedded: true, serverVersion: '18' },
      migrationsDir: MIGRATIONS_DIR,
    });
    try {
      const res = await request(app.getHttpServer()).get('/api/health').expect(503);
      expect(res.body).toEqual({
        status: 'unavailable',
        database: { connected: false, unreachableSince: expect.any(String) },
      });
    } finally {
      await app.close();
      await prisma.$disconnect();
    }
  });
});
