import type { Evidence, Source } from '@rabta/db';
import {
  CreateEvidenceSchema,
  CreateSourceSchema,
  EVIDENCE_READ_ONLY,
  EvidenceSchema,
  LANGUAGES,
  SOURCE_KINDS,
  SOURCE_READ_ONLY,
  SourceSchema,
  searchTextOf,
  UpdateEvidenceSchema,
  UpdateSourceSchema,
  IdSchema,
} from '@rabta/domain';
import { z } from 'zod';
import { AppException } from '../../common/errors/app-exception';
import { sourceContentHash } from '../../common/hash';
import { IdListFilter, QFilter, toIdList } from '../../common/http/list-query';
import { defineResource, type WriteContext } from '../../common/resource/resource';
import { missingReference } from '../../common/resource/scope';
import { matchingIds } from '../../common/resource/search';
import { dateOnly, definedOnly, isoDate, isoTs, moment } from '../../common/resource/wire';

const and = (...parts: object[]) => ({ AND: parts.filter((p) => Object.keys(p).length > 0) });
const idFilter = IdSchema;

// ------------------------------------------------------------------------------------------------ sources

type SourceCreate = z.infer<typeof CreateSourceSchema>;
type SourceUpdate = z.infer<typeof UpdateSourceSchema>;

/** The same article (same normalised text, or same URL) is one source: the second POST gets the first's id. */
async function assertNotDuplicate(ctx: WriteContext, hash: string, exceptId?: number): Promise<void> {
  const existing = await ctx.tx.source.findUnique({ where: { contentHash: hash }, select: { id: true, title: true } });
  if (existing && existing.id !== exceptId) {
    throw new AppException(
      'UNIQUE_VIOLATION',
      `This source is already recorded as #${existing.id} (${existing.title})`,
      { text: 'Already recorded' },
      { existingId: existing.id },
    );
  }
}

