// ================================================================================================================
// The authorization matrix: every route the API registers × five callers → the status each must get.
// tests/e2e/access-matrix.e2e-spec.ts runs it against the real app and FAILS when a registered /api route has no
// entry here (it prints a ready-to-paste line for each missing one), or when an entry names no registered route.
//
// HOW TO ADD A ROUTE (one line per route, keyed exactly "METHOD /api/path/:param", as Nest declares the path):
//
//   'GET /api/initiatives':          signedIn(),                                     // list: anyone signed in
//   'GET /api/initiatives/:id':      signedIn((f) => ({ params: { id: f.initiativeId } })),
//   'POST /api/initiatives':         sectorScoped((f) => ({ body: { code: f.unique('I'), titleEn: 'T',
//                                                                  sectorIds: [f.sectors.inScope] } })),
//   'PUT /api/initiatives/:id':      sectorScoped(async (f) => {                     // fresh target per caller
//                                      const i = await f.initiative();                //   (in the in-scope sector)
//                                      return { params: { id: i.id }, body: { titleEn: 'New', version: 1 } };
//                                    }),
//   'DELETE /api/sectors/:id':       adminOnly(async (f) => ({ params: { id: (await f.sector()).id } })),
//
// Presets (who gets what; '2xx' is any success status):
//   publicRoute   anonymous 2xx, everyone 2xx
//   signedIn      anonymous 401, viewer 2xx, analyst in scope 2xx, analyst out of scope 2xx, admin 2xx
//   analystRoute  anonymous 401, viewer 403, analysts 2xx (both), admin 2xx       — analyst work not tied to a sector
//   sectorScoped  anonymous 401, viewer 403, analyst in 2xx, analyst OUT 403, admin 2xx
//                 — a write on an initiative or on a record attached to one (milestone, decision, status update,
//                   evidence, …): the target must sit in the in-scope sector (f.sectors.inScope = steel), and the
//                   out-of-scope analyst (scope: energy) must be refused with 403.
//   adminOnly     anonymous 401, viewer 403, analysts 403, admin 2xx
//   route(expect, request)  any other combination, e.g. route({ ...SIGNED_IN, viewer: 403 }, …)
//
// The request builder runs once per caller (in the order anonymous, viewer, analystOutOfScope, analystInScope,
// admin) and gets the fixtures below and the caller's role. Each call should build a VALID request, so that the
// only reason for a refusal is access: a 400 or 404 instead of 2xx fails the matrix. Mutating routes that consume
// their target (DELETE, archive, disable, revoke) should create a fresh target per call (f.initiative(), …).
// Routes that end the caller's own session (logout, password change) use `cookie: (await f.freshUser(role))?.cookie`.
// Shared fixtures: `await f.once('key', () => create…)` creates once per run and reuses.
// ================================================================================================================

import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@rabta/db';
import type { Role } from '@rabta/domain';
import { signedInUser, TEST_PASSWORD, type SignedInUser } from './auth';
import type { TestApp } from './test-app';

