import {
  AMBIGUOUS_MONTHS,
  AMBIGUOUS_WEEKDAYS,
  DEADLINE_WORDS,
  DELAY_WORDS_AFTER,
  DELAY_WORDS_BEFORE,
  LAST_PART_WORDS,
  LAST_WORDS,
  MONTH_CUES_AFTER,
  MONTH_CUES_BEFORE,
  MONTHS,
  NEXT_WORDS,
  ORDINAL_SUFFIXES,
  ORDINAL_WORDS,
  RELATIVE,
  TENS_EN,
  WEEKDAYS,
  YEAR_PARTS,
} from './data/calendar';
import { exactKey, foldWord, phraseList, words } from './keys';
import { tenseAt, type Tense } from './tense';
import type { Token, Tokenized } from './tokens';
import type { DateValue } from './types';

// Dates as the press writes them, in Urdu and English: absolute (13 مئی 2025، ۱۳ مئی، 10 July 2025, July 10,
// 10.07.2025), month or year only (اگست میں، in August، 2026 تک) and relative to the publication date (جمعرات کو /
// on Thursday, گزشتہ روز / yesterday, آئندہ ماہ / next month, رواں سال). A date without its year takes the year
// that fits the clause: the next one for what is announced, the last one for what is reported.

export interface FoundDate {
  from: number;
  /** Inclusive token index. */
  to: number;
  value: DateValue;
  /** The last day of a range (10–11 July), and the token that writes it. */
  endDate?: string;
  endToken?: number;
  /** How it was read: written in full, completed from the publication date, or relative to it. */
  basis: 'absolute' | 'inferred' | 'relative';
  tense: Tense;
}

const fold = (table: Record<string, number>) => new Map(Object.entries(table).map(([k, v]) => [foldWord(k), v]));
const MONTH = fold(MONTHS);
const WEEKDAY = fold(WEEKDAYS);
const ORDINAL = fold(ORDINAL_WORDS);
const AMBIGUOUS_MONTH = new Set([...AMBIGUOUS_MONTHS].map(foldWord));
const AMBIGUOUS_WEEKDAY = new Set([...AMBIGUOUS_WEEKDAYS].map(foldWord));
const CUE_BEFORE = new Set([...MONTH_CUES_BEFORE].map(foldWord));
const CUE_AFTER = new Set([...MONTH_CUES_AFTER].map(foldWord));
const NEXT = new Set([...NEXT_WORDS].map(foldWord));
const LAST = new Set([...LAST_WORDS].map(foldWord));
const SUFFIX = new Set([...ORDINAL_SUFFIXES].map(foldWord));
const RELATIVES = RELATIVE.map((r) => ({ ...r, words: words(r.words) })).sort(
  (a, b) => b.words.length - a.words.length,
);
/** First words of the relative years ("this year", "رواں سال"), so that most tokens are passed over at once. */
const REL_YEAR_FIRST = new Set(RELATIVES.filter((r) => r.unit === 'year').map((r) => r.words[0]));
const PARTS = Object.entries(YEAR_PARTS)
  .map(([w, part]) => ({ words: words(w), part }))
  .sort((a, b) => b.words.length - a.words.length);
const LAST_PART = new Set([...LAST_PART_WORDS].map(foldWord));
const TENS = fold(TENS_EN);
const DELAY_BEFORE = phraseList(DELAY_WORDS_BEFORE);
const DELAY_AFTER = new Set(DELAY_WORDS_AFTER.map(foldWord));
const DEADLINE = phraseList(DEADLINE_WORDS);
const RANGE_WORDS = new Set(['-', '–', 'to', 'and', 'سے', 'تا', 'اور'].map((w) => (w.length === 1 ? w : foldWord(w))));
const WEEKDAY_CUE_AFTER = new Set(['کو', 'کے', 'کی', 'روز', 'کا', 'سے'].map(foldWord));
const WEEKDAY_CUE_BEFORE = new Set(['بروز', 'on', 'last', 'next', 'this', 'since', 'until', 'by'].map(foldWord));

