import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import type { Health, InitiativeStage } from '@rabta/domain';
import type { Db } from '../resource/resource';
import { isoDate, isoTs } from '../resource/wire';
import { evidenceInView } from './evidence.as-of';
import { asKnown, snapshotsAt } from './known-at';
import { MilestonesAsOf } from './milestones.as-of';
import { readsAsKnown, type View } from './view';

// What happened to initiatives, as a view sees it: "last update", "recent changes", the timeline's status history
// and the change history of every report. A development is one of:
//   - a status update (effective by the view's end, recorded by its knownAt). Its transition is read from the
//     history as the view holds it — the stage and health it changes from are those of the update before it — so a
//     back-dated update never leaves two updates showing the same transition, and a stage or health equal to the
//     one before is no change: an update that changes neither is a development (news that moves nothing);
//   - an agreement signed (by its signing date; one per initiative it serves; as known at knownAt);
//   - a milestone achieved (by its actual date, as the milestone as-of query reads it).
// Every reader — dashboard, timeline, reports — takes them from here.

export interface SourceRef {
  id: number;
  publisher: string;
  title: string;
  url: string | null;
  language: string;
  publishedAt: string;
}

interface DevelopmentBase {
  initiativeId: number;
  /** When it happened: an ISO date-time (a signing or a delivery: midnight UTC of its day). */
  effectiveAt: string;
  /** When Rabta recorded it. */
  recordedAt: string;
  /** The sources cited for it that the view holds (evidence.as-of.ts). */
  sources: SourceRef[];
}

/** A status update in a view; `toStage`/`toHealth` only when it changes them (else null, with its `from`). */
export interface StatusUpdateView extends DevelopmentBase {
  kind: 'status_update';
  id: number;
  fromStage: InitiativeStage | null;
  toStage: InitiativeStage | null;
  fromHealth: Health | null;
  toHealth: Health | null;
  noteEn: string | null;
  noteUr: string | null;
  authorName: string | null;
}

/** An agreement signed, for one of the initiatives it serves. `id` is the agreement's. */
export interface AgreementSignedView extends DevelopmentBase {
  kind: 'agreement_signed';
  id: number;
  agreementKind: string;
  titleEn: string;
  titleUr: string | null;
}

/** A milestone delivered. `id` is the milestone's. */
export interface MilestoneAchievedView extends DevelopmentBase {
  kind: 'milestone_achieved';
  id: number;
  titleEn: string;
  titleUr: string | null;
}

export type Development = StatusUpdateView | AgreementSignedView | MilestoneAchievedView;
export type DevelopmentKind = Development['kind'];
export const DEVELOPMENT_KINDS: readonly DevelopmentKind[] = [
  'status_update',
  'agreement_signed',
  'milestone_achieved',
];

/** Whether a status update in a view changes neither stage nor health. */
export const isPureDevelopment = (u: StatusUpdateView): boolean => !u.toStage && !u.toHealth;

export const SOURCE_REF_SELECT = {
  id: true,
  publisher: true,
  title: true,
  url: true,
  language: true,
  publishedAt: true,
} as const;

export function toSourceRef(s: {
  id: number;
  publisher: string;
  title: string;
  url: string | null;
  language: string;
  publishedAt: Date;
}): SourceRef {
  return {
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    language: s.language,
    publishedAt: isoDate(s.publishedAt)!,
  };
}

/** The present as a view: everything recorded so far, effective whenever (a change dated a day ahead included). */
export function presentView(now = new Date()): NonNullable<View> {
  return {
    effectiveBefore: new Date(8.64e15),
    knownAt: now,
    knownAtGiven: false,
    day: now.toISOString().slice(0, 10),
    isPast: false,
  };
}

/** Newest first: by effective time, then recorded time, then kind and id (as the stage in force is chosen). */
export function newestFirst(a: Development, b: Development): number {
  return (
    b.effectiveAt.localeCompare(a.effectiveAt) ||
    b.recordedAt.localeCompare(a.recordedAt) ||
    DEVELOPMENT_KINDS.indexOf(b.kind) - DEVELOPMENT_KINDS.indexOf(a.kind) ||
    b.id - a.id
  );
}

