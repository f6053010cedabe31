import fc from 'fast-check';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeEngagement, makeInitiative, makeMilestone, makePerson, makeSource } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

// Property-based hostile input: arbitrary bodies and query strings for every write and list route. Whatever comes
// in, the answer is never a 5xx, every 4xx has the one error shape, and a rejected call changes nothing in the
// database (every table's row count and version sum, and the audit log, are compared before and after).

// Cases per route: fast-check draws new ones on every run, so coverage grows run by run; `npm test` keeps to its
// 10-minute budget with 320 (RABTA_FUZZ_RUNS=4000 for a deep run).
const RUNS_PER_ROUTE = Number(process.env.RABTA_FUZZ_RUNS ?? 320);

const FIELD_NAMES = [
  'id',
  'code',
  'titleEn',
  'titleUr',
  'summaryEn',
  'stage',
  'health',
  'sectorIds',
  'countryCodes',
  'countries',
  'version',
  'archivedAt',
  'initiativeId',
  'plannedDate',
  'actualDate',
  'state',
  'kind',
  'announcement',
  'format',
  'startDate',
  'endDate',
  'participantIds',
  'initiativeIds',
  'engagementId',
  'textEn',
  'dueDate',
  'sourceId',
  'quote',
  'publisher',
  'url',
  'language',
  'publishedAt',
  'title',
  'text',
  'nameEn',
  'nameUr',
  'aliases',
  'personId',
  'organizationId',
  'role',
  'password',
  'filter',
  'sort',
  'resource',
  'name',
  'shared',
  'toStage',
  'toHealth',
  'effectiveAt',
  'note',
  'sourceIds',
  'quotes',
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  'hasOwnProperty',
  'valueOf',
  'q',
  'sectorId',
  'plannedDate_gte',
];

/** Prototype names, as keys and as path segments. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf'];
/** NUL and other control characters, alone and inside text (PostgreSQL stores no NUL, in text or in jsonb). */
const controlText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    'ahmed@mofa.example\u0000',
    '\u0007\u001b[31m',
    '\r\n',
    '\u0085\u2028',
    '\u007f',
  ),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001f', '\u007f', '\u200f', 'a', 'ک', ' '),
    maxLength: 12,
  }),
);
/** Ids at and beyond the range of their columns: int4 for records, bigint for audit events. */
const EDGE_IDS = [0, -1, 2_147_483_647, 2_147_483_648, -2_147_483_648, Number.MAX_SAFE_INTEGER + 2, 1e21];
const EDGE_ID_TEXTS = ['2147483647', '2147483648', '9223372036854775807', '9223372036854775808', '-1', '1e3', '0x10'];
/**
 * JSON text nested `depth` levels deep (arrays and objects in turn), built as text: JSON.stringify itself runs out of
 * stack on such values.
 */
function nestedJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '{"stage":' : '[';
    close = (i % 2 ? '}' : ']') + close;
  }
  return `${open}1${close}`;
}
/** A stand-in string for a deeply nested value, swapped for its JSON text when a body is sent (toJsonText). */
const DEEP = new Map<string, string>();
function deep(depth: number): string {
  const marker = `@@deep-${depth}@@`;
  if (!DEEP.has(marker)) DEEP.set(marker, nestedJson(depth));
  return marker;
}
/** A body as JSON text, deep stand-ins replaced by their nesting. */
function toJsonText(body: unknown): string {
  let text = JSON.stringify(body);
  for (const [marker, json] of DEEP) text = text.split(JSON.stringify(marker)).join(json);
  return text;
}

