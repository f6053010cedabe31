import { createHash } from 'node:crypto';
import { createUser, sessionCookieOf, signIn, TEST_PASSWORD, type TestUser } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (cookie: string) => cookie.slice('rabta_session='.length);

describe('POST /api/auth/login, GET /api/auth/me, POST /api/auth/logout', () => {
  let t: TestApp;
  let analyst: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    const steel = await t.prisma.sector.findUniqueOrThrow({ where: { code: 'steel' } });
    analyst = await createUser(t.prisma, {
      role: 'analyst',
      sectorIds: [steel.id],
      name: 'Haroon Akhtar',
      locale: 'ur',
    });
  });
  afterAll(() => t?.close());

  it('should answer 200 with the user and set an httpOnly, SameSite=Strict session cookie on path / (not Secure over http)', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: analyst.email, password: TEST_PASSWORD })
      .expect(200);
    expect(res.body).toEqual({
      user: {
        id: analyst.id,
        email: analyst.email,
        name: 'Haroon Akhtar',
        role: 'analyst',
        sectorIds: analyst.sectorIds,
        locale: 'ur',
      },
    });
    const line = [res.headers['set-cookie']].flat().find((c: string) => c.startsWith('rabta_session='))!;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Strict/);
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; Max-Age=604800/);
    expect(line).not.toMatch(/Secure/);
  });

  it('should store only the sha256 of the session token, with its IP, and record the sign-in time', async () => {
    const cookie = await signIn(t.http, analyst.email);
    const token = tokenOf(cookie);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const session = await t.prisma.session.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(session).toMatchObject({ userId: analyst.id, revokedAt: null, ip: '127.0.0.1' });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeCloseTo(7 * 86_400_000, -4);
    const raw = await t.prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM sessions WHERE token_hash = ${token} OR user_agent LIKE ${'%' + token + '%'}`;
    expect(Number(raw[0].n)).toBe(0);
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: analyst.id } });
    expect(user.lastLoginAt).not.toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('should answer GET /api/auth/me with the signed-in user, and 401 UNAUTHENTICATED without a cookie', async () => {
    const cookie = await signIn(t.http, analyst.email);
    const me = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body).toEqual({
      id: analyst.id,
      email: analyst.email,
      name: 'Haroon Akhtar',
      role: 'analyst',
      sectorIds: analyst.sectorIds,
      locale: 'ur',
    });
    const anonymous = await t.http.get('/api/auth/me').expect(401);
    expect(anonymous.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in first' });
  });

  it('should accept the email in any case and with spaces around it', async () => {
    await t.http
      .post('/api/auth/login')
      .send({ email: `  ${analyst.email.toUpperCase()} `, password: TEST_PASSWORD })
      .expect(200);
  });

  it('should give the same 401 for an unknown email, a wrong password and a disabled account', async () => {
    const disabled = await createUser(t.prisma, { role: 'viewer' });
    await t.prisma.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ email: analyst.email, password: 'not the password at all' })
      .expect(401);
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ email: 'nobody@nowhere.example', password: 'not the password at all' })
      .expect(401);
    const off = await t.http
      .post('/api/auth/login')
      .send({ email: disabled.email, password: TEST_PASSWORD })
      .expect(401);
    const malformed = await t.http.post('/api/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(401);
    for (const res of [wrong, unknown, off, malformed]) {
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'The email or the password is not correct',
      });
      expect(sessionCookieOf(res.headers['set-cookie'])).toBeUndefined();
    }
    await t.prisma.loginThrottle.deleteMany({});
  });

  it('should take about as long for an unknown email as for a wrong password (a dummy hash is verified)', async () => {
    const users = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => createUser(t.prisma, { role: 'viewer' })));
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      await t.http.post('/api/auth/login').send({ email, password: 'a wrong password here' }).expect(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (const [i, u] of users.entries()) {
      known.push(await time(u.email));
      unknown.push(await time(`nobody-${i}@nowhere.example`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(unknown) / median(known);
    process.stdout.write(
      `sign-in failure, median ms: wrong password ${median(known).toFixed(1)}, unknown email ${median(unknown).toFixed(1)} (ratio ${ratio.toFixed(2)})\n`,
    );
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('should refuse malformed bodies with 400 and the field named, never a 500', async () => {
    const missing = await t.http.post('/api/auth/login').send({ email: analyst.email }).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { password: expect.any(String) } });
    const extra = await t.http
      .post('/api/auth/login')
      .send({ email: analyst.email, password: TEST_PASSWORD, role: 'admin' })
      .expect(400);
    expect(extra.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { role: 'Unknown field' } });
    const json = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(json.body.code).toBe('MALFORMED_JSON');
    const array = await t.http.post('/api/auth/login').send([analyst.email]).expect(400);
    expect(array.body.code).toBe('VALIDATION_FAILED');
    const huge = await t.http
      .post('/api/auth/login')
      .send({ email: analyst.email, password: 'x'.repeat(300) })
      .expect(400);
    expect(huge.body.errors.password).toMatch(/At most 256/);
  });

  it('should record sign-in success and failure in the audit log with IP and request id, never the password', async () => {
    const ok = await t.http
      .post('/api/auth/login')
      .set('X-Request-Id', 'login-ok-1')
      .send({ email: analyst.email, password: TEST_PASSWORD })
      .expect(200);
    expect(ok.headers['x-request-id']).toBe('login-ok-1');
    const success = await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: 'login-ok-1' } });
    expect(success).toMatchObject({
      action: 'login.success',
      entity: 'users',
      entityId: String(analyst.id),
      actorId: analyst.id,
      actorName: analyst.name,
      actorEmail: analyst.email,
      ip: '127.0.0.1',
    });
    await t.http
      .post('/api/auth/login')
      .set('X-Request-Id', 'login-bad-1')
      .send({ email: analyst.email, password: 'wrong wrong wrong' })
      .expect(401);
    const failure = await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: 'login-bad-1' } });
    expect(failure).toMatchObject({
      action: 'login.failure',
      entityId: String(analyst.id),
      actorId: null,
      actorName: 'anonymous',
      ip: '127.0.0.1',
    });
    expect(failure.after).toMatchObject({ reason: 'wrong password', failures: 1 });
    const everything = await t.prisma.auditEvent.findMany({ select: { before: true, after: true, actorName: true } });
    expect(JSON.stringify(everything)).not.toMatch(/wrong wrong wrong|correct horse/);
    await t.prisma.loginThrottle.deleteMany({});
  });

  it('should end the session on logout: 204, cookie cleared, session revoked, the old cookie answered with SESSION_EXPIRED', async () => {
    const cookie = await signIn(t.http, analyst.email);
    const res = await t.http.post('/api/auth/logout').set('Cookie', cookie).expect(204);
    const cleared = [res.headers['set-cookie']].flat().find((c: string) => c.startsWith('rabta_session='))!;
    expect(cleared).toMatch(/^rabta_session=;/);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    const session = await t.prisma.session.findUniqueOrThrow({ where: { tokenHash: sha256(tokenOf(cookie)) } });
    expect(session.revokedAt).not.toBeNull();
    const after = await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(after.body.code).toBe('SESSION_EXPIRED');
    expect(await t.prisma.auditEvent.count({ where: { action: 'logout', actorId: analyst.id } })).toBe(1);
    // Signing out without a session is not an error either.
    await t.http.post('/api/auth/logout').expect(204);
  });

  it('should refuse a sign-in posted from another site (login CSRF), and accept one from our own origin', async () => {
    const body = { email: analyst.email, password: TEST_PASSWORD };
    const foreign = await t.http.post('/api/auth/login').set('Origin', 'https://evil.example').send(body).expect(403);
    expect(foreign.body.code).toBe('CROSS_ORIGIN_REQUEST');
    await t.http.post('/api/auth/login').set('Sec-Fetch-Site', 'cross-site').send(body).expect(403);
    const own = await t.http
      .post('/api/auth/login')
      .set('Host', 'rabta.local:3000')
      .set('Origin', 'http://rabta.local:3000')
      .send(body);
    expect(own.status).toBe(200);
    await t.http
      .post('/api/auth/login')
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Origin', 'http://whatever')
      .send(body)
      .expect(200);
  });
});

describe('the session cookie behind HTTPS', () => {
  it('should be Secure when PUBLIC_URL is https', async () => {
    const t = await startTestApp({ env: { PUBLIC_URL: 'https://rabta.example.gov' } });
    try {
      const u = await createUser(t.prisma, { role: 'viewer' });
      const res = await t.http.post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(200);
      expect([res.headers['set-cookie']].flat().join('\n')).toMatch(/rabta_session=[^;]+;.*Secure/);
      // Our public origin counts as our own for the origin check.
      await t.http
        .post('/api/auth/login')
        .set('Origin', 'https://rabta.example.gov')
        .send({ email: u.email, password: TEST_PASSWORD })
        .expect(200);
    } finally {
      await t.close();
    }
  });

  it('should be Secure when a trusted proxy says the request came over https', async () => {
    const t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const u = await createUser(t.prisma, { role: 'viewer' });
      const res = await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .send({ email: u.email, password: TEST_PASSWORD })
        .expect(200);
      expect([res.headers['set-cookie']].flat().join('\n')).toMatch(/Secure/);
      const plain = await t.http.post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(200);
      expect([plain.headers['set-cookie']].flat().join('\n')).not.toMatch(/Secure/);
    } finally {
      await t.close();
    }
  });
});
