import {
  addDays,
  DECISION_STATES,
  isDecisionOverdue,
  isMilestoneOverdue,
  isPositionHeldOn,
  isStale,
  MILESTONE_STATES,
  milestoneStateAsOf,
  staleCutoff,
  type DecisionState,
  type InitiativeStage,
  type MilestoneState,
  type ViewDay,
} from '@rabta/domain';
import { Prisma } from '@rabta/db';
import { MilestonesAsOf } from '../../../apps/api/src/common/as-of/milestones.as-of';
import { parseAsOf } from '../../../apps/api/src/common/http/as-of';
import { isoDate, isoTs, sqlIsoDate, sqlIsoTs } from '../../../apps/api/src/common/resource/wire';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeEngagement, makeInitiative, makePerson, makeSource } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

// The as-of rules live once, in packages/domain (as-of.ts); the API's SQL and Prisma filters mirror them so that
// lists can filter and count. Here both run over every combination of the facts the rules read, on each side of the
// view's day, and must select the same records.

const TODAY = new Date().toISOString().slice(0, 10);
const PAST_DAY = '2025-06-15';
const around = (day: string) => [null, addDays(day, -10), addDays(day, -1), day, addDays(day, 1)];
const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('as-of rules: the SQL and Prisma filters select what the domain rules say', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await signedInUser(t, { role: 'analyst' });
    viewer = await signedInUser(t, { role: 'viewer' });
  });
  afterAll(() => t.close());

  it.each([
    ['in the present', TODAY, true],
    ['as of a past day', PAST_DAY, false],
  ])('milestones %s: overdue, open and state filters', async (_label, day, present) => {
    const initiative = await makeInitiative(t, analyst.cookie);
    const cases: { state: MilestoneState; plannedDate: string | null; actualDate: string | null }[] = [];
    for (const state of MILESTONE_STATES)
      for (const plannedDate of around(day))
        for (const actualDate of around(day)) cases.push({ state, plannedDate, actualDate });
    const made: ((typeof cases)[number] & { id: number })[] = [];
    for (const c of cases) {
      const m = await t.prisma.milestone.create({
        data: {
          initiativeId: initiative.id,
          titleEn: `${c.state} ${c.plannedDate} ${c.actualDate}`,
          state: c.state,
          plannedDate: c.plannedDate ? new Date(c.plannedDate) : null,
          actualDate: c.actualDate ? new Date(c.actualDate) : null,
          createdAt: new Date('2025-01-01T00:00:00Z'),
          // Announced long before either day: the planned date of a view is the column's.
          dateChanges: c.plannedDate
            ? {
                create: {
                  newDate: new Date(c.plannedDate),
                  announcedOn: new Date('2025-01-01'),
                  recordedAt: new Date('2025-01-01T00:00:00Z'),
                },
              }
            : undefined,
        },
      });
      made.push({ ...c, id: m.id });
    }
    const view = present ? undefined : parseAsOf({ asOf: day });
    const vd: ViewDay = { day, present };
    const asOf = t.app.get(MilestonesAsOf);
    const select = async (filter: Record<string, unknown>) =>
      ids(await asOf.all({ initiativeId: initiative.id, ...filter }, view));
    const expected = (pred: (c: (typeof made)[number]) => boolean) => ids(made.filter(pred));

    expect(await select({ overdue: true })).toEqual(expected((c) => isMilestoneOverdue(c, vd)));
    expect(await select({ overdue: false })).toEqual(expected((c) => !isMilestoneOverdue(c, vd)));
    const closed = ['achieved', 'cancelled'];
    expect(await select({ open: true })).toEqual(
      expected((c) => !!c.plannedDate && !closed.includes(milestoneStateAsOf(c, vd))),
    );
    for (const state of MILESTONE_STATES) {
      // The present lists what is recorded (what a form edits); a view, the state the rules give then.
      const stateOf = (c: (typeof made)[number]) => (present ? c.state : milestoneStateAsOf(c, vd));
      expect({ state, ids: await select({ state: [state] }) }).toEqual({
        state,
        ids: expected((c) => stateOf(c) === state),
      });
    }
    // The wire says the same as the filters.
    const wire = await t.http
      .get('/api/milestones')
      .query({
        filter: JSON.stringify({ initiativeId: initiative.id }),
        range: '[0,999]',
        ...(present ? {} : { asOf: day }),
      })
      .set('Cookie', viewer.cookie)
      .expect(200);
    expect(wire.body).toHaveLength(made.length);
    for (const m of wire.body as { id: number; overdue: boolean; state: string }[]) {
      const c = made.find((x) => x.id === m.id)!;
      expect({ id: m.id, overdue: m.overdue, state: m.state }).toEqual({
        id: m.id,
        overdue: isMilestoneOverdue(c, vd),
        state: present ? c.state : milestoneStateAsOf(c, vd),
      });
    }
  });

  it('decisions in the present: the overdue filter and flag follow isDecisionOverdue', async () => {
    const meeting = await makeEngagement(t, analyst.cookie, { startDate: '2025-01-10' });
    const made: { id: number; state: DecisionState; dueDate: string | null }[] = [];
    for (const state of DECISION_STATES)
      for (const dueDate of around(TODAY)) {
        const d = await t.prisma.decision.create({
          data: {
            engagementId: meeting.id,
            textEn: `${state} ${dueDate}`,
            state,
            dueDate: dueDate ? new Date(dueDate) : null,
          },
        });
        made.push({ id: d.id, state, dueDate });
      }
    const vd: ViewDay = { day: TODAY, present: true };
    const list = async (filter: Record<string, unknown>) =>
      (
        await t.http
          .get('/api/decisions')
          .query({ filter: JSON.stringify({ engagementId: meeting.id, ...filter }), range: '[0,999]' })
          .set('Cookie', viewer.cookie)
          .expect(200)
      ).body as { id: number; overdue: boolean }[];
    const overdue = made.filter((d) => isDecisionOverdue(d, vd));
    expect(overdue.length).toBeGreaterThan(0);
    expect(ids(await list({ overdue: true }))).toEqual(ids(overdue));
    expect(ids(await list({ overdue: false }))).toEqual(ids(made.filter((d) => !isDecisionOverdue(d, vd))));
    for (const d of await list({}))
      expect(d.overdue).toBe(
        isDecisionOverdue(
          made.find((x) => x.id === d.id)!,
          vd,
        ),
      );
  });

  it('positions: the current filter and a person’s title follow isPositionHeldOn', async () => {
    const person = await makePerson(t, analyst.cookie);
    const made: { id: number; fromDate: string | null; toDate: string | null }[] = [];
    for (const fromDate of around(TODAY))
      for (const toDate of around(TODAY)) {
        if (fromDate && toDate && toDate < fromDate) continue;
        const p = await t.prisma.position.create({
          data: {
            personId: person.id,
            titleEn: `${fromDate} – ${toDate}`,
            fromDate: fromDate ? new Date(fromDate) : null,
            toDate: toDate ? new Date(toDate) : null,
          },
        });
        made.push({ id: p.id, fromDate, toDate });
      }
    const list = async (current: boolean) =>
      ids(
        (
          await t.http
            .get('/api/positions')
            .query({ filter: JSON.stringify({ personId: person.id, current }), range: '[0,999]' })
            .set('Cookie', viewer.cookie)
            .expect(200)
        ).body,
      );
    expect(await list(true)).toEqual(ids(made.filter((p) => isPositionHeldOn(p, TODAY))));
    expect(await list(false)).toEqual(ids(made.filter((p) => !isPositionHeldOn(p, TODAY))));
    // Of those held today, one that began last (today; undated beginnings count as earliest).
    const title = (await t.http.get(`/api/people/${person.id}`).set('Cookie', viewer.cookie).expect(200)).body
      .currentTitleEn;
    expect(title).toMatch(new RegExp(`^${TODAY} – `));
  });

  it('staleness: the stale filter and flag follow isStale, by publication date', async () => {
    const days = 30;
    const admin = await signedInUser(t, { role: 'admin' });
    await t.http.put('/api/settings').set('Cookie', admin.cookie).send({ staleAfterDays: days }).expect(200);
    const cutoff = staleCutoff(TODAY, days);
    const made: { id: number; stage: InitiativeStage; lastEvidenceOn: string | null }[] = [];
    for (const stage of ['announced', 'suspended'] as InitiativeStage[])
      for (const lastEvidenceOn of [null, addDays(cutoff, -1), cutoff, addDays(cutoff, 1), TODAY]) {
        const i = await makeInitiative(t, analyst.cookie, { stage, tags: ['stale-case'] });
        if (lastEvidenceOn) {
          const source = await makeSource(t, analyst.cookie, { publishedAt: lastEvidenceOn });
          await t.prisma.evidence.create({ data: { sourceId: source.id, initiativeId: i.id } });
        }
        made.push({ id: i.id, stage, lastEvidenceOn });
      }
    const list = async (filter: Record<string, unknown>) =>
      (
        await t.http
          .get('/api/initiatives')
          .query({ filter: JSON.stringify({ tag: 'stale-case', ...filter }), range: '[0,99]' })
          .set('Cookie', viewer.cookie)
          .expect(200)
      ).body as { id: number; stale: boolean; lastEvidenceAt: string | null }[];
    const stale = made.filter((i) => isStale(i, cutoff));
    expect(stale.length).toBeGreaterThan(0);
    expect(ids(await list({ stale: true }))).toEqual(ids(stale));
    expect(ids(await list({ stale: false }))).toEqual(ids(made.filter((i) => !isStale(i, cutoff))));
    for (const i of await list({})) {
      const c = made.find((x) => x.id === i.id)!;
      expect({ id: i.id, stale: i.stale, last: i.lastEvidenceAt }).toEqual({
        id: i.id,
        stale: isStale(c, cutoff),
        last: c.lastEvidenceOn,
      });
    }
  });

  it('writes dates and moments in SQL (sqlIsoDate, sqlIsoTs) as isoDate and isoTs write them, in any session time zone', async () => {
    const moments = [
      '2025-06-15 00:00:00+00',
      '2024-02-29 23:59:59.999999+00',
      '2025-12-31 23:30:00.5-05',
      '2026-01-01 04:59:59.123456+05',
      '1999-12-31 19:00:00.0001+00',
    ];
    const days = ['2025-06-15', '2024-02-29', '2000-01-01', '1971-12-16'];
    const read = (zone: string) =>
      t.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL TIME ZONE '${zone}'`);
        const one = (value: Prisma.Sql, wire: Prisma.Sql) =>
          tx.$queryRaw<{ value: Date; wire: string }[]>(Prisma.sql`SELECT ${value} AS value, ${wire} AS wire`);
        return Promise.all([
          ...moments.map((m) => one(Prisma.sql`${m}::timestamptz`, sqlIsoTs(Prisma.sql`${m}::timestamptz`))),
          ...days.map((d) => one(Prisma.sql`${d}::date`, sqlIsoDate(Prisma.sql`${d}::date`))),
        ]);
      });
    // What the API wrote before: the values as pg reads them in its UTC sessions, formatted in JavaScript.
    const js = (await read('UTC')).map(([r], n) => (n < moments.length ? isoTs(r.value) : isoDate(r.value)));
    expect(js.slice(0, 2)).toEqual(['2025-06-15T00:00:00.000Z', '2024-02-29T23:59:59.999Z']);
    for (const zone of ['UTC', 'Asia/Karachi', 'America/St_Johns']) {
      const wire = (await read(zone)).map(([r]) => r.wire);
      expect({ zone, wire }).toEqual({ zone, wire: js });
    }
  });
});
