import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import type { Health, InitiativeStage } from '@rabta/domain';
import type { Db } from '../resource/resource';
import { isoDate, isoTs } from '../resource/wire';
import { evidenceInView } from './evidence.as-of';
import type { View } from './view';

// What happened to initiatives, as a view sees it: "last update", "recent changes", the change history of reports.
// Today these are status updates (effective by the view's end, recorded by its knownAt). A development recorded
// without a change of stage or health, an agreement signed, a milestone achieved are further kinds of Development:
// add them here (a `kind` and its rows) and every reader — dashboard, reports — takes them in.

export interface SourceRef {
  id: number;
  publisher: string;
  title: string;
  url: string | null;
  language: string;
  publishedAt: string;
}

/** A status update in a view, with the sources it cites that the view holds (evidence.as-of.ts). */
export interface StatusUpdateView {
  kind: 'status_update';
  id: number;
  initiativeId: number;
  fromStage: InitiativeStage | null;
  toStage: InitiativeStage | null;
  fromHealth: Health | null;
  toHealth: Health | null;
  noteEn: string | null;
  noteUr: string | null;
  effectiveAt: string;
  recordedAt: string;
  authorName: string | null;
  sources: SourceRef[];
}

export type Development = StatusUpdateView;

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

/** The order of "latest": by effective time, then by recorded time, then by id (as the stage in force is chosen). */
const NEWEST_FIRST = Prisma.sql`ORDER BY su.effective_at DESC, su.recorded_at DESC, su.id DESC`;

@Injectable()
export class ActivityAsOf {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The developments of these initiatives (all, when `initiativeIds` is undefined) in the view, effective from
   * `effectiveFrom` on, oldest first.
   */
  async developments(
    view: NonNullable<View>,
    where: { initiativeIds?: number[]; effectiveFrom?: Date },
    db: Db = this.prisma,
  ): Promise<Development[]> {
    if (where.initiativeIds && !where.initiativeIds.length) return [];
    const rows = await db.statusUpdate.findMany({
      where: {
        ...(where.initiativeIds ? { initiativeId: { in: where.initiativeIds } } : {}),
        effectiveAt: { lt: view.effectiveBefore, ...(where.effectiveFrom ? { gte: where.effectiveFrom } : {}) },
        recordedAt: { lte: view.knownAt },
      },
      include: this.include(view),
      orderBy: [{ effectiveAt: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toDevelopment);
  }

  /** The latest `limit` developments of these initiatives in the view, newest first ("recent changes"). */
  async recent(
    view: NonNullable<View>,
    initiativeIds: number[],
    limit: number,
    db: Db = this.prisma,
  ): Promise<Development[]> {
    if (!initiativeIds.length) return [];
    const ids = await db.$queryRaw<{ id: number }[]>`
      SELECT su.id FROM status_updates su
      WHERE su.initiative_id = ANY(${initiativeIds}::int[]) AND su.effective_at < ${view.effectiveBefore} AND su.recorded_at <= ${view.knownAt}
      ${NEWEST_FIRST} LIMIT ${limit}`;
    return this.inOrder(view, ids, db);
  }

  /** Each initiative's latest development in the view ("last update"). */
  async latest(
    view: NonNullable<View>,
    initiativeIds: number[],
    db: Db = this.prisma,
  ): Promise<Map<number, Development>> {
    if (!initiativeIds.length) return new Map();
    const ids = await db.$queryRaw<{ id: number }[]>`
      SELECT DISTINCT ON (su.initiative_id) su.id
      FROM status_updates su
      WHERE su.initiative_id = ANY(${initiativeIds}::int[]) AND su.effective_at < ${view.effectiveBefore} AND su.recorded_at <= ${view.knownAt}
      ORDER BY su.initiative_id, su.effective_at DESC, su.recorded_at DESC, su.id DESC`;
    return new Map((await this.inOrder(view, ids, db)).map((d) => [d.initiativeId, d]));
  }

  private include(view: NonNullable<View>) {
    return {
      author: { select: { name: true } },
      evidence: {
        where: evidenceInView(view),
        select: { source: { select: SOURCE_REF_SELECT } },
        orderBy: { id: 'asc' as const },
      },
    };
  }

  private async inOrder(view: NonNullable<View>, ids: { id: number }[], db: Db): Promise<Development[]> {
    if (!ids.length) return [];
    const rows = await db.statusUpdate.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      include: this.include(view),
    });
    const byId = new Map(rows.map((u) => [u.id, u]));
    return ids.map((r) => toDevelopment(byId.get(r.id)!));
  }
}

function toDevelopment(
  u: Prisma.StatusUpdateGetPayload<{
    include: {
      author: { select: { name: true } };
      evidence: { select: { source: { select: typeof SOURCE_REF_SELECT } } };
    };
  }>,
): Development {
  return {
    kind: 'status_update',
    id: u.id,
    initiativeId: u.initiativeId,
    fromStage: u.fromStage,
    toStage: u.toStage,
    fromHealth: u.fromHealth,
    toHealth: u.toHealth,
    noteEn: u.noteEn,
    noteUr: u.noteUr,
    effectiveAt: isoTs(u.effectiveAt)!,
    recordedAt: isoTs(u.recordedAt)!,
    authorName: u.author?.name ?? null,
    sources: uniqueSources(u.evidence.map((e) => toSourceRef(e.source))),
  };
}

function uniqueSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<number>();
  return sources.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
