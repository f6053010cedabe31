import { signedInUser, type SignedInUser } from '../../support/auth';
import { startTestApp, type TestApp } from '../../support/test-app';

// The demo story has two clocks that differ: the Karachi steel-mill agreement was signed on 13 May 2025
// (effective) but Rabta learned it from the press on 11 July 2025 (recorded). See apps/api/src/seed/demo.ts.
describe('views as of any date, as known on any date', () => {
  let t: TestApp;
  let viewer: SignedInUser;
  let steelId: number;
  let railId: number;

  const stageOf = async (query: string, id: number) => {
    const res = await t.http.get(`/api/initiatives/${id}${query}`).set('Cookie', viewer.cookie).expect(200);
    return { stage: res.body.stage, health: res.body.health };
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    viewer = await signedInUser(t, { role: 'viewer' });
    steelId = (await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } })).id;
    railId = (await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'UZ-PK-RU-RAIL' } })).id;
  });
  afterAll(() => t.close());

  it.each([
    ['', 'agreement_signed', 'on_track'],
    ['?asOf=2025-03-01', 'under_negotiation', 'not_assessed'],
    ['?asOf=2025-05-12', 'under_negotiation', 'not_assessed'],
    ['?asOf=2025-05-13', 'agreement_signed', 'on_track'],
    ['?asOf=2025-06-01', 'agreement_signed', 'on_track'],
    // As known on 1 June 2025, the signing of 13 May had not been reported yet.
    ['?asOf=2025-06-01&knownAt=2025-06-01', 'under_negotiation', 'not_assessed'],
    ['?asOf=2025-06-01&knownAt=2025-07-11T08:00:00Z', 'under_negotiation', 'not_assessed'],
    ['?asOf=2025-06-01&knownAt=2025-07-11T09:00:00Z', 'agreement_signed', 'on_track'],
  ])('should show the steel mill %s as %s / %s', async (query, stage, health) => {
    expect(await stageOf(query, steelId)).toEqual({ stage, health });
  });

  it('should follow a health change: the rail link turned at risk on 1 September 2025', async () => {
    expect(await stageOf('?asOf=2025-08-15', railId)).toEqual({ stage: 'announced', health: 'on_track' });
    expect(await stageOf('?asOf=2025-09-01', railId)).toEqual({ stage: 'announced', health: 'at_risk' });
  });

  it('should list only the initiatives that existed then, with the stage they had', async () => {
    const res = await t.http
      .get('/api/initiatives?asOf=2025-03-01')
      .query({ sort: JSON.stringify(['code', 'ASC']) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(res.body.map((i: { code: string; stage: string }) => `${i.code}:${i.stage}`)).toEqual([
      'PK-RU-ENERGY:announced',
      'PK-RU-STEEL-KHI:under_negotiation',
    ]);
    expect(res.headers['content-range']).toBe('initiatives 0-1/2');
    const byStage = await t.http
      .get('/api/initiatives?asOf=2025-06-01&knownAt=2025-06-01')
      .query({ filter: JSON.stringify({ stage: 'agreement_signed' }) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(byStage.body).toEqual([]);
  });

  it('should say so when an initiative did not exist yet at that date', async () => {
    const res = await t.http.get(`/api/initiatives/${railId}?asOf=2025-03-01`).set('Cookie', viewer.cookie).expect(404);
    expect(res.body.message).toContain('2025-03-01');
  });

  it('should show milestones with the planned date as announced by then', async () => {
    const milestone = await t.prisma.milestone.findFirstOrThrow({ where: { initiativeId: railId } });
    // Re-announced on 2025-09-15 for 2025-11-30 (recorded the day after).
    await t.prisma.milestoneDateChange.create({
      data: {
        milestoneId: milestone.id,
        oldDate: new Date('2025-08-31'),
        newDate: new Date('2025-11-30'),
        announcedOn: new Date('2025-09-15'),
        recordedAt: new Date('2025-09-16T10:00:00Z'),
      },
    });
    await t.prisma.milestone.update({ where: { id: milestone.id }, data: { plannedDate: new Date('2025-11-30') } });
    const at = async (query: string) =>
      (await t.http.get(`/api/milestones/${milestone.id}${query}`).set('Cookie', viewer.cookie).expect(200)).body;
    expect((await at('')).plannedDate).toBe('2025-11-30');
    expect(await at('?asOf=2025-09-01')).toMatchObject({
      plannedDate: '2025-08-31',
      overdue: true,
      reannouncements: 0,
    });
    expect(await at('?asOf=2025-10-01')).toMatchObject({
      plannedDate: '2025-11-30',
      overdue: false,
      originalPlannedDate: '2025-08-31',
      slippageDays: 91,
      reannouncements: 1,
    });
    expect((await at('?asOf=2025-10-01&knownAt=2025-09-15T23:00:00Z')).plannedDate).toBe('2025-08-31');
    const list = await t.http
      .get(`/api/milestones?asOf=2025-09-01`)
      .query({ filter: JSON.stringify({ initiativeId: railId }) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(list.body.map((m: { plannedDate: string }) => m.plannedDate)).toEqual(['2025-08-31']);
  });

  it('should give the dashboard as of a date', async () => {
    const june = (
      await t.http.get('/api/dashboard?asOf=2025-06-01&knownAt=2025-06-01').set('Cookie', viewer.cookie).expect(200)
    ).body;
    expect(june.totals.initiatives).toBe(2);
    expect(june.byStage).toMatchObject({ under_negotiation: 1, announced: 1, agreement_signed: 0 });
    const now = (await t.http.get('/api/dashboard').set('Cookie', viewer.cookie).expect(200)).body;
    expect(now.totals.initiatives).toBe(6);
    expect(now.byHealth.at_risk).toBe(1);
    expect(now.overdueMilestones.map((m: { titleEn: string }) => m.titleEn)).toEqual(
      expect.arrayContaining([
        'Pilot cargo train Uzbekistan–Pakistan–Russia',
        '10th session of the Pakistan–Russia IGC in Islamabad (energy a main agenda item)',
      ]),
    );
    expect(now.stageBySector.length).toBeGreaterThan(0);
    expect(now.recentChanges[0]).toMatchObject({ code: expect.any(String), effectiveAt: expect.any(String) });
  });

  it('should refuse a malformed date with 400 naming the parameter', async () => {
    const res = await t.http.get('/api/initiatives?asOf=last-tuesday').set('Cookie', viewer.cookie).expect(400);
    expect(res.body.errors).toEqual({ asOf: expect.stringContaining('YYYY-MM-DD') });
  });

  it('should give the timeline of an initiative in order, each item typed and linked', async () => {
    const res = await t.http.get(`/api/initiatives/${steelId}/timeline`).set('Cookie', viewer.cookie).expect(200);
    const types = res.body.map((i: { type: string }) => i.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'status_update',
        'milestone',
        'milestone_date_change',
        'engagement',
        'agreement',
        'evidence',
      ]),
    );
    const dates = res.body.map((i: { date: string }) => i.date);
    expect([...dates].sort()).toEqual(dates);
    expect(res.body[0]).toMatchObject({ link: { resource: expect.any(String), id: expect.any(Number) } });
    // The facts behind each item, for the admin to word in Urdu as in English.
    expect(res.body.find((i: { type: string }) => i.type === 'milestone_date_change').data).toEqual(
      expect.objectContaining({
        oldDate: null,
        newDate: '2025-05-13',
        announcedByEn: 'Haroon Akhtar Khan',
        announcedByUr: 'ہارون اختر خان',
      }),
    );
    expect(res.body.find((i: { type: string }) => i.type === 'agreement').data).toEqual(
      expect.objectContaining({ kind: 'agreement', status: 'signed' }),
    );
    // One item per publication, however many records quote it (the Urdu article of 11 July backs several).
    const articles = res.body.filter((i: { type: string }) => i.type === 'evidence') as {
      link: { id: number };
      data: { quotes: string[]; evidenceIds: number[] };
    }[];
    expect(new Set(articles.map((a) => a.link.id)).size).toBe(articles.length);
    const quotedMost = articles.reduce((a, b) => (b.data.evidenceIds.length > a.data.evidenceIds.length ? b : a));
    expect(quotedMost.data.evidenceIds.length).toBeGreaterThan(1);
    expect(quotedMost.data.quotes.length).toBeGreaterThan(0);
    expect(new Set(quotedMost.data.quotes).size).toBe(quotedMost.data.quotes.length);
    const early = await t.http
      .get(`/api/initiatives/${steelId}/timeline?asOf=2025-03-01`)
      .set('Cookie', viewer.cookie)
      .expect(200);
    // What happened by then; planned milestones may lie ahead of the view (decisions are dated by their meeting).
    const happened = early.body.filter((i: { type: string }) => i.type !== 'milestone');
    expect(happened.length).toBeGreaterThan(0);
    expect(happened.every((i: { date: string }) => i.date < '2025-03-02')).toBe(true);
    expect(early.body.find((i: { type: string }) => i.type === 'agreement')).toBeUndefined();
  });

  it('should date a decision by the meeting that took it, not by its due date', async () => {
    const rail = await t.http.get(`/api/initiatives/${railId}/timeline`).set('Cookie', viewer.cookie).expect(200);
    const decision = rail.body.find((i: { type: string }) => i.type === 'decision');
    // Taken at the Moscow meeting of 10 July 2025, due on 31 August.
    expect(decision).toMatchObject({ date: '2025-07-10', data: { dueDate: '2025-08-31' } });
    const before = await t.http
      .get(`/api/initiatives/${railId}/timeline?asOf=2025-07-09`)
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(before.body.find((i: { type: string }) => i.type === 'decision')).toBeUndefined();
  });
});
