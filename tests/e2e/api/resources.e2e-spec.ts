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
import { SEARCH_FOLD_VERSION, SOURCE_TEXT_MAX_CHARS } from '@rabta/domain';
import { ensureSearchText } from '../../../apps/api/src/common/search/search-text';
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

  it("should take a source's text by its limit in characters in any script, and name the field beyond it", async () => {
    // Two bytes of UTF-8 a letter: 600,000 Urdu characters are a 1.2 MB body, beyond the usual 1 MiB.
    const unit = 'پاکستان اور روس نے تعاون بڑھانے پر اتفاق کیا۔ ';
    const text = unit.repeat(Math.ceil(600_000 / unit.length)).slice(0, 600_000);
    const body = { kind: 'news', publisher: 'Long Read', language: 'ur', publishedAt: '2025-07-11', title: 'Long' };
    const created = await t.http
      .post('/api/sources')
      .set('Cookie', analyst.cookie)
      .send({ ...body, text })
      .expect(201);
    const edited = await t.http
      .put(`/api/sources/${created.body.id}`)
      .set('Cookie', analyst.cookie)
      .send({ text: `${text.slice(1)}۔`, version: created.body.version })
      .expect(200);
    expect(edited.body.text).toHaveLength(600_000);
    const tooLong = await t.http
      .post('/api/sources')
      .set('Cookie', analyst.cookie)
      .send({ ...body, title: 'Too long', text: 'x'.repeat(SOURCE_TEXT_MAX_CHARS + 1) })
      .expect(400);
    expect(tooLong.body.errors).toHaveProperty('text');
    // Other writes keep the 1 MiB body limit.
    await t.http
      .post('/api/people')
      .set('Cookie', analyst.cookie)
      .send({ nameEn: 'x'.repeat(1_100_000) })
      .expect(413);
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

  it("should list the milestones of initiatives in given sectors (an analyst's pickers for writing)", async () => {
    const energy = await sectorId(t, 'energy');
    const initiative = await makeInitiative(t, analyst.cookie, { sectorIds: [energy] });
    const mine = await makeMilestone(t, analyst.cookie, initiative.id);
    const steel = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
    const list = async (filter: object) =>
      (
        await t.http
          .get('/api/milestones')
          .query({ filter: JSON.stringify(filter), range: '[0,999]' })
          .set('Cookie', analyst.cookie)
          .expect(200)
      ).body as { id: number; initiativeId: number }[];
    const steelMilestones = await list({ initiativeId: steel.id });
    expect(steelMilestones.length).toBeGreaterThan(0);
    const inEnergy = await list({ sectorId: [energy] });
    expect(inEnergy.map((m) => m.id)).toContain(mine.id);
    expect(inEnergy.filter((m) => m.initiativeId === steel.id)).toEqual([]);
    // One sector or several; the steel sector's include the steel mill's.
    const steelSector = await sectorId(t, 'steel');
    expect((await list({ sectorId: steelSector })).map((m) => m.id)).toEqual(
      expect.arrayContaining(steelMilestones.map((m) => m.id)),
    );
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
      reportScheduleMinMinutes: 60,
    });
  });
  it('should give every signed-in user the names of the users, and nothing else of their accounts', async () => {
    for (const who of [viewer, analyst, admin]) {
      const res = await t.http.get('/api/directory').set('Cookie', who.cookie).expect(200);
      expect(res.body).toEqual(expect.arrayContaining([{ id: analyst.id, name: analyst.name }]));
      for (const entry of res.body) expect(Object.keys(entry).sort()).toEqual(['id', 'name']);
    }
    await t.http.get('/api/directory').expect(401);
    // The accounts themselves stay with admins.
    await t.http.get(`/api/users/${analyst.id}`).set('Cookie', viewer.cookie).expect(403);
  });

  it('should cite one passage for several records in one transaction, each target in scope', async () => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const milestone = await makeMilestone(t, analyst.cookie, initiative.id);
    const engagement = await makeEngagement(t, analyst.cookie, { initiativeIds: [initiative.id] });
    const agreement = (
      await t.http
        .post('/api/agreements')
        .set('Cookie', analyst.cookie)
        .send({ kind: 'mou', titleEn: 'Energy MoU', initiativeIds: [initiative.id] })
        .expect(201)
    ).body;
    const source = await makeSource(t, analyst.cookie, { text: 'Both sides agreed to expand energy cooperation.' });
    const quote = 'Both sides agreed to expand energy cooperation.';
    const targets = [
      { initiativeId: initiative.id },
      { milestoneId: milestone.id },
      { engagementId: engagement.id },
      { agreementId: agreement.id },
    ];
    const cite = (body: object, cookie = analyst.cookie, id = source.id) =>
      t.http.post(`/api/sources/${id}/citations`).set('Cookie', cookie).send(body);

    // One target outside the analyst's sectors refuses the whole citation, naming that target.
    const steel = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
    const refused = await cite({ quote, targets: [...targets, { initiativeId: steel.id }] }).expect(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', errors: { 'targets.4.initiativeId': expect.any(String) } });
    const missing = await cite({ quote, targets: [{ milestoneId: 999999 }, ...targets] }).expect(422);
    expect(missing.body).toMatchObject({
      code: 'REFERENCE_NOT_FOUND',
      errors: { 'targets.0.milestoneId': expect.any(String) },
    });
    expect(await t.prisma.evidence.count({ where: { sourceId: source.id } })).toBe(0);

    const created = await cite({ quote, targets }).expect(201);
    expect(created.body).toMatchObject({ sourceId: source.id, quote, existing: 0 });
    expect(created.body.evidenceIds).toHaveLength(4);
    const rows = await t.prisma.evidence.findMany({
      where: { id: { in: created.body.evidenceIds } },
      orderBy: { id: 'asc' },
    });
    expect(
      rows.map((e) => [e.quote, e.initiativeId, e.milestoneId, e.engagementId, e.agreementId, e.createdById]),
    ).toEqual([
      [quote, initiative.id, null, null, null, analyst.id],
      [quote, initiative.id, milestone.id, null, null, analyst.id],
      [quote, null, null, engagement.id, null, analyst.id],
      [quote, null, null, null, agreement.id, analyst.id],
    ]);
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: 'evidence', action: 'create', entityId: { in: created.body.evidenceIds.map(String) } },
      }),
    ).toBe(4);
    // Citing it again for the same records (and a status update) adds only what is new.
    const su = await t.http
      .post(`/api/initiatives/${initiative.id}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({ toHealth: 'on_track', effectiveAt: '2025-07-11', note: 'Going well' })
      .expect(201);
    const again = await cite({ quote, targets: [...targets, { statusUpdateId: su.body.id }] }).expect(201);
    expect(again.body.existing).toBe(4);
    expect(again.body.evidenceIds.slice(0, 4)).toEqual(created.body.evidenceIds);
    const status = (await t.http.get(`/api/status-updates/${su.body.id}`).set('Cookie', viewer.cookie).expect(200))
      .body;
    expect(status.sourceIds).toEqual([source.id]);

    await cite({ quote, targets }, viewer.cookie).expect(403);
    await cite({ quote, targets }, analyst.cookie, 999999).expect(404);
    const bad = await cite({ quote, targets: [{ initiativeId: initiative.id, milestoneId: milestone.id }] }).expect(
      400,
    );
    expect(bad.body.errors['targets.0']).toContain('exactly one');
    await cite({ quote, targets: [] }).expect(400);
  });

  describe('search', () => {
    const ids = async (resource: string, q: string, cookie = viewer.cookie) =>
      (
        await t.http
          .get(`/api/${resource}`)
          .query({ filter: JSON.stringify({ q }) })
          .set('Cookie', cookie)
          .expect(200)
      ).body.map((r: { id: number }) => r.id);

    it('should find the steel mill by the spellings the press uses: no epenthetic alif, plural endings, English plural', async () => {
      const steel = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
      for (const q of ['اسٹیل مل', 'سٹیل', 'سٹیل ملز', 'اسٹیل ملوں', 'Steel Mills', 'steel mill karachi']) {
        expect({ q, found: (await ids('initiatives', q)).includes(steel.id) }).toEqual({ q, found: true });
      }
      const pakSteel = await t.prisma.organization.findFirstOrThrow({ where: { nameUr: 'پاکستان اسٹیل ملز' } });
      for (const q of ['پاکستان سٹیل مل', 'Pakistan Steel Mill']) {
        expect({ q, found: (await ids('organizations', q)).includes(pakSteel.id) }).toEqual({ q, found: true });
      }
      expect(await ids('initiatives', 'سکول')).not.toContain(steel.id);
    });

    it('should search a source by its text as well as its title and publisher, in both scripts', async () => {
      const ur = await t.prisma.source.findFirstOrThrow({ where: { language: 'ur' } });
      const en = await t.prisma.source.findFirstOrThrow({ where: { publisher: 'The News International' } });
      // Words only the texts hold (not the titles): Overchuk's "natural allies", hydropower in Urdu.
      expect(await ids('sources', 'natural allies')).toEqual([en.id]);
      expect(await ids('sources', 'قدرتی اتحادی')).toEqual([ur.id]);
      expect(await ids('sources', 'پن بجلی')).toEqual([ur.id]);
      // The title's plural ملاقاتیں by its singular, and the publisher.
      expect(await ids('sources', 'ملاقات')).toContain(ur.id);
      expect(await ids('sources', 'مشرق نامہ')).toEqual([ur.id]);
      // A text corrected later is searched as it now reads.
      await t.http
        .put(`/api/sources/${en.id}`)
        .set('Cookie', admin.cookie)
        .send({ text: `${en.text} A rail corridor through Termez was mentioned.`, version: en.version })
        .expect(200);
      expect(await ids('sources', 'Termez')).toEqual([en.id]);
    });

    it("should find engagements by their participants' names and agreements by their signatories', in every script", async () => {
      const kl = await t.prisma.engagement.findFirstOrThrow({ where: { placeEn: { contains: 'Kuala Lumpur' } } });
      for (const q of ['Lavrov', 'لاوروف', 'Сергей Лавров', 'Sergei Lavrov', 'اسحاق ڈار']) {
        expect({ q, found: (await ids('engagements', q)).includes(kl.id) }).toEqual({ q, found: true });
      }
      const haroon = await t.prisma.person.findFirstOrThrow({ where: { nameEn: 'Haroon Akhtar Khan' } });
      const signed = await t.http
        .post('/api/agreements')
        .set('Cookie', admin.cookie)
        .send({ kind: 'protocol', titleEn: 'Protocol on steel', signatoryIds: [haroon.id] })
        .expect(201);
      for (const q of ['Haroon Akhtar', 'ہارون اختر']) expect(await ids('agreements', q)).toEqual([signed.body.id]);
      // A new spelling of the person's name finds what names them at once.
      const person = (await t.http.get(`/api/people/${haroon.id}`).set('Cookie', admin.cookie).expect(200)).body;
      await t.http
        .put(`/api/people/${haroon.id}`)
        .set('Cookie', admin.cookie)
        .send({ aliases: [...person.aliases, 'Harun Akhtar'], version: person.version })
        .expect(200);
      expect(await ids('agreements', 'Harun Akhtar')).toEqual([signed.body.id]);
      expect((await ids('engagements', 'Harun Akhtar')).length).toBeGreaterThan(0);
    });

    it("should answer one search box across kinds, for every signed-in user, with an analyst's own sectors first", async () => {
      const res = await t.http.get('/api/search').query({ q: 'سٹیل ملز' }).set('Cookie', analyst.cookie).expect(200);
      const group = (kind: string) =>
        res.body.groups.find((g: { kind: string }) => g.kind === kind) as {
          total: number;
          hits: { id: number; titleEn: string; inScope?: boolean; detail: string | null }[];
        };
      expect(res.body.groups.map((g: { kind: string }) => g.kind)).toEqual([
        'initiatives',
        'people',
        'organizations',
        'engagements',
        'agreements',
        'sources',
      ]);
      expect(group('initiatives').hits).toContainEqual(
        expect.objectContaining({
          titleEn: expect.stringMatching(/steel mill/i),
          detail: 'PK-RU-STEEL-KHI',
          inScope: false,
        }),
      );
      expect(group('organizations').hits.map((h) => h.titleEn)).toContain('Pakistan Steel Mills');
      expect(group('agreements').total).toBeGreaterThan(0);
      expect(group('sources').total).toBeGreaterThan(0);
      // An analyst's own sectors come first.
      const mine = await makeInitiative(t, analyst.cookie, { titleEn: 'Steel mill power supply' });
      const again = await t.http
        .get('/api/search')
        .query({ q: 'steel mill' })
        .set('Cookie', analyst.cookie)
        .expect(200);
      const first = again.body.groups[0].hits[0];
      expect(first).toMatchObject({ id: mine.id, inScope: true });
      await t.http.get('/api/search').query({ q: 'steel' }).expect(401);
      const empty = await t.http.get('/api/search').query({ q: '  ' }).set('Cookie', viewer.cookie).expect(400);
      expect(empty.body.errors.q).toBeDefined();
    });

    it('should rebuild stored search texts once when the folding rules change', async () => {
      const steel = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
      await t.prisma.$executeRaw`UPDATE initiatives SET search_text = 'stale text' WHERE id = ${steel.id}`;
      await t.prisma.setting.update({ where: { key: 'search.fold' }, data: { value: { version: 1 } } });
      await ensureSearchText(t.prisma, t.ctx.logger);
      expect(await ids('initiatives', 'سٹیل ملز')).toContain(steel.id);
      expect((await t.prisma.setting.findUniqueOrThrow({ where: { key: 'search.fold' } })).value).toEqual({
        version: SEARCH_FOLD_VERSION,
      });
    });
  });
});
