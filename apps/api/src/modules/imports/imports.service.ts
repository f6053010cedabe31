import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PrismaClient, type Import } from '@rabta/db';
import {
  IMPORT_ERRORS,
  ImportRequestSchema,
  hasArabicScript,
  type ImportCommitResult,
  type ImportMode,
  type KeyedMessage,
  type ImportPreview,
  type ImportProblem,
  type ImportResource,
} from '@rabta/domain';
import { APP_CONFIG } from '../../app.context';
import type { AppConfig } from '../../config/env';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { sha256Hex } from '../../common/hash';
import { withOrigin } from '../../common/request-context';
import { parseWith } from '../../common/http/zod';
import { ResourceService } from '../../common/resource/resource.service';
import { isoTs } from '../../common/resource/wire';
import { organizationsResource, peopleResource } from '../actors/actors.resources';
import { AuditService } from '../audit/audit.service';
import { InitiativesService, type CreateInput, type UpdateInput } from '../initiatives/initiatives.service';
import { milestonesResource } from '../milestones/milestones.resource';
import { sourcesResource } from '../sources/sources.resources';
import { buildResultWorkbook, buildTemplate } from './import-files';
import { importError, keyedError } from './import-errors';
import { ImportPlanner, type Plan } from './import-planner';
import { readSpreadsheet } from './spreadsheet';

// POST /api/imports previews (reads only, stores the upload and its preview); POST /api/imports/:id/commit carries
// the preview out in one transaction through the same services as manual edits (scope, versions, audit), or
// writes nothing at all.

export interface Upload {
  fileName: string;
  buffer: Buffer;
  fields: Record<string, string>;
}

interface StoredPreview {
  sheets: string[];
  sheet: string;
  columns: string[];
  mapping: Record<string, string | null>;
  dateFormat: ImportPreview['dateFormat'];
  unknownPeople: ImportPreview['unknownPeople'];
  rows: ImportPreview['rows'];
  outcomes: ImportPreview['outcomes'];
  errors: ImportProblem[];
  newPeople: string[];
  warnings: KeyedMessage[];
}

/** One row the commit carries out, as the preview planned it (stored with the import). */
interface StoredStep {
  row: number;
  action: 'create' | 'update';
  id: number | null;
  version: number | null;
  input: Record<string, unknown>;
  newPeople?: Record<string, string>;
  announcedOn?: string;
}

/** How long a preview that was never committed is kept. */
const PREVIEW_TTL_MS = 7 * 86_400_000;
/** A commit of many thousand rows runs long in its one transaction. */
const COMMIT_TIMEOUT_MS = 15 * 60_000;

const PERSON_INPUT: Record<string, string> = { focalPerson: 'focalPersonId', ownerPerson: 'ownerPersonId' };

