import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeInitiative, sectorId } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('initiatives in the simple-rest dialect', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let energyAnalyst: SignedInUser;
  let steel: number;
  let energy: number;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    admin = await signedInUser(t, { role: 'admin' });
    energyAnalyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['energy'] });
    steel = await sectorId(t, 'steel');
    energy = await sectorId(t, 'energy');
  });
  afterAll(() => t.close());

  it('should list with Content-Range, sort, range and a sector filter', async () => {
    const res = await t.http
      .get('/api/initiatives')
      .query({ sort: JSON.stringify(['code', 'ASC']), range: JSON.stringify([0, 2]), filter: JSON.stringify({}) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(res.body.map((i: { code: string }) => i.code)).toEqual(['PK-RU-ENERGY', 'PK-RU-HYDRO', 'PK-RU-LPG']);
    expect(res.headers['content-range']).toBe('initiatives 0-2/6');

    const bySector = await t.http
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ sectorId: steel }) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(bySector.body.map((i: { code: string }) => i.code)).toEqual(['PK-RU-STEEL-KHI']);
    expect(bySector.body[0]).toMatchObject({
      titleEn: 'New steel mill in Karachi',
      titleUr: 'کراچی میں نئی اسٹیل مل',
      stage: 'agreement_signed',
      health: 'on_track',
      sectorIds: [steel],
      countryCodes: ['PK', 'RU'],
      iatiStatus: 1,
      stale: expect.any(Boolean),
      allowedNextStages: expect.arrayContaining(['feasibility', 'implementation']),
    });
  });

  it('should page stably: consecutive pages never repeat or skip a row', async () => {
    const seen: string[] = [];
    for (let start = 0; start < 6; start += 2) {
      const res = await t.http
        .get('/api/initiatives')
        .query({ sort: JSON.stringify(['priority', 'ASC']), range: JSON.stringify([start, start + 1]) })
        .set('Cookie', admin.cookie)
        .expect(200);
      seen.push(...res.body.map((i: { code: string }) => i.code));
    }
    expect(new Set(seen).size).toBe(6);
    const past = await t.http
      .get('/api/initiatives')
      .query({ range: JSON.stringify([100, 124]) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(past.body).toEqual([]);
    expect(past.headers['content-range']).toBe('initiatives */6');
  });

  it('should answer getMany with filter={"id":[…]}', async () => {
    const ids = (await t.prisma.initiative.findMany({ take: 2, select: { id: true } })).map((r) => r.id);
    const res = await t.http
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ id: ids }) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(res.body.map((i: { id: number }) => i.id).sort()).toEqual(ids.sort());
  });

  it.each([
    ['کراچی', 'PK-RU-STEEL-KHI'],
    ['كراچي', 'PK-RU-STEEL-KHI'], // Arabic kaf and yeh
    ['اسٹيل مل', 'PK-RU-STEEL-KHI'], // Arabic yeh
    ['steel', 'PK-RU-STEEL-KHI'],
    ['Karachi stel', 'PK-RU-STEEL-KHI'], // a misspelling, by trigram similarity
    ['ازبکستان', 'UZ-PK-RU-RAIL'],
    ['ایل ‌پی جی', 'PK-RU-LPG'], // with a zero-width non-joiner
  ])('should find %s by q (Urdu normalised like the index)', async (q, code) => {
    const res = await t.http
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ q }) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(res.body.map((i: { code: string }) => i.code)).toContain(code);
  });

  it('should reject unknown filter keys, bad sort fields and oversize ranges with 400 naming the problem', async () => {
    const bad = await t.http
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ colour: 'red' }) })
      .set('Cookie', admin.cookie)
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { 'filter.colour': 'Unknown field' } });
    const sort = await t.http
      .get('/api/initiatives')
      .query({ sort: JSON.stringify(['password', 'ASC']) })
      .set('Cookie', admin.cookie)
      .expect(400);
    expect(sort.body.message).toContain('Cannot sort on password');
    const range = await t.http
      .get('/api/initiatives')
      .query({ range: JSON.stringify([0, 5000]) })
      .set('Cookie', admin.cookie)
      .expect(400);
    expect(range.body.errors.range).toContain('1000');
    const json = await t.http
      .get('/api/initiatives')
      .query({ filter: '{nope' })
      .set('Cookie', admin.cookie)
      .expect(400);
    expect(json.body.errors).toEqual({ filter: 'Not valid JSON' });
  });

  it('should create with an initial status history entry, and refuse a duplicate code', async () => {
    const created = await makeInitiative(t, admin.cookie, {
      code: 'PK-RU-NEW-1',
      stage: 'under_negotiation',
      sectorIds: [energy],
    });
    expect(created).toMatchObject({
      code: 'PK-RU-NEW-1',
      stage: 'under_negotiation',
      health: 'not_assessed',
      version: 1,
      createdById: admin.id,
    });
    const history = await t.prisma.statusUpdate.findMany({ where: { initiativeId: created.id } });
    expect(history).toEqual([
      expect.objectContaining({ fromStage: null, toStage: 'under_negotiation', authorId: admin.id }),
    ]);
    const audit = await t.prisma.auditEvent.findFirst({
      where: { entity: 'initiatives', entityId: String(created.id), action: 'create' },
    });
    expect(audit).toMatchObject({ actorId: admin.id, requestId: expect.any(String) });

    const dup = await t.http
      .post('/api/initiatives')
      .set('Cookie', admin.cookie)
      .send({ code: 'PK-RU-NEW-1', titleEn: 'x', sectorIds: [energy], countryCodes: ['PK'] })
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'UNIQUE_VIOLATION', errors: { code: 'Already exists' } });
  });

  it('should validate create bodies field by field, and refuse fields outside the representation', async () => {
    const res = await t.http
      .post('/api/initiatives')
      .set('Cookie', admin.cookie)
      .send({ code: '', titleEn: '', sectorIds: [], countryCodes: ['Pakistan'] })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.errors)).toEqual(
      expect.arrayContaining(['code', 'titleEn', 'sectorIds', 'countryCodes.0']),
    );
    const extra = await t.http
      .post('/api/initiatives')
      .set('Cookie', admin.cookie)
      .send({ code: 'X-1', titleEn: 'x', sectorIds: [energy], countryCodes: ['PK'], isAdmin: true })
      .expect(400);
    expect(extra.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { isAdmin: 'Unknown field' } });
    const missingRef = await t.http
      .post('/api/initiatives')
      .set('Cookie', admin.cookie)
      .send({ code: 'X-2', titleEn: 'x', sectorIds: [9999], countryCodes: ['PK'] })
      .expect(422);
    expect(missingRef.body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', errors: { sectorIds: 'No sector 9999' } });
    expect(await t.prisma.initiative.count({ where: { code: { in: ['X-1', 'X-2'] } } })).toBe(0);
  });

  it('should take the whole representation back on PUT (read-only and derived fields ignored) or only changes plus version', async () => {
    const created = await makeInitiative(t, admin.cookie);
    const full = (await t.http.get(`/api/initiatives/${created.id}`).set('Cookie', admin.cookie).expect(200)).body;
    const put = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .send({
        ...full,
        titleEn: 'Renamed',
        id: 999,
        createdAt: '2000-01-01T00:00:00Z',
        stale: false,
        iatiStatus: 6,
        createdById: 12345,
      })
      .expect(200);
    expect(put.body).toMatchObject({
      id: created.id,
      titleEn: 'Renamed',
      version: 2,
      createdAt: full.createdAt,
      createdById: admin.id,
    });
    const partial = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .send({ summaryEn: 'Short', version: 2 })
      .expect(200);
    expect(partial.body).toMatchObject({ titleEn: 'Renamed', summaryEn: 'Short', version: 3 });
    const ifMatch = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .set('If-Match', '"3"')
      .send({ priority: 'high' })
      .expect(200);
    expect(ifMatch.body.version).toBe(4);
    const noVersion = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .send({ priority: 'low' })
      .expect(400);
    expect(noVersion.body.code).toBe('VERSION_REQUIRED');
    const unknown = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .send({ version: 4, owner: 'me' })
      .expect(400);
    expect(unknown.body.errors).toEqual({ owner: 'Unknown field' });
  });

  it('should refuse to change stage or health by PUT (status updates only)', async () => {
    const created = await makeInitiative(t, admin.cookie);
    const res = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .send({ stage: 'operational', version: 1 })
      .expect(422);
    expect(res.body.errors.stage).toContain('status update');
    const same = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .send({ stage: 'announced', titleEn: 'Same stage is fine', version: 1 })
      .expect(200);
    expect(same.body.stage).toBe('announced');
  });

  it('should give 409 VERSION_CONFLICT with the current record and who changed it', async () => {
    const created = await makeInitiative(t, admin.cookie);
    await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .send({ titleEn: 'First', version: 1 })
      .expect(200);
    const stale = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', admin.cookie)
      .send({ titleEn: 'Second', version: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { id: created.id, titleEn: 'First', version: 2 },
      changedBy: { id: admin.id, name: admin.name },
      changedAt: expect.any(String),
    });
  });

  it('should archive on DELETE, list archived ones apart, restore by PUT, and let only an admin purge', async () => {
    const created = await makeInitiative(t, admin.cookie, { sectorIds: [energy] });
    const archived = await t.http
      .delete(`/api/initiatives/${created.id}`)
      .set('Cookie', energyAnalyst.cookie)
      .expect(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const live = await t.http
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ q: created.code }) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(live.body).toEqual([]);
    const list = await t.http
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ archived: true }) })
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(list.body.map((i: { id: number }) => i.id)).toContain(created.id);
    const restored = await t.http
      .put(`/api/initiatives/${created.id}`)
      .set('Cookie', energyAnalyst.cookie)
      .send({ archivedAt: null, version: archived.body.version })
      .expect(200);
    expect(restored.body.archivedAt).toBeNull();

    await t.http.delete(`/api/initiatives/${created.id}`).set('Cookie', admin.cookie).expect(200);
    await t.http.delete(`/api/initiatives/${created.id}?purge=true`).set('Cookie', energyAnalyst.cookie).expect(403);
    await t.http.delete(`/api/initiatives/${created.id}?purge=true`).set('Cookie', admin.cookie).expect(200);
    expect(await t.prisma.initiative.findUnique({ where: { id: created.id } })).toBeNull();
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: 'initiatives', entityId: String(created.id), action: 'purge' },
      }),
    ).toBe(1);
  });

  it('should keep an analyst to their sectors: read everything, change only their own', async () => {
    const steelInitiative = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
    await t.http.get(`/api/initiatives/${steelInitiative.id}`).set('Cookie', energyAnalyst.cookie).expect(200);
    const put = await t.http
      .put(`/api/initiatives/${steelInitiative.id}`)
      .set('Cookie', energyAnalyst.cookie)
      .send({ titleEn: 'Hijack', version: steelInitiative.version })
      .expect(403);
    expect(put.body.code).toBe('FORBIDDEN');
    await t.http
      .post('/api/initiatives')
      .set('Cookie', energyAnalyst.cookie)
      .send({ code: 'STEEL-2', titleEn: 'x', sectorIds: [steel], countryCodes: ['PK'] })
      .expect(403);
    const mine = await makeInitiative(t, energyAnalyst.cookie, { sectorIds: [energy] });
    const widen = await t.http
      .put(`/api/initiatives/${mine.id}`)
      .set('Cookie', energyAnalyst.cookie)
      .send({ sectorIds: [energy, steel], version: 1 })
      .expect(403);
    expect(widen.body.code).toBe('FORBIDDEN');
    expect((await t.prisma.initiative.findUniqueOrThrow({ where: { id: steelInitiative.id } })).titleEn).toBe(
      'New steel mill in Karachi',
    );
  });

  it('should return 404 for a missing initiative and 400 for a malformed id', async () => {
    const missing = await t.http.get('/api/initiatives/987654').set('Cookie', admin.cookie).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const bad = await t.http.get('/api/initiatives/abc').set('Cookie', admin.cookie).expect(400);
    expect(bad.body.errors).toEqual({ id: 'Must be a positive integer' });
  });
});
