import { createHash } from 'node:crypto';
import { bearerToken, signedInUser, type SignedInUser } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('personal API tokens (Authorization: Bearer)', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    analyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['steel', 'rail'] });
  });
  afterAll(() => t?.close());

  it('should issue a token once (201), store only its sha256, and list it without the secret', async () => {
    const res = await t.http
      .post('/api/auth/tokens')
      .set('Cookie', analyst.cookie)
      .send({ name: 'nightly export', expiresAt: '2099-01-01T00:00:00Z' })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'nightly export',
      prefix: res.body.token.slice(0, 12),
      expiresAt: '2099-01-01T00:00:00.000Z',
      lastUsedAt: null,
      createdAt: expect.any(String),
      token: expect.stringMatching(/^rabta_[A-Za-z0-9_-]{43}$/),
    });
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.tokenHash).toBe(sha256(res.body.token));
    const list = await t.http.get('/api/auth/tokens').set('Cookie', analyst.cookie).expect(200);
    expect(list.body).toContainEqual({
      id: res.body.id,
      name: 'nightly export',
      prefix: res.body.prefix,
      expiresAt: '2099-01-01T00:00:00.000Z',
      lastUsedAt: null,
      createdAt: res.body.createdAt,
    });
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
    const issued = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'token.issue', entityId: String(res.body.id) },
    });
    expect(issued).toMatchObject({ entity: 'api_tokens', actorId: analyst.id });
    expect(JSON.stringify(issued.after)).not.toContain(res.body.token);
  });

  it("should authenticate scripts with the token, carrying the user's role and sector scope", async () => {
    const token = await bearerToken(t.http, analyst.cookie);
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ id: analyst.id, role: 'analyst', sectorIds: analyst.sectorIds });
    expect(analyst.sectorIds).toHaveLength(2);
    const refused = await t.http.get('/api/users').set('Authorization', `Bearer ${token}`).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row.lastUsedAt).not.toBeNull();
    // A change made with a token is attributed to its user.
    await t.http
      .put('/api/me')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'token-put-me')
      .send({ locale: 'ur' })
      .expect(200);
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: 'token-put-me' } })).toMatchObject({
      actorId: analyst.id,
      action: 'update',
    });
  });

  it('should not apply the origin check to bearer requests (a page on another site cannot add the header)', async () => {
    const token = await bearerToken(t.http, analyst.cookie);
    await t.http
      .put('/api/me')
      .set('Authorization', `Bearer ${token}`)
      .set('Origin', 'https://elsewhere.example')
      .send({ locale: 'en' })
      .expect(200);
  });

  it('should not let a token mint more tokens or change the password', async () => {
    const token = await bearerToken(t.http, analyst.cookie);
    const mint = await t.http
      .post('/api/auth/tokens')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'more' })
      .expect(403);
    expect(mint.body.message).toMatch(/signed-in session/);
    await t.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: analyst.password, newPassword: 'Seven blue camels crossed Thar' })
      .expect(403);
  });

  it('should answer an unknown, expired or revoked token with 401 UNAUTHENTICATED, even next to a valid cookie', async () => {
    const bad = await t.http
      .get('/api/auth/me')
      .set('Authorization', 'Bearer rabta_not-a-real-token')
      .set('Cookie', analyst.cookie)
      .expect(401);
    expect(bad.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'The API token is not valid: unknown, revoked or expired',
    });
    await t.http.get('/api/auth/me').set('Authorization', 'Bearer ').expect(401);

    const expiring = await bearerToken(t.http, analyst.cookie, {
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${expiring}`).expect(200);
    await t.prisma.apiToken.update({
      where: { tokenHash: sha256(expiring) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${expiring}`).expect(401);
  });

  it('should revoke a token (204) so that it stops working; another user cannot revoke it', async () => {
    const res = await t.http
      .post('/api/auth/tokens')
      .set('Cookie', analyst.cookie)
      .send({ name: 'to revoke' })
      .expect(201);
    const other = await signedInUser(t, { role: 'admin' });
    const notYours = await t.http.delete(`/api/auth/tokens/${res.body.id}`).set('Cookie', other.cookie).expect(404);
    expect(notYours.body.code).toBe('NOT_FOUND');
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    await t.http.delete(`/api/auth/tokens/${res.body.id}`).set('Cookie', analyst.cookie).expect(204);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.token}`).expect(401);
    await t.http.delete(`/api/auth/tokens/${res.body.id}`).set('Cookie', analyst.cookie).expect(404);
    const list = await t.http.get('/api/auth/tokens').set('Cookie', analyst.cookie).expect(200);
    expect(list.body.map((x: { id: number }) => x.id)).not.toContain(res.body.id);
    expect(
      await t.prisma.auditEvent.count({
        where: { action: 'token.revoke', entityId: String(res.body.id), actorId: analyst.id },
      }),
    ).toBe(1);
    await t.http.delete('/api/auth/tokens/abc').set('Cookie', analyst.cookie).expect(400);
  });

  it("should stop a disabled user's tokens", async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const token = await bearerToken(t.http, u.cookie);
    await t.prisma.user.update({ where: { id: u.id }, data: { disabled: true } });
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('should validate the request: a name, an expiry in the future, nothing else', async () => {
    const past = await t.http
      .post('/api/auth/tokens')
      .set('Cookie', analyst.cookie)
      .send({ name: 'x', expiresAt: '2000-01-01' })
      .expect(400);
    expect(past.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { expiresAt: 'Must be in the future' } });
    const nameless = await t.http.post('/api/auth/tokens').set('Cookie', analyst.cookie).send({}).expect(400);
    expect(nameless.body.errors).toHaveProperty('name');
    const extra = await t.http
      .post('/api/auth/tokens')
      .set('Cookie', analyst.cookie)
      .send({ name: 'x', role: 'admin' })
      .expect(400);
    expect(extra.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { role: 'Unknown field' } });
    const garbage = await t.http
      .post('/api/auth/tokens')
      .set('Cookie', analyst.cookie)
      .send({ name: 'x', expiresAt: 'tomorrow' })
      .expect(400);
    expect(garbage.body.errors).toHaveProperty('expiresAt');
  });
});
