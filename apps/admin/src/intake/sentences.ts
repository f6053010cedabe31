import type { Proposal } from '@rabta/domain/schemas/intake';
import type { AppLocale } from '../i18n';
import { intlLocale } from '../i18n/format';

// A proposal as the sentence an analyst reads before accepting it: "Engagement 10 July 2025, Kuala Lumpur,
// Dar–Lavrov, sidelines of the 32nd ASEAN Regional Forum". Names come from the records the proposal points to, in
// the language of the screen.

type Rec = Record<string, unknown>;
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface SentenceContext {
  locale: AppLocale;
  translate: Translate;
  /** A referenced record (people, initiatives, milestones, engagements, agreements, organizations), when loaded. */
  record: (resource: string, id: unknown) => Rec | undefined;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

/** A field in the screen's language, falling back to the other one. */
export function bilingual(r: Rec | undefined, base: string, locale: AppLocale): string | null {
  if (!r) return null;
  const en = str(r[`${base}En`]);
  const ur = str(r[`${base}Ur`]);
  return locale === 'ur' ? (ur ?? en) : (en ?? ur);
}

/** A date as precise as it is known: 10 July 2025, August 2025, 2025. */
export function formatDateValue(date: string, precision: string | undefined, locale: AppLocale): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  const options: Intl.DateTimeFormatOptions =
    precision === 'year'
      ? { year: 'numeric', timeZone: 'UTC' }
      : precision === 'month'
        ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(d);
}

/** 32 → "32nd" / "32ویں". */
export function ordinal(n: number, locale: AppLocale): string {
  if (locale === 'ur') return `${n}ویں`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10];
  return `${n}${suffix ?? 'th'}`;
}

/** A person by surname, as headlines name them ("Dar", "Lavrov"). */
function shortName(person: Rec | undefined, locale: AppLocale): string | null {
  const name = bilingual(person, 'name', locale);
  if (!name) return null;
  const words = name.split(/\s+/);
  return words[words.length - 1];
}

/** A quoted passage, shortened, isolated from the sentence's direction (Urdu quotes in English sentences). */
function quoteOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `\u2068${t.length > 160 ? `${t.slice(0, 157)}…` : t}\u2069`;
}

function engagementPhrase(d: Rec, ctx: SentenceContext): string {
  const { locale, translate } = ctx;
  const date = str(d.startDate) ? formatDateValue(String(d.startDate), 'day', locale) : null;
  const place = bilingual(d, 'place', locale);
  const people = [
    ...ids(d.participantIds).map((id) => shortName(ctx.record('people', id), locale)),
    ...(Array.isArray(d.newParticipants) ? (d.newParticipants as Rec[]) : []).map((p) =>
      str(locale === 'ur' ? (p.nameUr ?? p.nameEn) : (p.nameEn ?? p.nameUr)),
    ),
  ].filter((x): x is string => !!x);
  const forum = str(d.forumName);
  const session = typeof d.sessionNumber === 'number' ? ordinal(d.sessionNumber, locale) : null;
  let forumPart: string | null = null;
  if (forum) {
    const key =
      d.format === 'multilateral_sidelines'
        ? 'sidelines'
        : d.format === 'igc_session' && session
          ? 'session'
          : session
            ? 'numbered'
            : 'forum';
    forumPart = translate(`rabta.intake.sentence.forum_${key}`, { forum, ordinal: session ?? '' }).trim();
  }
  return [date, place, people.join('–') || null, forumPart].filter(Boolean).join(translate('rabta.intake.comma'));
}

/** The record an evidence proposal cites the article for, named. */
function evidenceTarget(d: Rec, ctx: SentenceContext): string {
  const { locale, translate } = ctx;
  if (d.engagementId) {
    const e = ctx.record('engagements', d.engagementId);
    return translate('rabta.intake.sentence.target_engagement', {
      name: e ? engagementPhrase(e, ctx) || bilingual(e, 'title', locale) : `#${String(d.engagementId)}`,
    });
  }
  if (d.agreementId) {
    const a = ctx.record('agreements', d.agreementId);
    return bilingual(a, 'title', locale) ?? `#${String(d.agreementId)}`;
  }
  if (d.milestoneId) {
    const m = ctx.record('milestones', d.milestoneId);
    return translate('rabta.intake.sentence.target_milestone', {
      name: bilingual(m, 'title', locale) ?? `#${String(d.milestoneId)}`,
    });
  }
  if (d.statusUpdateId) return translate('rabta.intake.sentence.target_status_update');
  const i = ctx.record('initiatives', d.initiativeId);
  return bilingual(i, 'title', locale) ?? `#${String(d.initiativeId ?? '?')}`;
}

