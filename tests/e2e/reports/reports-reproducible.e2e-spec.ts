import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeEngagement, makeInitiative, makeSource, sectorId } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  announcePdfSkip,
  CAN_TEST_PDF,
  csvFact,
  csvTable,
  download,
  generate,
  readCsv,
  type ReportRecord,
} from './support';

// Reports as of a date and as known at a moment, on the demo story's two clocks: the Karachi steel-mill agreement was
// signed on 13 May 2025 but Rabta learned it from the press on 11 July. And reproducibility: a report generated
// again with its stored parameters (knownAt included) is the same file — checksum for checksum — even after data
// with older effective dates has been recorded since, and records have been edited since.

announcePdfSkip();

describe('reports as of a date, as known at a moment', () => {
  let t: TestApp;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    viewer = await signedInUser(t, { role: 'viewer' });
  });
  afterAll(() => t.close());

  const steelRow = async (params: Record<string, unknown>) => {
    const report = await generate(t, viewer.cookie, { kind: 'portfolio', params, format: 'csv', language: 'en' });
    const rows = readCsv((await download(t, viewer.cookie, report.id)).body);
    return { rows, steel: csvTable(rows, 'Sector: Steel')[0] };
  };

  it('as of 1 June 2025, known at 1 June 2025: the steel mill was under negotiation', async () => {
    const { rows, steel } = await steelRow({ asOf: '2025-06-01', knownAt: '2025-06-01' });
    expect(steel).toMatchObject({
      Code: 'PK-RU-STEEL-KHI',
      Stage: 'Under negotiation',
      Health: 'Not assessed',
      'Update date': '2025-02-20',
    });
    // Only the two initiatives whose history had begun: energy (February) and steel.
    expect(csvFact(rows, 'Initiatives')).toBe('2');
    expect(csvFact(rows, 'As known at')).toBe('2025-06-01T23:59:59.999Z');
  });

  it('as of 1 June 2025, known now: the agreement of 13 May was signed', async () => {
    const { rows, steel } = await steelRow({ asOf: '2025-06-01' });
    expect(steel).toMatchObject({ Stage: 'Agreement signed', Health: 'On track', 'Update date': '2025-05-13' });
    expect(csvFact(rows, 'Initiatives')).toBe('2');
    // What changed in May (the default period is the 30 days before): the signing.
    expect(csvTable(rows, 'What changed since the previous period')).toEqual([
      expect.objectContaining({
        Code: 'PK-RU-STEEL-KHI',
        'Stage before': 'Under negotiation',
        'Stage now': 'Agreement signed',
        Effective: '2025-05-13',
      }),
    ]);
  });

  it('known at 11 July 2025 08:00 (before the press report was recorded at 08:30) and at 09:00', async () => {
    expect((await steelRow({ asOf: '2025-06-01', knownAt: '2025-07-11T08:00:00Z' })).steel.Stage).toBe(
      'Under negotiation',
    );
    expect((await steelRow({ asOf: '2025-06-01', knownAt: '2025-07-11T09:00:00Z' })).steel.Stage).toBe(
      'Agreement signed',
    );
  });
});

