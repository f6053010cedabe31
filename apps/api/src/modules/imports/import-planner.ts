import type { Prisma } from '@rabta/db';
import {
  autoMapping,
  canAssignSectors,
  canEditSectors,
  compactKey,
  CreateInitiativeSchema,
  CreateMilestoneSchema,
  CreateOrganizationSchema,
  CreatePersonSchema,
  enumValue,
  IMPORT_FIELDS,
  IMPORT_PROBLEMS,
  inferDateFormat,
  isUrduHeaderRow,
  readDate,
  readNumber,
  splitList,
  UpdateInitiativeSchema,
  UpdateMilestoneSchema,
  UpdateOrganizationSchema,
  UpdatePersonSchema,
  type ImportDateFormat,
  keyOfIssue,
  type KeyedMessage,
  type ImportField,
  type ImportMode,
  type ImportProblem,
  type ImportResource,
  type ImportRowAction,
  type UnknownPeopleChoice,
} from '@rabta/domain';
import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { importError } from './import-errors';
import { isoDate } from '../../common/resource/wire';
import type { Cell, SheetData } from './spreadsheet';

// The preview of an import, and the plan its commit carries out: each data row read through the column mapping,
// its references resolved (sectors, countries, organisations, people, initiatives), validated by the same zod
// schemas as the API's create and update, checked against the user's sector scope, compared with the record it
// would change, and every problem reported by row and column. It only reads.

type Db = Prisma.TransactionClient;

export interface PlanOptions {
  resource: ImportResource;
  mode: ImportMode;
  mapping?: Record<string, string | null>;
  dateFormat?: ImportDateFormat;
  unknownPeople: UnknownPeopleChoice;
}

export interface PlannedRow {
  row: number;
  line: number;
  action: ImportRowAction;
  /** The record an update changes (or that is unchanged). */
  id: number | null;
  version: number | null;
  /** Validated input for the service: a create's whole input, or an update's changed fields. */
  input?: Record<string, unknown>;
  /** People to create first (unknownPeople: create): import field → name as written. */
  newPeople?: Record<string, string>;
  /** Milestones: when the planned date was announced (default: the day of the commit). */
  announcedOn?: string;
  /** What names the row's record to a reader: its code, title or name as the file (or Rabta) has it. */
  label?: string;
}

export interface Plan {
  columns: string[];
  mapping: Record<string, string | null>;
  dateFormat: ImportDateFormat | null;
  rows: PlannedRow[];
  errors: ImportProblem[];
  newPeople: string[];
}

interface Named {
  id: number;
  keys: string[];
  label: string;
}

/** Names → records, folded for comparison; several records may share a name. */
class NameIndex {
  private readonly byKey = new Map<string, Named[]>();
  private readonly labels: string[] = [];
  constructor(items: Named[]) {
    for (const item of items) {
      this.labels.push(item.label);
      for (const key of new Set(item.keys.filter(Boolean).map(compactKey))) {
        if (!key) continue;
        const list = this.byKey.get(key) ?? [];
        list.push(item);
        this.byKey.set(key, list);
      }
    }
  }
  find(text: string): Named[] {
    return this.byKey.get(compactKey(text)) ?? [];
  }
  suggest(text: string): string | undefined {
    if (!this.labels.length) return undefined;
    const best = closest(compactKey(text), this.labels.map(compactKey));
    const index = this.labels.map(compactKey).indexOf(best);
    return index >= 0 ? this.labels[index] : undefined;
  }
}

const CREATE_SCHEMAS: Record<ImportResource, z.ZodType> = {
  initiatives: CreateInitiativeSchema,
  milestones: CreateMilestoneSchema,
  people: CreatePersonSchema,
  organizations: CreateOrganizationSchema,
};
const UPDATE_SCHEMAS: Record<ImportResource, z.ZodType> = {
  initiatives: UpdateInitiativeSchema,
  milestones: UpdateMilestoneSchema,
  people: UpdatePersonSchema,
  organizations: UpdateOrganizationSchema,
};

/** Input fields that other import fields fill (sector names → sectorIds …), for naming the column of a problem. */
const SOURCES_OF: Record<string, string[]> = {
  sectorIds: ['sectors', 'sectorIds'],
  leadOrganizationIds: ['leadOrganizations', 'leadOrganizationIds'],
  focalPersonId: ['focalPerson', 'focalPersonId'],
  countryCodes: ['countryCodes', 'countries'],
  countries: ['countries', 'countryCodes'],
  initiativeId: ['initiative', 'initiativeId'],
  ownerOrganizationId: ['ownerOrganization', 'ownerOrganizationId'],
  ownerPersonId: ['ownerPerson', 'ownerPersonId'],
  parentId: ['parent', 'parentId'],
  announcement: ['announcedOn', 'plannedDate'],
};

