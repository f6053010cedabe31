import type { Milestone, PrismaClient } from '@rabta/db';
import { MilestonesAsOf, type MilestoneFilter } from '../../common/as-of/milestones.as-of';
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
import { defineResource, type WriteContext } from '../../common/resource/resource';
import { assertExist } from '../../common/resource/scope';
import { dateOnly, isoDate } from '../../common/resource/wire';
import { toMilestone, type LedgerRow } from './milestones.mapper';

type MilestoneRow = Milestone & { dateChanges: LedgerRow[] };
type Create = z.infer<typeof CreateMilestoneSchema>;
type Update = z.infer<typeof UpdateMilestoneSchema>;

const today = () => new Date().toISOString().slice(0, 10);

export const MilestoneFilterSchema = z.strictObject({
  q: QFilter.optional(),
  id: IdListFilter.optional(),
  initiativeId: IdSchema.optional(),
  /** Milestones of initiatives in any of these sectors (the admin's pickers for writing: the analyst's scope). */
  sectorId: z
    .union([IdSchema, z.array(IdSchema).max(100)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  state: z.union([z.enum(MILESTONE_STATES), z.array(z.enum(MILESTONE_STATES))]).optional(),
  kind: z.enum(MILESTONE_KINDS).optional(),
  plannedDate_gte: z.iso.date().optional(),
  plannedDate_lte: z.iso.date().optional(),
  overdue: z.boolean().optional(),
  ownerOrganizationId: IdSchema.optional(),
  ownerPersonId: IdSchema.optional(),
});

/** The list filter of the API → the as-of query's. */
export function milestoneFilterOf(f: z.infer<typeof MilestoneFilterSchema>): MilestoneFilter {
  return {
    id: f.id === undefined ? undefined : toIdList(f.id),
    q: f.q,
    initiativeId: f.initiativeId,
    sectorId: f.sectorId,
    kind: f.kind,
    state: f.state === undefined ? undefined : Array.isArray(f.state) ? f.state : [f.state],
    plannedDate_gte: f.plannedDate_gte,
    plannedDate_lte: f.plannedDate_lte,
    overdue: f.overdue,
    ownerOrganizationId: f.ownerOrganizationId,
    ownerPersonId: f.ownerPersonId,
  };
}

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

export const milestonesResource = defineResource({
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
  // Lists are read by MilestonesService through MilestonesAsOf (the kit's list is not routed); a list through the
  // kit would select the same rows, by the same query.
  async where(f, { db }) {
    const { rows } = await new MilestonesAsOf(db as PrismaClient).page(
      milestoneFilterOf(f),
      { sort: { field: 'id', order: 'ASC' }, offset: 0, limit: 1_000_000 },
      undefined,
    );
    return { id: { in: rows.map((r) => r.id) } };
  },
  toWire: (r: MilestoneRow) => toMilestone(r, r.dateChanges, undefined, { ledger: true }),
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
});
