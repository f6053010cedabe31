import { canTransition, type InitiativeStage } from '@rabta/domain';
import {
  AGREEMENT_KIND_WORDS,
  ANAPHORA,
  ANNOUNCE_WORDS,
  MEETING_WORDS_EN,
  MEETING_WORDS_UR,
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
import { phraseList } from './keys';
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
  direct: boolean;
}

const MEETING = phraseList([...MEETING_WORDS_UR, ...MEETING_WORDS_EN]);
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
const CUES = STAGE_CUES.flatMap((c) => phraseList([...c.en, ...c.ur]).map((w) => ({ stage: c.stage, words: w }))).sort(
  (a, b) => b.words.length - a.words.length,
);
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
  if (!s || f.from - s.firstToken > 1) return false;
  const next = tokens[f.to + 1];
  return (
    !!next &&
    (next.raw === ':' ||
      next.raw === '(' ||
      next.raw === '—' ||
      next.raw === '-' ||
      next.raw === '،' ||
      next.raw === ',') &&
    s.index <= 1
  );
}

function pickPlace(doc: Doc, s: number, near: number): Found | null {
  const { tokens } = doc.tz;
  // Not the dateline, and not a place inside an initiative's or organisation's name ("steel mill in Karachi").
  const inside = (p: Found) =>
    inSentence(doc, 'initiative', s).some((i) => i.from <= p.from && p.to <= i.to) ||
    inSentence(doc, 'organization', s).some((o) => o.from <= p.from && p.to <= o.to);
  const places = inSentence(doc, 'place', s).filter((p) => !isDateline(doc, p) && !inside(p));
  if (places.length === 0) {
    // A country as the place: "in Pakistan", "پاکستان میں", "visit to Russia".
    const countries = inSentence(doc, 'country', s).filter(
      (c) =>
        c.entry?.kind !== 'adjective' &&
        (['in', 'to'].includes(tokens[c.from - 1]?.norm) || PLACE_CUE_AFTER.has(tokens[c.to + 1]?.norm)),
    );
    return countries[0] ?? null;
  }
  const cued = places.filter(
    (p) => PLACE_CUE_BEFORE.has(tokens[p.from - 1]?.norm) || PLACE_CUE_AFTER.has(tokens[p.to + 1]?.norm),
  );
  const pool = cued.length > 0 ? cued : places;
  return pool.reduce((best, p) => (Math.abs(p.from - near) < Math.abs(best.from - near) ? p : best), pool[0]);
}

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

