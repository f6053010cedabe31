import { z } from 'zod';
import { DOMAIN_LABELS } from './labels';
import { normalizeText } from './text';
import {
  CONFIDENCES,
  HEALTHS,
  IMPORT_MODES,
  IMPORT_RESOURCES,
  IMPORT_STATUSES,
  INITIATIVE_STAGES,
  MILESTONE_KINDS,
  MILESTONE_STATES,
  ORGANIZATION_KINDS,
  PRIORITIES,
} from './values';

// Spreadsheet import: which resources and modes there are, the columns each resource takes (with the headers
// they are recognised by: English and Urdu labels, the wire field names and the headers of Rabta's own export),
// and the cell readers shared by the API's preview and the admin's import page. Pure: no I/O.

export { IMPORT_MODES, IMPORT_RESOURCES, IMPORT_STATUSES };
export { IMPORT_ERRORS, IMPORT_PROBLEMS, type ImportProblemKey } from './import-problems';
export type ImportResource = (typeof IMPORT_RESOURCES)[number];
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Day-month order of dates written as text; separators `/`, `.` and `-` are all accepted. ISO dates always are. */
export const IMPORT_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type ImportDateFormat = (typeof IMPORT_DATE_FORMATS)[number];

/** A person named in a cell who is not in Rabta: a problem to resolve (`error`), or `create` them, or `skip` the cell. */
export const UNKNOWN_PEOPLE_CHOICES = ['error', 'create', 'skip'] as const;
export type UnknownPeopleChoice = (typeof UNKNOWN_PEOPLE_CHOICES)[number];

export type ImportFieldType =
  | 'text'
  | 'date'
  | 'number'
  | 'enum'
  | 'list'
  | 'sectors'
  | 'countryCodes'
  | 'countryRoles'
  | 'country'
  | 'organizations'
  | 'organization'
  | 'person'
  | 'initiative'
  | 'id'
  | 'idList'
  | 'version';

export interface ImportField {
  /** The field (the wire name where the resource has one). */
  field: string;
  /** Template headers: English, with Urdu below it. */
  en: string;
  ur: string;
  type: ImportFieldType;
  /** Other headers that mean this field. */
  aliases?: readonly string[];
  /** The allowed values of an enum column (wire values; their English and Urdu labels are accepted too). */
  values?: readonly string[];
  /** The label group in DOMAIN_LABELS for the enum's values. */
  labels?: keyof typeof DOMAIN_LABELS.en;
  /** Needed to create a record. */
  required?: boolean;
  /** Left out of the template (ids and versions of the export, alternatives to a human column). */
  exportOnly?: boolean;
  /** Help in the template's header comment. */
  help?: string;
}

const LIST_HELP = 'Several values separated by ;';

