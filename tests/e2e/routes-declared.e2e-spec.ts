import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { Access } from '../../apps/api/src/common/auth/access.decorator';
import { nestRoutes, registeredRoutes, type NestRoute } from '../../apps/api/src/common/auth/route-registry';
import { startTestApp, type TestApp } from '../support/test-app';

// Deny by default, provably: every route the app registers declares who may call it (@Access), and no route under
// /api bypasses Nest (and so the guard). A route added later without a declaration fails this suite.

/**
 * Routes under /api registered on Fastify directly (not Nest handlers, so the guard never sees them), each with the
 * reason it may be public, e.g. `'GET /api/docs/*': 'Swagger UI static files'`. Keep it as short as possible.
 */
const NON_NEST_API_ROUTES: Record<string, string> = {
  'GET /api/metrics':
    'Prometheus metrics: checks its own bearer METRICS_TOKEN before any database access, else an admin (metrics.route.ts)',
};

describe('every route declares who may call it', () => {
  let t: TestApp;
  let routes: NestRoute[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = nestRoutes(t.app);
  });
  afterAll(() => t?.close());

  it('should find the routes Nest registered (the walk itself works)', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /api/users/:id', 'GET /api/health']),
    );
  });

  it('should have an @Access level on every Nest route', () => {
    const undeclared = routes
      .filter((r) => r.access === undefined)
      .map((r) => `${r.key} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
    expect([...new Set(routes.map((r) => r.access))]).toEqual(expect.arrayContaining(['public', 'viewer', 'admin']));
  });

  it('should register in Fastify exactly the routes Nest declares under /api, and nothing else that changes state', () => {
    const fastify = registeredRoutes(t.app.getHttpAdapter().getInstance());
    const nestKeys = new Set(routes.map((r) => r.key));
    const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
    const bypassing = fastify
      .filter((r) => r.url === '/api' || r.url.startsWith('/api/'))
      .filter((r) => !nestKeys.has(key(r)) && !(key(r) in NON_NEST_API_ROUTES))
      .map(key);
    expect(bypassing).toEqual([]);
    for (const route of routes) expect(fastify.map(key)).toContain(route.key);
    // Outside /api only the admin's files are served: reads only.
    const writesOutsideApi = fastify
      .filter((r) => !r.url.startsWith('/api') && !['GET', 'HEAD', 'OPTIONS'].includes(r.method))
      .map(key);
    expect(writesOutsideApi).toEqual([]);
  });

  it('should refuse every call to a route that declares no level, even from nobody in particular', async () => {
    @Controller('undeclared')
    class UndeclaredController {
      @Get()
      leak(): { secret: string } {
        return { secret: 'should never be served' };
      }
    }
    @Controller('declared')
    class DeclaredController {
      @Get()
      @Access('public')
      ok(): { ok: boolean } {
        return { ok: true };
      }
    }
    @Module({ imports: [AppModule.register(t.ctx)], controllers: [UndeclaredController, DeclaredController] })
    class ProbeModule {}

    const app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const refused = await request(app.getHttpServer()).get('/api/undeclared').expect(403);
      expect(refused.body).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('declares no access rule'),
      });
      expect(JSON.stringify(refused.body)).not.toContain('should never be served');
      expect(nestRoutes(app).find((r) => r.key === 'GET /api/undeclared')?.access).toBeUndefined();
      await request(app.getHttpServer()).get('/api/declared').expect(200, { ok: true });
    } finally {
      await app.close();
    }
  });
});
