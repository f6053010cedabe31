import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PrismaClient, type Import } from '@rabta/db';
import {
  ImportRequestSchema,
  hasArabicScript,
  type ImportCommitResult,
  type ImportPreview,
  type ImportProblem,
  type ImportResource,
} from '@rabta/domain';
import { APP_CONFIG } from '../../app.context';
import type { AppConfig } from '../../config/env';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { sha256Hex } from '../../common/hash';
import { parseWith } from '../../common/http/zod';
import { ResourceService } from '../../common/resource/resource.service';
import { isoTs } from '../../common/resource/wire';
import { organizationsResource, peopleResource } from '../actors/actors.resources';
import { AuditService } from '../audit/audit.service';
import { InitiativesService, type CreateInput, type UpdateInput } from '../initiatives/initiatives.service';
import { milestonesResource } from '../milestones/milestones.resource';
import { sourcesResource } from '../sources/sources.resources';
import { buildResultWorkbook, buildTemplate } from './import-files';
import { ImportPlanner, type Plan, type PlannedRow } from './import-planner';
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
  warnings: string[];
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
    options: Import['options'],
    resource: ImportResource,
    mode: Import['mode'],
    user: AuthUser,
  ): Promise<{ plan: Plan; sheets: string[]; sheet: string; warnings: string[] }> {
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
      outcomes: plan.rows.map((r) => ({ row: r.row, action: r.action, id: r.id })),
      errors: plan.errors,
      newPeople: plan.newPeople,
      warnings,
    };
    await this.prisma.import.deleteMany({
      where: { status: 'previewed', createdAt: { lt: new Date(Date.now() - PREVIEW_TTL_MS) } },
    });
    const row = await this.prisma.import.create({
      data: {
        resource: request.resource,
        mode: request.mode,
        fileName: upload.fileName.slice(0, 255) || 'upload',
        fileHash: sha256Hex(upload.buffer),
        file: new Uint8Array(upload.buffer),
        options: options as Prisma.InputJsonValue,
        preview: stored as unknown as Prisma.InputJsonValue,
        createdById: user.id,
      },
    });
    return toWire(row, stored);
  }

  private async find(id: number, user: AuthUser): Promise<Import> {
    const row = await this.prisma.import.findUnique({ where: { id } });
    // Someone else's import is not there for an analyst (404, not 403: its existence is not disclosed).
    if (!row || (row.createdById !== user.id && user.role !== 'admin')) throw AppException.notFound('Import', id);
    return row;
  }

  async get(id: number, user: AuthUser): Promise<ImportPreview> {
    const row = await this.find(id, user);
    return toWire(row, row.preview as unknown as StoredPreview);
  }

  async commit(id: number, user: AuthUser): Promise<ImportCommitResult> {
    const row = await this.find(id, user);
    const stored = row.preview as unknown as StoredPreview;
    if (row.status === 'committed')
      throw new AppException(
        'CONFLICT',
        `Import ${id} was committed already (${row.created ?? 0} created, ${row.updated ?? 0} updated)`,
      );
    if (stored.errors.length)
      throw new AppException(
        'UNPROCESSABLE',
        `The preview has ${stored.errors.length} problem${stored.errors.length === 1 ? '' : 's'}: correct the file (or the choices) and preview it again; nothing was written`,
        undefined,
        { errors: stored.errors.slice(0, 100) },
      );
    if (!row.file) throw new AppException('CONFLICT', 'The file of this import is no longer kept: upload it again');
    const file = Buffer.from(row.file);
    return this.prisma.$transaction(
      async (tx) => {
        // One commit per import, even when two requests race.
        const [locked] = await tx.$queryRaw<
          { status: string }[]
        >`SELECT status::text FROM imports WHERE id = ${id} FOR UPDATE`;
        if (locked?.status !== 'previewed') throw new AppException('CONFLICT', `Import ${id} was committed already`);
        // Read again inside the transaction: what was true at the preview may not be now.
        const { plan } = await this.planOf(tx, file, row.options, row.resource, row.mode, user);
        if (plan.errors.length)
          throw new AppException(
            'CONFLICT',
            `Rabta changed since the preview (${plan.errors.length} problem${plan.errors.length === 1 ? '' : 's'} now): preview the file again; nothing was written`,
            undefined,
            { errors: plan.errors.slice(0, 100) },
          );
        const counts = countRows(plan.rows);
        await this.audit.record(tx, {
          action: 'import',
          entity: 'imports',
          entityId: id,
          after: {
            fileName: row.fileName,
            fileHash: row.fileHash,
            resource: row.resource,
            mode: row.mode,
            rows: counts,
          },
        });
        const people = await this.createPeople(tx, plan, user);
        const sourceId = row.resource === 'milestones' ? await this.ledgerSource(tx, row, user) : null;
        let created = 0;
        let updated = 0;
        // New initiatives go in together (InitiativesService.createManyIn), with the same checks as one by one.
        const batch: CreateInput[] = [];
        for (const r of plan.rows) {
          if (r.action !== 'create' && r.action !== 'update') continue;
          try {
            if (row.resource === 'initiatives' && r.action === 'create')
              batch.push(this.inputOf(row.resource, r, people, sourceId) as CreateInput);
            else await this.apply(tx, row.resource, r, people, sourceId, user);
          } catch (err) {
            if (err instanceof AppException)
              throw new AppException(
                err.code,
                `Row ${r.row}: ${err.message}; nothing was written`,
                err.errors,
                err.extra,
              );
            throw err;
          }
          if (r.action === 'create') created++;
          else updated++;
        }
        if (batch.length) {
          try {
            await this.initiatives.createManyIn(tx, batch, user);
          } catch (err) {
            if (err instanceof AppException)
              throw new AppException(err.code, `${err.message}; nothing was written`, err.errors, err.extra);
            throw err;
          }
        }
        await tx.import.update({
          where: { id },
          data: { status: 'committed', created, updated, committedAt: new Date(), sourceId },
        });
        return { created, updated };
      },
      { timeout: COMMIT_TIMEOUT_MS, maxWait: 30_000 },
    );
  }

  /** The people the file names and Rabta does not know, when the user chose to create them. */
  private async createPeople(tx: Prisma.TransactionClient, plan: Plan, user: AuthUser): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const name of plan.newPeople) {
      const urdu = hasArabicScript(name);
      const person = await this.kits.people.create(urdu ? { nameEn: name, nameUr: name } : { nameEn: name }, user, tx);
      ids.set(name, person.id as number);
    }
    return ids;
  }

  /** The source that imported milestone dates cite in the ledger: this file. */
  private async ledgerSource(tx: Prisma.TransactionClient, row: Import, user: AuthUser): Promise<number> {
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
    r: PlannedRow,
    people: Map<string, number>,
    sourceId: number | null,
  ): Record<string, unknown> {
    const input: Record<string, unknown> = { ...(r.input ?? {}) };
    for (const [field, name] of Object.entries(r.newPeople ?? {})) input[PERSON_INPUT[field]] = people.get(name);
    if (resource === 'milestones' && input.plannedDate !== undefined && sourceId !== null)
      input.announcement = {
        sourceId,
        ...(r.announcedOn ? { announcedOn: r.announcedOn } : {}),
        note: 'Imported from a spreadsheet',
      };
    return input;
  }

  private async apply(
    tx: Prisma.TransactionClient,
    resource: ImportResource,
    r: PlannedRow,
    people: Map<string, number>,
    sourceId: number | null,
    user: AuthUser,
  ): Promise<void> {
    const input = this.inputOf(resource, r, people, sourceId);
    if (resource === 'initiatives') {
      if (r.action === 'create') await this.initiatives.createIn(tx, input as CreateInput, user);
      else await this.initiatives.updateIn(tx, r.id!, input as UpdateInput, r.version!, user);
      return;
    }
    const kit = this.kits[resource];
    // The kit validates again (the planner's output is valid input) and runs in the import's transaction.
    if (r.action === 'create') await kit.create(input, user, tx);
    else await kit.update(r.id!, { ...input, version: r.version! }, undefined, user, tx);
  }

  /** The result file: the sheet as uploaded with each row's outcome, the record it created or changed, and its problems. */
  async resultFile(id: number, user: AuthUser): Promise<{ fileName: string; body: Buffer }> {
    const row = await this.find(id, user);
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

function toWire(row: Import, p: StoredPreview): ImportPreview {
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
