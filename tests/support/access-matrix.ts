// ================================================================================================================
// The authorization matrix: every route the API registers × five callers → the status each must get.
// tests/e2e/access-matrix.e2e-spec.ts runs it against the real app and FAILS when a registered /api route has no
// entry here (it prints a ready-to-paste line for each missing one), or when an entry names no registered route.
//
// HOW TO ADD A ROUTE (one line per route, keyed exactly "METHOD /api/path/:param", as Nest declares the path):
//
//   ...readRoutes('widgets', (f) => f.once('widget', () => makeWidget(f))),   // GET list, GET export, GET :id
//   'POST /api/widgets':        analystRoute((f) => ({ body: { nameEn: f.unique('w') } })),
//   'PUT /api/milestones/:id':  sectorScoped(async (f) => {                   // a fresh target per caller,
//                                 const m = await f.milestone();             //   in the in-scope sector
//                                 return { params: { id: m.id }, body: { titleEn: 'New', version: m.version } };
//                               }),
//   'DELETE /api/sectors/:id':  adminOnly(async (f) => ({ params: { id: (await f.sector()).id } })),
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
// admin) and gets the fixtures (MatrixFixtures below) and the caller's role. Each call should build a VALID
// request, so that the only reason for a refusal is access: a 400 or 404 instead of 2xx fails the matrix. Routes
// that change or consume their target take a fresh one per call from the factories (f.initiative(), f.milestone(),
// f.engagement(), f.decision(), f.agreement(), f.source(), f.evidence(), f.statusUpdate(), f.person(), …: created
// through the API as the admin; sector-owned ones in steel unless { sector: 'outOfScope' }). Routes that end the
// caller's own session (logout, password change) use `cookie: (await f.freshUser(role))?.cookie`.
// Shared read targets: `await f.once('key', () => f.initiative())` creates once per run and reuses.
// Object-level cases that one request per caller cannot show (moving a record into another scope, …) live in
// tests/e2e/access-scope.e2e-spec.ts.
// ================================================================================================================

import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@rabta/db';
import { linksOf, type LinkRule, type Role } from '@rabta/domain';
import { signedInUser, TEST_PASSWORD, type SignedInUser } from './auth';
import { dbFingerprint } from './fingerprint';
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
  /**
   * Fresh records, created through the API by the admin (so they are whole, as the app makes them). Those that
   * belong to a sector are attached to a new initiative in the in-scope sector unless `sector: 'outOfScope'`.
   */
  initiative(options?: Scope): Promise<Rec & { code: string }>;
  milestone(options?: Scope): Promise<Rec & { initiativeId: number }>;
  statusUpdate(options?: Scope): Promise<Rec & { initiativeId: number }>;
  engagement(options?: Scope): Promise<Rec & { initiativeIds: number[] }>;
  decision(options?: Scope): Promise<Rec & { engagementId: number; initiativeId: number }>;
  agreement(options?: Scope): Promise<Rec>;
  /** A source; `citedIn` makes an initiative of that sector cite it (evidence), else nothing cites it. */
  source(options?: { citedIn?: Scope['sector'] }): Promise<Rec>;
  evidence(options?: Scope): Promise<Rec & { initiativeId: number; sourceId: number }>;
  person(): Promise<Rec>;
  organization(): Promise<Rec>;
  position(): Promise<Rec & { personId: number }>;
  sector(): Promise<Rec & { code: string }>;
  country(): Promise<{ code: string; version: number }>;
  /** A saved view owned by `owner` (default: the viewer). */
  savedView(owner?: SignedInRole, shared?: boolean): Promise<Rec>;
  /** Any request as the admin, throwing unless it succeeds; returns the body. */
  asAdmin(method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object): Promise<Record<string, unknown>>;
}

export interface Scope {
  sector?: 'inScope' | 'outOfScope';
}

/** What the record factories return: enough to address the record and send a PUT. */
export interface Rec {
  id: number;
  version: number;
}

export interface MatrixEntry {
  expect: Expectation;
  request?: (f: MatrixFixtures, role: MatrixRole) => RequestSpec | Promise<RequestSpec>;
}

type Builder = MatrixEntry['request'];

export const PUBLIC: Expectation = {
  anonymous: '2xx',
  viewer: '2xx',
  analystOutOfScope: '2xx',
  analystInScope: '2xx',
  admin: '2xx',
};
export const SIGNED_IN: Expectation = {
  anonymous: 401,
  viewer: '2xx',
  analystOutOfScope: '2xx',
  analystInScope: '2xx',
  admin: '2xx',
};
export const ANALYST: Expectation = {
  anonymous: 401,
  viewer: 403,
  analystOutOfScope: '2xx',
  analystInScope: '2xx',
  admin: '2xx',
};
export const SECTOR_SCOPED: Expectation = {
  anonymous: 401,
  viewer: 403,
  analystOutOfScope: 403,
  analystInScope: '2xx',
  admin: '2xx',
};
export const ADMIN_ONLY: Expectation = {
  anonymous: 401,
  viewer: 403,
  analystOutOfScope: 403,
  analystInScope: 403,
  admin: '2xx',
};