@Injectable()
export class ImportsService {
  private readonly kits: Record<'milestones' | 'people' | 'organizations' | 'sources', ResourceService>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly initiatives: InitiativesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.kits = {
      milestones: new ResourceService(milestonesResource, prisma, audit),
      people: new ResourceService(peopleResource, prisma, audit),
      organizations: new ResourceService(organizationsResource, prisma, audit),
      sources: new ResourceService(sourcesResource, prisma, audit),
    };
  }

  get maxBytes(): number {
    return this.config.imports.maxBytes;
  }

  private async planOf(
    db: Prisma.TransactionClient,
    file: Buffer,
    options: Record<string, unknown>,
    resource: ImportResource,
    mode: ImportMode,
    user: AuthUser,
  ): Promise<{ plan: Plan; sheets: string[]; sheet: string; warnings: KeyedMessage[] }> {
    const o = options as {
      sheet?: string;
      mapping?: Record<string, string | null>;
      dateFormat?: ImportPreview['dateFormat'];
      unknownPeople?: ImportPreview['unknownPeople'];
    };
    const book = await readSpreadsheet(file, { sheet: o.sheet, maxRows: this.config.imports.maxRows });
    const planner = new ImportPlanner(db, user, {
      resource,
      mode,
      mapping: o.mapping,
      dateFormat: o.dateFormat ?? undefined,
      unknownPeople: o.unknownPeople ?? 'error',
    });
    const plan = await planner.plan(book.sheet);
    return { plan, sheets: book.sheetNames, sheet: book.sheet.name, warnings: book.warnings };
  }

  async preview(upload: Upload, user: AuthUser): Promise<ImportPreview> {
    const request = parseWith(ImportRequestSchema, upload.fields, 'body');
    const options = {
      ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
      ...(request.mapping ? { mapping: request.mapping } : {}),
      ...(request.dateFormat ? { dateFormat: request.dateFormat } : {}),
      unknownPeople: request.unknownPeople ?? 'error',
    };
    const { plan, sheets, sheet, warnings } = await this.planOf(
      this.prisma,
      upload.buffer,
      options,
      request.resource,
      request.mode,
      user,
    );
    const stored: StoredPreview = {
      sheets,
      sheet,
      columns: plan.columns,
      mapping: plan.mapping,
      dateFormat: plan.dateFormat,
      unknownPeople: options.unknownPeople,
      rows: countRows(plan.rows),
      outcomes: plan.rows.map((r) => ({ row: r.row, action: r.action, id: r.id, label: r.label ?? null })),
      errors: plan.errors,
      newPeople: plan.newPeople,
      warnings,
    };
    await this.prisma.import.deleteMany({
      where: { status: 'previewed', createdAt: { lt: new Date(Date.now() - PREVIEW_TTL_MS) } },
    });
    // What the commit will carry out: the rows that write, each with its validated input and previewed version.
    const steps: StoredStep[] = plan.errors.length
      ? []
      : plan.rows
          .filter((r) => r.action === 'create' || r.action === 'update')
          .map((r) => ({
            row: r.row,
            action: r.action as StoredStep['action'],
            id: r.id,
            version: r.version,
            input: r.input ?? {},
            ...(r.newPeople ? { newPeople: r.newPeople } : {}),
            ...(r.announcedOn ? { announcedOn: r.announcedOn } : {}),
          }));
    // Written as JSON text in one statement: Prisma would walk the plan (thousands of rows) value by value.
    const fileName = upload.fileName.slice(0, 255) || 'upload';
    const [made] = await this.prisma.$queryRaw<{ id: number; createdAt: Date }[]>`
      INSERT INTO imports (resource, mode, file_name, file_hash, file, options, preview, plan, created_by_id)
      VALUES (${request.resource}::import_resource, ${request.mode}::import_mode, ${fileName},
              ${sha256Hex(upload.buffer)}, ${new Uint8Array(upload.buffer)}, ${JSON.stringify(options)}::jsonb,
              ${JSON.stringify(stored)}::jsonb, ${JSON.stringify(steps)}::jsonb, ${user.id})
      RETURNING id, created_at AS "createdAt"`;
    const row: WireColumns = {
      id: made.id,
      status: 'previewed',
      resource: request.resource,
      mode: request.mode,
      fileName,
      created: null,
      updated: null,
      createdAt: made.createdAt,
      committedAt: null,
      createdById: user.id,
    };
    return toWire(row, stored);
  }

  /** An import the user may see; the file and the plan (large) only when asked for. */
  private async find(
    id: number,
    user: AuthUser,
    with_: { file?: boolean; plan?: boolean } = {},
  ): Promise<Omit<Import, 'file' | 'plan'> & Partial<Pick<Import, 'file' | 'plan'>>> {
    const row = await this.prisma.import.findUnique({
      where: { id },
      omit: { file: !with_.file, plan: !with_.plan },
    });
    // Someone else's import is not there for an analyst (404, not 403: its existence is not disclosed).
    if (!row || (row.createdById !== user.id && user.role !== 'admin')) throw AppException.notFound('Import', id);
    return row;
  }

  async get(id: number, user: AuthUser): Promise<ImportPreview> {
    const row = await this.find(id, user);
    return toWire(row, row.preview as unknown as StoredPreview);
  }

  async commit(id: number, user: AuthUser): Promise<ImportCommitResult> {
    const row = await this.find(id, user, { plan: true });
    const stored = row.preview as unknown as StoredPreview;
    if (row.status === 'committed')
      throw importError('CONFLICT', 'committed_already', { id, created: row.created ?? 0, updated: row.updated ?? 0 });
    if (stored.errors.length)
      throw importError('UNPROCESSABLE', 'preview_has_problems', { count: stored.errors.length }, undefined, {
        errors: stored.errors.slice(0, 100),
      });
    const steps = row.plan as unknown as StoredStep[] | null;
    if (!steps) throw new AppException('CONFLICT', `Import ${id} was previewed by an older version: preview it again`);
    return this.prisma.$transaction(
      async (tx) => {
        // One commit per import, even when two requests race.
        const [locked] = await tx.$queryRaw<
          { status: string }[]
        >`SELECT status::text FROM imports WHERE id = ${id} FOR UPDATE`;
        if (locked?.status !== 'previewed')
          throw importError('CONFLICT', 'committed_already', { id, created: 0, updated: 0 });
        await this.audit.record(tx, {
          action: 'import',
          entity: 'imports',
          entityId: id,
          after: {
            fileName: row.fileName,
            fileHash: row.fileHash,
            resource: row.resource,
            mode: row.mode,
            rows: stored.rows,
          },
        });
        // The plan is carried out as previewed, through the same services as manual edits: they check again what
        // may have changed since (scope, versions, codes, references), and the first failure undoes everything.
        // Every record's audit event names the import it came through (the import's own event is above).
        try {
          return await withOrigin(`import ${id}`, async () => {
            const people = await this.createPeople(tx, stored.newPeople, user);
            const sourceId = row.resource === 'milestones' ? await this.ledgerSource(tx, row, user) : null;
            const creates = steps.filter((r) => r.action === 'create');
            const updates = steps.filter((r) => r.action === 'update');
            if (row.resource === 'initiatives') {
              const rowOf = (list: StoredStep[]) => (i: number) => `Row ${list[i].row}`;
              if (creates.length)
                await this.initiatives.createManyIn(
                  tx,
                  creates.map((r) => this.inputOf(row.resource, r, people, sourceId) as CreateInput),
                  user,
                  rowOf(creates),
                );
              if (updates.length)
                await this.initiatives.updateManyIn(
                  tx,
                  updates.map((r) => ({
                    id: r.id!,
                    input: this.inputOf(row.resource, r, people, sourceId) as UpdateInput,
                    version: r.version!,
                  })),
                  user,
                  rowOf(updates),
                );
            } else {
              const kit = this.kits[row.resource];
              for (const r of steps) {
                const input = this.inputOf(row.resource, r, people, sourceId);
                try {
                  // The kit validates again (the plan's input is valid input) and runs in the import's transaction.
                  if (r.action === 'create') await kit.create(input, user, tx);
                  else await kit.update(r.id!, { ...input, version: r.version! }, undefined, user, tx);
                } catch (err) {
                  if (err instanceof AppException)
                    throw new AppException(err.code, `Row ${r.row}: ${err.message}`, err.errors, err.extra);
                  throw err;
                }
              }
            }
            const created = creates.length;
            const updated = updates.length;
            await tx.import.update({
              where: { id },
              data: { status: 'committed', created, updated, committedAt: new Date(), sourceId },
            });
            return { created, updated };
          });
        } catch (err) {
          if (err instanceof AppException)
            throw keyedError(
              err.code,
              IMPORT_ERRORS.message('commit_failed', { reason: err.message }),
              err.errors,
              err.extra,
            );
          throw err;
        }
      },
      { timeout: COMMIT_TIMEOUT_MS, maxWait: 30_000 },
    );
  }

  /**
   * The people the file names and Rabta does not know, when the user chose to create them: one each, unless
   * someone added exactly one person of that name since the preview.
   */
  private async createPeople(
    tx: Prisma.TransactionClient,
    names: string[],
    user: AuthUser,
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    if (!names.length) return ids;
    const known = await tx.person.findMany({
      where: { nameEn: { in: names, mode: 'insensitive' } },
      select: { id: true, nameEn: true },
    });
    for (const name of names) {
      const same = known.filter((p) => p.nameEn.toLowerCase() === name.toLowerCase());
      if (same.length === 1) {
        ids.set(name, same[0].id);
        continue;
      }
      const urdu = hasArabicScript(name);
      const person = await this.kits.people.create(urdu ? { nameEn: name, nameUr: name } : { nameEn: name }, user, tx);
      ids.set(name, person.id as number);
    }
    return ids;
  }

  /** The source that imported milestone dates cite in the ledger: this file. */
  private async ledgerSource(
    tx: Prisma.TransactionClient,
    row: { id: number; fileName: string; fileHash: string },
    user: AuthUser,
  ): Promise<number> {
    const today = new Date().toISOString().slice(0, 10);
    const source = await this.kits.sources.create(
      {
        kind: 'document',
        publisher: 'Rabta spreadsheet import',
        language: 'other',
        publishedAt: today,
        title: `${row.fileName} (import ${row.id})`,
        text: `Milestone dates imported from the file ${row.fileName} (sha256 ${row.fileHash}) by ${user.name} <${user.email}>, import ${row.id}.`,
      },
      user,
      tx,
    );
    return source.id as number;
  }

  /** A planned row's input with the people just created and, for milestone dates, the ledger's source. */
  private inputOf(
    resource: ImportResource,
    r: StoredStep,
    people: Map<string, number>,
    sourceId: number | null,
  ): Record<string, unknown> {
    const input: Record<string, unknown> = { ...r.input };
    for (const [field, name] of Object.entries(r.newPeople ?? {})) input[PERSON_INPUT[field]] = people.get(name);
    if (resource === 'milestones' && input.plannedDate !== undefined && sourceId !== null)
      input.announcement = {
        sourceId,
        ...(r.announcedOn ? { announcedOn: r.announcedOn } : {}),
        note: 'Imported from a spreadsheet',
      };
    return input;
  }

  /** The result file: the sheet as uploaded with each row's outcome, the record it created or changed, and its problems. */
  async resultFile(id: number, user: AuthUser): Promise<{ fileName: string; body: Buffer }> {
    const row = await this.find(id, user, { file: true });
    const stored = row.preview as unknown as StoredPreview;
    if (!row.file) throw new AppException('NOT_FOUND', 'The file of this import is no longer kept');
    const body = await buildResultWorkbook(Buffer.from(row.file), row, stored, this.config.imports.maxRows);
    const base = row.fileName.replace(/\.[^.]+$/, '') || 'import';
    return { fileName: `${base}-result-${id}.xlsx`, body };
  }
}