export function proposalSentence(p: Proposal, ctx: SentenceContext): string {
  const { locale, translate } = ctx;
  const d = p.data as Rec;
  switch (p.kind) {
    case 'engagement':
      return translate('rabta.intake.sentence.engagement', { details: engagementPhrase(d, ctx) });
    case 'agreement': {
      const initiative = ids(d.initiativeIds)
        .map((id) => bilingual(ctx.record('initiatives', id), 'title', locale))
        .find(Boolean);
      return translate('rabta.intake.sentence.agreement', {
        kind: translate(`enums.agreement_kind.${String(d.kind ?? 'agreement')}`),
        date: str(d.signedDate) ? formatDateValue(String(d.signedDate), 'day', locale) : '…',
        title: bilingual(d, 'title', locale) ?? initiative ?? '…',
      });
    }
    case 'evidence':
      return translate('rabta.intake.sentence.evidence', {
        target: evidenceTarget(d, ctx),
        quote: quoteOf(str(d.quote) ?? p.quote.text),
      });
    case 'milestone_date': {
      const m = d.milestoneId ? ctx.record('milestones', d.milestoneId) : undefined;
      const title = bilingual(m, 'title', locale) ?? bilingual(d, 'title', locale) ?? '…';
      const date = str(d.plannedDate) ? formatDateValue(String(d.plannedDate), str(d.precision) ?? 'day', locale) : '…';
      return translate(d.milestoneId ? 'rabta.intake.sentence.milestone' : 'rabta.intake.sentence.milestone_new', {
        title,
        date,
        initiative: bilingual(ctx.record('initiatives', d.initiativeId), 'title', locale) ?? '…',
      });
    }
    case 'status_change': {
      const initiative = bilingual(ctx.record('initiatives', d.initiativeId), 'title', locale) ?? '…';
      const from = str(d.fromStage) ? translate(`enums.stage.${String(d.fromStage)}`) : '…';
      const to = str(d.toStage) ? translate(`enums.stage.${String(d.toStage)}`) : '…';
      const note = str(d.note);
      const base = translate('rabta.intake.sentence.status_change', { initiative, from, to });
      return note && note.length <= 60 ? `${base} (${note})` : base;
    }
    case 'new_person': {
      const written = str(d.nameUr) ?? str(d.nameEn) ?? '…';
      const romanised = str(d.nameUr) && str(d.nameEn) && d.nameEn !== d.nameUr ? ` (${String(d.nameEn)})` : '';
      const title = bilingual(d, 'title', locale);
      const org = bilingual(ctx.record('organizations', d.organizationId), 'name', locale);
      return translate('rabta.intake.sentence.new_person', {
        details: [`${written}${romanised}`, title, org].filter(Boolean).join(translate('rabta.intake.comma')),
      });
    }
  }
}

/** The ids each proposal refers to, by resource, to load their names in one request per resource. */
export function referencedIds(proposals: readonly Proposal[]): Record<string, number[]> {
  const out: Record<string, Set<number>> = {
    people: new Set(),
    initiatives: new Set(),
    milestones: new Set(),
    engagements: new Set(),
    agreements: new Set(),
    organizations: new Set(),
  };
  const add = (resource: string, v: unknown) => {
    for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'number') out[resource].add(id);
  };
  for (const p of proposals) {
    const d = p.data as Rec;
    add('people', d.participantIds);
    add('people', d.signatoryIds);
    add('initiatives', d.initiativeIds);
    add('initiatives', d.initiativeId);
    add('milestones', d.milestoneId);
    add('engagements', d.engagementId);
    add('agreements', d.agreementId);
    add('organizations', d.organizationId);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]]));
}
