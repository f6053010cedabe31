import type { Response } from 'supertest';
import { nestRoutes, type NestRoute } from '../../apps/api/src/common/auth/route-registry';
import {
  ACCESS_MATRIX,
  createMatrixFixtures,
  linkCasesOf,
  matches,
  MATRIX_ROLES,
  mapLimit,
  pathOf,
  prepareLinkCase,
  sendLinkCase,
  suggestEntry,
  type MatrixFixtures,
  type MatrixRole,
  type OpenApiDocument,
} from '../support/access-matrix';
import { startTestApp, type TestApp } from '../support/test-app';

// Every registered /api route × {anonymous, viewer, analyst in scope, analyst out of scope, admin} → the status of
// tests/support/access-matrix.ts. How to add entries: see the top of that file.

describe('the authorization matrix', () => {
  let t: TestApp;
  let f: MatrixFixtures;
  let routes: NestRoute[];

  beforeAll(async () => {
    // Many sign-ins (one per caller, and fresh sessions for logout and password change) from one address.
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '100000' } });
    f = await createMatrixFixtures(t);
    routes = nestRoutes(t.app).filter((r) => r.path === '/api' || r.path.startsWith('/api/'));
  });
  afterAll(() => t?.close());

  it('should have an entry for every /api route the app registers', () => {
    const missing = routes.filter((r) => !(r.key in ACCESS_MATRIX));
    const suggestion = missing.map((r) => suggestEntry(r.key, r.access));
    if (missing.length) {
      throw new Error(
        `${missing.length} registered route(s) have no entry in tests/support/access-matrix.ts (ACCESS_MATRIX). ` +
          `Add one per route; suggested lines to start from:\n${suggestion.join('\n')}`,
      );
    }
    process.stdout.write(
      `Access matrix: ${routes.length} routes × ${MATRIX_ROLES.length} callers = ${routes.length * MATRIX_ROLES.length} checks\n`,
    );
  });

  it('should name only routes the app registers (no stale or misspelt keys)', () => {
    const keys = new Set(routes.map((r) => r.key));
    const stale = Object.keys(ACCESS_MATRIX).filter((k) => !keys.has(k));
    expect(stale).toEqual([]);
  });

  describe.each(Object.keys(ACCESS_MATRIX))('%s', (key) => {
    it('should give each caller the expected status', async () => {
      const entry = ACCESS_MATRIX[key];
      const method = key.slice(0, key.indexOf(' ')).toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const wrong: string[] = [];
      for (const role of MATRIX_ROLES as readonly MatrixRole[]) {
        const spec = (await entry.request?.(f, role)) ?? {};
        let req = t.http[method](pathOf(key, spec.params));
        const cookie = 'cookie' in spec ? spec.cookie : role === 'anonymous' ? undefined : f.users[role].cookie;
        if (cookie) req = req.set('Cookie', cookie);
        for (const [name, value] of Object.entries(spec.headers ?? {})) req = req.set(name, value);
        if (spec.query) req = req.query(spec.query);
        const res: Response = spec.body === undefined ? await req : await req.send(spec.body as object);
        if (!matches(entry.expect[role], res.status)) {
          wrong.push(
            `${role}: expected ${entry.expect[role]}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
          );
        }
      }
      if (wrong.length) throw new Error(`${key}\n  ${wrong.join('\n  ')}`);
    });
  });

  describe('link scope, generated from the OpenAPI document', () => {
    let doc: OpenApiDocument;
    beforeAll(async () => {
      doc = (await t.http.get('/api/openapi.json').expect(200)).body as OpenApiDocument;
    });

    it('should find every id field of every write body declared in packages/domain/src/links.ts', () => {
      const { undeclared } = linkCasesOf(doc);
      if (undeclared.length) {
        throw new Error(
          `${undeclared.length} id field(s) of request bodies are not declared in RESOURCE_LINKS ` +
            `(packages/domain/src/links.ts); declare how each touches sector scope:\n  ${undeclared.join('\n  ')}`,
        );
      }
    });

    it('should refuse, with 403 and nothing written, every link into another sector and every removal of one', async () => {
      const { cases, idFields } = linkCasesOf(doc);
      expect(cases.length).toBeGreaterThan(15);
      // The records each case needs are made a few at a time; the requests then go one by one, each compared with
      // a fingerprint of the whole database taken just before and after it.
      const prepared = await mapLimit(cases, 4, (c) => prepareLinkCase(f, c));
      const wrong: string[] = prepared.filter((p): p is string => typeof p === 'string');
      for (const p of prepared) {
        if (typeof p === 'string') continue;
        const problem = await sendLinkCase(f, p);
        if (problem) wrong.push(problem);
      }
      process.stdout.write(
        `Link scope: ${idFields} id fields in write bodies, ${cases.length} generated cases ` +
          `(${cases.filter((c) => c.mode === 'add').length} add, ${cases.filter((c) => c.mode === 'remove').length} remove)\n`,
      );
      if (wrong.length)
        throw new Error(`${wrong.length} of ${cases.length} link cases failed:\n  ${wrong.join('\n  ')}`);
    });
  });
});
