import { canTransition, type InitiativeStage } from '@rabta/domain';
import {
  AGREEMENT_KIND_WORDS,
  ANAPHORA,
  ANNOUNCE_WORDS,
  APPROVAL_WORDS,
  DOMESTIC_BODIES,
  INTENT_AFTER_SIGNING_UR,
  MET_WORDS,
  PRESS_EVENT_WORDS,
  MEETING_WORDS_EN,
  MEETING_WORDS_UR,
  MILESTONE_STEPS,
  SESSION_WORDS,
  SIDELINES_EN,
  SIDELINES_UR,
  SIGNING_WORDS_EN,
  SIGNING_WORDS_UR,
  STAGE_CUES,
  VISIT_WORDS_EN,
  VISIT_WORDS_UR,
  WORKING_GROUP_WORDS,
} from './data/words';
import { ordinalAt } from './dates';
import type { Doc, Found } from './doc';
import { foldWord, phraseList, stem, words } from './keys';
import { tenseAt, type Tense } from './tense';
import type { Sentence, Tokenized } from './tokens';
import type { DateValue } from './types';

// Events: what happened (meetings, visits, sessions, signings) and what is announced (dates of what is to come,
// moves of a project), read sentence by sentence from the trigger words and the mentions around them. A sentence
// that reports a meeting without a date takes the article's news date: the last day it named for something done.

export type EngagementFormat =
  'bilateral_meeting' | 'multilateral_sidelines' | 'igc_session' | 'working_group' | 'visit';

export interface EngagementEvent {
  sentences: number[];
  date: DateValue | null;
  endDate?: string;
  dateFound: Found | null;
  /** The date came from the sentence itself (not carried from the article's news date). */
  dateInSentence: boolean;
  place: Found | null;
  forum: Found | null;
  format: EngagementFormat;
  sessionNumber: number | null;
  participants: Found[];
  initiatives: Found[];
  tense: Tense;
  countries: Set<string>;
  placeFromDateline?: boolean;
}

export interface AgreementEvent {
  sentence: number;
  kind: 'mou' | 'protocol' | 'agreement' | 'contract';
  kindText: string;
  date: DateValue | null;
  dateFound: Found | null;
  place: Found | null;
  signatories: Found[];
  initiatives: Found[];
  countries: string[];
  dateInSentence: boolean;
  /** The day carried from the article when the sentence gives none. */
  carried?: Found | null;
  /** Every sentence that tells of this signing. */
  sentences?: number[];
  /** The day is written in the very clause of the signing ("signed … on Tuesday"). */
  dateInClause?: boolean;
}

export interface MilestoneEvent {
  sentence: number;
  date: Found;
  milestoneId: number | null;
  initiativeId: number | null;
  titleEn: string | null;
  titleUr: string | null;
  initiative: Found | null;
  score: number;
}

export interface StageEvent {
  sentence: number;
  initiative: Found;
  initiativeId: number;
  fromStage: string;
  toStage: string;
  cue: string;
  /** The initiative is named in the sentence itself (not by "the project"). */
  direct: boolean;
  /** Read from a signing with a day of its own. */
  fromSigning?: boolean;
}

const MEETING = phraseList([...MEETING_WORDS_UR, ...MEETING_WORDS_EN]);
const PRESS = phraseList(PRESS_EVENT_WORDS);
const MET = new Set(MET_WORDS.map((w) => words(w).join(' ')));
const DOMESTIC = phraseList(DOMESTIC_BODIES);
const CHAIRED = phraseList([
  'chaired',
  'chairing',
  'presided',
  'presiding',
  'زیر صدارت',
  'صدارت کی',
  'صدارت میں',
  'صدارت کرتے',
]);
const APPROVAL = new Set(APPROVAL_WORDS.map(foldWord));
const INTENT_UR = phraseList(INTENT_AFTER_SIGNING_UR);
/** Titles of envoys: an envoy in a meeting makes it one between governments. */
const ENVOYS = new Set(
  [
    'ambassador',
    'high commissioner',
    'envoy',
    'consul general',
    "charge d'affaires",
    'سفیر',
    'ہائی کمشنر',
    'قونصل جنرل',
    'ناظم الامور',
  ].map((w) => words(w).join(' ')),
);
/** What a document exchanged is, for "exchanged" to be a signing ("exchanged the MoUs", not "exchanged views"). */
const EXCHANGED_THINGS = new Set(
  ['documents', 'document', 'instruments', 'instrument', 'dastavezat', 'دستاویزات', 'ratification'].map(foldWord),
);
const HOME = 'PK';
/** Where reported speech begins: what follows is what was said. */
const REPORTED = new Set(['that', 'کہ'].map(foldWord));
const VISIT = phraseList([...VISIT_WORDS_UR, ...VISIT_WORDS_EN]);
const SIDELINES = phraseList([...SIDELINES_UR, ...SIDELINES_EN]);
const WORKING_GROUP = phraseList(WORKING_GROUP_WORDS);
const SESSION = phraseList(SESSION_WORDS);
const SIGNING = phraseList([...SIGNING_WORDS_UR, ...SIGNING_WORDS_EN]);
const ANNOUNCE = phraseList(ANNOUNCE_WORDS);
const ANAPHORS = phraseList(ANAPHORA);
const KINDS = AGREEMENT_KIND_WORDS.flatMap((k) => phraseList(k.words).map((w) => ({ kind: k.kind, words: w }))).sort(
  (a, b) => b.words.length - a.words.length,
);
const CUES = STAGE_CUES.flatMap((c) =>
  phraseList([...c.en, ...c.ur]).map((w) => ({ stage: c.stage, words: w, with: phraseList(c.with ?? []) })),
).sort((a, b) => b.words.length - a.words.length);
const PLACE_CUE_BEFORE = new Set(['in', 'at']);
const PLACE_CUE_AFTER = new Set(['میں']);

/** Token indexes in a sentence where a phrase starts. */
export function phraseHits(
  tz: Tokenized,
  s: Sentence,
  phrases: string[][],
): { at: number; len: number; words: string[] }[] {
  const out: { at: number; len: number; words: string[] }[] = [];
  for (let k = s.firstToken; k < s.endToken; k++) {
    for (const p of phrases) {
      let ok = true;
      for (let x = 0; x < p.length; x++) {
        const t = tz.tokens[k + x];
        if (!t || k + x >= s.endToken || (t.norm !== p[x] && t.stem !== p[x])) {
          ok = false;
          break;
        }
      }
      if (ok) out.push({ at: k, len: p.length, words: p });
    }
  }
  return out;
}

function inSentence(doc: Doc, type: Found['type'], s: number): Found[] {
  return doc.inSentence(type, s).sort((a, b) => a.from - b.from);
}

/** The article's datelines ("ISLAMABAD:", "اسلام آباد(مشرق نامہ):") name where it was filed, not where things happened. */
export function isDateline(doc: Doc, f: Found): boolean {
  const { tokens } = doc.tz;
  const s = doc.tz.sentences.find((x) => x.index === doc.sentenceOf(f));
  if (!s || f.from - s.firstToken > 1 || s.index > 1) return false;
  const next = tokens[f.to + 1];
  return !!next && [':', '(', '—', '-', '،', ',', '/'].includes(next.raw);
}

/**
 * Where something happened: a place of the sentence (not the dateline, not inside an initiative's or an
 * organisation's name, not in a clause about what was discussed — "…سے ملاقات کی جس میں گوادر میں ریفائنری…"),
 * preferring one written as a location (in X, X میں) and the nearest to the trigger; else a country so written.
 */
function pickPlace(doc: Doc, s: Sentence, near: number, topicsAfter = true, part?: [number, number]): Found | null {
  const { tokens } = doc.tz;
  const inPart = (p: Found) => !part || (p.from >= part[0] && p.to <= part[1]);
  const inside = (p: Found) =>
    inSentence(doc, 'initiative', s.index).some((i) => i.from <= p.from && p.to <= i.to && !visitedSite(doc, i)) ||
    inSentence(doc, 'organization', s.index).some((o) => o.from <= p.from && p.to <= o.to);
  const topic = (p: Found) => {
    if (!topicsAfter || p.from < near) return false;
    for (let k = near; k < p.from; k++) if (TOPIC_CLAUSE.has(tokens[k].norm)) return true;
    return false;
  };
  const usable = (p: Found) => inPart(p) && !isDateline(doc, p) && !inside(p) && !topic(p);
  const cued = (p: Found) =>
    PLACE_CUE_BEFORE.has(tokens[p.from - 1]?.norm) || PLACE_CUE_AFTER.has(tokens[p.to + 1]?.norm);
  const places = inSentence(doc, 'place', s.index).filter(usable);
  if (places.length === 0) {
    // A country as the place: "in Pakistan", "پاکستان میں", "visit to Russia".
    const countries = inSentence(doc, 'country', s.index).filter(
      (c) =>
        c.entry?.kind !== 'adjective' &&
        usable(c) &&
        (['in', 'to'].includes(tokens[c.from - 1]?.norm) || PLACE_CUE_AFTER.has(tokens[c.to + 1]?.norm)),
    );
    return countries[0] ?? null;
  }
  const pool = places.filter(cued).length > 0 ? places.filter(cued) : places;
  return pool.reduce((best, p) => (Math.abs(p.from - near) < Math.abs(best.from - near) ? p : best), pool[0]);
}

