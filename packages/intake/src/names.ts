import { FORUM_QUALIFIERS_OK, QUALIFIABLE_FORUM_NAMES } from './data/forums';
import type { Doc, Found } from './doc';
import type { Entry } from './gazetteer';
import { exactKey, foldedSet } from './keys';
import { candidatesAt, casingOk, findCandidates, type Candidate } from './match';
import { nameWord } from './people';

// Known names in the article: people, organisations, forums, countries, places, titles and initiative codes from
// the gazetteer (longest match first, no overlaps), then sector keywords (their own layer: "Pakistan Steel Mills"
// is an organisation and a mention of steel).

const TYPE_RANK: Record<string, number> = {
  person: 7,
  organization: 6,
  forum: 6,
  initiative: 5,
  country: 4,
  place: 3,
  position: 2,
  portfolio: 1,
  sector: 0,
};
const KIND_RANK: Record<string, number> = {
  name: 6,
  code: 6,
  alias: 5,
  title: 4,
  acronym: 3,
  partial: 3,
  adjective: 2,
  surname: 2,
  keyword: 1,
  portfolio: 0,
};

const BASE_CONFIDENCE: Record<string, number> = {
  name: 0.95,
  code: 0.97,
  alias: 0.93,
  title: 0.9,
  acronym: 0.85,
  partial: 0.85,
  adjective: 0.9,
  surname: 0.7,
  keyword: 0.85,
  portfolio: 0.8,
};

interface Pick {
  c: Candidate;
  entry: Entry;
  alternatives: Entry[];
}

function rank(e: Entry): number {
  return TYPE_RANK[e.type] * 10 + KIND_RANK[e.kind];
}

/** Chooses, per span, the best entry whose casing rule holds; then the longest spans that do not overlap. */
function choose(doc: Doc, candidates: Candidate[], accept: (e: Entry) => boolean): Pick[] {
  const { tokens } = doc.tz;
  const picks: Pick[] = [];
  for (const c of candidates) {
    const ok = c.entries.filter((e) => accept(e) && casingOk(e, tokens, c.from, c.to));
    if (ok.length === 0) continue;
    // A record of the database before the built-in vocabulary's entry of the same name.
    ok.sort((a, b) => rank(b) - rank(a) || Number(!!b.ref) - Number(!!a.ref));
    const top = ok.filter((e) => rank(e) === rank(ok[0]) && !!e.ref === !!ok[0].ref);
    picks.push({ c, entry: top[0], alternatives: top });
  }
  picks.sort(
    (a, b) =>
      b.c.to - b.c.from - (a.c.to - a.c.from) ||
      b.c.end - b.c.start - (a.c.end - a.c.start) ||
      rank(b.entry) - rank(a.entry) ||
      a.c.from - b.c.from,
  );
  const taken = new Set<number>();
  const chosen: Pick[] = [];
  for (const p of picks) {
    let free = true;
    for (let k = p.c.from; k <= p.c.to; k++) if (taken.has(k)) free = false;
    if (!free) continue;
    for (let k = p.c.from; k <= p.c.to; k++) taken.add(k);
    chosen.push(p);
  }
  return chosen.sort((a, b) => a.c.from - b.c.from);
}

export function recogniseNames(doc: Doc): void {
  const exact = findCandidates(doc.tz, doc.gz, false);
  const stemmed = findCandidates(doc.tz, doc.gz, true);
  // Organisations' Urdu names take oblique endings too (سفارت خانے for سفارت خانہ).
  const stemmedOrgs = stemmed.filter((c) => c.entries.some((e) => e.type === 'organization'));
  const chosen = choose(doc, [...exact, ...stemmedOrgs], (e) => e.type !== 'sector' && e.type !== 'initiative');
  // Countries mentioned anywhere settle which of two same-named people (or organisations) is meant.
  const countries = new Set<string>();
  for (const p of chosen) if (p.entry.type === 'country' && p.entry.countryCode) countries.add(p.entry.countryCode);
  const fullyNamed = new Set<string | number>();
  for (const p of chosen) {
    let entry = p.entry;
    if (p.alternatives.length > 1) {
      const local = p.alternatives.filter((e) => e.countryCode && countries.has(e.countryCode));
      if (local.length >= 1) entry = local[0];
    }
    if (entry.type === 'person' && (entry.kind === 'name' || entry.kind === 'alias') && entry.ref)
      fullyNamed.add(entry.ref.id);
    const ambiguous = new Set(p.alternatives.map((e) => e.ref?.id ?? e.label)).size > 1;
    let confidence = BASE_CONFIDENCE[entry.kind] ?? 0.8;
    if (ambiguous) confidence -= 0.25;
    // A forum the database also keeps as an organisation (ARF, SCO, a commission) is named as a forum.
    const forum = p.c.entries.find((e) => e.type === 'forum');
    const asForum = entry.type === 'organization' && (!!forum || doc.gz.forumOrganizations.has(Number(entry.ref?.id)));
    const f: Found = {
      type: entry.type === 'portfolio' ? 'position' : asForum ? 'forum' : (entry.type as Found['type']),
      from: p.c.from,
      to: p.c.to,
      start: p.c.start,
      end: p.c.end,
      ref: entry.ref,
      entry: asForum && forum ? { ...forum, ref: entry.ref } : entry,
      confidence,
      countryCode: entry.countryCode ?? null,
    };
    if (entry.type === 'portfolio') {
      doc.portfolios.push(f);
      continue;
    }
    if (f.type === 'forum') f.value = { name: forum?.label ?? entry.label };
    if (entry.type === 'place')
      f.value = { nameEn: entry.label, nameUr: entry.labelUr ?? null, countryCode: entry.countryCode ?? null };
    if (entry.type === 'country' && !f.ref && entry.countryCode) f.value = { code: entry.countryCode };
    doc.add(f);
  }
  dropBracketedRepeats(doc);
  dropQualifiedForums(doc);
  dropSurnamesOfOthers(doc);
  titlesInNames(doc);
  // A family name alone is that person when the article has named them in full, or a title stands before it.
  for (const f of doc.of('person')) {
    if (f.entry?.kind !== 'surname' && f.entry?.kind !== 'partial') continue;
    if (f.ref && fullyNamed.has(f.ref.id)) f.confidence = 0.92;
  }
  recogniseInitiativeNames(doc, exact, stemmed);
  recogniseSectors(doc, stemmed);
}

