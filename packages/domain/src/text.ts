// Urdu (and general) text normalisation for search and matching. The same function runs when a record's search
// text is written and when a query is read, so both sides fold the same way.

const FOLD: Record<string, string> = {
  // yeh forms → Farsi yeh (the Urdu choti yeh)
  '\u064A': '\u06CC', // ي Arabic yeh
  '\u0649': '\u06CC', // ى alef maksura
  '\u06D0': '\u06CC', // ې
  '\u0626': '\u06CC', // ئ yeh with hamza above
  // kaf forms → keheh
  '\u0643': '\u06A9', // ك Arabic kaf
  '\u06AA': '\u06A9', // ڪ swash kaf
  // every heh folds together, onto heh goal
  '\u0647': '\u06C1', // ه Arabic heh
  '\u06BE': '\u06C1', // ھ heh doachashmee
  '\u06C0': '\u06C1', // ۀ heh with yeh above
  '\u06C2': '\u06C1', // ۂ heh goal with hamza
  '\u06D5': '\u06C1', // ە ae
  '\u0629': '\u06C1', // ة teh marbuta
  // hamza carriers → their bare letters
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0624': '\u0648', // ؤ
  '\u06D3': '\u06D2', // ۓ yeh barree with hamza
};

// Diacritics (harakat, tanwin, shadda, sukun, superscript alef, hamza marks, Quranic marks) and tatweel.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
// Invisible format characters: ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings and isolates, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
const URDU_DIGITS = /[\u06F0-\u06F9]/g;
const ARABIC_DIGITS = /[\u0660-\u0669]/g;
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
// Punctuation of any script (Urdu full stop ۔, Arabic comma ، and question mark ؟ included) becomes a space.
const PUNCTUATION = /[\p{P}\p{S}]/gu;

/**
 * Folds text so that the spellings the press uses for "the same" word compare equal: yeh, kaf and heh forms,
 * hamza carriers, optional diacritics, invisible joiners and marks, Urdu and Arabic-Indic digits, letter case,
 * punctuation and white space.
 */
export function normalizeText(input: string | null | undefined): string {
  if (!input) return '';
  return input
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(MARKS, '')
    .replace(FOLDABLE, (ch) => FOLD[ch] ?? ch)
    .replace(URDU_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660))
    .toLowerCase()
    .replace(PUNCTUATION, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text a record is found by: every name, title and alias, each normalised, joined by a separator. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .map((p) => normalizeText(p))
    .filter((p) => p.length > 0)
    .join(' | ');
}

/** True when a string holds Arabic-script letters (Urdu, Arabic, Persian). */
export function hasArabicScript(input: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(input);
}