/** A site named by its own name and visited or stood at ("گوادر پورٹ کے دورے", "visited the Karachi Gateway Terminal"). */
function visitedSite(doc: Doc, i: Found): boolean {
  if (i.entry?.kind !== 'alias') return false;
  const { tokens } = doc.tz;
  let after = i.to + 1;
  while (['کے', 'کا', 'کی'].includes(tokens[after]?.norm)) after++;
  let before = i.from - 1;
  if (tokens[before]?.norm === 'the') before--;
  return SITE_VISIT_AFTER.has(tokens[after]?.norm) || SITE_AT_BEFORE.has(tokens[before]?.norm);
}
const SITE_VISIT_AFTER = new Set(['دورے', 'دورہ', 'میں', 'پر']);
const SITE_AT_BEFORE = new Set(['visited', 'visit', 'visiting', 'at', 'toured', 'in']);

/** Clause boundaries: commas and the conjunctions that start a new clause. */
const CLAUSE_WORDS = new Set(['while', 'whereas', 'but', 'جبکہ', 'تاہم', 'لیکن', 'مگر']);
/** Reported speech: what follows "said (that)" / "کہا کہ" is what was said, not who met. */
const SPEECH_WORDS = new Set(['کہ', 'said', 'saying', 'says', 'told', 'stated', 'added', 'noted', 'stressed', 'that']);

function clauseOf(doc: Doc, s: Sentence, at: number): [number, number] {
  const { tokens } = doc.tz;
  const boundary = (k: number) => {
    const t = tokens[k];
    return t.raw === ',' || t.raw === '،' || t.raw === ';' || t.raw === '؛' || CLAUSE_WORDS.has(t.norm);
  };
  let a = at;
  while (a > s.firstToken && !boundary(a - 1)) a--;
  let b = at;
  while (b < s.endToken - 1 && !boundary(b + 1)) b++;
  return [a, b];
}

/** The part of a sentence around `at` up to reported speech: who met, not whom they talked about. */
function speechSegment(doc: Doc, s: Sentence, at: number): [number, number] {
  const { tokens } = doc.tz;
  let a = s.firstToken;
  let b = s.endToken - 1;
  for (let k = s.firstToken; k < s.endToken; k++) {
    if (!SPEECH_WORDS.has(tokens[k].norm) || (tokens[k].norm === 'that' && !SPEECH_WORDS.has(tokens[k - 1]?.norm)))
      continue;
    if (k < at) a = k + 1;
    else if (k > at) {
      b = k - 1;
      break;
    }
  }
  return [a, b];
}

/** The date a sentence is about: its own day (or month, year) date, preferring what it reports over what it plans. */
function sentenceDate(doc: Doc, s: number, within?: [number, number]): Found | null {
  let dates = inSentence(doc, 'date', s);
  if (within) dates = dates.filter((d) => d.from >= within[0] && d.to <= within[1]);
  if (dates.length === 0) return null;
  const byPrecision = (d: Found) =>
    (d.value as DateValue).precision === 'day' ? 0 : (d.value as DateValue).precision === 'month' ? 1 : 2;
  return [...dates].sort((a, b) => byPrecision(a) - byPrecision(b) || a.from - b.from)[0];
}

/** Words that add people to the meeting just told: "ان کے ہمراہ … بھی تھے", "accompanied by", "also present". */
const ACCOMPANY = phraseList([
  'ہمراہ',
  'بھی موجود',
  'موجود تھے',
  'بھی شرکت',
  'accompanied',
  'along with',
  'also present',
  'were present',
  'was present',
  'also attended',
]);
/** Clause words after which a place is what was discussed, not where: "جس میں", "which", "where". */
const TOPIC_CLAUSE = new Set(['جس', 'جن', 'which', 'about', 'regarding', 'including'].map(foldWord));
/** Words that join two clauses of one sentence, each of which may tell its own event. */
const CLAUSE_JOINS = new Set(['جبکہ', 'while', 'whereas', 'تاہم', 'however', 'meanwhile'].map(foldWord));
/** Verbs of a meeting taking place: "was held", "took place", "met", "منعقد ہوا", "ہوا". */
const HELD = phraseList([
  'held',
  'meet',
  'meets',
  'convene',
  'convenes',
  'took place',
  'convened',
  'met',
  'opened',
  'concluded',
  'منعقد',
  'ہوا',
  'ہوئی',
  'ہوئے',
  'ہوئیں',
  'شروع ہوا',
  'اختتام پذیر',
]);
/** Meeting words that name the event itself (not a verb of meeting someone). */
const MEETING_NOUNS = new Set(
  [
    'meeting',
    'meetings',
    'talks',
    'session',
    'conference',
    'summit',
    'consultations',
    'اجلاس',
    'مذاکرات',
    'کانفرنس',
    'سربراہی اجلاس',
    'بات چیت',
  ].map((w) => words(w).join(' ')),
);

/** Trigger words that are not meetings: a press conference, an invitation to visit, a visit to be paid. */
const NOT_MEETINGS = phraseList([
  'news conference',
  'press conference',
  'پریس کانفرنس',
  'میڈیا سے گفتگو',
  'میڈیا بریفنگ',
  'press briefing',
]);
/** A message read out or a video shown: its sender was not there. */
const REMOTE = phraseList(['پیغام', 'ویڈیو پیغام', 'message', 'video message', 'letter', 'خط']);

/** The parts of a sentence joined by جبکہ / while / however: each may tell an event of its own. */
function clauses(doc: Doc, s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  let start = s.firstToken;
  for (let k = s.firstToken; k < s.endToken; k++) {
    const t = doc.tz.tokens[k];
    if (k > start && (CLAUSE_JOINS.has(t.norm) || t.raw === ';' || t.raw === '؛')) {
      out.push([start, k - 1]);
      start = k + 1;
    }
  }
  if (start < s.endToken) out.push([start, s.endToken - 1]);
  return out;
}

const COMMISSION = new Set(['کمیشن', 'commission'].map(foldWord));
const SAID = new Set(
  ['said', 'stated', 'announced', 'told', 'added', 'statement', 'کہا', 'بتایا', 'اعلامیے', 'بیان'].map(foldWord),
);

/** A date in the reporting clause after the event's trigger: the day it was said, not the day it happened. */
function saidOn(doc: Doc, s: Sentence, d: Found, trigger: number): boolean {
  if (d.from < trigger) return false;
  for (let k = Math.max(trigger + 1, d.from - 6); k < d.from; k++) if (SAID.has(doc.tz.tokens[k].norm)) return true;
  return false;
}

/** The intergovernmental commission the article names (for "the commission" later on). */
function articleCommission(doc: Doc): Found | null {
  return doc.of('forum').find((f) => f.entry?.forum?.igc) ?? null;
}

/** "at a news conference", "invited … to visit", "دورے کی دعوت": not an engagement. */
function notAMeeting(doc: Doc, s: Sentence, at: number): boolean {
  const { tokens } = doc.tz;
  if (phraseHits(doc.tz, s, NOT_MEETINGS).some((h) => at >= h.at && at < h.at + h.len)) return true;
  if (phraseHits(doc.tz, s, REMOTE).length > 0) return true;
  if (tokens[at - 1]?.norm === 'to' && tokens[at].script === 'latin') return true;
  const next = (k: number) => tokens[at + k]?.norm;
  return next(1) === foldWord('کی') && next(2) === foldWord('دعوت');
}

