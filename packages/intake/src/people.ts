import { MONTHS, WEEKDAYS } from './data/calendar';
import { ORGANIZATION_HEADS_EN } from './data/organizations';
import { SECTOR_WORDS } from './data/sectors';
import { CLAN_NAMES, HONORIFICS, PORTFOLIO_WORDS, PORTFOLIOS, TITLE_PREFIXES, TITLES } from './data/titles';
import { POSTPOSITIONS, STOPWORDS_EN, STOPWORDS_UR } from './data/words';
import type { Doc, Found } from './doc';
import { foldedSet, foldWord, words } from './keys';
import type { Token } from './tokens';

// Titles and the people they introduce. A title found by the name pass grows into the position as written:
// its prefixes (Federal, نائب، سابق), its portfolio (Minister of State for Public Health, وزیر توانائی، معاون
// خصوصی برائے صنعت و پیداوار) and chained titles (ڈپٹی وزیراعظم و وزیر خارجہ، منیجنگ ڈائریکٹر ریئر ایڈمرل). The
// name next to it — after it in both languages ("Secretary Saif Anjum", "سیکرٹری سیف انجم نے", also past "of the
// Bureau of Emigration," or "of Kazgeology"), or before it with a comma ("Saif Anjum, Secretary of …") — is a
// person: the known one when the gazetteer has them, else a new person with the title, country and organisation
// the sentence gives.

const PREFIX = new Set([...TITLE_PREFIXES].map(foldWord));
const HONORIFIC = foldedSet(HONORIFICS);
const CLAN = foldedSet(CLAN_NAMES);
const URDU_STOP = foldedSet(STOPWORDS_UR);
const EN_STOP = foldedSet(STOPWORDS_EN);
const POST = foldedSet(POSTPOSITIONS);
const CALENDAR = foldedSet([...Object.keys(MONTHS), ...Object.keys(WEEKDAYS)]);
const TITLE_WORDS = new Set<string>();
for (const t of TITLES) for (const s of [...t.en, ...t.ur]) for (const w of words(s)) TITLE_WORDS.add(w);
/** Words a portfolio may be made of (see PORTFOLIO_WORDS). */
export const PORTFOLIO = new Set<string>(PORTFOLIO_WORDS.map(foldWord));
for (const p of PORTFOLIOS)
  for (const s of [...p.en, ...p.ur]) for (const w of words(s)) if (w.length > 1) PORTFOLIO.add(w);
for (const sw of SECTOR_WORDS)
  for (const s of [...sw.en, ...sw.ur]) if (words(s).length === 1) PORTFOLIO.add(words(s)[0]);
for (const w of ['and', 'of', 'the', 'for', 'on', 'to', 'a', 'اور', 'و', 'کے', 'کی', 'کا'].map(foldWord))
  PORTFOLIO.delete(w);
const PORTFOLIO_LINK_UR = new Set(['برائے'].map(foldWord));
const PORTFOLIO_LINK_EN = new Set(['for', 'of', 'on']);
const JOIN_UR = new Set(['و', 'اور', '،'].map((w) => (w === '،' ? w : foldWord(w))));
const JOIN_EN = new Set(['and', '&', ',']);
const CHAIN = new Set(['و', 'اور', 'and'].map(foldWord));
const GENITIVE_UR = new Set(['کے', 'کی', 'کا'].map(foldWord));
/** Particles inside names: bin, al, ul, ur, de, van, von. */
const NAME_PARTICLES = new Set(['bin', 'binti', 'al', 'ul', 'ur', 'ud', 'de', 'van', 'von', 'der', 'la', 'el', 'ibn']);
/** Words after a name that close it: said, told, stated, added… */
const CLOSERS_EN = new Set([
  'said',
  'says',
  'told',
  'stated',
  'added',
  'noted',
  'stressed',
  'emphasised',
  'emphasized',
  'met',
  'called',
  'visited',
  'and',
  'who',
  'while',
  'also',
  'in',
  'on',
  'at',
  'during',
  'with',
  'witnessed',
  'signed',
  'named',
  'inaugurated',
  'chaired',
  'led',
  'headed',
  'presided',
  'was',
  'is',
  'has',
  'had',
  'will',
]);
/** What ends an organisation's English name, so a name ending so is no person's (and a mission or industries). */
const ORG_HEADS = new Set([...ORGANIZATION_HEADS_EN, 'mission', 'industries'].map(foldWord));