const INITIATIVE_FIELDS: readonly ImportField[] = [
  { field: 'code', en: 'Code', ur: 'کوڈ', type: 'text', required: true, aliases: ['initiative code', 'ref'] },
  {
    field: 'titleEn',
    en: 'Title (English)',
    ur: 'عنوان (انگریزی)',
    type: 'text',
    required: true,
    aliases: ['title', 'title en', 'english title', 'name', 'initiative'],
  },
  {
    field: 'titleUr',
    en: 'Title (Urdu)',
    ur: 'عنوان (اردو)',
    type: 'text',
    aliases: ['title ur', 'urdu title', 'عنوان'],
  },
  {
    field: 'summaryEn',
    en: 'Summary (English)',
    ur: 'خلاصہ (انگریزی)',
    type: 'text',
    aliases: ['summary', 'description', 'summary en'],
  },
  { field: 'summaryUr', en: 'Summary (Urdu)', ur: 'خلاصہ (اردو)', type: 'text', aliases: ['summary ur', 'خلاصہ'] },
  {
    field: 'stage',
    en: 'Stage',
    ur: 'مرحلہ',
    type: 'enum',
    values: INITIATIVE_STAGES,
    labels: 'stage',
    aliases: ['status', 'lifecycle'],
    help: 'The stage a new initiative starts at; later changes go through status updates with evidence',
  },
  {
    field: 'health',
    en: 'Health',
    ur: 'کیفیت',
    type: 'enum',
    values: HEALTHS,
    labels: 'health',
    aliases: ['rag'],
    help: 'The health a new initiative starts at; later changes go through status updates',
  },
  {
    field: 'healthConfidence',
    en: 'Confidence',
    ur: 'اعتماد',
    type: 'enum',
    values: CONFIDENCES,
    labels: 'confidence',
  },
  { field: 'priority', en: 'Priority', ur: 'ترجیح', type: 'enum', values: PRIORITIES, labels: 'priority' },
  {
    field: 'sectors',
    en: 'Sectors',
    ur: 'شعبے',
    type: 'sectors',
    required: true,
    aliases: ['sector'],
    help: `Sector codes or names. ${LIST_HELP}`,
  },
  {
    field: 'countryCodes',
    en: 'Countries',
    ur: 'ممالک',
    type: 'countryCodes',
    required: true,
    aliases: ['country', 'country codes', 'countries iso'],
    help: `ISO 3166 codes such as PK, RU, UZ. ${LIST_HELP}`,
  },
  {
    field: 'countries',
    en: 'Countries and roles',
    ur: 'ممالک اور ان کا کردار',
    type: 'countryRoles',
    exportOnly: true,
    help: 'PK:host; RU:partner',
  },
  { field: 'locationEn', en: 'Location (English)', ur: 'مقام (انگریزی)', type: 'text', aliases: ['location', 'place'] },
  { field: 'locationUr', en: 'Location (Urdu)', ur: 'مقام (اردو)', type: 'text', aliases: ['مقام'] },
  { field: 'startDate', en: 'Start date', ur: 'تاریخِ آغاز', type: 'date', aliases: ['start', 'started'] },
  {
    field: 'targetDate',
    en: 'Target date',
    ur: 'ہدف کی تاریخ',
    type: 'date',
    aliases: ['target', 'end date', 'deadline', 'completion date'],
  },
  {
    field: 'estimatedValue',
    en: 'Estimated value',
    ur: 'تخمینی مالیت',
    type: 'number',
    aliases: ['value', 'amount', 'cost', 'budget'],
  },
  { field: 'currency', en: 'Currency', ur: 'کرنسی', type: 'text', help: 'ISO 4217 code such as USD' },
  { field: 'tags', en: 'Tags', ur: 'ٹیگ', type: 'list', aliases: ['tag', 'keywords'], help: LIST_HELP },
  {
    field: 'leadOrganizations',
    en: 'Lead organisations',
    ur: 'مرکزی ادارے',
    type: 'organizations',
    aliases: [
      'lead organizations',
      'lead organisation',
      'lead organization',
      'leads',
      'organisations',
      'organizations',
    ],
    help: `Names or acronyms of organisations in Rabta. ${LIST_HELP}`,
  },
  {
    field: 'focalPerson',
    en: 'Focal person',
    ur: 'فوکل پرسن',
    type: 'person',
    aliases: ['focal point', 'contact person'],
    help: 'A person in Rabta, by name',
  },
  { field: 'sectorIds', en: 'Sector ids', ur: 'شعبوں کی شناخت', type: 'idList', exportOnly: true },
  {
    field: 'leadOrganizationIds',
    en: 'Lead organisation ids',
    ur: 'مرکزی اداروں کی شناخت',
    type: 'idList',
    exportOnly: true,
  },
  { field: 'focalPersonId', en: 'Focal person id', ur: 'فوکل پرسن کی شناخت', type: 'id', exportOnly: true },
  { field: 'version', en: 'Version', ur: 'ورژن', type: 'version', exportOnly: true },
];

