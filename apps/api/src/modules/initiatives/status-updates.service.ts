import { Injectable } from '@nestjs/common';
import { PrismaClient, type Prisma, type StatusUpdate as StatusUpdateRow } from '@rabta/db';
import {
  allowedNextStages,
  canTransition,
  isDevelopment,
  needsEvidence,
  CreateStatusUpdateSchema,
  CreateStatusUpdateWithInitiativeSchema,
  type Health,
  type InitiativeStage,
  type StatusUpdate,
} from '@rabta/domain';
import type { z } from 'zod';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { parseWith } from '../../common/http/zod';
import { assertLinkScope } from '../../common/resource/link-scope';
import { missingReference } from '../../common/resource/scope';
import { isoTs, moment } from '../../common/resource/wire';
import { AuditService } from '../audit/audit.service';
import { InitiativesRepository } from './initiatives.repository';

type Input = z.output<typeof CreateStatusUpdateSchema>;

/** A status update may be dated up to a day ahead (time zones), not into the future beyond that. */
const FUTURE_TOLERANCE_MS = 86_400_000;

export function toStatusUpdate(
  r: StatusUpdateRow & { evidence?: { sourceId: number }[]; author?: { name: string } | null },
): StatusUpdate {
  return {
    id: r.id,
    initiativeId: r.initiativeId,
    fromStage: r.fromStage,
    toStage: r.toStage,
    fromHealth: r.fromHealth,
    toHealth: r.toHealth,
    healthConfidence: r.healthConfidence,
    noteEn: r.noteEn,
    noteUr: r.noteUr,
    effectiveAt: isoTs(r.effectiveAt)!,
    recordedAt: isoTs(r.recordedAt)!,
    authorId: r.authorId,
    authorName: r.author?.name ?? null,
    sourceIds: [...new Set((r.evidence ?? []).map((e) => e.sourceId))],
    development: isDevelopment(r),
    version: r.version,
    createdAt: isoTs(r.createdAt)!,
    updatedAt: isoTs(r.updatedAt)!,
  };
}

/**
 * Recording a status change: checked against the lifecycle, backed by evidence, and applied to the initiative's
 * current stage and health in the same transaction as the update and its evidence rows. A back-dated update
 * (learned late) is checked against the stage in force at its effective time, and moves the current stage only
 * when no later update has set it since.
 */