/** Places and institutions named after people. */
const VENUE_HEADS = new Set(
  [
    'hospital',
    'college',
    'school',
    'centre',
    'center',
    'stadium',
    'mosque',
    'road',
    'avenue',
    'hall',
    'airport',
    'park',
    'square',
    'town',
    'colony',
    'ہسپتال',
    'اسپتال',
    'کالج',
    'یونیورسٹی',
    'اسٹیڈیم',
    'ہال',
    'روڈ',
    'ایئرپورٹ',
  ].map(foldWord),
);

export interface TitleGroup {
  from: number;
  to: number;
  positions: Found[];
  countryCode: string | null;
  org: Found | null;
}

export function recognisePeople(doc: Doc): void {
  const groups = growTitles(doc);
  for (const g of groups) attachName(doc, g);
  namesAfterHonorifics(doc);
  // A surname alone with a title right before it ("صدر پیوٹن", "President Putin") is that person.
  for (const f of doc.of('person')) {
    if (f.ref && (f.entry?.kind === 'surname' || f.entry?.kind === 'partial') && f.titleFound)
      f.confidence = Math.max(f.confidence, 0.9);
  }
}

function portfolioWord(t: Token | undefined, latin: boolean): boolean {
  if (!t || t.kind !== 'word') return false;
  if (latin) return t.script === 'latin' && t.capital && (PORTFOLIO.has(t.norm) || PORTFOLIO.has(t.stem));
  return t.script === 'arabic' && (PORTFOLIO.has(t.norm) || PORTFOLIO.has(t.stem));
}

/** The end of a portfolio that starts at k (words of PORTFOLIO joined by and/و/،), or k - 1 when there is none. */
function portfolioEnd(doc: Doc, k: number, latin: boolean, sentence: number): number {
  const { tokens } = doc.tz;
  let end = k - 1;
  let i = k;
  while (tokens[i] && tokens[i].sentence === sentence) {
    // A portfolio word that begins a body's name is the body's ("Vice Chairman of the Planning Commission").
    if (doc.covered(i, ['person', 'date', 'organization', 'forum'])) break;
    if (portfolioWord(tokens[i], latin)) {
      end = i;
      i++;
      continue;
    }
    const join = (latin ? JOIN_EN : JOIN_UR).has(tokens[i].raw) || (latin ? JOIN_EN : JOIN_UR).has(tokens[i].norm);
    if (join && end >= k && portfolioWord(tokens[i + 1], latin)) {
      i++;
      continue;
    }
    break;
  }
  return end;
}

/** Grows each title into its position as written and groups chained titles. */
function growTitles(doc: Doc): TitleGroup[] {
  const { tokens } = doc.tz;
  const positions = doc.of('position').sort((a, b) => a.from - b.from);
  for (const p of positions) {
    const sentence = tokens[p.from].sentence;
    const latin = tokens[p.from].script === 'latin';
    // Prefixes: Federal, Acting, former, نائب، سابق، وفاقی.
    while (
      p.from > 0 &&
      tokens[p.from - 1].sentence === sentence &&
      PREFIX.has(tokens[p.from - 1].norm) &&
      !doc.covered(p.from - 1)
    )
      p.from--;
    // An English portfolio before the title: "Energy Minister", "Railways Secretary".
    let portfolioFrom = -1;
    let portfolioTo = -1;
    if (latin) {
      let b = p.from - 1;
      while (
        b >= 0 &&
        tokens[b].sentence === sentence &&
        portfolioWord(tokens[b], true) &&
        !doc.covered(b, ['organization', 'person', 'country', 'place'])
      )
        b--;
      if (b < p.from - 1) {
        portfolioFrom = b + 1;
        portfolioTo = p.from - 1;
        p.from = b + 1;
      }
    }
    // Portfolios after the title: وزیر توانائی، برائے صنعت و پیداوار; for/of/on (the) Foreign Affairs.
    let k = p.to + 1;
    const link = tokens[k] && (latin ? PORTFOLIO_LINK_EN : PORTFOLIO_LINK_UR).has(tokens[k].norm);
    if (link) k++;
    if (latin && link && tokens[k]?.norm === 'the') k++;
    // Without a link too: "Secretary Water Resources", "Additional Secretary Finance" (capitalised portfolio words).
    if (link || !latin || portfolioWord(tokens[k], true)) {
      const end = portfolioEnd(doc, k, latin, sentence);
      if (end >= k) {
        portfolioFrom = k;
        portfolioTo = end;
        p.to = end;
      }
    }
    p.start = tokens[p.from].start;
    p.end = tokens[p.to].end;
    const title = p.entry?.title;
    const portfolioText =
      portfolioFrom >= 0 ? doc.tz.text.slice(tokens[portfolioFrom].start, tokens[portfolioTo].end) : null;
    const known =
      portfolioFrom >= 0 ? doc.portfolios.find((f) => f.from === portfolioFrom && f.to === portfolioTo) : undefined;
    p.value = {
      titleEn: title?.en[0] ?? null,
      titleUr: title?.ur[0] ?? null,
      portfolioEn: known?.entry?.label ?? (latin ? portfolioText : null),
      portfolioUr: known?.entry?.labelUr ?? (latin ? null : portfolioText),
    };
    // Sector words inside a title ("Minister of Energy") are about the office, not the subject.
    for (const s of doc.of('sector')) if (s.from >= p.from && s.to <= p.to) doc.found.splice(doc.found.indexOf(s), 1);
  }
  // Drop positions swallowed by a grown neighbour.
  for (const p of positions) {
    const outer = positions.find((q) => q !== p && q.from <= p.from && p.to <= q.to && doc.found.includes(q));
    if (outer) doc.found.splice(doc.found.indexOf(p), 1);
  }
  const kept = doc.of('position').sort((a, b) => a.from - b.from);
  const groups: TitleGroup[] = [];
  for (const p of kept) {
    const last = groups[groups.length - 1];
    const gap = last ? tokens.slice(last.to + 1, p.from) : [];
    const chained =
      last &&
      tokens[last.to].sentence === tokens[p.from].sentence &&
      (gap.length === 0 ||
        (gap.length === 1 &&
          (CHAIN.has(gap[0].norm) || gap[0].raw === '/' || gap[0].raw === ',' || gap[0].raw === '،')));
    if (chained) {
      last.to = p.to;
      last.positions.push(p);
    } else groups.push({ from: p.from, to: p.to, positions: [p], countryCode: null, org: null });
  }
  for (const g of groups) {
    const { country, org } = contextBefore(doc, g.from);
    g.countryCode = country;
    g.org = org;
  }
  return groups;
}

