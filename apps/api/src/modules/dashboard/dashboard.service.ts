import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import { HEALTHS, INITIATIVE_STAGES, type Health, type InitiativeStage } from '@rabta/domain';
import { z } from 'zod';
import { parseAsOf, type AsOf } from '../../common/http/as-of';
import { dateOnly, DAY_MS, daysBetween, isoDate, isoTs } from '../../common/resource/wire';
import { lastEvidenceSql, viewColumns } from '../initiatives/initiatives.repository';
import { InitiativesService } from '../initiatives/initiatives.service';
import { plannedAsOfSql } from '../milestones/milestones.service';

const MilestoneItem = z.object({
  id: z.number(),
  initiativeId: z.number(),
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  plannedDate: z.string(),
});

export const DashboardSchema = z.object({
  asOf: z.string(),
  knownAt: z.string(),
  totals: z.object({
    initiatives: z.number(),
    active: z.number(),
    atRisk: z.number(),
    offTrack: z.number(),
    stale: z.number(),
    overdueMilestones: z.number(),
  }),
  byStage: z.record(z.string(), z.number()),
  byHealth: z.record(z.string(), z.number()),
  stageBySector: z.array(z.object({ sectorId: z.number(), stage: z.string(), count: z.number() })),
  overdueMilestones: z.array(MilestoneItem.extend({ daysOverdue: z.number() })),
  upcomingMilestones: z.object({
    d30: z.number(),
    d60: z.number(),
    d90: z.number(),
    items: z.array(MilestoneItem.extend({ daysToGo: z.number() })),
  }),
  staleInitiatives: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      titleEn: z.string(),
      titleUr: z.string().nullable(),
      lastEvidenceAt: z.string().nullable(),
    }),
  ),
  recentChanges: z.array(
    z.object({
      id: z.number(),
      initiativeId: z.number(),
      code: z.string(),
      titleEn: z.string(),
      titleUr: z.string().nullable(),
      fromStage: z.string().nullable(),
      toStage: z.string().nullable(),
      fromHealth: z.string().nullable(),
      toHealth: z.string().nullable(),
      effectiveAt: z.string(),
      recordedAt: z.string(),
      authorName: z.string().nullable(),
    }),
  ),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

const INACTIVE: InitiativeStage[] = ['completed', 'cancelled', 'suspended'];
const LIST_LIMIT = 20;

