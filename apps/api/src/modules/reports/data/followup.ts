import { decisionStateAsOf } from '@rabta/domain';
import { viewDay } from '../../../common/as-of/view';
import { code, date, num, type ReportDocument, type Section } from '../document';
import { formatDate, formatMoment, pick } from '../i18n';
import { citations, contextHelpers, daysFrom, joiner, metaFacts, ReportProblem, type BuildContext } from './context';
import { byThenId, reportView } from './report-data.repository';

const OPEN = ['open', 'in_progress', 'overdue'];

/**
 * Meeting follow-up for one engagement (e.g. an IGC session): its decisions and the state of each as of the report's
 * date ("agreed at the 9th session vs done by the 10th").
 */
export async function buildFollowUp(ctx: BuildContext): Promise<ReportDocument> {
  const { l, countryName, personName, orgName, source, title } = contextHelpers(ctx);
  const p = ctx.params;
  const asOf = p.asOf!;
  const view = reportView(asOf, p.knownAt);
  const engagementId = p.engagementId!;
  const [engagement] = await ctx.data.engagements(view, { id: engagementId }, (e) => e.id === engagementId);
  if (!engagement) throw new ReportProblem(`Meeting ${engagementId} was not yet recorded at ${p.knownAt}`);
  await ctx.progress(25);
  const sep = joiner(ctx.language);

  const [decisions, next, evidence, titles] = await Promise.all([
    ctx.data.decisions(view, { engagementId }, (d) => d.engagementId === engagementId),
    ctx.data.engagements(view, { previousId: engagementId }, (e) => e.previousId === engagementId),
    ctx.data.evidence(view, { engagementId }),
    ctx.data.participantTitles(engagementId, engagement.startDate),
  ]);
  const related = [
    ...new Set([
      ...(engagement.previousId ? [engagement.previousId] : []),
      ...decisions.flatMap((d) => (d.reviewedAtId ? [d.reviewedAtId] : [])),
    ]),
  ];
  const initiativeIds = [...new Set(decisions.flatMap((d) => (d.initiativeId ? [d.initiativeId] : [])))];
  const [others, initiatives, milestones] = await Promise.all([
    related.length ? ctx.data.engagements(view, { id: { in: related } }, (e) => related.includes(e.id)) : [],
    initiativeIds.length ? ctx.data.initiatives(view, { ids: initiativeIds }) : [],
    ctx.data.milestones(view, initiativeIds),
  ]);
  await ctx.progress(60);
  const engagementById = new Map([...others, ...next].map((e) => [e.id, e]));
  const initiativeById = new Map(initiatives.map((i) => [i.id, i]));
  const milestoneById = new Map(milestones.map((m) => [m.id, m]));
  const stateOf = (d: (typeof decisions)[number]) => decisionStateAsOf(d, viewDay(view));
  const states = decisions.map(stateOf);
  const previous = engagement.previousId ? engagementById.get(engagement.previousId) : undefined;
  const meetingLabel = (e: typeof engagement) => `${title(e)} (${formatDate(ctx.language, e.startDate)})`;

  const meeting: Section = {
    id: 'meeting',
    title: l.sections.meeting,
    paragraphs: [pick(ctx.language, engagement.outcomeEn, engagement.outcomeUr)].filter(Boolean),
    facts: [
      { label: l.facts.title, value: title(engagement) },
      { label: l.facts.date, value: date(engagement.startDate) },
      {
        label: l.facts.place,
        value:
          [
            pick(ctx.language, engagement.placeEn, engagement.placeUr),
            engagement.countryCode ? countryName(engagement.countryCode) : '',
          ]
            .filter(Boolean)
            .join(sep) || null,
      },
      { label: l.facts.format, value: l.enums.engagement_format[engagement.format] ?? engagement.format },
      { label: l.facts.status, value: l.enums.engagement_status[engagement.status] ?? engagement.status },
      { label: l.facts.forum, value: engagement.forumName },
      { label: l.facts.session, value: num(engagement.sessionNumber) },
      { label: l.facts.previous, value: previous ? meetingLabel(previous) : null },
      { label: l.facts.next, value: next.length ? next.map(meetingLabel).join(sep) : null },
      { label: l.facts.decisionsTotal, value: num(decisions.length) },
      { label: l.facts.decisionsDone, value: num(states.filter((s) => s === 'done').length) },
      { label: l.facts.decisionsOpen, value: num(states.filter((s) => OPEN.includes(s) && s !== 'overdue').length) },
      { label: l.facts.decisionsOverdue, value: num(states.filter((s) => s === 'overdue').length) },
    ].filter((f) => f.value !== null && f.value !== ''),
    tables: [
      {
        title: l.sections.participants,
        columns: [
          { key: 'person', label: l.cols.person, width: 2 },
          { key: 'position', label: l.cols.position, width: 3 },
          { key: 'country', label: l.cols.country },
        ],
        rows: engagement.participantIds.map((id) => {
          const country = ctx.ref.people.get(id)?.countryCode;
          const held = titles.get(id);
          return {
            person: personName(id),
            // The title held on the meeting's day, and where ("Deputy Prime Minister, Government of Russia").
            position: held
              ? [
                  pick(ctx.language, held.titleEn, held.titleUr),
                  held.organizationId ? orgName(held.organizationId) : '',
                ]
                  .filter(Boolean)
                  .join(sep)
              : null,
            country: country ? countryName(country.trim()) : null,
          };
        }),
        empty: l.empty.none,
      },
    ],
  };

  const decisionSection: Section = {
    id: 'decisions',
    title: l.sections.decisions,
    paragraphs: [l.text.decisionSummary(states.filter((s) => s === 'done').length, decisions.length)],
    tables: [
      {
        columns: [
          { key: 'decision', label: l.cols.decision, width: 3 },
          { key: 'due', label: l.cols.due, align: 'end' },
          { key: 'days', label: l.cols.days },
          { key: 'initiative', label: l.cols.initiative, width: 1.6 },
          { key: 'milestone', label: l.cols.milestone, width: 2 },
          { key: 'state', label: l.cols.stateNow },
          { key: 'reviewedAt', label: l.cols.reviewedAt, width: 2 },
          { key: 'reviewNote', label: l.cols.reviewNote, width: 2 },
        ],
        rows: decisions.sort(byThenId((d) => d.dueDate ?? '9999')).map((d) => {
          const state = stateOf(d);
          const m = d.milestoneId ? milestoneById.get(d.milestoneId) : undefined;
          const reviewed = d.reviewedAtId ? engagementById.get(d.reviewedAtId) : undefined;
          return {
            decision: pick(ctx.language, d.textEn, d.textUr),
            due: date(d.dueDate),
            days: d.dueDate && OPEN.includes(state) ? l.text.dueIn(daysFrom(asOf, d.dueDate)) : null,
            initiative: d.initiativeId ? code(initiativeById.get(d.initiativeId)?.code ?? `#${d.initiativeId}`) : null,
            milestone: m
              ? `${title(m)} — ${l.enums.milestone_state[m.state] ?? m.state}${m.actualDate ? ` (${formatDate(ctx.language, m.actualDate)})` : m.plannedDate ? ` (${formatDate(ctx.language, m.plannedDate)})` : ''}`
              : null,
            state: l.enums.decision_state[state] ?? state,
            reviewedAt: reviewed ? meetingLabel(reviewed) : null,
            reviewNote: pick(ctx.language, d.reviewNoteEn, d.reviewNoteUr) || null,
          };
        }),
        empty: l.empty.decisions,
      },
    ],
  };

  const evidenceSection: Section = {
    id: 'evidence',
    title: l.sections.evidence,
    tables: [
      {
        columns: [
          { key: 'source', label: l.cols.source, width: 2 },
          { key: 'language', label: l.cols.language },
          { key: 'title', label: l.cols.title, width: 2 },
          { key: 'quote', label: l.cols.quote, width: 4 },
        ],
        // A quote cited for the meeting and its decisions is one row.
        rows: citations(evidence).map((e) => ({
          source: source(e),
          language: l.enums.language[e.language] ?? e.language,
          title: e.title,
          quote: e.quote,
        })),
        empty: l.empty.evidence,
      },
    ],
  };
  await ctx.progress(75);

  return {
    language: ctx.language,
    title: l.kinds.engagement_followup,
    subtitle: `${title(engagement)} · ${l.meta.asOf} ${formatDate(ctx.language, asOf)}`,
    meta: metaFacts(ctx, [{ label: l.meta.engagement, value: meetingLabel(engagement) }]),
    sections: [meeting, decisionSection, evidenceSection],
    footer: l.footer(`${l.kinds.engagement_followup} — ${title(engagement)}`, formatMoment(ctx.language, p.knownAt)),
  };
}
