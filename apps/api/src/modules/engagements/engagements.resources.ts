import type { Decision, Engagement } from '@rabta/db';
import {
  CreateDecisionSchema,
  CreateEngagementSchema,
  DECISION_READ_ONLY,
  DECISION_STATES,
  DecisionSchema,
  ENGAGEMENT_FORMATS,
  ENGAGEMENT_READ_ONLY,
  ENGAGEMENT_STATUSES,
  EngagementSchema,
  searchTextOf,
  UpdateDecisionSchema,
  UpdateEngagementSchema,
  IdSchema,
  isDecisionOverdue,
} from '@rabta/domain';
import { z } from 'zod';
import { decisionFacts, decisionOverdueWhere } from '../../common/as-of/decisions.as-of';
import { viewDay } from '../../common/as-of/view';
import { AppException } from '../../common/errors/app-exception';
import { IdListFilter, QFilter, toIdList } from '../../common/http/list-query';
import { defineResource } from '../../common/resource/resource';
import { assertExist } from '../../common/resource/scope';
import { matchingIds } from '../../common/resource/search';
import { refreshSearchText } from '../../common/search/search-text';
import { dateOnly, definedOnly, isoDate, isoTs } from '../../common/resource/wire';

const and = (...parts: object[]) => ({ AND: parts.filter((p) => Object.keys(p).length > 0) });
const dateFilter = z.iso.date();
const idFilter = IdSchema;

// ------------------------------------------------------------------------------------------------ engagements

type EngagementRow = Engagement & { participants: { personId: number }[]; initiatives: { initiativeId: number }[] };
type EngagementCreate = z.infer<typeof CreateEngagementSchema>;
type EngagementUpdate = z.infer<typeof UpdateEngagementSchema>;

