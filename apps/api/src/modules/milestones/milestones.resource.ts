import type { Milestone, MilestoneDateChange } from '@rabta/db';
import {
  CreateMilestoneSchema,
  MILESTONE_KINDS,
  MILESTONE_READ_ONLY,
  MILESTONE_STATES,
  MilestoneSchema,
  searchTextOf,
  UpdateMilestoneSchema,
  IdSchema,
} from '@rabta/domain';
import { z } from 'zod';
import { IdListFilter, QFilter, toIdList } from '../../common/http/list-query';
import type { ResourceDefinition, WriteContext } from '../../common/resource/resource';
import { assertExist } from '../../common/resource/scope';
import { matchingIds } from '../../common/resource/search';
import { dateOnly, daysBetween, definedOnly, isoDate, isoTs } from '../../common/resource/wire';

export type LedgerRow = Pick<
  MilestoneDateChange,
  'id' | 'oldDate' | 'newDate' | 'announcedById' | 'announcedOn' | 'recordedAt' | 'sourceId' | 'note' | 'recordedById'
>;
export type MilestoneRow = Milestone & { dateChanges: LedgerRow[] };
type Create = z.infer<typeof CreateMilestoneSchema>;
type Update = z.infer<typeof UpdateMilestoneSchema>;

const today = () => new Date().toISOString().slice(0, 10);

/** The ledger in the order things happened in the world (then as they were recorded). */
export function sortLedger<T extends Pick<LedgerRow, 'id' | 'announcedOn' | 'recordedAt'>>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      a.announcedOn.getTime() - b.announcedOn.getTime() ||
      a.recordedAt.getTime() - b.recordedAt.getTime() ||
      a.id - b.id,
  );
}

/**
 * Milestone → wire, with the announced-vs-delivered figures derived from its ledger. `view` overrides the planned
 * and actual dates and the state for an "as of" view.
 */
export function toMilestone(
  r: MilestoneRow,
  options: { ledger?: boolean; view?: { plannedDate: Date | null; actualDate: Date | null; day: string } } = {},
): Record<string, unknown> {
  const ledger = sortLedger(r.dateChanges ?? []);
  const plannedDate = options.view ? options.view.plannedDate : r.plannedDate;
  const actualDate = options.view ? options.view.actualDate : r.actualDate;
  const day = options.view?.day ?? today();
  let state = r.state;
  if (options.view) {
    if (actualDate) state = 'achieved';
    else if (state === 'achieved') state = 'in_progress';
  }
  const original = ledger.find((c) => c.newDate)?.newDate ?? plannedDate ?? null;
  const reference = actualDate ?? plannedDate;
  return {
    id: r.id,
    initiativeId: r.initiativeId,
    titleEn: r.titleEn,
    titleUr: r.titleUr,
    kind: r.kind,
    plannedDate: isoDate(plannedDate),
    actualDate: isoDate(actualDate),
    state,
    ownerOrganizationId: r.ownerOrganizationId,
    ownerPersonId: r.ownerPersonId,
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
    originalPlannedDate: isoDate(original),
    slippageDays: original && reference ? daysBetween(original, reference) : null,
    reannouncements: Math.max(0, ledger.filter((c) => c.newDate).length - 1),
    overdue: !!plannedDate && isoDate(plannedDate)! < day && !['achieved', 'cancelled'].includes(state),
    ...(options.ledger
      ? {
          dateChanges: ledger.map((c) => ({
            id: c.id,
            milestoneId: r.id,
            oldDate: isoDate(c.oldDate),
            newDate: isoDate(c.newDate),
            announcedById: c.announcedById,
            announcedOn: isoDate(c.announcedOn),
            recordedAt: isoTs(c.recordedAt),
            sourceId: c.sourceId,
            note: c.note,
            recordedById: c.recordedById,
          })),
        }
      : {}),
  };
}

export const MilestoneFilterSchema = z.strictObject({
  q: QFilter.optional(),
  id: IdListFilter.optional(),
  initiativeId: IdSchema.optional(),
  state: z.union([z.enum(MILESTONE_STATES), z.array(z.enum(MILESTONE_STATES))]).optional(),
  kind: z.enum(MILESTONE_KINDS).optional(),
  plannedDate_gte: z.iso.date().optional(),
  plannedDate_lte: z.iso.date().optional(),
  overdue: z.boolean().optional(),
  ownerOrganizationId: IdSchema.optional(),
  ownerPersonId: IdSchema.optional(),
});

