import type { MilestoneDateChange } from '@rabta/db';
import {
  actualDateAsOf,
  isMilestoneOverdue,
  ledgerFigures,
  milestoneStateAsOf,
  type Milestone,
  type MilestoneKind,
  type MilestoneState,
} from '@rabta/domain';
import type { MilestoneAsOfRow } from '../../common/as-of/milestones.as-of';
import { viewDay, type View } from '../../common/as-of/view';
import { isoDate, isoTs } from '../../common/resource/wire';

export type LedgerRow = Pick<
  MilestoneDateChange,
  'id' | 'oldDate' | 'newDate' | 'announcedById' | 'announcedOn' | 'recordedAt' | 'sourceId' | 'note' | 'recordedById'
>;

/** A milestone as recorded, with its planned date as announced in the view. */
export interface MilestoneFacts {
  id: number;
  initiativeId: number;
  titleEn: string;
  titleUr: string | null;
  kind: string;
  state: MilestoneState;
  plannedDate: Date | null;
  actualDate: Date | null;
  ownerOrganizationId: number | null;
  ownerPersonId: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function factsOf(r: MilestoneAsOfRow): MilestoneFacts {
  return {
    id: r.id,
    initiativeId: r.initiative_id,
    titleEn: r.title_en,
    titleUr: r.title_ur,
    kind: r.kind,
    state: r.state,
    plannedDate: r.planned_date,
    actualDate: r.actual_date,
    ownerOrganizationId: r.owner_organization_id,
    ownerPersonId: r.owner_person_id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

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
 * Milestone → wire in a view, by the domain's rules. In the present a milestone shows what is recorded (what its
 * form edits) and whether it is overdue today; in a view as of a date, its actual date only if delivered by then and
 * the state the rules give then. The announced-vs-delivered figures come from the ledger as the view knows it.
 */
export function toMilestone(
  m: MilestoneFacts,
  ledgerRows: LedgerRow[],
  view: View,
  options: { ledger?: boolean } = {},
): Milestone {
  const ledger = sortLedger(ledgerRows);
  const vd = viewDay(view);
  const recorded = { state: m.state, plannedDate: isoDate(m.plannedDate), actualDate: isoDate(m.actualDate) };
  const actualDate = vd.present ? recorded.actualDate : actualDateAsOf(recorded.actualDate, vd);
  const state = vd.present ? m.state : milestoneStateAsOf(recorded, vd);
  const figures = ledgerFigures(
    ledger.map((c) => ({ newDate: isoDate(c.newDate) })),
    { plannedDate: recorded.plannedDate, actualDate },
  );
  return {
    id: m.id,
    initiativeId: m.initiativeId,
    titleEn: m.titleEn,
    titleUr: m.titleUr,
    kind: m.kind as MilestoneKind,
    plannedDate: recorded.plannedDate,
    actualDate,
    state,
    ownerOrganizationId: m.ownerOrganizationId,
    ownerPersonId: m.ownerPersonId,
    version: m.version,
    createdAt: isoTs(m.createdAt)!,
    updatedAt: isoTs(m.updatedAt)!,
    ...figures,
    overdue: isMilestoneOverdue(recorded, vd),
    ...(options.ledger
      ? {
          dateChanges: ledger.map((c) => ({
            id: c.id,
            milestoneId: m.id,
            oldDate: isoDate(c.oldDate),
            newDate: isoDate(c.newDate),
            announcedById: c.announcedById,
            announcedOn: isoDate(c.announcedOn)!,
            recordedAt: isoTs(c.recordedAt)!,
            sourceId: c.sourceId,
            note: c.note,
            recordedById: c.recordedById,
          })),
        }
      : {}),
  };
}
