import { Prisma } from '@rabta/db';
import type { Db } from '../../../common/resource/resource';

// "As known at" for records without clocks of their own. Stage and health, planned dates and evidence carry their
// own recorded-at times and are read with the analyst API's as-of SQL (initiatives.repository, plannedAsOfSql). The
// other attributes (titles, decision states, sectors, an agreement's status…) are edited in place; the audit log
// keeps, for every edit, the full record before it. So a record as Rabta knew it at `knownAt` is:
//   - the record just before its first audited change after knownAt (the `before` of that event), when there is one;
//   - otherwise the current record, if it was created by knownAt.
// A record whose first later event is its creation did not exist yet. Only events that carry the whole record count
// (create/update/delete/archive/restore/purge); partial ones (status.change) do not.

const FULL_RECORD_ACTIONS = ['create', 'update', 'delete', 'archive', 'restore', 'purge'];

export interface Snapshot {
  /** The record as it was at knownAt (wire form), or null when it did not exist yet. */
  before: Record<string, unknown> | null;
}

/** For each record of `entity` changed after knownAt: its state at knownAt. */
export async function snapshotsAt(db: Db, entity: string, knownAt: Date): Promise<Map<number, Snapshot>> {
  const rows = await db.$queryRaw<{ entity_id: string; before: Record<string, unknown> | null; action: string }[]>`
    SELECT DISTINCT ON (entity_id) entity_id, before, action
    FROM audit_events
    WHERE entity = ${entity} AND at > ${knownAt} AND entity_id IS NOT NULL AND action IN (${Prisma.join(FULL_RECORD_ACTIONS)})
    ORDER BY entity_id, at, id`;
  const out = new Map<number, Snapshot>();
  for (const r of rows) {
    const id = Number(r.entity_id);
    if (Number.isInteger(id)) out.set(id, { before: r.action === 'create' ? null : r.before });
  }
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
