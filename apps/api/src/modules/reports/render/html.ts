import type { Locale } from '@rabta/domain';
import type { Cell, Column, Fact, ReportDocument, Section, Table } from '../document';
import { formatDate, formatDateShort, formatMoment, formatNumber, labelsFor } from '../i18n';
import { pdfOnlyStyles, reportStyles } from './styles';

// The report as one self-contained, printable HTML page: no script, no remote resource (a CSP meta tag forbids
// both), system fonts only (Noto from Debian's fonts-noto-core). Every value is escaped. Chromium prints this very
// page to PDF.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Only http(s) links become links; anything else is shown as text. */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

// Table cells are kept lean (a portfolio of 10,000 initiatives is a long document): no wrapper without a purpose,
// short dates; codes are isolated left-to-right only where the text runs right to left.
function cellHtml(language: Locale, c: Cell, inTable = false): string {
  if (c === null || c === '') return '';
  if (typeof c === 'string') return escapeHtml(c);
  switch (c.t) {
    case 'date':
      return escapeHtml(inTable ? formatDateShort(language, c.v) : formatDate(language, c.v));
    case 'number':
      return escapeHtml(formatNumber(language, c.v));
    case 'moment':
      return escapeHtml(formatMoment(language, c.v));
    case 'code':
      return language === 'ur'
        ? `<bdi class="code" dir="ltr">${escapeHtml(c.v)}</bdi>`
        : `<span class="code">${escapeHtml(c.v)}</span>`;
    case 'link': {
      const href = safeUrl(c.v);
      const text = escapeHtml(c.label ?? c.v);
      return href
        ? `<a href="${escapeHtml(href)}">${text}</a>${c.label ? ` <bdi class="url" dir="ltr">${escapeHtml(href)}</bdi>` : ''}`
        : text;
    }
    case 'source': {
      // The publisher is isolated (a Latin name followed by a date would otherwise take the day into its run), in the
      // document's direction: a name in two scripts ("مشرق نامہ (Mashriq Nama)", "ARY News اردو") reads in the
      // order it is written, where its first letter's direction would reverse it.
      const label = `<bdi dir="${language === 'ur' ? 'rtl' : 'ltr'}">${escapeHtml(c.publisher)}</bdi>${language === 'ur' ? '، ' : ', '}${escapeHtml(inTable ? formatDateShort(language, c.date) : formatDate(language, c.date))}`;
      // The label is the link (clickable in the PDF too); the address itself is in the evidence lists.
      const href = c.url ? safeUrl(c.url) : undefined;
      return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    }
    case 'tag':
      return `<span class="tag ${c.tone ?? 'neutral'}">${escapeHtml(c.v)}</span>`;
    case 'list':
      return c.v.length === 1
        ? cellHtml(language, c.v[0], inTable)
        : `<ul>${c.v.map((x) => `<li>${cellHtml(language, x, inTable)}</li>`).join('')}</ul>`;
  }
}

function factsHtml(language: Locale, facts: Fact[], className: string): string {
  return `<dl class="${className}">${facts.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${cellHtml(language, f.value) || '—'}</dd></div>`).join('')}</dl>`;
}

/** The printed cells of a table: columns sharing a `cell` name become one (see Column.cell). */
interface PrintedColumn {
  label: string;
  width: number;
  end: boolean;
  keys: string[];
}

function printedColumns(columns: Column[]): PrintedColumn[] {
  const byCell = new Map<string, PrintedColumn>();
  const out: PrintedColumn[] = [];
  for (const c of columns) {
    const name = c.cell ?? `\u0000${c.key}`;
    const existing = byCell.get(name);
    if (existing) {
      existing.label += ` · ${c.label}`;
      existing.width += c.width ?? 1;
      existing.end &&= c.align === 'end';
      existing.keys.push(c.key);
    } else {
      const printed = { label: c.label, width: c.width ?? 1, end: c.align === 'end', keys: [c.key] };
      byCell.set(name, printed);
      out.push(printed);
    }
  }
  return out;
}

function colgroup(columns: PrintedColumn[]): string {
  const total = columns.reduce((n, c) => n + c.width, 0);
  return `<colgroup>${columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
}

function tableHtml(language: Locale, t: Table): string {
  const title = t.title ? `<h3>${escapeHtml(t.title)}</h3>` : '';
  if (!t.rows.length) return `${title}<p class="empty">${escapeHtml(t.empty)}</p>`;
  const columns = printedColumns(t.columns);
  const head = `<thead><tr>${columns.map((c) => `<th${c.end ? ' class="end"' : ''}>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>`;
  const cell = (r: Record<string, Cell>, keys: string[]) =>
    keys.length === 1
      ? cellHtml(language, r[keys[0]] ?? null, true)
      : keys
          .map((k) => cellHtml(language, r[k] ?? null, true))
          .filter(Boolean)
          .join(' · ');
  const body = t.rows
    .map((r) => `<tr>${columns.map((c) => `<td${c.end ? ' class="end"' : ''}>${cell(r, c.keys)}</td>`).join('')}</tr>`)
    .join('\n');
  return `${title}<table>${colgroup(columns)}${head}<tbody>\n${body}\n</tbody></table>`;
}

function sectionHtml(language: Locale, s: Section): string {
  return [
    `<section id="${escapeHtml(s.id)}">`,
    `<h2>${escapeHtml(s.title)}</h2>`,
    ...(s.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
    s.facts?.length ? factsHtml(language, s.facts, s.id === 'summary' ? 'figures' : 'facts') : '',
    s.sideBySide
      ? `<div class="columns">${s.tables.map((t) => `<div>${tableHtml(language, t)}</div>`).join('')}</div>`
      : s.tables.map((t) => tableHtml(language, t)).join('\n'),
    '</section>',
  ].join('\n');
}

/**
 * `pdf`: the page as Chromium prints it to PDF — the page footer ("Page X of Y") in the page's margin, and no
 * screen layout of the report's body before printing (see pdfOnlyStyles).
 */
export function renderHtml(doc: ReportDocument, options: { pdf?: boolean } = {}): string {
  const l = labelsFor(doc.language);
  return `<!doctype html>
<html lang="${doc.language}" dir="${l.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}${doc.subtitle ? ` — ${escapeHtml(doc.subtitle)}` : ''}</title>
<style>${reportStyles(doc.language)}</style>${options.pdf ? `\n<style>${pdfOnlyStyles(doc.language, doc.footer)}</style>` : ''}
</head>
<body class="${doc.language}">
<header class="cover">
<div class="brand">${escapeHtml(l.appName)}</div>
<h1>${escapeHtml(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : ''}
${factsHtml(doc.language, doc.meta, 'meta')}
</header>
<main>
${doc.sections.map((s) => sectionHtml(doc.language, s)).join('\n')}
</main>
<footer class="colophon"><p>${escapeHtml(l.reproducible)}</p></footer>
</body>
</html>
`;
}
