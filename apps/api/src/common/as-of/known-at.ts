import { Prisma } from '@rabta/db';
import type { Db } from '../resource/resource';

// "As known at" for what has no clock of its own. Stage and health, planned dates and evidence carry their own
// recorded-at times and are read by them (initiatives.as-of.ts, milestones.as-of.ts, evidence.as-of.ts). The other
// attributes (titles, decision states, sectors, an agreement's status, whether an initiative is archived…) are
// edited in place; the audit log keeps, for every edit, the full record before it. So a record as Rabta knew it at
// `knownAt` is:
//   - the record just before its first audited change after knownAt (the `before` of that event), when there is one;
//   - otherwise the current record, if it was created by knownAt.
// A record whose first later event is its creation did not exist yet. Only events that carry the whole record count
// (create/update/delete/archive/restore/purge); partial ones (status.change) do not.

const FULL_RECORD_ACTIONS = ['create', 'update', 'delete', 'archive', 'restore', 'purge'];

export interface Snapshot {
  /** The record as it was at knownAt (wire form), or null when it did not exist yet. */
  before: Record<string, unknown> | null;
}

/**
 * SQL: for each record of `entity` changed after knownAt, its first such event (`id`, `action`, `before`). A
 * `before` that is not a JSON object (a creation) means the record did not exist yet at knownAt.
 */
export function snapshotsSql(entity: string, knownAt: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (a.entity_id) a.entity_id::int AS id, a.action, a.before
    FROM audit_events a
    WHERE a.entity = ${entity} AND a.at > ${knownAt} AND a.entity_id ~ '^[0-9]{1,9}$'
      AND a.action IN (${Prisma.join(FULL_RECORD_ACTIONS)})
    ORDER BY a.entity_id, a.at, a.id`;
}

/** A column as known: the row's own, or, for a record changed since, its snapshot's wire field cast to `type`. */
export type KnownColumn = [column: string, field: string, type: string];

/**
 * SQL: the rows of `table` as known at knownAt, for a CTE. `snapshots` names a CTE of snapshotsSql() for the same
 * entity; `kept` columns are read as they are now (those with clocks of their own, or not in the snapshots).
 */
export function knownRowsSql(
  table: string,
  snapshots: string,
  kept: string[],
  columns: KnownColumn[],
  knownAt: Date,
): Prisma.Sql {
  const select = [
    ...kept.map((c) => `t.${c}`),
    ...columns.map(([column, field, type]) =>
      type.endsWith('[]')
        ? `CASE WHEN s.id IS NULL THEN t.${column} ELSE ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.before->'${field}') = 'array' THEN s.before->'${field}' ELSE '[]' END))::${type} END AS ${column}`
        : `CASE WHEN s.id IS NULL THEN t.${column} ELSE (s.before->>'${field}')::${type} END AS ${column}`,
    ),
  ].join(', ');
  return Prisma.sql`SELECT ${Prisma.raw(select)} FROM ${Prisma.raw(table)} t LEFT JOIN ${Prisma.raw(snapshots)} s ON s.id = t.id
    WHERE CASE WHEN s.id IS NULL THEN t.created_at <= ${knownAt} ELSE jsonb_typeof(s.before) = 'object' AND s.action <> 'create' END`;
}

/** For each record of `entity` changed after knownAt: its state at knownAt. */
export async function snapshotsAt(db: Db, entity: string, knownAt: Date): Promise<Map<number, Snapshot>> {
  const rows = await db.$queryRaw<{ id: number; before: Record<string, unknown> | null; action: string }[]>`
    ${snapshotsSql(entity, knownAt)}`;
  const out = new Map<number, Snapshot>();
  for (const r of rows) out.set(r.id, { before: r.action === 'create' ? null : r.before });
  return out;
}

/**
 * The records as known at knownAt: `current` (wire form, already selected by a superset of the caller's filter),
 * each replaced by its snapshot when it changed since, plus records that only the snapshots still hold (changed so
 * that the SQL filter no longer finds them, or deleted). The caller filters the result again on the snapshot values.
 */
export function asKnown<T extends { id: number; createdAt?: unknown }>(
  current: T[],
  snapshots: Map<number, Snapshot>,
  knownAt: Date,
): T[] {
  const out: T[] = [];
  const seen = new Set<number>();
  for (const row of current) {
    seen.add(row.id);
    const snap = snapshots.get(row.id);
    if (snap) {
      if (snap.before) out.push({ ...row, ...(snap.before as Partial<T>), id: row.id });
    } else if (createdBy(row, knownAt)) {
      out.push(row);
    }
  }
  for (const [id, snap] of snapshots) {
    if (!seen.has(id) && snap.before) out.push({ ...(snap.before as unknown as T), id });
  }
  return out;
}

function createdBy(row: { createdAt?: unknown }, knownAt: Date): boolean {
  const at =
    row.createdAt instanceof Date
      ? row.createdAt
      : typeof row.createdAt === 'string'
        ? new Date(row.createdAt)
        : undefined;
  return !at || at <= knownAt;
}
