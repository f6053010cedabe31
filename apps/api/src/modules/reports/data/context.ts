import type { Health, InitiativeStage, Locale, ReportKind } from '@rabta/domain';
import { code, date, type Cell, type Fact, list, tag } from '../document';
import { formatDate, labelsFor, pick, type Labels } from '../i18n';
import type { Development, SourceRef, StatusUpdateView } from '../../../common/as-of/activity.as-of';
import type { AgreementView, EngagementView, Reference, ReportDataRepository } from './report-data.repository';

/** Parameters as resolved when the report was requested (every default filled in). */
export interface ResolvedParams {
  asOf?: string;
  knownAt: string;
  sectorIds?: number[];
  countryCodes?: string[];
  stages?: InitiativeStage[];
  health?: Health[];
  initiativeId?: number;
  from?: string;
  to?: string;
  engagementId?: number;
}

export interface BuildContext {
  kind: ReportKind;
  params: ResolvedParams;
  language: Locale;
  l: Labels;
  ref: Reference;
  data: ReportDataRepository;
  /** Reports progress (0–100) of the data step. */
  progress(percent: number): Promise<void>;
}

/** A failure the requester should read (it becomes the report's error). */
export class ReportProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportProblem';
  }
}

export function contextHelpers(ctx: Pick<BuildContext, 'language' | 'ref'>) {
  const { language, ref } = ctx;
  const l = labelsFor(language);
  const sectorName = (id: number) => {
    const s = ref.sectors.get(id);
    return s ? pick(language, s.nameEn, s.nameUr) : `#${id}`;
  };
  const countryName = (c: string) => {
    const x = ref.countries.get(c);
    return x ? pick(language, x.nameEn, x.nameUr) : c;
  };
  const personName = (id: number | null | undefined) => {
    if (!id) return '';
    const p = ref.people.get(id);
    return p ? pick(language, p.nameEn, p.nameUr) : `#${id}`;
  };
  const orgName = (id: number) => {
    const o = ref.organizations.get(id);
    return o ? pick(language, o.nameEn, o.nameUr) : `#${id}`;
  };
  const stageTag = (s: string | null | undefined): Cell =>
    s
      ? tag(
          l.enums.stage[s] ?? s,
          s === 'cancelled' || s === 'suspended'
            ? 'bad'
            : s === 'completed' || s === 'operational'
              ? 'good'
              : 'neutral',
        )
      : null;
  const healthTag = (h: string | null | undefined): Cell =>
    h
      ? tag(
          l.enums.health[h] ?? h,
          h === 'on_track' ? 'good' : h === 'at_risk' ? 'warn' : h === 'off_track' ? 'bad' : 'neutral',
        )
      : null;
  const source = (s: SourceRef): Cell => ({ t: 'source', publisher: s.publisher, date: s.publishedAt, url: s.url });
  const sources = (list_: SourceRef[]): Cell => list(list_.map(source));
  const title = (x: { titleEn: string; titleUr: string | null }) => pick(language, x.titleEn, x.titleUr);
  const initiativeCells = (i: { code: string; titleEn: string; titleUr: string | null }) => ({
    code: code(i.code),
    initiative: title(i),
  });
  /** What a status update changed ("stage: a → b", "health: a → b"); null for a note only. */
  const statusChange = (u: Pick<StatusUpdateView, 'fromStage' | 'toStage' | 'fromHealth' | 'toHealth'>): Cell =>
    list(
      [
        u.toStage ? l.text.stageTo(u.fromStage ? l.enums.stage[u.fromStage] : '—', l.enums.stage[u.toStage]) : null,
        u.toHealth
          ? l.text.healthTo(u.fromHealth ? l.enums.health[u.fromHealth] : '—', l.enums.health[u.toHealth])
          : null,
      ].filter((x): x is string => !!x),
    );
  /** What a development was: the change it made, "development", or the agreement signed / milestone achieved. */
  const developmentWhat = (d: Development): Cell =>
    d.kind === 'agreement_signed'
      ? l.text.developmentSigned(l.enums.agreement_kind[d.agreementKind] ?? d.agreementKind, title(d))
      : d.kind === 'milestone_achieved'
        ? l.text.developmentAchieved(title(d))
        : d.toStage || d.toHealth
          ? statusChange(d)
          : l.text.development;
  /** A development's note: a status update's own (the others say what they are in developmentWhat). */
  const developmentNote = (d: Development): Cell =>
    d.kind === 'status_update' ? pick(language, d.noteEn, d.noteUr) || null : null;
  /** The cells every engagements table has (the portfolio's adds the initiatives). */
  const engagementCells = (e: EngagementView) => ({
    date: date(e.startDate),
    title: title(e),
    place: pick(language, e.placeEn, e.placeUr),
    format: l.enums.engagement_format[e.format] ?? e.format,
    status: l.enums.engagement_status[e.status] ?? e.status,
    outcome: pick(language, e.outcomeEn, e.outcomeUr),
  });
  /** The cells every agreements table has: when signed, what, by whom. */
  const agreementCells = (a: AgreementView) => ({
    signed: date(a.signedDate),
    kind: l.enums.agreement_kind[a.kind] ?? a.kind,
    title: title(a),
    parties:
      [...a.partyCountryCodes.map(countryName), ...a.partyOrganizationIds.map(orgName)].join(joiner(language)) || null,
  });
  return {
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
    initiativeCells,
    statusChange,
    developmentWhat,
    developmentNote,
    engagementCells,
    agreementCells,
  };
}

