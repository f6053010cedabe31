import {
  IATI_ACTIVITY_DATE,
  IATI_AGREEMENT_DOCUMENT,
  IATI_COUNTRY_ROLE,
  IATI_LEAD_ORGANISATION_ROLE,
  IATI_ORGANISATION_TYPE,
  IATI_SOURCE_DOCUMENT,
  iatiActivityStatus,
  type AgreementKind,
  type CountryRole,
  type Initiative,
  type OrganizationKind,
} from '@rabta/domain';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { xmlbuilder2 } from '../../common/lazy';

// One initiative as an IATI 2.03 `iati-activity` (docs/iati.md has the mapping tables). Pure: the service gathers
// the facts, this writes them in the order the schema's sequence requires.

export interface ReportingOrg {
  ref: string;
  name: string;
  type: string;
}

export interface ActivityFacts {
  initiative: Initiative;
  sectors: { code: string; nameEn: string; nameUr: string; dacCode: string | null }[];
  countries: { code: string; role: CountryRole; nameEn: string; nameUr: string }[];
  leads: { nameEn: string; nameUr: string | null; kind: OrganizationKind }[];
  milestones: { plannedDate: string | null; actualDate: string | null }[];
  /** When a completed or cancelled initiative reached that stage. */
  endedOn: string | null;
  /** The first stage's date: the fallback activity date. */
  recordedOn: string;
  documents: {
    url: string;
    title: string;
    publishedAt: string;
    language: string;
    category: string;
    about?: string;
  }[];
  related: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

export const activityIdentifier = (org: ReportingOrg, code: string) => `${org.ref}-${code}`;

/** Whole percentages that add up to 100, the remainder on the first. */
export function shares(n: number): number[] {
  if (n === 0) return [];
  const each = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => (i === 0 ? 100 - each * (n - 1) : each));
}

function narratives(parent: XMLBuilder, en: string | null | undefined, ur: string | null | undefined): void {
  if (en) parent.ele('narrative').txt(en);
  if (ur) parent.ele('narrative', { 'xml:lang': 'ur' }).txt(ur);
}

/** Where the activity is: the host countries, else the partner and lead countries. */
export function recipientCountries(countries: ActivityFacts['countries']): string[] {
  const hosts = countries.filter((c) => c.role === 'host');
  const chosen = hosts.length ? hosts : countries.filter((c) => c.role === 'partner' || c.role === 'lead');
  return chosen.map((c) => c.code);
}

/** The activity dates: start and target, and from the milestones the planned and actual dates (docs/iati.md). */
export function activityDates(f: ActivityFacts): { type: string; date: string }[] {
  const planned = f.milestones
    .map((m) => m.plannedDate)
    .filter((d): d is string => !!d)
    .sort();
  const actual = f.milestones
    .map((m) => m.actualDate)
    .filter((d): d is string => !!d && d <= today())
    .sort();
  const status = iatiActivityStatus(f.initiative.stage);
  const dates: { type: string; date: string }[] = [];
  const plannedStart = f.initiative.startDate ?? planned[0];
  if (plannedStart) dates.push({ type: IATI_ACTIVITY_DATE.plannedStart, date: plannedStart });
  // Started: in implementation or later (or suspended after it), from the first milestone delivered.
  if ([2, 3, 4, 6].includes(status) && actual[0]) dates.push({ type: IATI_ACTIVITY_DATE.actualStart, date: actual[0] });
  const plannedEnd = f.initiative.targetDate ?? planned[planned.length - 1];
  if (plannedEnd) dates.push({ type: IATI_ACTIVITY_DATE.plannedEnd, date: plannedEnd });
  if ((status === 4 || status === 5) && f.endedOn && f.endedOn <= today())
    dates.push({ type: IATI_ACTIVITY_DATE.actualEnd, date: f.endedOn });
  if (!dates.length) dates.push({ type: IATI_ACTIVITY_DATE.plannedStart, date: f.recordedOn });
  return dates;
}

export function activityXml(org: ReportingOrg, f: ActivityFacts): string {
  const i = f.initiative;
  const root = xmlbuilder2().fragment();
  const a = root.ele('iati-activity', {
    'last-updated-datetime': i.updatedAt,
    'xml:lang': 'en',
    ...(i.currency ? { 'default-currency': i.currency } : {}),
  });
  a.ele('iati-identifier').txt(activityIdentifier(org, i.code));
  narratives(a.ele('reporting-org', { ref: org.ref, type: org.type }), org.name, null);
  narratives(a.ele('title'), i.titleEn, i.titleUr);
  // A description is required: the summary, or the title when there is none.
  narratives(a.ele('description', { type: '1' }), i.summaryEn ?? i.titleEn, i.summaryUr ?? i.titleUr);
  let participants = 0;
  for (const c of f.countries) {
    const role = IATI_COUNTRY_ROLE[c.role];
    if (!role) continue;
    narratives(a.ele('participating-org', { role, type: '10' }), `Government of ${c.nameEn}`, `حکومتِ ${c.nameUr}`);
    participants++;
  }
  for (const o of f.leads) {
    narratives(
      a.ele('participating-org', { role: IATI_LEAD_ORGANISATION_ROLE[o.kind], type: IATI_ORGANISATION_TYPE[o.kind] }),
      o.nameEn,
      o.nameUr,
    );
    participants++;
  }
  // At least one participant is required: the reporting organisation answers for the activity.
  if (!participants)
    narratives(a.ele('participating-org', { role: '2', ref: org.ref, type: org.type }), org.name, null);
  a.ele('activity-status', { code: String(iatiActivityStatus(i.stage)) });
  for (const d of activityDates(f)) a.ele('activity-date', { type: d.type, 'iso-date': d.date });
  const recipients = recipientCountries(f.countries);
  shares(recipients.length).forEach((p, k) =>
    a.ele('recipient-country', { code: recipients[k], ...(recipients.length > 1 ? { percentage: String(p) } : {}) }),
  );
  // DAC 5-digit codes (vocabulary 1); a sector without one is reported in the organisation's own vocabulary (99).
  const dac = f.sectors.filter((s) => s.dacCode);
  const own = f.sectors.filter((s) => !s.dacCode);
  const dacShares = shares(dac.length);
  dac.forEach((s, k) =>
    narratives(
      a.ele('sector', { vocabulary: '1', code: s.dacCode!, percentage: String(dacShares[k]) }),
      s.nameEn,
      s.nameUr,
    ),
  );
  const ownShares = shares(own.length);
  own.forEach((s, k) =>
    narratives(
      a.ele('sector', { vocabulary: '99', code: s.code, percentage: String(ownShares[k]) }),
      s.nameEn,
      s.nameUr,
    ),
  );
  for (const d of f.documents) {
    const link = a.ele('document-link', { format: 'text/html', url: d.url });
    narratives(link.ele('title'), d.title, null);
    if (d.about) narratives(link.ele('description'), d.about, null);
    link.ele('category', { code: d.category });
    if (['en', 'ur', 'ru'].includes(d.language)) link.ele('language', { code: d.language });
    link.ele('document-date', { 'iso-date': d.publishedAt });
  }
  for (const code of f.related) a.ele('related-activity', { ref: activityIdentifier(org, code), type: '3' });
  return root.end({ prettyPrint: true, headless: true, indent: '  ' });
}

/** The document category of a source cited for an agreement (by the agreement's kind), or for the initiative. */
export function documentCategory(agreementKind?: AgreementKind): string {
  return agreementKind ? IATI_AGREEMENT_DOCUMENT[agreementKind] : IATI_SOURCE_DOCUMENT;
}