export const route = (expect: Expectation, request?: Builder): MatrixEntry => ({ expect, request });
export const publicRoute = (request?: Builder): MatrixEntry => route(PUBLIC, request);
export const signedIn = (request?: Builder): MatrixEntry => route(SIGNED_IN, request);
export const analystRoute = (request?: Builder): MatrixEntry => route(ANALYST, request);
export const sectorScoped = (request?: Builder): MatrixEntry => route(SECTOR_SCOPED, request);
export const adminOnly = (request?: Builder): MatrixEntry => route(ADMIN_ONLY, request);

/** The preset a route's @Access level implies before object-level checks, for the suggested lines of missing entries. */
export function suggestEntry(key: string, level: string | undefined): string {
  const preset: Record<string, string> = {
    public: 'publicRoute',
    viewer: 'signedIn',
    analyst: 'analystRoute',
    admin: 'adminOnly',
  };
  const hint = level === 'analyst' ? '  // sectorScoped if it changes an initiative or a record attached to one' : '';
  return `  '${key}': ${level ? preset[level] : 'route'}(/* request builder */),${hint}`;
}

const strong = 'a long enough passphrase 42';

/**
 * The three read routes of a simple-rest resource: list, export (CSV) and one record (`target` gives its id).
 * Signed-in users by default.
 */
export function readRoutes(
  resource: string,
  target: (f: MatrixFixtures) => Promise<{ id: number | string }> | { id: number | string },
  expect: Expectation = SIGNED_IN,
): Record<string, MatrixEntry> {
  return {
    [`GET /api/${resource}`]: route(expect, () => ({ query: { range: '[0,9]' } })),
    [`GET /api/${resource}/export`]: route(expect, () => ({ query: { format: 'csv' } })),
    [`GET /api/${resource}/:id`]: route(expect, async (f) => ({ params: { id: (await target(f)).id } })),
  };
}

// ------------------------------------------------------------------------------------------------ the matrix

