import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { DEFAULT_SETTINGS } from '../../seed/reference';

const TTL_MS = 30_000;

/** Admin-changeable settings from the `settings` table, cached briefly (they change rarely, lists read them often). */
@Injectable()
export class SettingsService {
  private cache: { at: number; values: Record<string, unknown> } | undefined;

  constructor(private readonly prisma: PrismaClient) {}

  private async all(): Promise<Record<string, unknown>> {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) return this.cache.values;
    const rows = await this.prisma.setting.findMany();
    const values = { ...DEFAULT_SETTINGS, ...Object.fromEntries(rows.map((r) => [r.key, r.value])) };
    this.cache = { at: Date.now(), values };
    return values;
  }

  /** Days without new evidence after which an initiative is flagged stale (default 90). */
  async staleAfterDays(): Promise<number> {
    const v = Number((await this.all()).staleAfterDays);
    return Number.isFinite(v) && v > 0 ? v : 90;
  }

  invalidate(): void {
    this.cache = undefined;
  }
}
