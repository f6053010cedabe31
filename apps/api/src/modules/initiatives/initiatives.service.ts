import { Injectable } from '@nestjs/common';
import { PrismaClient, type Prisma } from '@rabta/db';
import {
  CreateInitiativeSchema,
  HEALTHS,
  INITIATIVE_READ_ONLY,
  INITIATIVE_STAGES,
  PRIORITIES,
  searchTextOf,
  UpdateInitiativeSchema,
  type Initiative,
  IdSchema,
} from '@rabta/domain';
import { z } from 'zod';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import {
  INITIATIVE_SORTABLE,
  InitiativesAsOf,
  stalenessOf,
  type InitiativeFilter,
  type Staleness,
} from '../../common/as-of/initiatives.as-of';
import type { View } from '../../common/as-of/view';
import { parseAsOf } from '../../common/http/as-of';
import { IdListFilter, parseListQuery, QFilter, toIdList } from '../../common/http/list-query';
import { parseWith } from '../../common/http/zod';
import { lastChange, stripReadOnly, versionConflict, versionOf } from '../../common/resource/resource.service';
import { assertExist } from '../../common/resource/scope';
import { assertCanAssign, assertCanEdit } from '../../common/auth/assert-access';
import { dateOnly, moment, momentUntil } from '../../common/resource/wire';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { toInitiative } from './initiatives.mapper';
import { InitiativesRepository, type InitiativeColumnChanges } from './initiatives.repository';

const oneOrMany = <T extends z.ZodType>(s: T) =>
  z.union([s, z.array(s).max(100)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
const dateOrTs = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const InitiativeFilterSchema = z.strictObject({
  q: QFilter.optional(),
  id: IdListFilter.optional(),
  stage: oneOrMany(z.enum(INITIATIVE_STAGES)).optional(),
  health: oneOrMany(z.enum(HEALTHS)).optional(),
  sectorId: oneOrMany(IdSchema).optional(),
  countryCode: oneOrMany(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((v) => v.toUpperCase()),
  ).optional(),
  priority: oneOrMany(z.enum(PRIORITIES)).optional(),
  focalPersonId: IdSchema.optional(),
  createdById: IdSchema.optional(),
  archived: z.union([z.boolean(), z.literal('all')]).optional(),
  stale: z.boolean().optional(),
  tag: z.string().max(60).optional(),
  updatedAt_gte: dateOrTs.optional(),
  updatedAt_lte: dateOrTs.optional(),
  targetDate_gte: z.iso.date().optional(),
  targetDate_lte: z.iso.date().optional(),
});
export type InitiativeFilterInput = z.output<typeof InitiativeFilterSchema>;

export type CreateInput = z.output<typeof CreateInitiativeSchema>;
export type UpdateInput = z.output<typeof UpdateInitiativeSchema>;

const SYSTEM_NOTE = { en: 'Initiative recorded', ur: 'منصوبہ درج کیا گیا' };

function toRepoFilter(f: InitiativeFilterInput): InitiativeFilter {
  return {
    ...f,
    id: toIdList(f.id),
    updatedAt_gte: moment(f.updatedAt_gte) ?? undefined,
    updatedAt_lte: momentUntil(f.updatedAt_lte) ?? undefined,
    targetDate_gte: dateOnly(f.targetDate_gte) ?? undefined,
    targetDate_lte: dateOnly(f.targetDate_lte) ?? undefined,
  };
}

/** The initiative's own columns as a create or an update writes them (stage and health move only through status updates). */
function columnsOf<I extends UpdateInput>(input: I) {
  return {
    code: input.code as I['code'], // required when I is a create
    titleEn: input.titleEn as I['titleEn'],
    titleUr: input.titleUr,
    summaryEn: input.summaryEn,
    summaryUr: input.summaryUr,
    healthConfidence: input.healthConfidence,
    priority: input.priority,
    locationEn: input.locationEn,
    locationUr: input.locationUr,
    startDate: dateOnly(input.startDate),
    targetDate: dateOnly(input.targetDate),
    estimatedValue: input.estimatedValue,
    currency: input.currency,
    tags: input.tags,
    focalPersonId: input.focalPersonId,
  };
}

const WRITE_CHUNK = 1000;

function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Codes not taken, by an initiative or by another of the same batch. */
async function assertCodesFree(tx: Prisma.TransactionClient, codes: string[]): Promise<void> {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code))
      throw new AppException('UNIQUE_VIOLATION', `The code ${code} is given twice`, { code: 'Given twice' });
    seen.add(code);
  }
  for (const chunk of chunksOf(codes, WRITE_CHUNK)) {
    const taken = await tx.initiative.findFirst({ where: { code: { in: chunk } }, select: { code: true } });
    if (taken) await assertCodeFree(tx, taken.code);
  }
}