/** One intake shared by the intake routes (brought in by the admin). */
function matrixIntake(f: MatrixFixtures): Promise<{ id: number; sourceId: number }> {
  return f.once('intake', async () => {
    const res = await f.http
      .post('/api/intake')
      .set('Cookie', f.users.admin.cookie)
      .send({ text: 'Pakistan and Russia discussed the new steel mill in Karachi on Thursday.', publisher: 'Dawn' });
    if (res.status !== 201) throw new Error(`intake: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as number, sourceId: res.body.source.id as number };
  });
}

/** A fresh evidence proposal on a new initiative of the in-scope sector. */
async function matrixProposal(f: MatrixFixtures): Promise<{ intake: { id: number }; proposalId: number }> {
  const intake = await matrixIntake(f);
  const initiative = await f.initiative();
  const position = await f.prisma.intakeProposal.count({ where: { intakeId: intake.id } });
  const row = await f.prisma.intakeProposal.create({
    data: {
      intakeId: intake.id,
      position: position + 1000,
      kind: 'evidence',
      confidence: 0.9,
      quoteStart: 0,
      quoteEnd: 8,
      quoteText: 'Pakistan',
      data: { initiativeId: initiative.id },
    },
  });
  return { intake, proposalId: row.id };
}

export const ACCESS_MATRIX: Record<string, MatrixEntry> = {
  // health
  'GET /api/health': publicRoute(),
  'GET /api/version': signedIn(),

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
  'PUT /api/users/:id': adminOnly(async (f) => ({
    params: { id: (await f.targetUser()).id },
    body: { name: 'Renamed', version: 1 },
  })),
  'DELETE /api/users/:id': adminOnly(async (f) => ({ params: { id: (await f.targetUser()).id } })),
  'POST /api/users/:id/revoke-sessions': adminOnly(async (f) => ({ params: { id: (await f.targetUser()).id } })),
  'POST /api/users/:id/unlock': adminOnly(async (f) => ({ params: { id: (await f.targetUser()).id } })),
  'GET /api/users/:id/tokens': adminOnly(async (f) => ({ params: { id: (await f.targetUser()).id } })),
  'DELETE /api/users/:id/tokens/:tokenId': adminOnly(async (f) => {
    const owner = await f.targetUser();
    const token = await f.prisma.apiToken.create({
      data: { userId: owner.id, name: 'matrix', tokenHash: randomBytes(32).toString('hex'), prefix: 'rabta_matrix' },
    });
    return { params: { id: owner.id, tokenId: token.id } };
  }),
  'POST /api/users/:id/password': adminOnly(async (f) => ({
    params: { id: (await f.targetUser()).id },
    body: { password: strong },
  })),

  // OpenAPI and Swagger UI
  'GET /api/openapi.json': publicRoute(),
  'GET /api/docs': publicRoute(),
  'GET /api/docs/init.js': publicRoute(),
  'GET /api/docs/:file': publicRoute(() => ({ params: { file: 'swagger-ui.css' } })),

  // settings, dashboard
  'GET /api/settings': signedIn(),
  'PUT /api/settings': adminOnly(() => ({ body: { staleAfterDays: 90 } })),
  'GET /api/dashboard': signedIn(),
  'GET /api/search': signedIn(() => ({ query: { q: 'steel' } })),
  'GET /api/directory': signedIn(),

  // initiatives and what hangs off them: sector-scoped writes
  ...readRoutes('initiatives', (f) => f.once('initiative', () => f.initiative())),
  'GET /api/initiatives/:id/timeline': signedIn(async (f) => ({
    params: { id: (await f.once('initiative', () => f.initiative())).id },
  })),
  'GET /api/initiatives/:id/history': signedIn(async (f) => ({
    params: { id: (await f.once('initiative', () => f.initiative())).id },
  })),
  'POST /api/initiatives': sectorScoped((f) => ({
    body: {
      code: f.unique('MX').toUpperCase(),
      titleEn: 'New steel mill in Karachi',
      sectorIds: [f.sectors.inScope],
      countryCodes: ['PK', 'RU'],
    },
  })),
  'PUT /api/initiatives/:id': sectorScoped(async (f) => {
    const i = await f.initiative();
    return { params: { id: i.id }, body: { titleEn: 'Renamed', version: i.version } };
  }),
  'DELETE /api/initiatives/:id': sectorScoped(async (f) => ({ params: { id: (await f.initiative()).id } })),
  'POST /api/initiatives/:id/status-updates': sectorScoped(async (f) => ({
    params: { id: (await f.initiative()).id },
    body: { toHealth: 'at_risk', effectiveAt: '2025-07-10', note: 'Talks stalled' },
  })),

  ...readRoutes('status-updates', (f) => f.once('status-update', () => f.statusUpdate())),
  'POST /api/status-updates': sectorScoped(async (f) => ({
    body: {
      initiativeId: (await f.initiative()).id,
      toHealth: 'on_track',
      effectiveAt: '2025-07-10',
      note: 'Back on track',
    },
  })),
  'PUT /api/status-updates/:id': sectorScoped(async (f) => {
    const u = await f.statusUpdate();
    return { params: { id: u.id }, body: { noteEn: 'Corrected note', version: u.version } };
  }),

  ...readRoutes('milestones', (f) => f.once('milestone', () => f.milestone())),
  'POST /api/milestones': sectorScoped(async (f) => ({
    body: { initiativeId: (await f.initiative()).id, titleEn: 'Pilot cargo train', plannedDate: '2025-08-15' },
  })),
  'PUT /api/milestones/:id': sectorScoped(async (f) => {
    const m = await f.milestone();
    return { params: { id: m.id }, body: { titleEn: 'Renamed milestone', version: m.version } };
  }),
  'DELETE /api/milestones/:id': sectorScoped(async (f) => ({ params: { id: (await f.milestone()).id } })),

  ...readRoutes('engagements', (f) => f.once('engagement', () => f.engagement())),
  'POST /api/engagements': sectorScoped(async (f) => ({
    body: {
      titleEn: 'Dar meets Lavrov',
      format: 'multilateral_sidelines',
      startDate: '2025-07-10',
      initiativeIds: [(await f.initiative()).id],
    },
  })),
  'PUT /api/engagements/:id': sectorScoped(async (f) => {
    const e = await f.engagement();
    return { params: { id: e.id }, body: { outcomeEn: 'Agreed to meet again', version: e.version } };
  }),
  'DELETE /api/engagements/:id': sectorScoped(async (f) => ({ params: { id: (await f.engagement()).id } })),

  ...readRoutes('decisions', (f) => f.once('decision', () => f.decision())),
  'POST /api/decisions': sectorScoped(async (f) => {
    const e = await f.engagement();
    return { body: { engagementId: e.id, initiativeId: e.initiativeIds[0], textEn: 'Meet again at the SCO council' } };
  }),
  'PUT /api/decisions/:id': sectorScoped(async (f) => {
    const d = await f.decision();
    return { params: { id: d.id }, body: { state: 'in_progress', version: d.version } };
  }),
  'DELETE /api/decisions/:id': sectorScoped(async (f) => ({ params: { id: (await f.decision()).id } })),

  ...readRoutes('agreements', (f) => f.once('agreement', () => f.agreement())),
  'POST /api/agreements': sectorScoped(async (f) => ({
    body: { kind: 'agreement', titleEn: 'Steel mill agreement', initiativeIds: [(await f.initiative()).id] },
  })),
  'PUT /api/agreements/:id': sectorScoped(async (f) => {
    const a = await f.agreement();
    return { params: { id: a.id }, body: { status: 'signed', version: a.version } };
  }),
  'DELETE /api/agreements/:id': sectorScoped(async (f) => ({ params: { id: (await f.agreement()).id } })),

  ...readRoutes('evidence', (f) => f.once('evidence', () => f.evidence())),
  'POST /api/evidence': sectorScoped(async (f) => ({
    body: { sourceId: (await f.source()).id, initiativeId: (await f.initiative()).id, quote: 'Quoted' },
  })),
  'POST /api/sources/:id/citations': sectorScoped(async (f) => ({
    params: { id: (await f.source()).id },
    body: {
      quote: 'Quoted',
      targets: [{ initiativeId: (await f.initiative()).id }, { milestoneId: (await f.milestone()).id }],
    },
  })),
  'PUT /api/evidence/:id': sectorScoped(async (f) => {
    const e = await f.evidence();
    return { params: { id: e.id }, body: { quote: 'Better quote', version: e.version } };
  }),
  'DELETE /api/evidence/:id': sectorScoped(async (f) => ({ params: { id: (await f.evidence()).id } })),

  // Intake: everyone reads; analysts bring articles in; deciding a proposal follows the sector of the initiative it
  // writes to (the proposals here are on the in-scope initiative).
  'GET /api/intake': signedIn(() => ({ query: { range: '[0,9]' } })),
  'GET /api/intake/:id': signedIn(async (f) => ({ params: { id: (await matrixIntake(f)).id } })),
  'POST /api/intake': analystRoute((f) => ({
    body: { text: `Talks on the steel mill in Karachi continued on Monday (${f.unique()}).`, publisher: 'Dawn' },
  })),
  'POST /api/intake/:id/proposals/:proposalId/accept': sectorScoped(async (f) => {
    const { intake, proposalId } = await matrixProposal(f);
    return { params: { id: intake.id, proposalId } };
  }),
  'POST /api/intake/:id/proposals/:proposalId/reject': sectorScoped(async (f) => {
    const { intake, proposalId } = await matrixProposal(f);
    return { params: { id: intake.id, proposalId }, body: {} };
  }),
  'POST /api/intake/:id/links': analystRoute(async (f) => ({
    params: { id: (await matrixIntake(f)).id },
    body: { start: 0, end: 5, resource: 'people', id: (await f.person()).id, addAlias: false },
  })),

  // Sources: anyone who analyses may add one; changing one cited for an initiative needs that initiative's scope
  // (every citing initiative); one cited nowhere belongs to nobody's sector (and only such a one can be deleted).
  ...readRoutes('sources', (f) => f.once('source', () => f.source())),
  'POST /api/sources': analystRoute((f) => ({
    body: { kind: 'news', publisher: 'Dawn', language: 'en', publishedAt: '2025-07-11', title: `Report ${f.unique()}` },
  })),
  'PUT /api/sources/:id': sectorScoped(async (f) => {
    const s = await f.source({ citedIn: 'inScope' });
    return { params: { id: s.id }, body: { publisher: 'Express Tribune', version: s.version } };
  }),
  'DELETE /api/sources/:id': analystRoute(async (f) => ({ params: { id: (await f.source()).id } })),

  // actors: shared reference data, analyst work not tied to a sector
  ...readRoutes('people', (f) => f.once('person', () => f.person())),
  'POST /api/people': analystRoute(() => ({
    body: { nameEn: 'Alexei Overchuk', nameUr: 'الیکسی اوورچک', aliases: ['اوورچک'] },
  })),
  'PUT /api/people/:id': analystRoute(async (f) => {
    const p = await f.person();
    return { params: { id: p.id }, body: { nameRu: 'Алексей Оверчук', version: p.version } };
  }),
  // Shared reference data: only admins delete it (and only what nothing refers to).
  'DELETE /api/people/:id': adminOnly(async (f) => ({ params: { id: (await f.person()).id } })),
  ...readRoutes('organizations', (f) => f.once('organization', () => f.organization())),
  'POST /api/organizations': analystRoute((f) => ({
    body: { nameEn: `Pakistan Steel Mills ${f.unique()}`, kind: 'state_enterprise', countryCode: 'PK' },
  })),
  'PUT /api/organizations/:id': analystRoute(async (f) => {
    const o = await f.organization();
    return { params: { id: o.id }, body: { acronym: 'PSM', version: o.version } };
  }),
  'DELETE /api/organizations/:id': adminOnly(async (f) => ({ params: { id: (await f.organization()).id } })),
  ...readRoutes('positions', (f) => f.once('position', () => f.position())),
  'POST /api/positions': analystRoute(async (f) => ({
    body: { personId: (await f.person()).id, titleEn: 'First Deputy Minister of Energy', fromDate: '2024-05-01' },
  })),
  'PUT /api/positions/:id': analystRoute(async (f) => {
    const p = await f.position();
    return { params: { id: p.id }, body: { toDate: '2025-12-31', version: p.version } };
  }),
  'DELETE /api/positions/:id': adminOnly(async (f) => ({ params: { id: (await f.position()).id } })),

  // reference data: admins change it
  ...readRoutes('sectors', (f) => f.once('sector', () => f.sector())),
  'POST /api/sectors': adminOnly((f) => ({
    body: { code: f.unique('agri').replace('-', '_'), nameEn: 'Agriculture', nameUr: 'زراعت' },
  })),
  'PUT /api/sectors/:id': adminOnly(async (f) => {
    const s = await f.sector();
    return { params: { id: s.id }, body: { nameEn: 'Renamed sector', version: s.version } };
  }),
  'DELETE /api/sectors/:id': adminOnly(async (f) => ({ params: { id: (await f.sector()).id } })),
  ...readRoutes('countries', () => ({ id: 'PK' })),
  'POST /api/countries': adminOnly(async (f) => {
    // A free code: create and remove one, then post it.
    const c = await f.country();
    await f.prisma.country.delete({ where: { code: c.code } });
    return { body: { code: c.code, nameEn: 'Testland', nameUr: 'آزمائش' } };
  }),
  'PUT /api/countries/:id': adminOnly(async (f) => {
    const c = await f.country();
    return { params: { id: c.code }, body: { nameEn: 'Renamed land', version: c.version } };
  }),
  'DELETE /api/countries/:id': adminOnly(async (f) => ({ params: { id: (await f.country()).code } })),

  // saved views: every signed-in user keeps their own
  // A shared view: every signed-in user reads it (another user's private view is a 404, tests/e2e/api/resources).
  ...readRoutes('saved-views', (f) => f.once('saved-view', () => f.savedView('viewer', true))),
  'POST /api/saved-views': signedIn(() => ({
    body: { resource: 'initiatives', name: 'Steel, at risk', filter: { sectorId: 1, health: 'at_risk' } },
  })),
  'PUT /api/saved-views/:id': signedIn(async (f, role) => {
    const v = await f.savedView(role === 'anonymous' ? 'viewer' : role);
    return { params: { id: v.id }, body: { name: 'Renamed view', version: v.version } };
  }),
  'DELETE /api/saved-views/:id': signedIn(async (f, role) => ({
    params: { id: (await f.savedView(role === 'anonymous' ? 'viewer' : role)).id },
  })),

  // status reports: anyone signed in requests them and reads every report; schedules are analysts' own
  'POST /api/reports': signedIn(() => ({ body: { kind: 'portfolio', params: {}, format: 'csv', language: 'en' } })),
  'GET /api/reports': signedIn(() => ({ query: { range: '[0,9]' } })),
  'GET /api/reports/:id': signedIn(async (f) => ({ params: { id: (await doneReport(f)).id } })),
  'GET /api/reports/:id/file': signedIn(async (f) => ({ params: { id: (await doneReport(f)).id } })),
  ...readRoutes('report-schedules', (f) =>
    f.once(
      'report-schedule',
      () => f.asAdmin('post', '/api/report-schedules', reportSchedule()) as unknown as Promise<Rec>,
    ),
  ),
  'POST /api/report-schedules': analystRoute(() => ({ body: reportSchedule() })),

  // IATI export: everyone signed in reads it; the reporting organisation is the admins'
  'GET /api/iati/activities.xml': signedIn(async (f) => {
    await f.once('iati-initiative', () => f.initiative());
    return {};
  }),
  'GET /api/iati/settings': signedIn(),
  'PUT /api/iati/settings': adminOnly(() => ({ body: { reportingOrgName: 'Rabta matrix' } })),

  // spreadsheet imports: analysts and admins; an import is its maker's (and the admins')
  'POST /api/imports': analystRoute((f) => importUpload(f)),
  'GET /api/imports/templates/:resource': analystRoute(() => ({ params: { resource: 'people' } })),
  'GET /api/imports/:id': analystRoute(async (f, role) => ({ params: { id: (await ownImport(f, role)).id } })),
  'POST /api/imports/:id/commit': analystRoute(async (f, role) => ({ params: { id: (await ownImport(f, role)).id } })),
  'GET /api/imports/:id/result': analystRoute(async (f, role) => ({ params: { id: (await ownImport(f, role)).id } })),
  'PUT /api/report-schedules/:id': analystRoute(async (f, role) => {
    const s = await ownSchedule(f, role);
    return { params: { id: s.id }, body: { paused: true, version: s.version } };
  }),
  'DELETE /api/report-schedules/:id': analystRoute(async (f, role) => ({
    params: { id: (await ownSchedule(f, role)).id },
  })),

  // the audit log: admins only, read-only
  ...readRoutes(
    'audit-events',
    async (f) => ({ id: Number((await f.prisma.auditEvent.findFirstOrThrow({ select: { id: true } })).id) }),
    ADMIN_ONLY,
  ),
};

// ------------------------------------------------------------------------------------------------ fixtures

const ROLE_OF: Record<SignedInRole, Role> = {
  viewer: 'viewer',
  analystOutOfScope: 'analyst',
  analystInScope: 'analyst',
  admin: 'admin',
};

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
    asAdmin,
    initiative: (o = {}) => createInitiative(o),
    async milestone(o = {}) {
      const i = await createInitiative(o);
      return pick(
        await asAdmin('post', '/api/milestones', {
          initiativeId: i.id,
          titleEn: `Milestone ${unique()}`,
          plannedDate: '2025-08-01',
        }),
        'initiativeId',
      );
    },
    async statusUpdate(o = {}) {
      const i = await createInitiative(o);
      const body = await asAdmin('post', `/api/initiatives/${i.id}/status-updates`, {
        toHealth: 'at_risk',
        effectiveAt: '2025-07-10',
        note: 'Matrix status update',
      });
      return pick(body, 'initiativeId');
    },
    engagement: (o = {}) => createEngagement(o),
    async decision(o = {}) {
      const e = await createEngagement(o);
      // Every link of a decision set: its meeting, its initiative and a milestone of that initiative.
      const m = await asAdmin('post', '/api/milestones', {
        initiativeId: e.initiativeIds[0],
        titleEn: `Milestone ${unique()}`,
      });
      const body = await asAdmin('post', '/api/decisions', {
        engagementId: e.id,
        initiativeId: e.initiativeIds[0],
        milestoneId: m.id,
        textEn: `Decision ${unique()}`,
      });
      return pick(body, 'engagementId', 'initiativeId');
    },
    async agreement(o = {}) {
      const i = await createInitiative(o);
      return pick(
        await asAdmin('post', '/api/agreements', { kind: 'mou', titleEn: `MoU ${unique()}`, initiativeIds: [i.id] }),
      );
    },
    async source(o = {}) {
      const source = await createSource();
      if (o.citedIn) {
        const i = await createInitiative({ sector: o.citedIn });
        await asAdmin('post', '/api/evidence', { sourceId: source.id, initiativeId: i.id });
      }
      return source;
    },
    async evidence(o = {}) {
      const i = await createInitiative(o);
      const source = await createSource();
      return pick(
        await asAdmin('post', '/api/evidence', { sourceId: source.id, initiativeId: i.id, quote: 'Quoted passage' }),
        'initiativeId',
        'sourceId',
      );
    },
    person: () => createPerson(),
    async organization() {
      return pick(
        await asAdmin('post', '/api/organizations', { nameEn: `Organisation ${unique()}`, kind: 'ministry' }),
      );
    },
    async position() {
      const p = await createPerson();
      return pick(
        await asAdmin('post', '/api/positions', { personId: p.id, titleEn: 'Special Assistant' }),
        'personId',
      );
    },
    async sector() {
      const code = unique('mx').replace('-', '_');
      return pick(await asAdmin('post', '/api/sectors', { code, nameEn: `Sector ${code}`, nameUr: 'شعبہ' }), 'code');
    },
    async country() {
      const code = FREE_COUNTRY_CODES[countries++ % FREE_COUNTRY_CODES.length];
      const body = await asAdmin('post', '/api/countries', { code, nameEn: `Testland ${code}`, nameUr: 'آزمائش' });
      return { code: body.code as string, version: body.version as number };
    },
    async savedView(owner = 'viewer', shared = false) {
      const res = await t.http
        .post('/api/saved-views')
        .set('Cookie', users[owner].cookie)
        .send({ resource: 'initiatives', name: `View ${unique()}`, filter: {}, shared });
      if (res.status !== 201)
        throw new Error(`Fixture: creating a saved view failed: ${res.status} ${JSON.stringify(res.body)}`);
      return pick(res.body);
    },
  };

  async function asAdmin(
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    body?: object,
  ): Promise<Record<string, unknown>> {
    const req = t.http[method](path).set('Cookie', users.admin.cookie);
    const res = body === undefined ? await req : await req.send(body);
    if (res.status < 200 || res.status > 299)
      throw new Error(
        `Fixture: ${method.toUpperCase()} ${path} failed: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`,
      );
    return res.body as Record<string, unknown>;
  }
  async function createInitiative(o: Scope): Promise<Rec & { code: string }> {
    const code = unique('MX').toUpperCase();
    const body = await asAdmin('post', '/api/initiatives', {
      code,
      titleEn: `Matrix initiative ${code}`,
      sectorIds: [sectors[o.sector ?? 'inScope']],
      countryCodes: ['PK', 'RU'],
    });
    return pick(body, 'code');
  }
  async function createEngagement(o: Scope): Promise<Rec & { initiativeIds: number[] }> {
    const i = await createInitiative(o);
    const body = await asAdmin('post', '/api/engagements', {
      titleEn: `Meeting ${unique()}`,
      format: 'bilateral_meeting',
      startDate: '2025-07-10',
      initiativeIds: [i.id],
    });
    return pick(body, 'initiativeIds');
  }
  async function createSource(): Promise<Rec> {
    return pick(
      await asAdmin('post', '/api/sources', {
        kind: 'news',
        publisher: 'Matrix Times',
        language: 'en',
        publishedAt: '2025-07-10',
        title: `Report ${unique()}`,
      }),
    );
  }
  async function createPerson(): Promise<Rec> {
    return pick(await asAdmin('post', '/api/people', { nameEn: `Person ${unique()}` }));
  }
}

/** id, version and the named fields of a response body. */
function pick<K extends string>(body: Record<string, unknown>, ...keys: K[]): Rec & Record<K, never> {
  const out: Record<string, unknown> = { id: body.id, version: body.version };
  for (const k of keys) out[k] = body[k];
  return out as Rec & Record<K, never>;
}

// Two-letter codes that ISO 3166-1 leaves unassigned (the seed holds every assigned one).
const FREE_COUNTRY_CODES = 'QB QC QD QE QF QG QH QI QJ QK QL QM QN QO QP QQ QR QS QT QU QV QW QX QY QZ'.split(' ');
let countries = 0;

/** The route key's path with its `:params` filled in; throws naming any param the builder did not give. */
export function pathOf(key: string, params: RequestSpec['params'] = {}): string {
  const path = key.slice(key.indexOf(' ') + 1);
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    if (params[name] === undefined)
      throw new Error(`The matrix entry "${key}" gives no value for :${name} (return { params: { ${name}: … } })`);
    return encodeURIComponent(String(params[name]));
  });
}

export function matches(outcome: Outcome, status: number): boolean {
  return outcome === '2xx' ? status >= 200 && status < 300 : status === outcome;
}

// ------------------------------------------------------------------------------------------------ reports

function reportSchedule(): Record<string, unknown> {
  return { name: 'Matrix weekly', kind: 'portfolio', params: {}, format: 'csv', language: 'en', cron: '0 8 * * 1' };
}

/** A multipart upload for POST /api/imports: a CSV that creates one person (people are not tied to a sector). */
function importUpload(f: MatrixFixtures): RequestSpec {
  const boundary = `matrix${f.unique('b').replace(/\W/g, '')}`;
  const part = (name: string, value: string, file?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: text/csv` : ''}\r\n\r\n${value}\r\n`;
  const body =
    part('resource', 'people') +
    part('mode', 'create') +
    part('file', `nameEn\r\n${f.unique('Matrix person')}\r\n`, 'people.csv') +
    `--${boundary}--\r\n`;
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

/** A fresh import previewed by the caller when it may import (analysts: their own), else by the admin. */
async function ownImport(f: MatrixFixtures, role: MatrixRole): Promise<Rec> {
  const upload = importUpload(f);
  const cookie =
    role === 'analystInScope' || role === 'analystOutOfScope' ? f.users[role].cookie : f.users.admin.cookie;
  let req = f.http.post('/api/imports').set('Cookie', cookie);
  for (const [k, v] of Object.entries(upload.headers!)) req = req.set(k, v);
  const res = await req.send(upload.body as string);
  if (res.status !== 201)
    throw new Error(`Previewing an import as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Rec;
}

/** A schedule the caller may change: an analyst's own (others' are refused); the admin's for the other callers. */
async function ownSchedule(f: MatrixFixtures, role: MatrixRole): Promise<Rec> {
  if (role === 'analystInScope' || role === 'analystOutOfScope') {
    const res = await f.http.post('/api/report-schedules').set('Cookie', f.users[role].cookie).send(reportSchedule());
    if (res.status !== 201)
      throw new Error(`Creating a report schedule as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Rec;
  }
  return (await f.asAdmin('post', '/api/report-schedules', reportSchedule())) as unknown as Rec;
}

/** One finished report, shared by the read routes. */
function doneReport(f: MatrixFixtures): Promise<Rec> {
  return f.once('report', async () => {
    const report = await f.asAdmin('post', '/api/reports', {
      kind: 'portfolio',
      params: {},
      format: 'csv',
      language: 'en',
    });
    for (let i = 0; i < 600; i++) {
      const now = await f.asAdmin('get', `/api/reports/${String(report.id)}`);
      if (now.status === 'done') return now as unknown as Rec;
      if (now.status === 'failed') throw new Error(`The matrix's report failed: ${String(now.error)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('The matrix report was not done in 30 s');
  });
}

// ------------------------------------------------------------------------------------------------ link scope
// Generated from the OpenAPI document: every write route × every body field that holds an id (or a list of ids).
// Each such field must be declared in packages/domain/src/links.ts (RESOURCE_LINKS); those that touch sector scope
// get cases here, so a new link field is covered without anyone remembering to add it:
//   add:    the in-scope (steel) analyst sends the route's valid request with the field pointing at a record of the
//           out-of-scope sector (energy) — added to the list for list fields → 403, nothing written;
//   remove: on a PUT, the out-of-scope analyst takes the in-scope record's link away (for list fields after the
//           admin linked one of their own as well, so they have "one of their own" linked) → 403, nothing written.

export interface LinkCase {
  /** The matrix key, e.g. `PUT /api/decisions/:id`. */
  key: string;
  field: string;
  rule: LinkRule;
  many: boolean;
  mode: 'add' | 'remove';
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}

const variants = (s: JsonSchema): JsonSchema[] => [s, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
const isInteger = (s: JsonSchema): boolean => variants(s).some((v) => v.type === 'integer' || v.type === 'number');
const isIdList = (s: JsonSchema): boolean =>
  variants(s).some((v) => v.type === 'array' && !!v.items && isInteger(v.items));

/** The body fields of a JSON schema that hold ids: named `…Id`/`…Ids`, integers or lists of integers; nested dotted. */
export function idFieldsOf(schema: JsonSchema, prefix = ''): { field: string; many: boolean }[] {
  const out: { field: string; many: boolean }[] = [];
  for (const variant of variants(schema)) {
    for (const [name, sub] of Object.entries(variant.properties ?? {})) {
      const field = prefix ? `${prefix}.${name}` : name;
      if (/[a-z0-9]Ids?$/.test(name) && (isInteger(sub) || isIdList(sub))) out.push({ field, many: isIdList(sub) });
      else out.push(...idFieldsOf(sub, field));
    }
    if (variant !== schema) out.push(...idFieldsOf(variant, prefix));
  }
  return out.filter((x, i) => out.findIndex((y) => y.field === x.field) === i);
}

/** Every link-scope case of the document, and the id fields no rule declares (`METHOD path field`). */
export function linkCasesOf(doc: OpenApiDocument): { cases: LinkCase[]; undeclared: string[]; idFields: number } {
  const cases: LinkCase[] = [];
  const undeclared: string[] = [];
  let idFields = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    const resource =
      path
        .split('/')
        .filter((s) => s && !s.startsWith('{') && s !== 'api')
        .pop() ?? '';
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (!schema || !['post', 'put', 'patch'].includes(method)) continue;
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      for (const { field, many } of idFieldsOf(schema)) {
        idFields++;
        const rule = linksOf(resource).find((r) => r.field === field);
        if (!rule) {
          undeclared.push(`${key} ${field}`);
          continue;
        }
        if (rule.scope === 'none') continue;
        cases.push({ key, field, rule, many, mode: 'add' });
        if (method === 'put' && (rule.scope === 'touch' || rule.scope === 'assign'))
          cases.push({ key, field, rule, many, mode: 'remove' });
      }
    }
  }
  return { cases, undeclared, idFields };
}

/** A record of this kind that belongs to the out-of-scope sector only. */
async function outOfScopeTarget(f: MatrixFixtures, kind: LinkRule['to']): Promise<number> {
  const o = { sector: 'outOfScope' } as const;
  switch (kind) {
    case 'initiatives':
      return (await f.initiative(o)).id;
    case 'milestones':
      return (await f.milestone(o)).id;
    case 'status-updates':
      return (await f.statusUpdate(o)).id;
    case 'engagements':
      return (await f.engagement(o)).id;
    case 'decisions':
      return (await f.decision(o)).id;
    case 'agreements':
      return (await f.agreement(o)).id;
    case 'evidence':
      return (await f.evidence(o)).id;
    case 'sources':
      return (await f.source({ citedIn: 'outOfScope' })).id;
    case 'sectors':
      return f.sectors.outOfScope;
    default:
      throw new Error(`No out-of-scope ${kind}: links to ${kind} do not touch sector scope`);
  }
}

function setPath(body: Record<string, unknown>, field: string, value: unknown): void {
  const parts = field.split('.');
  let at = body;
  for (const part of parts.slice(0, -1)) {
    if (at[part] === null || typeof at[part] !== 'object') at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]] = value;
}