/** The country or organisation right before a title: روسی نائب وزیر، روس کے وزیر، Russian Minister, Pakistan's envoy. */
function contextBefore(doc: Doc, from: number): { country: string | null; org: Found | null } {
  const { tokens } = doc.tz;
  let k = from - 1;
  if (k >= 0 && (GENITIVE_UR.has(tokens[k].norm) || tokens[k].norm === 's')) k--;
  if (k >= 0 && (tokens[k].raw === "'" || tokens[k].raw === '’')) k--;
  // "Board of Investment (BOI) Secretary": skip the acronym in brackets.
  if (k >= 2 && tokens[k].raw === ')' && tokens[k - 2]?.raw === '(') k -= 3;
  const m = doc.found.find(
    (f) => f.to === k && (f.type === 'country' || f.type === 'organization' || f.type === 'place'),
  );
  if (!m || tokens[m.from].sentence !== tokens[from].sentence) return { country: null, org: null };
  if (m.type === 'organization') return { country: m.countryCode ?? null, org: m };
  return { country: m.countryCode ?? null, org: null };
}

/**
 * After an English title, what may stand between it and the name: "of/at/to (the) <organisation or country>",
 * an acronym in brackets, a comma ("…of the Hamad Medical Corporation (HMC), Dr Maryam Al-Sulaiti"). Returns the
 * token where the name may start, and the organisation passed.
 */
