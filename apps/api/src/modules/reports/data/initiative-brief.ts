import { isMilestoneOverdue, ledgerFigures, type ViewDay } from '@rabta/domain';
import { viewDay } from '../../../common/as-of/view';
import { code, date, link, list, num, type Cell, type ReportDocument, type Section } from '../document';
import { formatDate, formatMoment, pick } from '../i18n';
import { citations, contextHelpers, daysFrom, joiner, metaFacts, ReportProblem, type BuildContext } from './context';
import { groupBy } from '../../../common/collections';
import { byThenId, reportView, type LedgerView, type MilestoneView } from './report-data.repository';

/** The ledger-derived figures of a milestone in the view, by the domain's rules (as the analyst API gives them). */
function derived(m: MilestoneView, ledger: LedgerView[], view: ViewDay) {
  return { ...ledgerFigures(ledger, m), overdue: isMilestoneOverdue(m, view) };
}

/**
 * Initiative brief: summary, stage and health history, milestones with the announced-vs-delivered ledger,
 * engagements, agreements, and the evidence list.
 */
export async function buildInitiativeBrief(ctx: BuildContext): Promise<ReportDocument> {
  const {
    l,
    sectorName,
    countryName,
    personName,
    orgName,
    stageTag,
    healthTag,
    source,
    sources,
    title,
    developmentWhat,
    developmentNote,
    engagementCells,
    agreementCells,
  } = contextHelpers(ctx);
  const p = ctx.params;
  const asOf = p.asOf!;
  const view = reportView(asOf, p.knownAt);
  const [initiative] = await ctx.data.initiatives(view, { ids: [p.initiativeId!] });
  if (!initiative) {
    throw new ReportProblem(
      `Initiative ${p.initiativeId} was not yet recorded as of ${asOf} (as known at ${p.knownAt})`,
    );
  }
  await ctx.progress(25);
  const id = initiative.id;
  const [history, milestones, engagements, agreements, evidence] = await Promise.all([
    // Status changes and developments; the milestones and agreements have sections of their own.
    ctx.data.statusUpdates(view, { initiativeIds: [id] }),
    ctx.data.milestones(view, [id]),
    ctx.data.engagements(view, { initiatives: { some: { initiativeId: id } } }, (e) => e.initiativeIds.includes(id)),
    ctx.data.agreements(view, { initiatives: { some: { initiativeId: id } } }, (a) => a.initiativeIds.includes(id)),
    ctx.data.evidence(view, { initiativeId: id }),
  ]);
  const ledger = await ctx.data.ledger(
    view,
    milestones.map((m) => m.id),
  );
  await ctx.progress(60);
  const sep = joiner(ctx.language);

  const overview: Section = {
    id: 'overview',
    title: l.sections.overview,
    paragraphs: [pick(ctx.language, initiative.summaryEn, initiative.summaryUr)].filter(Boolean),
    facts: [
      { label: l.facts.code, value: code(initiative.code) },
      { label: l.facts.title, value: title(initiative) },
      { label: l.facts.stage, value: stageTag(initiative.stage) },
      { label: l.facts.health, value: healthTag(initiative.health) },
      { label: l.facts.priority, value: l.enums.priority[initiative.priority] ?? initiative.priority },
      { label: l.facts.sectors, value: initiative.sectorIds.map(sectorName).join(sep) },
      {
        label: l.facts.countries,
        value: initiative.countries
          .map((c) => `${countryName(c.code)} (${l.enums.country_role[c.role] ?? c.role})`)
          .join(sep),
      },
      { label: l.facts.leads, value: initiative.leadOrganizationIds.map(orgName).join(sep) || null },
      { label: l.facts.focal, value: personName(initiative.focalPersonId) || null },
      { label: l.facts.location, value: pick(ctx.language, initiative.locationEn, initiative.locationUr) || null },
      { label: l.facts.startDate, value: date(initiative.startDate) },
      { label: l.facts.targetDate, value: date(initiative.targetDate) },
    ],
    tables: [],
  };

  const historySection: Section = {
    id: 'history',
    title: l.sections.history,
    tables: [
      {
        columns: [
          { key: 'date', label: l.cols.effective, align: 'end' },
          { key: 'change', label: l.cols.change, width: 2 },
          { key: 'note', label: l.cols.note, width: 3 },
          { key: 'author', label: l.cols.author },
          { key: 'recorded', label: l.cols.recorded, align: 'end' },
          { key: 'evidence', label: l.cols.evidence, width: 2 },
        ],
        rows: history.map((u) => ({
          date: date(u.effectiveAt),
          change: developmentWhat(u),
          note: developmentNote(u),
          author: u.authorName,
          recorded: date(u.recordedAt),
          evidence: sources(u.sources),
        })),
        empty: l.empty.history,
      },
    ],
  };

  const ledgerByMilestone = groupBy(ledger, (c) => c.milestoneId);
  const ledgerOf = (mid: number) => ledgerByMilestone.get(mid) ?? [];
  const milestonesSorted = [...milestones].sort(byThenId((m) => m.plannedDate ?? '9999'));
  const milestoneSection: Section = {
    id: 'milestones',
    title: l.sections.milestones,
    tables: [
      {
        columns: [
          { key: 'title', label: l.cols.milestone, width: 3 },
          { key: 'kind', label: l.cols.kind },
          { key: 'original', label: l.cols.originalPlanned, align: 'end' },
          { key: 'planned', label: l.cols.planned, align: 'end' },
          { key: 'actual', label: l.cols.actual, align: 'end' },
          { key: 'state', label: l.cols.state },
          { key: 'slippage', label: l.cols.slippage, align: 'end' },
          { key: 'reannouncements', label: l.cols.reannouncements, align: 'end' },
        ],
        rows: milestonesSorted.map((m) => {
          const d = derived(m, ledgerOf(m.id), viewDay(view));
          return {
            title: title(m),
            kind: l.enums.milestone_kind[m.kind] ?? m.kind,
            original: date(d.originalPlannedDate),
            planned: date(m.plannedDate),
            actual: date(m.actualDate),
            state: d.overdue
              ? `${l.enums.milestone_state[m.state] ?? m.state} · ${l.text.overdueBy(daysFrom(m.plannedDate!, asOf))}`
              : (l.enums.milestone_state[m.state] ?? m.state),
            slippage: num(d.slippageDays),
            reannouncements: num(d.reannouncements),
          } satisfies Record<string, Cell>;
        }),
        empty: l.empty.milestones,
      },
      {
        title: l.sections.ledger,
        sheet: l.sheets.ledger,
        columns: [
          { key: 'milestone', label: l.cols.milestone, width: 3 },
          { key: 'announcedOn', label: l.cols.announcedOn, align: 'end' },
          { key: 'oldDate', label: l.cols.oldDate, align: 'end' },
          { key: 'newDate', label: l.cols.newDate, align: 'end' },
          { key: 'announcedBy', label: l.cols.announcedBy },
          { key: 'source', label: l.cols.source, width: 2 },
        ],
        rows: milestonesSorted.flatMap((m) =>
          ledgerOf(m.id).map((c) => ({
            milestone: title(m),
            announcedOn: date(c.announcedOn),
            oldDate: date(c.oldDate),
            newDate: c.newDate ? date(c.newDate) : l.text.noDate,
            announcedBy: personName(c.announcedById) || null,
            source: c.source ? source(c.source) : null,
          })),
        ),
        empty: l.empty.ledger,
      },
    ],
  };

  const engagementSection: Section = {
    id: 'engagements',
    title: l.sections.engagementsAll,
    tables: [
      {
        columns: [
          { key: 'date', label: l.cols.date, align: 'end' },
          { key: 'title', label: l.cols.title, width: 3 },
          { key: 'place', label: l.cols.place },
          { key: 'format', label: l.cols.format },
          { key: 'status', label: l.cols.status },
          { key: 'outcome', label: l.cols.outcome, width: 3 },
        ],
        rows: engagements.map(engagementCells),
        empty: l.empty.engagements,
      },
    ],
  };

  const agreementSection: Section = {
    id: 'agreements',
    title: l.sections.agreements,
    tables: [
      {
        columns: [
          { key: 'signed', label: l.cols.signed, align: 'end' },
          { key: 'kind', label: l.cols.kind },
          { key: 'title', label: l.cols.title, width: 3 },
          { key: 'status', label: l.cols.status },
          { key: 'place', label: l.cols.place },
          { key: 'parties', label: l.cols.parties, width: 2 },
        ],
        rows: agreements.map((a) => ({
          ...agreementCells(a),
          status: l.enums.agreement_status[a.status] ?? a.status,
          place: pick(ctx.language, a.signedPlaceEn, a.signedPlaceUr) || null,
        })),
        empty: l.empty.agreements,
      },
    ],
  };

  const milestoneTitle = new Map(milestones.map((m) => [m.id, title(m)]));
  const concerns = (e: (typeof evidence)[number]) =>
    e.milestoneId
      ? `${l.cols.milestone}: ${milestoneTitle.get(e.milestoneId) ?? `#${e.milestoneId}`}`
      : e.statusUpdateId
        ? l.sections.history
        : e.agreementId
          ? l.sections.agreements
          : e.engagementId
            ? l.cols.meeting
            : e.decisionId
              ? l.cols.decision
              : l.meta.initiative;
  const evidenceSection: Section = {
    id: 'evidence',
    title: l.sections.evidence,
    tables: [
      {
        columns: [
          { key: 'publisher', label: l.cols.publisher },
          { key: 'published', label: l.cols.published, align: 'end' },
          { key: 'language', label: l.cols.language },
          { key: 'title', label: l.cols.title, width: 2 },
          { key: 'link', label: l.cols.link, width: 2 },
          { key: 'concerns', label: l.cols.concerns },
          { key: 'quote', label: l.cols.quote, width: 3 },
        ],
        // A quote cited for several records of the initiative is one row that names them all.
        rows: citations(evidence).map((e) => ({
          publisher: e.publisher,
          published: date(e.publishedAt),
          language: l.enums.language[e.language] ?? e.language,
          title: e.title,
          link: link(e.url),
          concerns: list([...new Set(e.rows.map(concerns))]),
          quote: e.quote,
        })),
        empty: l.empty.evidence,
      },
    ],
  };
  await ctx.progress(75);

  const docTitle = `${l.kinds.initiative}: ${title(initiative)}`;
  return {
    language: ctx.language,
    title: l.kinds.initiative,
    subtitle: `${title(initiative)} · ${l.meta.asOf} ${formatDate(ctx.language, asOf)}`,
    meta: metaFacts(ctx, [{ label: l.meta.initiative, value: code(initiative.code) }]),
    sections: [overview, historySection, milestoneSection, engagementSection, agreementSection, evidenceSection],
    footer: l.footer(docTitle, formatMoment(ctx.language, p.knownAt)),
  };
}
