import { createUser, signedInUser, TEST_PASSWORD } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

// The sign-in throttle: per email AND client address (5 failures in a row → 1 min, doubling per further failure up
// to 1 h), kept in PostgreSQL; admins see locked accounts and lift the locks. And the per-IP rate limit on sign-in.
// Addresses come from X-Forwarded-For (TRUST_PROXY), as behind a reverse proxy.

describe('sign-in throttle per account and address, with a growing delay', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000', TRUST_PROXY: 'true' } });
  });
  afterAll(() => t?.close());

  const ATTACKER = '203.0.113.66';
  const OFFICE = '198.51.100.20';
  const attempt = (email: string, password: string, from = ATTACKER) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
  /** Lets the current lock run out, as if its time had passed. */
  const expireLock = (email: string, address = ATTACKER) =>
    t.prisma.loginThrottle.update({
      where: { email_address: { email, address } },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });

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

    await expireLock(u.email);
    const sixth = await attempt(u.email, 'wrong password 6!');
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBe('120');
    await expireLock(u.email);
    expect((await attempt(u.email, 'wrong password 7!')).headers['retry-after']).toBe('240');

    const row = await t.prisma.loginThrottle.findUniqueOrThrow({
      where: { email_address: { email: u.email, address: ATTACKER } },
    });
    expect(row.failures).toBe(7);
    const lockouts = await t.prisma.auditEvent.findMany({
      where: { action: 'login.lockout', entityId: String(u.id) },
      orderBy: { id: 'asc' },
    });
    expect(lockouts.map((e) => (e.after as { seconds: number }).seconds)).toEqual([60, 120, 240]);
    expect(lockouts[0]).toMatchObject({ ip: ATTACKER, after: { address: ATTACKER }, requestId: expect.any(String) });

    // When the lock has run out, the right password works and the count starts again.
    await expireLock(u.email);
    await attempt(u.email, TEST_PASSWORD).expect(200);
    expect(await t.prisma.loginThrottle.count({ where: { email: u.email } })).toBe(0);
  });

  it('should not let anyone lock an admin out by guessing: the admin signs in from another address', async () => {
    const admin = await createUser(t.prisma, { role: 'admin' });
    for (let i = 1; i <= 12; i++) await attempt(admin.email, `guess ${i}`);
    expect((await attempt(admin.email, TEST_PASSWORD)).status).toBe(429);
    const fromOffice = await attempt(admin.email, TEST_PASSWORD, OFFICE).expect(200);
    expect(fromOffice.body.user.role).toBe('admin');
    // The attacker's address stays locked; the admin's success there clears nothing.
    expect((await attempt(admin.email, TEST_PASSWORD)).status).toBe(429);
  });

  it('should keep the count in the database, where every process reads it', async () => {
    const u = await createUser(t.prisma, { role: 'viewer' });
    // Failures counted elsewhere (another process) lock here too.
    await t.prisma.loginThrottle.create({ data: { email: u.email, address: ATTACKER, failures: 4 } });
    expect((await attempt(u.email, 'one more guess')).status).toBe(429);
  });

  it('should cap the delay at one hour', async () => {
    const u = await createUser(t.prisma, { role: 'viewer' });
    await t.prisma.loginThrottle.create({ data: { email: u.email, address: ATTACKER, failures: 20 } });
    const res = await attempt(u.email, 'still the wrong one');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('3600');
  });

  it('should forget failures older than a day', async () => {
    const u = await createUser(t.prisma, { role: 'viewer' });
    await t.prisma.loginThrottle.create({
      data: { email: u.email, address: ATTACKER, failures: 4, lastFailureAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    expect((await attempt(u.email, 'an old mistake')).status).toBe(401);
    const row = await t.prisma.loginThrottle.findUniqueOrThrow({
      where: { email_address: { email: u.email, address: ATTACKER } },
    });
    expect(row.failures).toBe(1);
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

  it('should count wrong current passwords on POST /api/auth/password towards the same throttle', async () => {
    const u = await signedInUser(t, { role: 'viewer' });
    const change = (currentPassword: string) =>
      t.http
        .post('/api/auth/password')
        .set('Cookie', u.cookie)
        .set('X-Forwarded-For', ATTACKER)
        .send({ currentPassword, newPassword: 'Seven blue camels crossed Thar' });
    for (let i = 1; i <= 4; i++) expect((await change(`not it ${i}`)).status).toBe(400);
    const locked = await change('not it 5');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(locked.headers['retry-after']).toBe('60');
    expect((await change(TEST_PASSWORD)).status).toBe(429);
  });

  it('should show locked accounts to admins, and let them lift the locks', async () => {
    const admin = await signedInUser(t, { role: 'admin' });
    const u = await createUser(t.prisma, { role: 'analyst' });
    for (let i = 1; i <= 5; i++) await attempt(u.email, `wrong ${i}`);
    const as = { Cookie: admin.cookie };
    const shown = await t.http.get(`/api/users/${u.id}`).set(as).expect(200);
    expect(shown.body).toMatchObject({ lockedUntil: expect.any(String), lockedFrom: [ATTACKER] });
    expect(new Date(shown.body.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    const locked = await t.http
      .get('/api/users')
      .query({ filter: JSON.stringify({ locked: true }), range: '[0,99]' })
      .set(as)
      .expect(200);
    expect(locked.body.map((x: { id: number }) => x.id)).toContain(u.id);
    expect(locked.body.map((x: { id: number }) => x.id)).not.toContain(admin.id);
    const unlocked = await t.http
      .get('/api/users')
      .query({ filter: JSON.stringify({ locked: false }), range: '[0,99]' })
      .set(as)
      .expect(200);
    expect(unlocked.body.map((x: { id: number }) => x.id)).not.toContain(u.id);

    // A full representation sent back (react-admin's edit form) is accepted, its lock fields ignored.
    await t.http
      .put(`/api/users/${u.id}`)
      .set(as)
      .send({ ...shown.body, name: 'Renamed while locked' })
      .expect(200);

    const res = await t.http.post(`/api/users/${u.id}/unlock`).set(as).expect(200);
    expect(res.body).toMatchObject({ id: u.id, lockedUntil: null, lockedFrom: [] });
    expect((await attempt(u.email, TEST_PASSWORD)).status).toBe(200);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'unlock', entityId: String(u.id) } });
    expect(event).toMatchObject({ actorId: admin.id, after: { addresses: [ATTACKER] } });
    // Analysts may not.
    const analyst = await signedInUser(t, { role: 'analyst' });
    await t.http.post(`/api/users/${u.id}/unlock`).set('Cookie', analyst.cookie).expect(403);
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
