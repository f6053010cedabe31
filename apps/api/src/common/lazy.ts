/* eslint-disable @typescript-eslint/no-require-imports -- loading on first use is the point of this file */
import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import type * as Linkedom from 'linkedom';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as XmlBuilder from 'xmlbuilder2';

// Libraries that only some requests need (spreadsheets, articles' HTML, IATI XML) load on their first use instead
// of at start: together they were a fifth of the modules the server loaded before it could answer, and a second or
// more of every start on a busy machine. Types come from the packages as usual (type-only imports).

function once<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

export const exceljs = once(() => require('exceljs') as typeof ExcelJS);
export const jszip = once(() => require('jszip') as typeof JSZip);
export const linkedom = once(() => require('linkedom') as typeof Linkedom);
export const readability = once(() => require('@mozilla/readability') as typeof ReadabilityModule);
export const xmlbuilder2 = once(() => require('xmlbuilder2') as typeof XmlBuilder);