function getPath(body: Record<string, unknown>, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined), body);
}

export interface PreparedLinkCase {
  c: LinkCase;
  method: 'post' | 'put' | 'patch';
  path: string;
  body: Record<string, unknown>;
  who: SignedInRole;
}

/** Builds the records a case needs (through the API, as the admin) and the request to send; or what went wrong. */
export async function prepareLinkCase(f: MatrixFixtures, c: LinkCase): Promise<PreparedLinkCase | string> {
  const entry = ACCESS_MATRIX[c.key];
  if (!entry?.request) return `${c.key}: the access matrix has no request builder to start from`;
  // A refused request changes nothing: the cases that add a link share one valid request per route, and one target
  // per kind serves all cases (linking a record does not change it).
  const spec =
    c.mode === 'add'
      ? await f.once(`link-base:${c.key}`, async () => entry.request!(f, 'analystInScope'))
      : await entry.request(f, 'analystInScope');
  const target = await f.once(`link-target:${c.rule.to}`, () => outOfScopeTarget(f, c.rule.to));
  const path = pathOf(c.key, spec.params);
  const method = c.key.slice(0, c.key.indexOf(' ')).toLowerCase() as PreparedLinkCase['method'];
  if (c.mode === 'add') {
    const body = structuredClone((spec.body ?? {}) as Record<string, unknown>);
    const current = getPath(body, c.field);
    setPath(body, c.field, c.many ? [...(Array.isArray(current) ? current : []), target] : target);
    return { c, method, path, body, who: 'analystInScope' };
  }
  let current = await f.asAdmin('get', path);
  if (c.many) {
    const linked = (current[c.field] as number[] | undefined) ?? [];
    if (linked.length === 0) return `${c.key} ${c.field}: the in-scope record links nothing to take away`;
    current = await f.asAdmin('put', path, { [c.field]: [...linked, target], version: current.version });
  } else if (getPath(current, c.field) == null) {
    return `${c.key} ${c.field}: the in-scope record links nothing to take away`;
  }
  const body = { [c.field]: c.many ? [target] : target, version: current.version };
  return { c, method, path, body, who: 'analystOutOfScope' };
}

/** Sends a prepared case; returns what went wrong, or undefined. Run one at a time: it compares the whole database. */
export async function sendLinkCase(f: MatrixFixtures, p: PreparedLinkCase): Promise<string | undefined> {
  const before = await dbFingerprint(f.prisma);
  const res = await f.http[p.method](p.path).set('Cookie', f.users[p.who].cookie).send(p.body);
  const after = await dbFingerprint(f.prisma);
  const problems: string[] = [];
  if (res.status !== 403) problems.push(`expected 403, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  if (after !== before) problems.push('the database changed');
  return problems.length ? `${p.c.mode} ${p.c.key} ${p.c.field} as ${p.who}: ${problems.join('; ')}` : undefined;
}

/** Runs fn over items, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