describe('reproducible reports', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  let ids: { steel: number; rail: number; overchuk: number; decision: number };
  const formats = ['csv', 'xlsx', 'html', ...(CAN_TEST_PDF ? ['pdf'] : [])];

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    analyst = await signedInUser(t, { role: 'analyst' });
    const code = async (c: string) => (await t.prisma.initiative.findUniqueOrThrow({ where: { code: c } })).id;
    const overchuk = (await t.prisma.engagement.findFirstOrThrow({ where: { titleEn: { contains: 'Overchuk' } } })).id;
    ids = {
      steel: await code('PK-RU-STEEL-KHI'),
      rail: await code('UZ-PK-RU-RAIL'),
      overchuk,
      decision: (await t.prisma.decision.findFirstOrThrow({ where: { engagementId: overchuk } })).id,
    };
  });
  afterAll(() => t.close());

  it('should give the same file (same checksum) with the same parameters after back-dated records and edits', async () => {
    const requests = (): Record<string, unknown>[] =>
      formats.flatMap((format) => [
        { kind: 'portfolio', params: { asOf: '2025-09-30' }, format, language: 'ur' },
        { kind: 'initiative', params: { initiativeId: ids.steel, asOf: '2025-09-30' }, format, language: 'en' },
        { kind: 'changes', params: { from: '2025-05-01', to: '2025-09-30' }, format, language: 'en' },
        {
          kind: 'engagement_followup',
          params: { engagementId: ids.overchuk, asOf: '2025-09-30' },
          format,
          language: 'ur',
        },
      ]);
    const first: ReportRecord[] = [];
    for (const body of requests()) first.push(await generate(t, analyst.cookie, body));
    expect(first.every((r) => r.status === 'done')).toBe(true);
    await new Promise((r) => setTimeout(r, 20));

    // Recorded after those reports, effective before their dates:
    const source = await makeSource(t, analyst.cookie, {
      publishedAt: '2025-06-10',
      title: 'Steel mill financing stalls',
    });
    // a health change of the steel mill effective in June,
    await t.http
      .post(`/api/initiatives/${ids.steel}/status-updates`)
      .set('Cookie', analyst.cookie)
      .send({
        toHealth: 'at_risk',
        effectiveAt: '2025-06-15T09:00:00Z',
        note: 'Financing stalls',
        sourceIds: [source.id],
      })
      .expect(201);
    // a new initiative whose history begins in March,
    await makeInitiative(t, analyst.cookie, {
      titleEn: 'Late-recorded initiative',
      sectorIds: [await sectorId(t, 'steel')],
      effectiveAt: '2025-03-01T00:00:00Z',
    });
    // a meeting held in August,
    await makeEngagement(t, analyst.cookie, {
      titleEn: 'Late-recorded meeting',
      startDate: '2025-08-20',
      initiativeIds: [ids.steel],
    });
    // the pilot train re-announced in September,
    const pilot = await t.prisma.milestone.findFirstOrThrow({ where: { initiativeId: ids.rail } });
    await t.http
      .put(`/api/milestones/${pilot.id}`)
      .set('Cookie', analyst.cookie)
      .send({ plannedDate: '2025-12-15', version: pilot.version, announcement: { announcedOn: '2025-09-10' } })
      .expect(200);
    // and edits in place: the pilot-train decision marked done, the steel mill renamed.
    const decision = (await t.http.get(`/api/decisions/${ids.decision}`).set('Cookie', analyst.cookie).expect(200))
      .body;
    await t.http
      .put(`/api/decisions/${ids.decision}`)
      .set('Cookie', analyst.cookie)
      .send({ state: 'done', reviewNoteEn: 'Ran at last', version: decision.version })
      .expect(200);
    const steel = (await t.http.get(`/api/initiatives/${ids.steel}`).set('Cookie', analyst.cookie).expect(200)).body;
    await t.http
      .put(`/api/initiatives/${ids.steel}`)
      .set('Cookie', analyst.cookie)
      .send({ titleEn: 'Karachi steel mill (renamed)', version: steel.version })
      .expect(200);

    for (const [i, r] of first.entries()) {
      const again = await generate(t, analyst.cookie, {
        kind: r.kind,
        params: r.params,
        format: r.format,
        language: r.language,
      });
      expect({
        kind: r.kind,
        format: r.format,
        status: again.status,
        checksum: again.checksum,
        size: again.size,
      }).toEqual({ kind: r.kind, format: r.format, status: 'done', checksum: first[i].checksum, size: first[i].size });
      expect(
        (await download(t, analyst.cookie, again.id)).body.equals((await download(t, analyst.cookie, r.id)).body),
      ).toBe(true);
    }

    // The same requests known now do see the new records: the checksums above could have differed.
    const now = requests().filter((b) => b.format === 'csv');
    const changed: string[] = [];
    for (const body of now) {
      const fresh = await generate(t, analyst.cookie, body);
      const before = first.find((r) => r.kind === body.kind && r.format === 'csv')!;
      if (fresh.checksum !== before.checksum) changed.push(String(body.kind));
    }
    expect(changed.sort()).toEqual(['changes', 'engagement_followup', 'initiative', 'portfolio']);
    const latest = await generate(t, analyst.cookie, {
      kind: 'initiative',
      params: { initiativeId: ids.steel, asOf: '2025-09-30' },
      format: 'csv',
      language: 'en',
    });
    const rows = readCsv((await download(t, analyst.cookie, latest.id)).body);
    expect(csvFact(rows, 'Title')).toBe('Karachi steel mill (renamed)');
    expect(csvFact(rows, 'Health')).toBe('At risk');
  }, 240_000); // 32 reports, PDFs through Chromium: over a minute when the machine is shared
});