const MILESTONE_FIELDS: readonly ImportField[] = [
  { field: 'id', en: 'Id', ur: 'شناخت', type: 'id', exportOnly: true, aliases: ['milestone id'] },
  {
    field: 'initiative',
    en: 'Initiative code',
    ur: 'اقدام کا کوڈ',
    type: 'initiative',
    required: true,
    aliases: ['initiative', 'code', 'اقدام'],
  },
  { field: 'initiativeId', en: 'Initiative id', ur: 'اقدام کی شناخت', type: 'id', exportOnly: true },
  {
    field: 'titleEn',
    en: 'Title (English)',
    ur: 'عنوان (انگریزی)',
    type: 'text',
    required: true,
    aliases: ['title', 'milestone', 'name'],
  },
  { field: 'titleUr', en: 'Title (Urdu)', ur: 'عنوان (اردو)', type: 'text', aliases: ['عنوان'] },
  {
    field: 'kind',
    en: 'Kind',
    ur: 'قسم',
    type: 'enum',
    values: MILESTONE_KINDS,
    labels: 'milestone_kind',
    aliases: ['type'],
  },
  {
    field: 'plannedDate',
    en: 'Planned date',
    ur: 'طے شدہ تاریخ',
    type: 'date',
    aliases: ['planned', 'due date', 'date'],
    help: 'Recorded in the announced-vs-delivered ledger with this file as its source',
  },
  { field: 'actualDate', en: 'Actual date', ur: 'اصل تاریخ', type: 'date', aliases: ['actual', 'achieved on'] },
  {
    field: 'state',
    en: 'State',
    ur: 'حالت',
    type: 'enum',
    values: MILESTONE_STATES,
    labels: 'milestone_state',
    aliases: ['status'],
  },
  {
    field: 'ownerOrganization',
    en: 'Responsible organisation',
    ur: 'ذمہ دار ادارہ',
    type: 'organization',
    aliases: ['owner organisation', 'owner organization', 'responsible organization', 'organisation', 'organization'],
  },
  {
    field: 'ownerOrganizationId',
    en: 'Owner organisation id',
    ur: 'ذمہ دار ادارے کی شناخت',
    type: 'id',
    exportOnly: true,
  },
  {
    field: 'ownerPerson',
    en: 'Responsible person',
    ur: 'ذمہ دار شخص',
    type: 'person',
    aliases: ['owner', 'owner person', 'responsible'],
  },
  { field: 'ownerPersonId', en: 'Owner person id', ur: 'ذمہ دار شخص کی شناخت', type: 'id', exportOnly: true },
  {
    field: 'announcedOn',
    en: 'Date announced',
    ur: 'تاریخِ اعلان',
    type: 'date',
    aliases: ['announced on', 'announced'],
    help: 'When the planned date was announced (default: the day of the import)',
  },
  { field: 'version', en: 'Version', ur: 'ورژن', type: 'version', exportOnly: true },
];

const PERSON_FIELDS: readonly ImportField[] = [
  { field: 'id', en: 'Id', ur: 'شناخت', type: 'id', exportOnly: true },
  {
    field: 'nameEn',
    en: 'Name (English)',
    ur: 'نام (انگریزی)',
    type: 'text',
    required: true,
    aliases: ['name', 'full name', 'person'],
  },
  { field: 'nameUr', en: 'Name (Urdu)', ur: 'نام (اردو)', type: 'text', aliases: ['نام'] },
  { field: 'nameRu', en: 'Name (Russian)', ur: 'نام (روسی)', type: 'text' },
  {
    field: 'aliases',
    en: 'Other spellings',
    ur: 'نام کے دیگر املا',
    type: 'list',
    aliases: ['alias', 'also known as', 'aka'],
    help: LIST_HELP,
  },
  { field: 'countryCode', en: 'Country', ur: 'ملک', type: 'country', aliases: ['country code', 'nationality'] },
  { field: 'version', en: 'Version', ur: 'ورژن', type: 'version', exportOnly: true },
];