export function findEvents(doc: Doc): {
  engagements: EngagementEvent[];
  agreements: AgreementEvent[];
  milestones: MilestoneEvent[];
  stages: StageEvent[];
} {
  const { tz } = doc;
  const engagements: EngagementEvent[] = [];
  const signings: AgreementEvent[] = [];
  const milestones: MilestoneEvent[] = [];
  const stages: StageEvent[] = [];
  const dateline = datelinePlace(doc);
  // The article's main date (the first day it gives for something done) and the latest such day in the current
  // paragraph: a sentence that tells of a meeting or signing without a date takes the paragraph's, else the main.
  let primary: Found | null = null;
  let paragraphDate: Found | null = null;
  let paragraph = -1;
  let lastInitiatives: Found[] = [];
  let paragraphInitiatives: Found[] = [];
  const main = mainInitiative(doc);
  let lastEngagement: EngagementEvent | null = null;

  for (const s of tz.sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      paragraphDate = null;
      paragraphInitiatives = [];
    }
    const own = sentenceDate(doc, s.index);
    const carried = paragraphDate ?? primary;
    // The last day the sentence gives for something done (narratives go forward: "on 8 December …, and on 9 December …").
    const ownDay =
      [...inSentence(doc, 'date', s.index)]
        .reverse()
        .find(
          (d) =>
            (d.value as DateValue).precision === 'day' &&
            d.date?.tense !== 'future' &&
            !saidOn(doc, s, d, s.firstToken - 1),
        ) ?? null;
    if (ownDay) {
      paragraphDate = ownDay;
      primary ??= ownDay;
    }
    const people = inSentence(doc, 'person', s.index);
    const initiatives = inSentence(doc, 'initiative', s.index);
    const anaphora = phraseHits(tz, s, ANAPHORS).length > 0;
    // "اس منصوبے", "the project": the initiative named last.
    const sentenceInitiatives = initiatives.length > 0 ? initiatives : anaphora ? lastInitiatives.slice(-1) : [];

    // ------------------------------------------------------------------ meetings, visits, sessions, ceremonies
    const meetingHits = phraseHits(tz, s, MEETING).filter((h) => !notAMeeting(doc, s, h.at));
    const visitHits = phraseHits(tz, s, VISIT).filter((h) => !notAMeeting(doc, s, h.at));
    const signingHits = phraseHits(tz, s, SIGNING);
    const accompany = phraseHits(tz, s, ACCOMPANY).length > 0;
    if (
      lastEngagement &&
      accompany &&
      people.length > 0 &&
      s.index - lastEngagement.sentences[lastEngagement.sentences.length - 1] <= 2
    ) {
      // "ان کے ہمراہ … ہارون اختر خان بھی تھے", "… بھی موجود تھے": more people at the meeting just told.
      for (const p of people)
        if (!lastEngagement.participants.some((q) => q === p || (q.ref && q.ref.id === p.ref?.id)))
          lastEngagement.participants.push(p);
      lastEngagement.sentences.push(s.index);
    } else {
      let told = false;
      const pressHits = phraseHits(tz, s, PRESS);
      const domesticHits = phraseHits(tz, s, DOMESTIC);
      const chairedHits = phraseHits(tz, s, CHAIRED);
      const heldHits = phraseHits(tz, s, HELD);
      for (const part of clauses(doc, s)) {
        const inPart = (f: Found) => f.from >= part[0] && f.to <= part[1];
        // Beside a press conference or a media talk only "met", "called on", "ملاقات" tell a meeting.
        const press = pressHits.some((h) => h.at >= part[0] && h.at <= part[1]);
        const mh = meetingHits.filter(
          (h) => h.at >= part[0] && h.at <= part[1] && (!press || MET.has(h.words.join(' '))),
        );
        const vh = visitHits.filter((h) => h.at >= part[0] && h.at <= part[1]);
        const sh = signingHits.filter((h) => h.at >= part[0] && h.at <= part[1]);
        const forums = inSentence(doc, 'forum', s.index).filter(inPart);
        const hh = heldHits.filter((h) => h.at >= part[0] && h.at <= part[1]);
        // A forum held, or meeting: "the Joint Business Forum was held …", "the commission will meet …".
        const trigger = mh[0]?.at ?? vh[0]?.at ?? sh[0]?.at ?? (forums.length > 0 ? hh[0]?.at : undefined);
        if (trigger === undefined) continue;
        const session = phraseHits(tz, s, SESSION).some((h) => h.at >= part[0] && h.at <= part[1]);
        const wg = phraseHits(tz, s, WORKING_GROUP).some((h) => h.at >= part[0] && h.at <= part[1]);
        const held = hh.length > 0;
        let igc = forums.find((f) => (f.entry?.forum?.igc ?? false) && (session || held));
        // "کمیشن کا اجلاس", "the commission's session": the commission the article has named.
        if (!igc && session && tz.tokens.slice(part[0], part[1] + 1).some((t) => COMMISSION.has(t.norm)))
          igc = articleCommission(doc) ?? undefined;
        const segment = speechSegment(doc, s, trigger);
        const within = (f: Found) => inPart(f) && f.from >= segment[0] && f.to <= segment[1];
        const participants = people.filter(within);
        const offices = press ? [] : inSentence(doc, 'position', s.index).filter(within);
        // A meeting of one government's own body (the cabinet, the ECC, قومی اسمبلی), or one an official chaired
        // ("chaired a meeting on …", "کی زیر صدارت اجلاس"), with nothing foreign in it.
        const coChaired = (at: number) =>
          ['co', 'مشترکہ'].includes(tz.tokens[at - 1]?.norm ?? '') || tz.tokens[at - 1]?.raw === '-';
        if (
          (domesticHits.some((h) => h.at >= part[0] && h.at <= part[1]) ||
            chairedHits.some((h) => h.at >= part[0] && h.at <= part[1] && !coChaired(h.at))) &&
          !foreignIn(doc, s, part, participants)
        )
          continue;
        const places = inSentence(doc, 'place', s.index).filter((p) => inPart(p) && !isDateline(doc, p));
        // "Meetings in Kuala Lumpur and Moscow": a summary of several engagements, told one by one after it.
        const summary =
          new Set(places.map((p) => p.entry?.label ?? doc.text(p))).size >= 2 &&
          mh.some((h) => /ملاقاتیں|meetings|ملاقاتوں/.test(h.words.join(' ')));
        // Not the day something was said ("…, the ministry said in a statement on Wednesday").
        // In reported speech ("told the briefing on Thursday that Dar would visit Moscow") a date before it is the day
        // it was said.
        let reported = part[0];
        for (let k = trigger - 1; k > part[0]; k--)
          if (REPORTED.has(tz.tokens[k].norm)) {
            reported = k;
            break;
          }
        const partDates = inSentence(doc, 'date', s.index).filter(
          (d) => inPart(d) && !saidOn(doc, s, d, trigger) && d.from >= reported,
        );
        const dayInPart = partDates.find((d) => (d.value as DateValue).precision === 'day') ?? null;
        // Without named people: a session of a commission or working group, or an office-holder, on a day of their own;
        // or a forum, a round of talks or a meeting held somewhere on a day ("the Joint Business Forum was held in
        // Tashkent on Monday", "the trilateral meeting was held in Kabul on July 17", "…کا اجلاس منگل کو … میں ہوا").
        const meetingNoun = session || mh.some((h) => MEETING_NOUNS.has(h.words.join(' ')));
        const heldSomewhere =
          held &&
          (forums.length > 0 || (meetingNoun && places.length > 0)) &&
          (dayInPart?.date?.tense ?? tenseAt(tz, trigger)) !== 'future';
        const unnamed = (igc || (wg && session) || offices.length > 0 || heldSomewhere) && dayInPart !== null;
        if ((participants.length === 0 && !unnamed) || summary) continue;
        const tense = tenseAt(tz, trigger);
        const date = dayInPart ?? partDates[0] ?? (tense === 'future' ? null : carried);
        const sidelines = phraseHits(tz, s, SIDELINES).some((h) => h.at >= part[0] && h.at <= part[1]);
        let format: EngagementFormat = 'bilateral_meeting';
        let forum: Found | null = forums[0] ?? null;
        let sessionNumber: number | null = null;
        if (igc) {
          format = 'igc_session';
          forum = igc;
          sessionNumber = sessionOrdinal(doc, s, igc);
        } else if (wg) format = 'working_group';
        else if (forum && sidelines) format = 'multilateral_sidelines';
        else if (vh.length > 0 && mh.length === 0 && sh.length === 0) format = 'visit';
        if (format !== 'igc_session' && forum) sessionNumber = sessionOrdinal(doc, s, forum);
        if (
          format !== 'multilateral_sidelines' &&
          format !== 'igc_session' &&
          format !== 'working_group' &&
          !sidelines
        ) {
          // A forum named in passing ("agreed to meet at the SCO") is not where this meeting happened; a numbered
          // round of it is ("held the fourth round of their strategic dialogue").
          if (forum && sessionNumber === null && !(forum.from < trigger + 6 && forum.from > trigger - 12)) forum = null;
          if (forum && tenseAt(tz, forum.from) === 'future' && tense !== 'future') forum = null;
          if (!forum) sessionNumber = null;
        }
        // A numbered round or session of talks with no forum named: "the third round of Pakistan-Afghanistan talks".
        if (sessionNumber === null && !forum) sessionNumber = roundOfTalks(doc, part);
        const place = pickPlace(doc, s, trigger, true, part);
        const countries = new Set<string>();
        for (const c of inSentence(doc, 'country', s.index)) if (c.countryCode) countries.add(c.countryCode);
        const e: EngagementEvent = {
          sentences: [s.index],
          date: (date?.value as DateValue) ?? null,
          endDate: date?.date?.endDate,
          dateFound: date,
          dateInSentence: !!date && date !== carried,
          place,
          forum,
          format,
          sessionNumber,
          participants,
          initiatives: clauses(doc, s).length === 1 ? [...sentenceInitiatives] : sentenceInitiatives.filter(inPart),
          tense,
          countries,
        };
        lastEngagement = mergeEngagement(engagements, e);
        told = true;
      }
      if (!told && lastEngagement && meetingHits.length > 0 && people.length === 0 && initiatives.length > 0) {
        // "ملاقات میں … پر گفتگو ہوئی": what the meeting discussed.
        for (const i of initiatives)
          if (!lastEngagement.initiatives.some((x) => x.ref?.id === i.ref?.id)) lastEngagement.initiatives.push(i);
        lastEngagement.sentences.push(s.index);
      }
    }

    // ------------------------------------------------------------------ signings
    // A contract awarded ("ٹھیکہ … دیا گیا", "awarded the contract") is a contract signed.
    const awarded = phraseHits(tz, s, AWARD);
    const contractWords = phraseHits(
      tz,
      s,
      KINDS.filter((k) => k.kind === 'contract').map((k) => k.words),
    );
    const signing = [
      ...phraseHits(tz, s, SIGNING).filter((h) => signedHere(doc, s, h.at, h.len)),
      ...(contractWords.length > 0 ? awarded : []),
    ].sort((a, b) => a.at - b.at);
    if (signing.length > 0) {
      const kinds = phraseHits(
        tz,
        s,
        KINDS.map((k) => k.words),
      );
      const tense = tenseAt(tz, signing[0].at);
      if (kinds.length > 0 && tense !== 'future') {
        const nearest = kinds.reduce(
          (b, k) => (Math.abs(k.at - signing[0].at) < Math.abs(b.at - signing[0].at) ? k : b),
          kinds[0],
        );
        const kind = awarded.some((h) => h.at === signing[0].at)
          ? 'contract'
          : KINDS.find((k) => k.words === nearest.words)!.kind;
        const clause = clauseOf(doc, s, signing[0].at);
        // Not the day a statement was issued or something said ("…, according to a joint statement issued on Friday").
        // (What follows "بتایا کہ", "said that" is what was said, with its own dates.)
        const told = (d: Found) => {
          for (let k = Math.max(s.firstToken, d.from - 6); k < d.from; k++)
            if (SAID.has(tz.tokens[k].norm)) return !tz.tokens.slice(k + 1, d.from).some((t) => REPORTED.has(t.norm));
          return false;
        };
        const inClause =
          inSentence(doc, 'date', s.index).find((d) => d.from >= clause[0] && d.to <= clause[1] && !told(d)) ?? null;
        const dayOwn = inClause ?? (own && (own.value as DateValue).precision === 'day' && !told(own) ? own : null);
        // Several kinds signed at once: "signed an agreement on X, an MoU on Y and a protocol on Z", "X پر معاہدے
        // اور Y پر مفاہمتی یادداشت پر دستخط": one signing per kind, each with the initiatives named with it.
        const listed = kind === 'contract' ? [nearest] : signedList(doc, s, signing[0].at, kinds, nearest);
        const byKind = new Map<string, (typeof kinds)[number]>([[kind, nearest]]);
        for (const h of kind === 'contract' ? [] : listed) {
          const k = KINDS.find((x) => x.words === h.words)!.kind;
          if (!byKind.has(k)) byKind.set(k, h);
        }
        const several = byKind.size > 1;
        for (const [oneKind, hit] of byKind) {
          const own = several ? initiativesOfListItem(doc, s, hit, listed) : [];
          signings.push({
            sentence: s.index,
            kind: oneKind as AgreementEvent['kind'],
            kindText: tz.text.slice(tz.tokens[hit.at].start, tz.tokens[hit.at + hit.len - 1].end),
            date: (dayOwn?.value as DateValue) ?? null,
            dateFound: dayOwn,
            dateInSentence: !!dayOwn,
            dateInClause: !!inClause && (inClause.value as DateValue).precision === 'day',
            place: pickPlace(doc, s, signing[0].at, false),
            signatories: people.filter((p) => p.ref),
            initiatives: several ? own : [...sentenceInitiatives],
            countries: [
              ...new Set(
                inSentence(doc, 'country', s.index)
                  .map((c) => c.countryCode)
                  .filter((c): c is string => !!c),
              ),
            ],
            carried,
          });
        }
      }
    }

    // ------------------------------------------------------------------ announced dates of what is to come
    // For a new milestone: the initiative of this sentence, else of this paragraph, else the article's main one.
    const recent =
      sentenceInitiatives.length > 0
        ? sentenceInitiatives
        : paragraphInitiatives.length > 0
          ? paragraphInitiatives
          : main
            ? [main]
            : [];
    for (const d of inSentence(doc, 'date', s.index)) {
      if (!isAhead(doc, d)) continue;
      const m = milestoneFor(doc, s, d, sentenceInitiatives, recent);
      if (m) milestones.push(m);
    }

    // ------------------------------------------------------------------ stage moves the text states
    for (const cue of phraseHits(
      tz,
      s,
      CUES.map((c) => c.words),
    )) {
      const c = CUES.find((x) => x.words === cue.words)!;
      if (tenseAt(tz, cue.at) === 'future') continue;
      if (c.with.length > 0 && phraseHits(tz, s, c.with).length === 0) continue;
      if (!stageStands(doc, s, cue.at, c.stage)) continue;
      for (const i of sentenceInitiatives)
        addStage(doc, stages, s.index, i, c.stage, cue.words.join(' '), initiatives.includes(i));
    }

    if (initiatives.length > 0) lastInitiatives = initiatives;
    if (initiatives.length > 0) paragraphInitiatives = initiatives;
  }
  const agreements = consolidateSignings(signings);
  // A signed MoU, agreement or contract moves its initiatives to the matching stage where the lifecycle allows.
  for (const a of agreements) {
    const stage = a.kind === 'mou' ? 'mou_signed' : a.kind === 'protocol' ? null : 'agreement_signed';
    if (!stage || !a.date) continue;
    for (const i of a.initiatives) {
      // Named in a sentence of the signing itself (not only as "the project").
      const direct = !!a.dateInClause && (a.sentences ?? [a.sentence]).includes(doc.sentenceOf(i));
      addStage(doc, stages, a.sentence, i, stage, a.kindText, direct, true);
    }
  }
  // A meeting held without a place of its own took place where the article was filed.
  for (const e of engagements)
    if (
      !e.place &&
      dateline &&
      e.tense !== 'future' &&
      e.date &&
      (!doc.publishedAt || e.date.date <= doc.publishedAt)
    ) {
      e.place = dateline;
      e.placeFromDateline = true;
    }
  return { engagements: engagements.filter((e) => e.date?.precision === 'day'), agreements, milestones, stages };
}

