import { signedInUser, type SignedInUser } from '../../support/auth';
import { sectorId } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ReportScheduler } from '../../../apps/api/src/modules/reports/report-scheduler';
import { waitForReport } from './support';

// Report schedules: "portfolio, energy sector, PDF, Urdu, every Monday 08:00 Asia/Karachi", stored in the database,
// run by the report queue exactly once per slot even with two API processes on one database.

const schedulers = (...apps: TestApp[]) => apps.map((a) => a.app.get(ReportScheduler));

describe('/api/report-schedules', () => {
  let t: TestApp;
  let owner: SignedInUser;
  let otherAnalyst: SignedInUser;
  let viewer: SignedInUser;
  let admin: SignedInUser;
  let energy: number;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: { REPORT_SCHEDULER_SECONDS: '3600' } });
    owner = await signedInUser(t, { role: 'analyst', name: 'Owner Analyst' });
    otherAnalyst = await signedInUser(t, { role: 'analyst' });
    viewer = await signedInUser(t, { role: 'viewer' });
    admin = await signedInUser(t, { role: 'admin' });
    energy = await sectorId(t, 'energy');
  });
  afterAll(() => t.close());

  const weekly = () => ({
    name: 'Energy weekly (Urdu)',
    kind: 'portfolio',
    params: { sectorIds: [energy] },
    format: 'pdf',
    language: 'ur',
    cron: '0 8 * * 1',
  });

  it('should create "portfolio, energy sector, PDF, Urdu, every Monday 08:00 Asia/Karachi" with its next run derived', async () => {
    const res = await t.http.post('/api/report-schedules').set('Cookie', owner.cookie).send(weekly()).expect(201);
    expect(res.body).toMatchObject({
      ...weekly(),
      timezone: 'Asia/Karachi',
      paused: false,
      lastRunAt: null,
      createdById: owner.id,
      createdByName: 'Owner Analyst',
      version: 1,
    });
    // Mondays 08:00 in Karachi (UTC+5) are Mondays 03:00 UTC, within the coming week.
    const next = new Date(res.body.nextRunAt);
    expect(next.getUTCDay()).toBe(1);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([3, 0]);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime()).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: 'report-schedules', entityId: String(res.body.id), action: 'create', actorId: owner.id },
      }),
    ).toBe(1);
    const list = await t.http.get('/api/report-schedules').set('Cookie', viewer.cookie).expect(200);
    expect(list.headers['content-range']).toMatch(/^report-schedules 0-\d+\/\d+$/);
    expect(list.body.map((s: { id: number }) => s.id)).toContain(res.body.id);
  });

  it('should report a failed run to its caller only: the scheduler keeps no rejected promise behind (no unhandled rejection)', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    // A database failure inside the run's transaction (as when a loaded machine times the transaction out).
    const spy = jest.spyOn(t.prisma, '$transaction').mockRejectedValueOnce(new Error('injected transaction failure'));
    try {
      const [scheduler] = schedulers(t);
      await expect(scheduler.runDue()).rejects.toThrow('injected transaction failure');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      // The next run works again.
      expect(await scheduler.runDue()).toBe(0);
    } finally {
      spy.mockRestore();
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('should pause (no next run) and resume (next run again), audited, with optimistic versions', async () => {
    const s = (
      await t.http
        .post('/api/report-schedules')
        .set('Cookie', owner.cookie)
        .send({ ...weekly(), name: 'Pausable' })
        .expect(201)
    ).body;
    const paused = await t.http
      .put(`/api/report-schedules/${s.id}`)
      .set('Cookie', owner.cookie)
      .send({ paused: true, version: s.version })
      .expect(200);
    expect(paused.body).toMatchObject({ paused: true, nextRunAt: null, version: 2 });
    await t.http
      .put(`/api/report-schedules/${s.id}`)
      .set('Cookie', owner.cookie)
      .send({ paused: false, version: 1 })
      .expect(409);
    // react-admin sends the whole record back: read-only and derived fields are ignored.
    const resumed = await t.http
      .put(`/api/report-schedules/${s.id}`)
      .set('Cookie', owner.cookie)
      .send({ ...paused.body, paused: false, cron: '30 9 * * *', timezone: 'UTC' })
      .expect(200);
    expect(resumed.body).toMatchObject({ paused: false, cron: '30 9 * * *', timezone: 'UTC' });
    const next = new Date(resumed.body.nextRunAt);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([9, 30]);
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: 'report-schedules', entityId: String(s.id), action: 'update' },
      }),
    ).toBe(2);
    await t.http.delete(`/api/report-schedules/${s.id}`).set('Cookie', owner.cookie).expect(200);
    await t.http.get(`/api/report-schedules/${s.id}`).set('Cookie', owner.cookie).expect(404);
  });

  it.each([
    [{ cron: '61 * * * *' }, 'cron'],
    [{ cron: '0 0 8 * * 1' }, 'cron'],
    [{ cron: 'every monday' }, 'cron'],
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ params: { asOf: '2025-06-01' } }, 'params.asOf'],
    [{ params: { knownAt: '2025-06-01' } }, 'params.knownAt'],
    [{ kind: 'initiative', params: {} }, 'params.initiativeId'],
    [{ name: '' }, 'name'],
    [{ owner: 'me' }, 'owner'],
  ])('should refuse %j with 400 naming %s', async (change, field) => {
    const res = await t.http
      .post('/api/report-schedules')
      .set('Cookie', owner.cookie)
      .send({ ...weekly(), ...change })
      .expect(400);
    expect(Object.keys(res.body.errors ?? {})).toContain(field);
  });

  it("should refuse a schedule that runs more often than the admins' minimum (default one hour)", async () => {
    const create = (cron: string) =>
      t.http
        .post('/api/report-schedules')
        .set('Cookie', owner.cookie)
        .send({ ...weekly(), name: `Every ${cron}`, cron });
    for (const cron of ['* * * * *', '*/30 * * * *', '0,59 8 * * 1']) {
      const res = await create(cron).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['cron']);
      expect(res.body.message).toContain('at most once every 1 hour(s)');
    }
    const hourly = (await create('0 * * * *').expect(201)).body;
    const retimed = await t.http
      .put(`/api/report-schedules/${hourly.id}`)
      .set('Cookie', owner.cookie)
      .send({ cron: '*/10 * * * *', version: hourly.version })
      .expect(400);
    expect(Object.keys(retimed.body.errors)).toEqual(['cron']);
    // The admins' setting: at most once a day now.
    expect((await t.http.get('/api/settings').set('Cookie', viewer.cookie).expect(200)).body).toMatchObject({
      reportScheduleMinMinutes: 60,
    });
    await t.http.put('/api/settings').set('Cookie', owner.cookie).send({ reportScheduleMinMinutes: 1 }).expect(403);
    await t.http.put('/api/settings').set('Cookie', admin.cookie).send({ reportScheduleMinMinutes: 0 }).expect(400);
    await t.http.put('/api/settings').set('Cookie', admin.cookie).send({ reportScheduleMinMinutes: 1440 }).expect(200);
    try {
      const twiceADay = await create('0 8,20 * * *').expect(400);
      expect(twiceADay.body.message).toContain('at most once every 24 hour(s)');
      await create('30 7 * * *').expect(201);
      // A schedule made before the change runs on; only a new time is checked.
      await t.http
        .put(`/api/report-schedules/${hourly.id}`)
        .set('Cookie', owner.cookie)
        .send({ name: 'Renamed hourly', version: hourly.version })
        .expect(200);
    } finally {
      await t.http.put('/api/settings').set('Cookie', admin.cookie).send({ reportScheduleMinMinutes: 60 }).expect(200);
    }
  });

  it('should let analysts create, only the creator (or an admin) change or remove, and viewers read', async () => {
    await t.http.post('/api/report-schedules').set('Cookie', viewer.cookie).send(weekly()).expect(403);
    await t.http.post('/api/report-schedules').send(weekly()).expect(401);
    const s = (
      await t.http
        .post('/api/report-schedules')
        .set('Cookie', owner.cookie)
        .send({ ...weekly(), name: 'Owned' })
        .expect(201)
    ).body;
    await t.http.get(`/api/report-schedules/${s.id}`).set('Cookie', viewer.cookie).expect(200);
    const refused = await t.http
      .put(`/api/report-schedules/${s.id}`)
      .set('Cookie', otherAnalyst.cookie)
      .send({ paused: true, version: s.version })
      .expect(403);
    expect(refused.body.message).toContain('created this schedule');
    await t.http.delete(`/api/report-schedules/${s.id}`).set('Cookie', otherAnalyst.cookie).expect(403);
    await t.http
      .put(`/api/report-schedules/${s.id}`)
      .set('Cookie', admin.cookie)
      .send({ paused: true, version: s.version })
      .expect(200);
    await t.http.delete(`/api/report-schedules/${s.id}`).set('Cookie', admin.cookie).expect(200);
  });
});

