import { Injectable } from '@nestjs/common';
import { PrismaClient, type Decision, type Prisma } from '@rabta/db';
import { CLOSED_DECISION_STATES, type DecisionState } from '@rabta/domain';
import { isoDate, isoTs } from '../resource/wire';
import { asKnown, snapshotsAt, type Snapshot } from './known-at';
import { readsAsKnown, type View } from './view';

// Decisions in a view: taken at a meeting held by the view's day (the domain's isDecisionTakenBy), in the state the
// domain's decisionStateAsOf gives on that day. Their attributes are edited in place: reports read them as the audit
// log knew them (known-at.ts).

const closed = [...CLOSED_DECISION_STATES] as DecisionState[];

/** Prisma: the meetings held by the view's day (where its decisions were taken). */
export function meetingsHeldIn(view: View): Prisma.EngagementWhereInput {
  return view ? { startDate: { lte: new Date(`${view.day}T00:00:00.000Z`) } } : {};
}

/** Prisma: the decisions a view holds. */
export function decisionsInView(view: View): Prisma.DecisionWhereInput {
  return view ? { engagement: meetingsHeldIn(view) } : {};
}

/**
 * Prisma mirror of the domain's isDecisionOverdue in the present (recorded state): open, and past its due date or
 * called overdue by an analyst — or (`overdue` false) the others.
 */
export function decisionOverdueWhere(today: string, overdue: boolean): Prisma.DecisionWhereInput {
  const day = new Date(`${today}T00:00:00.000Z`);
  const isOverdue: Prisma.DecisionWhereInput = {
    state: { notIn: closed },
    OR: [{ dueDate: { lt: day } }, { state: 'overdue' }],
  };
  const isNot: Prisma.DecisionWhereInput = {
    OR: [{ state: { in: closed } }, { state: { not: 'overdue' }, OR: [{ dueDate: null }, { dueDate: { gte: day } }] }],
  };
  return overdue ? isOverdue : isNot;
}

/** A decision as a view knows it (the wire's fields, as the audit log's snapshots hold them). */
export interface DecisionAsOf {
  id: number;
  engagementId: number;
  textEn: string;
  textUr: string | null;
  dueDate: string | null;
  initiativeId: number | null;
  milestoneId: number | null;
  /** As recorded (as known); the domain's decisionStateAsOf gives the state on the view's day. */
  state: DecisionState;
  reviewedAtId: number | null;
  reviewNoteEn: string | null;
  reviewNoteUr: string | null;
  createdAt: string;
}

/** A decision row's fields as the wire and the audit log's snapshots hold them. */
export function decisionFacts(r: Decision): DecisionAsOf {
  return {
    id: r.id,
    engagementId: r.engagementId,
    textEn: r.textEn,
    textUr: r.textUr,
    dueDate: isoDate(r.dueDate),
    initiativeId: r.initiativeId,
    milestoneId: r.milestoneId,
    state: r.state,
    reviewedAtId: r.reviewedAtId,
    reviewNoteEn: r.reviewNoteEn,
    reviewNoteUr: r.reviewNoteUr,
    createdAt: isoTs(r.createdAt)!,
  };
}

@Injectable()
export class DecisionsAsOf {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The decisions of the view among those `where` selects (a superset: the caller filters again on the known
   * values): as known at its knownAt, taken at a meeting held by its day. `snapshots`: the audit snapshots of
   * decisions at the view's knownAt, when the caller has read them already.
   */
  async known(
    view: View,
    where: Prisma.DecisionWhereInput,
    snapshots?: Map<number, Snapshot>,
  ): Promise<DecisionAsOf[]> {
    if (!view) return (await this.prisma.decision.findMany({ where, orderBy: { id: 'asc' } })).map(decisionFacts);
    const snaps = readsAsKnown(view)
      ? (snapshots ?? (await snapshotsAt(this.prisma, 'decisions', view.knownAt)))
      : new Map();
    const rows = await this.prisma.decision.findMany({
      where: snaps.size ? { OR: [where, { id: { in: [...snaps.keys()] } }] } : where,
      orderBy: { id: 'asc' },
    });
    const known = asKnown(rows.map(decisionFacts), snaps, view.knownAt);
    const held = new Set(
      (
        await this.prisma.engagement.findMany({
          where: { id: { in: [...new Set(known.map((d) => d.engagementId))] }, ...meetingsHeldIn(view) },
          select: { id: true },
        })
      ).map((e) => e.id),
    );
    return known.filter((d) => held.has(d.engagementId));
  }
}
