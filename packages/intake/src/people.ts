import { MONTHS, WEEKDAYS } from './data/calendar';
import { HONORIFICS, TITLE_PREFIXES, TITLES } from './data/titles';
import { POSTPOSITIONS, STOPWORDS_EN, STOPWORDS_UR } from './data/words';
import type { Doc, Found } from './doc';
import { foldedSet, foldWord, words } from './keys';
import type { Token } from './tokens';

// Titles and the people they introduce. A title found by the name pass grows into the position as written:
// its prefixes (Federal, نائب، سابق), its portfolio (Minister for Energy, وزیر توانائی، معاون خصوصی برائے صنعت و
// پیداوار) and chained titles (ڈپٹی وزیراعظم و وزیر خارجہ). The name next to it — after it in both languages
// ("Secretary Saif Anjum", "سیکرٹری سیف انجم نے"), or before it with a comma ("Saif Anjum, Secretary of …") — is a
// person: the known one when the gazetteer has them, else a new person with the title, country and organisation
// the sentence gives.

const PREFIX = new Set([...TITLE_PREFIXES].map(foldWord));
const HONORIFIC = foldedSet(HONORIFICS);
const URDU_STOP = foldedSet(STOPWORDS_UR);
const EN_STOP = foldedSet(STOPWORDS_EN);
const POST = foldedSet(POSTPOSITIONS);
const CALENDAR = foldedSet([...Object.keys(MONTHS), ...Object.keys(WEEKDAYS)]);
const TITLE_WORDS = new Set<string>();
for (const t of TITLES) for (const s of [...t.en, ...t.ur]) for (const w of words(s)) TITLE_WORDS.add(w);
const PORTFOLIO_LINK_UR = new Set(['برائے'].map(foldWord));
const PORTFOLIO_LINK_EN = new Set(['for', 'of', 'on']);
const JOIN_UR = new Set(['و', 'اور'].map(foldWord));
const JOIN_EN = new Set(['and', '&']);
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
]);

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
  // A surname alone with a title right before it ("صدر پیوٹن", "President Putin") is that person.
  for (const f of doc.of('person')) {
    if (f.ref && (f.entry?.kind === 'surname' || f.entry?.kind === 'partial') && f.titleFound)
      f.confidence = Math.max(f.confidence, 0.9);
  }
}

function mentionAt(doc: Doc, k: number, types?: Found['type'][]): Found | undefined {
  return doc.found.find((f) => f.from === k && (!types || types.includes(f.type)));
}

function portfolioAt(doc: Doc, k: number): Found | undefined {
  return doc.portfolios.find((f) => f.from === k);
}