describe('running schedules with two API processes on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let analyst: SignedInUser;

  beforeAll(async () => {
    // The timers are slow here: the test drives the schedulers itself, from both processes at once.
    a = await startTestApp({ demo: true, env: { REPORT_SCHEDULER_SECONDS: '3600' } });
    b = await startTestApp({ db: a.db, env: { REPORT_SCHEDULER_SECONDS: '3600' } });
    analyst = await signedInUser(a, { role: 'analyst', name: 'Scheduling Analyst' });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const createSchedule = async (body: Record<string, unknown>) =>
    (await a.http.post('/api/report-schedules').set('Cookie', analyst.cookie).send(body).expect(201)).body;
  const makeDue = (id: number, slot: Date) =>
    a.prisma.reportSchedule.update({ where: { id }, data: { nextRunAt: slot } });

  it('should run a due slot exactly once however many ticks race, and generate its report once', async () => {
    const s = await createSchedule({
      name: 'Monday portfolio',
      kind: 'portfolio',
      params: { sectorIds: [await sectorId(a, 'energy')] },
      format: 'csv',
      language: 'ur',
      cron: '0 8 * * 1',
    });
    // The slot of Monday 6 October 2025, 08:00 in Karachi.
    const slot = new Date('2025-10-06T03:00:00.000Z');
    await makeDue(s.id, slot);
    const runs = await Promise.all(
      Array.from({ length: 6 }, () => schedulers(a, b))
        .flat()
        .map((sch) => sch.runDue()),
    );
    expect(runs.reduce((n, x) => n + x, 0)).toBe(1);
    const reports = await a.prisma.report.findMany({ where: { scheduleId: s.id } });
    expect(reports).toHaveLength(1);
    const done = await waitForReport(a, analyst.cookie, reports[0].id);
    expect(done).toMatchObject({
      status: 'done',
      kind: 'portfolio',
      format: 'csv',
      language: 'ur',
      scheduleId: s.id,
      scheduleName: 'Monday portfolio',
      createdById: analyst.id,
      knownAt: '2025-10-06T03:00:00.000Z',
      // As of the slot's day in Karachi, since the previous slot (a week before).
      params: {
        asOf: '2025-10-06',
        from: '2025-09-29',
        knownAt: '2025-10-06T03:00:00.000Z',
        sectorIds: [await sectorId(a, 'energy')],
      },
      fileName: 'rabta-portfolio-2025-10-06-ur.csv',
    });
    // One job for it in pg-boss, whichever process ran it.
    const jobs = await a.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT data FROM pgboss.job UNION ALL SELECT data FROM pgboss.archive) j WHERE j.data->>'reportId' = ${String(reports[0].id)}`;
    expect(Number(jobs[0].n)).toBe(1);
    const after = (await a.http.get(`/api/report-schedules/${s.id}`).set('Cookie', analyst.cookie).expect(200)).body;
    expect(after.lastRunAt).toBe(slot.toISOString());
    expect(Date.parse(after.nextRunAt)).toBeGreaterThan(Date.now());
    // Nothing more is due: another round creates nothing.
    expect((await Promise.all(schedulers(a, b).map((sch) => sch.runDue()))).reduce((n, x) => n + x, 0)).toBe(0);
    expect(
      await a.prisma.auditEvent.count({
        where: { entity: 'reports', entityId: String(reports[0].id), action: 'create', actorName: 'system' },
      }),
    ).toBe(1);
  });

  it('should run several due schedules once each when both processes tick', async () => {
    const ids: number[] = [];
    for (const [i, kind] of (['portfolio', 'changes', 'portfolio', 'changes', 'portfolio'] as const).entries()) {
      const s = await createSchedule({
        name: `Daily ${i}`,
        kind,
        params: {},
        format: 'html',
        language: i % 2 ? 'en' : 'ur',
        cron: '30 7 * * *',
        timezone: 'UTC',
      });
      await makeDue(s.id, new Date('2025-10-07T07:30:00.000Z'));
      ids.push(s.id);
    }
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => schedulers(a, b))
        .flat()
        .map((sch) => sch.runDue()),
    );
    expect(runs.reduce((n, x) => n + x, 0)).toBe(5);
    const reports = await a.prisma.report.findMany({ where: { scheduleId: { in: ids } } });
    expect(reports.map((r) => r.scheduleId).sort()).toEqual([...ids].sort());
    for (const r of reports) expect((await waitForReport(b, analyst.cookie, r.id)).status).toBe('done');
    const changes = reports.find((r) => r.kind === 'changes')!;
    expect(changes.params).toMatchObject({ from: '2025-10-06', to: '2025-10-07' });
  });

  it('should run a slot missed while no process was up once, then continue from the next slot after now', async () => {
    const s = await createSchedule({
      name: 'Hourly',
      kind: 'portfolio',
      params: {},
      format: 'csv',
      language: 'en',
      cron: '0 * * * *',
      timezone: 'UTC',
    });
    await makeDue(s.id, new Date(Date.now() - 7 * 86_400_000));
    expect(await schedulers(b)[0].runDue()).toBe(1);
    expect(await schedulers(a)[0].runDue()).toBe(0);
    const next = (await a.prisma.reportSchedule.findUniqueOrThrow({ where: { id: s.id } })).nextRunAt!;
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  it('should not run a paused schedule', async () => {
    const s = await createSchedule({
      name: 'Paused',
      kind: 'portfolio',
      params: {},
      format: 'csv',
      language: 'en',
      cron: '0 * * * *',
      timezone: 'UTC',
    });
    await a.http
      .put(`/api/report-schedules/${s.id}`)
      .set('Cookie', analyst.cookie)
      .send({ paused: true, version: s.version })
      .expect(200);
    await a.prisma.reportSchedule.update({ where: { id: s.id }, data: { nextRunAt: new Date(Date.now() - 60_000) } });
    expect((await Promise.all(schedulers(a, b).map((sch) => sch.runDue()))).reduce((n, x) => n + x, 0)).toBe(0);
    expect(await a.prisma.report.count({ where: { scheduleId: s.id } })).toBe(0);
  });
});