export const MATRIX_ROLES = ['anonymous', 'viewer', 'analystOutOfScope', 'analystInScope', 'admin'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export type SignedInRole = Exclude<MatrixRole, 'anonymous'>;

/** '2xx': any success status; a number: exactly that status. */
export type Outcome = '2xx' | number;
export type Expectation = Record<MatrixRole, Outcome>;

export interface RequestSpec {
  /** Values for the `:params` of the route key. */
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this Cookie instead of the caller's own session (e.g. a fresh session for logout). */
  cookie?: string;
}

export interface MatrixFixtures {
  prisma: PrismaClient;
  http: TestApp['http'];
  /** steel (in the in-scope analyst's scope) and energy (the out-of-scope analyst's only sector). */
  sectors: { inScope: number; outOfScope: number };
  /** The signed-in callers, with their cookies. Their sessions must stay alive: see freshUser(). */
  users: Record<SignedInRole, SignedInUser>;
  /** A unique string for codes, emails and names: `${prefix}-<random>`. */
  unique(prefix?: string): string;
  /** Creates once per run, then returns the same value. */
  once<T>(key: string, create: () => Promise<T>): Promise<T>;
  /** A new user with the caller's role and scope, signed in (undefined for anonymous). */
  freshUser(role: MatrixRole): Promise<SignedInUser | undefined>;
  /** A new viewer (a target for user administration routes). */
  targetUser(): Promise<SignedInUser>;
  /** A new initiative in the in-scope sector (or the out-of-scope one), created in the database. */
  initiative(options?: { sector?: 'inScope' | 'outOfScope' }): Promise<{ id: number; code: string; version: number }>;
}

export interface MatrixEntry {
  expect: Expectation;
  request?: (f: MatrixFixtures, role: MatrixRole) => RequestSpec | Promise<RequestSpec>;
}

type Builder = MatrixEntry['request'];

export const PUBLIC: Expectation = { anonymous: '2xx', viewer: '2xx', analystOutOfScope: '2xx', analystInScope: '2xx', admin: '2xx' };
export const SIGNED_IN: Expectation = { anonymous: 401, viewer: '2xx', analystOutOfScope: '2xx', analystInScope: '2xx', admin: '2xx' };
export const ANALYST: Expectation = { anonymous: 401, viewer: 403, analystOutOfScope: '2xx', analystInScope: '2xx', admin: '2xx' };
export const SECTOR_SCOPED: Expectation = { anonymous: 401, viewer: 403, analystOutOfScope: 403, analystInScope: '2xx', admin: '2xx' };
export const ADMIN_ONLY: Expectation = { anonymous: 401, viewer: 403, analystOutOfScope: 403, analystInScope: 403, admin: '2xx' };

export const route = (expect: Expectation, request?: Builder): MatrixEntry => ({ expect, request });
export const publicRoute = (request?: Builder): MatrixEntry => route(PUBLIC, request);
export const signedIn = (request?: Builder): MatrixEntry => route(SIGNED_IN, request);
export const analystRoute = (request?: Builder): MatrixEntry => route(ANALYST, request);
export const sectorScoped = (request?: Builder): MatrixEntry => route(SECTOR_SCOPED, request);
export const adminOnly = (request?: Builder): MatrixEntry => route(ADMIN_ONLY, request);

/** The preset a route's @Access level implies before object-level checks, for the suggested lines of missing entries. */
export function suggestEntry(key: string, level: string | undefined): string {
  const preset: Record<string, string> = { public: 'publicRoute', viewer: 'signedIn', analyst: 'analystRoute', admin: 'adminOnly' };
  const hint = level === 'analyst' ? '  // sectorScoped if it changes an initiative or a record attached to one' : '';
  return `  '${key}': ${level ? preset[level] : 'route'}(/* request builder */),${hint}`;
}

const strong = 'a long enough passphrase 42';

// ------------------------------------------------------------------------------------------------ the matrix

export const ACCESS_MATRIX: Record<string, MatrixEntry> = {
  // health
  'GET /api/health': publicRoute(),
  'GET /api/version': publicRoute(),

  // sign-in
  'POST /api/auth/login': publicRoute(async (f, role) => {
    const u = role === 'anonymous' ? f.users.viewer : f.users[role];
    return { body: { email: u.email, password: u.password } };
  }),
  'POST /api/auth/logout': publicRoute(async (f, role) => ({ cookie: (await f.freshUser(role))?.cookie })),
  'GET /api/auth/me': signedIn(),
  'POST /api/auth/password': signedIn(async (f, role) => ({
    cookie: (await f.freshUser(role))?.cookie,
    body: { currentPassword: TEST_PASSWORD, newPassword: strong },
  })),
  'GET /api/auth/tokens': signedIn(),
  'POST /api/auth/tokens': signedIn(() => ({ body: { name: 'matrix' } })),
  'DELETE /api/auth/tokens/:id': signedIn(async (f, role) => {
    const owner = role === 'anonymous' ? f.users.viewer : f.users[role];
    const token = await f.prisma.apiToken.create({
      data: { userId: owner.id, name: 'matrix', tokenHash: randomBytes(32).toString('hex'), prefix: 'rabta_matrix' },
    });
    return { params: { id: token.id } };
  }),

  // own profile
  'GET /api/me': signedIn(),
  'PUT /api/me': signedIn(() => ({ body: { locale: 'en' } })),

  // users administration
  'GET /api/users': adminOnly(() => ({ query: { sort: '["email","ASC"]', range: '[0,9]' } })),
  'GET /api/users/:id': adminOnly((f) => ({ params: { id: f.users.viewer.id } })),
  'POST /api/users': adminOnly((f) => ({
    body: { email: `${f.unique('new')}@test.rabta`, name: 'New user', role: 'viewer', password: strong },
  })),
  'PUT /api/users/:id': adminOnly(async (f) => ({ params: { id: (await f.targetUser()).id }, body: { name: 'Renamed', version: 1 } })),
  'DELETE /api/users/:id': adminOnly(async (f) => ({ params: { id: (await f.targetUser()).id } })),
  'POST /api/users/:id/revoke-sessions': adminOnly(async (f) => ({ params: { id: (await f.targetUser()).id } })),
};

// ------------------------------------------------------------------------------------------------ fixtures

const ROLE_OF: Record<SignedInRole, Role> = { viewer: 'viewer', analystOutOfScope: 'analyst', analystInScope: 'analyst', admin: 'admin' };

/** Signs in the four callers: an in-scope analyst limited to steel, an out-of-scope analyst limited to energy. */
export async function createMatrixFixtures(t: Pick<TestApp, 'prisma' | 'http'>): Promise<MatrixFixtures> {
  const sectorId = async (code: string) => (await t.prisma.sector.findUniqueOrThrow({ where: { code } })).id;
  const sectors = { inScope: await sectorId('steel'), outOfScope: await sectorId('energy') };
  const scopeOf: Record<SignedInRole, number[]> = {
    viewer: [],
    analystOutOfScope: [sectors.outOfScope],
    analystInScope: [sectors.inScope],
    admin: [],
  };
  const users = {} as Record<SignedInRole, SignedInUser>;
  for (const role of Object.keys(ROLE_OF) as SignedInRole[]) {
    users[role] = await signedInUser(t, { role: ROLE_OF[role], sectorIds: scopeOf[role], name: `Matrix ${role}` });
  }
  const memo = new Map<string, Promise<unknown>>();
  const unique = (prefix = 'm') => `${prefix}-${randomBytes(4).toString('hex')}`;
  return {
    prisma: t.prisma,
    http: t.http,
    sectors,
    users,
    unique,
    once<T>(key: string, create: () => Promise<T>): Promise<T> {
      if (!memo.has(key)) memo.set(key, create());
      return memo.get(key) as Promise<T>;
    },
    async freshUser(role) {
      if (role === 'anonymous') return undefined;
      return signedInUser(t, { role: ROLE_OF[role], sectorIds: scopeOf[role] });
    },
    targetUser: () => signedInUser(t, { role: 'viewer' }),
    async initiative(options = {}) {
      const code = unique('MX').toUpperCase();
      const row = await t.prisma.initiative.create({
        data: { code, titleEn: `Matrix initiative ${code}`, sectors: { create: [{ sectorId: sectors[options.sector ?? 'inScope'] }] } },
        select: { id: true, code: true, version: true },
      });
      return row;
    },
  };
}

/** The route key's path with its `:params` filled in; throws naming any param the builder did not give. */
export function pathOf(key: string, params: RequestSpec['params'] = {}): string {
  const path = key.slice(key.indexOf(' ') + 1);
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`The matrix entry "${key}" gives no value for :${name} (return { params: { ${name}: … } })`);
    return encodeURIComponent(String(params[name]));
  });
}

export function matches(outcome: Outcome, status: number): boolean {
  return outcome === '2xx' ? status >= 200 && status < 300 : status === outcome;
}
