import { GLUED_POSTPOSITIONS } from './data/words';
import type { Entry, Gazetteer } from './gazetteer';
import { foldWord } from './keys';
import type { Token, Tokenized } from './tokens';

// Gazetteer lookups over the article's tokens. From each token, successive tokens of the same sentence are
// folded and joined without spaces until the key grows longer than any name; every prefix that is a name is a
// candidate. The last word may carry a case marker glued to it (ڈارنے), which the match leaves out.

export interface Candidate {
  from: number;
  /** Inclusive token index. */
  to: number;
  start: number;
  end: number;
  entries: Entry[];
  stemmed: boolean;
}

const GLUED = GLUED_POSTPOSITIONS.map(foldWord);
/** Punctuation that may sit inside a name without a space: Al-Saud, U.S., Xi'an. */
const INNER = new Set(['-', '.', "'", '’', '‐', '–']);

function joinable(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (t.kind !== 'punct') return true;
  return INNER.has(t.raw) && !t.spaceBefore && j + 1 < tokens.length && !tokens[j + 1].spaceBefore;
}

export function findCandidates(tz: Tokenized, gz: Gazetteer, stemmed: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tz.tokens.length; i++) if (tz.tokens[i].kind !== 'punct') candidatesAt(tz, gz, stemmed, i, out);
  return out;
}

/** The names that start at token i (appended to `out`). */
export function candidatesAt(
  tz: Tokenized,
  gz: Gazetteer,
  stemmed: boolean,
  i: number,
  out: Candidate[] = [],
): Candidate[] {
  const { tokens } = tz;
  const map = stemmed ? gz.stemmed : gz.exact;
  const max = stemmed ? gz.maxStemmed : gz.maxExact;
  const first = tokens[i];
  let key = '';
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.sentence !== first.sentence) break;
    if (t.kind === 'punct') {
      if (j > i && joinable(tokens, j)) continue;
      break;
    }
    const part = stemmed ? t.stem : t.norm;
    const prev = key;
    key += part;
    if (key.length > max + 3) break;
    const hit = map.get(key);
    if (hit) out.push({ from: i, to: j, start: first.start, end: t.end, entries: hit, stemmed });
    if (t.script === 'arabic' && !stemmed) {
      for (const g of GLUED) {
        if (t.norm.length - g.length >= 2 && t.norm.endsWith(g)) {
          const glued = map.get(prev + t.norm.slice(0, -g.length));
          if (glued)
            out.push({ from: i, to: j, start: first.start, end: endBefore(t, g.length), entries: glued, stemmed });
        }
      }
    }
  }
  return out;
}

/** The offset in a token's raw text before its last `letters` folded letters (marks and joiners skipped). */
function endBefore(t: Token, letters: number): number {
  let count = 0;
  for (let k = t.raw.length - 1; k >= 0; k--) {
    if (/[\p{L}\p{N}]/u.test(t.raw[k])) count++;
    if (count === letters) return t.start + k;
  }
  return t.end;
}

/** Whether an entry may match these tokens, by the casing rule of Latin-script names. */
export function casingOk(entry: Entry, tokens: Token[], from: number, to: number): boolean {
  if (entry.casing === 'any') return true;
  const first = tokens[from];
  if (first.script !== 'latin') return true;
  if (entry.casing === 'capital') return first.capital || /^\d/.test(first.raw);
  for (let k = from; k <= to; k++) {
    const t = tokens[k];
    if (t.kind === 'word' && t.script === 'latin' && t.raw !== t.raw.toUpperCase() && !/^s$/.test(t.raw)) return false;
  }
  return true;
}