async function announce(
  ctx: WriteContext,
  milestoneId: number,
  oldDate: Date | null,
  newDate: Date | null,
  a: Create['announcement'],
): Promise<void> {
  await assertExist(ctx.tx, [
    { field: 'announcement.announcedById', what: 'Person', ids: a?.announcedById ? [a.announcedById] : [] },
    { field: 'announcement.sourceId', what: 'Source', ids: a?.sourceId ? [a.sourceId] : [] },
  ]);
  await ctx.tx.milestoneDateChange.create({
    data: {
      milestoneId,
      oldDate,
      newDate,
      announcedById: a?.announcedById ?? null,
      announcedOn: dateOnly(a?.announcedOn ?? today())!,
      sourceId: a?.sourceId ?? null,
      note: a?.note ?? null,
      recordedById: ctx.user.id,
    },
  });
}

export const milestonesResource: ResourceDefinition<MilestoneRow> = {
  name: 'milestones',
  label: 'Milestone',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: MilestoneSchema,
    create: CreateMilestoneSchema,
    update: UpdateMilestoneSchema,
    readOnly: MILESTONE_READ_ONLY,
    filter: MilestoneFilterSchema,
  },
  sortable: {
    id: (o) => ({ id: o }),
    plannedDate: (o) => ({ plannedDate: { sort: o, nulls: 'last' } }),
    actualDate: (o) => ({ actualDate: { sort: o, nulls: 'last' } }),
    titleEn: (o) => ({ titleEn: o }),
    state: (o) => ({ state: o }),
    kind: (o) => ({ kind: o }),
    initiativeId: (o) => ({ initiativeId: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'plannedDate', order: 'ASC' },
  delegate: (db) => db.milestone,
  include: { include: { dateChanges: true } },
  async where(f, { db }) {
    const ids = f.q ? await matchingIds(db, 'milestones', f.q) : undefined;
    const day = dateOnly(today())!;
    const parts: object[] = [
      f.id !== undefined ? { id: { in: toIdList(f.id) } } : {},
      ids ? { id: { in: ids } } : {},
      definedOnly({
        initiativeId: f.initiativeId,
        kind: f.kind,
        ownerOrganizationId: f.ownerOrganizationId,
        ownerPersonId: f.ownerPersonId,
      }),
      f.state ? { state: { in: Array.isArray(f.state) ? f.state : [f.state] } } : {},
      f.plannedDate_gte || f.plannedDate_lte
        ? { plannedDate: definedOnly({ gte: dateOnly(f.plannedDate_gte), lte: dateOnly(f.plannedDate_lte) }) }
        : {},
      f.overdue === true ? { plannedDate: { lt: day }, state: { notIn: ['achieved', 'cancelled'] } } : {},
      f.overdue === false
        ? { OR: [{ plannedDate: null }, { plannedDate: { gte: day } }, { state: { in: ['achieved', 'cancelled'] } }] }
        : {},
    ];
    return { AND: parts.filter((p) => Object.keys(p).length > 0) };
  },
  toWire: (r) => toMilestone(r, { ledger: true }),
  async toCreateData(i: Create, { tx }) {
    await assertExist(tx, [
      { field: 'ownerOrganizationId', what: 'Organization', ids: i.ownerOrganizationId ? [i.ownerOrganizationId] : [] },
      { field: 'ownerPersonId', what: 'Person', ids: i.ownerPersonId ? [i.ownerPersonId] : [] },
    ]);
    const { announcement: _a, ...fields } = i;
    return {
      ...fields,
      plannedDate: dateOnly(fields.plannedDate),
      actualDate: dateOnly(fields.actualDate),
      searchText: searchTextOf.milestone(fields),
    };
  },
  async toUpdateData(i: Update, existing, { tx }) {
    await assertExist(tx, [
      { field: 'ownerOrganizationId', what: 'Organization', ids: i.ownerOrganizationId ? [i.ownerOrganizationId] : [] },
      { field: 'ownerPersonId', what: 'Person', ids: i.ownerPersonId ? [i.ownerPersonId] : [] },
    ]);
    const { announcement: _a, version: _v, ...fields } = i;
    return {
      ...fields,
      plannedDate: dateOnly(fields.plannedDate),
      actualDate: dateOnly(fields.actualDate),
      searchText: searchTextOf.milestone({ ...existing, ...fields }),
    };
  },
  /** Every (re-)announced planned date goes into the ledger, with who announced it, when, and the source. */
  async afterWrite(ctx, id, input: Create | Update, existing) {
    if (input.plannedDate === undefined) return;
    const before = existing?.plannedDate ?? null;
    const after = dateOnly(input.plannedDate) ?? null;
    if (existing && isoDate(before) === isoDate(after)) return;
    if (!existing && !after) return;
    await announce(ctx, id as number, before, after, input.announcement);
  },
};