async function assertCodeFree(tx: Prisma.TransactionClient, code: string): Promise<void> {
  if (await tx.initiative.findUnique({ where: { code }, select: { id: true } })) {
    throw new AppException('UNIQUE_VIOLATION', `An initiative with code ${code} already exists`, {
      code: 'Already exists',
    });
  }
}

@Injectable()
export class InitiativesService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly asOf: InitiativesAsOf,
    private readonly repo: InitiativesRepository,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {}

  private async staleness(view: View): Promise<Staleness> {
    return stalenessOf(view, await this.settings.staleAfterDays());
  }

  async list(query: Record<string, unknown>): Promise<{ rows: Initiative[]; total: number; start: number }> {
    const { sort, range, filter } = parseListQuery(query, {
      sortable: INITIATIVE_SORTABLE,
      defaultSort: { field: 'updatedAt', order: 'DESC' },
      filter: InitiativeFilterSchema,
    });
    const view = parseAsOf(query);
    const staleness = await this.staleness(view);
    const { rows, total } = await this.asOf.page(
      toRepoFilter(filter),
      { sort, offset: range.start, limit: range.end - range.start + 1 },
      view,
      staleness,
    );
    return { rows: rows.map((r) => toInitiative(r, staleness)), total, start: range.start };
  }

  async getOne(id: number, query: Record<string, unknown> = {}): Promise<Initiative> {
    const view = parseAsOf(query);
    const staleness = await this.staleness(view);
    const row = await this.asOf.one(id, view, staleness);
    if (!row) {
      if (view && (await this.prisma.initiative.count({ where: { id } }))) {
        throw new AppException('NOT_FOUND', `Initiative ${id} was not yet recorded as of ${view.day}`);
      }
      throw AppException.notFound('Initiative', id);
    }
    return toInitiative(row, staleness);
  }

  /** Several initiatives as they are now, in one statement per thousand. */
  private async currentMany(tx: Prisma.TransactionClient, ids: number[]): Promise<Initiative[]> {
    const staleness = await this.staleness(undefined);
    const out: Initiative[] = [];
    for (const chunk of chunksOf(ids, WRITE_CHUNK)) {
      const { rows } = await this.asOf.page(
        { id: chunk, archived: 'all' },
        { sort: { field: 'id', order: 'ASC' }, offset: 0, limit: chunk.length },
        undefined,
        staleness,
        tx,
      );
      out.push(...rows.map((r) => toInitiative(r, staleness)));
    }
    return out;
  }

  private async current(tx: Prisma.TransactionClient, id: number): Promise<Initiative> {
    const staleness = await this.staleness(undefined);
    const row = await this.asOf.one(id, undefined, staleness, tx);
    if (!row) throw AppException.notFound('Initiative', id);
    return toInitiative(row, staleness);
  }

  private countriesOf(
    input: Pick<CreateInput, 'countries' | 'countryCodes'>,
  ): { code: string; role: Initiative['countries'][number]['role'] }[] | undefined {
    if (input.countries) return input.countries;
    return input.countryCodes?.map((code) => ({ code, role: 'partner' as const }));
  }

  async create(body: unknown, user: AuthUser): Promise<Initiative> {
    const input = parseWith(CreateInitiativeSchema, body ?? {}, 'body');
    return this.prisma.$transaction((tx) => this.createIn(tx, input, user));
  }

  /** A create in the caller's transaction, with every check of a single one. */
  async createIn(tx: Prisma.TransactionClient, input: CreateInput, user: AuthUser): Promise<Initiative> {
    return (await this.createManyIn(tx, [input], user))[0];
  }

  /**
   * Creates in the caller's transaction (a spreadsheet import makes thousands in one), each checked as a single
   * create is — scope, references, a free code — and each with its first status update and its audit event, in a few
   * statements per thousand rather than a dozen per initiative.
   */
  async createManyIn(
    tx: Prisma.TransactionClient,
    inputs: CreateInput[],
    user: AuthUser,
    itemLabel?: (index: number) => string,
  ): Promise<Initiative[]> {
    for (const [i, input] of inputs.entries()) {
      try {
        assertCanAssign(user, input.sectorIds);
      } catch (err) {
        if (itemLabel && err instanceof AppException)
          throw new AppException(err.code, `${itemLabel(i)}: ${err.message}`, err.errors, err.extra);
        throw err;
      }
    }
    await assertExist(tx, [
      { field: 'sectorIds', what: 'Sector', ids: inputs.flatMap((i) => i.sectorIds) },
      {
        field: 'countryCodes',
        what: 'Country',
        ids: inputs.flatMap((i) => (this.countriesOf(i) ?? []).map((c) => c.code)),
      },
      { field: 'leadOrganizationIds', what: 'Organization', ids: inputs.flatMap((i) => i.leadOrganizationIds ?? []) },
      {
        field: 'focalPersonId',
        what: 'Person',
        ids: inputs.flatMap((i) => (i.focalPersonId ? [i.focalPersonId] : [])),
      },
    ]);
    await assertCodesFree(
      tx,
      inputs.map((i) => i.code),
    );
    const now = new Date();
    const planned = inputs.map((input) => {
      // The initial stage is the first entry of the status history, so "as of" views know when it began.
      const requested = moment(input.effectiveAt) ?? dateOnly(input.startDate) ?? now;
      return {
        input,
        stage: input.stage ?? 'announced',
        health: input.health ?? 'not_assessed',
        effectiveAt: requested > now ? now : requested,
      };
    });
    const ids = new Map<string, number>();
    for (const chunk of chunksOf(planned, WRITE_CHUNK)) {
      const created = await this.repo.insertMany(
        tx,
        chunk.map(({ input, stage, health, effectiveAt }) => ({
          code: input.code,
          titleEn: input.titleEn,
          titleUr: input.titleUr ?? null,
          summaryEn: input.summaryEn ?? null,
          summaryUr: input.summaryUr ?? null,
          stage,
          health,
          healthConfidence: input.healthConfidence ?? null,
          priority: input.priority ?? 'medium',
          locationEn: input.locationEn ?? null,
          locationUr: input.locationUr ?? null,
          startDate: dateOnly(input.startDate) ?? null,
          targetDate: dateOnly(input.targetDate) ?? null,
          estimatedValue: input.estimatedValue ?? null,
          currency: input.currency ?? null,
          tags: input.tags ?? [],
          focalPersonId: input.focalPersonId ?? null,
          createdById: user.id,
          stageSince: effectiveAt,
          searchText: searchTextOf.initiative(input),
        })),
      );
      for (const c of created) ids.set(c.code, c.id);
    }
    const idOf = (input: CreateInput) => ids.get(input.code)!;
    for (const chunk of chunksOf(planned, WRITE_CHUNK)) {
      await this.repo.insertLinks(
        tx,
        chunk.flatMap(({ input }) =>
          [...new Set(input.sectorIds)].map((sectorId) => ({ initiativeId: idOf(input), sectorId })),
        ),
        chunk.flatMap(({ input }) =>
          this.countriesOf(input)!.map((c) => ({ initiativeId: idOf(input), countryCode: c.code, role: c.role })),
        ),
        chunk.flatMap(({ input }) =>
          [...new Set(input.leadOrganizationIds ?? [])].map((organizationId) => ({
            initiativeId: idOf(input),
            organizationId,
          })),
        ),
      );
      await this.repo.insertInitialStatuses(
        tx,
        chunk.map(({ input, stage, health, effectiveAt }) => ({
          initiativeId: idOf(input),
          toStage: stage,
          toHealth: health,
          healthConfidence: input.healthConfidence ?? null,
          noteEn: SYSTEM_NOTE.en,
          noteUr: SYSTEM_NOTE.ur,
          effectiveAt,
          authorId: user.id,
        })),
      );
    }
    const after = await this.currentMany(tx, [...ids.values()]);
    await this.audit.recordMany(
      tx,
      after.map((a) => ({ action: 'create', entity: 'initiatives', entityId: a.id, after: a })),
    );
    const byId = new Map(after.map((a) => [a.id, a]));
    return inputs.map((input) => byId.get(idOf(input))!);
  }

  async update(id: number, body: unknown, ifMatch: string | undefined, user: AuthUser): Promise<Initiative> {
    const stripped = stripReadOnly(body ?? {}, INITIATIVE_READ_ONLY);
    const input: UpdateInput = parseWith(UpdateInitiativeSchema, stripped, 'body');
    const version = versionOf(stripped, ifMatch);
    return this.prisma.$transaction((tx) => this.updateIn(tx, id, input, version, user));
  }

  /** An update in the caller's transaction, based on `version`, with every check of a single one. */
  async updateIn(
    tx: Prisma.TransactionClient,
    id: number,
    input: UpdateInput,
    version: number,
    user: AuthUser,
  ): Promise<Initiative> {
    return (await this.updateManyIn(tx, [{ id, input, version }], user))[0];
  }

  /**
   * Updates in the caller's transaction (a spreadsheet import changes thousands in one), each checked as a single
   * update is — scope, stage and health unchanged, its version, references, a free code, dates in order — and each
   * with its audit event (the record before and after), in a few statements per thousand. The first failing item
   * stops all of them; `itemLabel` names it in the message (e.g. the row of a file).
   */
  async updateManyIn(
    tx: Prisma.TransactionClient,
    items: { id: number; input: UpdateInput; version: number }[],
    user: AuthUser,
    itemLabel?: (index: number) => string,
  ): Promise<Initiative[]> {
    const label = (i: number, err: AppException) =>
      itemLabel ? new AppException(err.code, `${itemLabel(i)}: ${err.message}`, err.errors, err.extra) : err;
    const current = new Map(
      (
        await this.currentMany(
          tx,
          items.map((i) => i.id),
        )
      ).map((b) => [b.id, b]),
    );
    const befores: Initiative[] = [];
    for (const [i, { id, input, version }] of items.entries()) {
      const before = current.get(id);
      if (!before) throw label(i, AppException.notFound('Initiative', id));
      try {
        assertCanEdit(user, before.sectorIds, 'this initiative');
        if (input.sectorIds) {
          const changed = [
            ...input.sectorIds.filter((s) => !before.sectorIds.includes(s)),
            ...before.sectorIds.filter((s) => !input.sectorIds!.includes(s)),
          ];
          assertCanAssign(user, changed);
        }
      } catch (err) {
        throw err instanceof AppException ? label(i, err) : err;
      }
      const moved: Record<string, string> = {};
      if (input.stage !== undefined && input.stage !== before.stage)
        moved.stage =
          'Change the stage with a status update (POST /api/initiatives/:id/status-updates), which cites its evidence';
      if (input.health !== undefined && input.health !== before.health)
        moved.health = 'Change the health with a status update (POST /api/initiatives/:id/status-updates)';
      if (Object.keys(moved).length)
        throw label(i, new AppException('UNPROCESSABLE', 'Stage and health change only through status updates', moved));
      if (before.version !== version)
        throw label(
          i,
          versionConflict('Initiative', {
            current: before,
            changedBy: await lastChange(tx, 'initiatives', String(id)),
            changedAt: before.updatedAt,
          }),
        );
      befores.push(before);
    }
    await assertExist(tx, [
      { field: 'sectorIds', what: 'Sector', ids: items.flatMap((i) => i.input.sectorIds ?? []) },
      {
        field: 'countryCodes',
        what: 'Country',
        ids: items.flatMap((i) => (this.countriesOf(i.input) ?? []).map((c) => c.code)),
      },
      {
        field: 'leadOrganizationIds',
        what: 'Organization',
        ids: items.flatMap((i) => i.input.leadOrganizationIds ?? []),
      },
      {
        field: 'focalPersonId',
        what: 'Person',
        ids: items.flatMap((i) => (i.input.focalPersonId ? [i.input.focalPersonId] : [])),
      },
    ]);
    const renamed = items.filter((item, i) => item.input.code && item.input.code !== befores[i].code);
    if (renamed.length)
      await assertCodesFree(
        tx,
        renamed.map((item) => item.input.code!),
      );
    const rows = items.map(({ id, input, version }, i) => {
      const before = befores[i];
      const merged = { ...before, ...input };
      if (merged.startDate && merged.targetDate && merged.targetDate < merged.startDate)
        throw label(
          i,
          new AppException('VALIDATION_FAILED', 'The target date is before the start date', {
            targetDate: 'Must not be before the start date',
          }),
        );
      const changes = Object.fromEntries(
        Object.entries(columnsOf(input)).filter(([, v]) => v !== undefined),
      ) as InitiativeColumnChanges;
      // Dates travel as the calendar day the client sent.
      if (input.startDate !== undefined) changes.startDate = input.startDate;
      if (input.targetDate !== undefined) changes.targetDate = input.targetDate;
      return {
        id,
        version,
        changes,
        searchText: searchTextOf.initiative(merged),
        restore: input.archivedAt === null,
      };
    });
    const ids = items.map((i) => i.id);
    for (const chunk of chunksOf(rows, WRITE_CHUNK)) {
      const updated = new Set(await this.repo.updateMany(tx, chunk));
      const lost = chunk.findIndex((r) => !updated.has(r.id));
      if (lost >= 0) {
        // Changed by someone else between the read above and this write.
        const i = rows.indexOf(chunk[lost]);
        const now = await this.current(tx, chunk[lost].id);
        throw label(
          i,
          versionConflict('Initiative', {
            current: now,
            changedBy: await lastChange(tx, 'initiatives', String(now.id)),
            changedAt: now.updatedAt,
          }),
        );
      }
    }
    const linksOf = <T>(pick: (input: UpdateInput, id: number) => T[] | undefined) => {
      const initiativeIds: number[] = [];
      const links: T[] = [];
      for (const { id, input } of items) {
        const given = pick(input, id);
        if (!given) continue;
        initiativeIds.push(id);
        links.push(...given);
      }
      return { initiativeIds, links };
    };
    await this.repo.replaceLinks(
      tx,
      linksOf((input, id) =>
        input.sectorIds ? [...new Set(input.sectorIds)].map((sectorId) => ({ initiativeId: id, sectorId })) : undefined,
      ),
      linksOf((input, id) =>
        this.countriesOf(input)?.map((c) => ({ initiativeId: id, countryCode: c.code, role: c.role })),
      ),
      linksOf((input, id) =>
        input.leadOrganizationIds
          ? [...new Set(input.leadOrganizationIds)].map((organizationId) => ({ initiativeId: id, organizationId }))
          : undefined,
      ),
    );
    const afters = new Map((await this.currentMany(tx, ids)).map((a) => [a.id, a]));
    await this.audit.recordMany(
      tx,
      items.map(({ id, input }, i) => ({
        action: input.archivedAt === null && befores[i].archivedAt ? 'restore' : 'update',
        entity: 'initiatives',
        entityId: id,
        before: befores[i],
        after: afters.get(id),
      })),
    );
    return ids.map((id) => afters.get(id)!);
  }

  /** DELETE archives (reversible with PUT {archivedAt: null}); `purge` deletes an archived initiative for good (admin). */
  async remove(id: number, purge: boolean, user: AuthUser): Promise<Initiative> {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.current(tx, id);
      assertCanEdit(user, before.sectorIds, 'this initiative');
      if (purge) {
        if (user.role !== 'admin') throw AppException.forbidden('Only an admin can purge an initiative');
        if (!before.archivedAt) throw new AppException('CONFLICT', 'Archive the initiative before purging it');
        await tx.initiative.delete({ where: { id } });
        await this.audit.record(tx, { action: 'purge', entity: 'initiatives', entityId: id, before });
        return before;
      }
      if (before.archivedAt) return before;
      await tx.initiative.update({ where: { id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
      const after = await this.current(tx, id);
      await this.audit.record(tx, { action: 'archive', entity: 'initiatives', entityId: id, before, after });
      return after;
    });
  }
}
