import { ORGANIZATION_HEADS_EN } from './data/organizations';
import { STOPWORDS_EN, STOPWORDS_UR, POSTPOSITIONS } from './data/words';
import type { Doc, Found } from './doc';
import { foldedSet, foldWord, phraseList } from './keys';
import { PORTFOLIO } from './people';

// Organisations the gazetteer does not know, by the way their names are made: in English a run of capitalised
// words ending in a word that names a body (Ministry of Industry and Construction, Kazakhstan Football Federation,
// the Foreign Office); in Urdu وزارت with its portfolio (ایرانی وزارت صنعت، کان کنی و تجارت) or a run of words
// ending in such a word (چائنا ہاربر انجینئرنگ کمپنی، پاکستان اسٹاک ایکسچینج). Found after the known names, they
// never overlap them; an acronym in brackets right after one is that organisation's, whatever else it may mean.

const HEADS_EN = foldedSet(ORGANIZATION_HEADS_EN);
/** What may follow a company's name as its legal form: "Co. Ltd", "(Pvt) Ltd", "Company Limited". */
const COMPANY_TAIL = foldedSet(['co', 'ltd', 'limited', 'pvt', 'private', 'jsc', 'llc', 'plc', 'inc']);
const HEADS_UR = phraseList([
  'ریلویز',
  'کمپنی',
  'کارپوریشن',
  'اتھارٹی',
  'ایسوسی ایشن',
  'فیڈریشن',
  'بورڈ',
  'کونسل',
  'بینک',
  'یونیورسٹی',
  'ڈویژن',
  'گروپ',
  'لمیٹڈ',
  'ایکسچینج',
  'ٹرسٹ',
  'شپ یارڈ',
  'انسٹی ٹیوٹ',
  'فاؤنڈیشن',
  'ایئر لائنز',
  'چیمبر',
  'سیکرٹریٹ',
  'ڈائریکٹوریٹ',
]);
const MINISTRY_UR = foldWord('وزارت');
const INSIDE_EN = new Set(['of', 'and', 'for', '&', 'the', 'on']);
const EN_STOP = foldedSet(STOPWORDS_EN);
const UR_STOP = foldedSet([...STOPWORDS_UR, ...POSTPOSITIONS]);
const JOIN_UR = new Set(['و', '،'].map((w) => (w === '،' ? w : foldWord(w))));
/** Words of a body's remit besides the portfolios: Bureau of Emigration and Overseas Employment. */
const REMIT = foldedSet([
  'emigration',
  'immigration',
  'employment',
  'overseas',
  'statistics',
  'standards',
  'customs',
  'excise',
  'taxation',
  'geology',
  'science',
  'sciences',
  'technology',
  'engineering',
  'medicine',
  'management',
  'studies',
  'commerce',
  'industry',
  'labour',
  'labor',
  'welfare',
  'communications',
  'telecommunication',
  'telecommunications',
  'broadcasting',
  'aviation',
  'railways',
  'minerals',
  'petroleum',
  'gas',
  'oil',
  'power',
  'water',
  'agriculture',
  'health',
  'education',
  'investment',
  'construction',
  'development',
  'planning',
  'reform',
  'finance',
  'revenue',
  'special',
  'initiatives',
  'reforms',
  'production',
  'resources',
  'research',
  'security',
  'coordination',
  'privatisation',
  'privatization',
  'housing',
  'trade',
  'textile',
  'maritime',
  'climate',
  'change',
  'energy',
  'power',
  'justice',
  'interior',
  'defence',
  'defense',
  'food',
  'national',
]);
const remitWord = (w: { norm: string; stem: string }) =>
  PORTFOLIO.has(w.norm) || PORTFOLIO.has(w.stem) || REMIT.has(w.norm) || REMIT.has(w.stem);

/** Urdu words that describe a body rather than name it. */
const GENERIC_UR = foldedSet([
  'مرکزی',
  'قومی',
  'سرکاری',
  'نجی',
  'دفاعی',
  'خصوصی',
  'مشترکہ',
  'ورکنگ',
  'تکنیکی',
  'اعلیٰ',
  'بڑی',
  'بڑے',
  'مقامی',
  'غیر',
  'ملکی',
  'چینی',
  'ترک',
  'ایک',
  'اس',
  'سرمایہ',
  'کار',
  'تجارتی',
  'صنعتی',
]);
/** Generic words that do not make a name on their own before a head ("the company", "a board"). */
const GENERIC_EN = foldedSet([
  'the',
  'a',
  'an',
  'this',
  'that',
  'its',
  'their',
  'new',
  'joint',
  'state-owned',
  'private',
]);

