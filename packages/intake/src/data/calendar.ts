// Months, weekdays, relative-date words and ordinals in English and Urdu (the spellings the Pakistani press uses,
// with their common variants). Words are matched after the Urdu normalisation of @rabta/domain, so the yeh, kaf
// and heh forms and diacritics of a spelling do not need listing.

/** Month number (1–12) by spelling. */
export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  جنوری: 1,
  فروری: 2,
  مارچ: 3,
  اپریل: 4,
  اپریلی: 4,
  مئی: 5,
  مئ: 5,
  مے: 5,
  جون: 6,
  جولائی: 7,
  جولای: 7,
  جولائ: 7,
  اگست: 8,
  ستمبر: 9,
  اکتوبر: 10,
  نومبر: 11,
  نوامبر: 11,
  دسمبر: 12,
};

/** Latin month spellings that are also ordinary English words: only read as months beside a number or a cue. */
export const AMBIGUOUS_MONTHS = new Set([
  'may',
  'march',
  'mar',
  'jan',
  'dec',
  'sep',
  'oct',
  'nov',
  'aug',
  'jun',
  'jul',
]);

/** Weekday by spelling: 0 = Sunday … 6 = Saturday (Date#getUTCDay). */
export const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  اتوار: 0,
  پیر: 1,
  سوموار: 1,
  منگل: 2,
  بدھ: 3,
  جمعرات: 4,
  جمعہ: 5,
  ہفتہ: 6,
  ہفتے: 6,
};

/** Urdu weekday spellings that are also other words (پیر a saint's title, ہفتہ a week, جمعہ a name). */
export const AMBIGUOUS_WEEKDAYS = new Set(['پیر', 'ہفتہ', 'ہفتے', 'جمعہ']);

export type RelativeUnit = 'day' | 'month' | 'year' | 'week';

/**
 * Relative expressions: the words (folded, space separated), the unit and the offset from the publication date.
 * `day` offsets are days; `month`/`year` offsets are calendar months/years (precision month/year).
 */
export interface RelativeWord {
  words: string;
  unit: RelativeUnit;
  offset: number;
}

export const RELATIVE: RelativeWord[] = [
  // days
  { words: 'today', unit: 'day', offset: 0 },
  { words: 'yesterday', unit: 'day', offset: -1 },
  { words: 'tomorrow', unit: 'day', offset: 1 },
  { words: 'last night', unit: 'day', offset: -1 },
  { words: 'earlier today', unit: 'day', offset: 0 },
  { words: 'this morning', unit: 'day', offset: 0 },
  { words: 'آج', unit: 'day', offset: 0 },
  { words: 'آج یہاں', unit: 'day', offset: 0 },
  { words: 'گزشتہ روز', unit: 'day', offset: -1 },
  { words: 'گذشتہ روز', unit: 'day', offset: -1 },
  { words: 'گزشتہ شب', unit: 'day', offset: -1 },
  { words: 'گذشتہ شب', unit: 'day', offset: -1 },
  { words: 'گزشتہ رات', unit: 'day', offset: -1 },
  { words: 'کل رات', unit: 'day', offset: -1 },
  { words: 'پچھلے روز', unit: 'day', offset: -1 },
  { words: 'آئندہ روز', unit: 'day', offset: 1 },
  { words: 'پرسوں', unit: 'day', offset: 2 },
  // months
  { words: 'this month', unit: 'month', offset: 0 },
  { words: 'earlier this month', unit: 'month', offset: 0 },
  { words: 'later this month', unit: 'month', offset: 0 },
  { words: 'next month', unit: 'month', offset: 1 },
  { words: 'last month', unit: 'month', offset: -1 },
  { words: 'the coming month', unit: 'month', offset: 1 },
  { words: 'رواں ماہ', unit: 'month', offset: 0 },
  { words: 'اس ماہ', unit: 'month', offset: 0 },
  { words: 'اسی ماہ', unit: 'month', offset: 0 },
  { words: 'رواں مہینے', unit: 'month', offset: 0 },
  { words: 'اس مہینے', unit: 'month', offset: 0 },
  { words: 'آئندہ ماہ', unit: 'month', offset: 1 },
  { words: 'اگلے ماہ', unit: 'month', offset: 1 },
  { words: 'آئندہ مہینے', unit: 'month', offset: 1 },
  { words: 'اگلے مہینے', unit: 'month', offset: 1 },
  { words: 'گزشتہ ماہ', unit: 'month', offset: -1 },
  { words: 'گذشتہ ماہ', unit: 'month', offset: -1 },
  { words: 'پچھلے ماہ', unit: 'month', offset: -1 },
  { words: 'گزشتہ مہینے', unit: 'month', offset: -1 },
  { words: 'پچھلے مہینے', unit: 'month', offset: -1 },
  // years
  { words: 'this year', unit: 'year', offset: 0 },
  { words: 'later this year', unit: 'year', offset: 0 },
  { words: 'earlier this year', unit: 'year', offset: 0 },
  { words: 'the current year', unit: 'year', offset: 0 },
  { words: 'next year', unit: 'year', offset: 1 },
  { words: 'last year', unit: 'year', offset: -1 },
  { words: 'رواں سال', unit: 'year', offset: 0 },
  { words: 'اس سال', unit: 'year', offset: 0 },
  { words: 'اسی سال', unit: 'year', offset: 0 },
  { words: 'امسال', unit: 'year', offset: 0 },
  { words: 'رواں برس', unit: 'year', offset: 0 },
  { words: 'اس برس', unit: 'year', offset: 0 },
  { words: 'آئندہ سال', unit: 'year', offset: 1 },
  { words: 'اگلے سال', unit: 'year', offset: 1 },
  { words: 'آئندہ برس', unit: 'year', offset: 1 },
  { words: 'اگلے برس', unit: 'year', offset: 1 },
  { words: 'گزشتہ سال', unit: 'year', offset: -1 },
  { words: 'گذشتہ سال', unit: 'year', offset: -1 },
  { words: 'پچھلے سال', unit: 'year', offset: -1 },
  { words: 'گزشتہ برس', unit: 'year', offset: -1 },
  { words: 'گذشتہ برس', unit: 'year', offset: -1 },
  { words: 'پچھلے برس', unit: 'year', offset: -1 },
];

