import { createUser, signedInUser, signIn, TEST_PASSWORD, type SignedInUser } from '../support/auth';
import { UsersService } from '../../apps/api/src/modules/users/users.service';
import { startTestApp, type TestApp } from '../support/test-app';

const STRONG = 'Islamabad session ten agenda';

describe('/api/users (admin) in the simple-rest dialect', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let steel: number;
  let energy: number;
  const as = () => ({ Cookie: admin.cookie });

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    admin = await signedInUser(t, { role: 'admin', email: 'admin@mofa.example', name: 'Admin' });
    steel = (await t.prisma.sector.findUniqueOrThrow({ where: { code: 'steel' } })).id;
    energy = (await t.prisma.sector.findUniqueOrThrow({ where: { code: 'energy' } })).id;
    await createUser(t.prisma, {
      role: 'analyst',
      email: 'haroon.khan@mofa.example',
      name: 'Haroon Akhtar Khan',
      sectorIds: [steel],
    });
    await createUser(t.prisma, {
      role: 'analyst',
      email: 'sorokin@minenergo.example',
      name: 'Pavel Sorokin',
      sectorIds: [energy],
    });
    await createUser(t.prisma, { role: 'viewer', email: 'fatemi@mofa.example', name: 'Syed Tariq Fatemi' });
  });
  afterAll(() => t?.close());

  describe('GET /api/users', () => {
    it('should list users with Content-Range, sorted and paged as asked', async () => {
      const res = await t.http
        .get('/api/users')
        .query({ sort: '["email","ASC"]', range: '[0,1]' })
        .set(as())
        .expect(200);
      expect(res.headers['content-range']).toBe('users 0-1/4');
      expect(res.body.map((u: { email: string }) => u.email)).toEqual(['admin@mofa.example', 'fatemi@mofa.example']);
      const next = await t.http
        .get('/api/users')
        .query({ sort: '["email","ASC"]', range: '[2,3]' })
        .set(as())
        .expect(200);
      expect(next.headers['content-range']).toBe('users 2-3/4');
      expect(next.body.map((u: { email: string }) => u.email)).toEqual([
        'haroon.khan@mofa.example',
        'sorokin@minenergo.example',
      ]);
      const desc = await t.http.get('/api/users').query({ sort: '["name","DESC"]' }).set(as()).expect(200);
      expect(desc.body[0].name).toBe('Syed Tariq Fatemi');
      expect(desc.headers['content-range']).toBe('users 0-3/4');
    });

    it('should return the wire fields and never a password hash', async () => {
      const res = await t.http.get('/api/users').query({ filter: '{"q":"haroon"}' }).set(as()).expect(200);
      expect(res.body).toEqual([
        {
          id: expect.any(Number),
          email: 'haroon.khan@mofa.example',
          name: 'Haroon Akhtar Khan',
          role: 'analyst',
          sectorIds: [steel],
          locale: 'en',
          disabled: false,
          version: 1,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          lastLoginAt: null,
          lockedUntil: null,
          lockedFrom: [],
        },
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/argon|passwordHash/);
    });

    it('should filter by id list (getMany), role, sector, disabled and text', async () => {
      const all = (await t.http.get('/api/users').set(as()).expect(200)).body as { id: number; email: string }[];
      const ids = all.slice(0, 2).map((u) => u.id);
      const many = await t.http
        .get('/api/users')
        .query({ filter: JSON.stringify({ id: ids }) })
        .set(as())
        .expect(200);
      expect(many.body.map((u: { id: number }) => u.id).sort()).toEqual([...ids].sort());
      const analysts = await t.http.get('/api/users').query({ filter: '{"role":"analyst"}' }).set(as()).expect(200);
      expect(analysts.body).toHaveLength(2);
      const inEnergy = await t.http
        .get('/api/users')
        .query({ filter: JSON.stringify({ sectorId: energy }) })
        .set(as())
        .expect(200);
      expect(inEnergy.body.map((u: { name: string }) => u.name)).toEqual(['Pavel Sorokin']);
      const disabled = await t.http.get('/api/users').query({ filter: '{"disabled":true}' }).set(as()).expect(200);
      expect(disabled.body).toEqual([]);
      expect(disabled.headers['content-range']).toBe('users */0');
      const text = await t.http.get('/api/users').query({ filter: '{"q":"MOFA"}' }).set(as()).expect(200);
      expect(text.body).toHaveLength(3);
    });

    it('should refuse bad list parameters with 400 naming the parameter', async () => {
      const sort = await t.http.get('/api/users').query({ sort: '["passwordHash","ASC"]' }).set(as()).expect(400);
      // The shared list dialect of every resource: one error shape.
      expect(sort.body).toMatchObject({ code: 'BAD_REQUEST', errors: { sort: 'Cannot sort on passwordHash' } });
      const json = await t.http.get('/api/users').query({ filter: '{role:' }).set(as()).expect(400);
      expect(json.body).toMatchObject({
        code: 'BAD_REQUEST',
        errors: { filter: expect.stringContaining('JSON') },
      });
      const unknown = await t.http.get('/api/users').query({ filter: '{"passwordHash":"x"}' }).set(as()).expect(400);
      expect(unknown.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { 'filter.passwordHash': 'Unknown field' } });
      const range = await t.http.get('/api/users').query({ range: '[5,1]' }).set(as()).expect(400);
      expect(range.body.errors).toHaveProperty('range');
      const big = await t.http.get('/api/users').query({ range: '[0,5000]' }).set(as()).expect(400);
      expect(big.body.errors.range).toMatch(/1000/);
      const param = await t.http.get('/api/users').query({ page: '2' }).set(as()).expect(400);
      expect(param.body.code).toBe('UNKNOWN_FIELD');
    });
  });

  describe('GET /api/users/:id', () => {
    it('should show one user, 404 for none, 400 for a bad id', async () => {
      const one = await t.http.get(`/api/users/${admin.id}`).set(as()).expect(200);
      expect(one.body).toMatchObject({ id: admin.id, email: 'admin@mofa.example', role: 'admin', sectorIds: [] });
      expect((await t.http.get('/api/users/999999').set(as()).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await t.http.get('/api/users/1e3').set(as()).expect(400)).body.errors).toEqual({
        id: 'Must be a positive integer',
      });
    });
  });

  describe('POST /api/users', () => {
    it('should create a user (201), lower-case the email, store an Argon2id hash, and audit it without secrets', async () => {
      const res = await t.http
        .post('/api/users')
        .set(as())
        .set('X-Request-Id', 'create-user-1')
        .send({
          email: ' Overchuk@Gov.Example ',
          name: 'Alexei Overchuk',
          role: 'analyst',
          sectorIds: [energy, steel, steel],
          locale: 'ur',
          password: STRONG,
        })
        .expect(201);
      expect(res.body).toMatchObject({
        email: 'overchuk@gov.example',
        name: 'Alexei Overchuk',
        role: 'analyst',
        sectorIds: [steel, energy].sort((a, b) => a - b),
        locale: 'ur',
        disabled: false,
        version: 1,
      });
      expect(res.body).not.toHaveProperty('password');
      const row = await t.prisma.user.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: 'create-user-1' } });
      expect(event).toMatchObject({
        action: 'create',
        entity: 'users',
        entityId: String(res.body.id),
        actorId: admin.id,
        ip: '127.0.0.1',
      });
      expect(JSON.stringify(event.after)).not.toMatch(/argon|Islamabad session/);
      await signIn(t.http, 'overchuk@gov.example', STRONG);
    });

    it('should default to a viewer of every sector in English', async () => {
      const res = await t.http
        .post('/api/users')
        .set(as())
        .send({ email: 'plain@test.rabta', name: 'Plain', password: STRONG })
        .expect(201);
      expect(res.body).toMatchObject({ role: 'viewer', sectorIds: [], locale: 'en' });
    });

    it('should refuse a duplicate email (409), a weak password, unknown sectors (422) and unknown fields', async () => {
      const dup = await t.http
        .post('/api/users')
        .set(as())
        .send({ email: 'FATEMI@mofa.example', name: 'X', password: STRONG })
        .expect(409);
      expect(dup.body).toMatchObject({ code: 'UNIQUE_VIOLATION', errors: { email: 'Already exists' } });
      const weak = await t.http
        .post('/api/users')
        .set(as())
        .send({ email: 'w@test.rabta', name: 'W', password: 'qwerty123456' })
        .expect(400);
      expect(weak.body).toMatchObject({
        code: 'WEAK_PASSWORD',
        errors: { password: expect.stringContaining('common') },
      });
      const short = await t.http
        .post('/api/users')
        .set(as())
        .send({ email: 'w@test.rabta', name: 'W', password: 'short' })
        .expect(400);
      expect(short.body.errors.password).toMatch(/At least 12/);
      const sector = await t.http
        .post('/api/users')
        .set(as())
        .send({ email: 'w@test.rabta', name: 'W', password: STRONG, sectorIds: [987654] })
        .expect(422);
      expect(sector.body).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        errors: { sectorIds: expect.stringContaining('987654') },
      });
      const extra = await t.http
        .post('/api/users')
        .set(as())
        .send({ email: 'w@test.rabta', name: 'W', password: STRONG, passwordHash: 'x', failedLogins: 0 })
        .expect(400);
      expect(extra.body).toMatchObject({
        code: 'UNKNOWN_FIELD',
        errors: { passwordHash: 'Unknown field', failedLogins: 'Unknown field' },
      });
      const role = await t.http
        .post('/api/users')
        .set(as())
        .send({ email: 'w@test.rabta', name: 'W', password: STRONG, role: 'root' })
        .expect(400);
      expect(role.body.errors).toHaveProperty('role');
      const email = await t.http
        .post('/api/users')
        .set(as())
        .send({ email: 'not an email', name: 'W', password: STRONG })
        .expect(400);
      expect(email.body.errors).toHaveProperty('email');
      expect(await t.prisma.user.count({ where: { email: 'w@test.rabta' } })).toBe(0);
    });
  });

  describe('PUT /api/users/:id', () => {
    it('should take back the whole representation, ignoring read-only fields, and bump the version', async () => {
      const u = await createUser(t.prisma, { role: 'viewer', name: 'Before' });
      const record = (await t.http.get(`/api/users/${u.id}`).set(as()).expect(200)).body;
      const res = await t.http
        .put(`/api/users/${u.id}`)
        .set(as())
        .send({
          ...record,
          name: 'After',
          id: 4242,
          createdAt: '1999-01-01T00:00:00Z',
          updatedAt: 'whenever',
          lastLoginAt: '2000-01-01T00:00:00Z',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        id: u.id,
        name: 'After',
        version: 2,
        createdAt: record.createdAt,
        lastLoginAt: null,
      });
      const row = await t.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
      expect(row.createdAt.toISOString()).toBe(record.createdAt);
    });

    it('should require the version (body or If-Match) and answer a stale one with 409 and the current record', async () => {
      const u = await createUser(t.prisma, { role: 'viewer' });
      const none = await t.http.put(`/api/users/${u.id}`).set(as()).send({ name: 'X' }).expect(400);
      expect(none.body.code).toBe('VERSION_REQUIRED');
      await t.http.put(`/api/users/${u.id}`).set(as()).set('If-Match', '"1"').send({ name: 'Y' }).expect(200);
      const stale = await t.http.put(`/api/users/${u.id}`).set(as()).send({ name: 'Z', version: 1 }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: u.id, name: 'Y', version: 2 } });
    });

    it('should refuse a password or any field outside the representation', async () => {
      const u = await createUser(t.prisma, { role: 'viewer' });
      const res = await t.http.put(`/api/users/${u.id}`).set(as()).send({ password: STRONG, version: 1 }).expect(400);
      expect(res.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { password: 'Unknown field' } });
    });

    it('should change the email unless another user has it', async () => {
      const u = await createUser(t.prisma, { role: 'viewer' });
      const taken = await t.http
        .put(`/api/users/${u.id}`)
        .set(as())
        .send({ email: 'Fatemi@mofa.example', version: 1 })
        .expect(409);
      expect(taken.body).toMatchObject({ code: 'UNIQUE_VIOLATION', errors: { email: 'Already exists' } });
      const moved = await t.http
        .put(`/api/users/${u.id}`)
        .set(as())
        .send({ email: 'Renamed.User@Test.Rabta', version: 1 })
        .expect(200);
      expect(moved.body.email).toBe('renamed.user@test.rabta');
      await signIn(t.http, 'renamed.user@test.rabta');
    });

    it('should audit role and scope changes with before and after, actor, IP and request id', async () => {
      const u = await createUser(t.prisma, { role: 'viewer' });
      await t.http
        .put(`/api/users/${u.id}`)
        .set(as())
        .set('X-Request-Id', 'promote-1')
        .send({ role: 'analyst', sectorIds: [steel], version: 1 })
        .expect(200);
      const events = await t.prisma.auditEvent.findMany({ where: { requestId: 'promote-1' }, orderBy: { id: 'asc' } });
      // …and the user's sessions and tokens end, since what they may do changed.
      expect(events.map((e) => e.action)).toEqual(['update', 'role.change', 'scope.change', 'credentials.end']);
      for (const e of events)
        expect(e).toMatchObject({
          actorId: admin.id,
          actorName: admin.name,
          actorEmail: admin.email,
          ip: '127.0.0.1',
          entity: 'users',
          entityId: String(u.id),
        });
      expect(events[1]).toMatchObject({ before: { role: 'viewer' }, after: { role: 'analyst' } });
      expect(events[2]).toMatchObject({ before: { sectorIds: [] }, after: { sectorIds: [steel] } });
      expect(events[3].after).toEqual({ reason: ['role', 'sectorIds'], sessions: 0, tokens: 0 });
      // No change, no event.
      await t.http
        .put(`/api/users/${u.id}`)
        .set(as())
        .set('X-Request-Id', 'noop-1')
        .send({ role: 'analyst', version: 2 })
        .expect(200);
      expect(await t.prisma.auditEvent.count({ where: { requestId: 'noop-1' } })).toBe(0);
    });
  });

  describe('DELETE /api/users/:id disables', () => {
    it('should disable (200 with the record), end sessions, refuse sign-in, audit it, and allow re-enabling', async () => {
      const u = await signedInUser(t, { role: 'analyst' });
      const res = await t.http.delete(`/api/users/${u.id}`).set(as()).expect(200);
      expect(res.body).toMatchObject({ id: u.id, disabled: true, version: 2 });
      expect(await t.prisma.user.count({ where: { id: u.id } })).toBe(1);
      await t.http.get('/api/auth/me').set('Cookie', u.cookie).expect(401);
      await t.http.post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
      expect(
        await t.prisma.auditEvent.count({ where: { action: 'disable', entityId: String(u.id), actorId: admin.id } }),
      ).toBe(1);
      await t.http.put(`/api/users/${u.id}`).set(as()).send({ disabled: false, version: 2 }).expect(200);
      await signIn(t.http, u.email);
    });
  });

  describe('POST /api/users/:id/password (an admin sets a new password)', () => {
    const NEW = 'Karachi steel mill pilot 2026';

    it("should set it (204), end the user's sessions, lift a lockout, keep the version, and audit it without the password", async () => {
      const u = await signedInUser(t, { role: 'analyst' });
      await t.prisma.loginThrottle.create({
        data: { email: u.email, address: '203.0.113.9', failures: 7, lockedUntil: new Date(Date.now() + 3_600_000) },
      });
      const before = await t.http.get(`/api/users/${u.id}`).set(as()).expect(200);
      await t.http.post(`/api/users/${u.id}/password`).set(as()).send({ password: NEW }).expect(204);
      await t.http.get('/api/auth/me').set('Cookie', u.cookie).expect(401);
      await t.http.post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
      await signIn(t.http, u.email, NEW);
      expect((await t.http.get(`/api/users/${u.id}`).set(as()).expect(200)).body.version).toBe(before.body.version);
      const audit = await t.prisma.auditEvent.findMany({ where: { action: 'password.reset', entityId: String(u.id) } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorId: admin.id,
        after: { sessionsRevoked: 1, tokensRevoked: 0, unlocked: true },
      });
      expect(JSON.stringify(audit[0], (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(NEW);
    });

    it("should refuse a weak password (400 naming password), one's own account (403), an unknown user (404) and extra fields (400)", async () => {
      const u = await signedInUser(t, { role: 'viewer', name: 'Kamran Rafiq' });
      const weak = await t.http
        .post(`/api/users/${u.id}/password`)
        .set(as())
        .send({ password: 'password1234' })
        .expect(400);
      expect(weak.body).toMatchObject({ code: 'WEAK_PASSWORD', errors: { password: expect.any(String) } });
      const short = await t.http.post(`/api/users/${u.id}/password`).set(as()).send({ password: 'short' }).expect(400);
      expect(short.body.errors).toHaveProperty('password');
      const self = await t.http.post(`/api/users/${admin.id}/password`).set(as()).send({ password: NEW }).expect(403);
      expect(self.body.message).toContain('/api/auth/password');
      await t.http.post('/api/users/999999/password').set(as()).send({ password: NEW }).expect(404);
      const extra = await t.http
        .post(`/api/users/${u.id}/password`)
        .set(as())
        .send({ password: NEW, role: 'admin' })
        .expect(400);
      expect(extra.body.code).toBe('UNKNOWN_FIELD');
      // Nothing was changed by the refusals: the old password still works.
      await signIn(t.http, u.email);
    });
  });
});

describe('the last active admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
  });
  afterAll(() => t?.close());

  it('should not be demoted, disabled or deleted (409 LAST_ADMIN), by themselves or anyone', async () => {
    const only = await signedInUser(t, { role: 'admin' });
    const demote = await t.http
      .put(`/api/users/${only.id}`)
      .set('Cookie', only.cookie)
      .send({ role: 'analyst', version: 1 })
      .expect(409);
    expect(demote.body).toMatchObject({
      statusCode: 409,
      code: 'LAST_ADMIN',
      message: expect.stringContaining('last active admin'),
    });
    await t.http
      .put(`/api/users/${only.id}`)
      .set('Cookie', only.cookie)
      .send({ disabled: true, version: 1 })
      .expect(409);
    await t.http.delete(`/api/users/${only.id}`).set('Cookie', only.cookie).expect(409);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: only.id } })).toMatchObject({
      role: 'admin',
      disabled: false,
      version: 1,
    });

    // A disabled admin does not count as a second one.
    const dormant = await createUser(t.prisma, { role: 'admin' });
    await t.prisma.user.update({ where: { id: dormant.id }, data: { disabled: true } });
    await t.http.delete(`/api/users/${only.id}`).set('Cookie', only.cookie).expect(409);

    // With a second active admin, one of them may step down; then the other is the last.
    const second = await signedInUser(t, { role: 'admin' });
    await t.http
      .put(`/api/users/${only.id}`)
      .set('Cookie', second.cookie)
      .send({ role: 'viewer', version: 1 })
      .expect(200);
    expect((await t.http.delete(`/api/users/${second.id}`).set('Cookie', second.cookie).expect(409)).body.code).toBe(
      'LAST_ADMIN',
    );
  });

  it('should keep one admin when two admins demote each other at the same moment', async () => {
    const a = await signedInUser(t, { role: 'admin' });
    const b = await signedInUser(t, { role: 'admin' });
    await t.prisma.user.updateMany({ where: { role: 'admin', id: { notIn: [a.id, b.id] } }, data: { role: 'viewer' } });
    const [ra, rb] = await Promise.all([
      t.http.put(`/api/users/${b.id}`).set('Cookie', a.cookie).send({ role: 'viewer', version: 1 }),
      t.http.put(`/api/users/${a.id}`).set('Cookie', b.cookie).send({ role: 'viewer', version: 1 }),
    ]);
    // One wins; the other is refused: LAST_ADMIN (409) when both passed the guard; 403 when the loser's session was
    // read before the winner's change and its role after; 401 when it was read after (a role change ends the
    // demoted admin's sessions).
    const statuses = [ra.status, rb.status].sort((x, y) => x - y);
    expect(statuses[0]).toBe(200);
    expect([401, 403, 409]).toContain(statuses[1]);
    expect(await t.prisma.user.count({ where: { role: 'admin', disabled: false } })).toBe(1);
  });

  it('should serialise concurrent changes in the service itself, so that both cannot pass the last-admin check', async () => {
    await t.prisma.user.updateMany({ where: { role: 'admin' }, data: { role: 'viewer' } });
    const a = await createUser(t.prisma, { role: 'admin' });
    const b = await createUser(t.prisma, { role: 'admin' });
    const users = t.app.get(UsersService);
    for (let round = 0; round < 5; round++) {
      const [va, vb] = await Promise.all(
        [a, b].map(async (u) => (await t.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).version),
      );
      const results = await Promise.allSettled([
        users.update(a.id, { role: 'viewer' }, va),
        users.update(b.id, { role: 'viewer' }, vb),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: 'LAST_ADMIN' });
      await t.prisma.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { role: 'admin' } });
    }
  });
});

