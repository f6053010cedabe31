import type { Initiative } from '@rabta/domain';
import { CLOSED_DECISION_STATES, decisionStateAsOf, HEALTHS, INITIATIVE_STAGES, isActiveStage } from '@rabta/domain';
import { viewDay } from '../../../common/as-of/view';
import { groupBy } from '../../../common/collections';
import { code, date, list, num, type Cell, type ReportDocument, type Section } from '../document';
import { formatDate, formatMoment, pick } from '../i18n';
import { contextHelpers, daysFrom, metaFacts, scopeFacts, type BuildContext } from './context';
import { addDays, byThenId, reportView, uniqueById } from './report-data.repository';
import { isPureDevelopment } from '../../../common/as-of/activity.as-of';

/** Decisions due within this many days of the report's date are "falling due". */
export const DECISIONS_DUE_DAYS = 60;

/**
 * Portfolio status report: executive summary (counts by stage and health, what changed since the previous period),
 * a table per sector, engagements in the period, decisions falling due.
 */
export async function buildPortfolio(ctx: BuildContext): Promise<ReportDocument> {
  const {
    l,
    sectorName,
    stageTag,
    healthTag,
    sources,
    title,
    initiativeCells,
    engagementCells,
    developmentWhat,
    developmentNote,
  } = contextHelpers(ctx);
  const p = ctx.params;
  const asOf = p.asOf!;
  const from = p.from!;
  const view = reportView(asOf, p.knownAt);
  const day = viewDay(view);
  const filtered = !!(p.sectorIds?.length || p.countryCodes?.length || p.stages?.length || p.health?.length);

  const initiatives = await ctx.data.initiatives(view, {
    sectorIds: p.sectorIds,
    countryCodes: p.countryCodes,
    stages: p.stages,
    health: p.health,
  });
  await ctx.progress(25);
  const ids = initiatives.map((i) => i.id);
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const [lastUpdates, openMilestones] = await Promise.all([
    ctx.data.lastUpdates(view, ids),
    ctx.data.milestones(view, ids, { openOnly: true }),
  ]);
  await ctx.progress(45);

  // What changed: stage and health at the end of the day before the period vs now (two views, same knowledge).
  const periodStart = new Date(`${from}T00:00:00.000Z`);
  const inPeriod = (
    await ctx.data.developments(view, { initiativeIds: filtered ? ids : undefined, effectiveFrom: periodStart })
  ).filter((d) => byId.has(d.initiativeId));
  const updatesInPeriod = inPeriod.filter((d) => d.kind === 'status_update');
  // What happened without moving a stage or health: news recorded as a development, agreements signed, milestones achieved.
  const developments = inPeriod.filter((d) => d.kind !== 'status_update' || isPureDevelopment(d));
  const updatesOf = groupBy(updatesInPeriod, (u) => u.initiativeId);
  const touched = [...updatesOf.keys()];
  const before = new Map(
    (touched.length ? await ctx.data.initiatives(ctx.data.viewBefore(from, view), { ids: touched }) : []).map((i) => [
      i.id,
      i,
    ]),
  );
  const changed = touched
    .map((id) => ({ now: byId.get(id)!, then: before.get(id), updates: updatesOf.get(id)! }))
    .filter((c) => !c.then || c.then.stage !== c.now.stage || c.then.health !== c.now.health)
    .sort((a, b) => (a.now.code < b.now.code ? -1 : a.now.code > b.now.code ? 1 : 0));
  await ctx.progress(55);

  const dueBy = addDays(asOf, DECISIONS_DUE_DAYS);
  const [engagements, decisions] = await Promise.all([
    ctx.data.engagements(
      view,
      { startDate: { gte: periodStart, lt: view.effectiveBefore } },
      (e) => e.startDate >= from && e.startDate <= asOf && (!filtered || e.initiativeIds.some((id) => byId.has(id))),
    ),
    ctx.data.decisions(
      view,
      { dueDate: { lte: new Date(`${dueBy}T00:00:00Z`) } },
      (d) => !!d.dueDate && d.dueDate <= dueBy && !CLOSED_DECISION_STATES.includes(decisionStateAsOf(d, day)),
    ),
  ]);
  const engagementIds = [...new Set(decisions.map((d) => d.engagementId))];
  const decisionEngagements = new Map(
    (engagementIds.length
      ? await ctx.data.engagements(view, { id: { in: engagementIds } }, (e) => engagementIds.includes(e.id))
      : []
    ).map((e) => [e.id, e]),
  );
  const dueDecisions = decisions
    .filter(
      (d) =>
        !filtered ||
        (d.initiativeId
          ? byId.has(d.initiativeId)
          : (decisionEngagements.get(d.engagementId)?.initiativeIds ?? []).some((id) => byId.has(id))),
    )
    .sort(byThenId((d) => d.dueDate!));
  await ctx.progress(65);

  // Per initiative: next milestone and overdue ones, in the view.
  const milestonesOf = groupBy(openMilestones, (m) => m.initiativeId);
  const nextOf = (id: number) =>
    (milestonesOf.get(id) ?? []).filter((m) => m.plannedDate! >= asOf).sort(byThenId((m) => m.plannedDate!))[0];
  const overdueOf = (id: number) =>
    (milestonesOf.get(id) ?? [])
      .filter((m) => m.plannedDate! < asOf)
      .sort((a, b) => (a.plannedDate! < b.plannedDate! ? -1 : 1));
  const overdueCount = openMilestones.filter((m) => m.plannedDate! < asOf).length;
  const dueSoon = openMilestones.filter((m) => m.plannedDate! >= asOf && daysFrom(asOf, m.plannedDate!) <= 30).length;

  const count = (pred: (i: Initiative) => boolean) => initiatives.filter(pred).length;
  const summary: Section = {
    id: 'summary',
    title: l.sections.summary,
    sideBySide: true,
    facts: [
      { label: l.facts.initiatives, value: num(initiatives.length) },
      { label: l.facts.active, value: num(count((i) => isActiveStage(i.stage))) },
      { label: l.facts.onTrack, value: num(count((i) => i.health === 'on_track')) },
      { label: l.facts.atRisk, value: num(count((i) => i.health === 'at_risk')) },
      { label: l.facts.offTrack, value: num(count((i) => i.health === 'off_track')) },
      { label: l.facts.overdueMilestones, value: num(overdueCount) },
      { label: l.facts.dueSoon, value: num(dueSoon) },
      { label: l.facts.changedCount, value: num(changed.filter((c) => c.then).length) },
      { label: l.facts.newCount, value: num(changed.filter((c) => !c.then).length) },
      { label: l.facts.developmentsCount, value: num(developments.length) },
      { label: l.facts.engagementsCount, value: num(engagements.length) },
      { label: l.facts.decisionsDueCount, value: num(dueDecisions.length) },
    ],
    tables: [
      {
        title: l.sections.byStage,
        columns: [
          { key: 'stage', label: l.cols.stage, width: 3 },
          { key: 'count', label: l.cols.count, align: 'end' },
        ],
        rows: INITIATIVE_STAGES.map((s) => ({ stage: stageTag(s), count: num(count((i) => i.stage === s)) })),
        empty: l.empty.none,
      },
      {
        title: l.sections.byHealth,
        columns: [
          { key: 'health', label: l.cols.health, width: 3 },
          { key: 'count', label: l.cols.count, align: 'end' },
        ],
        rows: HEALTHS.map((h) => ({ health: healthTag(h), count: num(count((i) => i.health === h)) })),
        empty: l.empty.none,
      },
    ],
  };

  const changes: Section = {
    id: 'changes',
    title: l.sections.changed,
    sheet: l.sheets.changed,
    paragraphs: [`${l.meta.period}: ${formatDate(ctx.language, from)} – ${formatDate(ctx.language, asOf)}`],
    tables: [
      {
        columns: [
          // Codes never wrap and stage and health labels fit on a line (as in the sector tables).
          { key: 'code', label: l.cols.code, width: 2.3 },
          { key: 'initiative', label: l.cols.initiative, width: 2.8 },
          { key: 'stageThen', label: l.cols.stageThen, width: 2 },
          { key: 'stageNow', label: l.cols.stageNow, width: 2 },
          { key: 'healthThen', label: l.cols.healthThen, width: 1.7 },
          { key: 'healthNow', label: l.cols.healthNow, width: 1.7 },
          { key: 'date', label: l.cols.effective, align: 'end', width: 1.4 },
          { key: 'note', label: l.cols.note, width: 2.6 },
          { key: 'evidence', label: l.cols.evidence, width: 2.6 },
        ],
        rows: changed.map(({ now, then, updates }) => {
          const last = updates[updates.length - 1];
          return {
            ...initiativeCells(now),
            stageThen: then ? stageTag(then.stage) : l.text.new,
            stageNow: stageTag(now.stage),
            healthThen: then ? healthTag(then.health) : null,
            healthNow: healthTag(now.health),
            date: date(last.effectiveAt),
            note: pick(ctx.language, last.noteEn, last.noteUr),
            evidence: sources(uniqueById(updates.flatMap((u) => u.sources))),
          };
        }),
        empty: l.empty.changes,
      },
    ],
  };

  const developmentsSection: Section = {
    id: 'developments',
    title: l.sections.developmentsInPeriod,
    tables: [
      {
        columns: [
          { key: 'date', label: l.cols.effective, align: 'end', width: 1.4 },
          { key: 'code', label: l.cols.code, width: 2.3 },
          { key: 'initiative', label: l.cols.initiative, width: 2.8 },
          { key: 'what', label: l.cols.change, width: 3 },
          { key: 'note', label: l.cols.note, width: 3 },
          { key: 'evidence', label: l.cols.evidence, width: 2.6 },
        ],
        rows: [...developments].reverse().map((d) => ({
          date: date(d.effectiveAt),
          ...initiativeCells(byId.get(d.initiativeId)!),
          what: developmentWhat(d),
          note: developmentNote(d),
          evidence: sources(d.sources),
        })),
        empty: l.empty.developments,
      },
    ],
  };

  // A table per sector (an initiative in two sectors is in both tables).
  const sectorIds = (p.sectorIds?.length ? p.sectorIds : [...ctx.ref.sectors.keys()]).filter((s) =>
    initiatives.some((i) => i.sectorIds.includes(s)),
  );
  const sectorOrder = [...sectorIds].sort((a, b) =>
    ctx.ref.sectors.get(a)!.code.localeCompare(ctx.ref.sectors.get(b)!.code),
  );
  const sectorSections: Section[] = [];
  for (const sectorId of sectorOrder) {
    const rows = initiatives
      .filter((i) => i.sectorIds.includes(sectorId))
      .map((i) => {
        const last = lastUpdates.get(i.id);
        const next = nextOf(i.id);
        const overdue = overdueOf(i.id);
        return {
          ...initiativeCells(i),
          stage: stageTag(i.stage),
          health: healthTag(i.health),
          updated: date(last?.effectiveAt),
          lastUpdate: last ? (developmentNote(last) ?? developmentWhat(last)) : null,
          next: next ? title(next) : null,
          nextDate: date(next?.plannedDate),
          daysToGo: next ? num(daysFrom(asOf, next.plannedDate!)) : null,
          overdue: overdue.length ? num(overdue.length) : null,
          overdueDays: overdue.length ? num(daysFrom(overdue[0].plannedDate!, asOf)) : null,
        } satisfies Record<string, Cell>;
      });
    sectorSections.push({
      id: `sector-${ctx.ref.sectors.get(sectorId)!.code}`,
      title: l.sections.sector(sectorName(sectorId)),
      // A long sector name alone names its sheet.
      sheet: l.sections.sector(sectorName(sectorId)).length > 31 ? sectorName(sectorId) : undefined,
      tables: [
        {
          columns: [
            // Wide enough for the longest codes (never wrapped) and stage and health labels on one line.
            { key: 'code', label: l.cols.code, width: 2.3 },
            { key: 'initiative', label: l.cols.initiative, width: 2.9 },
            { key: 'stage', label: l.cols.stage, width: 2 },
            { key: 'health', label: l.cols.health, width: 1.7 },
            // Printed as seven cells, not eleven (a whole portfolio is 15,000 rows: see Column.cell).
            { key: 'updated', label: l.cols.lastUpdateDate, align: 'end', width: 1.3, cell: 'update' },
            { key: 'lastUpdate', label: l.cols.lastUpdate, width: 2.4, cell: 'update' },
            { key: 'next', label: l.cols.nextMilestone, width: 2.3, cell: 'next' },
            { key: 'nextDate', label: l.cols.nextMilestoneDate, align: 'end', width: 1.2, cell: 'next' },
            { key: 'daysToGo', label: l.cols.daysToGo, align: 'end', width: 0.8, cell: 'next' },
            { key: 'overdue', label: l.cols.overdue, align: 'end', width: 0.9, cell: 'overdue' },
            { key: 'overdueDays', label: l.cols.overdueDays, align: 'end', width: 0.9, cell: 'overdue' },
          ],
          rows,
          empty: l.empty.initiatives,
        },
      ],
    });
  }
  if (!sectorSections.length)
    sectorSections.push({
      id: 'initiatives',
      title: l.facts.initiatives,
      tables: [{ columns: [{ key: 'x', label: l.cols.initiative }], rows: [], empty: l.empty.initiatives }],
    });
  await ctx.progress(75);

  const codesOf = (ids_: number[]) =>
    list(ids_.filter((id) => byId.has(id) || !filtered).map((id) => code(byId.get(id)?.code ?? `#${id}`)));
  const engagementsSection: Section = {
    id: 'engagements',
    title: l.sections.engagements,
    tables: [
      {
        columns: [
          { key: 'date', label: l.cols.date, align: 'end' },
          { key: 'title', label: l.cols.title, width: 3 },
          { key: 'place', label: l.cols.place },
          { key: 'format', label: l.cols.format },
          { key: 'status', label: l.cols.status },
          { key: 'initiatives', label: l.cols.initiatives, width: 1.6 },
          { key: 'outcome', label: l.cols.outcome, width: 3 },
        ],
        rows: engagements.map((e) => ({ ...engagementCells(e), initiatives: codesOf(e.initiativeIds) })),
        empty: l.empty.engagements,
      },
    ],
  };

  const decisionsSection: Section = {
    id: 'decisions',
    title: l.sections.decisionsDue,
    tables: [
      {
        columns: [
          { key: 'due', label: l.cols.due, align: 'end', width: 1.1, cell: 'due' },
          { key: 'days', label: l.cols.days, align: 'end', width: 1.1, cell: 'due' },
          { key: 'decision', label: l.cols.decision, width: 3 },
          { key: 'meeting', label: l.cols.meeting, width: 2 },
          { key: 'initiative', label: l.cols.initiative, width: 1.6 },
          { key: 'state', label: l.cols.state },
        ],
        rows: dueDecisions.map((d) => {
          const days = daysFrom(asOf, d.dueDate!);
          const meeting = decisionEngagements.get(d.engagementId);
          return {
            due: date(d.dueDate),
            days: l.text.dueIn(days),
            decision: pick(ctx.language, d.textEn, d.textUr),
            meeting: meeting ? title(meeting) : null,
            initiative: d.initiativeId ? code(byId.get(d.initiativeId)?.code ?? `#${d.initiativeId}`) : null,
            state: l.enums.decision_state[decisionStateAsOf(d, day)],
          };
        }),
        empty: l.empty.decisions,
      },
    ],
  };
  await ctx.progress(80);

  const docTitle = l.kinds.portfolio;
  return {
    language: ctx.language,
    title: docTitle,
    subtitle: `${l.meta.asOf} ${formatDate(ctx.language, asOf)}`,
    meta: metaFacts(ctx, scopeFacts(ctx)),
    sections: [summary, changes, developmentsSection, ...sectorSections, engagementsSection, decisionsSection],
    footer: l.footer(`${docTitle} — ${formatDate(ctx.language, asOf)}`, formatMoment(ctx.language, p.knownAt)),
  };
}