/** Words before a weekday that move it forward ("next Thursday", "آئندہ جمعرات"), or back. */
export const NEXT_WORDS = new Set(['next', 'coming', 'آئندہ', 'اگلے', 'اگلی', 'اگلا', 'آنے']);
export const LAST_WORDS = new Set(['last', 'past', 'previous', 'گزشتہ', 'گذشتہ', 'پچھلے', 'پچھلی', 'پچھلا']);

/** Urdu numbers whose ordinal is the stem with ‑واں or ‑ویں (5th, 7th, 8th, 10th to 35th, 40th, 50th). */
const URDU_ORDINAL_STEMS: [string, number][] = [
  ['پانچ', 5],
  ['سات', 7],
  ['آٹھ', 8],
  ['دس', 10],
  ['گیارہ', 11],
  ['بارہ', 12],
  ['تیرہ', 13],
  ['چودہ', 14],
  ['پندرہ', 15],
  ['سولہ', 16],
  ['سترہ', 17],
  ['اٹھارہ', 18],
  ['انیس', 19],
  ['بیس', 20],
  ['اکیس', 21],
  ['بائیس', 22],
  ['تئیس', 23],
  ['چوبیس', 24],
  ['پچیس', 25],
  ['چھبیس', 26],
  ['ستائیس', 27],
  ['اٹھائیس', 28],
  ['انتیس', 29],
  ['تیس', 30],
  ['اکتیس', 31],
  ['بتیس', 32],
  ['تینتیس', 33],
  ['چونتیس', 34],
  ['پینتیس', 35],
  ['چالیس', 40],
  ['پچاس', 50],
];

/** Ordinal words, English and Urdu (masculine, feminine and oblique forms). */
export const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  پہلا: 1,
  پہلی: 1,
  پہلے: 1,
  دوسرا: 2,
  دوسری: 2,
  دوسرے: 2,
  تیسرا: 3,
  تیسری: 3,
  تیسرے: 3,
  چوتھا: 4,
  چوتھی: 4,
  چوتھے: 4,
  چھٹا: 6,
  چھٹی: 6,
  چھٹے: 6,
  نواں: 9,
  نویں: 9,
  // The regular ones: a number's stem with ‑واں or ‑ویں (پانچواں، پانچویں).
  ...Object.fromEntries(
    URDU_ORDINAL_STEMS.flatMap(([stem, n]) => [
      [`${stem}واں`, n],
      [`${stem}ویں`, n],
    ]),
  ),
};

/** English tens that combine with an ordinal: "twenty-first", "thirty second". */
export const TENS_EN: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };

/**
 * Parts of a year: "the first quarter of 2026", "Q3 2026", "second half of next year", "2026 کی پہلی سہ ماہی",
 * "رواں سال کی دوسری ششماہی". A part is dated by its year (see dates.ts).
 */
export const YEAR_PARTS: Record<string, 'quarter' | 'half'> = {
  quarter: 'quarter',
  'سہ ماہی': 'quarter',
  half: 'half',
  ششماہی: 'half',
  'شش ماہی': 'half',
};
/** Words for the last part of a year ("the last quarter", "آخری سہ ماہی"). */
export const LAST_PART_WORDS = new Set(['last', 'final', 'آخری']);

/**
 * Words that move a date forward to a new target ("delayed to June 2026", "pushed back to 2027", "مارچ 2026 تک ملتوی"):
 * the date is what is now expected, whatever the tense of the report.
 */
export const DELAY_WORDS_BEFORE = [
  'delayed',
  'postponed',
  'pushed back',
  'pushed',
  'deferred',
  'rescheduled',
  'extended',
  'moved',
  'shifted',
  'revised',
  'slipped',
];
export const DELAY_WORDS_AFTER = ['ملتوی', 'مؤخر', 'موخر', 'توسیع', 'تاخیر'];
/** A deadline or target set: the date after it is one to come ("the new deadline is June 2029", "نئی ڈیڈ لائن جون 2029"). */
export const DEADLINE_WORDS = ['deadline', 'target date', 'timeline', 'ڈیڈ لائن', 'ہدف', 'ٹارگٹ'];

/** Suffixes that make a number an ordinal: 10th, 32nd, 32ویں, ۳۲ واں. */
export const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 'ویں', 'واں', 'وی', 'وے']);

/** Cue words before a bare month or year: "in August", "by 2026", "since March". */
export const MONTH_CUES_BEFORE = new Set([
  'in',
  'by',
  'since',
  'until',
  'till',
  'from',
  'during',
  'of',
  'early',
  'mid',
  'late',
  'end',
  'before',
  'after',
  'last',
  'next',
  'this',
  'coming',
  'سال',
  'ماہ',
  'مہینے',
  'سن',
]);
/** Cue words after a bare month or year in Urdu: "اگست میں", "2026 تک", "مارچ سے", "فروری کی". */
export const MONTH_CUES_AFTER = new Set(['میں', 'تک', 'سے', 'کے', 'کی', 'کا', 'کو', 'ء', 'کےدوران', 'کےآخر']);