const pad = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseIso(s: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

export function addDays(isoDate: string, days: number): string {
  const p = parseIso(isoDate)!;
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function addMonths(y: number, m: number, offset: number): { y: number; m: number } {
  const total = y * 12 + (m - 1) + offset;
  return { y: Math.floor(total / 12), m: (total % 12) + 1 };
}

function num(t: Token | undefined): number | null {
  if (!t || t.kind !== 'number') return null;
  return Number(t.norm);
}

function isYear(n: number | null): n is number {
  return n !== null && n >= 1900 && n <= 2100;
}

function isDay(n: number | null): n is number {
  return n !== null && n >= 1 && n <= 31;
}

function monthAt(t: Token | undefined): number | null {
  if (!t || t.kind !== 'word') return null;
  return MONTH.get(t.norm) ?? null;
}

/** Skips an ordinal suffix (10th, 13ویں) and "of" after a day number. */
function afterDay(tokens: Token[], i: number): number {
  let j = i + 1;
  if (tokens[j] && tokens[j].kind === 'word' && !tokens[j].spaceBefore && SUFFIX.has(tokens[j].norm)) j++;
  if (tokens[j] && tokens[j].norm === 'of') j++;
  return j;
}

/** A year after a month or day (", 2025", "2025ء"); returns the year and the last token used. */
function yearAfter(tokens: Token[], j: number, sentence: number): { year: number; to: number } | null {
  let k = j;
  if (tokens[k]?.raw === ',' || tokens[k]?.raw === '،') k++;
  const t = tokens[k];
  if (!t || t.sentence !== sentence) return null;
  const y = num(t);
  if (!isYear(y)) return null;
  let to = k;
  if (tokens[k + 1]?.norm === 'ء' || tokens[k + 1]?.raw === 'ء') to = k + 1;
  return { year: y, to };
}

/** The year that puts month/day nearest the publication date in the direction the clause points. */
function inferYear(pub: string, m: number, d: number | null, tense: Tense): number {
  const p = parseIso(pub)!;
  const target = (y: number) => iso(y, m, d ?? 1);
  const pubKey = d === null ? iso(p.y, p.m, 1) : pub;
  const years = [p.y - 1, p.y, p.y + 1];
  if (tense === 'future') return years.find((y) => target(y) >= pubKey) ?? p.y;
  if (tense === 'past') return [...years].reverse().find((y) => target(y) <= pubKey) ?? p.y;
  // Nothing in the clause says which: the publication year.
  return p.y;
}

/** "next year", "رواں سال", "آئندہ سال" at token i: the year offset and the last token used. */
function relativeYearAt(tz: Tokenized, i: number): { offset: number; to: number } | null {
  for (const r of RELATIVES) {
    if (r.unit !== 'year') continue;
    let ok = true;
    for (let k = 0; k < r.words.length; k++) {
      const x = tz.tokens[i + k];
      if (!x || x.sentence !== tz.tokens[i].sentence || x.norm !== r.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { offset: r.offset, to: i + r.words.length - 1 };
  }
  return null;
}

function weekdayOf(isoDate: string): number {
  const p = parseIso(isoDate)!;
  return new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
}

/** Every date expression of the text, left to right, none overlapping. */
export function findDates(tz: Tokenized, publishedAt?: string): FoundDate[] {
  const { tokens } = tz;
  const pub = publishedAt && parseIso(publishedAt) ? publishedAt.slice(0, 10) : undefined;
  const out: FoundDate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = dateAt(tz, i, pub);
    if (found) {
      if (found.tense !== 'future' && delayedTo(tz, found)) {
        found.tense = 'future';
        // A month or day without its year that the report's tense put in the past: the next one.
        if (
          found.basis === 'inferred' &&
          pub &&
          found.value.date <
            pub.slice(0, found.value.precision === 'day' ? 10 : 8) + (found.value.precision === 'day' ? '' : '01')
        )
          found.value = {
            ...found.value,
            date: `${Number(found.value.date.slice(0, 4)) + 1}${found.value.date.slice(4)}`,
          };
      }
      out.push(found);
      i = found.to + 1;
    } else i++;
  }
  return out;
}

/** "delayed to June 2026", "pushed back to 2027", "مارچ 2026 تک ملتوی": a new target, so a date to come. */
function delayedTo(tz: Tokenized, d: FoundDate): boolean {
  const { tokens } = tz;
  const sentence = tokens[d.from].sentence;
  let k = d.from - 1;
  while (
    tokens[k] &&
    tokens[k].sentence === sentence &&
    ['the', 'end', 'of', 'early', 'mid', 'late'].includes(tokens[k].norm)
  )
    k--;
  if (tokens[k] && ['to', 'till', 'until', 'for', 'into'].includes(tokens[k].norm)) {
    const before = k - 1;
    if (DELAY_BEFORE.some((p) => p.every((w, x) => tokens[before - p.length + 1 + x]?.norm === w))) return true;
  }
  // A deadline set a few words before: "the new deadline is June 2029", "نئی ڈیڈ لائن جون 2029 مقرر".
  for (let x = Math.max(0, d.from - 4); x < d.from; x++)
    if (tokens[x].sentence === sentence && DEADLINE.some((p) => p.every((w, y) => tokens[x + y]?.norm === w)))
      return true;
  // Urdu: "… تک ملتوی کر دیا گیا", "… تک توسیع".
  for (let x = d.to + 1; x <= d.to + 4 && tokens[x] && tokens[x].sentence === sentence; x++)
    if (DELAY_AFTER.has(tokens[x].norm)) return tokens.slice(d.to + 1, x).some((t) => t.norm === foldWord('تک'));
  return false;
}

/** The year a part of a year belongs to, written at token k: "2026", "2026ء", "this year", "رواں سال". */
function yearAt(tz: Tokenized, k: number, pub: string | undefined): { year: number; to: number } | null {
  const t = tz.tokens[k];
  if (!t) return null;
  const y = num(t);
  if (isYear(y) && t.norm.length === 4) return { year: y, to: tz.tokens[k + 1]?.raw === 'ء' ? k + 1 : k };
  if (!REL_YEAR_FIRST.has(t.norm)) return null;
  const rel = pub ? relativeYearAt(tz, k) : null;
  if (pub && rel) return { year: parseIso(pub)!.y + rel.offset, to: rel.to };
  return null;
}

/**
 * A quarter or half of a year, dated by its year: "the first quarter of 2026", "Q3 2026", "H2 2026",
 * "second half of next year", "2026 کی پہلی سہ ماہی", "رواں سال کی آخری سہ ماہی".
 */
function yearPartAt(tz: Tokenized, i: number, pub: string | undefined): FoundDate | null {
  const { tokens } = tz;
  const t = tokens[i];
  const sentence = t.sentence;
  const partAt = (k: number) =>
    PARTS.find((p) => p.words.every((w, x) => tokens[k + x]?.sentence === sentence && tokens[k + x]?.norm === w));
  // Rabta has no precision finer than a year and coarser than a month: a quarter is its year (claiming its first
  // month would record a date the text does not give); the whole phrase is the mention, for the analyst to refine.
  const make = (from: number, to: number, part: 'quarter' | 'half', n: number, year: number): FoundDate | null => {
    const max = part === 'quarter' ? 4 : 2;
    if (n !== -1 && (n < 1 || n > max)) return null;
    return {
      from,
      to,
      value: { date: iso(year, 1, 1), precision: 'year' },
      basis: 'absolute',
      tense: tenseAt(tz, from),
    };
  };
  // Q1 2026, H2 2026 (the letter and the digit are two tokens).
  if (t.kind === 'word' && (t.norm === 'q' || t.norm === 'h') && t.raw === t.raw.toUpperCase()) {
    const n = num(tokens[i + 1]);
    if (n !== null && !tokens[i + 1].spaceBefore) {
      let k = i + 2;
      if (tokens[k]?.norm === 'of') k++;
      const y = yearAt(tz, k, pub);
      if (y) return make(i, y.to, t.norm === 'q' ? 'quarter' : 'half', n, y.year);
    }
    return null;
  }
  // Urdu puts the year first: "2026 کی پہلی سہ ماہی", "رواں سال کی دوسری ششماہی".
  const y = yearAt(tz, i, pub);
  if (y) {
    const marker = tokens[y.to + 1];
    const ord = tokens[y.to + 2];
    if (!marker || !ord || (marker.norm !== foldWord('کی') && marker.norm !== foldWord('کے'))) return null;
    const n = ORDINAL.get(ord.norm) ?? (LAST_PART.has(ord.norm) ? -1 : undefined);
    const part = n === undefined ? undefined : partAt(y.to + 3);
    if (n === undefined || !part) return null;
    return make(i, y.to + 2 + part.words.length, part.part, n, y.year);
  }
  // The ordinal first: "first quarter of 2026", "پہلی سہ ماہی 2026".
  const n = ORDINAL.get(t.norm) ?? (LAST_PART.has(t.norm) ? -1 : undefined);
  if (n === undefined) return null;
  const part = partAt(i + 1);
  if (!part) return null;
  let k = i + 1 + part.words.length;
  if (tokens[k]?.norm === 'of') k++;
  if (tokens[k]?.norm === 'the') k++;
  if (tokens[k]?.norm === 'fiscal' || tokens[k]?.norm === 'calendar') k++;
  const after = yearAt(tz, k, pub);
  return after ? make(i, after.to, part.part, n, after.year) : null;
}

function dateAt(tz: Tokenized, i: number, pub: string | undefined): FoundDate | null {
  const { tokens } = tz;
  const t = tokens[i];
  const sentence = t.sentence;
  const same = (k: number) => tokens[k] && tokens[k].sentence === sentence;

  // Quarters and halves, before their year is read on its own.
  const part = t.kind === 'word' || t.kind === 'number' ? yearPartAt(tz, i, pub) : null;
  if (part) return part;

  // ISO and numeric dates: 2025-07-10, 10-07-2025, 10/07/2025, 10.07.2025 (day first, as in Pakistan).
  if (t.kind === 'number' && same(i + 4)) {
    const [a, s1, b, s2, c] = [t, tokens[i + 1], tokens[i + 2], tokens[i + 3], tokens[i + 4]];
    const tight = [s1, b, s2, c].every((x) => !x.spaceBefore);
    if (tight && s1.raw === s2.raw && ['-', '/', '.'].includes(s1.raw) && b.kind === 'number' && c.kind === 'number') {
      const [x, y, z] = [Number(a.norm), Number(b.norm), Number(c.norm)];
      let date: string | null = null;
      if (a.norm.length === 4 && isYear(x) && y >= 1 && y <= 12 && z >= 1 && z <= daysIn(x, y)) date = iso(x, y, z);
      else if (c.norm.length === 4 && isYear(z) && y >= 1 && y <= 12 && x >= 1 && x <= daysIn(z, y))
        date = iso(z, y, x);
      if (date)
        return { from: i, to: i + 4, value: { date, precision: 'day' }, basis: 'absolute', tense: tenseAt(tz, i) };
    }
  }

  // Day first: 13 مئی 2025، ۱۳ مئی، 10 July, 10th of July, 10-11 July, 10 سے 12 جولائی.
  if (t.kind === 'number' && isDay(num(t))) {
    let j = afterDay(tokens, i);
    let endDay: number | null = null;
    let endToken: number | undefined;
    if (
      same(j + 1) &&
      RANGE_WORDS.has(tokens[j].raw.length === 1 ? tokens[j].raw : tokens[j].norm) &&
      isDay(num(tokens[j + 1]))
    ) {
      const k = afterDay(tokens, j + 1);
      if (monthAt(tokens[k]) !== null && same(k)) {
        endDay = num(tokens[j + 1]);
        endToken = j + 1;
        j = k;
      }
    }
    const m = same(j) ? monthAt(tokens[j]) : null;
    if (m !== null) {
      const d = num(t)!;
      const y = yearAfter(tokens, j + 1, sentence);
      const tense = tenseAt(tz, i);
      const year = y?.year ?? (pub ? inferYear(pub, m, d, tense) : null);
      if (year !== null && d <= daysIn(year, m)) {
        const endDate = endDay !== null && endDay > d && endDay <= daysIn(year, m) ? iso(year, m, endDay) : undefined;
        return {
          from: i,
          to: y?.to ?? j,
          value: { date: iso(year, m, d), precision: 'day' },
          endDate,
          endToken: endDate ? endToken : undefined,
          basis: y ? 'absolute' : 'inferred',
          tense,
        };
      }
    }
  }

  const m = monthAt(t);
  if (m !== null) {
    // Month first: July 10, 2025; July 10; August 2025; اگست 2025.
    const n = same(i + 1) ? num(tokens[i + 1]) : null;
    const latinOk = t.script !== 'latin' || t.capital;
    if (latinOk && isDay(n) && !(tokens[i + 2]?.raw === ':')) {
      const j = afterDay(tokens, i + 1) - 1;
      const y = yearAfter(tokens, j + 1, sentence);
      const tense = tenseAt(tz, i);
      const year = y?.year ?? (pub ? inferYear(pub, m, n, tense) : null);
      if (year !== null && n <= daysIn(year, m))
        return {
          from: i,
          to: y?.to ?? j,
          value: { date: iso(year, m, n), precision: 'day' },
          basis: y ? 'absolute' : 'inferred',
          tense,
        };
    }
    const y = yearAfter(tokens, i + 1, sentence);
    if (latinOk && y)
      return {
        from: i,
        to: y.to,
        value: { date: iso(y.year, m, 1), precision: 'month' },
        basis: 'absolute',
        tense: tenseAt(tz, i),
      };
    // "March next year", "June this year".
    const rel = pub && latinOk ? relativeYearAt(tz, i + 1) : null;
    if (pub && rel)
      return {
        from: i,
        to: rel.to,
        value: { date: iso(parseIso(pub)!.y + rel.offset, m, 1), precision: 'month' },
        basis: 'relative',
        tense: tenseAt(tz, i),
      };
    // A month alone, with a cue: اگست میں، in August, early March.
    const before = same(i - 1) ? tokens[i - 1] : undefined;
    const after = same(i + 1) ? tokens[i + 1] : undefined;
    // "postponed to March": "to" is a cue before a capitalised month (not before a bare year: "to 2025 levels").
    const cueBefore = !!before && (CUE_BEFORE.has(before.norm) || (before.norm === 'to' && t.capital));
    const cueAfter = !!after && CUE_AFTER.has(after.norm);
    const ok = t.script === 'arabic' ? cueBefore || cueAfter : t.capital && (!AMBIGUOUS_MONTH.has(t.norm) || cueBefore);
    if (pub && ok) {
      let tense = tenseAt(tz, i);
      if (before && NEXT.has(before.norm)) tense = 'future';
      if (before && LAST.has(before.norm)) tense = 'past';
      const year = inferYear(pub, m, null, tense);
      return { from: i, to: i, value: { date: iso(year, m, 1), precision: 'month' }, basis: 'inferred', tense };
    }
    return null;
  }

  // A year alone with a cue: in 2025, by 2030, 2025 میں، سال 2025، 2030 تک.
  if (t.kind === 'number' && t.norm.length === 4 && isYear(num(t))) {
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const fiscal =
      after && ['-', '/', '–'].includes(after.raw) && !after.spaceBefore && tokens[i + 2]?.kind === 'number';
    const rangeEnd = before && ['-', '/', '–'].includes(before.raw) && tokens[i - 2]?.kind === 'number';
    // "mid-2027", "end-2026": the cue joined by a hyphen.
    const hyphenCue =
      before?.raw === '-' && !before.spaceBefore && !t.spaceBefore && CUE_BEFORE.has(tokens[i - 2]?.norm ?? '');
    const cued =
      hyphenCue ||
      (before && before.sentence === sentence && CUE_BEFORE.has(before.norm)) ||
      (after && after.sentence === sentence && (CUE_AFTER.has(after.norm) || after.raw === 'ء'));
    if (cued && !fiscal && !rangeEnd) {
      const to = after?.raw === 'ء' ? i + 1 : i;
      return {
        from: i,
        to,
        value: { date: iso(num(t)!, 1, 1), precision: 'year' },
        basis: 'absolute',
        tense: tenseAt(tz, i),
      };
    }
    return null;
  }

  if (!pub || t.kind !== 'word') return null;

  // Relative expressions: گزشتہ روز، yesterday, آئندہ ماہ، next month, رواں سال، this year.
  for (const r of RELATIVES) {
    let ok = true;
    for (let k = 0; k < r.words.length; k++) {
      const x = tokens[i + k];
      if (!x || x.sentence !== sentence || x.norm !== r.words[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const to = i + r.words.length - 1;
    // "آج کل" (nowadays) is not a date.
    if (r.words.length === 1 && r.words[0] === foldWord('آج') && tokens[to + 1]?.norm === foldWord('کل')) return null;
    const p = parseIso(pub)!;
    const tense = tenseAt(tz, i);
    if (r.unit === 'day')
      return { from: i, to, value: { date: addDays(pub, r.offset), precision: 'day' }, basis: 'relative', tense };
    if (r.unit === 'month') {
      const mm = addMonths(p.y, p.m, r.offset);
      return { from: i, to, value: { date: iso(mm.y, mm.m, 1), precision: 'month' }, basis: 'relative', tense };
    }
    if (r.unit === 'year') {
      // "آئندہ سال اپریل", "گزشتہ سال اکتوبر": a month of that year.
      const next = tokens[to + 1];
      const month = next && next.sentence === sentence && next.script !== 'latin' ? monthAt(next) : null;
      if (month !== null)
        return {
          from: i,
          to: to + 1,
          value: { date: iso(p.y + r.offset, month, 1), precision: 'month' },
          basis: 'relative',
          tense,
        };
      return { from: i, to, value: { date: iso(p.y + r.offset, 1, 1), precision: 'year' }, basis: 'relative', tense };
    }
  }

  // Weekdays: جمعرات کو، بروز منگل، on Thursday, last Friday, next Monday.
  const wd = WEEKDAY.get(t.norm);
  if (wd !== undefined) {
    if (t.script === 'latin' && !t.capital) return null;
    const before = tokens[i - 1]?.sentence === sentence ? tokens[i - 1] : undefined;
    const after = tokens[i + 1]?.sentence === sentence ? tokens[i + 1] : undefined;
    if (t.script === 'arabic') {
      const cued = (after && WEEKDAY_CUE_AFTER.has(after.norm)) || (before && WEEKDAY_CUE_BEFORE.has(before.norm));
      if (!cued) return null;
      // گزشتہ ہفتے / اگلے ہفتے is "last/next week", not Saturday.
      if (
        AMBIGUOUS_WEEKDAY.has(t.norm) &&
        before &&
        (NEXT.has(before.norm) || LAST.has(before.norm) || before.norm === exactKey('اس'))
      )
        return null;
      if (
        AMBIGUOUS_WEEKDAY.has(t.norm) &&
        !(after && (after.norm === foldWord('کو') || after.norm === foldWord('روز'))) &&
        before?.norm !== foldWord('بروز')
      )
        return null;
    }
    // A weekday followed by the date itself ("Thursday, 10 July") is read by the date.
    const next = tokens[i + 1]?.raw === ',' ? i + 2 : i + 1;
    if (
      tokens[next] &&
      tokens[next].sentence === sentence &&
      (num(tokens[next]) !== null || monthAt(tokens[next]) !== null)
    ) {
      const d = dateAt(tz, next, pub);
      if (d && d.value.precision === 'day') return { ...d, from: i };
    }
    let direction: 'back' | 'forward';
    let strict = false;
    const tense = tenseAt(tz, i);
    if (before && NEXT.has(before.norm)) {
      direction = 'forward';
      strict = true;
    } else if (before && LAST.has(before.norm)) {
      direction = 'back';
      strict = true;
    } else direction = tense === 'future' ? 'forward' : 'back';
    const from = before && (NEXT.has(before.norm) || LAST.has(before.norm)) ? i - 1 : i;
    const pubDay = weekdayOf(pub);
    let diff = direction === 'back' ? (pubDay - wd + 7) % 7 : (wd - pubDay + 7) % 7;
    if (strict && diff === 0) diff = 7;
    const date = addDays(pub, direction === 'back' ? -diff : diff);
    return { from, to: i, value: { date, precision: 'day' }, basis: 'relative', tense };
  }
  return null;
}

/** Ordinals of sessions and forums: 32ویں، دسویں، 10th, tenth. Returns the number and the last token used. */
export function ordinalAt(tokens: Token[], i: number): { value: number; to: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'number') {
    const n = Number(t.norm);
    const s = tokens[i + 1];
    if (s && s.kind === 'word' && SUFFIX.has(s.norm) && (!s.spaceBefore || s.script === 'arabic'))
      return { value: n, to: i + 1 };
    return null;
  }
  if (t.kind === 'word') {
    // "twenty-first", "thirty second".
    const tens = TENS.get(t.norm);
    if (tens !== undefined) {
      const k = tokens[i + 1]?.raw === '-' ? i + 2 : i + 1;
      const unit = tokens[k] ? ORDINAL.get(tokens[k].norm) : undefined;
      if (unit !== undefined && unit < 10) return { value: tens + unit, to: k };
      return null;
    }
    const v = ORDINAL.get(t.norm);
    if (v !== undefined) return { value: v, to: i };
  }
  return null;
}
