import { FUTURE_WORDS_EN, FUTURE_WORDS_UR, PAST_WORDS_EN, PAST_WORDS_UR } from './data/words';
import { foldWord, phraseList } from './keys';
import type { Tokenized } from './tokens';

// Whether a clause reports what happened or announces what is to come, from the auxiliaries and time words near a
// token: Urdu puts the verb after what it governs (…میں منعقد ہوگا), English mostly before (will be held in …).

export type Tense = 'future' | 'past' | 'neutral';

const FUTURE = [...phraseList(FUTURE_WORDS_UR), ...phraseList(FUTURE_WORDS_EN)];
/** Where a clause ends: punctuation inside the sentence, and the words that open another clause. */
const BOUNDARY = new Set([
  ',',
  '،',
  ';',
  '؛',
  // Reported speech is a clause of its own: "announced on Friday that … would open in 2028".
  ...['جو', 'جس', 'جبکہ', 'which', 'while', 'whereas', 'کہ', 'that'].map(foldWord),
]);
const PAST = [...phraseList(PAST_WORDS_UR), ...phraseList(PAST_WORDS_EN)];

function phraseAt(tz: Tokenized, i: number, phrase: string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const t = tz.tokens[i + k];
    if (!t || t.norm !== phrase[k]) return false;
  }
  return true;
}

/** Words in -ed that report nothing done. */
const NOT_PAST = new Set([
  'need',
  'seed',
  'speed',
  'feed',
  'proposed',
  'planned',
  'expected',
  'scheduled',
  'slated',
  'intended',
  'aimed',
  'targeted',
  'supposed',
]);

/** The tense of the clause around token `at` (within its sentence). */
export function tenseAt(tz: Tokenized, at: number): Tense {
  const { tokens } = tz;
  const sentence = tokens[at].sentence;
  let future = 0;
  let past = 0;
  const urdu = tokens[at].script === 'arabic' || tokens[at + 1]?.script === 'arabic';
  // Within the clause: a relative clause after a comma ("…, جو آئندہ سال مکمل ہوگی") has its own tense.
  let from = at;
  while (
    from > at - 12 &&
    tokens[from - 1] &&
    tokens[from - 1].sentence === sentence &&
    !BOUNDARY.has(tokens[from - 1].raw) &&
    !BOUNDARY.has(tokens[from - 1].norm)
  )
    from--;
  let to = at;
  while (
    to < at + 25 &&
    tokens[to + 1] &&
    tokens[to + 1].sentence === sentence &&
    !BOUNDARY.has(tokens[to + 1].raw) &&
    !BOUNDARY.has(tokens[to + 1].norm)
  )
    to++;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (!t || t.sentence !== sentence || t.kind !== 'word') continue;
    const d = Math.abs(i - at);
    // Urdu's verb follows; an English verb mostly precedes.
    const w = urdu
      ? i > at
        ? 1 / (1 + d * 0.15)
        : 0.35 / (1 + d * 0.3)
      : i < at
        ? 1 / (1 + d * 0.2)
        : 0.6 / (1 + d * 0.2);
    const future_ = FUTURE.some((p) => phraseAt(tz, i, p));
    if (future_) future += w;
    // "will be held", "to be signed": a participle after be/to is not a past report.
    const prev = tokens[i - 1]?.norm;
    if (prev !== 'be' && prev !== 'to' && prev !== 'will' && prev !== 'been') {
      if (PAST.some((p) => phraseAt(tz, i, p))) past += w;
      // An English verb in the past before the time ("announced on Friday", "inaugurated on Monday").
      // Not one followed by what is intended ("hoped to confirm", "decided to hold").
      else if (
        !future_ &&
        !urdu &&
        i < at &&
        /^[a-z]{3,}ed$/.test(t.norm) &&
        !NOT_PAST.has(t.norm) &&
        tokens[i + 1]?.norm !== 'to'
      )
        past += 0.8 * w;
    }
  }
  if (future > past * 1.1) return 'future';
  if (past > future * 1.1) return 'past';
  return 'neutral';
}
