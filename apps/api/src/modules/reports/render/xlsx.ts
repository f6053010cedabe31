import type ExcelJS from 'exceljs';
import { cellText, type Cell, type ReportDocument, type Section, type Table } from '../document';
import { labelsFor } from '../i18n';
import { exceljs, jszip } from '../../../common/lazy';

// XLSX: a first sheet with the title and the parameters, then one sheet per section (its facts, then its tables one
// under the other). Dates are real dates, numbers real numbers; Urdu workbooks have right-to-left sheets. The file
// is reproducible byte for byte: the workbook's own dates are the report's knownAt and the zip entries carry a
// fixed time (exceljs would stamp them with the time of writing).

const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));
const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
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

function writeRow(sheet: ExcelJS.Worksheet, cells: Cell[], style?: (cell: ExcelJS.Cell) => void): void {
  const row = sheet.addRow(cells.map(value));
  row.eachCell({ includeEmpty: false }, (cell, i) => {
    const c = cells[i - 1];
    if (c && typeof c === 'object' && c.t === 'date') cell.numFmt = DATE_FORMAT;
    if (c && typeof c === 'object' && c.t === 'moment') cell.numFmt = MOMENT_FORMAT;
    cell.alignment = { vertical: 'top', wrapText: true };
    style?.(cell);
  });
}

function writeTable(sheet: ExcelJS.Worksheet, t: Table): void {
  if (t.title) {
    sheet.addRow([]);
    writeRow(sheet, [t.title], (c) => (c.font = { bold: true, size: 12 }));
  }
  writeRow(
    sheet,
    t.columns.map((c) => c.label),
    (cell) => {
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = HEADER_FILL;
    },
  );
  if (!t.rows.length) writeRow(sheet, [t.empty], (c) => (c.font = { italic: true }));
  for (const r of t.rows)
    writeRow(
      sheet,
      t.columns.map((c) => r[c.key] ?? null),
    );
}

function writeSection(sheet: ExcelJS.Worksheet, s: Section): void {
  writeRow(sheet, [s.title], (c) => (c.font = { bold: true, size: 14 }));
  for (const p of s.paragraphs ?? []) writeRow(sheet, [p]);
  if (s.facts?.length) {
    sheet.addRow([]);
    for (const f of s.facts)
      writeRow(sheet, [f.label, f.value], (c) => (c.col === '1' ? (c.font = { bold: true }) : undefined));
  }
  for (const t of s.tables) {
    sheet.addRow([]);
    writeTable(sheet, t);
  }
  // Column widths from the widest table's hints.
  const widest = s.tables.reduce<Table | undefined>(
    (w, t) => (!w || t.columns.length > w.columns.length ? t : w),
    undefined,
  );
  const cols = Math.max(2, widest?.columns.length ?? 2);
  for (let i = 1; i <= cols; i++)
    sheet.getColumn(i).width = Math.min(
      60,
      12 + 10 * ((widest?.columns[i - 1]?.width ?? (i === 1 ? 2 : 1)) - 1) + (i === 1 ? 8 : 0),
    );
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

  for (const s of doc.sections) writeSection(wb.addWorksheet(sheetName(s.title, used), { views }), s);

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
