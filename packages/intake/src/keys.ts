import { normalizeText } from '@rabta/domain';

// Lookup keys of names and phrases. A key is the folded text with its spaces removed, so the spacing variants
// of the press ("وزیر اعظم" / "وزیراعظم", "اسلام آباد" / "اسلام‌آباد") meet; a stem key folds plural and oblique
// endings word by word too (ریفائنریوں → ریفائنری). The matcher forms the same keys from the article's tokens.

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Plural, oblique and possessive endings that the press adds to a word; both sides of a comparison use it. */
export function stem(norm: string): string {
  if (norm.length < 4) return norm;
  if (/^[a-z]+$/.test(norm)) {
    if (norm.length > 4 && norm.endsWith('ies')) return norm.slice(0, -3) + 'y';
    if (/(ss|us|is)$/.test(norm)) return norm;
    if (norm.endsWith('s')) return norm.slice(0, -1);
    return norm;
  }
  if (ARABIC.test(norm)) {
    if (norm.endsWith('یوں')) return norm.slice(0, -2);
    if (norm.endsWith('وں')) return norm.slice(0, -2);
    if (norm.length >= 5 && norm.endsWith('یں')) return norm.slice(0, -2);
    if (norm.endsWith('ے') || norm.endsWith('ہ')) return norm.slice(0, -1);
  }
  return norm;
}

const DIGIT_EDGE = /(?<=\d)(?=\D)|(?<=\D)(?=\d)/;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const SURROGATE = /[\uD800-\uDFFF]/;

// What normalizeText does to each character of the Basic Multilingual Plane, learnt from normalizeText itself the
// first time the character is seen: KEEP it, DROP it (invisible joiners and marks), make it a SPACE (punctuation,
// symbols, white space), or MAP it to another string (yeh/kaf/heh/hamza folds, Urdu and Arabic-Indic digits).
const UNKNOWN = 0;
const KEEP = 1;
const DROP = 2;
const SPACE = 3;
const MAP = 4;
const classes = new Uint8Array(0x10000);
const mapped = new Map<number, string>();

function classOf(c: number): number {
  const known = classes[c];
  if (known !== UNKNOWN) return known;
  // Between digits, which nothing composes with or folds.
  const ch = String.fromCharCode(c);
  const folded = normalizeText(`0${ch}0`);
  let k = KEEP;
  if (folded === '00') k = DROP;
  else if (folded === '0 0') k = SPACE;
  else if (folded !== `0${ch}0`.toLowerCase()) {
    k = MAP;
    mapped.set(c, folded.slice(1, -1));
  }
  classes[c] = k;
  return k;
}

/**
 * normalizeText of @rabta/domain, character by character from a table of what it does to each character (learnt
 * from normalizeText itself): the same result several times faster, which matters when a gazetteer of tens of
 * thousands of names is rebuilt. Plain ASCII takes a shorter path still; text outside the BMP the original one.
 */
export function fold(text: string): string {
  if (PRINTABLE_ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim();
  }
  if (SURROGATE.test(text)) return normalizeText(text);
  const nfc = text.normalize('NFC');
  let out = '';
  let space = false;
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc.charCodeAt(i);
    const k = classOf(c);
    if (k === DROP) continue;
    if (k === SPACE) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += k === MAP ? mapped.get(c)! : nfc[i];
  }
  return out.toLowerCase();
}

// Names, titles and tags repeat across records (milestone titles most of all): their words are kept, up to a bound.
const CACHE_LIMIT = 200_000;
let cache = new Map<string, string[]>();

/** The folded words of a phrase, split as the tokenizer splits them (digits apart from letters). */
export function words(phrase: string): string[] {
  const hit = cache.get(phrase);
  if (hit) return hit;
  const norm = fold(phrase);
  const out: string[] = [];
  if (norm)
    for (const w of norm.split(' '))
      for (const part of /\d/.test(w) ? w.split(DIGIT_EDGE) : [w]) if (part) out.push(part);
  if (cache.size >= CACHE_LIMIT) cache = new Map();
  cache.set(phrase, out);
  return out;
}

export function exactKey(phrase: string): string {
  return words(phrase).join('');
}

export function stemKey(phrase: string): string {
  return words(phrase).map(stem).join('');
}

export function foldWord(word: string): string {
  return fold(word).replace(/ /g, '');
}

/** A set of folded words (and folded multi-word phrases, spaces removed) from a word list. */
export function foldedSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => exactKey(w)).filter(Boolean));
}

/** Folded word lists keyed by their words, for phrase lookups over tokens. */
export function phraseList(list: readonly string[]): string[][] {
  return list.map((p) => words(p)).filter((w) => w.length > 0);
}
