import { Prisma, type PrismaClient } from '@rabta/db';
import { SEARCH_FOLD_VERSION, searchTextOf } from '@rabta/domain';
import type { AppLogger } from '../logging/logger';
import type { Db } from '../resource/resource';
import type { SearchTable } from '../resource/search';

// The stored search texts (`search_text`, trigram-indexed): what each record is found by (searchTextOf in
// @rabta/domain), computed from the record and the names of the people it links — an engagement's participants, an
// agreement's signatories. The resource kit writes them with each create and update (in afterWrite, once the links
// are written); a change of a person's names refreshes the records that name them; and when the folding rules change
// (SEARCH_FOLD_VERSION) every stored text is rebuilt once, at start.

const NAMES = { nameEn: true, nameUr: true, nameRu: true, aliases: true } as const;
const MARKER = 'search.fold';

interface Batch {
  ids?: number[];
  afterId?: number;
  take?: number;
}

const page = (b: Batch) => ({
  where: b.ids ? { id: { in: b.ids } } : b.afterId !== undefined ? { id: { gt: b.afterId } } : {},
  orderBy: { id: 'asc' as const },
  ...(b.take ? { take: b.take } : {}),
});

type Loader = (db: Db, batch: Batch) => Promise<{ id: number; text: string }[]>;

const LOADERS: Record<SearchTable, Loader> = {
  initiatives: async (db, b) =>
    (
      await db.initiative.findMany({
        ...page(b),
        select: { id: true, code: true, titleEn: true, titleUr: true, tags: true },
      })
    ).map((r) => ({ id: r.id, text: searchTextOf.initiative(r) })),
  people: async (db, b) =>
    (await db.person.findMany({ ...page(b), select: { id: true, ...NAMES } })).map((r) => ({
      id: r.id,
      text: searchTextOf.person(r),
    })),
  organizations: async (db, b) =>
    (
      await db.organization.findMany({
        ...page(b),
        select: { id: true, nameEn: true, nameUr: true, nameRu: true, acronym: true },
      })
    ).map((r) => ({ id: r.id, text: searchTextOf.organization(r) })),
  milestones: async (db, b) =>
    (await db.milestone.findMany({ ...page(b), select: { id: true, titleEn: true, titleUr: true } })).map((r) => ({
      id: r.id,
      text: searchTextOf.milestone(r),
    })),
  engagements: async (db, b) =>
    (
      await db.engagement.findMany({
        ...page(b),
        select: {
          id: true,
          titleEn: true,
          titleUr: true,
          forumName: true,
          placeEn: true,
          placeUr: true,
          participants: { select: { person: { select: NAMES } } },
        },
      })
    ).map((r) => ({
      id: r.id,
      text: searchTextOf.engagement({ ...r, participants: r.participants.map((p) => p.person) }),
    })),
  agreements: async (db, b) =>
    (
      await db.agreement.findMany({
        ...page(b),
        select: { id: true, titleEn: true, titleUr: true, signatories: { select: { person: { select: NAMES } } } },
      })
    ).map((r) => ({
      id: r.id,
      text: searchTextOf.agreement({ ...r, signatories: r.signatories.map((s) => s.person) }),
    })),
  sources: async (db, b) =>
    (await db.source.findMany({ ...page(b), select: { id: true, title: true, publisher: true, text: true } })).map(
      (r) => ({ id: r.id, text: searchTextOf.source(r) }),
    ),
};

const TABLES = Object.keys(LOADERS) as SearchTable[];

/** Writes search texts that changed (neither `updated_at` nor `version` moves: it is derived data). */
async function write(db: Db, table: SearchTable, rows: { id: number; text: string }[]): Promise<void> {
  if (!rows.length) return;
  await db.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} t SET search_text = x.text
    FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.text)}::text[]) AS x(id, text)
    WHERE t.id = x.id AND t.search_text IS DISTINCT FROM x.text`;
}

/** Recomputes the search texts of these records (after a write, in its transaction). */
export async function refreshSearchText(db: Db, table: SearchTable, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await write(db, table, await LOADERS[table](db, { ids }));
}

/** After a change of these people's names: the engagements they took part in and the agreements they signed. */
export async function refreshNamesOf(db: Db, personIds: number[]): Promise<void> {
  if (!personIds.length) return;
  const [engagements, agreements] = await Promise.all([
    db.engagementParticipant.findMany({ where: { personId: { in: personIds } }, select: { engagementId: true } }),
    db.agreementSignatory.findMany({ where: { personId: { in: personIds } }, select: { agreementId: true } }),
  ]);
  await refreshSearchText(db, 'engagements', [...new Set(engagements.map((e) => e.engagementId))]);
  await refreshSearchText(db, 'agreements', [...new Set(agreements.map((a) => a.agreementId))]);
}

/** Every stored search text, rebuilt in batches. */
export async function rebuildSearchText(db: Db, batchSize = 500): Promise<number> {
  let written = 0;
  for (const table of TABLES) {
    for (let afterId = 0; ;) {
      const rows = await LOADERS[table](db, { afterId, take: batchSize });
      if (!rows.length) break;
      await write(db, table, rows);
      written += rows.length;
      afterId = rows[rows.length - 1].id;
    }
  }
  return written;
}

/**
 * At start: when the search texts were built by other folding rules than this version's (or never marked), rebuilds
 * them all, once, under an advisory lock, and records the version. `force`: rebuild whatever the mark says (after
 * seeding the demo portfolio, whose links are written apart from its records).
 */
export async function ensureSearchText(prisma: PrismaClient, logger: AppLogger, force = false): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rabta.search-text'))`;
      const mark = await tx.setting.findUnique({ where: { key: MARKER } });
      if (!force && (mark?.value as { version?: number } | null)?.version === SEARCH_FOLD_VERSION) return;
      const started = Date.now();
      const records = await rebuildSearchText(tx);
      await tx.setting.upsert({
        where: { key: MARKER },
        create: { key: MARKER, value: { version: SEARCH_FOLD_VERSION } },
        update: { value: { version: SEARCH_FOLD_VERSION } },
      });
      if (records)
        logger.info({ records, ms: Date.now() - started, version: SEARCH_FOLD_VERSION }, 'Rebuilt search texts');
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
