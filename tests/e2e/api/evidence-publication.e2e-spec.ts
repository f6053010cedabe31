import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeInitiative, makeSource } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import { csvTable, download, generate, readCsv } from '../reports/support';

// Evidence is dated by its source's publication, not by when an analyst typed it in. An analyst back-filling the
// 2025 news today must not make old initiatives look fresh, and a view as of a date shows no source published
// after that date nor any evidence recorded after its knownAt. The demo story (apps/api/src/seed/demo.ts): the steel
// mill's evidence is the press of 11 July 2025, recorded that day.

describe('publication-dated evidence and as-of', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  let viewer: SignedInUser;
  let steelId: number;
  const today = new Date().toISOString().slice(0, 10);

  const initiative = async (id: number, query: Record<string, string> = {}) =>
    (await t.http.get(`/api/initiatives/${id}`).query(query).set('Cookie', viewer.cookie).expect(200)).body as {
      lastEvidenceAt: string | null;
      stale: boolean;
    };
  const dashboard = async (query: Record<string, string> = {}) =>
    (await t.http.get('/api/dashboard').query(query).set('Cookie', viewer.cookie).expect(200)).body;
  const cite = async (initiativeId: number, publishedAt: string, title: string) => {
    const source = await makeSource(t, analyst.cookie, { publishedAt, title });
    await t.http
      .post('/api/evidence')
      .set('Cookie', analyst.cookie)
      .send({ sourceId: source.id, initiativeId, quote: title })
      .expect(201);
    return source;
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    analyst = await signedInUser(t, { role: 'analyst' });
    viewer = await signedInUser(t, { role: 'viewer' });
    steelId = (await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } })).id;
  });
  afterAll(() => t.close());

  it('should date last evidence and staleness by publication: back-filled news does not make an initiative fresh', async () => {
    const staleBefore = (await dashboard()).totals.stale;
    const backFilled = await makeInitiative(t, analyst.cookie);
    const staleWithNew = (await dashboard()).totals.stale;
    expect(staleWithNew).toBe(staleBefore + 1);

    await cite(backFilled.id, '2025-05-20', 'Energy talks resume');
    expect(await initiative(backFilled.id)).toMatchObject({ lastEvidenceAt: '2025-05-20', stale: true });
    expect((await dashboard()).totals.stale).toBe(staleWithNew);

    const latest = await cite(backFilled.id, today, 'Energy agreement initialled');
    expect(await initiative(backFilled.id)).toMatchObject({ lastEvidenceAt: today, stale: false });
    // A corrected publication date reaches the evidence at once (the date is kept beside it by the database).
    const corrected = await t.http
      .put(`/api/sources/${latest.id}`)
      .set('Cookie', analyst.cookie)
      .send({ publishedAt: '2025-06-30', version: latest.version })
      .expect(200);
    expect(await initiative(backFilled.id)).toMatchObject({ lastEvidenceAt: '2025-06-30', stale: true });
    await t.http
      .put(`/api/sources/${latest.id}`)
      .set('Cookie', analyst.cookie)
      .send({ publishedAt: today, version: corrected.body.version })
      .expect(200);
    expect((await dashboard()).totals.stale).toBe(staleWithNew - 1);
    const newest = await t.http
      .get('/api/initiatives')
      .query({ filter: '{"stale":false}', sort: '["lastEvidenceAt","DESC"]', range: '[0,0]' })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(newest.body[0].id).toBe(backFilled.id);
  });

  it('should show in a view only evidence published by its date and recorded by its knownAt', async () => {
    // Today, an analyst cites for the steel mill a report published on 20 May 2025.
    const recordedBefore = new Date().toISOString();
    await cite(steelId, '2025-05-20', 'Steel mill financing under discussion');

    expect((await initiative(steelId)).lastEvidenceAt).toBe('2025-07-11');
    // As of 1 June 2025 the July press did not exist; the May report did (as known now, not as known before today).
    expect(await initiative(steelId, { asOf: '2025-06-01' })).toMatchObject({ lastEvidenceAt: '2025-05-20' });
    expect(await initiative(steelId, { asOf: '2025-06-01', knownAt: recordedBefore })).toMatchObject({
      lastEvidenceAt: null,
      stale: true,
    });
    expect((await initiative(steelId, { asOf: '2025-07-31' })).lastEvidenceAt).toBe('2025-07-11');

    const june = await dashboard({ asOf: '2025-06-01' });
    const steel = june.staleInitiatives.find((i: { id: number }) => i.id === steelId);
    // Fresh enough on 1 June (90 days), so not listed; nothing listed carries evidence from after that day.
    expect(steel).toBeUndefined();
    for (const i of june.staleInitiatives as { lastEvidenceAt: string | null }[])
      if (i.lastEvidenceAt) expect(i.lastEvidenceAt <= '2025-06-01').toBe(true);

    const timeline = (
      await t.http
        .get(`/api/initiatives/${steelId}/timeline`)
        .query({ asOf: '2025-06-01' })
        .set('Cookie', viewer.cookie)
        .expect(200)
    ).body as { type: string; date: string; titleEn: string }[];
    const published = timeline.filter((i) => i.type === 'evidence');
    expect(published.map((i) => i.date)).toEqual(['2025-05-20']);

    // The initiative brief as of 1 June: its evidence and the sources of its history were published by then. The
    // agreement of 13 May is in the history (effective then, as known now) but its press of 11 July is not cited.
    const report = await generate(t, viewer.cookie, {
      kind: 'initiative',
      params: { initiativeId: steelId, asOf: '2025-06-01' },
      format: 'csv',
      language: 'en',
    });
    expect(report).toMatchObject({ status: 'done', error: null });
    const rows = readCsv((await download(t, viewer.cookie, report.id)).body);
    expect(csvTable(rows, 'Evidence').map((r) => r.Published)).toEqual(['2025-05-20']);
    const history = csvTable(rows, 'Stage and health history');
    expect(history.map((r) => r.Effective)).toEqual(['2025-02-20', '2025-05-13']);
    expect(history.every((r) => !r.Evidence.includes('2025-07-11'))).toBe(true);
  });
});
