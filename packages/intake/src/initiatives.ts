import type { Gazetteer } from './gazetteer';
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

export function findInitiatives(tz: Tokenized, gz: Gazetteer, ctx: InitiativeContext): InitiativeHit[] {
  const hits: InitiativeHit[] = [];
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
        if (gz.initiativeIndex.has(joined)) present.set(joined, [k, k + 1]);
      }
    }
    const scores = new Map<number, { en: number; ur: number; tokens: Set<number> }>();
    for (const [stem, at] of present) {
      const ids = gz.initiativeIndex.get(stem);
      if (!ids) continue;
      const idf = gz.idfOf(stem);
      for (const id of ids) {
        const e = gz.initiatives.get(id)!;
        let acc = scores.get(id);
        if (!acc) scores.set(id, (acc = { en: 0, ur: 0, tokens: new Set() }));
        const wEn = e.words.en.get(stem);
        const wUr = e.words.ur.get(stem);
        if (wEn) acc.en += wEn * idf;
        if (wUr) acc.ur += wUr * idf;
        for (const k of at) acc.tokens.add(k);
      }
    }
    const ranked: InitiativeHit[] = [];
    for (const [id, acc] of scores) {
      const e = gz.initiatives.get(id)!;
      const i = e.initiative;
      const coverage = Math.max(e.weightEn > 0 ? acc.en / e.weightEn : 0, e.weightUr > 0 ? acc.ur / e.weightUr : 0);
      if (coverage < 0.5) continue;
      const capped = Math.min(1, coverage);
      const countries =
        i.countryCodes.length === 0
          ? 1
          : i.countryCodes.filter((c) => ctx.countries.has(c)).length / i.countryCodes.length;
      const sectorNear = i.sectorIds.some((sid) => ctx.sectorsBySentence.get(s.index)?.has(sid));
      const sectorAny = i.sectorIds.some((sid) => ctx.sectors.has(sid));
      const distinct = Math.max(e.words.en.size, e.words.ur.size);
      let score = capped * (0.5 + 0.5 * countries);
      if (sectorNear) score += 0.1;
      else if (!sectorAny && i.sectorIds.length > 0) score -= 0.1;
      // A one-word title ("Energy cooperation" → energy) is only that initiative when its partners are named.
      if (distinct <= 1 && countries < 1) score -= 0.25;
      if (score < 0.6) continue;
      ranked.push({
        id,
        sentence: s.index,
        score: Math.min(1, score),
        tokens: [...acc.tokens].sort((a, b) => a - b),
        exact: false,
      });
    }
    ranked.sort((a, b) => b.score - a.score || a.id - b.id);
    if (ranked.length === 0) continue;
    const best = ranked[0].score;
    hits.push(...ranked.filter((h) => h.score >= best - 0.2).slice(0, MAX_PER_SENTENCE));
  }
  return hits;
}