export interface DevelopmentsWhere {
  /** All initiatives when undefined. */
  initiativeIds?: number[];
  /** Effective from this moment on. */
  effectiveFrom?: Date;
  /** The kinds wanted (all by default). */
  kinds?: readonly DevelopmentKind[];
}

interface UpdateRow {
  id: number;
  initiative_id: number;
  from_stage: InitiativeStage | null;
  to_stage: InitiativeStage | null;
  from_health: Health | null;
  to_health: Health | null;
  note_en: string | null;
  note_ur: string | null;
  effective_at: Date;
  recorded_at: Date;
  author_name: string | null;
}

const midnight = (day: string) => `${day}T00:00:00.000Z`;

@Injectable()
export class ActivityAsOf {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly milestones: MilestonesAsOf,
  ) {}

  /** The developments of these initiatives in the view, effective from `effectiveFrom` on, oldest first. */
  async developments(view: NonNullable<View>, where: DevelopmentsWhere, db: Db = this.prisma): Promise<Development[]> {
    if (where.initiativeIds && !where.initiativeIds.length) return [];
    const kinds = where.kinds ?? DEVELOPMENT_KINDS;
    const [updates, agreements, milestones] = await Promise.all([
      kinds.includes('status_update')
        ? this.updates(
            view,
            this.updateWhere(view, where),
            Prisma.sql`ORDER BY su.effective_at, su.recorded_at, su.id`,
            db,
          )
        : [],
      kinds.includes('agreement_signed') ? this.agreementsSigned(view, where, undefined, db) : [],
      kinds.includes('milestone_achieved') ? this.milestonesAchieved(view, where, undefined, db) : [],
    ]);
    return [...updates, ...agreements, ...milestones].sort((a, b) => newestFirst(b, a));
  }

  /** The status updates among the developments (changes and pure developments), oldest first. */
  statusUpdates(view: NonNullable<View>, where: Omit<DevelopmentsWhere, 'kinds'>, db: Db = this.prisma) {
    return this.developments(view, { ...where, kinds: ['status_update'] }, db) as Promise<StatusUpdateView[]>;
  }

  /** The latest `limit` developments of these initiatives in the view, newest first ("recent changes"). */
  async recent(
    view: NonNullable<View>,
    initiativeIds: number[],
    limit: number,
    db: Db = this.prisma,
  ): Promise<Development[]> {
    if (!initiativeIds.length) return [];
    const where = { initiativeIds };
    const [updates, agreements, milestones] = await Promise.all([
      this.updates(
        view,
        this.updateWhere(view, where),
        Prisma.sql`ORDER BY su.effective_at DESC, su.recorded_at DESC, su.id DESC LIMIT ${limit}`,
        db,
      ),
      this.agreementsSigned(view, where, limit, db),
      this.milestonesAchieved(view, where, limit, db),
    ]);
    return [...updates, ...agreements, ...milestones].sort(newestFirst).slice(0, limit);
  }

  /** Each initiative's latest development in the view ("last update"). */
  async latest(
    view: NonNullable<View>,
    initiativeIds: number[],
    db: Db = this.prisma,
  ): Promise<Map<number, Development>> {
    if (!initiativeIds.length) return new Map();
    const where = { initiativeIds };
    const [updates, agreements, milestones] = await Promise.all([
      this.updates(
        view,
        Prisma.sql`su.id IN (SELECT DISTINCT ON (x.initiative_id) x.id FROM status_updates x
          WHERE x.initiative_id = ANY(${initiativeIds}::int[]) AND x.effective_at < ${view.effectiveBefore} AND x.recorded_at <= ${view.knownAt}
          ORDER BY x.initiative_id, x.effective_at DESC, x.recorded_at DESC, x.id DESC)`,
        Prisma.empty,
        db,
      ),
      this.agreementsSigned(view, where, undefined, db),
      this.milestonesAchieved(view, where, undefined, db),
    ]);
    const out = new Map<number, Development>();
    for (const d of [...updates, ...agreements, ...milestones]) {
      const held = out.get(d.initiativeId);
      if (!held || newestFirst(d, held) < 0) out.set(d.initiativeId, d);
    }
    return out;
  }

  private updateWhere(view: NonNullable<View>, where: Omit<DevelopmentsWhere, 'kinds'>): Prisma.Sql {
    return Prisma.join(
      [
        where.initiativeIds ? Prisma.sql`su.initiative_id = ANY(${where.initiativeIds}::int[])` : Prisma.sql`TRUE`,
        Prisma.sql`su.effective_at < ${view.effectiveBefore} AND su.recorded_at <= ${view.knownAt}`,
        where.effectiveFrom ? Prisma.sql`su.effective_at >= ${where.effectiveFrom}` : Prisma.sql`TRUE`,
      ],
      ' AND ',
    );
  }

  /**
   * Status updates with their transitions as the view holds the history: each changes from the stage (health) of
   * the update before it that gives one, recorded by the view's knownAt.
   */
  private async updates(
    view: NonNullable<View>,
    where: Prisma.Sql,
    order: Prisma.Sql,
    db: Db,
  ): Promise<StatusUpdateView[]> {
    const before = (column: string) => Prisma.sql`(SELECT p.${Prisma.raw(column)} FROM status_updates p
        WHERE p.initiative_id = su.initiative_id AND p.${Prisma.raw(column)} IS NOT NULL AND p.recorded_at <= ${view.knownAt}
          AND (p.effective_at, p.recorded_at, p.id) < (su.effective_at, su.recorded_at, su.id)
        ORDER BY p.effective_at DESC, p.recorded_at DESC, p.id DESC LIMIT 1)`;
    const rows = await db.$queryRaw<UpdateRow[]>`
      SELECT su.id, su.initiative_id, su.to_stage, su.to_health, su.note_en, su.note_ur, su.effective_at, su.recorded_at,
        u.name AS author_name,
        CASE WHEN su.to_stage IS NULL THEN NULL ELSE ${before('to_stage')} END AS from_stage,
        CASE WHEN su.to_health IS NULL THEN NULL ELSE ${before('to_health')} END AS from_health
      FROM status_updates su LEFT JOIN users u ON u.id = su.author_id
      WHERE ${where} ${order}`;
    const sources = await this.sourcesOf(
      view,
      'statusUpdateId',
      rows.map((r) => r.id),
      db,
    );
    return rows.map((r) => {
      const fromHealth = r.from_health ?? 'not_assessed';
      const stageChanged = !!r.to_stage && r.to_stage !== r.from_stage;
      const healthChanged = !!r.to_health && r.to_health !== fromHealth;
      return {
        kind: 'status_update',
        id: r.id,
        initiativeId: r.initiative_id,
        fromStage: stageChanged ? r.from_stage : null,
        toStage: stageChanged ? r.to_stage : null,
        fromHealth: healthChanged ? fromHealth : null,
        toHealth: healthChanged ? r.to_health : null,
        noteEn: r.note_en,
        noteUr: r.note_ur,
        effectiveAt: isoTs(r.effective_at)!,
        recordedAt: isoTs(r.recorded_at)!,
        authorName: r.author_name,
        sources: sources.get(r.id) ?? [],
      };
    });
  }

  /**
   * Agreements signed by the view's day (from `effectiveFrom`), recorded by its knownAt, as known then; one
   * development per initiative of `where` they serve. `limit`: only the latest signings.
   */
  private async agreementsSigned(
    view: NonNullable<View>,
    where: Omit<DevelopmentsWhere, 'kinds'>,
    limit: number | undefined,
    db: Db,
  ): Promise<AgreementSignedView[]> {
    const snapshots = readsAsKnown(view) ? await snapshotsAt(db, 'agreements', view.knownAt) : new Map();
    const signedDate = {
      not: null,
      lt: view.effectiveBefore,
      ...(where.effectiveFrom ? { gte: new Date(midnight(isoDate(where.effectiveFrom)!)) } : {}),
    };
    const rows = await db.agreement.findMany({
      where: {
        OR: [
          {
            signedDate,
            status: { not: 'under_negotiation' },
            createdAt: { lte: view.knownAt },
            ...(where.initiativeIds ? { initiatives: { some: { initiativeId: { in: where.initiativeIds } } } } : {}),
          },
          ...(snapshots.size ? [{ id: { in: [...snapshots.keys()] } }] : []),
        ],
      },
      select: {
        id: true,
        kind: true,
        titleEn: true,
        titleUr: true,
        status: true,
        signedDate: true,
        createdAt: true,
        initiatives: { select: { initiativeId: true } },
      },
      orderBy: [{ signedDate: 'desc' }, { id: 'desc' }],
      ...(limit && !snapshots.size ? { take: limit } : {}),
    });
    const wire = rows.map((a) => ({
      id: a.id,
      kind: a.kind as string,
      titleEn: a.titleEn,
      titleUr: a.titleUr,
      status: a.status as string,
      signedDate: isoDate(a.signedDate),
      createdAt: isoTs(a.createdAt)!,
      initiativeIds: a.initiatives.map((i) => i.initiativeId),
    }));
    const from = where.effectiveFrom ? isoDate(where.effectiveFrom)! : undefined;
    const wanted = where.initiativeIds ? new Set(where.initiativeIds) : undefined;
    const signed = asKnown(wire, snapshots, view.knownAt).filter(
      (a) =>
        !!a.signedDate &&
        a.status !== 'under_negotiation' &&
        a.signedDate <= view.day &&
        Date.parse(midnight(a.signedDate)) < view.effectiveBefore.getTime() &&
        (!from || a.signedDate >= from),
    );
    const sources = await this.sourcesOf(
      view,
      'agreementId',
      signed.map((a) => a.id),
      db,
    );
    return signed.flatMap((a) =>
      (a.initiativeIds ?? [])
        .filter((id) => !wanted || wanted.has(id))
        .map((initiativeId) => ({
          kind: 'agreement_signed' as const,
          id: a.id,
          initiativeId,
          agreementKind: a.kind,
          titleEn: a.titleEn,
          titleUr: a.titleUr,
          effectiveAt: midnight(a.signedDate!),
          recordedAt: a.createdAt,
          sources: sources.get(a.id) ?? [],
        })),
    );
  }

  /** Milestones delivered by the view's day (from `effectiveFrom`), by the milestone as-of query. */
  private async milestonesAchieved(
    view: NonNullable<View>,
    where: Omit<DevelopmentsWhere, 'kinds'>,
    limit: number | undefined,
    db: Db,
  ): Promise<MilestoneAchievedView[]> {
    const filter = {
      initiativeIds: where.initiativeIds,
      deliveredFrom: where.effectiveFrom ? isoDate(where.effectiveFrom)! : undefined,
      delivered: true,
    };
    const { rows } = await this.milestones.page(
      filter,
      { sort: { field: 'actualDate', order: 'DESC' }, offset: 0, limit: limit ?? 1_000_000 },
      view,
      db,
    );
    const sources = await this.sourcesOf(
      view,
      'milestoneId',
      rows.map((m) => m.id),
      db,
    );
    return rows.map((m) => ({
      kind: 'milestone_achieved' as const,
      id: m.id,
      initiativeId: m.initiative_id,
      titleEn: m.title_en,
      titleUr: m.title_ur,
      effectiveAt: midnight(isoDate(m.actual_date)!),
      recordedAt: isoTs(m.updated_at)!,
      sources: sources.get(m.id) ?? [],
    }));
  }

  /** The sources cited for these records that the view holds, by record, each once, in citation order. */
  private async sourcesOf(
    view: NonNullable<View>,
    target: 'statusUpdateId' | 'agreementId' | 'milestoneId',
    ids: number[],
    db: Db,
  ): Promise<Map<number, SourceRef[]>> {
    const out = new Map<number, SourceRef[]>();
    if (!ids.length) return out;
    const rows = await db.evidence.findMany({
      where: { [target]: { in: [...new Set(ids)] }, ...evidenceInView(view) },
      select: { [target]: true, source: { select: SOURCE_REF_SELECT } },
      orderBy: { id: 'asc' },
    });
    for (const e of rows as unknown as ({ source: Parameters<typeof toSourceRef>[0] } & Record<string, number>)[]) {
      const list = out.get(e[target]) ?? [];
      if (!list.some((s) => s.id === e.source.id)) list.push(toSourceRef(e.source));
      out.set(e[target], list);
    }
    return out;
  }
}