const ORGANIZATION_FIELDS: readonly ImportField[] = [
  { field: 'id', en: 'Id', ur: 'شناخت', type: 'id', exportOnly: true },
  {
    field: 'nameEn',
    en: 'Name (English)',
    ur: 'نام (انگریزی)',
    type: 'text',
    required: true,
    aliases: ['name', 'organisation', 'organization'],
  },
  { field: 'nameUr', en: 'Name (Urdu)', ur: 'نام (اردو)', type: 'text', aliases: ['نام'] },
  { field: 'nameRu', en: 'Name (Russian)', ur: 'نام (روسی)', type: 'text' },
  { field: 'acronym', en: 'Acronym', ur: 'مخفف', type: 'text', aliases: ['abbreviation', 'short name'] },
  {
    field: 'kind',
    en: 'Kind',
    ur: 'قسم',
    type: 'enum',
    values: ORGANIZATION_KINDS,
    labels: 'organization_kind',
    required: true,
    aliases: ['type'],
  },
  { field: 'countryCode', en: 'Country', ur: 'ملک', type: 'country', aliases: ['country code'] },
  {
    field: 'parent',
    en: 'Parent organisation',
    ur: 'بالائی ادارہ',
    type: 'organization',
    aliases: ['parent', 'parent organization', 'part of'],
  },
  { field: 'parentId', en: 'Parent id', ur: 'بالائی ادارے کی شناخت', type: 'id', exportOnly: true },
  { field: 'version', en: 'Version', ur: 'ورژن', type: 'version', exportOnly: true },
];

export const IMPORT_FIELDS: Record<ImportResource, readonly ImportField[]> = {
  initiatives: INITIATIVE_FIELDS,
  milestones: MILESTONE_FIELDS,
  people: PERSON_FIELDS,
  organizations: ORGANIZATION_FIELDS,
};

/** Columns of Rabta's own export that are computed or kept by Rabta: recognised, and never imported. */
export const IMPORT_READ_ONLY_COLUMNS: Record<ImportResource, readonly string[]> = {
  initiatives: [
    'id',
    'archivedAt',
    'createdById',
    'createdAt',
    'updatedAt',
    'iatiStatus',
    'lastEvidenceAt',
    'stale',
    'allowedNextStages',
  ],
  milestones: ['createdAt', 'updatedAt', 'originalPlannedDate', 'slippageDays', 'reannouncements', 'overdue'],
  people: ['createdAt', 'updatedAt', 'currentTitleEn', 'currentTitleUr'],
  organizations: ['createdAt', 'updatedAt'],
};

/** How headers and names compare: folded (Urdu letter forms, case, punctuation) and without spaces. */
export function compactKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

/** The field a header means, or null (an unknown or read-only column, left out). */
export function fieldForHeader(resource: ImportResource, header: string): string | null {
  const key = compactKey(header);
  if (!key) return null;
  const fields = IMPORT_FIELDS[resource];
  // The exact names first (wire names and labels), then the looser aliases.
  const exact = fields.find((f) => [f.field, f.en, f.ur].some((h) => compactKey(h) === key));
  if (exact) return exact.field;
  if (IMPORT_READ_ONLY_COLUMNS[resource].some((c) => compactKey(c) === key)) return null;
  const alias = fields.find((f) => (f.aliases ?? []).some((h) => compactKey(h) === key));
  return alias ? alias.field : null;
}

/** Header → field for every column, each field taken by the first column that claims it. */
export function autoMapping(resource: ImportResource, headers: readonly string[]): Record<string, string | null> {
  const taken = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const header of headers) {
    const field = fieldForHeader(resource, header);
    mapping[header] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  return mapping;
}

/** Whether a row holds the Urdu header line of a template (every non-empty cell is the Urdu label of its field). */
export function isUrduHeaderRow(
  resource: ImportResource,
  headers: readonly string[],
  mapping: Record<string, string | null>,
  cells: readonly string[],
): boolean {
  let seen = 0;
  for (let i = 0; i < headers.length; i++) {
    const cell = (cells[i] ?? '').trim();
    if (!cell) continue;
    const field = IMPORT_FIELDS[resource].find((f) => f.field === mapping[headers[i]]);
    if (!field || compactKey(field.ur) !== compactKey(cell)) return false;
    seen++;
  }
  return seen > 0;
}

