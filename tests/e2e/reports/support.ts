import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../../support/test-app';

// Helpers of the report tests: request a report and wait for its job, download it, read PDFs back with poppler.

export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'reports');

export interface ReportRecord {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
  checksum: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  knownAt: string;
  params: Record<string, unknown>;
  [key: string]: unknown;
}

/** Polls GET /api/reports/:id until the job has finished (done or failed); fails the test after `timeoutMs`. */
export async function waitForReport(t: TestApp, cookie: string, id: number, timeoutMs = 60_000): Promise<ReportRecord> {
  const started = Date.now();
  for (;;) {
    const res = await t.http.get(`/api/reports/${id}`).set('Cookie', cookie);
    if (res.status !== 200)
      throw new Error(`GET /api/reports/${id} answered ${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body as ReportRecord;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Report ${id} still ${res.body.status} (${res.body.progress} %) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** POST /api/reports, expect 202, wait for the job. */
export async function generate(
  t: TestApp,
  cookie: string,
  body: Record<string, unknown>,
  timeoutMs?: number,
): Promise<ReportRecord> {
  const res = await t.http.post('/api/reports').set('Cookie', cookie).send(body);
  if (res.status !== 202) throw new Error(`POST /api/reports answered ${res.status}: ${JSON.stringify(res.body)}`);
  return waitForReport(t, cookie, res.body.id, timeoutMs);
}

/** The report's file as bytes, with its headers. */
export async function download(
  t: TestApp,
  cookie: string,
  id: number,
): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const res = await t.http
    .get(`/api/reports/${id}/file`)
    .set('Cookie', cookie)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200)
    throw new Error(`GET /api/reports/${id}/file answered ${res.status}: ${res.body?.toString?.()}`);
  return { body: res.body as Buffer, headers: res.headers as Record<string, string> };
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) → rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  return undefined;
}

export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
export const POPPLER = which('pdftotext') && which('pdftoppm');
/** PDF tests run where Chromium and poppler-utils are installed; CI (RABTA_REQUIRE_BROWSER=1) must have both. */
export const CAN_TEST_PDF = !!(CHROMIUM && POPPLER);

export function announcePdfSkip(): void {
  if (CAN_TEST_PDF) return;
  const missing = [!CHROMIUM && 'chromium', !POPPLER && 'poppler-utils'].filter(Boolean).join(' and ');
  const banner = '!'.repeat(78);
  const message = `\n${banner}\n!! SKIPPING the PDF report tests: ${missing} not installed.\n!! Install: apt-get install -y chromium fonts-noto-core poppler-utils (or set CHROMIUM_PATH).\n${banner}\n`;
  if (process.env.RABTA_REQUIRE_BROWSER === '1')
    throw new Error(`RABTA_REQUIRE_BROWSER=1 but ${missing} is missing: the PDF report tests must run here.`);
  process.stderr.write(message);
}

/** pdftotext's text of a PDF, without the bidi control characters it adds around right-to-left runs. */
export function pdfText(pdf: Buffer, name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    '',
  );
}

/** The first page as PNG (pdftoppm), for a person to look at; returns the PNG's path. */
export function firstPagePng(pdf: Buffer, name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, name)]);
  return join(ARTIFACTS, `${name}.png`);
}

export function pdfPages(pdf: Buffer, name: string): number {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** A report CSV: checks the BOM, returns its rows. */
export function readCsv(buf: Buffer): string[][] {
  expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(buf.toString('utf8').slice(1));
}

/** The table that follows the line holding `title` alone: its rows keyed by the header's labels. */
export function csvTable(rows: string[][], title: string): Record<string, string>[] {
  const at = rows.findIndex((r) => r.length === 1 && r[0] === title);
  if (at < 0) throw new Error(`No block titled "${title}" in the CSV`);
  let i = at + 1;
  while (i < rows.length && rows[i].length < 2) {
    if (rows[i].length === 1 && rows[i][0] === '') throw new Error(`The block "${title}" has no table`);
    i++;
  }
  const header = rows[i];
  const out: Record<string, string>[] = [];
  for (i++; i < rows.length && !(rows[i].length === 1 && rows[i][0] === ''); i++)
    out.push(Object.fromEntries(header.map((h, k) => [h, rows[i][k] ?? ''])));
  return out;
}

/** The value of the first `label,value` line with this label. */
export function csvFact(rows: string[][], label: string): string | undefined {
  return rows.find((r) => r.length === 2 && r[0] === label)?.[1];
}

/** A worksheet as rows of plain values (hyperlinks as their text, dates as Date). */
export function sheetRows(ws: import('exceljs').Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[])
      .slice(1)
      .map((v) => (v && typeof v === 'object' && 'text' in (v as object) ? (v as { text: string }).text : v));
    out.push(values);
  });
  return out;
}

/** The table under the row holding `title` (or the sheet's first header row) in a worksheet: rows keyed by header. */
export function sheetTable(ws: import('exceljs').Worksheet, headerFirst: string): Record<string, unknown>[] {
  const rows = sheetRows(ws);
  const at = rows.findIndex((r) => r[0] === headerFirst && r.length > 1);
  if (at < 0) throw new Error(`No table starting with "${headerFirst}" on sheet ${ws.name}`);
  const header = rows[at] as string[];
  const out: Record<string, unknown>[] = [];
  for (let i = at + 1; i < rows.length && rows[i].length > 0 && rows[i].some((v) => v !== null && v !== undefined); i++)
    out.push(Object.fromEntries(header.map((h, k) => [h, rows[i][k] ?? null])));
  return out;
}
