import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppException } from '../errors/app-exception';
import { exceljs } from '../lazy';

// GET /api/<resource>/export?format=csv|xlsx&filter=…&sort=… — every matching row, streamed page by page, the
// columns of the resource's wire schema. CSV is UTF-8 with a byte-order mark so Excel shows Urdu right.

export const ExportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  filter: z.string().optional(),
  sort: z.string().optional(),
  asOf: z.string().optional(),
  knownAt: z.string().optional(),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

const PAGE = 500;

export type PageFetcher = (query: Record<string, unknown>) => Promise<{ rows: Record<string, unknown>[] }>;

/** The wire schema's fields, in order (the export's columns). */
export function columnsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape) throw new AppException('BAD_REQUEST', 'This resource cannot be exported');
  return Object.keys(shape).filter((k) => k !== 'dateChanges');
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Quoted when needed; text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
export function csvField(s: string): string {
  const formula = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s);
  const text = formula ? `'${s}` : s;
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function* pages(fetch: PageFetcher, query: ExportQuery): AsyncGenerator<Record<string, unknown>[]> {
  for (let start = 0; ; start += PAGE) {
    const { rows } = await fetch({
      filter: query.filter,
      sort: query.sort,
      asOf: query.asOf,
      knownAt: query.knownAt,
      range: JSON.stringify([start, start + PAGE - 1]),
    });
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
  }
}

export async function sendExport(
  reply: FastifyReply,
  resource: string,
  columns: string[],
  fetch: PageFetcher,
  query: ExportQuery,
): Promise<FastifyReply> {
  // Fetch the first page before answering, so a bad filter is a 400 and not a broken download.
  const iterator = pages(fetch, query);
  const first = await iterator.next();
  const all = async function* () {
    if (!first.done) yield first.value;
    yield* iterator;
  };
  const stamp = new Date().toISOString().slice(0, 10);
  if (query.format === 'csv') {
    const lines = async function* () {
      yield `\uFEFF${columns.join(',')}\r\n`;
      for await (const rows of all())
        yield rows.map((r) => columns.map((c) => csvField(cell(r[c]))).join(',')).join('\r\n') + '\r\n';
    };
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${resource}-${stamp}.csv"`)
      .send(Readable.from(lines()));
  }
  const out = new PassThrough();
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(resource, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.min(60, Math.max(12, c.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of all())
        for (const r of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c, cell(r[c])]))).commit();
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${resource}-${stamp}.xlsx"`)
    .send(out);
}
