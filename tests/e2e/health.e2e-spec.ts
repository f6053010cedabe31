import { createPrismaClient, MIGRATIONS_DIR, readMigrations } from '@rabta/db';
import request from 'supertest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_DIST, createApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/env';
import { createLogger } from '../../apps/api/src/common/logging/logger';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/health and the request basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('should report the database, its version and the migrations when PostgreSQL is up', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: {
        connected: true,
        version: expect.stringMatching(/^\d+\.\d+/),
        embedded: false,
        migrations: { applied: readMigrations(MIGRATIONS_DIR).length, pending: 0 },
      },
    });
  });

  it('should give every response an X-Request-Id, keeping a well-formed one the client sent', async () => {
    const generated = await t.http.get('/api/version').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http.get('/api/version').set('X-Request-Id', 'trace-abc.123').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-abc.123');
    const replaced = await t.http.get('/api/version').set('X-Request-Id', 'bad id with spaces <script>').expect(200);
    expect(replaced.headers['x-request-id']).not.toContain('script');
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
    const deep = await t.http.get('/initiatives/7/show').expect(200);
    expect(deep.text).toContain('Rabta');
    const asset = readdirSync(join(ADMIN_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const served = await t.http.get(`/assets/${asset}`).expect(200);
    expect(served.headers['content-type']).toMatch(/javascript/);
    expect(served.headers['cache-control']).toContain('immutable');
    // A missing script is a 404, not the HTML page (which the browser would refuse as a script).
    const missing = await t.http.get('/assets/index-doesnotexist.js').expect(404);
    expect(missing.headers['content-type']).not.toMatch(/html/);
    await t.http.get('/no-such-file.js').expect(404);
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
        database: {
          connected: false,
          version: null,
          embedded: true,
          migrations: null,
          unreachableSince: expect.any(String),
        },
      });
    } finally {
      await app.close();
      await prisma.$disconnect();
    }
  });
});