/**
 * Something foreign in a meeting's clause or sentence: a country other than home, a place abroad, a known foreign
 * participant or organisation, a forum, an envoy.
 */
function foreignIn(doc: Doc, s: Sentence, part: [number, number], participants: Found[]): boolean {
  const inPart = (f: Found) => f.from >= part[0] && f.to <= part[1];
  if (participants.some((p) => p.countryCode && p.countryCode !== HOME)) return true;
  if (inSentence(doc, 'forum', s.index).some(inPart)) return true;
  for (const type of ['country', 'place', 'organization'] as const)
    if (inSentence(doc, type, s.index).some((f) => f.countryCode && f.countryCode !== HOME)) return true;
  return inSentence(doc, 'position', s.index).some(
    (p) =>
      ENVOYS.has(words(p.entry?.label ?? doc.text(p)).join(' ')) ||
      [...ENVOYS].some((e) => words(doc.text(p)).join(' ').includes(e)),
  );
}

/**
 * Whether a signing word at `at` tells a signing done: not one approved ("approved the signing of", "دستخط کی
 * منظوری"), intended ("agreed to sign", "for signing", "دستخط کرنے پر اتفاق") or views exchanged.
 */
function signedHere(doc: Doc, s: Sentence, at: number, len: number): boolean {
  const { tokens } = doc.tz;
  const t = tokens[at];
  const prev = tokens[at - 1]?.norm;
  if (t.script === 'latin') {
    // "agreed to sign", "for signing", "to be signed", "will be signed".
    if (prev === 'to' || prev === 'for' || prev === 'be') return false;
    if (t.norm === 'exchanged' || t.norm === 'exchange') {
      let ok = false;
      for (let k = at + 1; k <= at + 5 && k < s.endToken; k++)
        if (EXCHANGED_THINGS.has(tokens[k].norm) || KINDS.some((x) => x.words[0] === tokens[k].norm)) ok = true;
      if (!ok) return false;
    }
    // "approved the signing of", "gave approval for signing": an approval shortly before the signing word.
    for (let k = Math.max(s.firstToken, at - 4); k < at; k++) if (APPROVAL.has(tokens[k].norm)) return false;
    return true;
  }
  // Urdu: what follows the signing ("دستخط کی منظوری", "دستخط کرنے پر اتفاق").
  let k = at + len;
  if (tokens[k]?.norm === foldWord('کرنے')) k++;
  const after = INTENT_UR.some((p) => p.every((w, x) => tokens[k + x]?.norm === w));
  if (after) return false;
  for (let x = at + len; x < Math.min(s.endToken, at + len + 4); x++) if (APPROVAL.has(tokens[x].norm)) return false;
  return true;
}