/** A record as it is now, in the shape of the import's input fields. */
type Existing = Record<string, unknown> & { id: number; version: number; sectorIds?: number[] };

const sortedNumbers = (v: unknown) => (Array.isArray(v) ? [...(v as number[])].sort((a, b) => a - b) : v);

/** Whether an input value would change the current one. */
function differs(field: string, next: unknown, current: unknown): boolean {
  if (field === 'countries') {
    const norm = (v: unknown) =>
      JSON.stringify(
        [...((v as { code: string; role: string }[] | undefined) ?? [])].sort((a, b) => a.code.localeCompare(b.code)),
      );
    return norm(next) !== norm(current);
  }
  if (field === 'countryCodes' || field === 'tags' || field === 'aliases') {
    const norm = (v: unknown) => JSON.stringify([...((v as string[] | null | undefined) ?? [])].sort());
    return norm(next) !== norm(current);
  }
  const a = sortedNumbers(next) ?? null;
  const b = sortedNumbers(current) ?? null;
  return JSON.stringify(a === '' ? null : a) !== JSON.stringify(b === '' ? null : b);
}

function headersOf(cells: Cell[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    let h = cellText(c).trim() || `Column ${i + 1}`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    if (n > 1) h = `${h} (${n})`;
    return h;
  });
}

export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') return c.date;
  if (typeof c === 'number') return String(c);
  return String(c);
}

/** Excel stores dates as days since 1899-12-30; a number in a date column is read as one. */
function excelSerialDate(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 2_958_465) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

