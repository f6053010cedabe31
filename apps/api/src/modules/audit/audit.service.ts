import { Injectable } from '@nestjs/common';
import type { Prisma } from '@rabta/db';
import { announceChange } from '../../common/changes/changes.service';
import { currentContext } from '../../common/request-context';

export interface AuditEntry {
  /** e.g. `create`, `update`, `delete`, `archive`, `login.success`, `token.issue` */
  action: string;
  /** The resource name, e.g. `initiatives`, `users`, `auth` */
  entity: string;
  entityId?: string | number | bigint | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the signed-in user of the current request. */
  actor?: { id: number; email: string; name: string } | null;
}

// Never copied into the audit log.
const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'password', 'token', 'searchText', 'file']);

/** Plain JSON for the audit log: dates as ISO strings, decimals and big integers as numbers or strings, no secrets. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  const walk = (v: unknown): unknown => {
    if (v === null || v === undefined) return null;
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'bigint') return v.toString();
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object') {
      if (
        typeof (v as { toFixed?: unknown }).toFixed === 'function' &&
        typeof (v as { toNumber?: unknown }).toNumber === 'function'
      ) {
        return (v as { toNumber(): number }).toNumber();
      }
      if (Buffer.isBuffer(v)) return `[${v.length} bytes]`;
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([k]) => !SECRET_KEYS.has(k))
          .map(([k, x]) => [k, walk(x)]),
      );
    }
    return v;
  };
  return walk(value) as Prisma.InputJsonValue;
}

/**
 * The same JSON as `JSON.stringify(toAuditJson(value))`, written in one pass without the intermediate copy (a
 * spreadsheet import writes thousands of snapshots at once). Null for nothing.
 */
export function toAuditJsonText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = key === '' ? value : this[key];
    if (key !== '' && SECRET_KEYS.has(key) && !Array.isArray(this)) return undefined;
    if (raw === null || raw === undefined) return null;
    if (raw instanceof Date) return raw.toISOString();
    if (typeof raw === 'bigint') return raw.toString();
    if (typeof raw === 'object') {
      if (Buffer.isBuffer(raw)) return `[${raw.length} bytes]`;
      const d = raw as { toFixed?: unknown; toNumber?: unknown };
      if (typeof d.toFixed === 'function' && typeof d.toNumber === 'function')
        return (raw as { toNumber(): number }).toNumber();
      // Plain objects and arrays as they are (their own toJSON is not ours to follow).
      if (v !== raw && !Array.isArray(raw)) return { ...(raw as object) };
    }
    return v;
  });
}

/** The row of an event: actor, request id and IP from the request being served. */
function auditRow(entry: AuditEntry): Prisma.AuditEventUncheckedCreateInput {
  const ctx = currentContext();
  const actor = entry.actor === undefined ? ctx?.actor : entry.actor;
  return {
    // Who acted, as they are named now: a later rename or new email does not rewrite history.
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? (ctx ? 'anonymous' : 'system'),
    actorEmail: actor?.email ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: toAuditJson(entry.before),
    after: toAuditJson(entry.after),
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
    origin: ctx?.origin ?? null,
  };
}

/**
 * Writes one append-only audit event, in the caller's transaction so the change and its record commit together.
 * Actor, request id and IP come from the request being served. Every process hears of the change once it commits
 * (the change feed), so per-process caches of the entity are refreshed everywhere.
 */
@Injectable()
export class AuditService {
  async record(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
    await tx.auditEvent.create({ data: auditRow(entry) });
    await announceChange(tx, entry.entity);
  }

  /** Many events in one statement per thousand (a spreadsheet import's records), announced once per entity. */
  async recordMany(tx: Prisma.TransactionClient, entries: AuditEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000);
      const rows = chunk.map((e) => auditRow({ ...e, before: undefined, after: undefined }));
      const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k] ?? null);
      const json = (k: 'before' | 'after') => chunk.map((e) => toAuditJsonText(e[k]));
      // One array parameter per column (unnest): no per-value work in the client for thousands of events.
      await tx.$executeRaw`
        INSERT INTO audit_events (actor_id, actor_name, actor_email, action, entity, entity_id, before, after, request_id, ip, origin)
        SELECT * FROM unnest(${col('actorId')}::int[], ${col('actorName')}::text[], ${col('actorEmail')}::text[],
                             ${col('action')}::text[], ${col('entity')}::text[], ${col('entityId')}::text[],
                             ${json('before')}::jsonb[], ${json('after')}::jsonb[], ${col('requestId')}::text[],
                             ${col('ip')}::text[], ${col('origin')}::text[])`;
    }
    for (const entity of new Set(entries.map((e) => e.entity))) await announceChange(tx, entity);
  }
}