export function findEvents(doc: Doc): {
  engagements: EngagementEvent[];
  agreements: AgreementEvent[];
  milestones: MilestoneEvent[];
  stages: StageEvent[];
} {
  const { tz } = doc;
  const engagements: EngagementEvent[] = [];
  const agreements: AgreementEvent[] = [];
  const milestones: MilestoneEvent[] = [];
  const stages: StageEvent[] = [];
  // The news date: the last day-precision date of something done, carried to sentences without their own.
  let newsDate: Found | null = null;
  let lastInitiatives: Found[] = [];
  let lastEngagement: EngagementEvent | null = null;

  for (const s of tz.sentences) {
    const own = sentenceDate(doc, s.index);
    if (own && (own.value as DateValue).precision === 'day' && own.date?.tense !== 'future') newsDate = own;
    const people = inSentence(doc, 'person', s.index);
    const initiatives = inSentence(doc, 'initiative', s.index);
    const anaphora = phraseHits(tz, s, ANAPHORS).length > 0;
    const sentenceInitiatives = initiatives.length > 0 ? initiatives : anaphora ? lastInitiatives : [];

    // ------------------------------------------------------------------ meetings, visits, sessions
    const meetingHits = phraseHits(tz, s, MEETING);
    const visitHits = phraseHits(tz, s, VISIT);
    const forums = inSentence(doc, 'forum', s.index);
    const trigger = meetingHits[0]?.at ?? visitHits[0]?.at;
    const igc = forums.find((f) => (f.entry?.forum?.igc ?? false) && phraseHits(tz, s, SESSION).length > 0);
    const segment = trigger !== undefined ? speechSegment(doc, s, trigger) : null;
    const participants = segment ? people.filter((p) => p.from >= segment[0] && p.to <= segment[1]) : [];
    const places = inSentence(doc, 'place', s.index).filter((p) => !isDateline(doc, p));
    // "Meetings in Kuala Lumpur and Moscow": a summary of several engagements, told one by one after it.
    const summary =
      new Set(places.map((p) => p.entry?.label ?? doc.text(p))).size >= 2 &&
      meetingHits.some((h) => /ملاقاتیں|meetings|ملاقاتوں/.test(h.words.join(' ')));
    if (trigger !== undefined && (participants.length > 0 || igc) && !summary) {
      const tense = tenseAt(tz, trigger);
      const clauseDate = sentenceDate(doc, s.index, clauseOf(doc, s, trigger));
      const date =
        clauseDate ??
        (own &&
        own !== newsDate &&
        inSentence(doc, 'date', s.index).length === 1 &&
        clauseOf(doc, s, own.from)[0] <= trigger
          ? own
          : null) ??
        (tense === 'future' ? own : newsDate);
      const sidelines = phraseHits(tz, s, SIDELINES).length > 0;
      const wg = phraseHits(tz, s, WORKING_GROUP).length > 0;
      let format: EngagementFormat = 'bilateral_meeting';
      let forum: Found | null = forums[0] ?? null;
      let sessionNumber: number | null = null;
      if (igc) {
        format = 'igc_session';
        forum = igc;
        sessionNumber = sessionOrdinal(doc, s, igc);
      } else if (wg) format = 'working_group';
      else if (forum && sidelines) format = 'multilateral_sidelines';
      else if (visitHits.length > 0 && meetingHits.length === 0) format = 'visit';
      else if (forum && !sidelines) forum = forum.entry?.forum ? forum : null;
      if (format !== 'multilateral_sidelines' && format !== 'igc_session' && !sidelines) {
        // A forum named in passing ("agreed to meet at the SCO") is not where this meeting happened.
        if (forum && !(forum.from < trigger + 6 && forum.from > trigger - 12)) forum = null;
        if (forum && tenseAt(tz, forum.from) === 'future' && tense !== 'future') forum = null;
      }
      const place = pickPlace(doc, s.index, trigger);
      const countries = new Set<string>();
      for (const c of inSentence(doc, 'country', s.index)) if (c.countryCode) countries.add(c.countryCode);
      const e: EngagementEvent = {
        sentences: [s.index],
        date: (date?.value as DateValue) ?? null,
        endDate: date?.date?.endDate,
        dateFound: date,
        dateInSentence: !!date && date === own,
        place,
        forum,
        format,
        sessionNumber,
        participants,
        initiatives: [...sentenceInitiatives],
        tense,
        countries,
      };
      lastEngagement = mergeEngagement(engagements, e);
    } else if (lastEngagement && meetingHits.length > 0 && people.length === 0 && initiatives.length > 0) {
      // "ملاقات میں … پر گفتگو ہوئی": what the meeting discussed.
      for (const i of initiatives)
        if (!lastEngagement.initiatives.some((x) => x.ref?.id === i.ref?.id)) lastEngagement.initiatives.push(i);
      lastEngagement.sentences.push(s.index);
    }

    // ------------------------------------------------------------------ signings
    const signing = phraseHits(tz, s, SIGNING);
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
        const kind = KINDS.find((k) => k.words === nearest.words)!.kind;
        const date = own ?? newsDate;
        agreements.push({
          sentence: s.index,
          kind,
          kindText: tz.text.slice(tz.tokens[nearest.at].start, tz.tokens[nearest.at + nearest.len - 1].end),
          date: (date?.value as DateValue) ?? null,
          dateFound: date,
          dateInSentence: !!own,
          place: pickPlace(doc, s.index, signing[0].at),
          signatories: people.filter((p) => p.ref),
          initiatives: [...sentenceInitiatives],
          countries: [
            ...new Set(
              inSentence(doc, 'country', s.index)
                .map((c) => c.countryCode)
                .filter((c): c is string => !!c),
            ),
          ],
        });
      }
    }

    // ------------------------------------------------------------------ announced dates of what is to come
    for (const d of inSentence(doc, 'date', s.index)) {
      const future =
        d.date?.tense === 'future' || (doc.publishedAt !== undefined && (d.value as DateValue).date > doc.publishedAt);
      if (!future) continue;
      const m = milestoneFor(doc, s, d, sentenceInitiatives);
      if (m) milestones.push(m);
    }

    // ------------------------------------------------------------------ stage moves
    for (const cue of phraseHits(
      tz,
      s,
      CUES.map((c) => c.words),
    )) {
      const stage = CUES.find((c) => c.words === cue.words)!.stage;
      if (tenseAt(tz, cue.at) === 'future') continue;
      for (const i of sentenceInitiatives) {
        const indexed = doc.gz.initiatives.get(Number(i.ref?.id));
        if (!indexed) continue;
        const from = indexed.initiative.stage;
        if (from === stage || !canTransition(from as InitiativeStage, stage as InitiativeStage)) continue;
        if (stages.some((x) => x.initiativeId === indexed.initiative.id && x.toStage === stage)) continue;
        stages.push({
          sentence: s.index,
          initiative: i,
          initiativeId: indexed.initiative.id,
          fromStage: from,
          toStage: stage,
          cue: cue.words.join(' '),
          direct: initiatives.includes(i),
        });
      }
    }

    if (initiatives.length > 0) lastInitiatives = initiatives;
  }
  return { engagements, agreements, milestones, stages };
}

