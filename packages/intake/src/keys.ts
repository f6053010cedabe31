import { normalizeText } from '@rabta/domain';
import { stem } from './tokens';

// Lookup keys of names and phrases. A key is the folded text with its spaces removed, so the spacing variants
// of the press ("وزیر اعظم" / "وزیراعظم", "اسلام آباد" / "اسلام‌آباد") meet; a stem key folds plural and oblique
// endings word by word too (ریفائنریوں → ریفائنری). The matcher forms the same keys from the article's tokens.

const DIGIT_EDGE = /(?<=\d)(?=\D)|(?<=\D)(?=\d)/;

/** The folded words of a phrase, split as the tokenizer splits them (digits apart from letters). */
export function words(phrase: string): string[] {
  const norm = normalizeText(phrase);
  if (!norm) return [];
  const out: string[] = [];
  for (const w of norm.split(' ')) for (const part of w.split(DIGIT_EDGE)) if (part) out.push(part);
  return out;
}

export function exactKey(phrase: string): string {
  return words(phrase).join('');
}

export function stemKey(phrase: string): string {
  return words(phrase).map(stem).join('');
}

export function foldWord(word: string): string {
  return normalizeText(word).replace(/ /g, '');
}

/** A set of folded words (and folded multi-word phrases, spaces removed) from a word list. */
export function foldedSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => exactKey(w)).filter(Boolean));
}

/** Folded word lists keyed by their words, for phrase lookups over tokens. */
export function phraseList(list: readonly string[]): string[][] {
  return list.map((p) => words(p)).filter((w) => w.length > 0);
}
