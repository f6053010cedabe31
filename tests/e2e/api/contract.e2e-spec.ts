import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { z } from 'zod';
import { OPENAPI_KEY, type OpenApiOperation } from '../../../apps/api/src/common/http/openapi-meta';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { startTestApp, type TestApp } from '../../support/test-app';

// The contract: every list and record the API serves parses with the domain schema its route declares (the schema
// the OpenAPI document and the admin are built from). Top-level fields the schema does not name are drift too, so
// objects are checked strictly.

interface Route {
  path: string;
  /** `view`: a GET outside the five resource routes (a timeline, the dashboard, settings). */
  kind: 'list' | 'get' | 'view';
  schema: z.ZodType;
}

/** The GET routes that declare a response schema, from the controllers' own metadata. */
function routesOf(t: TestApp): Route[] {
  const discovery = t.app.get(DiscoveryService, { strict: false });
  const scanner = t.app.get(MetadataScanner, { strict: false });
  const routes: Route[] = [];
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const proto = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) continue;
      const op = Reflect.getMetadata(OPENAPI_KEY, handler) as OpenApiOperation | undefined;
      if (!op?.schema || op.produces || !['list', 'get', 'action'].includes(op.kind)) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const path = `/api/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      const kind = op.kind === 'action' ? 'view' : (op.kind as 'list' | 'get');
      routes.push({ path: path.replace(/\/$/, ''), kind, schema: op.schema });
    }
  }
  return routes;
}

/** The schema with its object (or its list's object) closed to fields it does not name. */
function strict(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) return schema.strict();
  if (schema instanceof z.ZodArray && schema.element instanceof z.ZodObject) return z.array(schema.element.strict());
  return schema;
}

function problems(schema: z.ZodType, value: unknown): string[] {
  const r = strict(schema).safeParse(value);
  return r.success ? [] : r.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the API contract: every response parses with its domain schema', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let routes: Route[];

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    admin = await signedInUser(t, { role: 'admin' });
    routes = routesOf(t);
    // Records the demo portfolio has none of.
    const get = (path: string) => t.http.get(path).set('Cookie', admin.cookie);
    const post = (path: string, body: object) => t.http.post(path).set('Cookie', admin.cookie).send(body).expect(201);
    if ((await get('/api/saved-views')).body.length === 0)
      await post('/api/saved-views', { resource: 'initiatives', name: 'Energy', filter: { q: 'energy' }, sort: null });
    if ((await get('/api/reports')).body.length === 0) {
      const report = await t.http
        .post('/api/reports')
        .set('Cookie', admin.cookie)
        .send({ kind: 'portfolio', format: 'html', language: 'en' });
      expect([201, 202]).toContain(report.status);
    }
    if ((await get('/api/intake')).body.length === 0)
      await post('/api/intake', {
        text: 'Islamabad, 10 July 2025: Pakistan and Uzbekistan agreed to speed up the feasibility study of the rail link.',
        publisher: 'Dawn',
        publishedAt: '2025-07-10',
      });
    if ((await get('/api/report-schedules')).body.length === 0)
      await post('/api/report-schedules', {
        name: 'Weekly',
        kind: 'portfolio',
        format: 'pdf',
        language: 'en',
        cron: '0 8 * * 1',
        timezone: 'Asia/Karachi',
        params: {},
      });
  });
  afterAll(() => t.close());

  it('should parse a page of every list, and every record of the page, with the schema the route declares', async () => {
    const lists = routes.filter((r) => r.kind === 'list' && !r.path.includes(':'));
    expect(lists.length).toBeGreaterThan(15);
    const failures: Record<string, string[]> = {};
    const empty: string[] = [];
    for (const list of lists) {
      const page = await t.http.get(list.path).query({ range: '[0,9]' }).set('Cookie', admin.cookie).expect(200);
      expect(Array.isArray(page.body)).toBe(true);
      if (page.body.length === 0) empty.push(list.path);
      const item = list.schema instanceof z.ZodArray ? (list.schema.element as z.ZodType) : list.schema;
      page.body.forEach((row: unknown, i: number) => {
        const p = problems(item, row);
        if (p.length) failures[`${list.path}[${i}]`] = p;
      });
      const record = routes.find((r) => r.kind === 'get' && r.path === `${list.path}/:id`);
      if (record && page.body.length > 0) {
        const id = (page.body[0] as { id: string | number }).id;
        const one = await t.http.get(`${list.path}/${encodeURIComponent(String(id))}`).set('Cookie', admin.cookie);
        expect({ path: record.path, status: one.status }).toEqual({ path: record.path, status: 200 });
        const p = problems(record.schema, one.body);
        if (p.length) failures[`${record.path} (${String(id)})`] = p;
      }
    }
    expect(failures).toEqual({});
    expect(empty).toEqual([]);
  });

  it("should parse every other record and view (an initiative's timeline and history, the dashboard, me)", async () => {
    const firstIds = new Map<string, string | undefined>();
    const firstId = async (list: string) => {
      if (!firstIds.has(list)) {
        const page = await t.http.get(list).query({ range: '[0,0]' }).set('Cookie', admin.cookie);
        const id = page.status === 200 && Array.isArray(page.body) ? page.body[0]?.id : undefined;
        firstIds.set(list, id === undefined ? undefined : String(id));
      }
      return firstIds.get(list);
    };
    const others = routes.filter(
      (r) =>
        r.kind === 'view' || (r.kind === 'get' && !routes.some((l) => l.kind === 'list' && r.path === `${l.path}/:id`)),
    );
    const failures: Record<string, string[]> = {};
    const checked: string[] = [];
    for (const route of others) {
      const params = route.path.match(/:\w+/g) ?? [];
      if (params.length > 1 || (params.length === 1 && params[0] !== ':id')) continue;
      let path = route.path;
      if (params.length === 1) {
        const id = await firstId(route.path.slice(0, route.path.indexOf('/:id')));
        if (id === undefined) continue;
        path = route.path.replace(':id', encodeURIComponent(id));
      }
      // A view that needs its query: the search box's words.
      const query = route.path === '/api/search' ? { q: 'steel' } : {};
      const res = await t.http.get(path).query(query).set('Cookie', admin.cookie);
      if (res.status !== 200) {
        failures[route.path] = [`status ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`];
        continue;
      }
      checked.push(route.path);
      const p = problems(route.schema, res.body);
      if (p.length) failures[route.path] = p;
    }
    expect(failures).toEqual({});
    expect(checked).toEqual(
      expect.arrayContaining(['/api/dashboard', '/api/initiatives/:id/timeline', '/api/initiatives/:id/history']),
    );
  });
});