type Hit = { at: number; len: number; words: string[] };
/** Words that end a list of things signed: another clause, what was said, what something builds on. */
const LIST_BREAK = new Set(
  [
    'which',
    'that',
    'said',
    'under',
    'builds',
    'while',
    'whereas',
    'after',
    'before',
    'since',
    'کہ',
    'جو',
    'جس',
    'جبکہ',
    'تحت',
  ].map(foldWord),
);

/**
 * The kinds of agreement a signing word governs as a list: in English those after it ("signed an agreement on X,
 * an MoU on Y and a protocol on Z"), in Urdu those before it ("… معاہدے اور … مفاہمتی یادداشت پر دستخط"), up to
 * a word that starts another clause.
 */
function signedList(doc: Doc, s: Sentence, at: number, kinds: Hit[], nearest: Hit): Hit[] {
  const { tokens } = doc.tz;
  const latin = tokens[at].script === 'latin';
  const out = [nearest];
  const between = (a: number, b: number) => {
    for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) if (LIST_BREAK.has(tokens[k].norm)) return false;
    return true;
  };
  for (const h of kinds) {
    if (h === nearest) continue;
    const ok = latin ? h.at > at && h.at - at <= 30 : h.at < at && at - h.at <= 25;
    // In English the nearest kind must itself be the verb's object (after it), in Urdu before it.
    const nearestOk = latin ? nearest.at > at : nearest.at < at;
    if (ok && nearestOk && between(at, h.at)) out.push(h);
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The initiatives named with one item of a list of things signed: after its kind word in English, before it in Urdu. */
function initiativesOfListItem(doc: Doc, s: Sentence, hit: Hit, list: Hit[]): Found[] {
  const latin = doc.tz.tokens[hit.at].script === 'latin';
  const i = list.indexOf(hit);
  const [a, b] = latin
    ? [hit.at + hit.len, (list[i + 1]?.at ?? s.endToken) - 1]
    : [list[i - 1] ? list[i - 1].at + list[i - 1].len : s.firstToken, hit.at - 1];
  return inSentence(doc, 'initiative', s.index).filter((f) => f.from >= a && f.to <= b);
}

/** Words that undo a halt ("resumed", "revived", "دوبارہ شروع", "بحال"). */
const RESUMED = phraseList([
  'resumed',
  'resume',
  'revived',
  'restarted',
  'restored',
  'back on track',
  'دوبارہ شروع',
  'بحال',
]);
/** Words that deny what follows ("not", "denied reports that", "نہیں", "تردید"). */
const DENIAL = new Set(['not', 'never', 'no', 'denied', 'deny', 'denies', 'rejected', 'نہیں', 'تردید'].map(foldWord));

/**
 * Whether a stage cue states where the project stands: not a halt told as past and undone ("which had been suspended
 * in 2023, resumed on Monday", "…معطل … تاہم … دوبارہ شروع"), nor one denied ("has not been cancelled", "denied
 * reports that … had been scrapped").
 */
function stageStands(doc: Doc, s: Sentence, at: number, stage: string): boolean {
  const { tokens } = doc.tz;
  for (let k = Math.max(s.firstToken, at - 5); k < at; k++) if (DENIAL.has(tokens[k].norm)) return false;
  // Urdu puts the negation after the verb: "منسوخ نہیں کیا گیا".
  for (let k = at + 1; k < Math.min(s.endToken, at + 4); k++) if (DENIAL.has(tokens[k].norm)) return false;
  if ((stage === 'suspended' || stage === 'cancelled') && phraseHits(doc.tz, s, RESUMED).length > 0) return false;
  return true;
}

/** The initiative an article is about: the one its headline or lead names, else one named twice as often as any. */
function mainInitiative(doc: Doc): Found | null {
  const lead = doc.of('initiative').filter((f) => doc.sentenceOf(f) <= 1);
  if (new Set(lead.map((f) => f.ref?.id)).size === 1) return lead[0];
  const count = new Map<string | number, Found[]>();
  for (const f of doc.of('initiative')) if (f.ref) count.set(f.ref.id, [...(count.get(f.ref.id) ?? []), f]);
  const ranked = [...count.values()].sort((a, b) => b.length - a.length);
  if (ranked.length === 0) return null;
  if (ranked.length > 1 && ranked[0].length < 2 * ranked[1].length) return null;
  return ranked[0][0];
}

function addStage(
  doc: Doc,
  stages: StageEvent[],
  sentence: number,
  i: Found,
  stage: string,
  cue: string,
  direct: boolean,
  fromSigning = false,
): void {
  const indexed = doc.gz.initiatives.get(Number(i.ref?.id));
  if (!indexed) return;
  const from = indexed.initiative.stage;
  if (from === stage || !canTransition(from as InitiativeStage, stage as InitiativeStage)) return;
  const same = stages.find((x) => x.initiativeId === indexed.initiative.id && x.toStage === stage);
  if (same) {
    // The signing itself is the better evidence for the move.
    if (fromSigning && !same.fromSigning) Object.assign(same, { sentence, initiative: i, cue, direct, fromSigning });
    return;
  }
  stages.push({
    sentence,
    initiative: i,
    initiativeId: indexed.initiative.id,
    fromStage: from,
    toStage: stage,
    cue,
    direct,
    fromSigning,
  });
}

/**
 * One agreement per signing: the sentences of an article that tell of a signing of the same kind are one signing
 * unless they give different days or name different initiatives. A signing needs a day: its own, else the day the
 * article (or its paragraph) gives for what happened.
 */
function consolidateSignings(list: AgreementEvent[]): AgreementEvent[] {
  const out: AgreementEvent[] = [];
  for (const a of list) {
    const same = out.find(
      (x) =>
        x.kind === a.kind &&
        !(x.dateInSentence && a.dateInSentence && x.date?.date !== a.date?.date) &&
        !(
          x.initiatives.length > 0 &&
          a.initiatives.length > 0 &&
          !a.initiatives.some((i) => x.initiatives.some((j) => j.ref?.id === i.ref?.id))
        ),
    );
    if (!same) {
      out.push({
        ...a,
        initiatives: [...a.initiatives],
        signatories: [...a.signatories],
        countries: [...a.countries],
        sentences: [a.sentence],
      });
      continue;
    }
    same.sentences!.push(a.sentence);
    if ((!same.dateInSentence && a.dateInSentence) || (!same.dateInClause && a.dateInClause)) {
      same.date = a.date;
      same.dateFound = a.dateFound;
      same.dateInSentence = true;
      same.dateInClause = a.dateInClause;
      same.sentence = a.sentence;
    }
    same.place ??= a.place;
    same.carried ??= a.carried;
    for (const i of a.initiatives) if (!same.initiatives.some((j) => j.ref?.id === i.ref?.id)) same.initiatives.push(i);
    for (const p of a.signatories) if (!same.signatories.some((q) => q.ref?.id === p.ref?.id)) same.signatories.push(p);
    for (const c of a.countries) if (!same.countries.includes(c)) same.countries.push(c);
  }
  for (const a of out) {
    if (!a.date && a.carried) {
      a.date = a.carried.value as DateValue;
      a.dateFound = a.carried;
    }
  }
  return out.filter((a) => a.date?.precision === 'day');
}

/** The city of the dateline ("ISLAMABAD:", "اسلام آباد (…)"), if the article opens with one. */
function datelinePlace(doc: Doc): Found | null {
  for (const f of doc.of('place')) if (isDateline(doc, f)) return f;
  return null;
}

function sessionOrdinal(doc: Doc, s: Sentence, forum: Found): number | null {
  const { tokens } = doc.tz;
  const lo = Math.max(s.firstToken, forum.from - 14);
  const hi = Math.min(s.endToken, forum.to + 8);
  const sessionAfter = (k: number) => {
    let x = k + 1;
    while (tokens[x] && ['the', 'a'].includes(tokens[x].norm)) x++;
    return SESSION.some((p) => p.every((w, y) => tokens[x + y]?.norm === w || tokens[x + y]?.stem === w));
  };
  // Between the ordinal and the forum only its name's lead-in: "the", the country pair, "of the", "'s", کا/کے/کی.
  const leadIn = (a: number, b: number) => {
    for (let x = a; x < b; x++) {
      const t = tokens[x];
      if (
        t.kind === 'punct'
          ? !['-', '–', "'", '’'].includes(t.raw)
          : !LEAD_IN.has(t.norm) && !doc.covered(x, ['country'])
      )
        return false;
    }
    return true;
  };
  // 1. An ordinal with a session word, before or after the forum in its stretch of the sentence: "the fifth session
  //    of the Pakistan-Azerbaijan Intergovernmental Commission", "the third round of … consultations", "the IGC's
  //    10th session", "کمیشن کے دسویں اجلاس", "JCC کا 14واں اجلاس".
  // 2. An ordinal right before the forum's name: "32ویں آسیان ریجنل فورم", "the 10th Pakistan-Russia IGC".
  let best: { value: number; distance: number } | null = null;
  for (let k = lo; k < hi; k++) {
    const o = ordinalAt(tokens, k);
    if (!o || o.value <= 0 || o.value >= 200) continue;
    const before = k < forum.from;
    const withSession = sessionAfter(o.to);
    const adjacent = before && leadIn(o.to + 1, forum.from);
    if (!withSession && !adjacent) continue;
    // Nothing but the session's own words between them: no other sentence part ("… and the first time").
    const gap = before ? forum.from - o.to : k - forum.to;
    // After the name, room for its acronym in brackets: "مشترکہ تعاون کمیٹی (جے سی سی) کا 14واں اجلاس".
    if (withSession && !adjacent && gap > (before ? 12 : 8)) continue;
    if (!best || gap < best.distance) best = { value: o.value, distance: gap };
  }
  return best?.value ?? null;
}

const ROUND = new Set(['round', 'session', 'دور'].map(foldWord));
const TALKS = new Set(
  ['talks', 'consultations', 'dialogue', 'negotiations', 'مذاکرات', 'بات چیت', 'مشاورت'].map((w) => words(w)[0]),
);

/** "the third round of … talks", "مذاکرات کا تیسرا دور": an ordinal, a round word and talks within a few words. */
function roundOfTalks(doc: Doc, part: [number, number]): number | null {
  const { tokens } = doc.tz;
  for (let k = part[0]; k <= part[1]; k++) {
    const o = ordinalAt(tokens, k);
    if (!o || o.value <= 0 || o.value >= 200 || !ROUND.has(tokens[o.to + 1]?.norm ?? '')) continue;
    for (let x = Math.max(part[0], k - 4); x <= Math.min(part[1], o.to + 7); x++)
      if (TALKS.has(tokens[x].norm)) return o.value;
  }
  return null;
}

/** Words between a session's ordinal and its forum's name. */
const LEAD_IN = new Set(
  [
    'the',
    'of',
    's',
    'session',
    'sessions',
    'round',
    'meeting',
    'edition',
    'sitting',
    'annual',
    'ministerial',
    'biannual',
    'bilateral',
    'regular',
    'کا',
    'کے',
    'کی',
    'اجلاس',
    'دور',
    'سیشن',
    'سالانہ',
    'وزارتی',
  ].map(foldWord),
);

/** A place's identity for merging, and whether two places can be one (a city and its country are). */
function samePlace(a: Found | null, b: Found | null): boolean {
  if (!a || !b) return true;
  const key = (f: Found) => f.entry?.label ?? f.start;
  if (key(a) === key(b)) return true;
  if (a.type === 'country' && b.countryCode === a.countryCode) return true;
  if (b.type === 'country' && a.countryCode === b.countryCode) return true;
  return false;
}

const personKey = (p: Found) => (p.ref ? `id:${p.ref.id}` : `name:${p.name ?? p.start}`);

/**
 * Whether two sets of participants can be the same meeting: they are not when, for some country, both name known
 * people of it and none in common (Fatemi with Sorokin, then Fatemi with Overchuk: two meetings in Moscow).
 */
function sameCounterparts(a: Found[], b: Found[]): boolean {
  const byCountry = (list: Found[]) => {
    const m = new Map<string, Set<string>>();
    for (const p of list) {
      if (!p.ref || !p.countryCode) continue;
      const set = m.get(p.countryCode) ?? new Set<string>();
      set.add(personKey(p));
      m.set(p.countryCode, set);
    }
    return m;
  };
  const ca = byCountry(a);
  const cb = byCountry(b);
  for (const [country, set] of ca) {
    const other = cb.get(country);
    if (other && ![...set].some((k) => other.has(k))) return false;
  }
  return true;
}

/**
 * One engagement per day, place and set of counterparts: a sentence that tells more of a meeting already told
 * (same day, same or no place, the same people or some of them) adds to it; other people on the same day and in
 * the same place met separately.
 */
function mergeEngagement(list: EngagementEvent[], e: EngagementEvent): EngagementEvent {
  const sameDay = list.filter((x) => x.date?.date === e.date?.date);
  if (!e.place) {
    // No place: a participant's own country's meeting that day (a Russian official, on that day, in Moscow).
    const home = new Set(e.participants.map((p) => p.countryCode).filter((c): c is string => !!c));
    const hosted = sameDay.filter((x) => x.place?.countryCode && home.has(x.place.countryCode));
    const target =
      hosted.find((x) => sameCounterparts(x.participants, e.participants)) ??
      (sameDay.length === 1 && sameCounterparts(sameDay[0].participants, e.participants) ? sameDay[0] : null);
    if (target) return absorb(target, e);
    if (hosted.length > 0) e.place = hosted[0].place;
  }
  for (const x of sameDay) {
    if (!samePlace(x.place, e.place)) continue;
    if (!sameCounterparts(x.participants, e.participants)) continue;
    // Two sessions of different bodies on one day are two engagements (a working group the day before).
    if (x.format !== e.format && x.format !== 'bilateral_meeting' && e.format !== 'bilateral_meeting') continue;
    return absorb(x, e);
  }
  list.push(e);
  return e;
}

function absorb(x: EngagementEvent, e: EngagementEvent): EngagementEvent {
  {
    x.sentences.push(...e.sentences);
    for (const p of e.participants)
      if (!x.participants.some((q) => (q.ref?.id ?? q.name) === (p.ref?.id ?? p.name))) x.participants.push(p);
    for (const i of e.initiatives) if (!x.initiatives.some((q) => q.ref?.id === i.ref?.id)) x.initiatives.push(i);
    if (!x.place || (x.place.type === 'country' && e.place && e.place.type === 'place')) x.place = e.place ?? x.place;
    x.forum ??= e.forum;
    if (x.format === 'bilateral_meeting' && e.format !== 'bilateral_meeting') {
      x.format = e.format;
      x.forum = e.forum ?? x.forum;
    }
    x.sessionNumber ??= e.sessionNumber;
    for (const c of e.countries) x.countries.add(c);
    return x;
  }
}

/**
 * What a future date is announced for: a known milestone whose title the sentence carries (for the milestones of
 * an initiative the sentence or the one before names, its own words suffice — "the feasibility study" of the
 * UAP railway), else a new milestone of the initiative the sentence (or the text just before) speaks of, titled
 * with the words the text uses. A date for a meeting or session is an engagement's, not a milestone's.
 */
function milestoneFor(doc: Doc, s: Sentence, d: Found, initiatives: Found[], recent: Found[]): MilestoneEvent | null {
  const { tz, gz } = doc;
  // The words of the sentence nearer to this date than to any other date to come in it.
  const dates = inSentence(doc, 'date', s.index).filter((x) => isAhead(doc, x));
  const distance = (k: number, x: Found) => (k < x.from ? x.from - k : k > x.to ? k - x.to : 0);
  const stems = new Set<string>();
  for (let k = s.firstToken; k < s.endToken; k++) {
    if (tz.tokens[k].kind !== 'word') continue;
    const mine = distance(k, d);
    if (dates.every((x) => x === d || distance(k, x) >= mine)) stems.add(tz.tokens[k].stem);
  }
  const near = new Set(recent.map((i) => Number(i.ref?.id)));
  const common = Math.max(50, gz.milestoneList.length * 0.02);
  // The step the sentence names near this date (opening, completion, groundbreaking…), in the words' order.
  const nearSeq: string[] = [];
  for (let k = s.firstToken; k < s.endToken; k++) {
    const t = tz.tokens[k];
    const mine = distance(k, d);
    nearSeq.push(t.kind === 'word' && dates.every((x) => x === d || distance(k, x) >= mine) ? t.stem : '');
  }
  const sentenceSteps = stepsOf(nearSeq);
  let best: { id: number; score: number } | null = null;
  const consider = (i: number) => {
    const m = gz.milestoneList[i];
    const w = gz.milestoneWords[i];
    let score = 0;
    if (near.has(m.initiativeId)) {
      // The milestone's own words, not those it shares with its initiative's title.
      const mine = gz.initiatives.get(m.initiativeId)!.words;
      // Not the words of its initiative's title or tags ("UAP railway"), unless nothing else is left.
      const own = (list: string[], lang: 'en' | 'ur') => {
        const apart = list.filter((x) => !mine[lang].has(x) && !PAKISTAN.has(x));
        return apart.length > 0 ? apart : list.filter((x) => (mine[lang].get(x) ?? 0) < 1 && !PAKISTAN.has(x));
      };
      const part = (list: string[]) => (list.length ? list.filter((x) => stems.has(x)).length / list.length : 0);
      score = Math.max(part(own(w.en, 'en')), part(own(w.ur, 'ur'))) + 0.15;
      if (score < 0.65) score = 0;
    } else {
      const sizeEn = gz.milestoneSizes[2 * i];
      const sizeUr = gz.milestoneSizes[2 * i + 1];
      const en = w.en.filter((x) => stems.has(x)).length;
      const ur = w.ur.filter((x) => stems.has(x)).length;
      score = Math.max(sizeEn ? en / sizeEn : 0, sizeUr ? ur / sizeUr : 0);
      if (score < 0.66) score = 0;
    }
    // Both name a step: it must be the same one.
    if (score > 0 && sentenceSteps.size > 0) {
      const own = stepsOf([...words(m.titleEn).map(stem), '', ...words(m.titleUr ?? '').map(stem)]);
      if (own.size > 0 && ![...own].some((x) => sentenceSteps.has(x))) score = 0;
    }
    if (score > 0 && (!best || score > best.score || (score === best.score && m.id < best.id)))
      best = { id: m.id, score };
  };
  const seen = new Set<number>();
  for (const w of stems) {
    const p = gz.milestonePostings.get(w);
    if (p && p.idx.length <= common) for (const i of p.idx) if (!seen.has(i)) seen.add(i);
  }
  for (const id of near)
    for (const m of gz.milestonesByInitiative.get(id) ?? []) seen.add(gz.milestoneIndexOf.get(m.id)!);
  for (const i of seen) consider(i);
  const found = best as { id: number; score: number } | null;
  if (found) {
    const m = gz.milestone(found.id)!;
    return {
      sentence: s.index,
      date: d,
      milestoneId: m.id,
      initiativeId: m.initiativeId,
      titleEn: m.titleEn,
      titleUr: m.titleUr,
      initiative: recent.find((i) => Number(i.ref?.id) === m.initiativeId) ?? null,
      score: Math.min(1, found.score),
    };
  }
  const nearest = (list: Found[]) =>
    list.reduce<Found | undefined>(
      (b, i) => (!b || Math.abs(i.from - d.from) < Math.abs(b.from - d.from) ? i : b),
      undefined,
    );
  const owner = nearest(initiatives) ?? nearest(recent);
  if (!owner || phraseHits(tz, s, ANNOUNCE).length === 0) return null;
  const clause = clauseOf(doc, s, d.from);
  // The part of the sentence the date belongs to: its clause (…جبکہ …) and, in reported speech, what was said.
  const part = clauses(doc, s).find(([a, b]) => d.from >= a && d.from <= b) ?? [s.firstToken, s.endToken - 1];
  const said = speechSegment(doc, s, d.from);
  const lo = Math.max(part[0], said[0]);
  const hi = Math.min(part[1], said[1]);
  const inside = (at: number) => at >= lo && at <= hi;
  // A meeting or session to be held is an engagement's date; a sum or share by a date is a target.
  if (phraseHits(tz, s, MEETING).some((h) => inside(h.at))) return null;
  if (tz.tokens.slice(clause[0], clause[1] + 1).some((t) => AMOUNT.has(t.norm) || t.raw === '$' || t.raw === '%'))
    return null;
  const phrase = newMilestoneTitle(doc, s, d);
  // A title of verbs only ("مکمل ہوگی") says less than the step the sentence names ("فزیبلٹی اسٹڈی").
  const written = phrase && !onlyVerbs(phrase) ? phrase : (stepNamed(doc, s, d) ?? phrase);
  if (!written) return null;
  const title = written.charAt(0).toUpperCase() + written.slice(1);
  const urdu =
    tz.tokens[d.from].script === 'arabic' || doc.language === 'ur' || tz.tokens[d.to + 1]?.script === 'arabic';
  return {
    sentence: s.index,
    date: d,
    milestoneId: null,
    initiativeId: Number(owner.ref?.id),
    titleEn: urdu ? null : title,
    titleUr: urdu ? title : null,
    initiative: owner,
    score: initiatives.length > 0 ? 0.5 : 0.35,
  };
}

const STEP_PHRASES = MILESTONE_STEPS.flatMap((g) =>
  phraseList(g.words).map((w) => ({ step: g.step, words: w.map(stem) })),
);

/** The steps of a project a run of word stems names ('' breaks a phrase). */
function stepsOf(seq: string[]): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k < seq.length; k++) {
    if (!seq[k]) continue;
    for (const p of STEP_PHRASES) if (!out.has(p.step) && p.words.every((w, x) => seq[k + x] === w)) out.add(p.step);
  }
  return out;
}

