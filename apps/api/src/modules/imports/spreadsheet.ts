import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { parse as parseCsv } from 'csv-parse/sync';
import { IMPORT_ERRORS, type KeyedMessage } from '@rabta/domain';
import { importError } from './import-errors';
import { exceljs, jszip } from '../../common/lazy';

// Reads an uploaded spreadsheet into rows of cells, whatever Excel (or another tool) wrote: XLSX, or CSV in UTF-8
// with or without a byte-order mark, UTF-16 (Excel's "Unicode text"), comma-, semicolon- or tab-separated. Formulas
// give their saved values and are never evaluated. Anything else gets a clear answer naming the problem.

/** A cell as read: text, a number, a calendar date (Excel date cells), a boolean, or empty. */
export type Cell = string | number | boolean | { date: string } | null;

export interface SheetData {
  name: string;
  /** The rows from the header row on, each with its row number in the sheet (1-based). */
  rows: { line: number; cells: Cell[] }[];
  /** Cells with a formula and no saved value, by sheet row and column index. */
  unsavedFormulas: { line: number; column: number }[];
}

export interface Workbook {
  format: 'xlsx' | 'csv';
  sheetNames: string[];
  sheet: SheetData;
  /** Said about the file as a whole (keyed, as the problems). */
  warnings: KeyedMessage[];
}

export interface ReadOptions {
  /** The sheet to read; default the first that has data. */
  sheet?: string;
  /** Most data rows accepted (beyond, 413 with the count). */
  maxRows: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

const notASpreadsheet = (
  what:
    'file_pdf' | 'file_word' | 'file_powerpoint' | 'file_opendocument' | 'file_zip' | 'file_damaged' | 'file_binary',
) => importError('UNSUPPORTED_MEDIA_TYPE', what, {}, { file: 'Not a spreadsheet' });

export const tooManyRows = (rows: number, max: number) =>
  importError(
    'PAYLOAD_TOO_LARGE',
    'too_many_rows',
    { rows: rows.toLocaleString('en'), max: max.toLocaleString('en') },
    { file: `More than ${max} rows` },
  );

export const emptyFile = () => importError('UNPROCESSABLE', 'file_empty', {}, { file: 'Empty' });

export async function readSpreadsheet(buf: Buffer, options: ReadOptions): Promise<Workbook> {
  if (buf.length === 0) throw emptyFile();
  if (startsWith(buf, OLE2)) throw importError('UNSUPPORTED_MEDIA_TYPE', 'file_xls', {}, { file: 'Save as .xlsx' });
  if (startsWith(buf, ZIP)) return readXlsx(buf, options);
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') throw notASpreadsheet('file_pdf');
  return readCsv(buf, options);
}

// ------------------------------------------------------------------------------------------------ XLSX

interface ZipStream {
  on(event: 'data', fn: (chunk: string) => void): ZipStream;
  on(event: 'error', fn: (err: Error) => void): ZipStream;
  on(event: 'end', fn: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

const DIMENSION = /<dimension ref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"/;

/**
 * The rows a sheet's XML declares: its dimension, from the first bytes inflated; without one, its `<row` elements
 * counted as the XML streams by (never held whole, never parsed).
 */
function declaredRows(file: JSZip.JSZipObject): Promise<number> {
  return new Promise((resolve, reject) => {
    // JSZip's own streaming (public, but missing from its type declarations).
    const stream = (file as unknown as { internalStream(type: 'string'): ZipStream }).internalStream('string');
    let head: string | null = '';
    let rows = 0;
    let carry = '';
    stream
      .on('data', (chunk: string) => {
        if (head !== null) {
          head += chunk;
          const dim = DIMENSION.exec(head);
          if (dim) {
            stream.pause();
            resolve(Number(dim[2] ?? dim[1]));
            return;
          }
          if (head.length > 4000 || head.includes('<sheetData')) head = null;
        }
        const text = carry + chunk;
        for (let i = text.indexOf('<row '); i >= 0; i = text.indexOf('<row ', i + 5)) rows++;
        carry = text.slice(-4);
      })
      .on('error', reject)
      .on('end', () => resolve(rows))
      .resume();
  });
}

async function readXlsx(buf: Buffer, options: ReadOptions): Promise<Workbook> {
  let zip: JSZip;
  try {
    zip = await jszip().loadAsync(buf);
  } catch {
    throw notASpreadsheet('file_damaged');
  }
  if (!zip.file('xl/workbook.xml')) {
    if (zip.file('word/document.xml')) throw notASpreadsheet('file_word');
    if (zip.file('ppt/presentation.xml')) throw notASpreadsheet('file_powerpoint');
    if (zip.file('content.xml')) throw notASpreadsheet('file_opendocument');
    throw notASpreadsheet('file_zip');
  }
  // Refuse a sheet that is far too long before parsing it (a 100,000-row sheet is refused in a moment).
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const rows = await declaredRows(zip.file(name)!);
    if (rows - 1 > options.maxRows) throw tooManyRows(rows - 1, options.maxRows);
  }
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw notASpreadsheet('file_damaged');
  }
  const sheets = workbook.worksheets.filter((ws) => ws.state !== 'veryHidden');
  const sheetNames = sheets.map((ws) => ws.name);
  let ws: ExcelJS.Worksheet | undefined;
  if (options.sheet !== undefined) {
    ws = sheets.find((s) => s.name === options.sheet);
    if (!ws)
      throw importError(
        'UNPROCESSABLE',
        'no_sheet',
        { sheet: options.sheet, sheets: sheetNames.join(', ') },
        { sheet: `One of: ${sheetNames.join(', ')}` },
      );
  } else {
    ws = sheets.find((s) => s.actualRowCount > 0) ?? sheets[0];
  }
  if (!ws) throw emptyFile();
  const sheet: SheetData = { name: ws.name, rows: [], unsavedFormulas: [] };
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as unknown[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) {
      const value = cellValue(values[c]);
      if (value === UNSAVED) {
        sheet.unsavedFormulas.push({ line, column: c - 1 });
        cells.push(null);
      } else cells.push(value);
    }
    if (cells.some((c) => c !== null && c !== '')) sheet.rows.push({ line, cells });
  });
  assertHeaderNotMerged(ws, sheet);
  return { format: 'xlsx', sheetNames, sheet, warnings: [] };
}

