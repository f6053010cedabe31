import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient, type IntakeProposal } from '@rabta/db';
import {
  foldForSearch,
  type IntakeInput,
  type IntakeLanguage,
  type ProposalKind,
  type ProposalStatus,
} from '@rabta/domain';
import type { IntakeFullRow, IntakeListRow } from './intake.mapper';

type Tx = Prisma.TransactionClient;

export interface NewIntake {
  sourceId: number;
  input: IntakeInput;
  language: IntakeLanguage;
  duplicateOfSourceId: number | null;
  mentions: unknown[];
  analysisMs: number;
  createdById: number;
  related: { sourceId: number; similarity: number }[];
  proposals: {
    kind: ProposalKind;
    confidence: number;
    quote: { start: number; end: number; text: string };
    data: Record<string, unknown>;
    mentions: number[];
  }[];
}

const FULL = {
  source: true,
  related: { include: { source: { select: { publisher: true, title: true, publishedAt: true, url: true } } } },
  proposals: { orderBy: { position: 'asc' } },
} satisfies Prisma.IntakeInclude;

/** The only code of intake that touches Prisma. */
@Injectable()
export class IntakeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findSourceByHash(hash: string) {
    return this.prisma.source.findUnique({ where: { contentHash: hash } });
  }

  findSourceByUrl(urls: string[]) {
    if (urls.length === 0) return Promise.resolve(null);
    return this.prisma.source.findFirst({ where: { url: { in: urls } }, orderBy: { id: 'asc' } });
  }

  /** Texts that may tell the same story: published within `days` of the date, newest first. */
  similarityCandidates(publishedAt: Date, days: number, excludeId: number | null, limit: number) {
    const span = days * 86_400_000;
    return this.prisma.source.findMany({
      where: {
        text: { not: null },
        publishedAt: { gte: new Date(publishedAt.getTime() - span), lte: new Date(publishedAt.getTime() + span) },
        ...(excludeId ? { id: { not: excludeId } } : {}),
      },
      select: { id: true, text: true, publisher: true },
      orderBy: { id: 'desc' },
      take: limit,
    });
  }

  async create(tx: Tx, intake: NewIntake): Promise<number> {
    const row = await tx.intake.create({
      data: {
        sourceId: intake.sourceId,
        input: intake.input,
        language: intake.language,
        duplicateOfSourceId: intake.duplicateOfSourceId,
        mentions: intake.mentions as Prisma.InputJsonValue,
        analysisMs: intake.analysisMs,
        createdById: intake.createdById,
        related: { create: intake.related.map((r) => ({ sourceId: r.sourceId, similarity: r.similarity })) },
        proposals: {
          create: intake.proposals.map((p, position) => ({
            position,
            kind: p.kind,
            confidence: p.confidence,
            quoteStart: p.quote.start,
            quoteEnd: p.quote.end,
            quoteText: p.quote.text,
            data: p.data as Prisma.InputJsonValue,
            mentionIndexes: p.mentions,
          })),
        },
      },
      select: { id: true },
    });
    return row.id;
  }

  find(db: PrismaClient | Tx, id: number): Promise<IntakeFullRow | null> {
    return db.intake.findUnique({ where: { id }, include: FULL }) as Promise<IntakeFullRow | null>;
  }

  async page(
    where: Prisma.IntakeWhereInput,
    orderBy: Prisma.IntakeOrderByWithRelationInput[],
    skip: number,
    take: number,
  ): Promise<{ rows: IntakeListRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.intake.findMany({
        where,
        orderBy,
        skip,
        take,
        include: {
          source: { select: { title: true, publisher: true, publishedAt: true } },
          createdBy: { select: { name: true } },
          proposals: { select: { status: true } },
          _count: { select: { related: true } },
        },
      }),
      this.prisma.intake.count({ where }),
    ]);
    return { rows: rows as IntakeListRow[], total };
  }

  /** The proposal, locked for this transaction: two analysts accepting it at once write it once. */
  async lockProposal(tx: Tx, intakeId: number, proposalId: number): Promise<IntakeProposal | null> {
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM intake_proposals WHERE id = ${proposalId} AND intake_id = ${intakeId} FOR UPDATE`;
    if (locked.length === 0) return null;
    return tx.intakeProposal.findUnique({ where: { id: proposalId } });
  }

  decide(
    tx: Tx,
    proposalId: number,
    decision: {
      status: ProposalStatus;
      userId: number;
      data?: Record<string, unknown>;
      result?: { resource: string; id: number };
    },
  ): Promise<IntakeProposal> {
    return tx.intakeProposal.update({
      where: { id: proposalId },
      data: {
        status: decision.status,
        decidedById: decision.userId,
        decidedAt: new Date(),
        ...(decision.data ? { data: decision.data as Prisma.InputJsonValue } : {}),
        resultResource: decision.result?.resource ?? null,
        resultId: decision.result?.id ?? null,
        version: { increment: 1 },
      },
    });
  }

  /** Proposals accepted in earlier intakes of these sources (what a related article's review already wrote). */
  acceptedForSources(sourceIds: number[]) {
    if (sourceIds.length === 0) return Promise.resolve([]);
    return this.prisma.intakeProposal.findMany({
      where: { status: 'accepted', intake: { sourceId: { in: sourceIds } } },
      select: { kind: true, data: true, resultResource: true, resultId: true },
    });
  }

  setMentions(tx: Tx, intakeId: number, mentions: unknown[]) {
    return tx.intake.update({
      where: { id: intakeId },
      data: { mentions: mentions as Prisma.InputJsonValue },
    });
  }

  /** Replaces the pending proposals of an intake (after a re-analysis); decided ones stay as they are. */
  async replacePending(tx: Tx, intakeId: number, proposals: NewIntake['proposals']): Promise<void> {
    await tx.intakeProposal.deleteMany({ where: { intakeId, status: 'pending' } });
    const max = await tx.intakeProposal.aggregate({ where: { intakeId }, _max: { position: true } });
    const start = (max._max.position ?? -1) + 1;
    await tx.intakeProposal.createMany({
      data: proposals.map((p, i) => ({
        intakeId,
        position: start + i,
        kind: p.kind,
        confidence: p.confidence,
        quoteStart: p.quote.start,
        quoteEnd: p.quote.end,
        quoteText: p.quote.text,
        data: p.data as Prisma.InputJsonValue,
        mentionIndexes: p.mentions,
      })),
    });
  }

  // ---------------------------------------------------------------------------------------- existing records

  engagementsOn(date: string) {
    return this.prisma.engagement.findMany({
      where: { startDate: new Date(`${date}T00:00:00Z`) },
      select: {
        id: true,
        placeEn: true,
        placeUr: true,
        forumName: true,
        participants: { select: { personId: true } },
        initiatives: { select: { initiativeId: true } },
      },
    });
  }

  agreementsOn(date: string, kind: string | undefined) {
    return this.prisma.agreement.findMany({
      where: {
        signedDate: new Date(`${date}T00:00:00Z`),
        ...(kind ? { kind: kind as Prisma.AgreementWhereInput['kind'] } : {}),
      },
      select: { id: true, initiatives: { select: { initiativeId: true } } },
    });
  }

  milestone(id: number) {
    return this.prisma.milestone.findUnique({
      where: { id },
      select: { id: true, initiativeId: true, plannedDate: true, version: true },
    });
  }

  /** The status update that set the initiative's current stage, when it is `stage`. */
  async stageSetter(initiativeId: number, stage: string): Promise<number | null> {
    const initiative = await this.prisma.initiative.findUnique({
      where: { id: initiativeId },
      select: { stage: true },
    });
    if (!initiative || initiative.stage !== stage) return null;
    const update = await this.prisma.statusUpdate.findFirst({
      where: { initiativeId, toStage: initiative.stage },
      orderBy: [{ effectiveAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    return update?.id ?? null;
  }

  /** People whose name or alias is this spelling (normalised), found through their search text. */
  async peopleNamed(tx: Tx | PrismaClient, normalised: string) {
    if (!normalised) return [];
    const rows = await tx.person.findMany({
      where: { searchText: { contains: foldForSearch(normalised) } },
      select: { id: true, nameEn: true, nameUr: true, nameRu: true, aliases: true },
      take: 50,
    });
    return rows;
  }

  evidenceLike(
    tx: Tx,
    where: { sourceId: number; quote: string | null } & Partial<
      Record<'initiativeId' | 'milestoneId' | 'engagementId' | 'agreementId' | 'statusUpdateId', number | null>
    >,
  ) {
    return tx.evidence.findFirst({ where, select: { id: true } });
  }

  source(tx: Tx, id: number) {
    return tx.source.findUnique({ where: { id }, select: { id: true, publishedAt: true } });
  }

  milestoneVersion(tx: Tx, id: number) {
    return tx.milestone.findUnique({ where: { id }, select: { version: true, plannedDate: true, initiativeId: true } });
  }
}
