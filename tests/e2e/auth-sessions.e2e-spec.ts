import { createHash } from 'node:crypto';
import { bearerToken, createUser, signedInUser, signIn, TEST_PASSWORD, type SignedInUser } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sessionOf = (t: TestApp, cookie: string) =>
  t.prisma.session.findUniqueOrThrow({ where: { tokenHash: sha256(cookie.split('=')[1]) } });

describe('sessions: idle timeout, absolute lifetime, revocation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000', SESSION_IDLE_MINUTES: '30', SESSION_MAX_DAYS: '2' } });
  });
  afterAll(() => t?.close());

  it('should end a session unused for longer than the idle timeout, with SESSION_EXPIRED and the cookie cleared', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const s = await sessionOf(t, u.cookie);
    await t.prisma.session.update({ where: { id: s.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    const res = await t.http.get('/api/auth/me').set('Cookie', u.cookie).expect(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'SESSION_EXPIRED',
      message: 'Your session has expired; sign in again',
    });
    expect([res.headers['set-cookie']].flat().join('\n')).toMatch(/^rabta_session=;/m);
  });

  it('should keep a session in use alive, touching lastSeenAt at most once a minute', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const s = await sessionOf(t, u.cookie);
    const twentyNineMinutesAgo = new Date(Date.now() - 29 * 60_000);
    await t.prisma.session.update({ where: { id: s.id }, data: { lastSeenAt: twentyNineMinutesAgo } });
    await t.http.get('/api/auth/me').set('Cookie', u.cookie).expect(200);
    const touched = await sessionOf(t, u.cookie);
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
    await t.http.get('/api/auth/me').set('Cookie', u.cookie).expect(200);
    expect((await sessionOf(t, u.cookie)).lastSeenAt.getTime()).toBe(touched.lastSeenAt.getTime());
  });

  it('should end a session at its absolute lifetime however much it is used', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const s = await sessionOf(t, u.cookie);
    expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBeCloseTo(2 * 86_400_000, -4);
    await t.prisma.session.update({ where: { id: s.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.http.get('/api/auth/me').set('Cookie', u.cookie).expect(401)).body.code).toBe('SESSION_EXPIRED');
  });

  it('should answer a made-up cookie with SESSION_EXPIRED, and ignore it on public routes', async () => {
    const res = await t.http.get('/api/me').set('Cookie', 'rabta_session=forged-token-value').expect(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
    await t.http.get('/api/health').set('Cookie', 'rabta_session=forged-token-value').expect(200);
  });

  it('should end every session of a user an admin disables, at once', async () => {
    const admin = await signedInUser(t, { role: 'admin' });
    const victim = await createUser(t.prisma, { role: 'analyst' });
    const laptop = await signIn(t.http, victim.email);
    const phone = await signIn(t.http, victim.email);
    await t.http.delete(`/api/users/${victim.id}`).set('Cookie', admin.cookie).expect(200);
    for (const cookie of [laptop, phone])
      expect((await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401)).body.code).toBe('SESSION_EXPIRED');
    expect(await t.prisma.session.count({ where: { userId: victim.id, revokedAt: null } })).toBe(0);
    await t.http.post('/api/auth/login').send({ email: victim.email, password: TEST_PASSWORD }).expect(401);
  });

  it('should refuse the live session of a user disabled by any means (the guard checks the user on every request)', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    await t.prisma.user.update({ where: { id: u.id }, data: { disabled: true } });
    expect((await t.http.get('/api/auth/me').set('Cookie', u.cookie).expect(401)).body.code).toBe('SESSION_EXPIRED');
  });

  it('should let an admin revoke all sessions of a user (POST /api/users/:id/revoke-sessions)', async () => {
    const admin = await signedInUser(t, { role: 'admin' });
    const u = await createUser(t.prisma, { role: 'viewer' });
    const a = await signIn(t.http, u.email);
    const b = await signIn(t.http, u.email);
    const res = await t.http.post(`/api/users/${u.id}/revoke-sessions`).set('Cookie', admin.cookie).expect(200);
    expect(res.body).toEqual({ revoked: 2, tokensRevoked: 0 });
    for (const cookie of [a, b]) await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'sessions.revoke', entityId: String(u.id) },
    });
    expect(event).toMatchObject({ actorId: admin.id, after: { revoked: 2, tokensRevoked: 0 } });
    // The user can sign in again.
    await signIn(t.http, u.email);
  });

  it('should apply a change of role at once: the sessions of the old role end, a new sign-in has the new one', async () => {
    const admin = await signedInUser(t, { role: 'admin' });
    const u = await signedInUser(t, { role: 'viewer' });
    await t.http.get('/api/users').set('Cookie', u.cookie).expect(403);
    await t.http.put(`/api/users/${u.id}`).set('Cookie', admin.cookie).send({ role: 'admin', version: 1 }).expect(200);
    expect((await t.http.get('/api/users').set('Cookie', u.cookie).expect(401)).body.code).toBe('SESSION_EXPIRED');
    const asAdmin = await signIn(t.http, u.email);
    await t.http.get('/api/users').set('Cookie', asAdmin).expect(200);
    await t.http.put(`/api/users/${u.id}`).set('Cookie', admin.cookie).send({ role: 'viewer', version: 2 }).expect(200);
    await t.http.get('/api/users').set('Cookie', asAdmin).expect(401);
    const refused = await t.http
      .get('/api/users')
      .set('Cookie', await signIn(t.http, u.email))
      .expect(403);
    expect(refused.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: 'Only an admin may do this' });
  });
});

