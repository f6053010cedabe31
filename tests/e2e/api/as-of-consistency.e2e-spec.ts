import { isActiveStage, type Health, type InitiativeStage } from '@rabta/domain';
import { labelsFor } from '../../../apps/api/src/modules/reports/i18n';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeEngagement, makeInitiative, makeMilestone, makeSource, sectorId } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import { csvFact, csvTable, download, generate, readCsv } from '../reports/support';

// One scripted history, read as of the same dates and as known at the same moments through every surface: the
// initiative list and record, the milestone list, the timeline, the dashboard, and each kind of report. They must
// agree on stages, health, milestone dates and states, decision states and counts, and show nothing that happened
// after the view's date or was recorded after its knownAt.
//
// Known at K1 (before the second half of the script is recorded):
//   A  under negotiation from 20 Feb 2025, on track from 10 Mar (source published 10 Mar);
//      milestones "Site survey" due 31 May, "Groundbreaking" due 31 Aug, "Feasibility study" due 30 Apr (cancelled);
//      meeting of 10 Apr 2025 decides "Draft the financing plan" by 31 May; a meeting of 1 Aug decides something else.
//   B  announced 15 Feb 2025, suspended from 1 Apr.
//   D  announced 1 Mar 2025 (archived later).
// Recorded after K1:
//   A  agreement signed on 13 May 2025 (from a source published 11 Jul), renamed;
//      "Site survey" re-announced on 20 Jun for 30 Sep; "Groundbreaking" delivered on 20 Aug; the decision done.
//   B  back-filled evidence published 20 May 2025; moved to two sectors.
//   C  a new initiative whose history begins 1 Mar 2025.
//   D  archived.

const l = labelsFor('en');
const stageOfLabel = Object.fromEntries(Object.entries(l.enums.stage).map(([k, v]) => [v, k])) as Record<
  string,
  InitiativeStage
>;
const healthOfLabel = Object.fromEntries(Object.entries(l.enums.health).map(([k, v]) => [v, k])) as Record<
  string,
  Health
>;
const milestoneStateOfLabel = Object.fromEntries(Object.entries(l.enums.milestone_state).map(([k, v]) => [v, k]));
const decisionStateOfLabel = Object.fromEntries(Object.entries(l.enums.decision_state).map(([k, v]) => [v, k]));

interface Facts {
  stages: Record<string, { stage: InitiativeStage; health: Health }>;
  counts: { initiatives: number; active: number; atRisk: number; offTrack: number; overdueMilestones: number };
  byStage: Record<string, number>;
  milestones: Record<string, { plannedDate: string | null; state: string; overdue: boolean }>;
  decisions: Record<string, string>;
}

