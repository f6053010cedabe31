import { Injectable } from '@nestjs/common';
import { addDays, daysFromTo, HEALTHS, INITIATIVE_STAGES, isActiveStage, type Dashboard } from '@rabta/domain';
import { ActivityAsOf, presentView } from '../../common/as-of/activity.as-of';
import { InitiativesAsOf, stalenessOf } from '../../common/as-of/initiatives.as-of';
import { MilestonesAsOf } from '../../common/as-of/milestones.as-of';
import { viewDay } from '../../common/as-of/view';
import { parseAsOf } from '../../common/http/as-of';
import { isoDate, isoTs } from '../../common/resource/wire';
import { toInitiative } from '../initiatives/initiatives.mapper';
import { SettingsService } from '../settings/settings.service';

const LIST_LIMIT = 20;
const ALL = { sort: { field: 'id', order: 'ASC' as const }, offset: 0, limit: 1_000_000 };

/**
 * The portfolio at a glance, for the view's date (asOf) and knowledge (knownAt); archived initiatives are left out.
 * Read through the same as-of queries as the initiative and milestone lists and the reports, with the domain's rules.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly initiatives: InitiativesAsOf,
    private readonly milestones: MilestonesAsOf,
    private readonly activity: ActivityAsOf,
    private readonly settings: SettingsService,
  ) {}

  async dashboard(query: Record<string, unknown>): Promise<Dashboard> {
    const now = new Date();
    const view = parseAsOf(query, now);
    const { day } = viewDay(view, now);
    const staleness = stalenessOf(view, await this.settings.staleAfterDays());

    const { rows } = await this.initiatives.page({}, ALL, view, staleness);
    const live = rows.map((r) => toInitiative(r, staleness));
    const liveIds = live.map((i) => i.id);
    const byId = new Map(live.map((i) => [i.id, i]));

    const byStage = Object.fromEntries(INITIATIVE_STAGES.map((s) => [s, 0])) as Record<string, number>;
    const byHealth = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<string, number>;
    const sectorStage = new Map<string, number>();
    for (const i of live) {
      byStage[i.stage] += 1;
      byHealth[i.health] += 1;
      for (const sectorId of i.sectorIds)
        sectorStage.set(`${sectorId}|${i.stage}`, (sectorStage.get(`${sectorId}|${i.stage}`) ?? 0) + 1);
    }
    const stale = live.filter((i) => i.stale);

    // Open milestones (neither achieved nor cancelled in the view) of these initiatives, planned up to 90 days ahead.
    const milestones = (
      await this.milestones.all({ initiativeIds: liveIds, open: true, plannedBefore: addDays(day, 91) }, view)
    ).map((m) => ({ ...m, planned: isoDate(m.planned_date)! }));
    const item = (m: (typeof milestones)[number]) => ({
      id: m.id,
      initiativeId: m.initiative_id,
      titleEn: m.title_en,
      titleUr: m.title_ur,
      plannedDate: m.planned,
    });
    const overdue = milestones
      .filter((m) => m.planned < day)
      .map((m) => ({ ...item(m), daysOverdue: daysFromTo(m.planned, day) }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue);
    const upcoming = milestones
      .filter((m) => m.planned >= day)
      .map((m) => ({ ...item(m), daysToGo: daysFromTo(day, m.planned) }))
      .sort((a, b) => a.daysToGo - b.daysToGo);

    const knowledge = view ?? presentView(now);
    const recent = await this.activity.recent(knowledge, liveIds, LIST_LIMIT);

    return {
      asOf: day,
      knownAt: isoTs(knowledge.knownAt)!,
      totals: {
        initiatives: live.length,
        active: live.filter((i) => isActiveStage(i.stage)).length,
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
        .sort((a, b) => (a.lastEvidenceAt ?? '').localeCompare(b.lastEvidenceAt ?? '') || a.id - b.id)
        .slice(0, LIST_LIMIT)
        .map((i) => ({
          id: i.id,
          code: i.code,
          titleEn: i.titleEn,
          titleUr: i.titleUr,
          lastEvidenceAt: i.lastEvidenceAt,
        })),
      recentChanges: recent.map((d) => {
        const i = byId.get(d.initiativeId)!;
        const update = d.kind === 'status_update' ? d : undefined;
        return {
          kind: d.kind,
          id: d.id,
          initiativeId: d.initiativeId,
          code: i.code,
          titleEn: i.titleEn,
          titleUr: i.titleUr,
          fromStage: update?.fromStage ?? null,
          toStage: update?.toStage ?? null,
          fromHealth: update?.fromHealth ?? null,
          toHealth: update?.toHealth ?? null,
          noteEn: d.kind === 'status_update' ? d.noteEn : d.titleEn,
          noteUr: d.kind === 'status_update' ? d.noteUr : d.titleUr,
          effectiveAt: d.effectiveAt,
          recordedAt: d.recordedAt,
          authorName: update?.authorName ?? null,
        };
      }),
    };
  }
}