const urdu = fc.constantFrom('کراچی', 'اسٹيل', 'ہارون\u200c', '۱۳ مئی', 'پاکِستان', '\u200f', 'ك', '');
const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  urdu,
  fc.integer(),
  fc.integer({ min: -2, max: 5 }),
  // Whole numbers past a PostgreSQL integer (ids, versions are int4).
  fc.constantFrom(2_147_483_648, 1_526_486_411_730_759, Number.MAX_SAFE_INTEGER, -2_147_483_649),
  fc.constantFrom(...EDGE_IDS),
  fc.constantFrom(...EDGE_ID_TEXTS),
  controlText,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    'announced',
    'operational',
    'on_track',
    'PK',
    'RU',
    'news',
    'ur',
    '2025-02-30',
    '9999-99-99',
    'x'.repeat(5000),
    '<script>',
    "'; DROP TABLE initiatives; --",
  ),
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), scalar, { maxKeys: 3 }) },
  // Deep nesting, up to 5,000 levels: refused with 400 past the limit, never a stack overflow.
  { weight: 1, arbitrary: fc.constantFrom(20, 40, 1000, 5000).map(deep) },
);
const body = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), value, {
      maxKeys: 8,
    }),
  },
  { weight: 1, arbitrary: value },
);
const jsonish = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.string({ maxLength: 30 }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), scalar, { maxKeys: 4 }).map((o) => JSON.stringify(o)),
  fc
    .tuple(fc.constantFrom('id', 'code', 'titleEn', 'updatedAt', 'nope', ''), fc.constantFrom('ASC', 'DESC', 'up'))
    .map((t) => JSON.stringify(t)),
  fc.tuple(fc.integer({ min: -5, max: 3000 }), fc.integer({ min: -5, max: 3000 })).map((t) => JSON.stringify(t)),
  fc.record({ q: controlText }).map((o) => JSON.stringify(o)),
  fc.record({ id: fc.constantFrom(...EDGE_IDS, ...EDGE_ID_TEXTS) }).map((o) => JSON.stringify(o)),
  // As deep as a URL can carry (a 5,000-deep filter is longer than any server takes as a request line).
  fc.constantFrom(40, 300).map(nestedJson),
);
const queryString = fc.record(
  {
    sort: jsonish,
    range: jsonish,
    filter: jsonish,
    asOf: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('2025-06-01'), controlText),
    junk: fc.string({ maxLength: 8 }),
  },
  { requiredKeys: [] },
);