const STEPS = phraseList([
  'feasibility study',
  'groundbreaking',
  'construction',
  'inauguration',
  'first cargo',
  'first shipment',
  'pilot run',
  'trial run',
  'commercial operations',
  'production',
  'فزیبلٹی اسٹڈی',
  'سنگ بنیاد',
  'تعمیر',
  'افتتاح',
  'پہلا کارگو',
  'پہلی کھیپ',
  'آزمائشی',
  'تجارتی آپریشن',
  'پیداوار',
]);
const VERBISH = new Set(
  ['مکمل', 'شروع', 'ہوگی', 'ہوگا', 'ہوں', 'گی', 'گا', 'گے', 'کیا', 'جائے', 'جائیگا', 'کر', 'دیا', 'ہو', 'جائے گی'].map(
    foldWord,
  ),
);

/** A date of something still to come: said so, or after the publication day (and not told as done). */
function isAhead(doc: Doc, d: Found): boolean {
  const future =
    d.date?.tense === 'future' || (doc.publishedAt !== undefined && (d.value as DateValue).date > doc.publishedAt);
  return future && d.date?.tense !== 'past';
}

function onlyVerbs(title: string): boolean {
  return title.split(/\s+/).every((w) => VERBISH.has(foldWord(w)));
}

/** The step of a project the sentence names nearest to the date ("فزیبلٹی اسٹڈی", "groundbreaking"). */
function stepNamed(doc: Doc, s: Sentence, d: Found): string | null {
  const hits = phraseHits(doc.tz, s, STEPS);
  if (hits.length === 0) return null;
  const h = hits.reduce((b, x) => (Math.abs(x.at - d.from) < Math.abs(b.at - d.from) ? x : b), hits[0]);
  return doc.tz.text.slice(doc.tz.tokens[h.at].start, doc.tz.tokens[h.at + h.len - 1].end);
}