describe("/api/me: one's own profile", () => {
  let t: TestApp;
  let analyst: SignedInUser;
  let steel: number;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    steel = (await t.prisma.sector.findUniqueOrThrow({ where: { code: 'steel' } })).id;
    analyst = await signedInUser(t, { role: 'analyst', sectorIds: [steel], name: 'Ishaq Dar' });
  });
  afterAll(() => t?.close());

  it('should show the full own record to any signed-in user', async () => {
    const res = await t.http.get('/api/me').set('Cookie', analyst.cookie).expect(200);
    expect(res.body).toMatchObject({
      id: analyst.id,
      name: 'Ishaq Dar',
      role: 'analyst',
      sectorIds: [steel],
      locale: 'en',
      disabled: false,
      lastLoginAt: expect.any(String),
    });
    await t.http.get('/api/me').expect(401);
  });

  it('should change name and locale, also when the whole record comes back, and audit it', async () => {
    const record = (await t.http.get('/api/me').set('Cookie', analyst.cookie).expect(200)).body;
    const res = await t.http
      .put('/api/me')
      .set('Cookie', analyst.cookie)
      .set('X-Request-Id', 'me-1')
      .send({ ...record, name: 'اسحاق ڈار', locale: 'ur', updatedAt: 'x' })
      .expect(200);
    expect(res.body).toMatchObject({ name: 'اسحاق ڈار', locale: 'ur', role: 'analyst', version: record.version + 1 });
    expect((await t.http.get('/api/auth/me').set('Cookie', analyst.cookie).expect(200)).body).toMatchObject({
      name: 'اسحاق ڈار',
      locale: 'ur',
    });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: 'me-1' } })).toMatchObject({
      action: 'update',
      actorId: analyst.id,
      entityId: String(analyst.id),
    });
  });

  it.each([
    ['raise their own role', { role: 'admin' }, 'role'],
    ['widen their own scope to every sector', { sectorIds: [] }, 'sectorIds'],
    ['change their email', { email: 'someone.else@test.rabta' }, 'email'],
    ['re-enable or disable themselves', { disabled: true }, 'disabled'],
  ])('should refuse with 403 when a user tries to %s, and change nothing', async (_what, change, field) => {
    const before = await t.prisma.user.findUniqueOrThrow({ where: { id: analyst.id }, include: { sectors: true } });
    const res = await t.http
      .put('/api/me')
      .set('Cookie', analyst.cookie)
      .send({ name: 'Sneaky', ...change })
      .expect(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', errors: { [field]: expect.stringContaining('admin') } });
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: analyst.id }, include: { sectors: true } });
    expect(after).toEqual(before);
  });

  it('should refuse fields outside the representation and bad values with 400', async () => {
    const extra = await t.http
      .put('/api/me')
      .set('Cookie', analyst.cookie)
      .send({ name: 'X', password: STRONG })
      .expect(400);
    expect(extra.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { password: 'Unknown field' } });
    const locale = await t.http.put('/api/me').set('Cookie', analyst.cookie).send({ locale: 'fr' }).expect(400);
    expect(locale.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { locale: expect.any(String) } });
    const empty = await t.http.put('/api/me').set('Cookie', analyst.cookie).send({ name: '   ' }).expect(400);
    expect(empty.body.errors).toHaveProperty('name');
  });

  it('should answer a stale version with 409', async () => {
    const res = await t.http
      .put('/api/me')
      .set('Cookie', analyst.cookie)
      .send({ name: 'Old news', version: 1 })
      .expect(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
  });
});
