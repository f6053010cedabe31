// A source's text as sentences, for picking a passage to cite: a sentence ends at . ! ? (and the Urdu full stop ۔ and
// question mark ؟) followed by white space, or at a line break. Offsets are character offsets into the text.

export interface Span {
  start: number;
  end: number;
}

const END = /[.!?\u06D4\u061F]+["'”’)\]]*(?=\s)|\n+/g;

/** The sentences of a text, each without its surrounding white space; empty ones are left out. */
export function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end });
  };
  for (const m of text.matchAll(END)) {
    const end = m[0].startsWith('\n') ? m.index : m.index + m[0].length;
    push(from, end);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** The passage of consecutive sentences `first`..`last` (in either order), as the text writes it. */
export function passageOf(text: string, sentences: Span[], first: number, last: number): string {
  const [a, b] = first <= last ? [first, last] : [last, first];
  return text.slice(sentences[a].start, sentences[b].end);
}