describe('POST /api/auth/password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
  });
  afterAll(() => t?.close());

  it('should change the password, keep this session and end every other one', async () => {
    const u = await signedInUser(t, { role: 'analyst' });
    const other = await signIn(t.http, u.email);
    const newPassword = 'Seven blue camels crossed Thar';
    await t.http
      .post('/api/auth/password')
      .set('Cookie', u.cookie)
      .send({ currentPassword: TEST_PASSWORD, newPassword })
      .expect(204);
    await t.http.get('/api/auth/me').set('Cookie', u.cookie).expect(200);
    expect((await t.http.get('/api/auth/me').set('Cookie', other).expect(401)).body.code).toBe('SESSION_EXPIRED');
    await t.http.post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
    await signIn(t.http, u.email, newPassword);
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'password.change', entityId: String(u.id) },
    });
    expect(event).toMatchObject({ actorId: u.id, after: { otherSessionsRevoked: 1, tokensRevoked: 0 } });
    expect(JSON.stringify(event.after)).not.toContain('camels');
  });

  it('should refuse a wrong current password with 400 naming the field', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const res = await t.http
      .post('/api/auth/password')
      .set('Cookie', u.cookie)
      .send({ currentPassword: 'not it, not it', newPassword: 'Seven blue camels crossed Thar' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { currentPassword: 'Not correct' } });
    const throttle = await t.prisma.loginThrottle.findUniqueOrThrow({
      where: { email_address: { email: u.email, address: '127.0.0.1' } },
    });
    expect(throttle.failures).toBe(1);
  });

  it.each([
    ['too short', 'Short1!', /At least 12/, 'VALIDATION_FAILED'],
    ['one of the most common', 'Password@1234', /most common/, 'WEAK_PASSWORD'],
    ['a common word with digits around it', '2024pakistan!!', /most common/, 'WEAK_PASSWORD'],
    ['a keyboard sequence', '1q2w3e4r5t6y', /most common/, 'WEAK_PASSWORD'],
    ['a run of one character', 'aaaaaaaaaaaaaaa', /most common/, 'WEAK_PASSWORD'],
    ['a sequence', 'abcdefghijklmn', /most common/, 'WEAK_PASSWORD'],
    ['the current one', TEST_PASSWORD, /differ/, 'WEAK_PASSWORD'],
  ])('should refuse a new password that is %s', async (_what, newPassword, reason, code) => {
    const u = await signedInUser(t, { role: 'viewer' });
    const res = await t.http
      .post('/api/auth/password')
      .set('Cookie', u.cookie)
      .send({ currentPassword: TEST_PASSWORD, newPassword })
      .expect(400);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.newPassword).toMatch(reason);
    await signIn(t.http, u.email);
  });

  it('should refuse the email address as a password', async () => {
    const u = await signedInUser(t, { role: 'viewer', email: 'fatemi.tariq@mofa.example' });
    const res = await t.http
      .post('/api/auth/password')
      .set('Cookie', u.cookie)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'fatemi.tariq@mofa.example' })
      .expect(400);
    expect(res.body.errors.newPassword).toMatch(/email/);
  });

  it('should refuse unknown fields and require a session (401 without one)', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const extra = await t.http
      .post('/api/auth/password')
      .set('Cookie', u.cookie)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Seven blue camels crossed Thar', userId: 1 })
      .expect(400);
    expect(extra.body.code).toBe('UNKNOWN_FIELD');
    await t.http
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Seven blue camels crossed Thar' })
      .expect(401);
  });
});