export class ImportPlanner {
  /** Folded codes, titles and names, each folded once (a row's code is looked up several times). */
  private readonly folded = new Map<string, string>();
  private key(text: string): string {
    let k = this.folded.get(text);
    if (k === undefined) {
      k = compactKey(text);
      this.folded.set(text, k);
    }
    return k;
  }
  private sectors!: NameIndex;
  private sectorCodes = new Map<number, string>();
  private countries!: Map<string, { code: string }>;
  private countryNames!: NameIndex;
  private organizations!: NameIndex;
  private people!: NameIndex;
  private peopleIds = new Set<number>();
  private organizationIds = new Set<number>();
  private sectorIdSet = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly user: AuthUser,
    private readonly options: PlanOptions,
  ) {}

  async plan(sheet: SheetData): Promise<Plan> {
    const { resource } = this.options;
    const fields = IMPORT_FIELDS[resource];
    if (sheet.rows.length === 0) throw importError('UNPROCESSABLE', 'sheet_empty', {}, { file: 'Empty' });
    const columns = headersOf(sheet.rows[0].cells);
    const mapping = this.mappingFor(columns);
    const mapped = columns
      .map((header, index) => ({ header, index, field: fields.find((f) => f.field === mapping[header]) }))
      .filter((c): c is { header: string; index: number; field: ImportField } => !!c.field);
    let data = sheet.rows.slice(1);
    // A template's second header line (the Urdu labels) is not data.
    if (data[0] && isUrduHeaderRow(resource, columns, mapping, data[0].cells.map(cellText))) data = data.slice(1);
    if (data.length === 0) throw importError('UNPROCESSABLE', 'no_data_rows', {}, { file: 'No data rows' });
    const errors: ImportProblem[] = [];
    const headerOf = (field: string): string => {
      for (const f of SOURCES_OF[field] ?? [field]) {
        const c = mapped.find((m) => m.field.field === f);
        if (c) return c.header;
      }
      return field;
    };
    for (const f of fields.filter((x) => x.required && this.options.mode !== 'update')) {
      const alternatives = SOURCES_OF[f.field] ?? Object.entries(SOURCES_OF).find(([, v]) => v.includes(f.field))?.[1];
      if (!mapped.some((m) => m.field.field === f.field || alternatives?.includes(m.field.field)))
        errors.push({ row: 0, column: f.en, ...P('required_column', { label: f.en, field: f.field }) });
    }

    // Dates written as text: the given order, or the one the file's unambiguous dates show.
    const dateTexts = mapped
      .filter((m) => m.field.type === 'date')
      .flatMap((m) => data.map((r) => r.cells[m.index]).filter((c): c is string => typeof c === 'string'));
    const dateFormat = this.options.dateFormat ?? inferDateFormat(dateTexts) ?? null;

    await this.loadReferences();
    const unsaved = new Set(sheet.unsavedFormulas.map((f) => `${f.line}:${f.column}`));
    const parsed = data.map((r, i) => this.parseRow(i + 1, r.line, r.cells, mapped, dateFormat, errors, unsaved));
    await this.loadExisting(parsed);
    const rows: PlannedRow[] = [];
    const keys = new Map<string, number>();
    const newPeople = new Set<string>();
    const errorRows = new Set(errors.map((e) => e.row));
    for (const p of parsed) {
      const problem: RowProblem = (column, message, extra = {}) => {
        errors.push({ row: p.row, line: p.line, column, ...message, ...extra });
        errorRows.add(p.row);
      };
      if (
        this.options.resource === 'milestones' &&
        (p.values.initiative || p.values.initiativeId) &&
        !this.initiativeOf(p.values)
      ) {
        problem(
          headerOf('initiativeId'),
          P('no_initiative', { code: String(p.values.initiative ?? p.values.initiativeId) }),
        );
        p.values.initiative = undefined;
        p.values.initiativeId = undefined;
      }
      const target = this.targetOf(p.values);
      // The same record twice in one file.
      const key = this.keyOf(p.values, target);
      if (key) {
        const first = keys.get(key.value);
        if (first !== undefined) problem(headerOf(key.field), P('duplicate', { value: key.label, first }));
        else keys.set(key.value, p.row);
      }
      let action: ImportRowAction;
      const { mode } = this.options;
      if (target && mode === 'create') {
        problem(headerOf(key?.field ?? 'id'), P('exists', { value: key?.label ?? String(target.id) }));
        action = 'error';
      } else if (!target && mode === 'update') {
        problem(headerOf(key?.field ?? 'id'), key ? P('not_found', { value: key.label }) : P('no_key'));
        action = 'error';
      } else action = target ? 'update' : 'create';

      let input: Record<string, unknown> | undefined;
      if (action === 'create') input = this.validate('create', p, headerOf, problem);
      if (action === 'update' && target) {
        // Conflict: changed in Rabta since the file was exported.
        const fileVersion = p.values.version as number | undefined;
        if (fileVersion !== undefined && fileVersion !== target.version)
          problem(headerOf('version'), P('conflict', { fileVersion, version: target.version }), { kind: 'conflict' });
        const patch = this.patchOf(p.values, target, headerOf, problem);
        input = Object.keys(patch).length ? this.validate('update', { ...p, values: patch }, headerOf, problem) : {};
      }
      this.checkScope(p, action, input, target, headerOf, problem);
      if (errorRows.has(p.row)) action = 'error';
      else if (action === 'update' && input && Object.keys(input).length === 0 && !p.newPeople) action = 'unchanged';
      if (p.newPeople) for (const name of Object.values(p.newPeople)) newPeople.add(name);
      rows.push({
        row: p.row,
        line: p.line,
        action,
        id: target?.id ?? null,
        version: target?.version ?? null,
        input: action === 'create' || action === 'update' ? input : undefined,
        newPeople: action === 'error' ? undefined : p.newPeople,
        announcedOn: typeof p.values.announcedOn === 'string' ? p.values.announcedOn : undefined,
        label: labelOf(p.values, target),
      });
    }
    errors.sort((a, b) => a.row - b.row);
    return { columns, mapping, dateFormat, rows, errors, newPeople: [...newPeople] };
  }

  /** The automatic mapping, with the user's choices on top (each must name a column of the file and a field). */
  private mappingFor(columns: string[]): Record<string, string | null> {
    const fields = IMPORT_FIELDS[this.options.resource];
    const auto = autoMapping(this.options.resource, columns);
    const given = this.options.mapping ?? {};
    const problems: Record<string, string> = {};
    for (const [header, field] of Object.entries(given)) {
      if (!columns.includes(header)) problems[`mapping.${header}`] = `The file has no column "${header}"`;
      else if (field !== null && !fields.some((f) => f.field === field))
        problems[`mapping.${header}`] = `Not a field of ${this.options.resource}: ${field}`;
    }
    if (Object.keys(problems).length)
      throw new AppException('VALIDATION_FAILED', 'The mapping names columns or fields that do not exist', problems);
    const mapping: Record<string, string | null> = {};
    const taken = new Map<string, string>();
    for (const header of columns) {
      const field = header in given ? given[header] : auto[header];
      // A field chosen for one column is taken from the column that had it automatically.
      mapping[header] = field ?? null;
      if (field) {
        const previous = taken.get(field);
        if (previous !== undefined) {
          if (previous in given && !(header in given)) mapping[header] = null;
          else if (header in given && !(previous in given)) mapping[previous] = null;
          else
            throw importError(
              'VALIDATION_FAILED',
              'mapped_twice',
              { field, first: previous, second: header },
              { [`mapping.${header}`]: `Also mapped to ${field}` },
            );
        }
        taken.set(field, header);
      }
    }
    return mapping;
  }

  private async loadReferences(): Promise<void> {
    const [sectors, countries, organizations, people] = await Promise.all([
      this.db.sector.findMany({ select: { id: true, code: true, nameEn: true, nameUr: true } }),
      this.db.country.findMany({ select: { code: true, nameEn: true, nameUr: true } }),
      this.db.organization.findMany({ select: { id: true, nameEn: true, nameUr: true, acronym: true } }),
      this.db.person.findMany({ select: { id: true, nameEn: true, nameUr: true, aliases: true } }),
    ]);
    for (const s of sectors) {
      this.sectorCodes.set(s.id, s.code);
      this.sectorIdSet.add(s.id);
    }
    this.sectors = new NameIndex(
      sectors.map((s) => ({ id: s.id, keys: [s.code, s.nameEn, s.nameUr], label: s.nameEn })),
    );
    this.countries = new Map(countries.map((c) => [c.code, c]));
    this.countryNames = new NameIndex(
      countries.map((c, i) => ({ id: i, keys: [c.nameEn, c.nameUr, c.code], label: `${c.code} (${c.nameEn})` })),
    );
    this.organizations = new NameIndex(
      organizations.map((o) => ({ id: o.id, keys: [o.nameEn, o.nameUr ?? '', o.acronym ?? ''], label: o.nameEn })),
    );
    for (const o of organizations) this.organizationIds.add(o.id);
    this.people = new NameIndex(
      people.map((p) => ({ id: p.id, keys: [p.nameEn, p.nameUr ?? '', ...p.aliases], label: p.nameEn })),
    );
    for (const p of people) this.peopleIds.add(p.id);
  }

  /** One data row: each mapped cell read as its field's type; problems named by row and column. */
  private parseRow(
    row: number,
    line: number,
    cells: Cell[],
    mapped: { header: string; index: number; field: ImportField }[],
    dateFormat: ImportDateFormat | null,
    errors: ImportProblem[],
    unsaved: Set<string>,
  ): ParsedRow {
    const values: Record<string, unknown> = {};
    const newPeople: Record<string, string> = {};
    const present = new Set<string>();
    for (const { header, index, field } of mapped) {
      const cell = cells[index] ?? null;
      const problem: CellProblem = (message, suggestion) =>
        errors.push({ row, line, column: header, ...message, ...(suggestion ? { suggestion } : {}) });
      present.add(field.field);
      if (unsaved.has(`${line}:${index}`)) {
        // Formulas are never run here; Excel saves each one's value with it.
        problem(P('formula_unsaved'));
        values[field.field] = undefined;
        continue;
      }
      const text = cellText(cell).trim();
      if (text === '' || text.toUpperCase() === '#N/A') {
        values[field.field] = null;
        continue;
      }
      const reported = errors.length;
      const value = this.readCell(field, cell, text, dateFormat, problem, (name) => {
        newPeople[field.field] = name;
      });
      // A cell with a problem is left out, so that no follow-up problem ("Required" …) is reported for it.
      values[field.field] = errors.length > reported ? undefined : value;
    }
    return { row, line, values, present, newPeople: Object.keys(newPeople).length ? newPeople : undefined };
  }

  private readCell(
    field: ImportField,
    cell: Cell,
    text: string,
    dateFormat: ImportDateFormat | null,
    problem: CellProblem,
    newPerson: (name: string) => void,
  ): unknown {
    switch (field.type) {
      case 'text':
        return text;
      case 'list':
        return splitList(text);
      case 'date': {
        if (cell !== null && typeof cell === 'object') return cell.date;
        if (typeof cell === 'number') {
          const d = excelSerialDate(cell);
          if (d) return d;
        }
        const r = readDate(text, dateFormat ?? undefined);
        if ('date' in r) return r.date;
        if ('ambiguous' in r) {
          problem(P('date_ambiguous', { text, first: r.ambiguous.first, second: r.ambiguous.second }));
          return undefined;
        }
        problem(dateFormat ? P('date_invalid_format', { text, format: dateFormat }) : P('date_invalid', { text }));
        return undefined;
      }
      case 'number': {
        const n = typeof cell === 'number' ? cell : readNumber(text);
        if (n === undefined) problem(P('number_invalid', { text }));
        return n;
      }
      case 'version':
      case 'id': {
        const n = typeof cell === 'number' ? cell : Number(text);
        if (!Number.isInteger(n) || n < 1) {
          problem(P('whole_number', { text }));
          return undefined;
        }
        if (field.field.endsWith('PersonId') && !this.peopleIds.has(n)) problem(P('no_person_id', { id: n }));
        if ((field.field.endsWith('OrganizationId') || field.field === 'parentId') && !this.organizationIds.has(n))
          problem(P('no_organisation_id', { id: n }));
        return n;
      }
      case 'idList': {
        const ids = splitList(text).map(Number);
        const bad = ids.find((n) => !Number.isInteger(n) || n < 1);
        if (bad !== undefined) problem(P('id_list', { text }));
        if (field.field === 'sectorIds') {
          const missing = ids.filter((n) => !this.sectorIdSet.has(n));
          if (missing.length) problem(P('no_sector_ids', { ids: missing.join(', ') }));
        }
        if (field.field === 'leadOrganizationIds') {
          const missing = ids.filter((n) => !this.organizationIds.has(n));
          if (missing.length) problem(P('no_organisation_ids', { ids: missing.join(', ') }));
        }
        return ids;
      }
      case 'enum': {
        const v = enumValue(field, text);
        if (v === undefined) problem(P('not_in_list', { text, values: (field.values ?? []).join(', ') }));
        return v;
      }
      case 'sectors': {
        const ids: number[] = [];
        for (const name of splitList(text)) {
          const found = this.sectors.find(name);
          if (found.length) ids.push(found[0].id);
          else {
            const s = this.sectors.suggest(name);
            problem(s ? P('unknown_sector_suggest', { name, suggestion: s }) : P('unknown_sector', { name }), s);
          }
        }
        return ids;
      }
      case 'country':
        return this.countryCode(text, problem);
      case 'countryCodes':
        return splitList(text).map((c) => this.countryCode(c, problem));
      case 'countryRoles':
        return splitList(text).map((item) => {
          // {"code":"PK","role":"host"} as Rabta exports it, PK:host, PK (host), or a bare PK.
          let code = item;
          let role = 'partner';
          const json = /^\{.*\}$/.test(item) ? (JSON.parse(item) as { code?: string; role?: string }) : null;
          const pair = /^([A-Za-z]{2})\s*[:(]\s*([a-z_]+)\s*\)?$/i.exec(item);
          if (json) [code, role] = [json.code ?? '', json.role ?? 'partner'];
          else if (pair) [code, role] = [pair[1], pair[2].toLowerCase()];
          if (!['partner', 'host', 'lead', 'financier', 'observer'].includes(role))
            problem(P('country_role', { role }));
          return { code: this.countryCode(code, problem), role };
        });
      case 'organization':
      case 'organizations': {
        const ids: number[] = [];
        for (const name of field.type === 'organization' ? [text] : splitList(text)) {
          const found = this.organizations.find(name);
          if (found.length === 1) ids.push(found[0].id);
          else if (found.length > 1) problem(P('organisation_ambiguous', { name }));
          else {
            const s = this.organizations.suggest(name);
            problem(
              s ? P('unknown_organisation_suggest', { name, suggestion: s }) : P('unknown_organisation', { name }),
              s,
            );
          }
        }
        return field.type === 'organization' ? ids[0] : ids;
      }
      case 'person': {
        const found = this.people.find(text);
        if (found.length === 1) return found[0].id;
        if (found.length > 1) {
          problem(P('person_ambiguous', { name: text }));
          return undefined;
        }
        if (this.options.unknownPeople === 'create') {
          newPerson(text);
          return undefined;
        }
        if (this.options.unknownPeople === 'skip') return SKIP;
        const s = this.people.suggest(text);
        problem(
          s ? P('unknown_person_suggest', { name: text, suggestion: s }) : P('unknown_person', { name: text }),
          s,
        );
        return undefined;
      }
      case 'initiative':
        return text;
    }
  }

  private countryCode(text: string, problem: CellProblem): string {
    const code = text.trim().toUpperCase();
    if (this.countries.has(code)) return code;
    const byName = this.countryNames.find(text);
    const s = byName[0] ? (byName[0] as Named).label : this.countryNames.suggest(text);
    problem(s ? P('country_code_suggest', { text, suggestion: s }) : P('country_code', { text }), s?.slice(0, 2));
    return code;
  }

  // ---------------------------------------------------------------------------------------------- existing records

  private initiativesByCode = new Map<string, Existing>();
  private initiativesById = new Map<number, Existing>();
  private recordsById = new Map<number, Existing>();
  private milestonesByKey = new Map<string, Existing[]>();
  private byName = new Map<string, Existing[]>();

  private async loadExisting(rows: ParsedRow[]): Promise<void> {
    const { resource } = this.options;
    const codes = [
      ...new Set(
        rows
          .map((r) => (resource === 'initiatives' ? r.values.code : r.values.initiative))
          .filter((c): c is string => typeof c === 'string'),
      ),
    ];
    const initiativeIds = [
      ...new Set(rows.map((r) => r.values.initiativeId).filter((v): v is number => typeof v === 'number')),
    ];
    if (resource === 'initiatives' || resource === 'milestones') {
      for (let i = 0; i < Math.max(codes.length, 1); i += 5000) {
        const found = await this.db.initiative.findMany({
          where: {
            OR: [
              { code: { in: codes.slice(i, i + 5000) } },
              ...(i === 0 && initiativeIds.length ? [{ id: { in: initiativeIds } }] : []),
            ],
          },
          select: {
            id: true,
            code: true,
            titleEn: true,
            titleUr: true,
            summaryEn: true,
            summaryUr: true,
            stage: true,
            health: true,
            healthConfidence: true,
            priority: true,
            locationEn: true,
            locationUr: true,
            startDate: true,
            targetDate: true,
            estimatedValue: true,
            currency: true,
            tags: true,
            focalPersonId: true,
            version: true,
            sectors: { select: { sectorId: true } },
            countries: { select: { countryCode: true, role: true } },
            leads: { select: { organizationId: true } },
          },
        });
        for (const r of found) {
          const wire: Existing = {
            ...r,
            startDate: isoDate(r.startDate),
            targetDate: isoDate(r.targetDate),
            estimatedValue: r.estimatedValue === null ? null : Number(r.estimatedValue),
            sectorIds: r.sectors.map((s) => s.sectorId),
            countries: r.countries.map((c) => ({ code: c.countryCode, role: c.role })),
            countryCodes: r.countries.map((c) => c.countryCode),
            leadOrganizationIds: r.leads.map((l) => l.organizationId),
          };
          this.initiativesByCode.set(this.key(r.code), wire);
          this.initiativesById.set(r.id, wire);
        }
      }
    }
    const ids = [...new Set(rows.map((r) => r.values.id).filter((v): v is number => typeof v === 'number'))];
    if (resource === 'milestones') {
      const initiativeIdsOfRows = [...this.initiativesById.keys()];
      const found = await this.db.milestone.findMany({
        where: { OR: [{ id: { in: ids } }, { initiativeId: { in: initiativeIdsOfRows } }] },
        select: {
          id: true,
          initiativeId: true,
          titleEn: true,
          titleUr: true,
          kind: true,
          plannedDate: true,
          actualDate: true,
          state: true,
          ownerOrganizationId: true,
          ownerPersonId: true,
          version: true,
        },
      });
      for (const m of found) {
        const wire: Existing = { ...m, plannedDate: isoDate(m.plannedDate), actualDate: isoDate(m.actualDate) };
        this.recordsById.set(m.id, wire);
        const key = `${m.initiativeId}|${this.key(m.titleEn)}`;
        this.milestonesByKey.set(key, [...(this.milestonesByKey.get(key) ?? []), wire]);
      }
      // Milestones by id whose initiative was not named in the file: their sectors, for the scope check.
      const missing = [...new Set(found.map((m) => m.initiativeId))].filter((id) => !this.initiativesById.has(id));
      if (missing.length) {
        const more = await this.db.initiative.findMany({
          where: { id: { in: missing } },
          select: { id: true, code: true, version: true, sectors: { select: { sectorId: true } } },
        });
        for (const r of more) this.initiativesById.set(r.id, { ...r, sectorIds: r.sectors.map((s) => s.sectorId) });
      }
    }
    if (resource === 'people' || resource === 'organizations') {
      const names = [...new Set(rows.map((r) => r.values.nameEn).filter((v): v is string => typeof v === 'string'))];
      const found =
        resource === 'people'
          ? await this.db.person.findMany({
              where: { OR: [{ id: { in: ids } }, { nameEn: { in: names, mode: 'insensitive' } }] },
              select: {
                id: true,
                nameEn: true,
                nameUr: true,
                nameRu: true,
                aliases: true,
                countryCode: true,
                version: true,
              },
            })
          : await this.db.organization.findMany({
              where: { OR: [{ id: { in: ids } }, { nameEn: { in: names, mode: 'insensitive' } }] },
              select: {
                id: true,
                nameEn: true,
                nameUr: true,
                nameRu: true,
                acronym: true,
                kind: true,
                countryCode: true,
                parentId: true,
                version: true,
              },
            });
      for (const r of found) {
        this.recordsById.set(r.id, r as Existing);
        const key = this.key(r.nameEn);
        this.byName.set(key, [...(this.byName.get(key) ?? []), r as Existing]);
      }
    }
  }

  /** The record a row updates: by code (initiatives), by id, or by its natural key (initiative + title, name). */
  private targetOf(values: Record<string, unknown>): Existing | undefined {
    const { resource } = this.options;
    if (resource === 'initiatives')
      return typeof values.code === 'string' ? this.initiativesByCode.get(this.key(values.code)) : undefined;
    if (typeof values.id === 'number') return this.recordsById.get(values.id) ?? undefined;
    if (resource === 'milestones') {
      const initiative = this.initiativeOf(values);
      if (!initiative || typeof values.titleEn !== 'string') return undefined;
      const same = this.milestonesByKey.get(`${initiative.id}|${this.key(values.titleEn)}`) ?? [];
      return same.length === 1 ? same[0] : undefined;
    }
    if (typeof values.nameEn !== 'string') return undefined;
    const same = this.byName.get(this.key(values.nameEn)) ?? [];
    return same.length === 1 ? same[0] : undefined;
  }

  private initiativeOf(values: Record<string, unknown>): Existing | undefined {
    if (typeof values.initiative === 'string') return this.initiativesByCode.get(this.key(values.initiative));
    if (typeof values.initiativeId === 'number') return this.initiativesById.get(values.initiativeId);
    return undefined;
  }

  private keyOf(
    values: Record<string, unknown>,
    target: Existing | undefined,
  ): { field: string; value: string; /** As written in the file. */ label: string } | undefined {
    const { resource } = this.options;
    if (resource === 'initiatives' && typeof values.code === 'string')
      return { field: 'code', value: this.key(values.code), label: values.code };
    if (typeof values.id === 'number') return { field: 'id', value: `id:${values.id}`, label: String(values.id) };
    if (target) return { field: 'id', value: `id:${target.id}`, label: String(target.id) };
    if (resource === 'milestones' && typeof values.titleEn === 'string') {
      const initiative = this.initiativeOf(values);
      return {
        field: 'titleEn',
        value: `${initiative?.id ?? String(values.initiative)}|${this.key(values.titleEn)}`,
        label: values.titleEn,
      };
    }
    if (typeof values.nameEn === 'string')
      return { field: 'nameEn', value: this.key(values.nameEn), label: values.nameEn };
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------- inputs

  /** A row's values as the service's input fields (sector names → sectorIds …); `undefined` values are left out. */
  private inputOf(values: Record<string, unknown>, target: Existing | undefined): Record<string, unknown> {
    const v = { ...values };
    const out: Record<string, unknown> = {};
    const take = (to: string, ...from: string[]) => {
      for (const f of from) {
        if (!(f in v)) continue;
        if (v[f] !== undefined && v[f] !== SKIP) out[to] = v[f];
        return;
      }
    };
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined || val === SKIP || k === 'version' || k === 'id') continue;
      out[k] = val;
    }
    const { resource } = this.options;
    if (resource === 'initiatives') {
      delete out.sectors;
      delete out.leadOrganizations;
      delete out.focalPerson;
      take('sectorIds', 'sectors', 'sectorIds');
      take('leadOrganizationIds', 'leadOrganizations', 'leadOrganizationIds');
      take('focalPersonId', 'focalPerson', 'focalPersonId');
      if ('countryCodes' in out && 'countries' in out) {
        // The codes say which countries; the roles column (as exported) gives their roles.
        const roles = new Map(
          ((out.countries as { code: string; role: string }[] | null) ?? []).map((c) => [c.code, c.role]),
        );
        const current = new Map(
          ((target?.countries as { code: string; role: string }[]) ?? []).map((c) => [c.code, c.role]),
        );
        out.countries = ((out.countryCodes as string[] | null) ?? []).map((code) => ({
          code,
          role: roles.get(code) ?? current.get(code) ?? 'partner',
        }));
        delete out.countryCodes;
      } else if ('countryCodes' in out && target) {
        // Keep the roles of countries that stay.
        const current = new Map(
          ((target.countries as { code: string; role: string }[]) ?? []).map((c) => [c.code, c.role]),
        );
        out.countries = ((out.countryCodes as string[] | null) ?? []).map((code) => ({
          code,
          role: current.get(code) ?? 'partner',
        }));
        delete out.countryCodes;
      }
      if (out.sectorIds === null) out.sectorIds = [];
      if (out.countries === null) out.countries = [];
      if (out.countryCodes === null) out.countryCodes = [];
      if (out.leadOrganizationIds === null) out.leadOrganizationIds = [];
      if (out.tags === null) out.tags = [];
    }
    if (resource === 'milestones') {
      delete out.initiative;
      delete out.ownerOrganization;
      delete out.ownerPerson;
      delete out.announcedOn;
      const initiative = this.initiativeOf(values);
      if (initiative) out.initiativeId = initiative.id;
      else delete out.initiativeId;
      take('ownerOrganizationId', 'ownerOrganization', 'ownerOrganizationId');
      take('ownerPersonId', 'ownerPerson', 'ownerPersonId');
    }
    if (resource === 'organizations') {
      delete out.parent;
      take('parentId', 'parent', 'parentId');
    }
    if (resource === 'people' && out.aliases === null) out.aliases = [];
    return out;
  }

  /** The fields of an update that change something (stage and health cannot change here). */
  private patchOf(
    values: Record<string, unknown>,
    target: Existing,
    headerOf: (field: string) => string,
    problem: RowProblem,
  ): Record<string, unknown> {
    const input = this.inputOf(values, target);
    const patch: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(input)) {
      if (field === 'countries' && input.countries && differs('countries', value, target.countries)) {
        patch.countries = value;
        continue;
      }
      if (field === 'countries') continue;
      if (!differs(field, value, target[field])) continue;
      if (this.options.resource === 'initiatives' && (field === 'stage' || field === 'health')) {
        problem(
          headerOf(field),
          P(field === 'stage' ? 'stage_by_status_update' : 'health_by_status_update', {
            current: String(target[field]),
          }),
        );
        continue;
      }
      patch[field] = value;
    }
    if (this.options.resource === 'initiatives' && ('startDate' in patch || 'targetDate' in patch)) {
      const start = 'startDate' in patch ? patch.startDate : target.startDate;
      const end = 'targetDate' in patch ? patch.targetDate : target.targetDate;
      if (typeof start === 'string' && typeof end === 'string' && end < start)
        problem(headerOf('targetDate'), P('dates_order', { start, end }));
    }
    return patch;
  }

  private validate(
    kind: 'create' | 'update',
    p: ParsedRow,
    headerOf: (field: string) => string,
    problem: RowProblem,
  ): Record<string, unknown> | undefined {
    const input = kind === 'create' ? this.inputOf(p.values, undefined) : p.values;
    if (kind === 'create') {
      for (const [k, v] of Object.entries(input))
        if (
          v === null ||
          (Array.isArray(v) && !v.length && k !== 'sectorIds' && k !== 'countryCodes' && k !== 'countries')
        )
          delete input[k];
      if (this.options.resource === 'initiatives' && typeof input.startDate === 'string' && !input.effectiveAt)
        input.effectiveAt = input.startDate;
    }
    const schema = kind === 'create' ? CREATE_SCHEMAS[this.options.resource] : UPDATE_SCHEMAS[this.options.resource];
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        // Unknown references were reported already; their field is only missing because of them.
        if (this.reportedFor(p, field)) continue;
        const reason = keyOfIssue(issue);
        problem(headerOf(field), P('invalid', { message: issue.message, reason: reason.key, ...reason.params }));
      }
      return undefined;
    }
    return result.data as Record<string, unknown>;
  }

  private reportedFor(p: ParsedRow, field: string): boolean {
    return (SOURCES_OF[field] ?? [field]).some((f) => p.present.has(f) && p.values[f] === undefined);
  }

  private checkScope(
    p: ParsedRow,
    action: ImportRowAction,
    input: Record<string, unknown> | undefined,
    target: Existing | undefined,
    headerOf: (field: string) => string,
    problem: RowProblem,
  ): void {
    const { user } = this;
    const names = (ids: number[]) => ids.map((id) => this.sectorCodes.get(id) ?? id).join(', ');
    if (this.options.resource === 'initiatives') {
      if (action === 'update' && target && !canEditSectors(user, target.sectorIds ?? [])) {
        problem(
          headerOf('code'),
          P('scope_record', { code: String(target.code), sectors: names(target.sectorIds ?? []) }),
        );
        return;
      }
      const sectorIds = input?.sectorIds as number[] | undefined;
      if (sectorIds) {
        const changed =
          action === 'update' && target
            ? [
                ...sectorIds.filter((s) => !target.sectorIds!.includes(s)),
                ...target.sectorIds!.filter((s) => !sectorIds.includes(s)),
              ]
            : sectorIds;
        if (!canAssignSectors(user, changed)) {
          const outside = changed.filter((s) => !user.sectorIds.includes(s));
          problem(headerOf('sectorIds'), P('scope_sectors', { sectors: names(outside) }));
        }
      }
    }
    if (this.options.resource === 'milestones' && (action === 'create' || action === 'update')) {
      const initiative =
        this.initiativeOf(p.values) ?? (target ? this.initiativesById.get(target.initiativeId as number) : undefined);
      if (!initiative) return;
      const current = target ? this.initiativesById.get(target.initiativeId as number) : undefined;
      for (const i of [initiative, current]) {
        if (i && !canEditSectors(user, i.sectorIds ?? []))
          problem(headerOf('initiativeId'), P('scope_milestones', { code: String(i.code) }));
      }
    }
  }
}

/** The code, title or name of a row's record: as the file writes it, else as Rabta has it. */
function labelOf(values: Record<string, unknown>, target: Existing | undefined): string | undefined {
  for (const field of ['code', 'titleEn', 'nameEn']) {
    const v = values[field] ?? target?.[field];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
  }
  return undefined;
}

/** A problem of a row, in a column, as a keyed message (IMPORT_PROBLEMS). */
type RowProblem = (column: string, message: KeyedMessage, extra?: Partial<ImportProblem>) => void;
/** A problem of the cell being read. */
type CellProblem = (message: KeyedMessage, suggestion?: string) => void;
const P = IMPORT_PROBLEMS.message;

/** A person left out by the user's choice (unknownPeople: skip): the field is not set. */
const SKIP = Symbol('skip');

interface ParsedRow {
  row: number;
  line: number;
  values: Record<string, unknown>;
  present: Set<string>;
  newPeople?: Record<string, string>;
}