/** The portfolio at a glance, for the view's date (asOf) and knowledge (knownAt); archived initiatives are left out. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly initiatives: InitiativesService,
  ) {}

  async dashboard(query: Record<string, unknown>): Promise<Dashboard> {
    const now = new Date();
    const asOf = parseAsOf(query, now);
    const view: AsOf = asOf ?? {
      effectiveBefore: now,
      knownAt: now,
      knownAtGiven: false,
      day: now.toISOString().slice(0, 10),
      isPast: false,
    };
    const day = dateOnly(view.day)!;
    const staleBefore = await this.initiatives.staleBefore(asOf);
    // The same view as the initiative lists: the current columns, or the status history read on two clocks.
    const columns = viewColumns(asOf);

    const initiatives = await this.prisma.$queryRaw<
      {
        id: number;
        code: string;
        title_en: string;
        title_ur: string | null;
        stage: InitiativeStage | null;
        health: Health;
        sector_ids: number[];
        last_evidence_at: Date | null;
      }[]
    >`
      SELECT i.id, i.code, i.title_en, i.title_ur,
        ${columns.stage} AS stage,
        ${columns.health} AS health,
        ARRAY(SELECT s.sector_id FROM initiative_sectors s WHERE s.initiative_id = i.id) AS sector_ids,
        ${lastEvidenceSql(asOf)} AS last_evidence_at
      FROM initiatives i
      WHERE i.archived_at IS NULL`;
    const live = initiatives.filter((i) => i.stage !== null);
    const liveIds = live.map((i) => i.id);

    const byStage = Object.fromEntries(INITIATIVE_STAGES.map((s) => [s, 0])) as Record<string, number>;
    const byHealth = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<string, number>;
    const sectorStage = new Map<string, number>();
    for (const i of live) {
      byStage[i.stage!] += 1;
      byHealth[i.health] += 1;
      for (const sectorId of i.sector_ids)
        sectorStage.set(`${sectorId}|${i.stage}`, (sectorStage.get(`${sectorId}|${i.stage}`) ?? 0) + 1);
    }
    const stale = live.filter(
      (i) => !INACTIVE.includes(i.stage!) && (!i.last_evidence_at || i.last_evidence_at < staleBefore),
    );

    const milestones = liveIds.length
      ? await this.prisma.$queryRaw<
          { id: number; initiative_id: number; title_en: string; title_ur: string | null; planned: Date | null }[]
        >`
          SELECT * FROM (
            SELECT m.id, m.initiative_id, m.title_en, m.title_ur,
              ${view.isPast ? plannedAsOfSql(view) : Prisma.sql`m.planned_date`} AS planned
            FROM milestones m
            WHERE m.initiative_id = ANY(${liveIds}::int[]) AND m.created_at <= ${view.knownAt} AND m.state <> 'cancelled'
              AND (m.actual_date IS NULL OR m.actual_date >= ${view.effectiveBefore})
          ) x WHERE x.planned IS NOT NULL AND x.planned < ${new Date(day.getTime() + 91 * DAY_MS)}`
      : [];
    const overdue = milestones
      .filter((m) => m.planned! < day)
      .map((m) => ({
        id: m.id,
        initiativeId: m.initiative_id,
        titleEn: m.title_en,
        titleUr: m.title_ur,
        plannedDate: isoDate(m.planned)!,
        daysOverdue: daysBetween(m.planned!, day),
      }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue);
    const upcoming = milestones
      .filter((m) => m.planned! >= day)
      .map((m) => ({
        id: m.id,
        initiativeId: m.initiative_id,
        titleEn: m.title_en,
        titleUr: m.title_ur,
        plannedDate: isoDate(m.planned)!,
        daysToGo: daysBetween(day, m.planned!),
      }))
      .sort((a, b) => a.daysToGo - b.daysToGo);

    const recent = await this.prisma.statusUpdate.findMany({
      where: {
        effectiveAt: { lt: view.effectiveBefore },
        recordedAt: { lte: view.knownAt },
        initiative: { archivedAt: null },
      },
      orderBy: [{ effectiveAt: 'desc' }, { id: 'desc' }],
      take: LIST_LIMIT,
      include: {
        initiative: { select: { code: true, titleEn: true, titleUr: true } },
        author: { select: { name: true } },
      },
    });

    return {
      asOf: view.day,
      knownAt: isoTs(view.knownAt)!,
      totals: {
        initiatives: live.length,
        active: live.filter((i) => !INACTIVE.includes(i.stage!)).length,
        atRisk: byHealth.at_risk,
        offTrack: byHealth.off_track,
        stale: stale.length,
        overdueMilestones: overdue.length,
      },
      byStage,
      byHealth,
      stageBySector: [...sectorStage.entries()].map(([k, count]) => {
        const [sectorId, stage] = k.split('|');
        return { sectorId: Number(sectorId), stage, count };
      }),
      overdueMilestones: overdue.slice(0, LIST_LIMIT),
      upcomingMilestones: {
        d30: upcoming.filter((m) => m.daysToGo <= 30).length,
        d60: upcoming.filter((m) => m.daysToGo <= 60).length,
        d90: upcoming.filter((m) => m.daysToGo <= 90).length,
        items: upcoming.slice(0, LIST_LIMIT),
      },
      staleInitiatives: stale
        .sort((a, b) => (a.last_evidence_at?.getTime() ?? 0) - (b.last_evidence_at?.getTime() ?? 0))
        .slice(0, LIST_LIMIT)
        .map((i) => ({
          id: i.id,
          code: i.code,
          titleEn: i.title_en,
          titleUr: i.title_ur,
          lastEvidenceAt: isoTs(i.last_evidence_at),
        })),
      recentChanges: recent.map((u) => ({
        id: u.id,
        initiativeId: u.initiativeId,
        code: u.initiative.code,
        titleEn: u.initiative.titleEn,
        titleUr: u.initiative.titleUr,
        fromStage: u.fromStage,
        toStage: u.toStage,
        fromHealth: u.fromHealth,
        toHealth: u.toHealth,
        effectiveAt: isoTs(u.effectiveAt)!,
        recordedAt: isoTs(u.recordedAt)!,
        authorName: u.author?.name ?? null,
      })),
    };
  }
}
