import { csvField } from '../../../common/resource/export';
import { cellText, type Cell, type ReportDocument } from '../document';

// One CSV file, UTF-8 with a byte-order mark (so Excel reads Urdu right), CRLF line ends. A CSV has one table, a
// report has several, so the file is a sequence of blocks separated by one empty line:
//   the report's title, then one `label,value` line per parameter;
//   per section: a line with the section's title alone, its `label,value` facts, then each table as an optional
//   title line, a header line and its rows.
// Dates are ISO 8601 (YYYY-MM-DD), numbers plain, several values in one cell joined with "; ". Text a spreadsheet
// would run as a formula is defused with a leading apostrophe (as in the resource exports).

const line = (fields: string[]) => fields.map(csvField).join(',');
const text = (c: Cell) => cellText(c);

export function renderCsv(doc: ReportDocument): Buffer {
  const out: string[] = [];
  out.push(line([doc.title]));
  if (doc.subtitle) out.push(line([doc.subtitle]));
  for (const f of doc.meta) out.push(line([f.label, text(f.value)]));
  for (const s of doc.sections) {
    out.push('');
    out.push(line([s.title]));
    for (const p of s.paragraphs ?? []) out.push(line([p]));
    for (const f of s.facts ?? []) out.push(line([f.label, text(f.value)]));
    for (const t of s.tables) {
      if (t.title) {
        out.push('');
        out.push(line([t.title]));
      }
      out.push(line(t.columns.map((c) => c.label)));
      for (const r of t.rows) out.push(line(t.columns.map((c) => text(r[c.key] ?? null))));
    }
  }
  return Buffer.from(`\uFEFF${out.join('\r\n')}\r\n`, 'utf8');
}
