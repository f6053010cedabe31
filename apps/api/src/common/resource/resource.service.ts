import type { Prisma, PrismaClient } from '@rabta/db';
import { deletedOnlyUnreferenced, INT4_MAX, VersionSchema, type LinkTarget } from '@rabta/domain';
import type { AuthUser } from '../auth/current-user';
import { AppException } from '../errors/app-exception';
import { parseWith } from '../http/zod';
import { parseListQuery, type ListQuery } from '../http/list-query';
import { assertLinkScope, linksAfter } from './link-scope';
import { assertUnreferenced } from './referrers';
import type { AuditRecorder } from './audit-recorder';
import type { ResourceDefinition, WriteContext } from './resource';

export interface ListResult {
  rows: Record<string, unknown>[];
  total: number;
  start: number;
}

/** Drops the read-only fields of a full representation sent back on PUT; what is left is validated strictly. */
export function stripReadOnly(body: unknown, readOnly: readonly string[]): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy = { ...(body as Record<string, unknown>) };
  for (const key of readOnly) delete copy[key];
  return copy;
}

/** The version a PUT is based on: the body's `version`, else `If-Match` (a bare or quoted number). */
export function versionOf(body: unknown, ifMatch: string | undefined): number {
  const fromBody = (body as { version?: unknown } | null)?.version;
  // The domain's VersionSchema: a whole number from 1 to the largest PostgreSQL integer.
  const valid = (v: unknown) => VersionSchema.safeParse(v).success;
  if (typeof fromBody === 'number' && valid(fromBody)) return fromBody;
  if (fromBody !== undefined && fromBody !== null) {
    throw new AppException('VALIDATION_FAILED', `version must be a whole number from 1 to ${INT4_MAX}`, {
      version: `Must be a whole number from 1 to ${INT4_MAX}`,
    });
  }
  const header = ifMatch?.replace(/^W\//, '').replace(/"/g, '').trim();
  if (header && /^\d{1,10}$/.test(header) && valid(Number(header))) return Number(header);
  throw new AppException(
    'VERSION_REQUIRED',
    'Send the version this change is based on (the `version` field or an If-Match header)',
    {
      version: 'Required',
    },
  );
}

export interface ConflictInfo {
  current: Record<string, unknown>;
  changedBy: { id: number | null; name: string | null } | null;
  changedAt: unknown;
}

/** Who last changed a record, from the audit log, for the 409 dialog. */
export async function lastChange(
  db: PrismaClient | Prisma.TransactionClient,
  entity: string,
  entityId: string,
): Promise<ConflictInfo['changedBy']> {
  const last = await db.auditEvent.findFirst({
    where: { entity, entityId },
    orderBy: { id: 'desc' },
    select: { actorId: true, actorName: true },
  });
  return last ? { id: last.actorId, name: last.actorName } : null;
}

export function versionConflict(label: string, info: ConflictInfo): AppException {
  return new AppException(
    'VERSION_CONFLICT',
    `This ${label.toLowerCase()} was changed by ${info.changedBy?.name ?? 'someone else'} since you loaded it; reload it, or apply your change on top of version ${String(info.current.version)}`,
    undefined,
    info as unknown as Record<string, unknown>,
  );
}

/** The shared mechanics of a simple-rest resource, configured by its definition. */
export class ResourceService {
  constructor(
    readonly def: ResourceDefinition,
    private readonly prisma: PrismaClient,
    private readonly audit: AuditRecorder,
  ) {}

  /** A row on the wire: the definition's toWire (typed against its read schema), as the kit handles it. */
  private wire(row: unknown): Record<string, unknown> {
    return this.def.toWire(row) as Record<string, unknown>;
  }

  /** `this milestone`, for messages. */
  private get what(): string {
    return `this ${this.def.label.toLowerCase()}`;
  }

  parseList(query: unknown): ListQuery<unknown> {
    return parseListQuery(query, {
      sortable: Object.keys(this.def.sortable),
      defaultSort: this.def.defaultSort,
      filter: this.def.schemas.filter,
    });
  }

  async list(query: unknown, user: AuthUser): Promise<ListResult> {
    const { sort, range, filter } = this.parseList(query);
    const where = await this.def.where(filter, { user, db: this.prisma });
    const delegate = this.def.delegate(this.prisma);
    const order = sort.order === 'ASC' ? 'asc' : 'desc';
    // The id breaks ties so pages never repeat or skip a row.
    const pk = this.def.primaryKey ?? 'id';
    const orderBy = [
      this.def.sortable[sort.field](order),
      ...(sort.field === 'id' || sort.field === pk ? [] : [{ [pk]: order }]),
    ];
    const [rows, total] = await Promise.all([
      delegate.findMany({
        where,
        orderBy,
        skip: range.start,
        take: range.end - range.start + 1,
        ...(this.def.include ?? {}),
      }),
      delegate.count({ where }),
    ]);
    return { rows: rows.map((r) => this.wire(r)), total, start: range.start };
  }

  private key(raw: string | number): number | string {
    return typeof raw === 'number' ? raw : this.def.idOf ? this.def.idOf(raw) : Number(raw);
  }

  async findRow(db: PrismaClient | Prisma.TransactionClient, id: number | string): Promise<unknown> {
    const row = await this.def.delegate(db).findUnique({ where: this.whereId(id), ...(this.def.include ?? {}) });
    if (!row) throw AppException.notFound(this.def.label, id);
    return row;
  }

  private whereId(id: number | string): object {
    return { [this.def.primaryKey ?? 'id']: id };
  }

  async getOne(rawId: number | string, user: AuthUser): Promise<Record<string, unknown>> {
    const row = await this.findRow(this.prisma, this.key(rawId));
    if (this.def.readable && !this.def.readable(row, user)) throw AppException.notFound(this.def.label, rawId);
    return this.wire(row);
  }

  /** `within`: run in the caller's transaction (intake's accept writes several records as one). */
  async create(body: unknown, user: AuthUser, within?: Prisma.TransactionClient): Promise<Record<string, unknown>> {
    const { create } = this.def.schemas;
    if (!create || !this.def.toCreateData)
      throw new AppException('METHOD_NOT_ALLOWED', `${this.def.label} records cannot be created through the API`);
    // Create schemas are objects: the input is a record of fields.
    const input = parseWith(create, body ?? {}, 'body') as Record<string, unknown>;
    return this.inTransaction(within, async (tx) => {
      const ctx: WriteContext = { user, tx };
      await this.def.authorize?.(ctx, null, input);
      await assertLinkScope(tx, user, this.def.name, null, linksAfter(this.def.name, null, input), this.what);
      // Without an afterWrite, what create returns (with the read include) is the row; else read it once written.
      const rereads = this.def.afterWrite !== undefined;
      const row = await this.def
        .delegate(tx)
        .create({ data: await this.def.toCreateData!(input, ctx), ...(rereads ? {} : (this.def.include ?? {})) });
      const id = (row as Record<string, number | string>)[this.def.primaryKey ?? 'id'];
      await this.def.afterWrite?.(ctx, id, input, null);
      const wire = this.wire(rereads ? await this.findRow(tx, id) : row);
      await this.audit.record(tx, { action: 'create', entity: this.def.name, entityId: id, after: wire });
      return wire;
    });
  }

  async update(
    rawId: number | string,
    body: unknown,
    ifMatch: string | undefined,
    user: AuthUser,
    within?: Prisma.TransactionClient,
  ): Promise<Record<string, unknown>> {
    const { update } = this.def.schemas;
    if (!update || !this.def.toUpdateData)
      throw new AppException('METHOD_NOT_ALLOWED', `${this.def.label} records cannot be changed through the API`);
    const id = this.key(rawId);
    const stripped = stripReadOnly(body ?? {}, this.def.schemas.readOnly);
    const input = parseWith(update, stripped, 'body') as Record<string, unknown>;
    const version = versionOf(stripped, ifMatch);
    return this.inTransaction(within, async (tx) => {
      const ctx: WriteContext = { user, tx };
      const existing = (await this.findRow(tx, id)) as { version: number };
      await this.def.authorize?.(ctx, existing, input);
      const before = this.wire(existing);
      await assertLinkScope(tx, user, this.def.name, before, linksAfter(this.def.name, before, input), this.what);
      const data = await this.def.toUpdateData!(input, existing, ctx);
      // The version in the WHERE makes concurrent writers on one version exclusive: the row lock serialises them
      // and only the first still finds its version.
      const res = await this.def
        .delegate(tx)
        .updateMany({ where: { ...this.whereId(id), version }, data: { ...data, version: { increment: 1 } } });
      if (res.count === 0) {
        throw versionConflict(this.def.label, {
          current: before,
          changedBy: await lastChange(tx, this.def.name, String(id)),
          changedAt: before.updatedAt,
        });
      }
      await this.def.afterWrite?.(ctx, id, input, existing);
      const after = this.wire(await this.findRow(tx, id));
      await this.audit.record(tx, { action: 'update', entity: this.def.name, entityId: id, before, after });
      return after;
    });
  }

  private inTransaction<T>(
    within: Prisma.TransactionClient | undefined,
    fn: (tx: Prisma.TransactionClient) => Promise<T>,
  ): Promise<T> {
    return within ? fn(within) : this.prisma.$transaction(fn);
  }

  async remove(rawId: number | string, user: AuthUser): Promise<Record<string, unknown>> {
    const id = this.key(rawId);
    return this.prisma.$transaction(async (tx) => {
      const ctx: WriteContext = { user, tx };
      const existing = await this.findRow(tx, id);
      await this.def.authorize?.(ctx, existing, null);
      const before = this.wire(existing);
      await assertLinkScope(tx, user, this.def.name, before, null, this.what);
      // Shared reference data and sources go only when nothing refers to them (409 naming who does).
      if (deletedOnlyUnreferenced(this.def.name) && typeof id === 'number')
        await assertUnreferenced(tx, this.def.name as LinkTarget, id, this.def.label);
      await this.def.beforeDelete?.(ctx, existing);
      try {
        await this.def.delegate(tx).delete({ where: this.whereId(id) });
      } catch (err) {
        if ((err as { code?: string }).code === 'P2003') {
          throw new AppException(
            'IN_USE',
            `This ${this.def.label.toLowerCase()} is still referenced by other records; remove those links first`,
          );
        }
        throw err;
      }
      await this.audit.record(tx, { action: 'delete', entity: this.def.name, entityId: id, before });
      return before;
    });
  }
}