const SITE_HEADS_EN = phraseList([
  'special economic zone',
  'economic zone',
  'industrial city',
  'industrial estate',
  'industrial zone',
  'industrial park',
  'free zone',
  'export processing zone',
  'technology park',
]);
const SITE_HEADS_UR = phraseList([
  'اکنامک زون',
  'انڈسٹریل سٹی',
  'انڈسٹریل اسٹیٹ',
  'اقتصادی زون',
  'صنعتی زون',
  'فری زون',
  'ٹیکنالوجی پارک',
  'صنعتی بستی',
]);
const FORUM_HEADS_EN = foldedSet(['forum', 'summit', 'dialogue', 'conference', 'expo', 'showcase', 'consultations']);
const FORUM_HEADS_UR = foldedSet(['فورم', 'ڈائیلاگ', 'ایکسپو']);
/** Words before a forum's head that make it no forum: a press conference. */
const NOT_FORUM = foldedSet(['press', 'news', 'media', 'پریس', 'نیوز', 'میڈیا']);

/** Named sites (Rashakai Special Economic Zone, علامہ اقبال انڈسٹریل سٹی) and forums (… Investment Forum). */
function recogniseSitesAndForums(doc: Doc): void {
  const { tokens } = doc.tz;
  const taken = (k: number) => !!doc.covered(k, ['person', 'organization', 'forum', 'position', 'date', 'place']);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const latin = t.script === 'latin';
    const sites = latin ? SITE_HEADS_EN : SITE_HEADS_UR;
    const site = sites.find((h) => h.every((w, x) => tokens[i + x]?.stem === w || tokens[i + x]?.norm === w));
    const forum = !site && (latin ? FORUM_HEADS_EN.has(t.norm) && t.capital : FORUM_HEADS_UR.has(t.norm));
    if (!site && !forum) continue;
    const to = site ? i + site.length - 1 : i;
    if (latin && site && !tokens[i].capital) continue;
    let from = i;
    while (from > 0 && i - from < 5) {
      const p = tokens[from - 1];
      // "Pakistan-Uzbekistan Joint Business Forum": a hyphen inside the name.
      if (
        latin &&
        ['-', '–'].includes(p.raw) &&
        !p.spaceBefore &&
        !tokens[from].spaceBefore &&
        tokens[from - 2]?.capital &&
        tokens[from - 2]?.sentence === t.sentence
      ) {
        from--;
        continue;
      }
      if (
        p.sentence !== t.sentence ||
        p.kind !== 'word' ||
        (latin ? !p.capital || EN_STOP.has(p.norm) : p.script !== 'arabic' || UR_STOP.has(p.norm))
      )
        break;
      if (doc.covered(from - 1, ['person', 'organization', 'forum', 'position', 'date'])) break;
      from--;
    }
    if (from === i || (forum && NOT_FORUM.has(tokens[i - 1].norm))) {
      i = to;
      continue;
    }
    let clear = true;
    for (let k = from; k <= to; k++) if (taken(k) && !doc.covered(k, ['country', 'place'])) clear = false;
    if (clear) {
      // The places inside a site's name are part of it ("Allama Iqbal Industrial City" holds no place of its own).
      for (const f of [...doc.found])
        if (f.type === 'place' && f.from >= from && f.to <= to) doc.found.splice(doc.found.indexOf(f), 1);
      doc.add({
        type: site ? 'place' : 'forum',
        from,
        to,
        start: tokens[from].start,
        end: tokens[to].end,
        ref: null,
        confidence: 0.7,
        value: site
          ? { nameEn: latin ? doc.tz.text.slice(tokens[from].start, tokens[to].end) : null }
          : { name: doc.tz.text.slice(tokens[from].start, tokens[to].end) },
      });
    }
    i = to;
  }
}

/**
 * A forum's name as written: with the two countries before it (پاک ایران مشترکہ اقتصادی کمیشن, Pakistan-Qatar
 * Joint Working Group) and, in English, its remit after it (… Joint Working Group (JWG) on Industrial Cooperation).
 */