const AWARD = phraseList(['awarded', 'award', 'دیا گیا', 'دیا گیا تھا', 'سونپا گیا', 'ایوارڈ کیا']);

/** The home country's name says nothing about which of its milestones is meant. */
const PAKISTAN = new Set(['pakistan', 'پاکستان'].map(foldWord));

const AMOUNT = new Set(
  [
    'billion',
    'million',
    'trillion',
    'ارب',
    'کروڑ',
    'لاکھ',
    'ملین',
    'بلین',
    'ڈالر',
    'dollars',
    'percent',
    'فیصد',
    'rupees',
    'روپے',
  ].map(foldWord),
);

const EVENT_NOUNS_UR = new Set(['آغاز', 'افتتاح', 'تکمیل', 'سنگ بنیاد', 'اجلاس', 'آپریشن', 'تعمیر']);
const VERB_NOUNS: Record<string, string> = {
  open: 'Opening',
  start: 'Start',
  begin: 'Start',
  complete: 'Completion',
  launch: 'Launch',
  operate: 'Start of operations',
  operational: 'Start of operations',
  completed: 'Completion',
  finish: 'Completion',
  functional: 'Start of operations',
  run: 'First run',
  commission: 'Commissioning',
  inaugurate: 'Inauguration',
  sign: 'Signing',
  finalise: 'Finalisation',
  finalize: 'Finalisation',
};

