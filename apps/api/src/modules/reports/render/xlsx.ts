import type ExcelJS from 'exceljs';
import { cellText, type Cell, type ReportDocument, type Section, type Table } from '../document';
import { labelsFor } from '../i18n';
import { exceljs, jszip } from '../../../common/lazy';

// XLSX: a first sheet with the title and the parameters, then one sheet per section (its facts, then its tables one
// under the other; a table may ask for a sheet of its own). A sheet whose table is its only one has a filter on the
// table, and its header row frozen when no facts stand above it. Columns are as wide as their contents (within
// bounds). Dates are real dates, numbers real numbers; Urdu workbooks have right-to-left sheets. The file is
// reproducible byte for byte: the workbook's own dates are the report's knownAt and the zip entries carry a fixed
// time (exceljs would stamp them with the time of writing).

const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));
const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

/** Excel's limit on a sheet's name. */
const SHEET_NAME_MAX = 31;

/** Whether a title can name a sheet as it is. */
const fits = (title: string) => title.length <= SHEET_NAME_MAX;

/**
 * A valid, unique sheet name. Names longer than Excel allows are cut at a word and marked "…" (the builders give
 * short names for their long titles: Section.sheet, Table.sheet).
 */
export function sheetName(title: string, used: Set<string>): string {
  const clean = title.replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim() || 'Sheet';
  const fit = (text: string, room: number) => {
    if (text.length <= room) return text;
    const cut = text.slice(0, room - 1);
    const word = cut.lastIndexOf(' ');
    return `${(word > room / 2 ? cut.slice(0, word) : cut).trim()}…`;
  };
  const base = fit(clean, SHEET_NAME_MAX);
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${fit(clean, SHEET_NAME_MAX - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

function value(c: Cell): ExcelJS.CellValue {
  if (c === null || c === '') return null;
  if (typeof c === 'string') return c;
  switch (c.t) {
    case 'date':
      return new Date(`${c.v}T00:00:00.000Z`);
    case 'number':
      return c.v;
    case 'moment':
      return new Date(c.v);
    case 'link':
      return /^https?:\/\//i.test(c.v) ? { text: c.label ?? c.v, hyperlink: c.v } : (c.label ?? c.v);
    case 'source': {
      const text = `${c.publisher}, ${c.date}`;
      return c.url && /^https?:\/\//i.test(c.url) ? { text: `${text} ${c.url}`, hyperlink: c.url } : text;
    }
    default:
      return cellText(c);
  }
}

const DATE_FORMAT = 'yyyy-mm-dd';
// Excel has no time zones: moments are written in UTC, and say so.
const MOMENT_FORMAT = 'yyyy-mm-dd hh:mm:ss "UTC"';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0F2A4A' } };

/** The width a cell's text needs, in characters (its longest line). */
function textWidth(c: Cell): number {
  if (c === null || c === '') return 0;
  if (typeof c === 'object' && c.t === 'date') return 11;
  if (typeof c === 'object' && c.t === 'moment') return 24;
  return Math.max(
    ...cellText(c)
      .split(/\n|; /)
      .map((line) => line.length),
  );
}

/** What a sheet holds, for its filter, frozen rows and column widths. */
interface Layout {
  /** The widest text of each column (0-based), of fact and table rows (titles and paragraphs run across). */
  widths: number[];
  tables: { header: number; last: number; columns: number }[];
  facts: boolean;
}

const newLayout = (): Layout => ({ widths: [], tables: [], facts: false });

function writeRow(
  sheet: ExcelJS.Worksheet,
  cells: Cell[],
  style?: (cell: ExcelJS.Cell) => void,
  layout?: Layout,
): ExcelJS.Row {
  const row = sheet.addRow(cells.map(value));
  row.eachCell({ includeEmpty: false }, (cell, i) => {
    const c = cells[i - 1];
    if (c && typeof c === 'object' && c.t === 'date') cell.numFmt = DATE_FORMAT;
    if (c && typeof c === 'object' && c.t === 'moment') cell.numFmt = MOMENT_FORMAT;
    cell.alignment = { vertical: 'top', wrapText: true };
    style?.(cell);
  });
  if (layout) cells.forEach((c, i) => (layout.widths[i] = Math.max(layout.widths[i] ?? 0, textWidth(c))));
  return row;
}

function writeTable(sheet: ExcelJS.Worksheet, t: Table, layout: Layout): void {
  if (t.title) {
    if (sheet.rowCount) sheet.addRow([]);
    writeRow(sheet, [t.title], (c) => (c.font = { bold: true, size: 12 }));
  }
  const header = writeRow(
    sheet,
    t.columns.map((c) => c.label),
    (cell) => {
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = HEADER_FILL;
    },
    layout,
  ).number;
  if (!t.rows.length) writeRow(sheet, [t.empty], (c) => (c.font = { italic: true }));
  for (const r of t.rows)
    writeRow(
      sheet,
      t.columns.map((c) => r[c.key] ?? null),
      undefined,
      layout,
    );
  layout.tables.push({ header, last: t.rows.length ? sheet.rowCount : header, columns: t.columns.length });
}

/** The filter and frozen header of a sheet with one table, and its column widths. */
function finishSheet(sheet: ExcelJS.Worksheet, layout: Layout, rtl: boolean): void {
  const [only] = layout.tables;
  if (layout.tables.length === 1 && only.last > only.header) {
    sheet.autoFilter = { from: { row: only.header, column: 1 }, to: { row: only.last, column: only.columns } };
    if (!layout.facts) sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: only.header, rightToLeft: rtl }];
  }
  // The header's filter button takes about three characters; long texts wrap at 60.
  const columns = Math.max(2, layout.widths.length);
  for (let i = 0; i < columns; i++)
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, (layout.widths[i] ?? 0) + 3));
}

