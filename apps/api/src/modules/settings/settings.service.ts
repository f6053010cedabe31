import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { ChangesService } from '../../common/changes/changes.service';
import { DEFAULT_SETTINGS } from '../../seed/reference';

// A safety net only: a change made by any process drops the cache at once through the change feed.
const TTL_MS = 5 * 60_000;

/** A stored minutes value, or the default of one hour. */
export function minutesSetting(value: unknown): number {
  const v = Number(value);
  return Number.isFinite(v) && v > 0 ? v : Number(DEFAULT_SETTINGS.reportScheduleMinMinutes);
}

/**
 * Admin-changeable settings from the `settings` table, cached (they change rarely, lists read them often). Every
 * process drops its copy when any process commits a change of them.
 */
@Injectable()
export class SettingsService implements OnModuleDestroy {
  private cache: { at: number; values: Record<string, unknown> } | undefined;
  /** Bumped by every invalidation, so that a read begun before a change cannot store what it read. */
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly prisma: PrismaClient,
    changes: ChangesService,
  ) {
    this.unsubscribe = changes.onChange(['settings'], () => this.invalidate());
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private async all(): Promise<Record<string, unknown>> {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) return this.cache.values;
    const generation = this.generation;
    const rows = await this.prisma.setting.findMany();
    const values = { ...DEFAULT_SETTINGS, ...Object.fromEntries(rows.map((r) => [r.key, r.value])) };
    if (generation === this.generation) this.cache = { at: Date.now(), values };
    return values;
  }

  /** Days without new evidence after which an initiative is flagged stale (default 90). */
  async staleAfterDays(): Promise<number> {
    const v = Number((await this.all()).staleAfterDays);
    return Number.isFinite(v) && v > 0 ? v : 90;
  }

  /** The shortest time between two runs of a report schedule, in minutes (default 60). */
  async reportScheduleMinMinutes(): Promise<number> {
    return minutesSetting((await this.all()).reportScheduleMinMinutes);
  }

  /** The IATI reporting organisation: its identifier prefixes every activity identifier of the IATI export. */
  async iatiReportingOrg(): Promise<{ ref: string; name: string; type: string }> {
    const all = await this.all();
    return {
      ref: String(all.iatiReportingOrgRef ?? DEFAULT_SETTINGS.iatiReportingOrgRef),
      name: String(all.iatiReportingOrgName ?? DEFAULT_SETTINGS.iatiReportingOrgName),
      type: String(all.iatiReportingOrgType ?? DEFAULT_SETTINGS.iatiReportingOrgType),
    };
  }

  invalidate(): void {
    this.generation += 1;
    this.cache = undefined;
  }
}