function skipToName(doc: Doc, g: TitleGroup): { at: number; org: Found | null } {
  const { tokens } = doc.tz;
  const sentence = tokens[g.from].sentence;
  let k = g.to + 1;
  let org: Found | null = null;
  const latin = tokens[g.from].script === 'latin';
  if (latin) {
    for (let hops = 0; hops < 3; hops++) {
      const t = tokens[k];
      if (!t || t.sentence !== sentence || !['of', 'at', 'to', 'in'].includes(t.norm)) break;
      let j = k + 1;
      if (tokens[j]?.norm === 'the') j++;
      const m = doc.found.find(
        (f) =>
          f.from === j &&
          (f.type === 'organization' || f.type === 'country' || f.type === 'place' || f.type === 'forum'),
      );
      if (m) {
        if (m.type === 'organization') org = m;
        k = m.to + 1;
        continue;
      }
      // An organisation not in the gazetteer: capitalised words up to its head noun ("Management Board").
      let end = -1;
      for (let x = j; x < j + 10 && tokens[x] && tokens[x].sentence === sentence; x++) {
        const w = tokens[x];
        if (w.kind !== 'word' || !(w.capital || ['of', 'and', 'for', 'the', '&'].includes(w.norm))) break;
        if (ORG_HEADS.has(w.norm)) end = x;
      }
      if (end < 0) break;
      k = end + 1;
    }
    if (tokens[k]?.raw === '(' && tokens[k + 2]?.raw === ')') k += 3;
    if (tokens[k]?.raw === ',') k++;
  }
  // The body or province right after the title: "Chairman NHA Shahzad Khan", "Managing Director OGDCL …",
  // "چیئرمین واپڈا …", "وزیر اعلیٰ پنجاب مریم نواز", "Governor Sindh …".
  const body = doc.found.find(
    (f) => f.from === k && (f.type === 'organization' || f.type === 'place' || f.type === 'country'),
  );
  if (body && k === g.to + 1 && (body.type === 'organization' || nameStartsAt(doc, body.to + 1, latin, sentence))) {
    if (body.type === 'organization') org ??= body;
    k = body.to + 1;
  } else if (latin && k === g.to + 1 && tokens[k]?.kind === 'word' && tokens[k].allCaps && tokens[k].norm.length <= 6) {
    // An acronym the vocabulary does not know, before a name: "Chairman CDA Ali Khan".
    const next = tokens[k + 1];
    if (next && next.capital && !next.allCaps && next.sentence === sentence) k++;
  }
  return { at: k, org };
}

/** Two name words start at k (a name, not the rest of the sentence). */
function nameStartsAt(doc: Doc, k: number, latin: boolean, sentence: number): boolean {
  const { tokens } = doc.tz;
  const a = tokens[k];
  const b = tokens[k + 1];
  return (
    !!a &&
    !!b &&
    a.sentence === sentence &&
    b.sentence === sentence &&
    nameWord(doc, a, latin) &&
    nameWord(doc, b, latin)
  );
}

function skipHonorifics(tokens: Token[], k: number): number {
  for (;;) {
    const t = tokens[k];
    if (!t) return k;
    if (t.kind === 'word' && HONORIFIC.has(t.norm)) k++;
    else if (t.raw === '.' && tokens[k - 1] && HONORIFIC.has(tokens[k - 1].norm)) k++;
    else return k;
  }
}

export function nameWord(doc: Doc, t: Token, latin: boolean): boolean {
  if (t.kind !== 'word') return false;
  if (doc.covered(t.index, ['country', 'place', 'organization', 'forum', 'position', 'date', 'initiative']))
    return false;
  if (CALENDAR.has(t.norm) || TITLE_WORDS.has(t.norm) || HONORIFIC.has(t.norm)) return CLAN.has(t.norm);
  if (latin) {
    if (t.script !== 'latin') return false;
    if (NAME_PARTICLES.has(t.norm)) return true;
    return t.capital && !t.allCaps && !EN_STOP.has(t.norm);
  }
  return t.script === 'arabic' && t.norm.length >= 2 && !URDU_STOP.has(t.norm) && !POST.has(t.norm);
}

/** The name right after a title (or its honorifics), or before it with a comma; known people are linked. */
function attachName(doc: Doc, g: TitleGroup): void {
  const { tokens } = doc.tz;
  const sentence = tokens[g.from].sentence;
  const title = g.positions[g.positions.length - 1];
  const skipped = skipToName(doc, g);
  const org = g.org ?? skipped.org;
  const start = skipHonorifics(tokens, skipped.at);
  const known = doc.found.find((f) => f.type === 'person' && f.from === start);
  if (known) {
    known.titleFound = title;
    return;
  }
  const latin = tokens[g.from].script === 'latin';
  const after = nameRun(doc, start, 1, latin, sentence);
  if (after) {
    addPerson(doc, { ...g, org }, after, title);
    return;
  }
  // "Director General of the Department of … at the National … Commission (NDRC), Mr Gao Jianping": past the
  // title's long "of …" to the comma, and the name after it.
  if (latin && ['of', 'at', 'to', 'in', 'for'].includes(tokens[g.to + 1]?.norm ?? '')) {
    for (let k = g.to + 2; k < g.to + 18 && tokens[k] && tokens[k].sentence === sentence; k++) {
      if (tokens[k].raw === ';' || doc.covered(k, ['person', 'date'])) break;
      if (tokens[k].raw !== ',') continue;
      const at = skipHonorifics(tokens, k + 1);
      const known2 = doc.found.find((f) => f.type === 'person' && f.from === at);
      if (known2) {
        known2.titleFound = title;
        return;
      }
      const run = nameRun(doc, at, 1, latin, sentence);
      if (run) {
        const passed = doc.found.find((f) => f.type === 'organization' && f.from > g.to && f.to < k) ?? org;
        addPerson(doc, { ...g, org: passed }, run, title, 0.75);
        return;
      }
      break;
    }
  }
  // Before the title: "Saif Anjum, Secretary of Industries", "Mohammad Aurangzeb, the Finance Minister",
  // "سیف انجم، سیکرٹری صنعت".
  const at = latin && tokens[g.from - 1]?.norm === 'the' ? g.from - 1 : g.from;
  const comma = tokens[at - 1];
  if (comma && (comma.raw === ',' || comma.raw === '،') && comma.sentence === sentence) {
    const knownBefore = doc.found.find((f) => f.type === 'person' && f.to === at - 2);
    if (knownBefore) {
      knownBefore.titleFound = title;
      return;
    }
    const before = nameRun(doc, at - 2, -1, latin, sentence);
    if (before) addPerson(doc, { ...g, org: org ?? skipped.org }, before, title, 0.75);
  }
}