function growForums(doc: Doc): void {
  const { tokens } = doc.tz;
  const countryEnding = (k: number, adjective = false) =>
    doc.found.find((f) => f.type === 'country' && f.to === k && (adjective || f.entry?.kind !== 'adjective'));
  for (const f of doc.of('forum')) {
    // Two countries joined as a pair may be short forms or adjectives: Pak-Uzbek, پاک ترک.
    const first = countryEnding(f.from - 1, true);
    if (first) {
      let k = first.from - 1;
      if (tokens[k] && ['-', '–', '—'].includes(tokens[k].raw)) k--;
      const second = countryEnding(k, true);
      const named = (c: Found) => c.entry?.kind !== 'adjective';
      if (second && second.countryCode !== first.countryCode && (named(first) || named(second))) {
        f.from = second.from;
        f.start = tokens[f.from].start;
      }
    }
    if (tokens[f.to].script !== 'latin') continue;
    let k = f.to + 1;
    if (tokens[k]?.raw === '(' && tokens[k + 2]?.raw === ')') k += 3;
    if (tokens[k]?.norm !== 'on' && tokens[k]?.norm !== 'for') continue;
    // Its remit: capitalised words, or plain ones when the forum itself is written in lower case.
    const lower = !tokens[f.from].capital;
    const remitWord = (x: number) => {
      const w = tokens[x];
      if (!w || w.kind !== 'word' || ['the', 'a', 'an'].includes(w.norm)) return false;
      return lower ? !EN_STOP.has(w.norm) || PORTFOLIO.has(w.norm) : w.capital;
    };
    let end = -1;
    for (let x = k + 1; tokens[x] && tokens[x].sentence === tokens[f.to].sentence && x < k + 6; x++) {
      if (remitWord(x) && !doc.covered(x, ['place', 'date', 'person'])) end = x;
      else if (!(tokens[x].norm === 'and' && remitWord(x + 1))) break;
    }
    if (end > 0) {
      f.to = end;
      f.end = tokens[end].end;
    }
  }
}

const BODY_HEADS_EN = foldedSet(['commission', 'committee', 'council', 'group', 'mechanism']);
const BODY_HEADS_UR = foldedSet(['کمیشن', 'کمیٹی', 'کونسل', 'گروپ', 'میکنزم', 'میکانزم']);
const JOINT = foldedSet(['joint', 'مشترکہ', 'جوائنٹ', 'intergovernmental', 'inter-governmental', 'بین الحکومتی']);
/** Bodies of one government whose names start like a bilateral one's: the Joint Chiefs of Staff Committee. */
const NOT_BILATERAL = foldedSet(['chiefs', 'staff', 'action', 'investigation', 'parliamentary', 'پارلیمانی', 'ایکشن']);

/**
 * Standing bilateral bodies the vocabulary does not know are forums, not organisations: a name ending in
 * commission, committee, council, group or mechanism that opens with "Joint" / "مشترکہ" or follows a pair of
 * countries ("Pakistan-Saudi Supreme Coordination Council", "پاک افغان مشترکہ رابطہ کمیٹی").
 */
function recogniseBilateralBodies(doc: Doc): void {
  const { tokens } = doc.tz;
  const countryAt = (k: number) => doc.found.find((f) => f.type === 'country' && f.from <= k && k <= f.to);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const latin = t.script === 'latin';
    if (latin ? !(BODY_HEADS_EN.has(t.norm) && t.capital) : !BODY_HEADS_UR.has(t.norm)) continue;
    if (doc.covered(i, ['forum', 'organization', 'person', 'position'])) continue;
    let from = i;
    let joint = -1;
    while (from > 0 && i - from < 6) {
      const p = tokens[from - 1];
      if (
        p.sentence !== t.sentence ||
        p.kind !== 'word' ||
        doc.covered(from - 1, ['forum', 'organization', 'person', 'position', 'date'])
      )
        break;
      if (countryAt(from - 1)) break;
      const ok = latin ? p.capital && !EN_STOP.has(p.norm) : p.script === 'arabic' && !UR_STOP.has(p.norm);
      if (!ok) break;
      from--;
      if (JOINT.has(p.norm)) joint = from;
    }
    if (from === i) continue;
    // The pair of countries before it: "Pakistan-Saudi", "Pak-Afghan", "پاک ایران", "پاکستان ایران".
    const first = countryAt(from - 1);
    let second: Found | undefined;
    if (first) {
      let k = first.from - 1;
      if (tokens[k] && ['-', '–', '—'].includes(tokens[k].raw)) k--;
      second = countryAt(k);
    }
    const pair = !!first && !!second && first.countryCode !== second.countryCode;
    const words = tokens.slice(from, i + 1);
    if (words.some((w) => NOT_BILATERAL.has(w.norm))) continue;
    if (!pair && joint !== from) continue;
    const start = pair ? second!.from : from;
    doc.add({
      type: 'forum',
      from: start,
      to: i,
      start: tokens[start].start,
      end: tokens[i].end,
      ref: null,
      confidence: 0.7,
      value: { name: doc.tz.text.slice(tokens[start].start, tokens[i].end) },
    });
  }
}

