import type ExcelJS from 'exceljs';
import {
  DOMAIN_LABELS,
  IMPORT_FIELDS,
  type ImportPreview,
  type ImportProblem,
  type ImportResource,
} from '@rabta/domain';
import { cellText } from './import-planner';
import { readSpreadsheet } from './spreadsheet';
import { exceljs } from '../../common/lazy';

// The files an import hands back: the template of a resource (English headers with Urdu below, drop-down lists on
// the enum columns, a note on each header), and the result of an import (the sheet with each row's outcome).

const TEMPLATE_ROWS = 1000;

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

export async function buildTemplate(resource: ImportResource): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Rabta';
  const sheet = workbook.addWorksheet(resource, { views: [{ state: 'frozen', ySplit: 2 }] });
  const fields = IMPORT_FIELDS[resource].filter((f) => !f.exportOnly);
  sheet.columns = fields.map((f) => ({ key: f.field, width: Math.max(14, Math.min(40, f.en.length + 6)) }));
  const en = sheet.getRow(1);
  const ur = sheet.getRow(2);
  fields.forEach((f, i) => {
    const c = i + 1;
    en.getCell(c).value = f.en;
    ur.getCell(c).value = f.ur;
    const notes = [
      f.required ? 'Required for a new record.' : '',
      f.type === 'date' ? 'A date: YYYY-MM-DD, or a date cell.' : '',
      f.values
        ? `One of: ${f.values.map((v) => `${v} (${(DOMAIN_LABELS.en[f.labels!] as Record<string, string>)[v]})`).join(', ')}.`
        : '',
      f.help ?? '',
    ].filter(Boolean);
    if (notes.length) en.getCell(c).note = notes.join(' ');
    if (f.values) {
      const letter = columnLetter(c);
      // One validation over the column's range (exceljs writes it as a single sqref).
      (
        sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(`${letter}3:${letter}${TEMPLATE_ROWS + 2}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${f.values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: f.en,
        error: `One of: ${f.values.join(', ')}`,
      });
    }
    if (f.type === 'date') sheet.getColumn(c).numFmt = 'yyyy-mm-dd';
  });
  en.font = { bold: true };
  ur.font = { italic: true, name: 'Noto Naskh Arabic' };
  ur.alignment = { horizontal: 'right', readingOrder: 'rtl' };
  const buf = await workbook.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}

const ACTION_LABEL: Record<string, string> = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  error: 'error',
};

export async function buildResultWorkbook(
  file: Buffer,
  row: { status: string; options: unknown },
  preview: Pick<ImportPreview, 'columns' | 'outcomes' | 'errors' | 'sheet'>,
  maxRows: number,
): Promise<Buffer> {
  const book = await readSpreadsheet(file, { sheet: (row.options as { sheet?: string }).sheet, maxRows });
  const committed = row.status === 'committed';
  const outcomes = new Map(preview.outcomes.map((o) => [o.row, o]));
  const problems = new Map<number, ImportProblem[]>();
  for (const e of preview.errors) problems.set(e.row, [...(problems.get(e.row) ?? []), e]);
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Rabta';
  const sheet = workbook.addWorksheet('Result', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = [committed ? 'Result' : 'Preview', 'Record id', 'Problems', ...preview.columns];
  sheet.addRow(header).font = { bold: true };
  const fileProblems = problems.get(0) ?? [];
  if (fileProblems.length) sheet.addRow(['error', '', fileProblems.map((p) => `${p.column}: ${p.message}`).join('\n')]);
  // The data rows in the order of the preview (the header and a template's Urdu line left out).
  const dataLines = new Set(preview.outcomes.map((o) => o.row));
  let n = 0;
  const lines = book.sheet.rows.slice(1);
  const skip = lines.length - dataLines.size;
  for (const r of lines.slice(Math.max(0, skip))) {
    n++;
    const o = outcomes.get(n);
    const action = o ? (committed ? ACTION_LABEL[o.action] : o.action) : '';
    const text = (problems.get(n) ?? []).map((p) => `${p.column}: ${p.message}`).join('\n');
    const added = sheet.addRow([action, o?.id ?? '', text, ...r.cells.map((c) => (c === null ? null : cellText(c)))]);
    if (o?.action === 'error') added.getCell(1).font = { color: { argb: 'FFC62828' }, bold: true };
  }
  sheet.getColumn(3).width = 60;
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  const buf = await workbook.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
