import { signedInUser, type SignedInUser } from '../../support/auth';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ReportsQueue } from '../../../apps/api/src/modules/reports/reports.queue';
import { download, generate, waitForReport } from './support';

// The /api/reports contract: 202 with the record, strict validation, who made what and when, the file with its
// content type and name, 409 while not done, and PDF requests on a machine without Chromium.
describe('POST/GET /api/reports', () => {
  let t: TestApp;
  let viewer: SignedInUser;
  let analyst: SignedInUser;
  let steelId: number;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    viewer = await signedInUser(t, { role: 'viewer', name: 'Vera Viewer' });
    analyst = await signedInUser(t, { role: 'analyst', name: 'Anwar Analyst' });
    steelId = (await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } })).id;
  });
  afterAll(() => t.close());

  it('should accept a viewer request with 202 and the record, then generate it on the queue', async () => {
    const res = await t.http
      .post('/api/reports')
      .set('Cookie', viewer.cookie)
      .send({
        kind: 'portfolio',
        params: { asOf: '2025-07-31', knownAt: '2025-08-01T00:00:00Z', sectorIds: [] },
        format: 'csv',
        language: 'ur',
      })
      .expect(202);
    expect(res.body).toMatchObject({
      id: expect.any(Number),
      kind: 'portfolio',
      format: 'csv',
      language: 'ur',
      status: 'queued',
      progress: 0,
      knownAt: '2025-08-01T00:00:00.000Z',
      // Stored resolved: sending these again yields the same report.
      params: { asOf: '2025-07-31', knownAt: '2025-08-01T00:00:00.000Z', from: '2025-07-01' },
      createdById: viewer.id,
      createdByName: 'Vera Viewer',
      scheduleId: null,
      finishedAt: null,
      checksum: null,
      error: null,
    });
    expect(Date.parse(res.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const done = await waitForReport(t, viewer.cookie, res.body.id);
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      fileName: 'rabta-portfolio-2025-07-31-ur.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(done.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(done.finishedAt as string)).toBeGreaterThanOrEqual(Date.parse(done.startedAt as string));
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { entity: 'reports', entityId: String(res.body.id), action: 'create' },
    });
    expect(audit).toMatchObject({
      actorId: viewer.id,
      after: expect.objectContaining({ kind: 'portfolio', format: 'csv' }),
    });
  });

  it('should serve the file with its content type, a file name of kind, date and language, and its checksum', async () => {
    const report = await generate(t, analyst.cookie, {
      kind: 'initiative',
      params: { initiativeId: steelId, asOf: '2025-07-15' },
      format: 'html',
      language: 'en',
    });
    const file = await download(t, analyst.cookie, report.id);
    expect(file.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="rabta-initiative-2025-07-15-en.html"');
    expect(file.headers['x-content-sha256']).toBe(report.checksum);
    expect(file.headers['content-security-policy']).toContain("default-src 'none'");
    expect(file.body.length).toBe(report.size);
    expect(file.body.toString('utf8')).toContain('New steel mill in Karachi');
  });

  it('should list every report with who made it and when, newest first, with Content-Range', async () => {
    await generate(t, analyst.cookie, {
      kind: 'changes',
      params: { from: '2025-07-01', to: '2025-07-31' },
      format: 'csv',
      language: 'en',
    });
    const res = await t.http.get('/api/reports').query({ range: '[0,99]' }).set('Cookie', viewer.cookie).expect(200);
    expect(res.headers['content-range']).toMatch(/^reports 0-\d+\/\d+$/);
    expect(res.body.length).toBeGreaterThanOrEqual(3);
    const times = res.body.map((r: { createdAt: string }) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const names = new Set(res.body.map((r: { createdByName: string }) => r.createdByName));
    expect(names).toEqual(new Set(['Vera Viewer', 'Anwar Analyst']));
    // No file bytes in lists.
    expect(res.body[0]).not.toHaveProperty('file');
    const mine = await t.http
      .get('/api/reports')
      .query({ filter: JSON.stringify({ mine: true }) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(mine.body.every((r: { createdById: number }) => r.createdById === viewer.id)).toBe(true);
    expect(mine.body.length).toBeGreaterThanOrEqual(1);
    const one = await t.http.get(`/api/reports/${res.body[0].id}`).set('Cookie', viewer.cookie).expect(200);
    expect(one.body).toEqual(res.body[0]);
  });

  it.each([
    [{ kind: 'portfolio', params: {}, format: 'csv', language: 'en', extra: 1 }, 'extra'],
    [{ kind: 'portfolio', params: { sectorId: 1 }, format: 'csv' }, 'params.sectorId'],
    [{ kind: 'portfolio', params: { initiativeId: 1 }, format: 'csv' }, 'params.initiativeId'],
    [{ kind: 'initiative', params: {}, format: 'csv' }, 'params.initiativeId'],
    [{ kind: 'engagement_followup', params: {}, format: 'csv' }, 'params.engagementId'],
    [{ kind: 'changes', params: { from: '2025-08-01', to: '2025-07-01' }, format: 'csv' }, 'params.to'],
    [{ kind: 'changes', params: { asOf: '2025-08-01' }, format: 'csv' }, 'params.asOf'],
    [{ kind: 'portfolio', params: { asOf: '1 July' }, format: 'csv' }, 'params.asOf'],
    [{ kind: 'portfolio', params: { stages: ['imaginary'] }, format: 'csv' }, 'params.stages.0'],
    [{ kind: 'portfolio', params: {}, format: 'docx' }, 'format'],
    [{ kind: 'portfolio', params: {}, format: 'csv', language: 'fr' }, 'language'],
    [{ kind: 'gossip', params: {}, format: 'csv' }, 'kind'],
    [{ kind: 'portfolio', params: { knownAt: '2999-01-01' }, format: 'csv' }, 'params.knownAt'],
  ])('should refuse %j with 400 naming %s', async (body, field) => {
    const before = await t.prisma.report.count();
    const res = await t.http.post('/api/reports').set('Cookie', viewer.cookie).send(body).expect(400);
    expect(Object.keys(res.body.errors ?? {})).toContain(field);
    expect(await t.prisma.report.count()).toBe(before);
  });

  it('should refuse parameters that point nowhere with 422 naming them', async () => {
    const res = await t.http
      .post('/api/reports')
      .set('Cookie', viewer.cookie)
      .send({ kind: 'initiative', params: { initiativeId: 999999 }, format: 'csv' })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'REFERENCE_NOT_FOUND',
      errors: { 'params.initiativeId': expect.any(String) },
    });
    const sector = await t.http
      .post('/api/reports')
      .set('Cookie', viewer.cookie)
      .send({ kind: 'portfolio', params: { sectorIds: [999999] }, format: 'csv' })
      .expect(422);
    expect(sector.body.errors).toHaveProperty(['params.sectorIds']);
  });

  it('should refuse a sixth report waiting for one user with 429 and Retry-After; scheduled and finished ones do not count', async () => {
    const busy = await signedInUser(t, { role: 'viewer' });
    const row = (status: 'queued' | 'running' | 'done' | 'failed', scheduleId?: number) => ({
      kind: 'portfolio' as const,
      params: { asOf: '2025-07-31', knownAt: '2025-08-01T00:00:00Z', sectorIds: [] },
      format: 'csv' as const,
      language: 'en' as const,
      knownAt: new Date('2025-08-01T00:00:00Z'),
      status,
      createdById: busy.id,
      scheduleId,
    });
    const schedule = await t.prisma.reportSchedule.create({
      data: {
        name: 'Busy weekly',
        kind: 'portfolio',
        params: {},
        format: 'csv',
        language: 'en',
        cron: '0 8 * * 1',
        timezone: 'UTC',
        createdById: busy.id,
      },
    });
    // Rows without a job: no worker picks them up, so they stay waiting for as long as the test needs.
    const seeded = await t.prisma.report.createManyAndReturn({
      select: { id: true },
      data: [
        ...['queued', 'queued', 'running', 'queued'].map((s) => row(s as 'queued')),
        row('done'),
        row('failed'),
        row('queued', schedule.id),
      ],
    });
    const request = () =>
      t.http
        .post('/api/reports')
        .set('Cookie', busy.cookie)
        .send({ kind: 'portfolio', params: { asOf: '2025-07-31', sectorIds: [] }, format: 'csv', language: 'en' });
    const fifth = await request().expect(202);
    const before = await t.prisma.report.count({ where: { createdById: busy.id } });
    const refused = await request().expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('at most 5 at once') });
    expect(await t.prisma.report.count({ where: { createdById: busy.id } })).toBe(before);
    // Others are not held up by one user's queue.
    await t.http
      .post('/api/reports')
      .set('Cookie', viewer.cookie)
      .send({ kind: 'portfolio', params: { asOf: '2025-07-31', sectorIds: [] }, format: 'csv', language: 'en' })
      .expect(202);
    await waitForReport(t, busy.cookie, fifth.body.id);
    await request().expect(202);
    await t.prisma.report.updateMany({ where: { id: { in: seeded.map((r) => r.id) } }, data: { status: 'failed' } });
  });

  it('should answer 404 for an unknown report and 401 without signing in', async () => {
    await t.http.get('/api/reports/999999').set('Cookie', viewer.cookie).expect(404);
    await t.http.get('/api/reports').expect(401);
    await t.http.post('/api/reports').send({ kind: 'portfolio', format: 'csv' }).expect(401);
  });

  it('should answer 409 for the file of a report that is not done, and of one that failed', async () => {
    // A report whose job has not run yet (a row held as queued): 409 with the status.
    const queued = await t.prisma.report.create({
      data: {
        kind: 'portfolio',
        params: { knownAt: new Date().toISOString(), asOf: '2025-07-01', from: '2025-06-01' },
        format: 'csv',
        language: 'en',
        knownAt: new Date(),
        createdById: viewer.id,
      },
    });
    const conflict = await t.http.get(`/api/reports/${queued.id}/file`).set('Cookie', viewer.cookie).expect(409);
    expect(conflict.body).toMatchObject({ code: 'CONFLICT', status: 'queued' });

    // An initiative that did not exist yet at that date: the report fails, saying why.
    const failed = await generate(t, viewer.cookie, {
      kind: 'initiative',
      params: { initiativeId: steelId, asOf: '2025-01-01' },
      format: 'csv',
    });
    expect(failed).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('not yet recorded as of 2025-01-01'),
    });
    const gone = await t.http.get(`/api/reports/${failed.id}/file`).set('Cookie', viewer.cookie).expect(409);
    expect(gone.body.message).toContain('failed');
  });

  it('should keep the report progress between 0 and 100 and end at 100', async () => {
    const res = await t.http
      .post('/api/reports')
      .set('Cookie', viewer.cookie)
      .send({ kind: 'portfolio', params: {}, format: 'xlsx' })
      .expect(202);
    const seen: number[] = [];
    for (;;) {
      const r = (await t.http.get(`/api/reports/${res.body.id}`).set('Cookie', viewer.cookie)).body;
      seen.push(r.progress);
      if (r.status === 'done' || r.status === 'failed') break;
      await new Promise((x) => setTimeout(x, 10));
    }
    expect(seen.every((p) => p >= 0 && p <= 100)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen[seen.length - 1]).toBe(100);
  });

  it('should run a job that a process without workers queued, in a process with workers', async () => {
    const web = await startTestApp({ db: t.db, env: { REPORT_WORKERS: '0' } });
    try {
      const cookie = (await signedInUser(web, { role: 'viewer' })).cookie;
      const res = await web.http
        .post('/api/reports')
        .set('Cookie', cookie)
        .send({ kind: 'changes', params: {}, format: 'html' })
        .expect(202);
      t.app.get(ReportsQueue).notify();
      expect((await waitForReport(t, viewer.cookie, res.body.id)).status).toBe('done');
    } finally {
      await web.close();
    }
  });
});

