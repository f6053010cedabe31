import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeInitiative, makeSource, sectorId } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import { csvTable, download, generate, readCsv } from '../reports/support';

describe('status changes carry evidence', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  let steelAnalyst: SignedInUser;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['energy'] });
    steelAnalyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['steel'] });
    viewer = await signedInUser(t, { role: 'viewer' });
  });
  afterAll(() => t.close());

  it('should move the stage and health in one transaction with the update and its evidence rows', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const source = await makeSource(t, analyst.cookie, { language: 'ur', title: 'ماسکو میں ملاقات' });
    const res = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({
        toStage: 'under_negotiation',
        toHealth: 'on_track',
        effectiveAt: '2025-07-10T12:00:00Z',
        note: 'Talks opened in Moscow',
        noteUr: 'ماسکو میں بات چیت شروع',
        sourceIds: [source.id],
        quotes: { [source.id]: 'جاری توانائی تعاون پر اطمینان کا اظہار کیا گیا' },
      })
      .expect(201);
    expect(res.body).toMatchObject({
      initiativeId: initiative.id,
      fromStage: 'announced',
      toStage: 'under_negotiation',
      fromHealth: 'not_assessed',
      toHealth: 'on_track',
      authorId: analyst.id,
      sourceIds: [source.id],
      initiative: { id: initiative.id, stage: 'under_negotiation', health: 'on_track', version: 2 },
    });
    const stored = await t.prisma.initiative.findUniqueOrThrow({ where: { id: initiative.id } });
    expect({ stage: stored.stage, health: stored.health }).toEqual({ stage: 'under_negotiation', health: 'on_track' });
    const evidence = await t.prisma.evidence.findMany({ where: { statusUpdateId: res.body.id } });
    expect(evidence).toEqual([
      expect.objectContaining({
        sourceId: source.id,
        initiativeId: initiative.id,
        quote: 'جاری توانائی تعاون پر اطمینان کا اظہار کیا گیا',
      }),
    ]);
    const audit = await t.prisma.auditEvent.findMany({
      where: { entity: 'initiatives', entityId: String(initiative.id), action: 'status.change' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: analyst.id, before: { stage: 'announced', health: 'not_assessed' } });
  });

  it('should refuse a transition the lifecycle does not allow, listing the allowed ones (422 INVALID_TRANSITION)', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const source = await makeSource(t, analyst.cookie);
    const res = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toStage: 'operational', effectiveAt: '2025-07-10', note: 'Jumped ahead', sourceIds: [source.id] })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'announced',
      to: 'operational',
      allowed: expect.arrayContaining(['under_negotiation', 'mou_signed']),
    });
    expect(res.body.message).toContain('under_negotiation');
    expect(await t.prisma.statusUpdate.count({ where: { initiativeId: initiative.id } })).toBe(1);
    expect((await t.prisma.initiative.findUniqueOrThrow({ where: { id: initiative.id } })).stage).toBe('announced');
  });

  it('should require at least one source for a stage change (422 EVIDENCE_REQUIRED), not for a health-only change', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const res = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toStage: 'under_negotiation', effectiveAt: '2025-07-10', note: 'Heard it somewhere', sourceIds: [] })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'EVIDENCE_REQUIRED', errors: { sourceIds: 'Cite at least one source' } });
    await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toHealth: 'at_risk', effectiveAt: '2025-07-10', note: 'No news for months' })
      .expect(201);
    const missing = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toStage: 'under_negotiation', effectiveAt: '2025-07-10', note: 'x', sourceIds: [424242] })
      .expect(422);
    expect(missing.body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', errors: { sourceIds: 'No source 424242' } });
  });

  it('should record a back-dated update in the history without overriding a later one', async () => {
    const initiative = await makeInitiative(t, analyst.cookie, { effectiveAt: '2025-01-01T00:00:00Z' });
    const source = await makeSource(t, analyst.cookie);
    await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toStage: 'agreement_signed', effectiveAt: '2025-05-13', note: 'Signed', sourceIds: [source.id] })
      .expect(201);
    // Learned late: talks had started in March.
    const late = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({
        toStage: 'under_negotiation',
        effectiveAt: '2025-03-01',
        note: 'Talks began in March',
        sourceIds: [source.id],
      })
      .expect(201);
    expect(late.body).toMatchObject({
      fromStage: 'announced',
      toStage: 'under_negotiation',
      initiative: { stage: 'agreement_signed' },
    });
    const asOfApril = await t.http
      .get(`/api/initiatives/${initiative.id}?asOf=2025-04-01`)
      .set('Cookie', analyst.cookie)
      .expect(200);
    expect(asOfApril.body.stage).toBe('under_negotiation');
    // An even earlier stage moves back when the initiative began, for the as-of views.
    await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({
        toStage: 'announced',
        effectiveAt: '2024-11-05',
        note: 'First reported in November',
        sourceIds: [source.id],
      })
      .expect(201);
    expect((await t.prisma.initiative.findUniqueOrThrow({ where: { id: initiative.id } })).stageSince).toEqual(
      new Date('2024-11-05T00:00:00Z'),
    );
    const listed = await t.http
      .get('/api/initiatives?asOf=2024-12-01')
      .query({ filter: JSON.stringify({ id: [initiative.id] }) })
      .set('Cookie', analyst.cookie)
      .expect(200);
    expect(listed.body.map((i: { stage: string }) => i.stage)).toEqual(['announced']);
  });

  it('should let only analysts in scope and admins record status; viewers never', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const body = { toHealth: 'at_risk', effectiveAt: '2025-07-10', note: 'x' };
    await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', steelAnalyst.cookie)
      .send(body)
      .expect(403);
    await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', viewer.cookie)
      .send(body)
      .expect(403);
    await t.http.post(`/api/initiatives/${initiative.id}/status-updates`).send(body).expect(401);
    expect(await t.prisma.statusUpdate.count({ where: { initiativeId: initiative.id } })).toBe(1);
  });

  it('should accept react-admin creates on /api/status-updates and correct notes by PUT, but never delete history', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const created = await t.http
      .post('/api/status-updates')
      .set('Cookie', analyst.cookie)
      .send({ initiativeId: initiative.id, toHealth: 'off_track', effectiveAt: '2025-08-01', note: 'Typo hre' })
      .expect(201);
    const fixed = await t.http
      .put(`/api/status-updates/${created.body.id}`)
      .set('Cookie', analyst.cookie)
      .send({ ...created.body, noteEn: 'Typo here' })
      .expect(200);
    expect(fixed.body).toMatchObject({ noteEn: 'Typo here', toHealth: 'off_track', version: 2 });
    const rewrite = await t.http
      .put(`/api/status-updates/${created.body.id}`)
      .set('Cookie', analyst.cookie)
      .send({ toHealth: 'on_track', version: 2 })
      .expect(200);
    expect(rewrite.body.toHealth).toBe('off_track');
    await t.http.delete(`/api/status-updates/${created.body.id}`).set('Cookie', analyst.cookie).expect(404);
  });

  it('should refuse future dates and a status change on an archived initiative', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const future = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toHealth: 'at_risk', effectiveAt: '2099-01-01', note: 'x' })
      .expect(400);
    expect(future.body.errors).toEqual({ effectiveAt: 'Must not be in the future' });
    await t.http.delete(`/api/initiatives/${initiative.id}`).set('Cookie', analyst.cookie).expect(200);
    const archived = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toHealth: 'at_risk', effectiveAt: '2025-07-10', note: 'x' })
      .expect(409);
    expect(archived.body.message).toContain('archived');
  });

  it('should refuse an energy analyst on a steel initiative', async () => {
    const both = await makeInitiative(t, steelAnalyst.cookie, { sectorIds: [await sectorId(t, 'steel')] });
    await t.http
      .post(`/api/initiatives/${both.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toHealth: 'at_risk', effectiveAt: '2025-07-10', note: 'x' })
      .expect(403);
  });

  it('should take "effective today" as now, after the status recorded when the initiative was created this morning', async () => {
    const initiative = await makeInitiative(t, analyst.cookie, { effectiveAt: undefined });
    const source = await makeSource(t, analyst.cookie);
    const today = new Date().toISOString().slice(0, 10);
    const res = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toStage: 'under_negotiation', effectiveAt: today, note: 'Talks opened today', sourceIds: [source.id] })
      .expect(201);
    expect(res.body).toMatchObject({
      fromStage: 'announced',
      initiative: { stage: 'under_negotiation' },
      authorName: analyst.name,
    });
    const list = await t.http
      .get('/api/status-updates')
      .query({ filter: JSON.stringify({ initiativeId: initiative.id }) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(list.body.map((u: { authorName: string }) => u.authorName)).toEqual([analyst.name, analyst.name]);
  });

  it('should record a development (no stage or health change) with a source, and show it everywhere as one', async () => {
    const initiative = await makeInitiative(t, analyst.cookie, { effectiveAt: '2025-01-01T00:00:00Z' });
    const source = await makeSource(t, analyst.cookie, {
      title: 'Protocol signed in Moscow',
      publishedAt: '2025-07-11',
    });
    const post = (body: Record<string, unknown>) =>
      t.http.post(`/api/initiatives/${initiative.id}/status-updates`).set('Cookie', analyst.cookie).send(body);
    await post({
      toStage: 'agreement_signed',
      toHealth: 'on_track',
      effectiveAt: '2025-05-13',
      note: 'Agreement signed',
      sourceIds: [source.id],
    }).expect(201);
    // Neither stage nor health given, or both as they already are: a development, which must cite a source.
    for (const body of [{}, { toStage: 'agreement_signed', toHealth: 'on_track' }]) {
      const refused = await post({ ...body, effectiveAt: '2025-07-11', note: 'Protocol signed' }).expect(422);
      expect(refused.body).toMatchObject({
        code: 'EVIDENCE_REQUIRED',
        errors: { sourceIds: 'Cite at least one source' },
      });
    }
    const dev = await post({
      toHealth: 'on_track',
      effectiveAt: '2025-07-11',
      note: 'Protocol on the steel mill signed in Moscow',
      noteUr: 'ماسکو میں اسٹیل مل پر پروٹوکول پر دستخط',
      sourceIds: [source.id],
    }).expect(201);
    expect(dev.body).toMatchObject({
      fromStage: null,
      toStage: null,
      fromHealth: null,
      toHealth: null,
      development: true,
      sourceIds: [source.id],
      initiative: { stage: 'agreement_signed', health: 'on_track', version: 2 },
    });
    expect(
      await t.prisma.auditEvent.count({
        where: {
          entity: 'initiatives',
          entityId: String(initiative.id),
          action: 'status.change',
          after: { path: ['statusUpdateId'], equals: dev.body.id },
        },
      }),
    ).toBe(0);

    // An agreement signed the same day is a development of the initiative too.
    const agreement = await t.http
      .post('/api/agreements')
      .set('Cookie', analyst.cookie)
      .send({
        kind: 'protocol',
        titleEn: 'Steel mill protocol',
        signedDate: '2025-07-11',
        status: 'signed',
        initiativeIds: [initiative.id],
      })
      .expect(201);

    const dashboard = await t.http.get('/api/dashboard?asOf=2025-07-11').set('Cookie', viewer.cookie).expect(200);
    const mine = dashboard.body.recentChanges.filter((c: { initiativeId: number }) => c.initiativeId === initiative.id);
    expect(mine.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'status_update',
          id: dev.body.id,
          toStage: null,
          toHealth: null,
          noteEn: 'Protocol on the steel mill signed in Moscow',
        }),
        expect.objectContaining({ kind: 'agreement_signed', id: agreement.body.id, noteEn: 'Steel mill protocol' }),
      ]),
    );

    // The present reads the same developments.
    const now = await t.http.get('/api/dashboard').set('Cookie', viewer.cookie).expect(200);
    expect(
      now.body.recentChanges
        .filter((c: { initiativeId: number }) => c.initiativeId === initiative.id)
        .map((c: { kind: string }) => c.kind),
    ).toEqual(expect.arrayContaining(['status_update', 'agreement_signed']));
    const timeline = await t.http
      .get(`/api/initiatives/${initiative.id}/timeline`)
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(timeline.body.filter((i: { type: string }) => i.type === 'development')).toEqual([
      expect.objectContaining({
        id: dev.body.id,
        titleEn: 'Development',
        link: { resource: 'status-updates', id: dev.body.id },
      }),
    ]);

    const report = await generate(t, viewer.cookie, {
      kind: 'changes',
      params: { from: '2025-07-01', to: '2025-07-31', sectorIds: [await sectorId(t, 'energy')] },
      format: 'csv',
      language: 'en',
    });
    expect(report).toMatchObject({ status: 'done', error: null });
    const rows = readCsv((await download(t, viewer.cookie, report.id)).body);
    const code = initiative.code as string;
    expect(csvTable(rows, 'Stage and health changes').filter((r) => r.Code === code)).toEqual([]);
    expect(csvTable(rows, 'Developments').filter((r) => r.Code === code)).toEqual([
      expect.objectContaining({ Effective: '2025-07-11', Note: 'Protocol on the steel mill signed in Moscow' }),
    ]);
    expect(csvTable(rows, 'New agreements').map((r) => r.Title)).toContain('Steel mill protocol');

    const portfolio = await generate(t, viewer.cookie, {
      kind: 'portfolio',
      params: { asOf: '2025-07-31', from: '2025-07-01' },
      format: 'csv',
      language: 'en',
    });
    const prow = readCsv((await download(t, viewer.cookie, portfolio.id)).body);
    expect(
      csvTable(prow, 'Developments in the period')
        .filter((r) => r.Code === code)
        .map((r) => r.Change),
    ).toEqual(
      expect.arrayContaining(['Development (no change of stage or health)', 'Protocol signed: Steel mill protocol']),
    );
    const energy = csvTable(prow, 'Sector: Energy').find((r) => r.Code === code)!;
    expect(energy['Update date']).toBe('2025-07-11');
  });

  it('should show each transition once when an update is back-dated before one recorded earlier', async () => {
    const initiative = await makeInitiative(t, analyst.cookie, { effectiveAt: '2025-01-01T00:00:00Z' });
    const source = await makeSource(t, analyst.cookie);
    const post = (body: Record<string, unknown>) =>
      t.http
        .post(`/api/initiatives/${initiative.id}/status-updates`)
        .set('Cookie', analyst.cookie)
        .send({ note: 'x', sourceIds: [source.id], ...body })
        .expect(201);
    const first = await post({ toStage: 'under_negotiation', effectiveAt: '2025-07-11' });
    // Learned later: the talks had begun the day before; the update recorded first now changes nothing.
    await post({ toStage: 'under_negotiation', effectiveAt: '2025-07-10' });
    const list = await t.http
      .get('/api/status-updates')
      .query({ filter: JSON.stringify({ initiativeId: initiative.id }), sort: JSON.stringify(['effectiveAt', 'ASC']) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(
      list.body.map((u: { fromStage: string; toStage: string; development: boolean }) => [
        u.fromStage,
        u.toStage,
        u.development,
      ]),
    ).toEqual([
      [null, 'announced', false],
      ['announced', 'under_negotiation', false],
      ['under_negotiation', 'under_negotiation', true],
    ]);
    const timeline = await t.http
      .get(`/api/initiatives/${initiative.id}/timeline`)
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(timeline.body.find((i: { id: number; type: string }) => i.id === first.body.id)).toMatchObject({
      type: 'development',
    });
  });

  it('should give every reader the history of an initiative, its milestones and status updates, without request details', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    await t.http
      .put(`/api/initiatives/${initiative.id}`)
      .set('Cookie', analyst.cookie)
      .send({ titleEn: 'Renamed for history', version: 1 })
      .expect(200);
    await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toHealth: 'at_risk', effectiveAt: '2025-07-10', note: 'x' })
      .expect(201);
    const res = await t.http.get(`/api/initiatives/${initiative.id}/history`).set('Cookie', viewer.cookie).expect(200);
    expect(res.body.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`)).toEqual(
      expect.arrayContaining([
        'initiatives:create',
        'initiatives:update',
        'initiatives:status.change',
        'status-updates:create',
      ]),
    );
    const update = res.body.find((e: { action: string }) => e.action === 'update');
    expect(update).toMatchObject({
      actorName: analyst.name,
      before: expect.objectContaining({ titleEn: 'Test initiative' }),
      after: expect.objectContaining({ titleEn: 'Renamed for history' }),
    });
    expect(update.ip).toBeUndefined();
    expect(update.actorEmail).toBeUndefined();
    await t.http.get(`/api/initiatives/${initiative.id}/history`).expect(401);
    await t.http.get('/api/initiatives/999999/history').set('Cookie', viewer.cookie).expect(404);
  });
});
