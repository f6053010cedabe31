import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPrismaClient, MIGRATIONS_DIR, StartupError } from '@rabta/db';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app';
import { Access } from '../../apps/api/src/common/auth/access.decorator';
import { registerHttpSecurity, RELAXED_CSP_PREFIXES } from '../../apps/api/src/common/auth/http-security';
import { verifyPassword } from '../../apps/api/src/common/auth/passwords';
import { createLogger } from '../../apps/api/src/common/logging/logger';
import { loadConfig } from '../../apps/api/src/config/env';
import { ensureFirstAdmin, firstAdminNotice } from '../../apps/api/src/modules/users/users.bootstrap';
import { bearerToken, createUser, signedInUser, signIn, TEST_PASSWORD } from '../support/auth';
import { createTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_CSP =
  "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;" +
  "font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";

/** A logger whose every line is kept in memory. */
function capturingLogger(level = 'trace') {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, text: () => lines.join('') };
}

describe('security headers, CORS and the same-origin rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
  });
  afterAll(() => t?.close());

  it("should send Helmet's headers with the admin's CSP on the admin and on the API, without HSTS over http", async () => {
    for (const path of ['/', '/initiatives/3/show', '/api/health']) {
      const res = await t.http.get(path).expect(200);
      expect(res.headers['content-security-policy']).toBe(ADMIN_CSP);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('should keep CORS closed unless CORS_ORIGINS is set', async () => {
    const preflight = await t.http
      .options('/api/auth/me')
      .set('Origin', 'https://other.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const get = await t.http.get('/api/health').set('Origin', 'https://other.example');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should refuse a cookie-authenticated state-changing request from another site with 403 CROSS_ORIGIN_REQUEST', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const put = (headers: Record<string, string>) => {
      let req = t.http.put('/api/me').set('Cookie', u.cookie);
      for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
      return req.send({ locale: 'ur' });
    };
    const foreign = await put({ Origin: 'https://evil.example' }).expect(403);
    expect(foreign.body).toMatchObject({ statusCode: 403, code: 'CROSS_ORIGIN_REQUEST' });
    await put({ 'Sec-Fetch-Site': 'cross-site' }).expect(403);
    await put({ 'Sec-Fetch-Site': 'same-site', Origin: 'https://sub.rabta.example' }).expect(403);
    await put({ Origin: 'null' }).expect(403);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).locale).toBe('en');
    // Our own pages, browsers typing the URL, and non-browser clients pass.
    await put({ 'Sec-Fetch-Site': 'same-origin', Origin: 'http://127.0.0.1' }).expect(200);
    await put({ Host: 'rabta.local:3000', Origin: 'http://rabta.local:3000' }).expect(200);
    await put({}).expect(200);
    // Reads are not state-changing: a cross-site GET is answered (the SameSite cookie keeps browsers from sending it).
    await t.http.get('/api/me').set('Cookie', u.cookie).set('Sec-Fetch-Site', 'cross-site').expect(200);
    // Logout too is protected (no forced sign-out from another site).
    await t.http.post('/api/auth/logout').set('Cookie', u.cookie).set('Origin', 'https://evil.example').expect(403);
    await t.http.get('/api/me').set('Cookie', u.cookie).expect(200);
  });

  it('should answer any Host name while PUBLIC_URL is unset', async () => {
    await t.http.get('/api/health').set('Host', 'rabta.lan:3000').expect(200);
    await t.http.get('/').set('Host', 'anything.example').expect(200);
  });

  it('should refuse a body over 1 MiB with 413, in the one error shape', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('CORS when configured, HSTS behind https, and the host names of PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        CORS_ORIGINS: 'https://partner.example',
        PUBLIC_URL: 'https://rabta.example.gov',
        ALLOWED_HOSTS: 'rabta.internal',
      },
    });
  });
  afterAll(() => t?.close());

  it('should allow the configured origins with credentials, expose Content-Range, and trust them for writes', async () => {
    const preflight = await t.http
      .options('/api/users')
      .set('Origin', 'https://partner.example')
      .set('Access-Control-Request-Method', 'PUT');
    expect(preflight.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    const get = await t.http.get('/api/health').set('Origin', 'https://partner.example').expect(200);
    expect(get.headers['access-control-expose-headers']).toMatch(/Content-Range/);
    const other = await t.http.get('/api/health').set('Origin', 'https://other.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const u = await signedInUser(t, { role: 'viewer' });
    await t.http
      .put('/api/me')
      .set('Cookie', u.cookie)
      .set('Origin', 'https://partner.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ locale: 'ur' })
      .expect(200);
    const root = await t.http.get('/').expect(200);
    expect(root.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(root.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it("should answer only to PUBLIC_URL's host name, loopback and ALLOWED_HOSTS (DNS rebinding)", async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    for (const host of [
      'rabta.example.gov',
      'RABTA.example.gov:443',
      'localhost:3000',
      '127.0.0.1',
      'rabta.internal:8080',
    ])
      await t.http.get('/api/auth/me').set('Host', host).set('Cookie', u.cookie).expect(200);
    for (const host of ['attacker.example', 'rabta.example.gov.attacker.example', '10.0.0.7:3000']) {
      for (const path of ['/api/auth/me', '/']) {
        const res = await t.http.get(path).set('Host', host).set('Cookie', u.cookie).expect(400);
        expect(res.body).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('host name') });
      }
    }
    // A load balancer checks health by address; it learns the status only.
    const health = await t.http.get('/api/health').set('Host', '10.0.0.7:3000').expect(200);
    expect(health.body).toEqual({ status: 'ok', database: { connected: true } });
  });
});

describe('the CSP of Swagger UI, and the way to loosen it for a path', () => {
  it('should serve Swagger UI under the strict policy', async () => {
    const t = await startTestApp();
    try {
      const docs = await t.http.get('/api/docs').expect(200);
      expect(docs.headers['content-security-policy']).toBe(ADMIN_CSP);
      expect(docs.text).not.toMatch(/<script>[^<]/);
    } finally {
      await t.close();
    }
  });

  it('should give routes under a prefix of RELAXED_CSP_PREFIXES inline scripts, and keep the strict policy elsewhere', async () => {
    @Controller()
    class DocsProbe {
      @Get('probe-docs')
      @Access('public')
      docs(): string {
        return 'swagger';
      }
      @Get('documents')
      @Access('public')
      other(): string {
        return 'not docs';
      }
    }
    @Module({ controllers: [DocsProbe] })
    class ProbeModule {}
    const config = loadConfig({ NODE_ENV: 'test', RABTA_DATA_DIR: mkdtempSync(join(tmpdir(), 'rabta-csp-')) });
    const app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    RELAXED_CSP_PREFIXES.push('/api/probe-docs');
    try {
      await registerHttpSecurity(app, config);
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    } finally {
      RELAXED_CSP_PREFIXES.pop();
    }
    try {
      const docs = await request(app.getHttpServer()).get('/api/probe-docs').expect(200);
      expect(docs.headers['content-security-policy']).toMatch(/script-src 'self' 'unsafe-inline'/);
      const other = await request(app.getHttpServer()).get('/api/documents').expect(200);
      expect(other.headers['content-security-policy']).toBe(ADMIN_CSP);
    } finally {
      await app.close();
    }
  });
});

describe('no passwords, tokens or cookies in the logs', () => {
  it('should keep every secret out of the log lines, even at trace level', async () => {
    const db = await createTestDatabase();
    const { logger, text } = capturingLogger('trace');
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'trace',
      DATABASE_URL: db.url,
      RABTA_DATA_DIR: mkdtempSync(join(tmpdir(), 'rabta-log-')),
    });
    const prisma = createPrismaClient(db.url, { max: 3 });
    const app = await createApp({
      config,
      logger,
      prisma,
      database: { url: db.url, embedded: false, serverVersion: 'test' },
      migrationsDir: MIGRATIONS_DIR,
    });
    const http = request(app.getHttpServer());
    try {
      const u = await createUser(prisma, { role: 'admin' });
      const cookie = await signIn(http, u.email);
      const token = await bearerToken(http, cookie);
      const newPassword = 'Quiet rivers run under Lahore';
      await http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      await http.post('/api/auth/login').send({ email: u.email, password: 'a wrong secret value' }).expect(401);
      await http
        .post('/api/auth/password')
        .set('Cookie', cookie)
        .send({ currentPassword: TEST_PASSWORD, newPassword })
        .expect(204);
      await http
        .post('/api/users')
        .set('Cookie', cookie)
        .send({ email: 'new.analyst@test.rabta', name: 'N', role: 'analyst', password: 'Another long secret 99' })
        .expect(201);
      await http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"email":"x","password":"${TEST_PASSWORD}"`)
        .expect(400);
      const logged = text();
      expect(logged).toContain('request completed');
      for (const secret of [
        TEST_PASSWORD,
        newPassword,
        'a wrong secret value',
        'Another long secret 99',
        token,
        cookie.split('=')[1],
      ]) {
        expect(logged).not.toContain(secret);
      }
    } finally {
      await app.close();
      await prisma.$disconnect();
      await db.drop();
    }
  });
});

describe('the first admin, on a database without users', () => {
  it('should generate a strong password, store only its hash, log no password, and do it only once', async () => {
    const t = await startTestApp();
    try {
      const { logger, text } = capturingLogger('trace');
      const result = await ensureFirstAdmin({ prisma: t.prisma, config: t.ctx.config, logger });
      expect(result).toMatchObject({
        created: true,
        email: 'admin@rabta.local',
        generatedPassword: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      });
      const password = (result as { generatedPassword: string }).generatedPassword;
      const admin = await t.prisma.user.findUniqueOrThrow({ where: { email: 'admin@rabta.local' } });
      expect(admin.role).toBe('admin');
      expect(admin.passwordHash).not.toContain(password);
      expect(await verifyPassword(admin.passwordHash, password)).toBe(true);
      expect(text()).toContain('Created the first admin');
      expect(text()).not.toContain(password);
      const notice = firstAdminNotice('http://localhost:3000', 'admin@rabta.local', password);
      expect(notice).toContain(password);
      expect(notice).toContain('http://localhost:3000');
      expect(notice).toMatch(/shown only this once/);
      await t.http.post('/api/auth/login').send({ email: 'admin@rabta.local', password }).expect(200);
      expect(await ensureFirstAdmin({ prisma: t.prisma, config: t.ctx.config, logger })).toEqual({ created: false });
      expect(await t.prisma.user.count()).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('should take RABTA_ADMIN_EMAIL and RABTA_ADMIN_PASSWORD when set, and refuse a weak one', async () => {
    const weak = await startTestApp({
      env: { RABTA_ADMIN_EMAIL: 'Dar@MOFA.example', RABTA_ADMIN_PASSWORD: 'password1234' },
    });
    try {
      await expect(ensureFirstAdmin(weak.ctx)).rejects.toBeInstanceOf(StartupError);
      expect(await weak.prisma.user.count()).toBe(0);
    } finally {
      await weak.close();
    }
    const t = await startTestApp({
      env: { RABTA_ADMIN_EMAIL: 'Dar@MOFA.example', RABTA_ADMIN_PASSWORD: 'Kuala Lumpur in July 2025' },
    });
    try {
      expect(await ensureFirstAdmin(t.ctx)).toEqual({
        created: true,
        email: 'dar@mofa.example',
        generatedPassword: undefined,
      });
      await t.http
        .post('/api/auth/login')
        .send({ email: 'dar@mofa.example', password: 'Kuala Lumpur in July 2025' })
        .expect(200);
    } finally {
      await t.close();
    }
  });

  it('should create exactly one admin when two processes start at once', async () => {
    const t = await startTestApp();
    const second = createPrismaClient(t.db.url, { max: 2 });
    try {
      const results = await Promise.all([ensureFirstAdmin(t.ctx), ensureFirstAdmin({ ...t.ctx, prisma: second })]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await t.prisma.user.count()).toBe(1);
    } finally {
      await second.$disconnect();
      await t.close();
    }
  });
});
