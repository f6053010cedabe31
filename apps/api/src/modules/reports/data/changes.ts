import { code, date, list, type ReportDocument, type Section } from '../document';
import { formatDate, formatMoment, pick } from '../i18n';
import { contextHelpers, daysFrom, metaFacts, scopeFacts, type BuildContext } from './context';
import { groupBy } from '../../../common/collections';
import { byThenId, reportView } from './report-data.repository';
import { isPureDevelopment } from '../../../common/as-of/activity.as-of';

/**
 * Change report between two dates: stage and health changes, developments (news recorded without a change of stage
 * or health), milestones achieved or slipped, new agreements, new initiatives — each with its evidence. The period
 * is [from, to], both whole days (UTC).
 */
export async function buildChanges(ctx: BuildContext): Promise<ReportDocument> {
  const { l, stageTag, healthTag, sources, source, title, initiativeCells, statusChange, agreementCells } =
    contextHelpers(ctx);
  const p = ctx.params;
  const from = p.from!;
  const to = p.to!;
  const view = reportView(to, p.knownAt);
  const start = new Date(`${from}T00:00:00.000Z`);
  const filtered = !!(p.sectorIds?.length || p.countryCodes?.length);

  const initiatives = await ctx.data.initiatives(view, { sectorIds: p.sectorIds, countryCodes: p.countryCodes });
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const ids = initiatives.map((i) => i.id);
  await ctx.progress(25);

  const [updates, firsts, milestones, agreements] = await Promise.all([
    ctx.data.statusUpdates(view, { initiativeIds: filtered ? ids : undefined, effectiveFrom: start }),
    ctx.data.firstStatusIds(view, start, ids),
    ctx.data.milestones(view, ids),
    ctx.data.agreements(
      view,
      { signedDate: { gte: start, lt: view.effectiveBefore } },
      (a) =>
        !!a.signedDate &&
        a.signedDate >= from &&
        a.signedDate <= to &&
        (!filtered || a.initiativeIds.some((id) => byId.has(id))),
    ),
  ]);
  await ctx.progress(45);
  const milestoneById = new Map(milestones.map((m) => [m.id, m]));
  const achieved = milestones.filter((m) => m.actualDate && m.actualDate >= from && m.actualDate <= to);
  // Slips announced in the period (the view ends with it; the database leaves out what was announced before it).
  const ledger = (
    await ctx.data.ledger(
      view,
      milestones.map((m) => m.id),
      start,
    )
  ).filter((c) => c.oldDate !== null && (c.newDate === null || c.newDate > c.oldDate));
  const [milestoneEvidence, agreementEvidence] = await Promise.all([
    achieved.length ? ctx.data.evidence(view, { milestoneId: { in: achieved.map((m) => m.id) } }) : [],
    agreements.length ? ctx.data.evidence(view, { agreementId: { in: agreements.map((a) => a.id) } }) : [],
  ]);
  const evidenceOfMilestone = groupBy(milestoneEvidence, (e) => e.milestoneId);
  const evidenceOfAgreement = groupBy(agreementEvidence, (e) => e.agreementId);
  await ctx.progress(65);

  // A transition is only where the update changed something (activity.as-of.ts): the rest are developments.
  const moves = updates.filter((u) => byId.has(u.initiativeId) && !firsts.has(u.id) && (u.toStage || u.toHealth));
  const developments = updates.filter((u) => byId.has(u.initiativeId) && !firsts.has(u.id) && isPureDevelopment(u));
  const initiativeOf = (id: number) => byId.get(id);

  const moveSection: Section = {
    id: 'moves',
    title: l.sections.stageHealthChanges,
    tables: [
      {
        columns: [
          { key: 'date', label: l.cols.effective, align: 'end' },
          { key: 'code', label: l.cols.code, width: 1.7 },
          { key: 'initiative', label: l.cols.initiative, width: 2 },
          { key: 'change', label: l.cols.change, width: 2 },
          { key: 'note', label: l.cols.note, width: 3 },
          { key: 'recorded', label: l.cols.recorded, align: 'end' },
          { key: 'evidence', label: l.cols.evidence, width: 2 },
        ],
        rows: moves.map((u) => ({
          date: date(u.effectiveAt),
          ...initiativeCells(initiativeOf(u.initiativeId)!),
          change: statusChange(u),
          note: pick(ctx.language, u.noteEn, u.noteUr),
          recorded: date(u.recordedAt),
          evidence: sources(u.sources),
        })),
        empty: l.empty.changes,
      },
    ],
  };

  const developmentSection: Section = {
    id: 'developments',
    title: l.sections.developments,
    tables: [
      {
        columns: [
          { key: 'date', label: l.cols.effective, align: 'end' },
          { key: 'code', label: l.cols.code, width: 1.7 },
          { key: 'initiative', label: l.cols.initiative, width: 2 },
          { key: 'note', label: l.cols.note, width: 4 },
          { key: 'recorded', label: l.cols.recorded, align: 'end' },
          { key: 'evidence', label: l.cols.evidence, width: 2 },
        ],
        rows: developments.map((u) => ({
          date: date(u.effectiveAt),
          ...initiativeCells(initiativeOf(u.initiativeId)!),
          note: pick(ctx.language, u.noteEn, u.noteUr),
          recorded: date(u.recordedAt),
          evidence: sources(u.sources),
        })),
        empty: l.empty.developments,
      },
    ],
  };

  const achievedSection: Section = {
    id: 'achieved',
    title: l.sections.achieved,
    tables: [
      {
        columns: [
          { key: 'actual', label: l.cols.actual, align: 'end' },
          { key: 'code', label: l.cols.code, width: 1.7 },
          { key: 'initiative', label: l.cols.initiative, width: 2 },
          { key: 'milestone', label: l.cols.milestone, width: 3 },
          { key: 'planned', label: l.cols.planned, align: 'end' },
          { key: 'evidence', label: l.cols.evidence, width: 2 },
        ],
        rows: achieved.sort(byThenId((m) => m.actualDate!)).map((m) => ({
          actual: date(m.actualDate),
          ...initiativeCells(initiativeOf(m.initiativeId)!),
          milestone: title(m),
          planned: date(m.plannedDate),
          evidence: sources(evidenceOfMilestone.get(m.id) ?? []),
        })),
        empty: l.empty.none,
      },
    ],
  };

  const slippedSection: Section = {
    id: 'slipped',
    title: l.sections.slipped,
    tables: [
      {
        columns: [
          { key: 'announcedOn', label: l.cols.announcedOn, align: 'end' },
          { key: 'code', label: l.cols.code, width: 1.7 },
          { key: 'initiative', label: l.cols.initiative, width: 2 },
          { key: 'milestone', label: l.cols.milestone, width: 3 },
          { key: 'oldDate', label: l.cols.oldDate, align: 'end' },
          { key: 'newDate', label: l.cols.newDate, align: 'end' },
          { key: 'slippage', label: l.cols.slippage, align: 'end' },
          { key: 'evidence', label: l.cols.evidence, width: 2 },
        ],
        rows: ledger.map((c) => {
          const m = milestoneById.get(c.milestoneId)!;
          return {
            announcedOn: date(c.announcedOn),
            ...initiativeCells(initiativeOf(m.initiativeId)!),
            milestone: title(m),
            oldDate: date(c.oldDate),
            newDate: c.newDate ? date(c.newDate) : l.text.noDate,
            slippage: c.newDate ? { t: 'number' as const, v: daysFrom(c.oldDate!, c.newDate) } : null,
            evidence: c.source ? source(c.source) : null,
          };
        }),
        empty: l.empty.none,
      },
    ],
  };

  const agreementSection: Section = {
    id: 'agreements',
    title: l.sections.newAgreements,
    tables: [
      {
        columns: [
          { key: 'signed', label: l.cols.signed, align: 'end' },
          { key: 'kind', label: l.cols.kind },
          { key: 'title', label: l.cols.title, width: 3 },
          { key: 'parties', label: l.cols.parties, width: 2 },
          { key: 'initiatives', label: l.cols.initiatives, width: 1.6 },
          { key: 'evidence', label: l.cols.evidence, width: 2 },
        ],
        rows: agreements.map((a) => ({
          ...agreementCells(a),
          initiatives: list(a.initiativeIds.filter((id) => byId.has(id)).map((id) => code(byId.get(id)!.code))),
          evidence: sources(evidenceOfAgreement.get(a.id) ?? []),
        })),
        empty: l.empty.agreements,
      },
    ],
  };

  const newInitiatives = updates
    .filter((u) => firsts.has(u.id) && byId.has(u.initiativeId))
    .sort(byThenId((u) => u.effectiveAt));
  const newSection: Section = {
    id: 'new',
    title: l.sections.newInitiatives,
    tables: [
      {
        columns: [
          { key: 'date', label: l.cols.effective, align: 'end' },
          { key: 'code', label: l.cols.code, width: 1.7 },
          { key: 'initiative', label: l.cols.initiative, width: 3 },
          { key: 'stage', label: l.cols.stageNow },
          { key: 'health', label: l.cols.healthNow },
          { key: 'note', label: l.cols.note, width: 2 },
          { key: 'evidence', label: l.cols.evidence, width: 2 },
        ],
        rows: newInitiatives.map((u) => {
          const i = initiativeOf(u.initiativeId)!;
          return {
            date: date(u.effectiveAt),
            ...initiativeCells(i),
            stage: stageTag(i.stage),
            health: healthTag(i.health),
            note: pick(ctx.language, u.noteEn, u.noteUr),
            evidence: sources(u.sources),
          };
        }),
        empty: l.empty.none,
      },
    ],
  };
  await ctx.progress(75);

  const period = `${formatDate(ctx.language, from)} – ${formatDate(ctx.language, to)}`;
  return {
    language: ctx.language,
    title: l.kinds.changes,
    subtitle: period,
    meta: metaFacts(ctx, scopeFacts(ctx)),
    sections: [moveSection, developmentSection, achievedSection, slippedSection, agreementSection, newSection],
    footer: l.footer(`${l.kinds.changes} — ${period}`, formatMoment(ctx.language, p.knownAt)),
  };
}