describe('one model of time: every surface reads a view alike', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  let viewer: SignedInUser;
  const id: Record<string, number> = {};
  let K1: string;
  let K2: string;

  const iso = () => new Date().toISOString();
  /** The next recorded moment is strictly after this one (timestamps have millisecond precision). */
  const tick = () => {
    const at = Date.now();
    while (Date.now() <= at + 2);
  };

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await signedInUser(t, { role: 'analyst' });
    viewer = await signedInUser(t, { role: 'viewer' });
    const steel = await sectorId(t, 'steel');
    const energy = await sectorId(t, 'energy');
    const status = (initiative: number, body: Record<string, unknown>) =>
      t.http.post(`/api/initiatives/${initiative}/status-updates`).set('Cookie', analyst.cookie).send(body).expect(201);
    const announce = (on: string) => ({ announcement: { announcedOn: on } });

    // ------------------------------------------------------------------ known at K1
    const a = await makeInitiative(t, analyst.cookie, {
      code: 'A-STEEL',
      titleEn: 'Steel mill',
      sectorIds: [steel],
      stage: 'under_negotiation',
      effectiveAt: '2025-02-20T09:00:00Z',
    });
    const b = await makeInitiative(t, analyst.cookie, {
      code: 'B-ENERGY',
      sectorIds: [energy],
      effectiveAt: '2025-02-15T09:00:00Z',
    });
    const d = await makeInitiative(t, analyst.cookie, {
      code: 'D-ARCHIVED',
      sectorIds: [steel],
      effectiveAt: '2025-03-01T09:00:00Z',
    });
    Object.assign(id, { A: a.id, B: b.id, D: d.id });
    const early = await makeSource(t, analyst.cookie, { publishedAt: '2025-03-10', title: 'Talks go well' });
    await status(a.id, {
      toHealth: 'on_track',
      effectiveAt: '2025-03-10T09:00:00Z',
      note: 'Talks go well',
      sourceIds: [early.id],
    });
    const suspension = await makeSource(t, analyst.cookie, { publishedAt: '2025-04-01', title: 'Energy talks paused' });
    await status(b.id, {
      toStage: 'suspended',
      effectiveAt: '2025-04-01T09:00:00Z',
      note: 'Paused',
      sourceIds: [suspension.id],
    });
    const survey = await makeMilestone(t, analyst.cookie, a.id, {
      titleEn: 'Site survey',
      plannedDate: '2025-05-31',
      ...announce('2025-02-20'),
    });
    const ground = await makeMilestone(t, analyst.cookie, a.id, {
      titleEn: 'Groundbreaking',
      plannedDate: '2025-08-31',
      ...announce('2025-02-20'),
    });
    await makeMilestone(t, analyst.cookie, a.id, {
      titleEn: 'Feasibility study',
      plannedDate: '2025-04-30',
      state: 'cancelled',
      ...announce('2025-02-20'),
    });
    const april = await makeEngagement(t, analyst.cookie, {
      titleEn: 'April talks',
      startDate: '2025-04-10',
      initiativeIds: [a.id],
    });
    const august = await makeEngagement(t, analyst.cookie, {
      titleEn: 'August talks',
      startDate: '2025-08-01',
      initiativeIds: [a.id],
    });
    const plan = (
      await t.http
        .post('/api/decisions')
        .set('Cookie', analyst.cookie)
        .send({ engagementId: april.id, textEn: 'Draft the financing plan', dueDate: '2025-05-31', initiativeId: a.id })
        .expect(201)
    ).body;
    await t.http
      .post('/api/decisions')
      .set('Cookie', analyst.cookie)
      .send({ engagementId: august.id, textEn: 'Order the blast furnace', dueDate: '2025-09-15', initiativeId: a.id })
      .expect(201);
    Object.assign(id, { april: april.id, august: august.id });
    tick();
    K1 = iso();
    tick();

    // ------------------------------------------------------------------ recorded after K1
    const signing = await makeSource(t, analyst.cookie, {
      publishedAt: '2025-07-11',
      title: 'Steel mill agreement signed',
    });
    await status(a.id, {
      toStage: 'agreement_signed',
      effectiveAt: '2025-05-13T09:00:00Z',
      note: 'Signed on 13 May',
      sourceIds: [signing.id],
    });
    const backFilled = await makeSource(t, analyst.cookie, {
      publishedAt: '2025-05-20',
      title: 'Energy: still paused',
    });
    await t.http
      .post('/api/evidence')
      .set('Cookie', analyst.cookie)
      .send({ sourceId: backFilled.id, initiativeId: b.id })
      .expect(201);
    const c = await makeInitiative(t, analyst.cookie, {
      code: 'C-LATE',
      sectorIds: [steel],
      effectiveAt: '2025-03-01T09:00:00Z',
    });
    id.C = c.id;
    await t.http.delete(`/api/initiatives/${d.id}`).set('Cookie', analyst.cookie).expect(200);
    const aNow = (await t.http.get(`/api/initiatives/${a.id}`).set('Cookie', analyst.cookie).expect(200)).body;
    await t.http
      .put(`/api/initiatives/${a.id}`)
      .set('Cookie', analyst.cookie)
      .send({ titleEn: 'Karachi steel mill', version: aNow.version })
      .expect(200);
    const bNow = (await t.http.get(`/api/initiatives/${b.id}`).set('Cookie', analyst.cookie).expect(200)).body;
    await t.http
      .put(`/api/initiatives/${b.id}`)
      .set('Cookie', analyst.cookie)
      .send({ sectorIds: [steel, energy], version: bNow.version })
      .expect(200);
    await t.http
      .put(`/api/milestones/${survey.id}`)
      .set('Cookie', analyst.cookie)
      .send({ plannedDate: '2025-09-30', version: survey.version, ...announce('2025-06-20') })
      .expect(200);
    await t.http
      .put(`/api/milestones/${ground.id}`)
      .set('Cookie', analyst.cookie)
      .send({ state: 'achieved', actualDate: '2025-08-20', version: ground.version })
      .expect(200);
    await t.http
      .put(`/api/decisions/${plan.id}`)
      .set('Cookie', analyst.cookie)
      .send({ state: 'done', version: plan.version })
      .expect(200);
    tick();
    K2 = iso();
  });
  afterAll(() => t.close());

  const get = async (path: string, query: Record<string, string>) =>
    t.http.get(path).query(query).set('Cookie', viewer.cookie).expect(200);

  /** What the analyst API says: the initiative list and records, the milestone list, the timeline. */
  async function apiFacts(query: Record<string, string>): Promise<Facts & { raw: Record<string, unknown> }> {
    const list = await get('/api/initiatives', { ...query, sort: '["code","ASC"]', range: '[0,99]' });
    const rows = list.body as {
      id: number;
      code: string;
      stage: InitiativeStage;
      health: Health;
      lastEvidenceAt: string | null;
    }[];
    for (const r of rows) expect((await get(`/api/initiatives/${r.id}`, query)).body).toEqual(r);
    const milestones = (await get('/api/milestones', { ...query, filter: JSON.stringify({ initiativeId: id.A }) }))
      .body as {
      titleEn: string;
      plannedDate: string | null;
      state: string;
      overdue: boolean;
      actualDate: string | null;
    }[];
    const overdue = await get('/api/milestones', { ...query, filter: '{"overdue":true}' });
    const timeline = (await get(`/api/initiatives/${id.A}/timeline`, query)).body as {
      type: string;
      date: string;
      titleEn: string;
      data: Record<string, unknown>;
    }[];
    // The timeline's milestones agree with the milestone list.
    for (const item of timeline.filter((i) => i.type === 'milestone')) {
      const m = milestones.find((x) => x.titleEn === item.titleEn)!;
      expect({ title: item.titleEn, state: item.data.state, planned: item.data.plannedDate }).toEqual({
        title: m.titleEn,
        state: m.state,
        planned: m.plannedDate,
      });
    }
    const byStage: Record<string, number> = {};
    for (const r of rows) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
    return {
      stages: Object.fromEntries(rows.map((r) => [r.code, { stage: r.stage, health: r.health }])),
      counts: {
        initiatives: Number(list.headers['content-range'].split('/')[1]),
        active: rows.filter((r) => isActiveStage(r.stage)).length,
        atRisk: rows.filter((r) => r.health === 'at_risk').length,
        offTrack: rows.filter((r) => r.health === 'off_track').length,
        overdueMilestones: Number(overdue.headers['content-range'].split('/')[1]),
      },
      byStage,
      milestones: Object.fromEntries(
        milestones.map((m) => [m.titleEn, { plannedDate: m.plannedDate, state: m.state, overdue: m.overdue }]),
      ),
      decisions: Object.fromEntries(
        timeline.filter((i) => i.type === 'decision').map((i) => [i.titleEn, String(i.data.state)]),
      ),
      raw: { rows, milestones, timeline },
    };
  }

  async function dashboardFacts(query: Record<string, string>) {
    return (await get('/api/dashboard', query)).body as {
      totals: Facts['counts'] & { stale: number };
      byStage: Record<string, number>;
      recentChanges: { effectiveAt: string; recordedAt: string; code: string }[];
      staleInitiatives: { lastEvidenceAt: string | null }[];
    };
  }

  async function csv(kind: string, params: Record<string, unknown>): Promise<string[][]> {
    const report = await generate(t, viewer.cookie, { kind, params, format: 'csv', language: 'en' });
    expect(report).toMatchObject({ status: 'done', error: null });
    return readCsv((await download(t, viewer.cookie, report.id)).body);
  }

  async function reportFacts(asOf: string, knownAt: string) {
    const portfolio = await csv('portfolio', { asOf, knownAt });
    const stages: Facts['stages'] = {};
    for (const sector of ['Steel', 'Energy']) {
      const rows = (() => {
        try {
          return csvTable(portfolio, l.sections.sector(sector));
        } catch {
          return [];
        }
      })();
      for (const r of rows)
        stages[r[l.cols.code]] = { stage: stageOfLabel[r[l.cols.stage]], health: healthOfLabel[r[l.cols.health]] };
    }
    const byStage = Object.fromEntries(
      csvTable(portfolio, l.sections.byStage)
        .filter((r) => r[l.cols.count] !== '0')
        .map((r) => [stageOfLabel[r[l.cols.stage]], Number(r[l.cols.count])]),
    );
    const fact = (label: string) => Number(csvFact(portfolio, label));
    const brief = await csv('initiative', { initiativeId: id.A, asOf, knownAt });
    const milestones = Object.fromEntries(
      csvTable(brief, l.sections.milestones).map((r) => {
        const [label, late] = r[l.cols.state].split(' · ');
        return [
          r[l.cols.milestone],
          { plannedDate: r[l.cols.planned] || null, state: milestoneStateOfLabel[label], overdue: !!late },
        ];
      }),
    );
    const decisions: Record<string, string> = {};
    for (const engagementId of [id.april, id.august]) {
      const followUp = await csv('engagement_followup', { engagementId, asOf, knownAt });
      for (const r of csvTable(followUp, l.sections.decisions))
        decisions[r[l.cols.decision]] = decisionStateOfLabel[r[l.cols.stateNow]];
    }
    const changes = await csv('changes', { from: '2025-01-01', to: asOf, knownAt });
    return {
      facts: {
        stages,
        counts: {
          initiatives: fact(l.facts.initiatives),
          active: fact(l.facts.active),
          atRisk: fact(l.facts.atRisk),
          offTrack: fact(l.facts.offTrack),
          overdueMilestones: fact(l.facts.overdueMilestones),
        },
        byStage,
        milestones,
        decisions,
      } satisfies Facts,
      brief: {
        stage: stageOfLabel[csvFact(brief, l.facts.stage)!],
        health: healthOfLabel[csvFact(brief, l.facts.health)!],
      },
      tables: { portfolio, brief, changes },
    };
  }

  const VIEWS: { name: string; asOf: string; knownAt: () => string }[] = [
    { name: 'as of 1 June 2025, as known at K1', asOf: '2025-06-01', knownAt: () => K1 },
    { name: 'as of 1 June 2025, as known now', asOf: '2025-06-01', knownAt: () => K2 },
    { name: 'as of 30 September 2025, as known at K1', asOf: '2025-09-30', knownAt: () => K1 },
  ];

  /** What each view must show: the script's answers, so that agreement cannot come from every surface being empty. */
  const EXPECTED: Record<string, Pick<Facts, 'stages' | 'milestones' | 'decisions'> & { overdue: number }> = {
    'as of 1 June 2025, as known at K1': {
      stages: {
        'A-STEEL': { stage: 'under_negotiation', health: 'on_track' },
        'B-ENERGY': { stage: 'suspended', health: 'not_assessed' },
        'D-ARCHIVED': { stage: 'announced', health: 'not_assessed' },
      },
      milestones: {
        'Site survey': { plannedDate: '2025-05-31', state: 'planned', overdue: true },
        Groundbreaking: { plannedDate: '2025-08-31', state: 'planned', overdue: false },
        'Feasibility study': { plannedDate: '2025-04-30', state: 'cancelled', overdue: false },
      },
      decisions: { 'Draft the financing plan': 'overdue' },
      overdue: 1,
    },
    'as of 1 June 2025, as known now': {
      stages: {
        'A-STEEL': { stage: 'agreement_signed', health: 'on_track' },
        'B-ENERGY': { stage: 'suspended', health: 'not_assessed' },
        'C-LATE': { stage: 'announced', health: 'not_assessed' },
      },
      milestones: {
        // Re-announced on 20 June: not yet on 1 June. Delivered on 20 August: in progress on 1 June.
        'Site survey': { plannedDate: '2025-05-31', state: 'planned', overdue: true },
        Groundbreaking: { plannedDate: '2025-08-31', state: 'in_progress', overdue: false },
        'Feasibility study': { plannedDate: '2025-04-30', state: 'cancelled', overdue: false },
      },
      decisions: { 'Draft the financing plan': 'done' },
      overdue: 1,
    },
    'as of 30 September 2025, as known at K1': {
      stages: {
        'A-STEEL': { stage: 'under_negotiation', health: 'on_track' },
        'B-ENERGY': { stage: 'suspended', health: 'not_assessed' },
        'D-ARCHIVED': { stage: 'announced', health: 'not_assessed' },
      },
      milestones: {
        'Site survey': { plannedDate: '2025-05-31', state: 'planned', overdue: true },
        Groundbreaking: { plannedDate: '2025-08-31', state: 'planned', overdue: true },
        'Feasibility study': { plannedDate: '2025-04-30', state: 'cancelled', overdue: false },
      },
      decisions: { 'Draft the financing plan': 'overdue', 'Order the blast furnace': 'overdue' },
      overdue: 2,
    },
  };

  it.each(VIEWS.map((v) => [v.name, v]))('%s: the API, the dashboard and every report agree', async (_name, v) => {
    const knownAt = v.knownAt();
    const query = { asOf: v.asOf, knownAt };
    const api = await apiFacts(query);
    const dashboard = await dashboardFacts(query);
    const report = await reportFacts(v.asOf, knownAt);
    const expected = EXPECTED[v.name];

    // The script's answers, in the API…
    expect(api.stages).toEqual(expected.stages);
    expect(api.milestones).toEqual(expected.milestones);
    expect(api.decisions).toEqual(expected.decisions);
    expect(api.counts.overdueMilestones).toBe(expected.overdue);
    // …the same in the dashboard…
    expect(dashboard.totals).toMatchObject(api.counts);
    expect(Object.fromEntries(Object.entries(dashboard.byStage).filter(([, n]) => n > 0))).toEqual(api.byStage);
    // …and in each report.
    expect(report.facts.stages).toEqual(api.stages);
    expect(report.facts.counts).toEqual(api.counts);
    expect(report.facts.byStage).toEqual(api.byStage);
    expect(report.facts.milestones).toEqual(api.milestones);
    expect(report.facts.decisions).toEqual(api.decisions);
    expect(report.brief).toEqual(api.stages['A-STEEL']);
    const newInitiatives = csvTable(report.tables.changes, l.sections.newInitiatives)
      .map((r) => r[l.cols.code])
      .sort();
    expect(newInitiatives).toEqual(Object.keys(api.stages).sort());

    // Nothing dated after the view's date, nothing recorded after its knownAt.
    const rows = api.raw.rows as { lastEvidenceAt: string | null }[];
    for (const r of rows) if (r.lastEvidenceAt) expect(r.lastEvidenceAt <= v.asOf).toBe(true);
    const happened = (api.raw.timeline as { type: string; date: string; data: Record<string, unknown> }[]).filter(
      (i) => !['milestone', 'decision'].includes(i.type),
    );
    expect(happened.length).toBeGreaterThan(0);
    for (const i of happened)
      expect({ type: i.type, date: i.date.slice(0, 10) <= v.asOf }).toEqual({ type: i.type, date: true });
    for (const m of api.raw.milestones as { actualDate: string | null }[])
      if (m.actualDate) expect(m.actualDate <= v.asOf).toBe(true);
    for (const c of dashboard.recentChanges) {
      expect(c.effectiveAt.slice(0, 10) <= v.asOf).toBe(true);
      expect(c.recordedAt <= knownAt).toBe(true);
    }
    for (const s of dashboard.staleInitiatives) if (s.lastEvidenceAt) expect(s.lastEvidenceAt <= v.asOf).toBe(true);
    for (const r of csvTable(report.tables.brief, l.sections.history)) {
      expect(r[l.cols.effective] <= v.asOf).toBe(true);
      expect(r[l.cols.recorded] <= knownAt.slice(0, 10)).toBe(true);
    }
    for (const r of csvTable(report.tables.brief, l.sections.evidence))
      expect(r[l.cols.published] <= v.asOf).toBe(true);
    for (const r of csvTable(report.tables.brief, l.sections.ledger))
      expect(r[l.cols.announcedOn] <= v.asOf).toBe(true);
  });

  it('reads the present alike with and without an explicit knownAt, and the renamed, archived, moved records as known', async () => {
    const plain = await apiFacts({ asOf: '2025-06-01' });
    const explicit = await apiFacts({ asOf: '2025-06-01', knownAt: K2 });
    expect(plain.stages).toEqual(explicit.stages);
    expect(plain.counts).toEqual(explicit.counts);
    expect(plain.milestones).toEqual(explicit.milestones);
    // Edits in place read as the audit log knew them: at K1, A had its first title and B one sector.
    const atK1 = (await get('/api/initiatives', { asOf: '2025-06-01', knownAt: K1, range: '[0,99]' })).body as {
      code: string;
      titleEn: string;
      sectorIds: number[];
      archivedAt: string | null;
    }[];
    const byCode = Object.fromEntries(atK1.map((r) => [r.code, r]));
    expect(byCode['A-STEEL'].titleEn).toBe('Steel mill');
    expect(byCode['B-ENERGY'].sectorIds).toEqual([await sectorId(t, 'energy')]);
    expect(byCode['D-ARCHIVED'].archivedAt).toBeNull();
    const steel = await sectorId(t, 'steel');
    const inSteel = (
      await get('/api/initiatives', { asOf: '2025-06-01', knownAt: K1, filter: JSON.stringify({ sectorId: steel }) })
    ).body.map((r: { code: string }) => r.code);
    expect(inSteel.sort()).toEqual(['A-STEEL', 'D-ARCHIVED']);
  });
});
