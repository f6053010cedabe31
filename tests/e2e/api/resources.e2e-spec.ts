import ExcelJS from 'exceljs';
import { signedInUser, type SignedInUser } from '../../support/auth';
import {
  makeEngagement,
  makeInitiative,
  makeMilestone,
  makePerson,
  makeSource,
  sectorId,
} from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('the other resources', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let analyst: SignedInUser;
  let steelAnalyst: SignedInUser;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    admin = await signedInUser(t, { role: 'admin' });
    analyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['energy'] });
    steelAnalyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['steel'] });
    viewer = await signedInUser(t, { role: 'viewer' });
  });
  afterAll(() => t.close());

  it('should find people by any spelling the press uses, in Urdu or English', async () => {
    for (const q of ['اوورچک', 'Alexei Overchuk', 'Alexel Overchuk', 'الیکسی', 'Оверчук']) {
      const res = await t.http
        .get('/api/people')
        .query({ filter: JSON.stringify({ q }) })
        .set('Cookie', viewer.cookie)
        .expect(200);
      expect({ q, names: res.body.map((p: { nameEn: string }) => p.nameEn) }).toEqual({
        q,
        names: ['Alexei Overchuk'],
      });
    }
    for (const q of ['ہارون اختر', 'هارون اختر', 'Haroon Akhtar']) {
      const res = await t.http
        .get('/api/people')
        .query({ filter: JSON.stringify({ q }) })
        .set('Cookie', viewer.cookie)
        .expect(200);
      expect(res.body.map((p: { nameEn: string }) => p.nameEn)).toEqual(['Haroon Akhtar Khan']);
    }
    // Misspelt in Urdu (an extra yeh): found by trigram similarity, which needs a UTF-8 ctype in the database.
    const sorokin = await t.http
      .get('/api/people')
      .query({ filter: JSON.stringify({ q: 'سوروکین' }) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(sorokin.body.map((p: { nameEn: string }) => p.nameEn)).toEqual(['Pavel Sorokin']);
    const dar = await t.http
      .get('/api/people')
      .query({ filter: JSON.stringify({ q: 'Ishaq Dar' }) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(dar.body[0]).toMatchObject({ currentTitleEn: 'Deputy Prime Minister and Minister of Foreign Affairs' });
  });

  it('should record every re-announced planned date in the ledger, with who announced it and the source', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const source = await makeSource(t, analyst.cookie);
    const overchuk = await t.prisma.person.findFirstOrThrow({ where: { nameEn: 'Alexei Overchuk' } });
    const milestone = await makeMilestone(t, analyst.cookie, initiative.id, {
      plannedDate: '2025-08-31',
      announcement: { announcedById: overchuk.id, announcedOn: '2025-07-10', sourceId: source.id },
    });
    const moved = await t.http
      .put(`/api/milestones/${milestone.id}`)
      .set('Cookie', analyst.cookie)
      .send({
        ...milestone,
        plannedDate: '2025-10-15',
        announcement: { announcedById: overchuk.id, announcedOn: '2025-09-01', note: 'Postponed' },
      })
      .expect(200);
    expect(moved.body).toMatchObject({
      plannedDate: '2025-10-15',
      originalPlannedDate: '2025-08-31',
      slippageDays: 45,
      reannouncements: 1,
    });
    expect(moved.body.dateChanges).toEqual([
      expect.objectContaining({
        oldDate: null,
        newDate: '2025-08-31',
        announcedById: overchuk.id,
        announcedOn: '2025-07-10',
        sourceId: source.id,
        recordedById: analyst.id,
      }),
      expect.objectContaining({
        oldDate: '2025-08-31',
        newDate: '2025-10-15',
        announcedOn: '2025-09-01',
        note: 'Postponed',
      }),
    ]);
    const same = await t.http
      .put(`/api/milestones/${milestone.id}`)
      .set('Cookie', analyst.cookie)
      .send({ titleEn: 'Renamed', version: moved.body.version })
      .expect(200);
    expect(same.body.dateChanges).toHaveLength(2);
    const achieved = await t.http
      .put(`/api/milestones/${milestone.id}`)
      .set('Cookie', analyst.cookie)
      .send({ actualDate: '2025-10-20', state: 'achieved', version: same.body.version })
      .expect(200);
    expect(achieved.body).toMatchObject({ slippageDays: 50, overdue: false });
    await t.http
      .put(`/api/milestones/${milestone.id}`)
      .set('Cookie', steelAnalyst.cookie)
      .send({ titleEn: 'x', version: achieved.body.version })
      .expect(403);
  });

  it('should keep engagements and their decisions, and follow decisions to the next session', async () => {
    const energyInitiative = await makeInitiative(t, analyst.cookie);
    const igc9 = await makeEngagement(t, analyst.cookie, {
      format: 'igc_session',
      sessionNumber: 9,
      forumName: 'Pakistan–Russia IGC',
      initiativeIds: [energyInitiative.id],
    });
    const igc10 = await makeEngagement(t, analyst.cookie, {
      format: 'igc_session',
      sessionNumber: 10,
      previousId: igc9.id,
      startDate: '2025-12-01',
      status: 'planned',
    });
    const decision = await t.http
      .post('/api/decisions')
      .set('Cookie', analyst.cookie)
      .send({
        engagementId: igc9.id,
        textEn: 'Sign the LPG protocol',
        dueDate: '2025-06-30',
        initiativeId: energyInitiative.id,
      })
      .expect(201);
    expect(decision.body).toMatchObject({ state: 'open', overdue: true });
    const reviewed = await t.http
      .put(`/api/decisions/${decision.body.id}`)
      .set('Cookie', analyst.cookie)
      .send({ ...decision.body, state: 'done', reviewedAtId: igc10.id, reviewNoteEn: 'Signed before the 10th session' })
      .expect(200);
    expect(reviewed.body).toMatchObject({ state: 'done', reviewedAtId: igc10.id, overdue: false });
    const followUps = await t.http
      .get('/api/decisions')
      .query({ filter: JSON.stringify({ reviewedAtId: igc10.id }) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(followUps.body.map((d: { id: number }) => d.id)).toEqual([decision.body.id]);
    const steelInitiative = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
    await t.http
      .put(`/api/engagements/${igc9.id}`)
      .set('Cookie', steelAnalyst.cookie)
      .send({ titleEn: 'x', version: igc9.version })
      .expect(403);
    const linkOut = await t.http
      .put(`/api/engagements/${igc10.id}`)
      .set('Cookie', analyst.cookie)
      .send({ initiativeIds: [steelInitiative.id], version: igc10.version })
      .expect(403);
    expect(linkOut.body.code).toBe('FORBIDDEN');
  });

  it('should refuse a second copy of the same article, pointing at the first', async () => {
    const text =
      'اسلام آباد: پاکستان اور روس کے درمیان اسٹیل مل کے قیام کے معاہدے پر دستخط ہو چکے ہیں اور دونوں ممالک نے تعاون بڑھانے پر اتفاق کیا۔';
    const first = await makeSource(t, analyst.cookie, { language: 'ur', text, url: null });
    // The same text with Arabic yeh and kaf, as another site would encode it.
    const variant = text.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    const dup = await t.http
      .post('/api/sources')
      .set('Cookie', analyst.cookie)
      .send({
        kind: 'news',
        publisher: 'Other Site',
        language: 'ur',
        publishedAt: '2025-07-12',
        title: 'Copy',
        text: variant,
      })
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'UNIQUE_VIOLATION', existingId: first.id });
  });

  it('should link evidence to a target in scope only, and keep a stage change’s last source', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const source = await makeSource(t, analyst.cookie);
    const su = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toStage: 'under_negotiation', effectiveAt: '2025-07-10', note: 'x', sourceIds: [source.id] })
      .expect(201);
    const evidence = await t.prisma.evidence.findFirstOrThrow({ where: { statusUpdateId: su.body.id } });
    const last = await t.http.delete(`/api/evidence/${evidence.id}`).set('Cookie', analyst.cookie).expect(422);
    expect(last.body.code).toBe('EVIDENCE_REQUIRED');
    const steel = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
    await t.http
      .post('/api/evidence')
      .set('Cookie', analyst.cookie)
      .send({ sourceId: source.id, initiativeId: steel.id, quote: 'x' })
      .expect(403);
    const ok = await t.http
      .post('/api/evidence')
      .set('Cookie', analyst.cookie)
      .send({ sourceId: source.id, initiativeId: initiative.id, quote: 'Quoted passage' })
      .expect(201);
    expect(ok.body).toMatchObject({ initiativeId: initiative.id, createdById: analyst.id });
    const none = await t.http
      .post('/api/evidence')
      .set('Cookie', analyst.cookie)
      .send({ sourceId: source.id, quote: 'x' })
      .expect(400);
    expect(none.body.errors.initiativeId).toContain('Link the source');
    const inUse = await t.http.delete(`/api/sources/${source.id}`).set('Cookie', analyst.cookie).expect(409);
    expect(inUse.body.code).toBe('IN_USE');
  });

  it('should leave countries and sectors to admins, and refuse removing a sector that is in use', async () => {
    await t.http
      .post('/api/sectors')
      .set('Cookie', analyst.cookie)
      .send({ code: 'agriculture', nameEn: 'Agriculture', nameUr: 'زراعت' })
      .expect(403);
    const created = await t.http
      .post('/api/sectors')
      .set('Cookie', admin.cookie)
      .send({ code: 'agriculture', nameEn: 'Agriculture', nameUr: 'زراعت' })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'agriculture', nameUr: 'زراعت' });
    const steel = await sectorId(t, 'steel');
    const inUse = await t.http.delete(`/api/sectors/${steel}`).set('Cookie', admin.cookie).expect(409);
    expect(inUse.body.code).toBe('IN_USE');
    const pk = await t.http.get('/api/countries/pk').set('Cookie', viewer.cookie).expect(200);
    expect(pk.body).toMatchObject({ id: 'PK', nameEn: 'Pakistan', nameUr: 'پاکستان', nameRu: 'Пакистан' });
    await t.http.put('/api/countries/PK').set('Cookie', analyst.cookie).send({ nameEn: 'x', version: 1 }).expect(403);
  });

  it('should keep saved views per user, shareable, changed only by their owner', async () => {
    const mine = await t.http
      .post('/api/saved-views')
      .set('Cookie', viewer.cookie)
      .send({
        resource: 'initiatives',
        name: 'Energy at risk',
        filter: { sectorId: 2, health: 'at_risk' },
        sort: { field: 'updatedAt', order: 'DESC' },
        shared: true,
      })
      .expect(201);
    const seen = await t.http
      .get('/api/saved-views')
      .query({ filter: JSON.stringify({ resource: 'initiatives' }) })
      .set('Cookie', analyst.cookie)
      .expect(200);
    expect(seen.body.map((v: { id: number }) => v.id)).toContain(mine.body.id);
    await t.http
      .put(`/api/saved-views/${mine.body.id}`)
      .set('Cookie', analyst.cookie)
      .send({ name: 'Mine now', version: 1 })
      .expect(403);
    const secret = await t.http
      .post('/api/saved-views')
      .set('Cookie', viewer.cookie)
      .send({ resource: 'initiatives', name: 'Private', filter: {} })
      .expect(201);
    const others = await t.http.get('/api/saved-views').set('Cookie', analyst.cookie).expect(200);
    expect(others.body.map((v: { id: number }) => v.id)).not.toContain(secret.body.id);
    await t.http.get(`/api/saved-views/${secret.body.id}`).set('Cookie', analyst.cookie).expect(404);
    await t.http.get(`/api/saved-views/${secret.body.id}`).set('Cookie', viewer.cookie).expect(200);
  });

  it('should keep the audit log admin-only and append-only, even for the database owner', async () => {
    await t.http.get('/api/audit-events').set('Cookie', analyst.cookie).expect(403);
    const person = await makePerson(t, analyst.cookie, { nameEn: 'Audited Person' });
    const log = await t.http
      .get('/api/audit-events')
      .query({ filter: JSON.stringify({ entity: 'people', entityId: String(person.id) }) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(log.body).toEqual([
      expect.objectContaining({
        action: 'create',
        actorId: analyst.id,
        actorName: analyst.name,
        after: expect.objectContaining({ nameEn: 'Audited Person' }),
      }),
    ]);
    await expect(t.prisma.$executeRaw`UPDATE audit_events SET action = 'tampered'`).rejects.toThrow(/append-only/);
    await expect(t.prisma.$executeRaw`DELETE FROM audit_events`).rejects.toThrow(/append-only/);
    await expect(t.prisma.$executeRaw`TRUNCATE audit_events`).rejects.toThrow(/append-only/);
    await t.http.post('/api/audit-events').set('Cookie', admin.cookie).send({ action: 'forged' }).expect(404);
  });

  it('should export every matching row as CSV with a BOM and Urdu intact, and as XLSX', async () => {
    const source = await makeSource(t, analyst.cookie);
    for (let n = 0; n < 3; n++)
      await makeInitiative(t, analyst.cookie, { titleEn: `Exported ${n}`, titleUr: `برآمد شدہ منصوبہ ${n}` });
    const csv = await t.http
      .get('/api/initiatives/export')
      .query({ format: 'csv', filter: JSON.stringify({ q: 'Exported' }), sort: JSON.stringify(['titleEn', 'ASC']) })
      .set('Cookie', viewer.cookie)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="initiatives-\d{4}-\d{2}-\d{2}\.csv"/);
    const body = csv.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['id', 'code', 'titleEn', 'titleUr']);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('برآمد شدہ منصوبہ 0');

    const xlsx = await t.http
      .get('/api/sources/export')
      .query({ format: 'xlsx', filter: JSON.stringify({ id: [source.id] }) })
      .set('Cookie', viewer.cookie)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('id');
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(1).value)).toBe(String(source.id));
    await t.http.get('/api/audit-events/export').set('Cookie', viewer.cookie).expect(403);
  });

  it('should flag initiatives stale after the admin-set number of days without evidence published', async () => {
    await t.http.put('/api/settings').set('Cookie', analyst.cookie).send({ staleAfterDays: 5 }).expect(403);
    const bad = await t.http.put('/api/settings').set('Cookie', admin.cookie).send({ staleAfterDays: 0 }).expect(400);
    expect(Object.keys(bad.body.errors)).toEqual(['staleAfterDays']);
    const cite = async (initiativeId: number, publishedAt: string) => {
      const source = await makeSource(t, analyst.cookie, { publishedAt });
      await t.http
        .post('/api/evidence')
        .set('Cookie', analyst.cookie)
        .send({ sourceId: source.id, initiativeId })
        .expect(201);
    };
    const fresh = await makeInitiative(t, analyst.cookie);
    await cite(fresh.id, new Date().toISOString().slice(0, 10));
    // Back-filled today from old news: evidence is as old as its publication, not as its recording.
    const backFilled = await makeInitiative(t, analyst.cookie);
    await cite(backFilled.id, '2025-07-11');
    const steel = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
    await t.http.put('/api/settings').set('Cookie', admin.cookie).send({ staleAfterDays: 30 }).expect(200);
    const get = async (id: number) =>
      (await t.http.get(`/api/initiatives/${id}`).set('Cookie', viewer.cookie).expect(200)).body;
    expect((await get(fresh.id)).stale).toBe(false);
    expect(await get(backFilled.id)).toMatchObject({ stale: true, lastEvidenceAt: '2025-07-11' });
    expect((await get(steel.id)).stale).toBe(true);
    const staleList = await t.http
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ stale: true }) })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(staleList.body.map((i: { id: number }) => i.id)).toContain(steel.id);
    expect(staleList.body.map((i: { id: number }) => i.id)).not.toContain(fresh.id);
    expect((await t.http.get('/api/settings').set('Cookie', viewer.cookie).expect(200)).body).toEqual({
      staleAfterDays: 30,
    });
  });
});