function writeSection(sheet: ExcelJS.Worksheet, s: Section, tables: Table[], layout: Layout): void {
  writeRow(sheet, [s.title], (c) => (c.font = { bold: true, size: 14 }));
  for (const p of s.paragraphs ?? []) writeRow(sheet, [p]);
  if (s.facts?.length) {
    layout.facts = true;
    sheet.addRow([]);
    for (const f of s.facts)
      writeRow(sheet, [f.label, f.value], (c) => (c.col === '1' ? (c.font = { bold: true }) : undefined), layout);
  }
  for (const t of tables) {
    if (!t.title) sheet.addRow([]);
    writeTable(sheet, t, layout);
  }
}

export async function renderXlsx(doc: ReportDocument, knownAt: Date): Promise<Buffer> {
  const l = labelsFor(doc.language);
  const rtl = doc.language === 'ur';
  const wb = new (exceljs().Workbook)();
  wb.creator = l.appName;
  wb.lastModifiedBy = l.appName;
  wb.created = knownAt;
  wb.modified = knownAt;
  wb.title = doc.title;
  const used = new Set<string>();
  const views: Partial<ExcelJS.WorksheetView>[] = [{ rightToLeft: rtl }];

  const cover = wb.addWorksheet(sheetName(doc.title, used), { views });
  writeRow(cover, [doc.title], (c) => (c.font = { bold: true, size: 16 }));
  if (doc.subtitle) writeRow(cover, [doc.subtitle], (c) => (c.font = { size: 12 }));
  cover.addRow([]);
  for (const f of doc.meta)
    writeRow(cover, [f.label, f.value], (c) => (c.col === '1' ? (c.font = { bold: true }) : undefined));
  cover.addRow([]);
  writeRow(cover, [l.reproducible], (c) => (c.font = { italic: true, color: { argb: 'FF6B7C8F' } }));
  cover.getColumn(1).width = 32;
  cover.getColumn(2).width = 60;

  for (const s of doc.sections) {
    const own = s.tables.filter((t) => t.sheet);
    const layout = newLayout();
    const sheet = wb.addWorksheet(sheetName(fits(s.title) ? s.title : (s.sheet ?? s.title), used), { views });
    writeSection(
      sheet,
      s,
      s.tables.filter((t) => !t.sheet),
      layout,
    );
    finishSheet(sheet, layout, rtl);
    for (const t of own) {
      const tableLayout = newLayout();
      const tableSheet = wb.addWorksheet(sheetName(t.title && fits(t.title) ? t.title : t.sheet!, used), { views });
      writeTable(tableSheet, t, tableLayout);
      finishSheet(tableSheet, tableLayout, rtl);
    }
  }

  const written = Buffer.from(await wb.xlsx.writeBuffer());
  const zip = await jszip().loadAsync(written);
  zip.forEach((_path, file) => {
    file.date = ZIP_DATE;
  });
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