function sessionOrdinal(doc: Doc, s: Sentence, forum: Found): number | null {
  const { tokens } = doc.tz;
  // The ordinal before the forum ("دسویں بین الحکومتی کمیشن", "10th IGC") or before the session word after it
  // ("کمیشن کے دسویں اجلاس", "the IGC's 10th session").
  for (let k = Math.max(s.firstToken, forum.from - 4); k < Math.min(s.endToken, forum.to + 8); k++) {
    const o = ordinalAt(tokens, k);
    if (o && o.value > 0 && o.value < 200) return o.value;
  }
  return null;
}

/** Same date and place (or no place) and a shared participant, forum or initiative: the same engagement. */
function mergeEngagement(list: EngagementEvent[], e: EngagementEvent): EngagementEvent {
  const placeKey = (x: EngagementEvent) => x.place?.entry?.label ?? (x.place ? x.place.start : null);
  if (!e.place && e.format !== 'igc_session') {
    // No place: the same day's engagement in a participant's own country (a Russian official, on that day, in
    // Moscow), or the only engagement of that day.
    const sameDay = list.filter((x) => x.date?.date === e.date?.date && x.format !== 'igc_session');
    const home = new Set(e.participants.map((p) => p.countryCode).filter((c): c is string => !!c));
    const hosted = sameDay.filter((x) => x.place?.countryCode && home.has(x.place.countryCode));
    const target = hosted.length === 1 ? hosted[0] : sameDay.length === 1 ? sameDay[0] : null;
    if (target) return absorb(target, e);
  }
  for (const x of list) {
    if (x.date?.date !== e.date?.date || x.format === 'igc_session' || e.format === 'igc_session') continue;
    const px = placeKey(x);
    const pe = placeKey(e);
    if (px !== null && pe !== null && px !== pe) continue;
    const ids = new Set(x.participants.map((p) => p.ref?.id ?? p.name));
    const shared =
      e.participants.some((p) => ids.has(p.ref?.id ?? p.name)) ||
      (!!e.forum && e.forum.entry?.label === x.forum?.entry?.label);
    if (!shared && !(px !== null && px === pe)) continue;
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
    x.place ??= e.place;
    x.forum ??= e.forum;
    if (x.format === 'bilateral_meeting' && e.format !== 'bilateral_meeting') x.format = e.format;
    x.sessionNumber ??= e.sessionNumber;
    for (const c of e.countries) x.countries.add(c);
    return x;
  }
}