export const sourcesResource = defineResource({
  name: 'sources',
  label: 'Source',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: SourceSchema,
    create: CreateSourceSchema,
    update: UpdateSourceSchema,
    readOnly: SOURCE_READ_ONLY,
    filter: z.strictObject({
      q: QFilter.optional(),
      id: IdListFilter.optional(),
      kind: z.enum(SOURCE_KINDS).optional(),
      language: z.enum(LANGUAGES).optional(),
      publisher: z.string().max(200).optional(),
      publishedAt_gte: z.iso.date().optional(),
      publishedAt_lte: z.iso.date().optional(),
      initiativeId: idFilter.optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    publishedAt: (o) => ({ publishedAt: o }),
    title: (o) => ({ title: o }),
    publisher: (o) => ({ publisher: o }),
    language: (o) => ({ language: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'publishedAt', order: 'DESC' },
  delegate: (db) => db.source,
  async where(f, { db }) {
    const ids = f.q ? await matchingIds(db, 'sources', f.q) : undefined;
    return and(
      f.id !== undefined ? { id: { in: toIdList(f.id) } } : {},
      ids ? { id: { in: ids } } : {},
      definedOnly({ kind: f.kind, language: f.language }),
      f.publisher ? { publisher: { contains: f.publisher, mode: 'insensitive' } } : {},
      f.publishedAt_gte || f.publishedAt_lte
        ? { publishedAt: definedOnly({ gte: dateOnly(f.publishedAt_gte), lte: dateOnly(f.publishedAt_lte) }) }
        : {},
      f.initiativeId ? { evidence: { some: { initiativeId: f.initiativeId } } } : {},
    );
  },
  toWire: (r: Source) => ({
    id: r.id,
    kind: r.kind,
    publisher: r.publisher,
    url: r.url,
    language: r.language,
    publishedAt: isoDate(r.publishedAt),
    title: r.title,
    text: r.text,
    contentHash: r.contentHash,
    retrievedAt: isoTs(r.retrievedAt),
    createdById: r.createdById,
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  async toCreateData(i: SourceCreate, ctx) {
    const contentHash = sourceContentHash(i);
    await assertNotDuplicate(ctx, contentHash);
    return {
      ...i,
      publishedAt: dateOnly(i.publishedAt)!,
      retrievedAt: moment(i.retrievedAt),
      contentHash,
      searchText: searchTextOf.source(i),
      createdById: ctx.user.id,
    };
  },
  async toUpdateData(i: SourceUpdate, existing, ctx) {
    const { version: _v, ...rest } = i;
    const merged = { ...existing, ...rest, publishedAt: rest.publishedAt ?? isoDate(existing.publishedAt)! };
    const contentHash = sourceContentHash(merged);
    await assertNotDuplicate(ctx, contentHash, existing.id);
    return {
      ...rest,
      publishedAt: dateOnly(rest.publishedAt),
      retrievedAt: moment(rest.retrievedAt),
      contentHash,
      searchText: searchTextOf.source(merged),
    };
  },
});

// ------------------------------------------------------------------------------------------------ evidence

type EvidenceCreate = z.infer<typeof CreateEvidenceSchema>;

/**
 * The initiative evidence is about, derived from its target (kept on the row for lists and "last evidence"). Scope
 * and agreement of the targets are the kit's (common/resource/link-scope.ts).
 */
async function evidenceInitiative(ctx: WriteContext, e: EvidenceCreate): Promise<number | null> {
  const { tx } = ctx;
  const pick = async <T>(
    field: string,
    what: string,
    id: number | null | undefined,
    find: (id: number) => Promise<T | null>,
  ): Promise<T | undefined> => {
    if (!id) return undefined;
    const row = await find(id);
    if (!row) throw missingReference(field, what, id);
    return row;
  };
  const m = await pick('milestoneId', 'Milestone', e.milestoneId, (id) =>
    tx.milestone.findUnique({ where: { id }, select: { initiativeId: true } }),
  );
  const s = await pick('statusUpdateId', 'Status update', e.statusUpdateId, (id) =>
    tx.statusUpdate.findUnique({ where: { id }, select: { initiativeId: true } }),
  );
  const d = await pick('decisionId', 'Decision', e.decisionId, (id) =>
    tx.decision.findUnique({ where: { id }, select: { initiativeId: true, engagementId: true } }),
  );
  return e.initiativeId ?? m?.initiativeId ?? s?.initiativeId ?? d?.initiativeId ?? null;
}

export const evidenceResource = defineResource({
  name: 'evidence',
  label: 'Evidence',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: EvidenceSchema,
    create: CreateEvidenceSchema,
    update: UpdateEvidenceSchema,
    readOnly: EVIDENCE_READ_ONLY,
    filter: z.strictObject({
      id: IdListFilter.optional(),
      sourceId: idFilter.optional(),
      initiativeId: idFilter.optional(),
      milestoneId: idFilter.optional(),
      engagementId: idFilter.optional(),
      agreementId: idFilter.optional(),
      decisionId: idFilter.optional(),
      statusUpdateId: idFilter.optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    recordedAt: (o) => ({ recordedAt: o }),
    sourceId: (o) => ({ sourceId: o }),
  },
  defaultSort: { field: 'recordedAt', order: 'DESC' },
  delegate: (db) => db.evidence,
  where: (f) => {
    const { id, ...rest } = f;
    return and(id !== undefined ? { id: { in: toIdList(id) } } : {}, definedOnly(rest));
  },
  toWire: (r: Evidence) => ({
    id: r.id,
    sourceId: r.sourceId,
    quote: r.quote,
    initiativeId: r.initiativeId,
    milestoneId: r.milestoneId,
    engagementId: r.engagementId,
    agreementId: r.agreementId,
    decisionId: r.decisionId,
    statusUpdateId: r.statusUpdateId,
    createdById: r.createdById,
    version: r.version,
    recordedAt: isoTs(r.recordedAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  async toCreateData(i: EvidenceCreate, ctx) {
    const source = await ctx.tx.source.findUnique({ where: { id: i.sourceId }, select: { id: true } });
    if (!source) throw missingReference('sourceId', 'Source', i.sourceId);
    const initiativeId = await evidenceInitiative(ctx, i);
    return { ...i, initiativeId, createdById: ctx.user.id };
  },
  toUpdateData: (i: z.infer<typeof UpdateEvidenceSchema>) => ({ quote: i.quote }),
  async beforeDelete({ tx }, existing) {
    if (!existing.statusUpdateId) return;
    const update = await tx.statusUpdate.findUnique({
      where: { id: existing.statusUpdateId },
      select: { toStage: true, _count: { select: { evidence: true } } },
    });
    if (update?.toStage && update._count.evidence <= 1) {
      throw new AppException(
        'EVIDENCE_REQUIRED',
        'This is the only source of a stage change; a stage change must keep at least one source',
      );
    }
  },
});
