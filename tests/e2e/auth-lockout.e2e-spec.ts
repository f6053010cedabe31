import { createUser, signedInUser, TEST_PASSWORD } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

// Per-account lockout (5 consecutive failures → 1 min, doubling per further failure up to 1 h) and the per-IP
// rate limit on sign-in.

describe('per-account lockout with a growing delay', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
  });
  afterAll(() => t?.close());

  const attempt = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });
  /** Lets the current lock run out, as if its time had passed. */
  const expireLock = (id: number) =>
    t.prisma.user.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });

  it('should lock after 5 failures for 60 s, refuse even the right password while locked, then double the delay', async () => {
    const u = await createUser(t.prisma, { role: 'analyst' });
    for (let i = 1; i <= 4; i++) expect((await attempt(u.email, `wrong password ${i}!`)).status).toBe(401);
    const fifth = await attempt(u.email, 'wrong password 5!');
    expect(fifth.status).toBe(429);
    expect(fifth.body).toMatchObject({
      statusCode: 429,
      code: 'ACCOUNT_LOCKED',
      retryAfter: 60,
      message: expect.stringContaining('1 minute'),
    });
    expect(fifth.headers['retry-after']).toBe('60');

    const right = await attempt(u.email, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(right.headers['set-cookie']).toBeUndefined();

    await expireLock(u.id);
    const sixth = await attempt(u.email, 'wrong password 6!');
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBe('120');
    await expireLock(u.id);
    expect((await attempt(u.email, 'wrong password 7!')).headers['retry-after']).toBe('240');

    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.failedLogins).toBe(7);
    const lockouts = await t.prisma.auditEvent.findMany({
      where: { action: 'login.lockout', entityId: String(u.id) },
      orderBy: { id: 'asc' },
    });
    expect(lockouts.map((e) => (e.after as { seconds: number }).seconds)).toEqual([60, 120, 240]);
    expect(lockouts[0]).toMatchObject({ ip: '127.0.0.1', requestId: expect.any(String) });

    // When the lock has run out, the right password works and the count starts again.
    await expireLock(u.id);
    await attempt(u.email, TEST_PASSWORD).expect(200);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
    });
  });

  it('should cap the delay at one hour', async () => {
    const u = await createUser(t.prisma, { role: 'viewer' });
    await t.prisma.user.update({ where: { id: u.id }, data: { failedLogins: 20 } });
    const res = await attempt(u.email, 'still the wrong one');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('3600');
  });

  it('should treat an unknown email exactly the same, so a lock reveals no account', async () => {
    const email = 'no-such-person@mofa.example';
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await attempt(email, `guess number ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const res = await attempt(email, 'guess number 7');
    expect(res.body).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('locked') });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('should count wrong current passwords on POST /api/auth/password towards the same lockout', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const change = (currentPassword: string) =>
      t.http
        .post('/api/auth/password')
        .set('Cookie', u.cookie)
        .send({ currentPassword, newPassword: 'Seven blue camels crossed Thar' });
    for (let i = 1; i <= 4; i++) expect((await change(`not it ${i}`)).status).toBe(400);
    const locked = await change('not it 5');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(locked.headers['retry-after']).toBe('60');
    expect((await change(TEST_PASSWORD)).status).toBe(429);
  });
});

describe('per-IP rate limit on sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '3', TRUST_PROXY: 'true' } });
  });
  afterAll(() => t?.close());

  it('should answer 429 RATE_LIMITED with Retry-After past the limit, per address, and leave other routes alone', async () => {
    const u = await createUser(t.prisma, { role: 'viewer' });
    const from = (ip: string) =>
      t.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email: u.email, password: TEST_PASSWORD });
    for (let i = 0; i < 3; i++) await from('203.0.113.7').expect(200);
    const limited = await from('203.0.113.7').expect(429);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringContaining('Too many sign-in attempts'),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another address has its own allowance; the rest of the API is not limited.
    await from('198.51.100.9').expect(200);
    for (let i = 0; i < 5; i++) await t.http.get('/api/health').set('X-Forwarded-For', '203.0.113.7').expect(200);
  });
});