const UNSAVED = Symbol('formula without a saved value');

function cellValue(v: unknown): Cell | typeof UNSAVED {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  // exceljs reads date-formatted cells as Dates at midnight UTC of the calendar day.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { date: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      // The value Excel saved with the formula; never evaluated here.
      if (o.result === undefined || o.result === null) return UNSAVED;
      if (typeof o.result === 'object' && o.result !== null && 'error' in o.result) return String(o.result.error);
      return cellValue(o.result);
    }
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/** A header cell merged across columns leaves columns without a header of their own. */
function assertHeaderNotMerged(ws: ExcelJS.Worksheet, sheet: SheetData): void {
  const header = sheet.rows[0]?.line;
  if (header === undefined) return;
  // The sheet's merges as exceljs keeps them (its `model` getter would rebuild every row to list them).
  const all = (ws as unknown as { _merges?: Record<string, { range: string; top: number; bottom: number }> })._merges;
  const merges = Object.values(all ?? {})
    .filter((m) => m.top <= header && m.bottom >= header)
    .map((m) => m.range);
  if (merges.length)
    throw importError('UNPROCESSABLE', 'merged_header', { ranges: merges.join(', ') }, { file: 'Merged header cells' });
}

// ------------------------------------------------------------------------------------------------ CSV

function decodeText(buf: Buffer, warnings: KeyedMessage[]): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  // UTF-16 without a byte-order mark: every other byte of Latin text is zero.
  const sample = buf.subarray(0, Math.min(buf.length, 2000));
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddZeros++;
    else evenZeros++;
  }
  if (oddZeros > sample.length / 4 && evenZeros === 0) return buf.toString('utf16le');
  if (evenZeros > sample.length / 4 && oddZeros === 0) return new TextDecoder('utf-16be').decode(buf);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Excel's plain "CSV" is the Windows code page; Urdu does not survive it, Western text does.
    warnings.push(IMPORT_ERRORS.message('not_utf8'));
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** The separator of the header line: the most frequent of , ; and tab outside quotes. */
function detectDelimiter(firstLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

function readCsv(buf: Buffer, options: ReadOptions): Workbook {
  const warnings: KeyedMessage[] = [];
  let text = decodeText(buf, warnings);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Text with control characters other than tab and line breaks is binary: an image, an archive, a program…
  const head = text.slice(0, 4000);
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) throw notASpreadsheet('file_binary');
  }
  // Excel's own hint on the first line: sep=;
  let delimiter: string | undefined;
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) {
    delimiter = hint[1];
    text = text.slice(hint[0].length);
  }
  if (!text.trim()) throw emptyFile();
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  delimiter ??= detectDelimiter(firstLine);
  // Count lines first: a 100,000-row file is refused without parsing it.
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (lines - 1 > options.maxRows + 1) {
    const records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
    if (records.length - 1 > options.maxRows) throw tooManyRows(records.length - 1, options.maxRows);
  }
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: false,
    }) as string[][];
  } catch (err) {
    throw importError('UNPROCESSABLE', 'csv_unreadable', { reason: (err as Error).message }, { file: 'Malformed CSV' });
  }
  const rows = records
    .map((cells, i) => ({ line: i + 1 + (hint ? 1 : 0), cells: cells as Cell[] }))
    .filter((r) => r.cells.some((c) => typeof c === 'string' && c.trim() !== ''));
  if (rows.length - 1 > options.maxRows) throw tooManyRows(rows.length - 1, options.maxRows);
  return { format: 'csv', sheetNames: ['CSV'], sheet: { name: 'CSV', rows, unsavedFormulas: [] }, warnings };
}
