import { normalizeText } from '@rabta/domain';
import type { Doc, Found } from './doc';
import { findEvents, type AgreementEvent, type EngagementEvent, type MilestoneEvent, type StageEvent } from './events';
import { romanise } from './translit';
import type { DateValue, ProposalDraft } from './types';

// Proposals: the records an analyst would write from the article, each resting on quoted sentences, with its data
// in the wire fields of the resource it creates. Confidence adds up what the text states plainly (a date in the
// same sentence, a known place, known participants) and takes away what had to be guessed (a date carried from
// elsewhere in the article, an inferred year, an unknown person); see CONFIDENCE.

/** The weights behind every proposal's confidence, in one place. */
export const CONFIDENCE = {
  engagement: {
    base: 0.45,
    /** The day is written in the engagement's own clause… */
    dateInSentence: 0.25,
    /** …or carried from the paragraph or the article. */
    dateCarried: 0.08,
    /** A place of its own (not the dateline's). */
    place: 0.12,
    twoKnown: 0.08,
    oneKnown: 0.04,
    forum: 0.05,
  },
  agreement: { base: 0.5, dateInSentence: 0.2, dateCarried: 0.05, initiative: 0.1, parties: 0.05, signatories: 0.05 },
  milestoneDate: { known: 0.6, new: 0.45, dateInSentence: 0.1 },
  /** A stage a signing with its own day names for the initiative in the same sentence, or one read from a cue. */
  statusChange: { signedHere: 0.85, signedElsewhere: 0.65, cue: 0.7 },
  newPerson: { titleAndClosedName: 0.85, other: 0.75 },
};

export function quoteOf(doc: Doc, sentences: number[]): ProposalDraft['quote'] {
  const list = [...new Set(sentences)].sort((a, b) => a - b).map((s) => doc.tz.sentences.find((x) => x.index === s)!);
  const start = list[0].start;
  const end = list[list.length - 1].end;
  return { start, end, text: doc.tz.text.slice(start, end) };
}

export function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

export function buildProposals(doc: Doc, index: Map<Found, number>): ProposalDraft[] {
  const events = findEvents(doc);
  const ids = (list: (Found | null | undefined)[]) =>
    [...new Set(list.filter((f): f is Found => !!f && index.has(f)).map((f) => index.get(f)!))].sort((a, b) => a - b);
  return [
    ...events.engagements.map((e) => engagement(doc, e, ids)).filter((p): p is ProposalDraft => p !== null),
    ...events.agreements.map((a) => agreement(doc, a, ids)),
    ...evidence(doc, ids),
    ...dedupeMilestones(events.milestones).map((m) => milestoneDate(doc, m, ids)),
    ...events.stages.map((s) => statusChange(doc, s, ids)),
    ...newPeople(doc, ids),
  ];
}

type Ids = (list: (Found | null | undefined)[]) => number[];

function personNames(doc: Doc, people: Found[]): { en: string[]; ur: string[] } {
  const en: string[] = [];
  const ur: string[] = [];
  for (const p of people) {
    const known = p.ref ? doc.gz.people.get(Number(p.ref.id)) : undefined;
    if (known) {
      en.push(known.nameEn);
      ur.push(known.nameUr ?? known.nameEn);
    } else {
      const name = p.name ?? doc.text(p);
      en.push(/[\u0600-\u06FF]/.test(name) ? romanise(name) : name);
      ur.push(name);
    }
  }
  return { en, ur };
}

function placeOf(
  doc: Doc,
  f: Found | null,
): { placeEn: string | null; placeUr: string | null; countryCode: string | null } {
  if (!f) return { placeEn: null, placeUr: null, countryCode: null };
  const urdu = /[\u0600-\u06FF]/.test(doc.text(f));
  const country = f.type === 'country' && f.countryCode ? doc.gz.countries.get(f.countryCode) : undefined;
  const en = country?.nameEn ?? f.entry?.label ?? (urdu ? null : doc.text(f));
  const ur = country?.nameUr ?? f.entry?.labelUr ?? (urdu ? doc.text(f) : null);
  return { placeEn: en, placeUr: ur, countryCode: f.countryCode ?? null };
}