/**
 * A name after an honorific needs no title: "Dr Shamshad Akhtar said", "Senator Mohammad Aurangzeb, the …",
 * "ڈاکٹر ثمینہ حیات نے". Two to four name words, closed as after a title.
 */
function namesAfterHonorifics(doc: Doc): void {
  const { tokens } = doc.tz;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !HONORIFIC.has(t.norm) || doc.covered(i)) continue;
    const latin = t.script === 'latin';
    if (latin && !t.capital) continue;
    const start = skipHonorifics(tokens, i);
    if (start === i || tokens[start]?.sentence !== t.sentence) continue;
    if (doc.found.some((f) => (f.type === 'person' || f.type === 'position') && f.from <= start && start <= f.to))
      continue;
    const run = nameRun(doc, start, 1, latin, t.sentence);
    if (run) addPerson(doc, { from: i, to: i, positions: [], countryCode: null, org: null }, run, null, 0.8);
  }
}

/** 2–4 name words from `k` going in `dir`, closed by punctuation, a postposition or a verb; null otherwise. */
function nameRun(
  doc: Doc,
  k: number,
  dir: 1 | -1,
  latin: boolean,
  sentence: number,
): { from: number; to: number } | null {
  const { tokens } = doc.tz;
  const run: number[] = [];
  let i = k;
  while (tokens[i] && tokens[i].sentence === sentence && run.length < 5) {
    const t = tokens[i];
    if (
      t.kind === 'punct' &&
      latin &&
      (t.raw === '.' || t.raw === '-') &&
      !t.spaceBefore &&
      run.length > 0 &&
      !tokens[i + 1]?.spaceBefore
    ) {
      i += dir;
      continue;
    }
    if (!nameWord(doc, t, latin)) break;
    if (doc.found.some((f) => f.type === 'person' && f.from <= i && i <= f.to)) return null;
    run.push(i);
    i += dir;
  }
  if (run.length < 2 || run.length > 4) return null;
  const next = tokens[i];
  // What closes a name: the sentence's end, punctuation, a case marker or verb (Urdu), a lower-case word (English).
  const closed =
    !next ||
    next.sentence !== sentence ||
    next.kind === 'punct' ||
    (dir === 1 && !latin && (POST.has(next.norm) || URDU_STOP.has(next.norm))) ||
    (dir === 1 && latin && (CLOSERS_EN.has(next.norm) || !next.capital)) ||
    dir === -1;
  if (!closed) return null;
  const [a, b] = dir === 1 ? [run[0], run[run.length - 1]] : [run[run.length - 1], run[0]];
  // Particles never begin or end a name.
  if (latin && (NAME_PARTICLES.has(tokens[a].norm) || NAME_PARTICLES.has(tokens[b].norm))) return null;
  // "Dr Ziauddin Hospital", "Quaid-e-Azam University": an institution named after someone.
  if (ORG_HEADS.has(tokens[b].norm) || VENUE_HEADS.has(tokens[b].norm)) return null;
  return { from: a, to: b };
}

function addPerson(
  doc: Doc,
  g: TitleGroup,
  span: { from: number; to: number },
  title: Found | null,
  confidence = 0.85,
): void {
  const { tokens } = doc.tz;
  const f: Found = {
    type: 'person',
    from: span.from,
    to: span.to,
    start: tokens[span.from].start,
    end: tokens[span.to].end,
    ref: null,
    confidence,
    titleFound: title ?? undefined,
    orgFound: g.org ?? undefined,
    countryCode: g.countryCode,
  };
  f.name = doc.text(f);
  doc.add(f);
}