// Which credentials end when (README "Sessions and API tokens"): a password change (all but the session that made
// it), an admin's password reset, revoke-sessions, disabling, and a change of role or sector scope end every session
// AND every API token of the user; a change of name, email or locale ends nothing.
describe('credentials end together', () => {
  let t: TestApp;
  let admin: SignedInUser;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    admin = await signedInUser(t, { role: 'admin' });
  });
  afterAll(() => t?.close());

  /** A user with a second session and two API tokens. */
  async function withCredentials(role: 'viewer' | 'analyst' = 'analyst') {
    const u = await signedInUser(t, { role, sectorCodes: role === 'analyst' ? ['steel'] : undefined });
    const other = await signIn(t.http, u.email);
    const tokens = [await bearerToken(t.http, u.cookie), await bearerToken(t.http, u.cookie, { name: 'second' })];
    return { u, other, tokens };
  }
  const works = async (auth: { cookie?: string; token?: string }) => {
    const req = t.http.get('/api/auth/me');
    const res = await (auth.token ? req.set('Authorization', `Bearer ${auth.token}`) : req.set('Cookie', auth.cookie!));
    return res.status === 200;
  };
  const live = async (id: number) => ({
    sessions: await t.prisma.session.count({ where: { userId: id, revokedAt: null } }),
    tokens: await t.prisma.apiToken.count({ where: { userId: id, revokedAt: null } }),
  });

  it("should end the other sessions and every token on one's own password change", async () => {
    const { u, other, tokens } = await withCredentials();
    await t.http
      .post('/api/auth/password')
      .set('Cookie', u.cookie)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Seven blue camels crossed Thar' })
      .expect(204);
    expect(await works({ cookie: u.cookie })).toBe(true);
    expect(await works({ cookie: other })).toBe(false);
    for (const token of tokens) expect(await works({ token })).toBe(false);
    expect(await live(u.id)).toEqual({ sessions: 1, tokens: 0 });
  });

  it("should end every session and token on an admin's password reset and on revoke-sessions", async () => {
    const reset = await withCredentials();
    await t.http
      .post(`/api/users/${reset.u.id}/password`)
      .set('Cookie', admin.cookie)
      .send({ password: 'A brand new passphrase 7' })
      .expect(204);
    for (const token of reset.tokens) expect(await works({ token })).toBe(false);
    expect(await live(reset.u.id)).toEqual({ sessions: 0, tokens: 0 });
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'password.reset', entityId: String(reset.u.id) },
    });
    expect(event.after).toMatchObject({ sessionsRevoked: 2, tokensRevoked: 2 });

    const revoked = await withCredentials();
    const res = await t.http.post(`/api/users/${revoked.u.id}/revoke-sessions`).set('Cookie', admin.cookie).expect(200);
    expect(res.body).toEqual({ revoked: 2, tokensRevoked: 2 });
    for (const token of revoked.tokens) expect(await works({ token })).toBe(false);
    expect(await live(revoked.u.id)).toEqual({ sessions: 0, tokens: 0 });
  });

  it('should end every session and token when a user is disabled, and not bring the tokens back on enabling', async () => {
    const { u, tokens } = await withCredentials();
    await t.http.delete(`/api/users/${u.id}`).set('Cookie', admin.cookie).expect(200);
    expect(await live(u.id)).toEqual({ sessions: 0, tokens: 0 });
    await t.http
      .put(`/api/users/${u.id}`)
      .set('Cookie', admin.cookie)
      .send({ disabled: false, version: 2 })
      .expect(200);
    for (const token of tokens) expect(await works({ token })).toBe(false);
  });

  it('should end every session and token on a change of role or of sector scope, and none on a change of name', async () => {
    const energy = (await t.prisma.sector.findUniqueOrThrow({ where: { code: 'energy' } })).id;
    for (const change of [{ role: 'viewer' }, { sectorIds: [energy] }]) {
      const { u, other, tokens } = await withCredentials();
      await t.http
        .put(`/api/users/${u.id}`)
        .set('Cookie', admin.cookie)
        .send({ ...change, version: 1 })
        .expect(200);
      for (const cookie of [u.cookie, other]) expect(await works({ cookie })).toBe(false);
      for (const token of tokens) expect(await works({ token })).toBe(false);
      expect(await live(u.id)).toEqual({ sessions: 0, tokens: 0 });
    }
    const { u, tokens } = await withCredentials();
    await t.http
      .put(`/api/users/${u.id}`)
      .set('Cookie', admin.cookie)
      .send({ name: 'Renamed', version: 1 })
      .expect(200);
    expect(await works({ cookie: u.cookie })).toBe(true);
    expect(await works({ token: tokens[0] })).toBe(true);
  });

  it("should let an admin list a user's tokens (never their secrets) and revoke one", async () => {
    const { u, tokens } = await withCredentials('viewer');
    const list = await t.http.get(`/api/users/${u.id}/tokens`).set('Cookie', admin.cookie).expect(200);
    expect(list.body.map((x: { name: string }) => x.name)).toEqual(['test token', 'second']);
    expect(Object.keys(list.body[0]).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix']);
    expect(JSON.stringify(list.body)).not.toContain(tokens[0]);
    const first = list.body[0] as { id: number };
    await t.http.delete(`/api/users/${u.id}/tokens/${first.id}`).set('Cookie', admin.cookie).expect(204);
    expect(await works({ token: tokens[0] })).toBe(false);
    expect(await works({ token: tokens[1] })).toBe(true);
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'token.revoke', entityId: String(first.id) },
    });
    expect(event).toMatchObject({ actorId: admin.id, before: { userId: u.id, name: 'test token' } });
    // Another user's token id through this user, a revoked one again, an unknown user: 404.
    const stranger = await withCredentials('viewer');
    const strangerToken = (await t.prisma.apiToken.findFirstOrThrow({ where: { userId: stranger.u.id } })).id;
    await t.http.delete(`/api/users/${u.id}/tokens/${strangerToken}`).set('Cookie', admin.cookie).expect(404);
    await t.http.delete(`/api/users/${u.id}/tokens/${first.id}`).set('Cookie', admin.cookie).expect(404);
    await t.http.get('/api/users/999999/tokens').set('Cookie', admin.cookie).expect(404);
    expect((await t.http.get(`/api/users/${u.id}/tokens`).set('Cookie', admin.cookie)).body).toHaveLength(1);
  });
});