/** A known milestone named near a future date, or a new one of an initiative named in the sentence. */
function milestoneFor(doc: Doc, s: Sentence, d: Found, initiatives: Found[]): MilestoneEvent | null {
  const { tz, gz } = doc;
  const stems = new Set<string>();
  for (let k = s.firstToken; k < s.endToken; k++) if (tz.tokens[k].kind === 'word') stems.add(tz.tokens[k].stem);
  // Known milestones whose title words the sentence carries: through the postings of rarer words, and all the
  // milestones of the initiatives the sentence names.
  const onInitiatives = new Set(initiatives.map((i) => Number(i.ref?.id)));
  const common = Math.max(50, gz.milestoneList.length * 0.02);
  const matched = new Map<number, { en: number; ur: number }>();
  const count = (i: number) => {
    if (matched.has(i)) return;
    const w = gz.milestoneWords[i];
    let en = 0;
    let ur = 0;
    for (const x of w.en) if (stems.has(x)) en++;
    for (const x of w.ur) if (stems.has(x)) ur++;
    matched.set(i, { en, ur });
  };
  for (const w of stems) {
    const p = gz.milestonePostings.get(w);
    if (p && p.idx.length <= common) for (const i of p.idx) count(i);
  }
  for (const id of onInitiatives)
    for (const m of gz.milestonesByInitiative.get(id) ?? []) count(gz.milestoneIndexOf.get(m.id)!);
  let best: { id: number; score: number } | null = null;
  for (const [i, c] of matched) {
    const m = gz.milestoneList[i];
    const sizeEn = gz.milestoneSizes[2 * i];
    const sizeUr = gz.milestoneSizes[2 * i + 1];
    const score = Math.max(sizeEn ? c.en / sizeEn : 0, sizeUr ? c.ur / sizeUr : 0);
    const total = score + (onInitiatives.has(m.initiativeId) ? 0.15 : 0);
    if (score >= 0.66 && (!best || total > best.score || (total === best.score && m.id < best.id)))
      best = { id: m.id, score: total };
  }
  if (best) {
    const m = gz.milestone(best.id)!;
    return {
      sentence: s.index,
      date: d,
      milestoneId: m.id,
      initiativeId: m.initiativeId,
      titleEn: m.titleEn,
      titleUr: m.titleUr,
      initiative: initiatives.find((i) => Number(i.ref?.id) === m.initiativeId) ?? null,
      score: Math.min(1, best.score),
    };
  }
  if (initiatives.length === 0 || phraseHits(tz, s, ANNOUNCE).length === 0) return null;
  const written = newMilestoneTitle(doc, s, d);
  if (!written) return null;
  const title = written.charAt(0).toUpperCase() + written.slice(1);
  const i = initiatives[0];
  const urdu = tz.tokens[d.from].script === 'arabic' || doc.language === 'ur';
  return {
    sentence: s.index,
    date: d,
    milestoneId: null,
    initiativeId: Number(i.ref?.id),
    titleEn: urdu ? null : title,
    titleUr: urdu ? title : null,
    initiative: i,
    score: 0.5,
  };
}

