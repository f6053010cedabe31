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

// ---------------------------------------------------------------------------------------------- search folding

// Search folds further than normalizeText: spellings of one word that the press uses interchangeably become one key.
//   - The epenthetic alif of loanwords: English words beginning with s + consonant take a prothetic alif in Urdu, or
//     not — اسٹیل / سٹیل (steel), اسکول / سکول (school), اسپیکر / سپیکر (speaker), اسمگلنگ / سمگلنگ (smuggling). A
//     word-initial ا before س and ٹ, ک, پ or م is dropped. (Not before ل or ت, which begin common native words:
//     اسلام آباد, استعفیٰ.)
//   - Plural and oblique endings: the English plural of loanwords (ملز → مل: ز after a consonant), and the Urdu
//     endings ـوں, ـیں (ملوں, تاریخیں), ـات (تعلقات → تعلق), ـے and ـہ (معاہدے, معاہدہ → معاہد), stripped while
//     enough of the word is left; English -s and -ies likewise (mills → mill, companies → company).
// Both sides of a search fold alike — the search text a record is stored with (buildSearchText) and the query's
// terms — so a word is found by any of its forms. SEARCH_FOLD_VERSION names these rules: stored search texts are
// refreshed when it changes.

/** The version of the search folding rules; bump it when they change (stored search texts are rebuilt). */
export const SEARCH_FOLD_VERSION = 2;

const EPENTHETIC_ALIF = /^ا(?=س[\u0679\u06A9\u067E\u0645])/; // ا before سٹ سک سپ سم
const LONG_VOWELS = new Set(['\u0627', '\u0648', '\u06CC', '\u06D2', '\u06C1']); // ا و ی ے ہ
const URDU_SUFFIXES: [suffix: string, minStem: number][] = [
  ['\u0648\u06BA', 2], // وں
  ['\u06CC\u06BA', 2], // یں
  ['\u0627\u062A', 3], // ات
  ['\u06D2', 3], // ے
  ['\u06C1', 3], // ہ
];

function foldUrduWord(word: string): string {
  let w = word.replace(EPENTHETIC_ALIF, '');
  for (let changed = true; changed;) {
    changed = false;
    // The English plural of a loanword: ملز → مل (ز after a consonant; روز, نماز, پرواز keep theirs).
    if (w.length >= 3 && w.endsWith('\u0632') && !LONG_VOWELS.has(w[w.length - 2])) {
      w = w.slice(0, -1);
      changed = true;
      continue;
    }
    for (const [suffix, minStem] of URDU_SUFFIXES) {
      if (w.endsWith(suffix) && w.length - suffix.length >= minStem) {
        w = w.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return w;
}

function foldLatinWord(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length >= 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The search key of a text: normalizeText, then each word folded (the epenthetic alif of loanwords, plural and
 * oblique endings). Used for stored search texts and queries alike.
 */
export function foldForSearch(input: string | null | undefined): string {
  return normalizeText(input)
    .split(' ')
    .map((w) => (hasArabicScript(w) ? foldUrduWord(w) : /^[a-z]+$/.test(w) ? foldLatinWord(w) : w))
    .filter((w) => w.length > 0)
    .join(' ');
}

/** The text a record is found by: every name, title and alias, each folded for search, joined by a separator. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .map((p) => foldForSearch(p))
    .filter((p) => p.length > 0)
    .join(' | ');
}

/** True when a string holds Arabic-script letters (Urdu, Arabic, Persian). */
export function hasArabicScript(input: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(input);
}
