import { fold, stem } from './keys';

export { stem };

// The article as tokens with their offsets: every recogniser works on these, so a match always maps back to the
// exact characters of the text. A token is a run of letters (with their marks and joiners), a run of digits, or
// one other visible character (punctuation). Each carries its folded form (the Urdu normalisation of
// @rabta/domain) and a light stem for word-overlap matching.

export interface Token {
  index: number;
  start: number;
  end: number;
  raw: string;
  /** normalizeText(raw) of @rabta/domain: folded letters, Western digits, lower case; '' for punctuation. */
  norm: string;
  /** A light stem of norm (plural and oblique endings removed) for fuzzy matching. */
  stem: string;
  kind: 'word' | 'number' | 'punct';
  script: 'arabic' | 'latin' | 'cyrillic' | 'other';
  /** First letter upper case (Latin and Cyrillic only). */
  capital: boolean;
  /** Every letter upper case and at least two letters (acronyms). */
  allCaps: boolean;
  /** White space (or the start of the text) right before the token. */
  spaceBefore: boolean;
  sentence: number;
}

export interface Sentence {
  index: number;
  /** Paragraphs are separated by line breaks. */
  paragraph: number;
  start: number;
  end: number;
  firstToken: number;
  /** Exclusive. */
  endToken: number;
}

const TOKEN = /([\p{L}\p{M}\u200C\u200D]+)|(\p{Nd}+)|(\S)/gu;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;
const CYRILLIC = /[\u0400-\u04FF]/;
/** Full stops that always end a sentence. */
const HARD_STOPS = new Set(['۔', '؟', '?', '!', '\u06D4']);
/** English abbreviations after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'brig',
  'capt',
  'sen',
  'rep',
  'gov',
  'st',
  'no',
  'jr',
  'sr',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'govt',
  'dept',
  'hon',
  'amb',
]);

export function scriptOf(s: string): Token['script'] {
  if (ARABIC.test(s)) return 'arabic';
  if (LATIN.test(s)) return 'latin';
  if (CYRILLIC.test(s)) return 'cyrillic';
  return 'other';
}

export interface Tokenized {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const folded = new Map<string, { norm: string; stem: string }>();
  let sentence = 0;
  let lastEnd = 0;
  const sentenceStarts: number[] = [0];
  const paragraphOf: number[] = [0];
  let paragraph = 0;
  let pendingBreak = false;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    const gap = text.slice(lastEnd, start);
    const closing = pendingBreak && !/\n/.test(gap) && /^["'”’)»\]]$/.test(raw);
    if (tokens.length > 0 && !closing && (pendingBreak || /\n/.test(gap))) {
      sentence++;
      sentenceStarts.push(tokens.length);
      if (/\n/.test(gap)) paragraph++;
      paragraphOf.push(paragraph);
    }
    if (!closing) pendingBreak = false;
    const kind: Token['kind'] = m[1] ? 'word' : m[2] ? 'number' : 'punct';
    let forms = folded.get(raw);
    if (!forms) {
      const norm = kind === 'punct' ? '' : fold(raw).replace(/ /g, '');
      forms = { norm, stem: kind === 'word' ? stem(norm) : norm };
      folded.set(raw, forms);
    }
    const { norm } = forms;
    const script = kind === 'word' ? scriptOf(raw) : 'other';
    const letters = raw.replace(/[^\p{L}]/gu, '');
    const capital = script !== 'arabic' && /^\p{Lu}/u.test(letters);
    const allCaps = script !== 'arabic' && letters.length >= 2 && letters === letters.toUpperCase();
    tokens.push({
      index: tokens.length,
      start,
      end,
      raw,
      norm,
      stem: forms.stem,
      kind,
      script,
      capital,
      allCaps,
      spaceBefore: start === 0 || gap.length > 0,
      sentence,
    });
    if (kind === 'punct' && !closing) pendingBreak = endsSentence(text, tokens, tokens.length - 1);
    lastEnd = end;
  }
  const sentences: Sentence[] = [];
  for (let s = 0; s < sentenceStarts.length; s++) {
    const first = sentenceStarts[s];
    const endToken = s + 1 < sentenceStarts.length ? sentenceStarts[s + 1] : tokens.length;
    if (endToken <= first) continue;
    sentences.push({
      index: s,
      paragraph: paragraphOf[s],
      start: tokens[first].start,
      end: tokens[endToken - 1].end,
      firstToken: first,
      endToken,
    });
  }
  return { text, tokens, sentences };
}

function endsSentence(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (HARD_STOPS.has(t.raw)) return true;
  if (t.raw !== '.') return false;
  const next = text[t.end];
  if (next !== undefined && !/[\s"'”’)»]/.test(next)) return false;
  const prev = tokens[i - 1];
  if (!prev || prev.kind === 'punct') return true;
  if (prev.script === 'latin') {
    if (prev.raw.length === 1 && prev.capital) return false; // an initial: "J. Smith", "U.S."
    if (ABBREVIATIONS.has(prev.norm)) return false;
  }
  return true;
}

/** The text between two tokens (inclusive), as written. */
export function spanText(tz: Tokenized, from: number, to: number): string {
  return tz.text.slice(tz.tokens[from].start, tz.tokens[to].end);
}
