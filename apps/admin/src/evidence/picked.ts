import type { RaRecord } from 'react-admin';

/** A source chosen as evidence, with the passage quoted from it (what the evidence picker edits). */
export interface PickedSource {
  id: number;
  title: string;
  publisher: string;
  publishedAt: string;
  language: string;
  quote: string;
}

/** The list with `source` added at the end (once: a source already picked keeps its place and quote). */
export function pickSource(list: PickedSource[], source: RaRecord, quote = ''): PickedSource[] {
  if (list.some((s) => s.id === Number(source.id))) return list;
  const { title, publisher, publishedAt, language } = source;
  return [...list, { id: Number(source.id), title, publisher, publishedAt, language, quote }];
}

export function unpickSource(list: PickedSource[], id: number): PickedSource[] {
  return list.filter((s) => s.id !== id);
}

export function setQuote(list: PickedSource[], id: number, quote: string): PickedSource[] {
  return list.map((s) => (s.id === id ? { ...s, quote } : s));
}

/** The API's evidence fields: the sources' ids, and their quotes that are not blank, trimmed, by source id. */
export function evidenceFields(list: PickedSource[]): { sourceIds: number[]; quotes?: Record<string, string> } {
  const quotes = Object.fromEntries(list.filter((s) => s.quote.trim()).map((s) => [String(s.id), s.quote.trim()]));
  return { sourceIds: list.map((s) => s.id), ...(Object.keys(quotes).length ? { quotes } : {}) };
}