const URDU_CLAUSE_END = new Set(
  [
    'کہ',
    'نے',
    'جو',
    'جس',
    'جبکہ',
    'اور',
    'ہے',
    'ہیں',
    'تھا',
    'تھی',
    'تھے',
    'گا',
    'گی',
    'گے',
    'کیا',
    'گیا',
    'مطابق',
  ].map(foldWord),
);
const URDU_AFTER_DATE = new Set(['میں', 'تک', 'کو', 'سے'].map(foldWord));
const URDU_POST = new Set(['کے', 'کی', 'کا', 'کو', 'میں', 'پر', 'سے', 'ہے', 'ہو', 'گا', 'گی', 'گے'].map(foldWord));
const EN_AUX = new Set([
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'shall',
  'should',
  'has',
  'have',
  'had',
  'could',
  'may',
  'might',
]);
const EN_LEAD = new Set(['the', 'a', 'an', 'its', 'their', 'this', 'that', 'these', 'those']);
/** Words that name no step of their own: "the ML-1 project is expected to be completed" is its completion. */
const GENERIC_SUBJECT = new Set([
  'project',
  'projects',
  'scheme',
  'plan',
  'programme',
  'program',
  'initiative',
  'work',
]);
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'this', 'that', 'which', 'who']);

/**
 * What the date is for, as the text words it: in Urdu the phrase before the date ("ریکوڈک منصوبے سے پیداوار کا
 * آغاز 2028 میں متوقع ہے") or after it ("اگست میں پائلٹ کارگو ٹرین کا آغاز"); in English the subject of the
 * clause ("The first 12 units are expected to begin production in June"), cut before "of the <initiative>", or
 * what the verb says ("is expected to open" → Opening).
 */
function newMilestoneTitle(doc: Doc, s: Sentence, d: Found): string | null {
  const { tokens } = doc.tz;
  const text = (a: number, b: number) => doc.tz.text.slice(tokens[a].start, tokens[b].end);
  const blocked = (k: number) =>
    !tokens[k] ||
    k < s.firstToken ||
    k >= s.endToken ||
    tokens[k].kind === 'punct' ||
    !!doc.covered(k, ['date', 'person']);
  // A date in digits ("2026ء کے آخر تک") is Urdu when the words around it are.
  const urdu =
    tokens[d.from].script === 'arabic' ||
    (tokens[d.from].kind === 'number' &&
      (tokens[d.from - 1]?.script === 'arabic' || tokens[d.to + 1]?.script === 'arabic'));
  if (urdu) {
    // Before the date, back to where the clause begins.
    let from = d.from;
    while (
      from - 1 >= s.firstToken &&
      d.from - from < 8 &&
      !blocked(from - 1) &&
      !URDU_CLAUSE_END.has(tokens[from - 1].norm)
    )
      from--;
    while (from < d.from && URDU_POST.has(tokens[from].norm)) from++;
    if (d.from - from >= 2) return text(from, d.from - 1);
    // After it: "اگست 2025 میں پائلٹ کارگو ٹرین کے آغاز".
    let k = d.to + 1;
    while (k < s.endToken && URDU_AFTER_DATE.has(tokens[k].norm)) k++;
    const start = k;
    while (!blocked(k) && !URDU_POST.has(tokens[k].norm) && k - start < 5) k++;
    if (k - start < 1) return null;
    if (['کے', 'کی', 'کا'].includes(tokens[k]?.raw) && EVENT_NOUNS_UR.has(tokens[k + 1]?.raw))
      return `${text(start, k - 1)} کا ${tokens[k + 1].raw}`;
    return text(start, k - 1);
  }
  // English: the auxiliary of the clause before the date (commas inside lists do not end it), and its subject.
  // A hyphen inside an initiative's short form (ML-1) does not end the subject.
  const blockedEn = (k: number) => blocked(k) && !(tokens[k]?.kind === 'punct' && doc.covered(k, ['initiative']));
  const clauseStart = (clauses(doc, s).find(([a, b]) => d.from >= a && d.from <= b) ?? [s.firstToken])[0];
  let aux = -1;
  for (let k = d.from - 1; k >= clauseStart; k--)
    if (EN_AUX.has(tokens[k].norm)) {
      aux = k;
      break;
    }
  if (aux > clauseStart) {
    // Past an aside between commas: "The groundbreaking of ML-1, originally planned for 2024, is now expected …".
    let subjectEnd = aux;
    if (tokens[aux - 1]?.raw === ',') {
      for (let k = aux - 2; k > clauseStart && k > aux - 14; k--)
        if (tokens[k].raw === ',') {
          subjectEnd = k;
          break;
        }
    }
    let from = subjectEnd;
    // Back to the subject, not over the verb of reported speech ("Officials said the first phase …").
    while (
      from - 1 >= clauseStart &&
      !blockedEn(from - 1) &&
      !SPEECH_WORDS.has(tokens[from - 1].norm) &&
      subjectEnd - from < 10
    )
      from--;
    while (from < subjectEnd && EN_LEAD.has(tokens[from].norm)) from++;
    const of = tokens.slice(from, subjectEnd).findIndex((t) => t.norm === 'of' || t.norm === 'on');
    const end = of > 0 ? from + of - 1 : subjectEnd - 1;
    const subject = tokens.slice(from, end + 1);
    if (
      subject.length > 0 &&
      !subject.some((t) => PRONOUNS.has(t.norm)) &&
      !subject.every(
        (t) => doc.covered(t.index, ['initiative', 'country', 'organization']) || GENERIC_SUBJECT.has(t.norm),
      )
    )
      return text(from, end);
  }
  // The subject is the initiative itself, or a pronoun: the verb says what the date is for.
  for (let v = Math.max(aux, clauseStart); v < d.from; v++) {
    const noun = VERB_NOUNS[tokens[v].norm] ?? VERB_NOUNS[tokens[v].stem];
    if (noun) return noun;
  }
  // Else what is to be done, as written ("recruit up to 3,000 Pakistani health professionals").
  if (aux >= clauseStart) {
    let from = aux + 1;
    while (
      from < d.from &&
      ['be', 'to', 'expected', 'scheduled', 'planned', 'set', 'due', 'likely'].includes(tokens[from].norm)
    )
      from++;
    let to = from;
    while (
      to + 1 < d.from &&
      !blocked(to + 1) &&
      !['by', 'in', 'on', 'until', 'before', 'from'].includes(tokens[to + 1].norm) &&
      to - from < 8
    )
      to++;
    if (to > from && !blocked(from)) return text(from, to);
  }
  return null;
}
