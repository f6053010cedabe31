import type { Locale } from '@rabta/domain';

// A report as a language-resolved document: sections of facts and tables whose cells keep their type (a date stays
// a date), so that each renderer formats them its own way — localized text in HTML/PDF, real dates and numbers in
// XLSX, ISO dates in CSV. Builders (data/*.ts) make documents; renderers (render/*.ts) never query anything.

export type Cell =
  | null
  | string
  | { t: 'date'; v: string }
  /** A moment (ISO 8601): shown in Pakistan time, kept exact in CSV and XLSX. */
  | { t: 'moment'; v: string }
  | { t: 'number'; v: number }
  /** An identifier or code, shown left-to-right even in an Urdu document. */
  | { t: 'code'; v: string }
  | { t: 'link'; v: string; label?: string }
  /** A labelled value with a tone (stage, health): `tone` drives the colour in HTML. */
  | { t: 'tag'; v: string; tone?: 'good' | 'warn' | 'bad' | 'neutral' }
  /** A source cited as evidence: its publisher, publication date and link. */
  | { t: 'source'; publisher: string; date: string; url: string | null }
  /** Several values in one cell (e.g. the sources cited for a change). */
  | { t: 'list'; v: Cell[] };

export interface Column {
  key: string;
  label: string;
  /** Relative width hint (1 = narrow, 3 = wide). */
  width?: number;
  /** Numbers and dates align to the end. */
  align?: 'end';
  /**
   * HTML and PDF: columns that share a `cell` name are printed in one table cell, their values joined by " · "
   * under the joined labels (e.g. a milestone, its date and the days to go). Every table cell costs Chromium a
   * box to lay out twice when printing, so long tables print much faster with fewer of them. XLSX and CSV keep
   * each column apart.
   */
  cell?: string;
}

export interface Table {
  title?: string;
  /** XLSX: this table on a sheet of its own, so named (at most 31 characters), after its section's sheet. */
  sheet?: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Shown instead of an empty table. */
  empty: string;
}

export interface Fact {
  label: string;
  value: Cell;
}

export interface Section {
  /** Short and unique within the document. */
  id: string;
  title: string;
  /** XLSX: the sheet's name when the title is longer than a sheet name may be (31 characters). */
  sheet?: string;
  paragraphs?: string[];
  facts?: Fact[];
  tables: Table[];
  /** Small tables printed side by side. */
  sideBySide?: boolean;
}

export interface ReportDocument {
  language: Locale;
  title: string;
  subtitle?: string;
  /** What the report was asked for: as of, known at, filters. */
  meta: Fact[];
  sections: Section[];
  /** Short footer line (printed at the bottom of each PDF page). */
  footer: string;
}

export const date = (v: string | null | undefined): Cell => (v ? { t: 'date', v: v.slice(0, 10) } : null);
export const num = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : { t: 'number', v });
export const code = (v: string | null | undefined): Cell => (v ? { t: 'code', v } : null);
export const link = (v: string | null | undefined, label?: string): Cell => (v ? { t: 'link', v, label } : null);
export const tag = (v: string, tone?: 'good' | 'warn' | 'bad' | 'neutral'): Cell => ({ t: 'tag', v, tone });
export const list = (v: Cell[]): Cell => (v.length ? { t: 'list', v } : null);

/** The plain text of a cell (CSV, sorting, tests). */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (c.t === 'number') return String(c.v);
  if (c.t === 'link') return c.label ? `${c.label} <${c.v}>` : c.v;
  if (c.t === 'list') return c.v.map(cellText).join('; ');
  if (c.t === 'source') return `${c.publisher} (${c.date})${c.url ? ` ${c.url}` : ''}`;
  return c.v;
}
