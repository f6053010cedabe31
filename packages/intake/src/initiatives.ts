import type { Gazetteer, IndexedInitiative } from './gazetteer';
import type { Tokenized } from './tokens';

// Initiatives as the press words them: rarely by their exact title. Within each sentence, the distinctive words of
// every initiative's titles and tags are looked up in an inverted index; an initiative scores by the share of its
// words (weighted by rarity across all initiatives) that the sentence carries, in its better language, damped when
// its partner countries go unmentioned in the article and lifted when one of its sectors is named nearby.

export interface InitiativeHit {
  id: number;
  sentence: number;
  score: number;
  /** Token indexes of the words that matched (for the mention's span). */
  tokens: number[];
  exact: boolean;
}

export interface InitiativeContext {
  /** Country codes the article mentions (names, adjectives, capitals). */
  countries: Set<string>;
  /** Sector ids mentioned per sentence. */
  sectorsBySentence: Map<number, Set<number>>;
  /** Sector ids mentioned anywhere. */
  sectors: Set<number>;
  /** Tokens that belong to titles, positions or organisations' names (not evidence of a project). */
  blocked: Set<number>;
}

const MAX_PER_SENTENCE = 4;

interface Near {
  i: number;
  score: number;
}

export function findInitiatives(tz: Tokenized, gz: Gazetteer, ctx: InitiativeContext): InitiativeHit[] {
  const n = gz.initiativeList.length;
  if (n === 0) return [];
  const accEn = new Float64Array(n);
  const accUr = new Float64Array(n);
  // Per article: the share of an initiative's countries the article names, and whether it names its sectors.
  const countryShare = new Float32Array(n).fill(-1);
  const sectorAny = new Int8Array(n).fill(-1);
  const touched: number[] = [];
  const perSentence: { s: number; near: Near[]; ties: number; present: Map<string, number[]> }[] = [];
  for (const s of tz.sentences) {
    // stem → token indexes in this sentence
    const present = new Map<string, number[]>();
    for (let k = s.firstToken; k < s.endToken; k++) {
      const t = tz.tokens[k];
      if (t.kind !== 'word' || ctx.blocked.has(k)) continue;
      const list = present.get(t.stem);
      if (list) list.push(k);
      else present.set(t.stem, [k]);
      // Two-word compounds written as one ("اسٹیلمل") or split ("steel mill" / "steelmill") meet in the index.
      const next = tz.tokens[k + 1];
      if (next && next.kind === 'word' && next.sentence === t.sentence) {
        const joined = t.norm + next.stem;
        if (gz.postings.has(joined)) present.set(joined, [k, k + 1]);
      }
    }
    touched.length = 0;
    for (const stem of present.keys()) {
      const p = gz.postings.get(stem);
      if (!p) continue;
      const { idx, en, ur } = p;
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j];
        if (accEn[i] === 0 && accUr[i] === 0) touched.push(i);
        accEn[i] += en[j] || 1e-12;
        accUr[i] += ur[j] || 1e-12;
      }
    }
    const sentenceSectors = ctx.sectorsBySentence.get(s.index);
    const near: Near[] = [];
    let best = 0;
    for (const i of touched) {
      const e = gz.initiativeList[i];
      const coverage = Math.max(e.weightEn > 0 ? accEn[i] / e.weightEn : 0, e.weightUr > 0 ? accUr[i] / e.weightUr : 0);
      accEn[i] = 0;
      accUr[i] = 0;
      if (coverage < 0.5) continue;
      if (countryShare[i] < 0) {
        const codes = e.initiative.countryCodes;
        let mentioned = 0;
        for (const c of codes) if (ctx.countries.has(c)) mentioned++;
        countryShare[i] = codes.length === 0 ? 1 : mentioned / codes.length;
        sectorAny[i] = e.initiative.sectorIds.some((sid) => ctx.sectors.has(sid)) ? 1 : 0;
      }
      let sectorNear = false;
      if (sentenceSectors) for (const sid of e.initiative.sectorIds) if (sentenceSectors.has(sid)) sectorNear = true;
      const score = scoreOf(e, Math.min(1, coverage), countryShare[i], sectorNear, sectorAny[i] === 1);
      if (score < 0.6 || score < best - 0.2) continue;
      near.push({ i, score });
      if (score > best) best = score;
    }
    if (near.length === 0) continue;
    const kept = near.filter((x) => x.score >= best - 0.2).sort((a, b) => b.score - a.score || a.i - b.i);
    const ties = kept.filter((x) => x.score >= best - 0.05).length;
    perSentence.push({ s: s.index, near: kept, ties, present });
  }
  // A sentence that fits many initiatives equally ("the steel mill" when there are fifty) names none of them,
  // unless the article names one of them plainly elsewhere: then it is that one.
  const plain = new Set<number>();
  for (const x of perSentence)
    if (x.ties <= MAX_PER_SENTENCE) for (const h of x.near.slice(0, MAX_PER_SENTENCE)) plain.add(h.i);
  const hits: InitiativeHit[] = [];
  for (const x of perSentence) {
    const chosen = x.ties <= MAX_PER_SENTENCE ? x.near : x.near.filter((h) => plain.has(h.i));
    for (const { i, score } of chosen.slice(0, MAX_PER_SENTENCE)) {
      const e = gz.initiativeList[i];
      const tokens: number[] = [];
      for (const [stem, at] of x.present) if (e.words.en.has(stem) || e.words.ur.has(stem)) tokens.push(...at);
      hits.push({
        id: e.initiative.id,
        sentence: x.s,
        score: Math.min(1, score),
        tokens: tokens.sort((a, b) => a - b),
        exact: false,
      });
    }
  }
  return hits;
}

function scoreOf(
  e: IndexedInitiative,
  coverage: number,
  countries: number,
  sectorNear: boolean,
  sectorAny: boolean,
): number {
  const distinct = Math.max(e.words.en.size, e.words.ur.size);
  let score = coverage * (0.5 + 0.5 * countries);
  if (sectorNear) score += 0.1;
  else if (!sectorAny && e.initiative.sectorIds.length > 0) score -= 0.1;
  // A one-word title ("Energy cooperation" → energy) is only that initiative when its partners are named.
  if (distinct <= 1 && countries < 1) score -= 0.25;
  return score;
}