@Injectable()
export class StatusUpdatesService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repo: InitiativesRepository,
    private readonly audit: AuditService,
  ) {}

  parseWithInitiative(body: unknown): { initiativeId: number; input: Input } {
    const { initiativeId, ...input } = parseWith(CreateStatusUpdateWithInitiativeSchema, body ?? {}, 'body');
    return { initiativeId, input: input as Input };
  }

  parse(body: unknown): Input {
    return parseWith(CreateStatusUpdateSchema, body ?? {}, 'body');
  }

  /**
   * When the change took effect. A bare calendar date means midnight, except today's: "effective today" is now, so
   * it comes after whatever else was recorded today (the initial status of an initiative created this morning).
   */
  effectiveMoment(value: string): Date {
    const at = moment(value)!;
    const today = /^\d{4}-\d{2}-\d{2}$/.test(value) && Date.now() - at.getTime() < 86_400_000;
    return today ? new Date() : at;
  }

  /** `within`: run in the caller's transaction (intake's accept). */
  async record(
    initiativeId: number,
    input: Input,
    user: AuthUser,
    within?: Prisma.TransactionClient,
  ): Promise<StatusUpdate & { initiative: { id: number; stage: InitiativeStage; health: Health; version: number } }> {
    const effectiveAt = this.effectiveMoment(input.effectiveAt);
    if (moment(input.effectiveAt)!.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
      throw new AppException(
        'VALIDATION_FAILED',
        'effectiveAt is in the future: record a change once it has happened',
        { effectiveAt: 'Must not be in the future' },
      );
    }
    const run = async (tx: Prisma.TransactionClient) => {
      // Lock the initiative: concurrent status changes of one initiative apply one after the other.
      const locked = await tx.$queryRaw<
        { id: number; stage: InitiativeStage; health: Health; archived_at: Date | null; stage_since: Date | null }[]
      >`
        SELECT id, stage, health, archived_at, stage_since FROM initiatives WHERE id = ${initiativeId} FOR UPDATE`;
      const initiative = locked[0];
      if (!initiative) throw AppException.notFound('Initiative', initiativeId);
      await assertLinkScope(
        tx,
        user,
        'status-updates',
        null,
        { initiativeId, sourceIds: input.sourceIds },
        'the status of this initiative',
      );
      if (initiative.archived_at)
        throw new AppException('CONFLICT', 'This initiative is archived; restore it before recording its status');

      const inForce = await this.repo.stateAt(tx, initiativeId, effectiveAt);
      const fromStage = inForce.stage;
      const fromHealth: Health = inForce.health ?? 'not_assessed';
      // A stage or health equal to the one in force changes nothing: the update is a development in that respect.
      const toStage = input.toStage && input.toStage !== fromStage ? input.toStage : undefined;
      const toHealth = input.toHealth && input.toHealth !== fromHealth ? input.toHealth : undefined;
      if (toStage && fromStage && !canTransition(fromStage, toStage)) {
        const allowed = [...allowedNextStages(fromStage)];
        throw new AppException(
          'INVALID_TRANSITION',
          allowed.length
            ? `An initiative cannot move from ${fromStage} to ${toStage}; allowed next stages: ${allowed.join(', ')}`
            : `An initiative that is ${fromStage} cannot change stage any more`,
          { toStage: `Not allowed from ${fromStage}` },
          { from: fromStage, to: toStage, allowed },
        );
      }
      if (input.sourceIds.length === 0 && needsEvidence({ fromStage, toStage, fromHealth, toHealth })) {
        throw new AppException(
          'EVIDENCE_REQUIRED',
          toStage
            ? 'A stage change must cite at least one source (sourceIds)'
            : 'A development (no change of stage or health) must cite at least one source (sourceIds)',
          { sourceIds: 'Cite at least one source' },
        );
      }
      const sources = await tx.source.findMany({ where: { id: { in: input.sourceIds } }, select: { id: true } });
      const missing = input.sourceIds.find((id) => !sources.some((s) => s.id === id));
      if (missing !== undefined) throw missingReference('sourceIds', 'Source', missing);

      const row = await tx.statusUpdate.create({
        data: {
          initiativeId,
          fromStage: toStage ? fromStage : null,
          toStage: toStage ?? null,
          fromHealth: toHealth ? fromHealth : null,
          toHealth: toHealth ?? null,
          healthConfidence: input.healthConfidence ?? null,
          noteEn: input.note,
          noteUr: input.noteUr ?? null,
          effectiveAt,
          authorId: user.id,
        },
      });
      for (const sourceId of [...new Set(input.sourceIds)]) {
        await tx.evidence.create({
          data: {
            sourceId,
            quote: input.quotes?.[String(sourceId)] ?? null,
            initiativeId,
            statusUpdateId: row.id,
            createdById: user.id,
          },
        });
      }

      // Only the latest update by effective time decides the current stage and health.
      const later = await this.repo.laterUpdates(tx, initiativeId, effectiveAt);
      const stage = toStage && !later.stage ? toStage : initiative.stage;
      const health = toHealth && !later.health ? toHealth : initiative.health;
      const changed = stage !== initiative.stage || health !== initiative.health;
      // A stage dated before the first known one moves back when the initiative began (the as-of views' index).
      if (toStage && (!initiative.stage_since || effectiveAt < initiative.stage_since)) {
        await tx.initiative.update({ where: { id: initiativeId }, data: { stageSince: effectiveAt } });
      }
      // A back-dated change now precedes the next one that was recorded: that one changes from it.
      await this.repo.relinkNext(tx, initiativeId, row, { stage: toStage, health: toHealth });
      const select = { id: true, stage: true, health: true, version: true } as const;
      const updated = changed
        ? await tx.initiative.update({
            where: { id: initiativeId },
            data: {
              stage,
              health,
              ...(input.healthConfidence !== undefined && toHealth ? { healthConfidence: input.healthConfidence } : {}),
              version: { increment: 1 },
            },
            select,
          })
        : (await tx.initiative.findUnique({ where: { id: initiativeId }, select }))!;
      const wire = toStatusUpdate({
        ...row,
        evidence: input.sourceIds.map((sourceId) => ({ sourceId })),
        author: { name: user.name },
      });
      await this.audit.record(tx, { action: 'create', entity: 'status-updates', entityId: row.id, after: wire });
      if (changed) {
        await this.audit.record(tx, {
          action: 'status.change',
          entity: 'initiatives',
          entityId: initiativeId,
          before: { stage: initiative.stage, health: initiative.health },
          after: { stage, health, statusUpdateId: row.id },
        });
      }
      return { ...wire, initiative: updated };
    };
    return within ? run(within) : this.prisma.$transaction(run);
  }
}