/** The parameters shown at the top of every report: its date or period, the builder's own (`extra`), knownAt. */
export function metaFacts(ctx: BuildContext, extra: Fact[] = []): Fact[] {
  const { l } = contextHelpers(ctx);
  const p = ctx.params;
  const facts: Fact[] = [];
  if (p.asOf) facts.push({ label: l.meta.asOf, value: { t: 'date', v: p.asOf } });
  if (p.from && p.to)
    facts.push({
      label: l.meta.period,
      value: `${formatDate(ctx.language, p.from)} – ${formatDate(ctx.language, p.to)}`,
    });
  else if (p.from)
    facts.push({
      label: l.meta.period,
      value: `${formatDate(ctx.language, p.from)} – ${formatDate(ctx.language, p.asOf ?? p.from)}`,
    });
  facts.push(...extra);
  facts.push({ label: l.meta.knownAt, value: { t: 'moment', v: p.knownAt } });
  return facts;
}

/** The selection of a report over many initiatives (portfolio, changes): sectors and countries ("all" when none), stages and health when chosen. */
export function scopeFacts(ctx: BuildContext): Fact[] {
  const { l, sectorName, countryName } = contextHelpers(ctx);
  const p = ctx.params;
  const sep = joiner(ctx.language);
  const facts: Fact[] = [
    { label: l.meta.sectors, value: p.sectorIds?.length ? p.sectorIds.map(sectorName).join(sep) : l.meta.all },
    { label: l.meta.countries, value: p.countryCodes?.length ? p.countryCodes.map(countryName).join(sep) : l.meta.all },
  ];
  // Only a portfolio's parameters carry these (resolveParams).
  if (p.stages?.length) facts.push({ label: l.meta.stages, value: p.stages.map((s) => l.enums.stage[s]).join(sep) });
  if (p.health?.length) facts.push({ label: l.meta.health, value: p.health.map((h) => l.enums.health[h]).join(sep) });
  return facts;
}

/**
 * Evidence as citations: a quote of a source cited for several records (the initiative, its status update, a
 * milestone) is one citation, listing every row it stands for (`rows`), in the order of its first row.
 */
export function citations<T extends { sourceId: number; quote: string | null }>(rows: T[]): (T & { rows: T[] })[] {
  const out = new Map<string, T & { rows: T[] }>();
  for (const r of rows) {
    const key = `${r.sourceId}\u0000${(r.quote ?? '').replace(/\s+/g, ' ').trim()}`;
    const held = out.get(key);
    if (held) held.rows.push(r);
    else out.set(key, { ...r, rows: [r] });
  }
  return [...out.values()];
}

export const joiner = (language: Locale) => (language === 'ur' ? '، ' : ', ');

/** Whole days from a to b (calendar dates). */
export function daysFrom(a: string, b: string): number {
  return Math.round(
    (Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}