export function recogniseOrganizations(doc: Doc): void {
  recogniseSitesAndForums(doc);
  recogniseBilateralBodies(doc);
  growForums(doc);
  const { tokens } = doc.tz;
  const taken = (k: number) => !!doc.covered(k, ['person', 'organization', 'forum', 'position', 'date', 'initiative']);
  const add = (from: number, to: number) => {
    for (let k = from; k <= to; k++) if (taken(k)) return;
    const f: Found = {
      type: 'organization',
      from,
      to,
      start: tokens[from].start,
      end: tokens[to].end,
      ref: null,
      confidence: 0.7,
    };
    doc.add(f);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    if (t.script === 'latin' && HEADS_EN.has(t.norm) && t.capital) {
      // Back over capitalised words (and of/and/for inside) to the start of the name.
      let from = i;
      // "China Energy Engineering Co. Ltd": over the abbreviation before the legal form.
      if (tokens[i - 1]?.raw === '.' && tokens[i - 2]?.norm === 'co' && tokens[i - 2].capital) from = i - 2;
      while (from > 0) {
        const p = tokens[from - 1];
        if (p.sentence !== t.sentence || p.kind !== 'word') break;
        if (p.capital && (!EN_STOP.has(p.norm) || p.norm === 'all') && !taken(from - 1)) from--;
        // Not over "and" into another body's name or legal form ("… Co. Ltd and Harbin Electric …").
        else if (
          INSIDE_EN.has(p.norm) &&
          tokens[from - 2]?.capital &&
          !taken(from - 2) &&
          !(p.norm === 'and' && (COMPANY_TAIL.has(tokens[from - 2].norm) || HEADS_EN.has(tokens[from - 2].norm)))
        )
          from--;
        else break;
      }
      while (from < i && INSIDE_EN.has(tokens[from].norm)) from++;
      // Forward: "Ministry of Industry and Construction", "Bureau of Emigration and Overseas Employment".
      let to = i;
      if (tokens[i + 1]?.norm === 'of' || tokens[i + 1]?.norm === 'for') {
        let k = i + 2;
        if (tokens[k]?.norm === 'the') k++;
        let end = -1;
        // Only the words a body's remit is made of, so that a name after it stays a name.
        while (tokens[k] && tokens[k].sentence === t.sentence && !taken(k)) {
          const w = tokens[k];
          // A remit written as a list: "Ministry of Planning, Development and Special Initiatives".
          if (w.raw === ',' && end === k - 1 && tokens[k + 1]?.capital && remitWord(tokens[k + 1])) {
            k++;
            continue;
          }
          if (w.kind !== 'word') break;
          if (w.capital && (remitWord(w) || doc.covered(k, ['country', 'place']))) end = k;
          else if (!(INSIDE_EN.has(tokens[k].norm) && tokens[k + 1]?.capital)) break;
          k++;
        }
        if (end > 0) to = end;
        // Cut short inside a longer capitalised name ("Department of Regional Opening-up"): not read at all.
        const next = tokens[(end > 0 ? end : i + 1) + 1];
        if (
          end > 0 &&
          next &&
          next.sentence === t.sentence &&
          (next.capital || (next.raw === '-' && !next.spaceBefore)) &&
          !taken(next.index)
        ) {
          i = end;
          continue;
        }
      }
      // Its legal form after it: "Co. Ltd", "(Pvt) Ltd", "Limited".
      for (let k = to + 1; tokens[k] && tokens[k].sentence === t.sentence && k <= to + 5; k++) {
        const w = tokens[k];
        if (w.kind === 'word' && COMPANY_TAIL.has(w.norm) && w.capital) to = k;
        else if (!((w.raw === '.' && COMPANY_TAIL.has(tokens[k - 1].norm)) || w.raw === '(' || w.raw === ')')) break;
      }
      if (tokens[to + 1]?.raw === ')' && tokens[to - 1]?.raw === '(') to++;
      const words = to - from + 1;
      if (words >= 2 && !GENERIC_EN.has(tokens[from].norm)) add(from, to);
      i = to;
      continue;
    }
    if (t.script !== 'arabic') continue;
    if (t.norm === MINISTRY_UR) {
      // وزارت and its portfolio, with the country's adjective before it.
      let to = i;
      let k = i + 1;
      while (tokens[k] && tokens[k].sentence === t.sentence) {
        const w = tokens[k];
        if (PORTFOLIO.has(w.norm) || PORTFOLIO.has(w.stem)) to = k;
        else if (!(JOIN_UR.has(w.raw) || JOIN_UR.has(w.norm))) break;
        k++;
      }
      let from = i;
      const before = doc.found.find((f) => f.type === 'country' && f.to === i - 1 && f.entry?.kind === 'adjective');
      if (before) from = before.from;
      if (to > i) add(from, to);
      i = to;
      continue;
    }
    const head = HEADS_UR.find((h) => h.every((w, x) => tokens[i + x]?.norm === w));
    if (head) {
      const to = i + head.length - 1;
      let from = i;
      while (from > 0 && i - from < 6) {
        const p = tokens[from - 1];
        if (
          p.sentence !== t.sentence ||
          p.kind !== 'word' ||
          p.script !== 'arabic' ||
          UR_STOP.has(p.norm) ||
          taken(from - 1)
        )
          break;
        if (HEADS_UR.some((h) => h[h.length - 1] === p.norm)) break;
        if (
          doc.covered(from - 1, ['country']) &&
          doc.found.find((f) => f.type === 'country' && f.to === from - 1)?.entry?.kind === 'adjective'
        )
          break;
        from--;
      }
      // A name has a word of its own: "دفاعی کمپنی", "مرکزی بینک" are descriptions, not names.
      let proper = false;
      for (let k = from; k < i; k++)
        if (!GENERIC_UR.has(tokens[k].norm) && !PORTFOLIO.has(tokens[k].norm) && !PORTFOLIO.has(tokens[k].stem))
          proper = true;
      if (from < i && proper) add(from, to);
      i = to;
    }
  }
  // "(SCO)" right after an organisation's or forum's name is its acronym, not another body.
  for (const f of [...doc.found]) {
    if (tokens[f.from - 1]?.raw !== '(' || tokens[f.to + 1]?.raw !== ')') continue;
    const named = doc.found.find((g) => (g.type === 'organization' || g.type === 'forum') && g.to === f.from - 2);
    if (named && f !== named && (f.type === 'forum' || f.type === 'organization'))
      doc.found.splice(doc.found.indexOf(f), 1);
  }
  // A forum named in words and later by its acronym alone ("the Joint Working Group (JWG) on …", then "the JWG")
  // is one forum: the article names it as it first wrote it in full.
  const forums = doc.of('forum');
  const label = (f: Found) => (f.value as { name?: string } | null)?.name ?? f.entry?.label ?? null;
  for (const f of forums) {
    const acronymOnly = f.from === f.to && tokens[f.from].allCaps;
    if (!acronymOnly || !label(f)) continue;
    if (forums.some((g) => g !== f && g.to > g.from && label(g) === label(f)))
      doc.found.splice(doc.found.indexOf(f), 1);
  }
  // A word inside an organisation's, a forum's or a place's name makes no sector (Port Qasim) (ایرانی وزارت صنعت، کان کنی و تجارت).
  for (const s of doc.of('sector')) {
    if (
      doc.found.some(
        (o) =>
          (o.type === 'organization' || o.type === 'forum' || o.type === 'place') && o.from <= s.from && s.to <= o.to,
      )
    )
      doc.found.splice(doc.found.indexOf(s), 1);
  }
}