describe('hostile input never breaks the API or half-writes data', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  const ids: Record<string, number> = {};
  let total = 0;

  async function fingerprint(): Promise<string> {
    const rows = await t.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM initiatives) AS initiatives,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM milestones) AS milestones,
        (SELECT count(*) FROM milestone_date_changes) AS ledger,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM status_updates) AS status_updates,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM engagements) AS engagements,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM decisions) AS decisions,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM agreements) AS agreements,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM sources) AS sources,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM evidence) AS evidence,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM people) AS people,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM organizations) AS organizations,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM positions) AS positions,
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM saved_views) AS saved_views,
        (SELECT count(*) FROM initiative_sectors) || ':' || (SELECT count(*) FROM initiative_countries) || ':' || (SELECT count(*) FROM engagement_initiatives) AS links,
        (SELECT count(*) FROM audit_events WHERE action NOT LIKE 'login%') AS audit`;
    return JSON.stringify(rows[0], (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  }

  function assertErrorShape(status: number, b: unknown, context: string): void {
    if (status >= 500) throw new Error(`${context} → ${status} ${JSON.stringify(b).slice(0, 300)}`);
    if (status >= 400) {
      const e = b as { statusCode?: unknown; code?: unknown; message?: unknown };
      if (e.statusCode !== status || typeof e.code !== 'string' || typeof e.message !== 'string') {
        throw new Error(`${context} → ${status} without the error shape: ${JSON.stringify(b).slice(0, 300)}`);
      }
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    analyst = await signedInUser(t, { role: 'analyst' });
    const initiative = await makeInitiative(t, analyst.cookie);
    ids.initiatives = initiative.id;
    ids.milestones = (await makeMilestone(t, analyst.cookie, initiative.id)).id;
    ids.sources = (await makeSource(t, analyst.cookie)).id;
    ids.people = (await makePerson(t, analyst.cookie)).id;
    ids.engagements = (await makeEngagement(t, analyst.cookie, { initiativeIds: [initiative.id] })).id;
    for (const r of ['organizations', 'agreements', 'decisions', 'positions', 'evidence', 'status-updates']) {
      const row = await t.http.get(`/api/${r}`).query({ range: '[0,0]' }).set('Cookie', analyst.cookie);
      ids[r] = row.body[0].id;
    }
  });
  afterAll(async () => {
    process.stdout.write(`hostile input: ${total} generated cases\n`);
    await t.close();
  });

  // A valid body per route: half the cases are it with one field replaced by anything, which reaches the checks
  // behind validation (references, scope, lifecycle, uniqueness) where a half-done write could hide.
  const writeRoutes: [string, string, () => Record<string, unknown>][] = [
    [
      'post',
      '/api/initiatives',
      () => ({ code: 'FUZZ-1', titleEn: 'Fuzz', sectorIds: [1], countryCodes: ['PK'], leadOrganizationIds: [1] }),
    ],
    [
      'put',
      '/api/initiatives/:initiatives',
      () => ({ titleEn: 'Fuzzed', sectorIds: [2], countryCodes: ['PK'], version: 1 }),
    ],
    [
      'post',
      '/api/initiatives/:initiatives/status-updates',
      () => ({ toStage: 'under_negotiation', effectiveAt: '2025-07-10', note: 'x', sourceIds: [ids.sources] }),
    ],
    [
      'post',
      '/api/milestones',
      () => ({
        initiativeId: ids.initiatives,
        titleEn: 'M',
        plannedDate: '2025-09-01',
        announcement: { announcedById: ids.people, sourceId: ids.sources },
      }),
    ],
    [
      'put',
      '/api/milestones/:milestones',
      () => ({ plannedDate: '2025-10-01', announcement: { announcedById: ids.people }, version: 1 }),
    ],
    [
      'post',
      '/api/engagements',
      () => ({
        titleEn: 'E',
        format: 'visit',
        startDate: '2025-07-10',
        participantIds: [ids.people],
        initiativeIds: [ids.initiatives],
      }),
    ],
    [
      'put',
      '/api/engagements/:engagements',
      () => ({ participantIds: [ids.people], initiativeIds: [ids.initiatives], version: 1 }),
    ],
    [
      'post',
      '/api/decisions',
      () => ({
        engagementId: ids.engagements,
        textEn: 'D',
        initiativeId: ids.initiatives,
        milestoneId: ids.milestones,
      }),
    ],
    [
      'put',
      '/api/agreements/:agreements',
      () => ({
        partyCountryCodes: ['PK', 'RU'],
        signatoryIds: [ids.people],
        initiativeIds: [ids.initiatives],
        version: 1,
      }),
    ],
    [
      'post',
      '/api/sources',
      () => ({
        kind: 'news',
        publisher: 'P',
        language: 'ur',
        publishedAt: '2025-07-11',
        title: 'T',
        url: 'https://example.org/fuzz',
      }),
    ],
    ['put', '/api/people/:people', () => ({ nameEn: 'N', aliases: ['a'], countryCode: 'PK', version: 1 })],
    [
      'post',
      '/api/positions',
      () => ({ personId: ids.people, organizationId: 1, titleEn: 'Minister', fromDate: '2024-01-01' }),
    ],
    ['post', '/api/evidence', () => ({ sourceId: ids.sources, milestoneId: ids.milestones, quote: 'q' })],
    ['post', '/api/saved-views', () => ({ resource: 'initiatives', name: 'V', filter: { stage: 'announced' } })],
    ['put', '/api/status-updates/:status-updates', () => ({ noteEn: 'n', version: 1 })],
  ];

  it.each(writeRoutes)('%s %s: arbitrary bodies', async (method, template, valid) => {
    const path = template.replace(/:([a-z-]+)/, (_, r: string) => String(ids[r]));
    const base = valid();
    const perturbed = fc
      .tuple(fc.oneof(fc.constantFrom(...Object.keys(base)), fc.constantFrom(...FIELD_NAMES)), value)
      .map(([k, v]) => ({ ...base, [k]: v }));
    let before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, perturbed), async (b) => {
        total++;
        const res = await t.http[method as 'post' | 'put'](path)
          .set('Cookie', analyst.cookie)
          .set('Content-Type', 'application/json')
          .send(toJsonText(b));
        assertErrorShape(res.status, res.body, `${method.toUpperCase()} ${path} ${JSON.stringify(b).slice(0, 200)}`);
        const after = await fingerprint();
        if (res.status >= 400 && after !== before)
          throw new Error(
            `A rejected ${method.toUpperCase()} ${path} (${res.status}) changed the database: ${before} → ${after}`,
          );
        before = after;
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  });

  it.each(['initiatives', 'milestones', 'people', 'sources', 'engagements', 'status-updates'])(
    'GET /api/%s: arbitrary query strings',
    async (resource) => {
      await fc.assert(
        fc.asyncProperty(queryString, async (q) => {
          total++;
          const res = await t.http.get(`/api/${resource}`).query(q).set('Cookie', analyst.cookie);
          assertErrorShape(
            res.status,
            res.body,
            `GET /api/${resource}?${new URLSearchParams(q as Record<string, string>).toString().slice(0, 200)}`,
          );
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    },
  );

  it('should answer ids, versions and ranges past a PostgreSQL integer with a 400, on every list and update route', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    const lists = Object.entries(doc.paths)
      .filter(([path, ops]) => !path.includes('{') && ops.get?.parameters?.some((p) => p.name === 'filter'))
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThan(15);
    const huge = 2_147_483_648;
    // An admin may list everything (users, audit events), so every list's filter parsing is reached.
    const admin = await signedInUser(t, { role: 'admin' });
    const idKeys = [
      'id',
      'initiativeId',
      'sectorId',
      'focalPersonId',
      'createdById',
      'authorId',
      'personId',
      'organizationId',
      'parentId',
      'engagementId',
      'sourceId',
      'actorId',
      'ownerOrganizationId',
      'ownerPersonId',
      'scheduleId',
    ];
    const before = await fingerprint();
    for (const path of lists) {
      for (const filter of [...idKeys.map((k) => ({ [k]: huge })), { id: [1, huge] }]) {
        total++;
        const res = await t.http
          .get(path)
          .query({ filter: JSON.stringify(filter) })
          .set('Cookie', admin.cookie);
        assertErrorShape(res.status, res.body, `GET ${path}?filter=${JSON.stringify(filter)}`);
        expect([200, 400]).toContain(res.status);
      }
      total++;
      const far = await t.http
        .get(path)
        .query({ range: JSON.stringify([1e15, 1e15 + 9]) })
        .set('Cookie', admin.cookie);
      assertErrorShape(far.status, far.body, `GET ${path}?range=[1e15,…]`);
    }
    for (const [resource, body] of [
      ['initiatives', { titleEn: 'Huge' }],
      ['milestones', { titleEn: 'Huge' }],
      ['people', { nameEn: 'Huge' }],
      ['sources', { title: 'Huge' }],
    ] as const) {
      for (const version of [huge, 1_526_486_411_730_759]) {
        total++;
        const res = await t.http
          .put(`/api/${resource}/${ids[resource]}`)
          .set('Cookie', analyst.cookie)
          .send({ ...body, version });
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveProperty('version');
      }
      total++;
      const header = await t.http
        .put(`/api/${resource}/${ids[resource]}`)
        .set('Cookie', analyst.cookie)
        .set('If-Match', `"${huge}"`)
        .send(body);
      expect(header.status).toBe(400);
    }
    expect(await fingerprint()).toBe(before);
  });

  it('should answer raw, broken JSON with 400 MALFORMED_JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 50 }).filter((s) => {
          try {
            JSON.parse(s);
            return false;
          } catch {
            return true;
          }
        }),
        async (raw) => {
          total++;
          const res = await t.http
            .post('/api/initiatives')
            .set('Cookie', analyst.cookie)
            .set('Content-Type', 'application/json')
            .send(raw);
          assertErrorShape(res.status, res.body, `raw body ${JSON.stringify(raw)}`);
          if (res.status !== 400) throw new Error(`raw body ${JSON.stringify(raw)} → ${res.status}`);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('should answer a NUL in a text field, a key, the sign-in email or the address with 400, and store nothing', async () => {
    const before = await fingerprint();
    const bodies: [string, string, Record<string, unknown>][] = [
      ['post', '/api/initiatives', { code: 'NUL-1', titleEn: 'Steel\u0000mill', sectorIds: [1], countryCodes: ['PK'] }],
      ['put', `/api/people/${ids.people}`, { nameEn: 'Ahmed\u0000', version: 1 }],
      ['post', '/api/saved-views', { resource: 'initiatives', name: 'V', filter: { 'sta\u0000ge': 'announced' } }],
      ['post', '/api/sources', { kind: 'news', publisher: 'Dawn', language: 'en', title: '\u0000' }],
    ];
    for (const [method, path, body] of bodies) {
      total++;
      const res = await t.http[method as 'post' | 'put'](path).set('Cookie', analyst.cookie).send(body);
      assertErrorShape(res.status, res.body, `${method} ${path} with a NUL`);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(res.body.message).toContain('NUL');
    }
    const login = await t.http.post('/api/auth/login').send({ email: 'ahmed@mofa.example\u0000', password: 'x' });
    expect(login.status).toBe(400);
    for (const url of [
      '/api/initiatives?filter=' + encodeURIComponent(JSON.stringify({ q: 'steel\u0000' })),
      '/api/search?q=%00',
      '/api/initiatives?asOf=2025-06-01%00',
      '/api/people/1%00',
    ]) {
      const res = await t.http.get(url).set('Cookie', analyst.cookie);
      assertErrorShape(res.status, res.body, url);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
    }
    expect(await fingerprint()).toBe(before);
  });

  it('should refuse bodies other than JSON with 415 (a form post is a cross-site vector), except uploads where taken', async () => {
    const before = await fingerprint();
    const form = await t.http
      .post('/api/initiatives')
      .set('Cookie', analyst.cookie)
      .type('form')
      .send('code=FORM-1&titleEn=Form&sectorIds=1&countryCodes=PK');
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const text = await t.http
      .put(`/api/people/${ids.people}`)
      .set('Cookie', analyst.cookie)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ nameEn: 'Plain', version: 1 }));
    expect(text.status).toBe(415);
    // A declared type with nothing sent is no body (react-admin's stock DELETE says text/plain): the route answers.
    const empty = await t.http
      .put(`/api/people/${ids.people}`)
      .set('Cookie', analyst.cookie)
      .set('Content-Type', 'text/plain');
    expect(empty.status).toBe(400);
    expect(empty.body.code).not.toBe('UNSUPPORTED_MEDIA_TYPE');
    const multipart = await t.http
      .post('/api/saved-views')
      .set('Cookie', analyst.cookie)
      .field('resource', 'initiatives')
      .field('name', 'Multipart');
    expect(multipart.status).toBe(415);
    expect(multipart.body.message).toContain('/api/imports');
    // The spreadsheet import takes its upload as multipart (and answers about the file, not the media type).
    const upload = await t.http
      .post('/api/imports')
      .set('Cookie', analyst.cookie)
      .field('resource', 'people')
      .field('mode', 'create')
      .attach('file', Buffer.from('nameEn\nAhmed\n'), 'people.csv');
    expect(upload.status).not.toBe(415);
    expect(upload.status).toBeLessThan(500);
    expect(await fingerprint()).toBe(before);
  });

  it('should refuse nesting past the limit with 400 (a saved view filter 5,000 deep), and take what a view needs', async () => {
    const before = await fingerprint();
    for (const depth of [33, 5000]) {
      const res = await t.http
        .post('/api/saved-views')
        .set('Cookie', analyst.cookie)
        .set('Content-Type', 'application/json')
        .send(`{"resource":"initiatives","name":"Deep ${depth}","filter":${nestedJson(depth)}}`);
      expect({ depth, status: res.status, code: res.body.code }).toEqual({ depth, status: 400, code: 'BAD_REQUEST' });
      expect(res.body.message).toMatch(/nests deeper than \d+ levels/);
      const query = await t.http
        .get('/api/saved-views')
        .query({ filter: nestedJson(Math.min(depth, 300)) })
        .set('Cookie', analyst.cookie);
      expect(query.status).toBe(400);
    }
    expect(await fingerprint()).toBe(before);
    await t.http
      .post('/api/saved-views')
      .set('Cookie', analyst.cookie)
      .send({ resource: 'initiatives', name: 'Shallow', filter: { stage: ['announced', 'operational'], q: 'steel' } })
      .expect(201);
  });

  it('should answer prototype names and ids at and beyond their column range in every path segment without a 5xx', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const admin = await signedInUser(t, { role: 'admin' });
    const segments = ['__proto__', 'constructor', 'toString', '2147483647', '2147483648', '9223372036854775808', '%01'];
    const before = await fingerprint();
    let requests = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      if (!template.includes('{')) continue;
      for (const method of Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
        for (const segment of segments) {
          const path = template.replace(/\{\w+\}/g, segment);
          total++;
          requests++;
          const res = await t.http[method as 'get'](path)
            .set('Cookie', admin.cookie)
            .send(method === 'get' ? undefined : {});
          assertErrorShape(res.status, res.body, `${method.toUpperCase()} ${path}`);
          // At the top of int4 there is no such record yet; past it, or not a number at all, the id is refused.
          if (segment === '2147483647' && res.status < 400) continue;
          expect({ path, method, status: res.status >= 400 }).toEqual({ path, method, status: true });
        }
      }
    }
    for (const name of PROTOTYPE_NAMES) {
      total += 2;
      const docs = await t.http.get(`/api/docs/${name}`).expect(404);
      assertErrorShape(404, docs.body, `/api/docs/${name}`);
      const api = await t.http.get(`/api/${name}`).set('Cookie', admin.cookie).expect(404);
      assertErrorShape(404, api.body, `/api/${name}`);
    }
    expect(requests).toBeGreaterThan(300);
    expect(await fingerprint()).toBe(before);
  });

  it('should answer audit event ids beyond the bigint column with 400, at its top with nothing found', async () => {
    const admin = await signedInUser(t, { role: 'admin' });
    for (const id of ['9223372036854775808', '99999999999999999999', '-1', '1e3']) {
      const res = await t.http
        .get('/api/audit-events')
        .query({ filter: JSON.stringify({ id }) })
        .set('Cookie', admin.cookie);
      expect({ id, status: res.status }).toEqual({ id, status: 400 });
      expect(res.body.errors).toBeDefined();
      const list = await t.http
        .get('/api/audit-events')
        .query({ filter: JSON.stringify({ id: ['1', id] }) })
        .set('Cookie', admin.cookie);
      expect(list.status).toBe(400);
      const one = await t.http.get(`/api/audit-events/${id}`).set('Cookie', admin.cookie);
      expect({ id, status: one.status }).toEqual({ id, status: 400 });
    }
    const top = await t.http
      .get('/api/audit-events')
      .query({ filter: JSON.stringify({ id: '999999999999999999' }) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(top.body).toEqual([]);
  });
});
