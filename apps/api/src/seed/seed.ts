import type { Prisma, PrismaClient } from '@rabta/db';
import type { AppContext } from '../app.context';
import type { AppLogger } from '../common/logging/logger';
import { ensureSearchText } from '../common/search/search-text';
import { seedDemoPortfolio } from './demo';
import { DEFAULT_SETTINGS, REFERENCE_SECTORS, referenceCountries } from './reference';

const DEMO_MARKER = 'seed.demo';

export interface SeedResult {
  countries: number;
  sectors: number;
  demo: 'seeded' | 'already present' | 'skipped: the database already holds initiatives' | 'disabled';
}

/** Countries, sectors and default settings: added where missing, never changed once there. */
async function seedReference(tx: Prisma.TransactionClient): Promise<{ countries: number; sectors: number }> {
  const countries = await tx.country.createMany({ data: referenceCountries(), skipDuplicates: true });
  const sectors = await tx.sector.createMany({ data: REFERENCE_SECTORS, skipDuplicates: true });
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    await tx.setting.upsert({ where: { key }, create: { key, value: value as Prisma.InputJsonValue }, update: {} });
  }
  return { countries: countries.count, sectors: sectors.count };
}

/**
 * Idempotent: reference data is added where missing; the demo portfolio goes only into a database that has never
 * had it and holds no initiatives, and a marker setting records that it was seeded. Two processes starting at once
 * serialise on an advisory lock.
 */
export async function runSeed(
  prisma: PrismaClient,
  logger: AppLogger,
  options: { demo: boolean },
): Promise<SeedResult> {
  const result = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rabta.seed'))`;
      const reference = await seedReference(tx);
      let demo: SeedResult['demo'] = 'disabled';
      if (options.demo) {
        if (await tx.setting.findUnique({ where: { key: DEMO_MARKER } })) {
          demo = 'already present';
        } else if ((await tx.initiative.count()) > 0) {
          demo = 'skipped: the database already holds initiatives';
        } else {
          const summary = await seedDemoPortfolio(tx);
          await tx.setting.create({
            data: { key: DEMO_MARKER, value: { seededAt: new Date().toISOString(), ...summary } },
          });
          await tx.auditEvent.create({
            data: { actorName: 'system', action: 'seed', entity: 'database', after: { ...summary } },
          });
          demo = 'seeded';
          logger.info(summary, 'Seeded the demo portfolio');
        }
      }
      if (reference.countries || reference.sectors) logger.info(reference, 'Seeded reference data');
      return { ...reference, demo };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // The search texts, as this version folds them (and with the names the demo's links give its records).
  await ensureSearchText(prisma, logger, result.demo === 'seeded');
  return result;
}

export async function seedOnStart(ctx: AppContext): Promise<SeedResult> {
  return runSeed(ctx.prisma, ctx.logger, { demo: ctx.config.seedDemo });
}