const EVENT_NOUNS_UR = new Set(['آغاز', 'افتتاح', 'تکمیل', 'سنگ بنیاد', 'اجلاس', 'آپریشن', 'تعمیر']);
const VERB_NOUNS: Record<string, string> = {
  open: 'Opening',
  start: 'Start',
  begin: 'Start',
  complete: 'Completion',
  launch: 'Launch',
  operate: 'Start of operations',
  run: 'First run',
  commission: 'Commissioning',
  inaugurate: 'Inauguration',
  sign: 'Signing',
  finalise: 'Finalisation',
  finalize: 'Finalisation',
};
const AUX = new Set([
  'scheduled',
  'expected',
  'planned',
  'due',
  'slated',
  'set',
  'be',
  'to',
  'is',
  'are',
  'was',
  'will',
  'would',
  'should',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'that', 'said', 'and', 'its', 'their']);

/** What the date is for, as written: "پائلٹ کارگو ٹرین" in "اگست میں پائلٹ کارگو ٹرین کا آغاز", "the groundbreaking" in "the groundbreaking of … is due in August". */
function newMilestoneTitle(doc: Doc, s: Sentence, d: Found): string | null {
  const { tokens } = doc.tz;
  const text = (a: number, b: number) => doc.tz.text.slice(tokens[a].start, tokens[b].end);
  const stop = (k: number) => {
    const t = tokens[k];
    return (
      !t ||
      k >= s.endToken ||
      k < s.firstToken ||
      t.kind === 'punct' ||
      !!doc.covered(k, ['date', 'place', 'country', 'person'])
    );
  };
  const urdu = tokens[d.from].script === 'arabic';
  if (urdu) {
    let k = d.to + 1;
    while (k < s.endToken && ['میں', 'تک', 'کو', 'سے'].includes(tokens[k].raw)) k++;
    const from = k;
    while (
      !stop(k) &&
      !['کے', 'کی', 'کا', 'کو', 'میں', 'پر', 'سے', 'ہے', 'ہو', 'گا', 'گی', 'گے'].includes(tokens[k].raw) &&
      k - from < 5
    )
      k++;
    if (k - from < 1) return null;
    // "… کے آغاز": the event noun after the genitive belongs to the title.
    if (['کے', 'کی', 'کا'].includes(tokens[k]?.raw) && EVENT_NOUNS_UR.has(tokens[k + 1]?.raw))
      return `${text(from, k - 1)} کا ${tokens[k + 1].raw}`;
    return text(from, k - 1);
  }
  // English: the subject before "is/will be … (for|in|by) <date>", cut before "of the <initiative>".
  let k = d.from - 1;
  while (
    k > s.firstToken &&
    ['for', 'in', 'by', 'on', 'from', 'until', 'around', 'early', 'late', 'mid'].includes(tokens[k].norm)
  )
    k--;
  const verbAt = k;
  while (
    k > s.firstToken &&
    (AUX.has(tokens[k].norm) ||
      VERB_NOUNS[tokens[k].norm] ||
      ['held', 'launched', 'completed', 'opened'].includes(tokens[k].norm))
  )
    k--;
  const to = k;
  if (to === verbAt && !AUX.has(tokens[to + 1]?.norm ?? '')) return null;
  let from = to;
  for (;;) {
    if (from <= s.firstToken || to - from >= 12) break;
    const prev = tokens[from - 1];
    if (prev.kind === 'punct') break;
    // "the groundbreaking of the new mill": a determiner after "of" stays inside the phrase.
    if (DETERMINERS.has(prev.norm) && tokens[from - 2]?.norm !== 'of') break;
    if (doc.covered(from - 1, ['date', 'country', 'person'])) break;
    from--;
  }
  while (from < to && DETERMINERS.has(tokens[from].norm)) from++;
  if (stop(to) && !doc.covered(to, ['place'])) return null;
  const of = tokens.slice(from, to + 1).findIndex((t) => t.norm === 'of');
  if (of > 0) return text(from, from + of - 1);
  // The subject is the initiative itself: the verb says what the date is for ("is expected to open").
  for (let v = to + 1; v <= verbAt; v++) {
    const noun = VERB_NOUNS[tokens[v].norm];
    if (noun) return noun;
  }
  return null;
}