/** "Shanghai Cooperation Organisation (SCO)", "Geological Survey of Pakistan (GSP)": the acronym is the same mention. */
function dropBracketedRepeats(doc: Doc): void {
  const { tokens } = doc.tz;
  for (const f of [...doc.found]) {
    if (tokens[f.from - 1]?.raw !== '(' || tokens[f.to + 1]?.raw !== ')') continue;
    const before = doc.found.find((g) => g !== f && g.to === f.from - 2 && g.type === f.type);
    if (
      before &&
      (before.ref
        ? before.ref.id === f.ref?.id && before.ref.resource === f.ref?.resource
        : before.entry?.label === f.entry?.label)
    )
      doc.found.splice(doc.found.indexOf(f), 1);
  }
}

const QUALIFIABLE = foldedSet(QUALIFIABLE_FORUM_NAMES);
const QUALIFIERS_OK = foldedSet(FORUM_QUALIFIERS_OK);

/**
 * "National Security Council", "قومی سلامتی کونسل", "Punjab … General Assembly": a forum's short name that another
 * word qualifies is another body's name (the organisation recogniser reads it whole). The UN, a country or an
 * article before it leave it the forum.
 */
function dropQualifiedForums(doc: Doc): void {
  const { tokens } = doc.tz;
  for (const f of [...doc.of('forum')]) {
    if (!QUALIFIABLE.has(exactKey(doc.text(f)))) continue;
    const before = tokens[f.from - 1];
    if (!before || before.kind !== 'word' || before.sentence !== tokens[f.from].sentence) continue;
    if (QUALIFIERS_OK.has(before.norm) || doc.covered(before.index, ['country'])) continue;
    // In English only a capitalised word names another body ("National"); in Urdu any word does (قومی).
    if (before.script === 'latin' && !before.capital) continue;
    doc.found.splice(doc.found.indexOf(f), 1);
  }
}

/**
 * A family name alone that runs on into other name words ("Arshad Jamil" when the gazetteer knows Naveed Arshad,
 * "عزیز قدیروف سے" when it knows Farhan Aziz) is someone else's name.
 */
function dropSurnamesOfOthers(doc: Doc): void {
  const { tokens } = doc.tz;
  for (const f of [...doc.of('person')]) {
    if (f.entry?.kind !== 'surname' && f.entry?.kind !== 'partial') continue;
    const latin = tokens[f.from].script === 'latin';
    const sentence = tokens[f.from].sentence;
    const nameLike = (k: number) => {
      const t = tokens[k];
      if (!t || t.sentence !== sentence || t.kind !== 'word') return false;
      if (doc.covered(k)) return false;
      return nameWord(doc, t, latin);
    };
    if (nameLike(f.to + 1) || (latin && nameLike(f.from - 1))) doc.found.splice(doc.found.indexOf(f), 1);
  }
}

/** A person known by a title and name ("صدر پیوٹن", "President Putin"): the title is a position too. */
function titlesInNames(doc: Doc): void {
  const { tokens } = doc.tz;
  for (const f of doc.of('person')) {
    for (const c of candidatesAt(doc.tz, doc.gz, false, f.from)) {
      if (c.to >= f.to) continue;
      const title = c.entries.find((e) => e.type === 'position');
      if (!title) continue;
      doc.add({
        type: 'position',
        from: c.from,
        to: c.to,
        start: c.start,
        end: c.end,
        ref: null,
        entry: title,
        confidence: 0.9,
      });
      f.from = c.to + 1;
      f.start = tokens[f.from].start;
      break;
    }
  }
}

/** Initiatives by code or full title: a layer of their own, so a place inside a title is still a place. */
function recogniseInitiativeNames(doc: Doc, exact: Candidate[], stemmed: Candidate[]): void {
  const candidates = [...exact, ...stemmed].filter((c) => c.entries.some((e) => e.type === 'initiative'));
  for (const p of choose(doc, candidates, (e) => e.type === 'initiative')) {
    // A tag several initiatives share names none of them by itself (the scoring of their words decides).
    if (p.entry.kind === 'alias' && new Set(p.alternatives.map((e) => e.ref?.id)).size > 1) continue;
    doc.add({
      type: 'initiative',
      from: p.c.from,
      to: p.c.to,
      start: p.c.start,
      end: p.c.end,
      ref: p.entry.ref,
      entry: p.entry,
      confidence: p.alternatives.length > 1 ? 0.6 : p.entry.kind === 'code' ? 0.97 : 0.93,
    });
  }
}

function recogniseSectors(doc: Doc, stemmed: Candidate[]): void {
  const sectors = stemmed.filter((c) => c.entries.some((e) => e.type === 'sector'));
  for (const p of choose(doc, sectors, (e) => e.type === 'sector')) {
    doc.add({
      type: 'sector',
      from: p.c.from,
      to: p.c.to,
      start: p.c.start,
      end: p.c.end,
      ref: p.entry.ref,
      entry: p.entry,
      confidence: p.alternatives.length > 1 ? 0.6 : 0.85,
    });
  }
}
