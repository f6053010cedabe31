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

/**
 * The size of a text in UTF-8 bytes (what a byte limit of the API counts: an Urdu letter is two), without encoding
 * a copy of it.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: one character of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Beyond `maxBytes` in UTF-8? Counted only when it could be (a UTF-16 unit is at most 3 bytes), so typing stays quick. */
export function overBytes(text: string, maxBytes: number): number | null {
  if (text.length * 3 <= maxBytes) return null;
  const bytes = utf8Bytes(text);
  return bytes > maxBytes ? bytes : null;
}