function ordinalEn(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

function engagement(doc: Doc, e: EngagementEvent, ids: Ids): ProposalDraft | null {
  const W = CONFIDENCE.engagement;
  const date: DateValue | null = e.date ?? (doc.publishedAt ? { date: doc.publishedAt, precision: 'day' } : null);
  if (!date) return null;
  const known = e.participants.filter((p) => p.ref);
  const unknown = e.participants.filter((p) => !p.ref);
  const names = personNames(doc, e.participants);
  const place = placeOf(doc, e.place);
  const forumName = e.forum ? (e.forum.entry?.label ?? doc.text(e.forum)) : null;
  const forumUr = e.forum && /[\u0600-\u06FF]/.test(doc.text(e.forum)) ? doc.text(e.forum) : forumName;
  let titleEn: string;
  let titleUr: string;
  if (e.format === 'igc_session') {
    titleEn = `${e.sessionNumber ? `${ordinalEn(e.sessionNumber)} session` : 'Session'} of the ${forumName}`;
    titleUr = `${forumUr}${e.sessionNumber ? ` کا ${e.sessionNumber}واں` : ' کا'} اجلاس`;
  } else if (e.format === 'multilateral_sidelines') {
    titleEn = `${names.en.join(' – ')} on the sidelines of the ${forumName}`;
    titleUr = `${forumUr} کے موقع پر ${names.ur.join(' اور ')} کی ملاقات`;
  } else if (e.format === 'visit') {
    titleEn = `${names.en.join(' – ')} visit${place.placeEn ? ` to ${place.placeEn}` : ''}`;
    titleUr = `${names.ur.join(' اور ')} کا دورہ${place.placeUr ? ` ${place.placeUr}` : ''}`;
  } else if (names.en.length === 0 && forumName) {
    // Nobody named: the forum is the event ("Pakistan-Uzbekistan Joint Business Forum, Tashkent").
    titleEn = `${forumName}${place.placeEn ? `, ${place.placeEn}` : ''}`;
    titleUr = `${forumUr}${place.placeUr ? `، ${place.placeUr}` : ''}`;
  } else if (names.en.length === 0) {
    titleEn = `${e.format === 'working_group' ? 'Working group' : 'Meeting'}${place.placeEn ? `, ${place.placeEn}` : ''}`;
    titleUr = `اجلاس${place.placeUr ? `، ${place.placeUr}` : ''}`;
  } else {
    titleEn = `${names.en.join(' – ')} ${e.format === 'working_group' ? 'working group' : 'meeting'}${place.placeEn ? `, ${place.placeEn}` : ''}`;
    titleUr = `${names.ur.join(' اور ')} کی ملاقات${place.placeUr ? `، ${place.placeUr}` : ''}`;
  }
  let c = W.base;
  if (e.date && e.dateInSentence) c += W.dateInSentence;
  else if (e.date) c += W.dateCarried;
  if (e.place && !e.placeFromDateline) c += W.place;
  if (known.length >= 2) c += W.twoKnown;
  else if (known.length === 1) c += W.oneKnown;
  if (e.forum) c += W.forum;
  const data: Record<string, unknown> = {
    titleEn: titleEn.trim(),
    titleUr: titleUr.trim(),
    format: e.format,
    status: e.tense === 'future' || date.date > (doc.publishedAt ?? '9999') ? 'planned' : 'held',
    startDate: date.date,
    ...(e.endDate ? { endDate: e.endDate } : {}),
    ...(date.precision !== 'day' ? { datePrecision: date.precision } : {}),
    placeEn: place.placeEn,
    placeUr: place.placeUr,
    countryCode: place.countryCode,
    forumName,
    sessionNumber: e.sessionNumber,
    participantIds: [...new Set(known.map((p) => Number(p.ref!.id)))],
    initiativeIds: [...new Set(e.initiatives.map((i) => Number(i.ref?.id)).filter((n) => Number.isFinite(n)))],
  };
  if (unknown.length > 0)
    data.newParticipants = unknown.map((p) => ({ ...nameFields(doc, p), ...titleFields(doc, p) }));
  return {
    kind: 'engagement',
    confidence: round(c),
    quote: quoteOf(doc, e.sentences),
    data,
    mentions: ids([...e.participants, e.place, e.forum, e.dateFound, ...e.initiatives]),
  };
}

const KIND_NAMES = {
  mou: ['Memorandum of understanding', 'مفاہمتی یادداشت'],
  protocol: ['Protocol', 'پروٹوکول'],
  agreement: ['Agreement', 'معاہدہ'],
  contract: ['Contract', 'کنٹریکٹ'],
} as const;

function agreement(doc: Doc, a: AgreementEvent, ids: Ids): ProposalDraft {
  const W = CONFIDENCE.agreement;
  const initiatives = a.initiatives
    .map((i) => doc.gz.initiatives.get(Number(i.ref?.id))?.initiative)
    .filter((i) => !!i);
  const [kindEn, kindUr] = KIND_NAMES[a.kind];
  const countries = a.countries.map((c) => doc.gz.countries.get(c)).filter((c) => !!c);
  const titleEn = initiatives[0]
    ? `${kindEn} on ${initiatives[0].titleEn}`
    : countries.length >= 2
      ? `${kindEn} between ${countries.map((c) => c.nameEn).join(' and ')}`
      : kindEn;
  const titleUr = initiatives[0]?.titleUr
    ? `${initiatives[0].titleUr} کا ${kindUr}`
    : countries.length >= 2
      ? `${countries.map((c) => c.nameUr ?? c.nameEn).join(' اور ')} کے درمیان ${kindUr}`
      : kindUr;
  let c = W.base;
  if (a.date && a.dateInClause) c += W.dateInSentence;
  else if (a.date) c += W.dateCarried;
  if (initiatives.length > 0) c += W.initiative;
  if (a.countries.length >= 2) c += W.parties;
  if (a.signatories.length > 0) c += W.signatories;
  const place = placeOf(doc, a.place);
  return {
    kind: 'agreement',
    confidence: round(c),
    quote: quoteOf(doc, [a.sentence]),
    data: {
      kind: a.kind,
      titleEn,
      titleUr,
      status: 'signed',
      signedDate: a.date?.date ?? doc.publishedAt ?? null,
      signedPlaceEn: place.placeEn,
      signedPlaceUr: place.placeUr,
      partyCountryCodes: a.countries,
      signatoryIds: [...new Set(a.signatories.map((p) => Number(p.ref!.id)))],
      initiativeIds: [...new Set(initiatives.map((i) => i.id))],
    },
    mentions: ids([...a.signatories, a.place, a.dateFound, ...a.initiatives]),
  };
}

/** One evidence proposal per initiative, quoting the sentence that names it most surely. */
function evidence(doc: Doc, ids: Ids): ProposalDraft[] {
  const best = new Map<number | string, Found>();
  for (const f of doc.of('initiative')) {
    if (!f.ref) continue;
    const prev = best.get(f.ref.id);
    if (!prev || f.confidence > prev.confidence) best.set(f.ref.id, f);
  }
  const out: ProposalDraft[] = [];
  for (const [id, f] of best) {
    const quote = quoteOf(doc, [doc.sentenceOf(f)]);
    out.push({
      kind: 'evidence',
      confidence: round(f.confidence),
      quote,
      data: { initiativeId: id, quote: quote.text },
      mentions: ids([f]),
    });
  }
  return out;
}

function dedupeMilestones(list: MilestoneEvent[]): MilestoneEvent[] {
  const seen = new Map<string, MilestoneEvent>();
  for (const m of list) {
    const key = `${m.milestoneId ?? `i${m.initiativeId}:${m.titleEn ?? m.titleUr}`}`;
    const prev = seen.get(key);
    if (!prev || m.score > prev.score) seen.set(key, m);
  }
  return [...seen.values()];
}

function milestoneDate(doc: Doc, m: MilestoneEvent, ids: Ids): ProposalDraft {
  const W = CONFIDENCE.milestoneDate;
  const value = m.date.value as DateValue;
  let c = m.milestoneId ? W.known + 0.25 * m.score : W.new;
  if (m.date.date?.basis === 'absolute') c += W.dateInSentence;
  const data: Record<string, unknown> = m.milestoneId
    ? { milestoneId: m.milestoneId, plannedDate: value.date, precision: value.precision }
    : {
        initiativeId: m.initiativeId,
        titleEn: m.titleEn,
        titleUr: m.titleUr,
        plannedDate: value.date,
        precision: value.precision,
      };
  return {
    kind: 'milestone_date',
    confidence: round(c),
    quote: quoteOf(doc, [m.sentence]),
    data,
    mentions: ids([m.date, m.initiative]),
  };
}

function statusChange(doc: Doc, s: StageEvent, ids: Ids): ProposalDraft {
  const W = CONFIDENCE.statusChange;
  const c = s.fromSigning ? (s.direct ? W.signedHere : W.signedElsewhere) : W.cue;
  const quote = quoteOf(doc, [s.sentence]);
  return {
    kind: 'status_change',
    confidence: round(c),
    quote,
    data: { initiativeId: s.initiativeId, fromStage: s.fromStage, toStage: s.toStage, note: quote.text },
    mentions: ids([s.initiative]),
  };
}

function nameFields(doc: Doc, p: Found): Record<string, unknown> {
  const name = p.name ?? doc.text(p);
  if (/[\u0600-\u06FF]/.test(name)) return { nameUr: name, nameEn: romanise(name), nameEnSuggested: true };
  return { nameEn: name };
}

function titleFields(doc: Doc, p: Found): Record<string, unknown> {
  const t = p.titleFound;
  if (!t) return {};
  const written = doc.text(t);
  const v = (t.value ?? {}) as {
    titleEn?: string | null;
    titleUr?: string | null;
    portfolioEn?: string | null;
    portfolioUr?: string | null;
  };
  const composedEn = v.titleEn ? `${v.titleEn}${v.portfolioEn ? ` for ${v.portfolioEn}` : ''}` : null;
  const composedUr = v.titleUr ? `${v.titleUr}${v.portfolioUr ? ` ${v.portfolioUr}` : ''}` : null;
  return /[\u0600-\u06FF]/.test(written)
    ? { titleUr: written, titleEn: composedEn }
    : { titleEn: written, titleUr: composedUr };
}

function newPeople(doc: Doc, ids: Ids): ProposalDraft[] {
  const W = CONFIDENCE.newPerson;
  const byName = new Map<string, Found[]>();
  for (const p of doc.of('person')) {
    if (p.ref) continue;
    const key = normalizeText(p.name ?? doc.text(p)).replace(/ /g, '');
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const out: ProposalDraft[] = [];
  for (const list of byName.values()) {
    // The first mention names the person; the first that gives a title, organisation or country gives those.
    const p = list[0];
    const titled = list.find((f) => f.titleFound) ?? p;
    const data: Record<string, unknown> = { ...nameFields(doc, p), ...titleFields(doc, titled) };
    const org = list.find((f) => f.orgFound?.ref)?.orgFound;
    if (org?.ref) data.organizationId = Number(org.ref.id);
    const country = list.find((f) => f.countryCode)?.countryCode;
    if (country) data.countryCode = country;
    out.push({
      kind: 'new_person',
      confidence: round(Math.min(W.titleAndClosedName, Math.max(...list.map((f) => f.confidence)))),
      quote: quoteOf(
        doc,
        list.map((f) => doc.sentenceOf(f)),
      ),
      data,
      mentions: ids([...list, ...list.map((f) => f.titleFound)]),
    });
  }
  return out;
}
