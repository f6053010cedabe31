// The 409 VERSION_CONFLICT dialog's logic: what each side changed since the version the user started from, and
// what "apply mine on top" sends.

/** Bookkeeping and derived fields: never compared, never sent back as "mine". */
export const CONFLICT_IGNORED = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdById',
  'iatiStatus',
  'lastEvidenceAt',
  'stale',
  'allowedNextStages',
  'originalPlannedDate',
  'slippageDays',
  'reannouncements',
  'overdue',
  'dateChanges',
  'currentTitleEn',
  'currentTitleUr',
  'contentHash',
  'recordedAt',
  'archivedAt',
]);

export interface Conflict {
  /** What the user submitted (the whole form). */
  yours: Record<string, unknown>;
  /** The record as it was when the user opened it. */
  base: Record<string, unknown>;
  /** The record as it is now on the server (from the 409 body). */
  current: Record<string, unknown>;
  changedBy?: { id: number; name: string } | null;
  changedAt?: string | null;
}

export interface ConflictRow {
  field: string;
  theirs: unknown;
  yours: unknown;
  /** The user changed this field. */
  edited: boolean;
  /** Someone else changed this field meanwhile. */
  changedByThem: boolean;
}

export function normalizeValue(v: unknown): string {
  if (v == null || v === '') return '';
  if (Array.isArray(v))
    return JSON.stringify([...v].map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).sort());
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const differs = (a: unknown, b: unknown) => normalizeValue(a) !== normalizeValue(b);

/** Fields the user edited, or someone else changed meanwhile, with both values. */
export function conflictRows(c: Conflict): ConflictRow[] {
  const keys = new Set([...Object.keys(c.yours), ...Object.keys(c.current)]);
  const rows: ConflictRow[] = [];
  for (const field of keys) {
    if (CONFLICT_IGNORED.has(field) || !(field in c.yours)) continue;
    const edited = differs(c.yours[field], c.base[field]);
    const changedByThem = differs(c.current[field], c.base[field]);
    if (!edited && !changedByThem) continue;
    if (!differs(c.yours[field], c.current[field]) && !changedByThem) continue;
    rows.push({ field, theirs: c.current[field], yours: c.yours[field], edited, changedByThem });
  }
  // The user's own edits first.
  return rows.sort((a, b) => Number(b.edited) - Number(a.edited));
}

/** "Apply mine on top": their record, with the fields the user edited, based on their version. */
export function applyMine(c: Conflict): Record<string, unknown> {
  const mine = Object.fromEntries(
    Object.keys(c.yours)
      .filter((k) => !CONFLICT_IGNORED.has(k) && differs(c.yours[k], c.base[k]))
      .map((k) => [k, c.yours[k]]),
  );
  return { ...c.current, ...mine, version: c.current.version };
}
