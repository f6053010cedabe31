import type { Doc, Found } from './doc';
import type { ProposalDraft } from './types';

// Proposals: the records an analyst would write from the article, each resting on quoted sentences.

export function quoteOf(doc: Doc, sentences: number[]): ProposalDraft['quote'] {
  const list = [...new Set(sentences)].sort((a, b) => a - b).map((s) => doc.tz.sentences.find((x) => x.index === s)!);
  const start = list[0].start;
  const end = list[list.length - 1].end;
  return { start, end, text: doc.tz.text.slice(start, end) };
}

export function buildProposals(doc: Doc, index: Map<Found, number>): ProposalDraft[] {
  return [...evidence(doc, index)];
}

/** One evidence proposal per initiative, quoting the sentence that names it most surely. */
function evidence(doc: Doc, index: Map<Found, number>): ProposalDraft[] {
  const best = new Map<number | string, Found>();
  for (const f of doc.of('initiative')) {
    if (!f.ref) continue;
    const prev = best.get(f.ref.id);
    if (!prev || f.confidence > prev.confidence) best.set(f.ref.id, f);
  }
  const out: ProposalDraft[] = [];
  for (const [id, f] of best) {
    const quote = quoteOf(doc, [doc.sentenceOf(f)]);
    out.push({
      kind: 'evidence',
      confidence: round(f.confidence),
      quote,
      data: { initiativeId: id, quote: quote.text },
      mentions: [index.get(f)!],
    });
  }
  return out;
}

export function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