export function templateFile(resource: ImportResource): Promise<Buffer> {
  return buildTemplate(resource);
}

function countRows(rows: { action: string }[]): ImportPreview['rows'] {
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action as keyof typeof counts]++;
  return counts;
}

/** The columns of an import that its wire form needs besides the stored preview. */
type WireColumns = Pick<
  Import,
  | 'id'
  | 'status'
  | 'resource'
  | 'mode'
  | 'fileName'
  | 'created'
  | 'updated'
  | 'createdAt'
  | 'committedAt'
  | 'createdById'
>;

function toWire(row: WireColumns, p: StoredPreview): ImportPreview {
  return {
    id: row.id,
    status: row.status,
    resource: row.resource,
    mode: row.mode,
    fileName: row.fileName,
    sheets: p.sheets,
    sheet: p.sheet,
    columns: p.columns,
    mapping: p.mapping,
    dateFormat: p.dateFormat,
    unknownPeople: p.unknownPeople,
    rows: p.rows,
    outcomes: p.outcomes,
    errors: p.errors,
    newPeople: p.newPeople,
    warnings: p.warnings,
    created: row.created,
    updated: row.updated,
    createdAt: isoTs(row.createdAt)!,
    committedAt: isoTs(row.committedAt),
    createdById: row.createdById,
  };
}
