import type { IntakeLanguage } from './types';

// Language by script, then by the letters and function words that tell the languages of one script apart:
// Urdu has letters Persian and Arabic never use (ٹ ڈ ڑ ں ے ہ ھ); Persian has پ چ ژ گ (which Arabic lacks) and
// its own little words (است، این، را، می‌); Arabic has ة, the definite article ال and Arabic kaf and yeh.

const URDU_ONLY = /[\u0679\u0688\u0691\u06BA\u06D2\u06C1\u06BE\u06C2\u06D3]/g; // ٹ ڈ ڑ ں ے ہ ھ ۂ ۓ
const PERSIAN_OR_URDU = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/g; // پ چ ژ گ ک ی
const ARABIC_ONLY = /[\u0629\u064A\u0643\u0649]/g; // ة ي ك ى
const ARABIC_LETTERS = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/g;
const CYRILLIC_LETTERS = /[\u0400-\u04FF]/g;
/** Letters of Cyrillic alphabets other than Russian (Ukrainian, Belarusian, Kazakh, Serbian…). */
const NON_RUSSIAN_CYRILLIC =
  /[\u0404\u0406\u0407\u0490\u0454\u0456\u0457\u0491\u040E\u045E\u04D8\u04D9\u04E8\u04E9\u04AE\u04AF\u04B0\u04B1\u049A\u049B\u04A2\u04A3\u0492\u0493\u0402\u0452\u0408\u0458\u0409\u0459\u040A\u045A\u040B\u045B\u040F\u045F]/g;

const URDU_WORDS = new Set(['کے', 'کی', 'کا', 'میں', 'ہے', 'ہیں', 'نے', 'سے', 'کو', 'اور', 'پر', 'یہ', 'تھا', 'گیا']);
const PERSIAN_WORDS = new Set(['است', 'این', 'را', 'که', 'های', 'برای', 'شد', 'می', 'آن', 'بود', 'ها', 'کرد', 'شده']);
const ARABIC_WORDS = new Set(['في', 'من', 'على', 'إلى', 'الى', 'التي', 'الذي', 'عن', 'مع', 'هذا', 'هذه', 'قد', 'كان']);
const ENGLISH_WORDS = new Set([
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'is',
  'on',
  'for',
  'with',
  'was',
  'that',
  'said',
  'by',
  'at',
  'as',
  'from',
  'has',
  'have',
  'were',
  'will',
  'are',
  'its',
  'it',
  'be',
  'this',
]);

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** The article's language: 'ur', 'en', 'ar', 'fa', 'ru', or 'other' (another language, or too little text). */
export function detectLanguage(text: string): IntakeLanguage {
  const arabic = count(text, ARABIC_LETTERS);
  const latin = count(text, LATIN_LETTERS);
  const cyrillic = count(text, CYRILLIC_LETTERS);
  const total = arabic + latin + cyrillic;
  if (total === 0) return 'other';
  if (arabic >= latin && arabic >= cyrillic) return arabicScriptLanguage(text, arabic);
  if (cyrillic > latin) {
    const other = count(text, NON_RUSSIAN_CYRILLIC);
    return other > cyrillic * 0.01 ? 'other' : 'ru';
  }
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const english = words.filter((w) => ENGLISH_WORDS.has(w));
  const distinct = new Set(english).size;
  // Function words make up a fifth or more of running English; a title or a short line has at least one.
  if (english.length >= Math.max(1, words.length * 0.08) && (words.length < 8 || distinct >= 2)) return 'en';
  return 'other';
}

function arabicScriptLanguage(text: string, letters: number): IntakeLanguage {
  const words = text.match(/[\u0600-\u06FF]+/g) ?? [];
  let ur = 0;
  let fa = 0;
  let ar = 0;
  for (const w of words) {
    if (URDU_WORDS.has(w)) ur++;
    if (PERSIAN_WORDS.has(w)) fa++;
    if (ARABIC_WORDS.has(w)) ar++;
    if (w.length > 3 && w.startsWith('ال')) ar += 0.5;
    if (w.startsWith('می\u200C') || w.startsWith('نمی')) fa++;
  }
  const urduLetters = count(text, URDU_ONLY);
  const persianLetters = count(text, PERSIAN_OR_URDU);
  const arabicLetters = count(text, ARABIC_ONLY);
  // Letters only Urdu writes, in any number, or Urdu's function words outnumbering the others'.
  if (urduLetters > letters * 0.01 || (ur > fa && ur > ar && ur > 0)) return 'ur';
  if (persianLetters > arabicLetters && fa >= ar) return 'fa';
  if (ar > 0 || arabicLetters > 0) return 'ar';
  return persianLetters > 0 ? 'fa' : 'ar';
}