export const engagementsResource = defineResource({
  name: 'engagements',
  label: 'Engagement',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: EngagementSchema,
    create: CreateEngagementSchema,
    update: UpdateEngagementSchema,
    readOnly: ENGAGEMENT_READ_ONLY,
    filter: z.strictObject({
      q: QFilter.optional(),
      id: IdListFilter.optional(),
      format: z.enum(ENGAGEMENT_FORMATS).optional(),
      status: z.enum(ENGAGEMENT_STATUSES).optional(),
      startDate_gte: dateFilter.optional(),
      startDate_lte: dateFilter.optional(),
      initiativeId: idFilter.optional(),
      personId: idFilter.optional(),
      countryCode: z
        .string()
        .length(2)
        .transform((v) => v.toUpperCase())
        .optional(),
      previousId: idFilter.optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    startDate: (o) => ({ startDate: o }),
    titleEn: (o) => ({ titleEn: o }),
    format: (o) => ({ format: o }),
    status: (o) => ({ status: o }),
    sessionNumber: (o) => ({ sessionNumber: { sort: o, nulls: 'last' } }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'startDate', order: 'DESC' },
  delegate: (db) => db.engagement,
  include: {
    include: { participants: { select: { personId: true } }, initiatives: { select: { initiativeId: true } } },
  },
  async where(f, { db }) {
    const ids = f.q ? await matchingIds(db, 'engagements', f.q) : undefined;
    return and(
      f.id !== undefined ? { id: { in: toIdList(f.id) } } : {},
      ids ? { id: { in: ids } } : {},
      definedOnly({ format: f.format, status: f.status, countryCode: f.countryCode, previousId: f.previousId }),
      f.startDate_gte || f.startDate_lte
        ? { startDate: definedOnly({ gte: dateOnly(f.startDate_gte), lte: dateOnly(f.startDate_lte) }) }
        : {},
      f.initiativeId ? { initiatives: { some: { initiativeId: f.initiativeId } } } : {},
      f.personId ? { participants: { some: { personId: f.personId } } } : {},
    );
  },
  toWire: (r: EngagementRow) => ({
    id: r.id,
    titleEn: r.titleEn,
    titleUr: r.titleUr,
    format: r.format,
    status: r.status,
    startDate: isoDate(r.startDate),
    endDate: isoDate(r.endDate),
    placeEn: r.placeEn,
    placeUr: r.placeUr,
    countryCode: r.countryCode,
    forumName: r.forumName,
    sessionNumber: r.sessionNumber,
    outcomeEn: r.outcomeEn,
    outcomeUr: r.outcomeUr,
    previousId: r.previousId,
    participantIds: r.participants.map((p) => p.personId),
    initiativeIds: r.initiatives.map((i) => i.initiativeId),
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  async toCreateData(i: EngagementCreate, { tx }) {
    await assertExist(tx, [
      { field: 'countryCode', what: 'Country', ids: i.countryCode ? [i.countryCode] : [] },
      { field: 'previousId', what: 'Engagement', ids: i.previousId ? [i.previousId] : [] },
      { field: 'participantIds', what: 'Person', ids: i.participantIds ?? [] },
    ]);
    const { participantIds: _p, initiativeIds: _i, ...fields } = i;
    return {
      ...fields,
      startDate: dateOnly(fields.startDate)!,
      endDate: dateOnly(fields.endDate),
      searchText: searchTextOf.engagement(fields),
    };
  },
  async toUpdateData(i: EngagementUpdate, existing, { tx }) {
    const { version: _v, participantIds: _p, initiativeIds: _i, ...fields } = i;
    await assertExist(tx, [
      { field: 'countryCode', what: 'Country', ids: fields.countryCode ? [fields.countryCode] : [] },
      { field: 'previousId', what: 'Engagement', ids: fields.previousId ? [fields.previousId] : [] },
      { field: 'participantIds', what: 'Person', ids: i.participantIds ?? [] },
    ]);
    if (fields.previousId === existing.id)
      throw new AppException('VALIDATION_FAILED', 'An engagement cannot follow up itself', {
        previousId: 'Cannot be itself',
      });
    const start = fields.startDate ?? isoDate(existing.startDate)!;
    const end = fields.endDate !== undefined ? fields.endDate : isoDate(existing.endDate);
    if (end && end < start)
      throw new AppException('VALIDATION_FAILED', 'The end date is before the start date', {
        endDate: 'Must not be before the start date',
      });
    return {
      ...fields,
      startDate: dateOnly(fields.startDate),
      endDate: dateOnly(fields.endDate),
      // Completed with the participants' names in afterWrite.
      searchText: searchTextOf.engagement({ ...existing, ...fields, participants: [] }),
    };
  },
  async afterWrite({ tx }, id, input: EngagementCreate | EngagementUpdate) {
    const engagementId = id as number;
    if (input.participantIds) {
      await tx.engagementParticipant.deleteMany({ where: { engagementId, personId: { notIn: input.participantIds } } });
      await tx.engagementParticipant.createMany({
        data: input.participantIds.map((personId) => ({ engagementId, personId })),
        skipDuplicates: true,
      });
    }
    if (input.initiativeIds) {
      await tx.engagementInitiative.deleteMany({
        where: { engagementId, initiativeId: { notIn: input.initiativeIds } },
      });
      await tx.engagementInitiative.createMany({
        data: input.initiativeIds.map((initiativeId) => ({ engagementId, initiativeId })),
        skipDuplicates: true,
      });
    }
    // The search text names the participants (in every script): written once the links are.
    await refreshSearchText(tx, 'engagements', [engagementId]);
  },
});

// ------------------------------------------------------------------------------------------------ decisions

type DecisionCreate = z.infer<typeof CreateDecisionSchema>;
type DecisionUpdate = z.infer<typeof UpdateDecisionSchema>;

/** Overdue today (the domain's rule, on the recorded state). */
function isOverdue(d: Pick<Decision, 'dueDate' | 'state'>): boolean {
  return isDecisionOverdue({ state: d.state, dueDate: isoDate(d.dueDate) }, viewDay(undefined));
}

export const decisionsResource = defineResource({
  name: 'decisions',
  label: 'Decision',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: DecisionSchema,
    create: CreateDecisionSchema,
    update: UpdateDecisionSchema,
    readOnly: DECISION_READ_ONLY,
    filter: z.strictObject({
      id: IdListFilter.optional(),
      engagementId: idFilter.optional(),
      initiativeId: idFilter.optional(),
      milestoneId: idFilter.optional(),
      reviewedAtId: idFilter.optional(),
      state: z.enum(DECISION_STATES).optional(),
      dueDate_gte: dateFilter.optional(),
      dueDate_lte: dateFilter.optional(),
      overdue: z.boolean().optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    dueDate: (o) => ({ dueDate: { sort: o, nulls: 'last' } }),
    state: (o) => ({ state: o }),
    engagementId: (o) => ({ engagementId: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'dueDate', order: 'ASC' },
  delegate: (db) => db.decision,
  where: (f) => {
    const today = viewDay(undefined).day;
    return and(
      f.id !== undefined ? { id: { in: toIdList(f.id) } } : {},
      definedOnly({
        engagementId: f.engagementId,
        initiativeId: f.initiativeId,
        milestoneId: f.milestoneId,
        reviewedAtId: f.reviewedAtId,
        state: f.state,
      }),
      f.dueDate_gte || f.dueDate_lte
        ? { dueDate: definedOnly({ gte: dateOnly(f.dueDate_gte), lte: dateOnly(f.dueDate_lte) }) }
        : {},
      f.overdue === undefined ? {} : decisionOverdueWhere(today, f.overdue),
    );
  },
  toWire: (r: Decision) => ({
    ...decisionFacts(r),
    version: r.version,
    updatedAt: isoTs(r.updatedAt),
    overdue: isOverdue(r),
  }),
  async toCreateData(i: DecisionCreate, { tx }) {
    await assertExist(tx, [
      { field: 'milestoneId', what: 'Milestone', ids: i.milestoneId ? [i.milestoneId] : [] },
      { field: 'reviewedAtId', what: 'Engagement', ids: i.reviewedAtId ? [i.reviewedAtId] : [] },
    ]);
    return { ...i, dueDate: dateOnly(i.dueDate) };
  },
  async toUpdateData(i: DecisionUpdate, _existing, { tx }) {
    const { version: _v, ...rest } = i;
    await assertExist(tx, [
      { field: 'engagementId', what: 'Engagement', ids: rest.engagementId ? [rest.engagementId] : [] },
      { field: 'milestoneId', what: 'Milestone', ids: rest.milestoneId ? [rest.milestoneId] : [] },
      { field: 'reviewedAtId', what: 'Engagement', ids: rest.reviewedAtId ? [rest.reviewedAtId] : [] },
    ]);
    return { ...rest, dueDate: dateOnly(rest.dueDate) };
  },
});