describe('PDF reports where Chromium is missing', () => {
  let t: TestApp;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    viewer = await signedInUser(t, { role: 'viewer' });
  });
  afterAll(() => t.close());

  it('should refuse a PDF with 503 DEPENDENCY_MISSING saying what to install', async () => {
    const res = await t.http
      .post('/api/reports')
      .set('Cookie', viewer.cookie)
      .send({ kind: 'portfolio', params: {}, format: 'pdf', language: 'ur' })
      .expect(503);
    expect(res.body.code).toBe('DEPENDENCY_MISSING');
    expect(res.body.message).toContain('apt-get install -y chromium fonts-noto-core');
    expect(res.body.message).toContain('CHROMIUM_PATH');
  });

  it('should still make the other formats', async () => {
    for (const format of ['html', 'xlsx', 'csv']) {
      expect((await generate(t, viewer.cookie, { kind: 'portfolio', params: {}, format, language: 'ur' })).status).toBe(
        'done',
      );
    }
  });

  it('should fail a queued PDF (e.g. a schedule) with an error that says what to install', async () => {
    const report = await t.prisma.report.create({
      data: {
        kind: 'portfolio',
        params: { knownAt: new Date().toISOString(), asOf: '2025-07-01', from: '2025-06-01' },
        format: 'pdf',
        language: 'en',
        knownAt: new Date(),
        createdById: viewer.id,
      },
    });
    await t.app.get(ReportsQueue).run(report.id);
    const done = await waitForReport(t, viewer.cookie, report.id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('apt-get install -y chromium');
  });
});