/** Grows each title into its position as written and groups chained titles. */
function growTitles(doc: Doc): TitleGroup[] {
  const { tokens } = doc.tz;
  const positions = doc.of('position').sort((a, b) => a.from - b.from);
  for (const p of positions) {
    const sentence = tokens[p.from].sentence;
    // Prefixes: Federal, Acting, former, نائب، سابق، وفاقی.
    while (
      p.from > 0 &&
      tokens[p.from - 1].sentence === sentence &&
      PREFIX.has(tokens[p.from - 1].norm) &&
      !doc.covered(p.from - 1)
    )
      p.from--;
    // An English portfolio before the title: "Energy Minister", "Commerce Secretary".
    const before = doc.portfolios.find((f) => f.to === p.from - 1 && tokens[f.from].script === 'latin');
    if (before && tokens[p.from].script === 'latin') p.from = before.from;
    let portfolio: Found | undefined = before;
    // Portfolios after the title: وزیر توانائی، سیکرٹری خارجہ، برائے صنعت و پیداوار; for/of/on Foreign Affairs.
    let k = p.to + 1;
    const urdu = tokens[p.to].script === 'arabic';
    const link = tokens[k] && (urdu ? PORTFOLIO_LINK_UR : PORTFOLIO_LINK_EN).has(tokens[k].norm);
    let j = link ? k + 1 : k;
    if (!urdu && tokens[j]?.norm === 'the') j++;
    let pf = portfolioAt(doc, j);
    if (pf && (link || urdu)) {
      portfolio = pf;
      p.to = pf.to;
      // Chained portfolios: صنعت و پیداوار، Industries and Production (when not one entry already).
      for (;;) {
        k = p.to + 1;
        if (!tokens[k] || !(urdu ? JOIN_UR : JOIN_EN).has(tokens[k].norm)) break;
        pf = portfolioAt(doc, k + 1);
        if (!pf) break;
        p.to = pf.to;
      }
    }
    p.start = tokens[p.from].start;
    p.end = tokens[p.to].end;
    const title = p.entry?.title;
    p.value = {
      titleEn: title?.en[0] ?? null,
      titleUr: title?.ur[0] ?? null,
      portfolioEn: portfolio?.entry?.label ?? null,
      portfolioUr: portfolio?.entry?.labelUr ?? null,
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
    const after = contextAfterTitle(doc, g.to);
    if (!g.org && after) g.org = after;
  }
  return groups;
}

/** The country or organisation right before a title: روسی نائب وزیر، روس کے وزیر، Russian Minister, Pakistan's envoy. */
function contextBefore(doc: Doc, from: number): { country: string | null; org: Found | null } {
  const { tokens } = doc.tz;
  let k = from - 1;
  if (k >= 0 && (GENITIVE_UR.has(tokens[k].norm) || tokens[k].norm === 's')) k--;
  if (k >= 0 && (tokens[k].raw === "'" || tokens[k].raw === '’')) k--;
  const m = doc.found.find(
    (f) => f.to === k && (f.type === 'country' || f.type === 'organization' || f.type === 'place'),
  );
  if (!m || tokens[m.from].sentence !== tokens[from].sentence) return { country: null, org: null };
  if (m.type === 'organization') return { country: m.countryCode ?? null, org: m };
  return { country: m.countryCode ?? null, org: null };
}

/** "Secretary of the Ministry of Industries", "Chairman of Pakistan Steel Mills". */
function contextAfterTitle(doc: Doc, to: number): Found | null {
  const { tokens } = doc.tz;
  let k = to + 1;
  if (tokens[k]?.norm !== 'of') return null;
  k++;
  if (tokens[k]?.norm === 'the') k++;
  return mentionAt(doc, k, ['organization']) ?? null;
}

function skipHonorifics(tokens: Token[], k: number): number {
  while (tokens[k] && tokens[k].kind === 'word' && (HONORIFIC.has(tokens[k].norm) || tokens[k].raw === '.')) k++;
  if (tokens[k]?.raw === '.' && tokens[k - 1] && HONORIFIC.has(tokens[k - 1].norm)) k++;
  return k;
}

function nameWord(doc: Doc, t: Token, latin: boolean): boolean {
  if (t.kind !== 'word') return false;
  if (doc.covered(t.index, ['country', 'place', 'organization', 'forum', 'position', 'date', 'initiative']))
    return false;
  if (CALENDAR.has(t.norm) || TITLE_WORDS.has(t.norm) || HONORIFIC.has(t.norm)) return false;
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
  const start = skipHonorifics(tokens, g.to + 1);
  const known = doc.found.find((f) => f.type === 'person' && f.from === start);
  if (known) {
    known.titleFound = title;
    return;
  }
  const latin = tokens[g.from].script === 'latin';
  const after = nameRun(doc, start, 1, latin, sentence);
  if (after) {
    addPerson(doc, g, after, title);
    return;
  }
  // Before the title: "Saif Anjum, Secretary of Industries", "سیف انجم، سیکرٹری صنعت".
  const comma = tokens[g.from - 1];
  if (comma && (comma.raw === ',' || comma.raw === '،') && comma.sentence === sentence) {
    const knownBefore = doc.found.find((f) => f.type === 'person' && f.to === g.from - 2);
    if (knownBefore) {
      knownBefore.titleFound = title;
      return;
    }
    const before = nameRun(doc, g.from - 2, -1, latin, sentence);
    if (before) addPerson(doc, g, before, title);
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
    if (t.kind === 'punct' && latin && (t.raw === '.' || t.raw === '-') && !t.spaceBefore && run.length > 0) {
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
  return { from: a, to: b };
}

function addPerson(doc: Doc, g: TitleGroup, span: { from: number; to: number }, title: Found): void {
  const { tokens } = doc.tz;
  const f: Found = {
    type: 'person',
    from: span.from,
    to: span.to,
    start: tokens[span.from].start,
    end: tokens[span.to].end,
    ref: null,
    confidence: 0.8,
    titleFound: title,
    orgFound: g.org ?? undefined,
    countryCode: g.countryCode,
  };
  f.name = doc.text(f);
  doc.add(f);
}
