import type { Locale } from '@rabta/domain';

// One printable layout: A4 landscape (the tables are wide), tables whose header repeats on every printed page and
// whose rows never split, key figures as cards. Urdu: right to left, Noto Naskh Arabic for text (dense tables read
// well in it), Noto Nastaliq Urdu for headings (with the line height Nastaliq needs).

const FONTS: Record<Locale, { text: string; heading: string }> = {
  en: {
    text: "'Noto Sans', 'Noto Naskh Arabic', sans-serif",
    heading: "'Noto Sans', 'Noto Nastaliq Urdu', sans-serif",
  },
  ur: { text: "'Noto Naskh Arabic', 'Noto Sans', serif", heading: "'Noto Nastaliq Urdu', 'Noto Naskh Arabic', serif" },
};

export function reportStyles(language: Locale): string {
  const f = FONTS[language];
  const ur = language === 'ur';
  return `
@page { size: A4 landscape; margin: 12mm 11mm 15mm 11mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${f.text}; font-size: ${ur ? '9.5pt' : '9pt'}; line-height: ${ur ? 1.55 : 1.35}; color: #1b2430; margin: 0; padding: 0 4mm; }
@media screen { body { max-width: 297mm; margin: 0 auto; padding: 8mm; } }
h1, h2, h3, .brand { font-family: ${f.heading}; font-weight: 700; color: #0f2a4a; }
h1 { font-size: ${ur ? '20pt' : '19pt'}; line-height: ${ur ? 2.1 : 1.2}; margin: 0 0 1mm; }
h2 { font-size: ${ur ? '14pt' : '13pt'}; line-height: ${ur ? 2.3 : 1.25}; margin: 6mm 0 2mm; padding-bottom: ${ur ? '2.5mm' : '1mm'}; border-bottom: 0.6mm solid #0f2a4a; break-after: avoid; }
h3 { font-size: ${ur ? '11pt' : '10.5pt'}; line-height: ${ur ? 2.1 : 1.25}; margin: 4mm 0 1.5mm; break-after: avoid; }
.brand { font-size: ${ur ? '12pt' : '10pt'}; letter-spacing: ${ur ? '0' : '0.12em'}; ${ur ? '' : 'text-transform: uppercase;'} color: #4a6a8a; line-height: ${ur ? 2 : 1.2}; }
.cover { border-bottom: 1.2mm solid #0f2a4a; padding-bottom: 3mm; margin-bottom: 2mm; }
.subtitle { font-size: 11pt; margin: 0 0 2mm; color: #34495e; }
p { margin: 1mm 0 2mm; }
/* A heading and the lines under it stay with what follows them. */
section > p, section > dl { break-after: avoid; }
section > h2 + p, section > h2 + dl { break-before: avoid; }
dl { margin: 0; }
dl.meta { display: flex; flex-wrap: wrap; gap: 1mm 6mm; font-size: 8.5pt; color: #34495e; }
dl.meta div { display: flex; gap: 1.5mm; }
dl.meta dt { font-weight: 700; }
dl.meta dt::after, dl.facts dt::after { content: ':'; }
dl.meta dd, dl.facts dd { margin: 0; }
dl.facts { display: grid; grid-template-columns: repeat(2, 1fr); gap: 1mm 8mm; margin: 2mm 0 3mm; }
dl.facts div { display: flex; gap: 2mm; border-bottom: 0.2mm solid #dde3ea; padding: 0.6mm 0; break-inside: avoid; }
dl.facts dt { font-weight: 700; min-width: 38mm; color: #34495e; }
dl.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 2mm; margin: 2mm 0 4mm; }
dl.figures div { border: 0.3mm solid #c9d3de; border-radius: 1.5mm; padding: 1.5mm 2.5mm; background: #f4f7fa; break-inside: avoid; }
dl.figures dt { font-size: 7.5pt; color: #4a6a8a; line-height: ${ur ? 1.6 : 1.2}; }
dl.figures dd { margin: 0.5mm 0 0; font-size: 16pt; font-weight: 700; color: #0f2a4a; line-height: 1.3; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 3mm; font-size: ${ur ? '8pt' : '7.5pt'}; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #0f2a4a; color: #fff; font-weight: 700; text-align: start; padding: 1mm 1.4mm; vertical-align: bottom; }
td { padding: 0.7mm 1.2mm; border-bottom: 0.2mm solid #dde3ea; vertical-align: top; overflow-wrap: break-word; }
tbody tr:nth-child(even) td { background: #f6f8fb; }
th.end, td.end { text-align: end; }
td ul { margin: 0; padding-inline-start: 3.5mm; }
td li { margin: 0; }
.code { font-family: 'Noto Sans', sans-serif; font-size: 0.92em; white-space: nowrap; letter-spacing: -0.01em; }
.url { font-size: 0.85em; color: #4a6a8a; overflow-wrap: anywhere; }
a { color: #1a5296; text-decoration: none; }
.tag { padding: 0 1.6mm; border-radius: 1.2mm; -webkit-box-decoration-break: clone; box-decoration-break: clone; font-size: 0.95em; line-height: ${ur ? 1.6 : 1.45}; }
.tag.good { background: #dcefe0; color: #1d5e2c; }
.tag.warn { background: #fbedc9; color: #7a5200; }
.tag.bad { background: #f7d9d9; color: #8a1c1c; }
.tag.neutral { background: #e6ebf1; color: #2c3e50; }
.empty { color: #6b7c8f; font-style: ${ur ? 'normal' : 'italic'}; }
section { break-inside: auto; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 8mm; align-items: start; }
.colophon { margin-top: 8mm; font-size: 7.5pt; color: #6b7c8f; border-top: 0.2mm solid #c9d3de; padding-top: 1.5mm; }
`;
}

/** A CSS string literal of any text, safe inside a <style> element (no quote, backslash, line break or `<` left). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(6, '0')}`).replace(/[\r\n\f]/g, ' ')}"`;
}

/**
 * Only in the HTML that Chromium prints to PDF.
 * - The page footer (the report's footer line and "Page X of Y" / "صفحہ X از Y") is a CSS page-margin box: Chromium
 *   lays out its own header/footer templates as a small page of their own for every printed page, about a second
 *   for a 700-page report; margin boxes cost next to nothing and read back the same with pdftotext.
 * - The body is not laid out for the screen: the PDF is printed from a page nobody sees, and laying out 15,000
 *   table rows at screen size before printing cost two seconds.
 */
export function pdfOnlyStyles(language: Locale, footer: string): string {
  const ur = language === 'ur';
  const box = `font-family: ${FONTS[language].text}; font-size: 7pt; color: #6b7c8f; vertical-align: middle; direction: ${ur ? 'rtl' : 'ltr'};`;
  const page = ur ? `"صفحہ " counter(page) " از " counter(pages)` : `"Page " counter(page) " of " counter(pages)`;
  // Right to left: the footer line starts at the right, the page number sits at the left.
  const [lineBox, pageBox] = ur ? ['bottom-right', 'bottom-left'] : ['bottom-left', 'bottom-right'];
  return `
@media screen { main { display: none; } }
@page {
  @${lineBox} { content: ${cssString(footer)}; ${box} text-align: ${ur ? 'right' : 'left'}; }
  @${pageBox} { content: ${page}; ${box} text-align: ${ur ? 'left' : 'right'}; white-space: nowrap; }
}
`;
}