/** The values of a multi-value cell: separated by `;` (or the Arabic semicolon ؛, or line breaks). */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;\u061B\r\n]+/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** Per enum field: every accepted spelling (wire value, English and Urdu label), folded, → the wire value. */
const enumSpellings = new WeakMap<ImportField, Map<string, string>>();

/** An enum cell: the wire value, or its English or Urdu label. */
export function enumValue(field: ImportField, cell: string): string | undefined {
  let spellings = enumSpellings.get(field);
  if (!spellings) {
    spellings = new Map();
    const labels = field.labels
      ? [
          DOMAIN_LABELS.en[field.labels] as Record<string, string>,
          DOMAIN_LABELS.ur[field.labels] as Record<string, string>,
        ]
      : [];
    // The wire values first, so that a label spelled like another value's wire name cannot take it.
    for (const v of [...(field.values ?? [])].reverse())
      for (const l of labels) if (l[v] !== undefined) spellings.set(compactKey(l[v]), v);
    for (const v of field.values ?? []) spellings.set(compactKey(v), v);
    enumSpellings.set(field, spellings);
  }
  return spellings.get(compactKey(cell));
}

// ------------------------------------------------------------------------------------------------ dates

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DateReading =
  | { date: string }
  | { error: string }
  /** Day and month could each be either (05/06/2025): the file's date format decides. */
  | { ambiguous: { first: number; second: number; year: number } };

function isoOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y));

/**
 * Reads a date written as text: ISO (`2025-05-13`, also with a time), day-month-year or month-day-year with `/`,
 * `.` or `-` (two-digit years are 19xx from 70, else 20xx), or with an English month name (`13 May 2025`,
 * `May 13, 2025`). Urdu digits are read as digits. Without a format, a date whose day and month could be swapped is
 * `ambiguous`.
 */
export function readDate(text: string, format?: ImportDateFormat): DateReading {
  const t = normalizeText(text.replace(/[,]/g, ' ')).replace(/\s+/g, ' ');
  const raw = text.trim();
  const bad = { error: `"${raw}" is not a date${format ? ` in ${format}` : ''}` };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}.*)?$/i.exec(raw) ?? /^(\d{4}) (\d{1,2}) (\d{1,2})$/.exec(t);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { date: iso } : bad;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(
    raw.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)),
  );
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]);
    if (format === 'DD/MM/YYYY') return isoOf(year, b, a) ? { date: isoOf(year, b, a)! } : bad;
    if (format === 'MM/DD/YYYY') return isoOf(year, a, b) ? { date: isoOf(year, a, b)! } : bad;
    if (a > 12 && b <= 12) return isoOf(year, b, a) ? { date: isoOf(year, b, a)! } : bad;
    if (b > 12 && a <= 12) return isoOf(year, a, b) ? { date: isoOf(year, a, b)! } : bad;
    if (a === b) return isoOf(year, a, b) ? { date: isoOf(year, a, b)! } : bad;
    if (a > 12 && b > 12) return bad;
    return { ambiguous: { first: a, second: b, year } };
  }
  // 13 May 2025, May 13 2025
  m = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(t) ?? null;
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3)) + 1;
    const iso = month ? isoOf(Number(m[3]), month, Number(m[1])) : undefined;
    return iso ? { date: iso } : bad;
  }
  m = /^([a-z]+) (\d{1,2}) (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[1].slice(0, 3)) + 1;
    const iso = month ? isoOf(Number(m[3]), month, Number(m[2])) : undefined;
    return iso ? { date: iso } : bad;
  }
  return bad;
}

/** The order that the unambiguous dates of a file show (13/05/2025 is day first), or undefined when they show none or both. */
export function inferDateFormat(readings: readonly string[]): ImportDateFormat | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const text of readings) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text.trim());
    if (!m) continue;
    if (Number(m[1]) > 12 && Number(m[2]) <= 12) dayFirst = true;
    if (Number(m[2]) > 12 && Number(m[1]) <= 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return undefined;
  return dayFirst ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
}

