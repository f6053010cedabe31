// The arithmetic of a counted text field (CountedTextField.tsx), kept apart so it is tested without a browser.

/** What a paste would make of a field: its new length, and whether that is beyond the limit (then it is refused). */
export function pasteOutcome({
  length,
  selectionStart,
  selectionEnd,
  pasted,
  maxChars,
}: {
  length: number;
  selectionStart: number;
  selectionEnd: number;
  pasted: number;
  maxChars: number;
}): { length: number; refused: boolean } {
  const replaced = Math.max(0, Math.abs(selectionEnd - selectionStart));
  const next = length - replaced + pasted;
  return { length: next, refused: next > maxChars };
}

/**
 * The script most of a text is written in, from its first few thousand characters. A text field's first font must
 * cover it: Chromium shapes every word the first font lacks as a run of its own, and a long Urdu text in a Latin-first
 * field (or the reverse) is tens of thousands of runs, laid out again on every key (100,000 characters: over 40 s).
 */
export function mainScript(text: string, sample = 4_000): 'arabic' | 'latin' {
  const head = text.length > sample ? text.slice(0, sample) : text;
  const arabic = head.match(/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g)?.length ?? 0;
  const latin = head.match(/[A-Za-z\u00C0-\u024F\u0400-\u04FF]/g)?.length ?? 0;
  return arabic > latin ? 'arabic' : 'latin';
}