/** A number written as text: `1500000`, `1,500,000`, `1 500 000`, `1.5e6`; a decimal comma when it cannot be a thousands separator. */
export function readNumber(text: string): number | undefined {
  let t = text.trim().replace(/[\s\u00A0\u202F_]/g, '');
  t = t.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

// ------------------------------------------------------------------------------------------------ the API's shapes

/** The form fields of POST /api/imports besides the file. */
export const ImportRequestSchema = z.strictObject({
  /** The wire name is `organizations`; the British spelling `organisations` is read as the same resource. */
  resource: z.preprocess((v) => (v === 'organisations' ? 'organizations' : v), z.enum(IMPORT_RESOURCES)),
  mode: z.enum(IMPORT_MODES),
  /** Column header → field (null leaves the column out); columns not named keep their automatic mapping. */
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      try {
        const parsed: unknown = JSON.parse(v);
        const result = z.record(z.string().max(300), z.string().max(60).nullable()).safeParse(parsed);
        if (result.success) return result.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'Must be a JSON object of column header → field (or null)' });
      return z.NEVER;
    }),
  dateFormat: z.enum(IMPORT_DATE_FORMATS).optional(),
  /** The sheet to read (default: the first with data). */
  sheet: z.string().max(200).optional(),
  unknownPeople: z.enum(UNKNOWN_PEOPLE_CHOICES).optional(),
});
export type ImportRequest = z.output<typeof ImportRequestSchema>;

export const ImportProblemSchema = z.object({
  /** The 1-based data row (the first row under the header(s) is 1). */
  row: z.number(),
  /** The row's number in the sheet as Excel shows it. */
  line: z.number().optional(),
  /** The column header in the file (or the field, for a problem of the whole row). */
  column: z.string(),
  /** In English; `key` and `params` say the same for a client to translate (IMPORT_PROBLEMS). */
  message: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** A likely meant value (unknown sectors, countries and people). */
  suggestion: z.string().optional(),
  /** `conflict`: the record was changed in Rabta since the file was exported. */
  kind: z.enum(['error', 'conflict']).optional(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const IMPORT_ROW_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;
export type ImportRowAction = (typeof IMPORT_ROW_ACTIONS)[number];

export const ImportPreviewSchema = z.object({
  id: z.number(),
  status: z.enum(IMPORT_STATUSES),
  resource: z.enum(IMPORT_RESOURCES),
  mode: z.enum(IMPORT_MODES),
  fileName: z.string(),
  /** The sheets of the file and the one read. */
  sheets: z.array(z.string()),
  sheet: z.string(),
  /** The column headers of the file, in order. */
  columns: z.array(z.string()),
  /** Column header → field (null: left out). */
  mapping: z.record(z.string(), z.string().nullable()),
  /** The date format used for dates written as text (given, or read from the file's unambiguous dates). */
  dateFormat: z.enum(IMPORT_DATE_FORMATS).nullable(),
  unknownPeople: z.enum(UNKNOWN_PEOPLE_CHOICES),
  rows: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), error: z.number() }),
  /** What each data row would do (row 1 first), and the record it would change. */
  outcomes: z.array(
    z.object({
      row: z.number(),
      action: z.enum(IMPORT_ROW_ACTIONS),
      id: z.number().nullable(),
      /** The record's code, title or name (as the file has it), for a reader to recognise the row. */
      label: z.string().nullable().optional(),
    }),
  ),
  errors: z.array(ImportProblemSchema),
  /** People named in the file who are not in Rabta, created on commit when unknownPeople is `create`. */
  newPeople: z.array(z.string()),
  /** Said about the file as a whole, e.g. that it was not UTF-8 (keyed as the problems are). */
  warnings: z.array(
    z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), message: z.string() }),
  ),
  created: z.number().nullable(),
  updated: z.number().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  createdById: z.number().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportCommitResultSchema = z.object({ created: z.number(), updated: z.number() });
export type ImportCommitResult = z.infer<typeof ImportCommitResultSchema>;
