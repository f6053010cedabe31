import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { z } from 'zod';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { isoTs } from '../../common/resource/wire';

export const HistoryEventSchema = z.object({
  id: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: z.string(),
  /** Admins only: where the change came from. */
  requestId: z.string().nullable().optional(),
  ip: z.string().nullable().optional(),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

const LIMIT = 500;

/**
 * The change history of one initiative for anyone who may read it: the audit events of the initiative, its
 * milestones and its status updates (who changed what, when, old → new). Request ids and IP addresses stay with
 * admins, as does the rest of the audit log.
 */
@Injectable()
export class HistoryService {
  constructor(private readonly prisma: PrismaClient) {}

  async history(initiativeId: number, user: AuthUser): Promise<HistoryEvent[]> {
    const initiative = await this.prisma.initiative.findUnique({
      where: { id: initiativeId },
      select: { milestones: { select: { id: true } }, statusUpdates: { select: { id: true } } },
    });
    if (!initiative) throw AppException.notFound('Initiative', initiativeId);
    const events = await this.prisma.auditEvent.findMany({
      where: {
        OR: [
          { entity: 'initiatives', entityId: String(initiativeId) },
          { entity: 'milestones', entityId: { in: initiative.milestones.map((m) => String(m.id)) } },
          { entity: 'status-updates', entityId: { in: initiative.statusUpdates.map((s) => String(s.id)) } },
        ],
      },
      orderBy: { id: 'desc' },
      take: LIMIT,
      include: { actor: { select: { name: true } } },
    });
    const admin = user.role === 'admin';
    return events.map((e) => ({
      id: e.id.toString(),
      actorId: e.actorId,
      actorName: e.actor?.name ?? e.actorName,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
      at: isoTs(e.at)!,
      ...(admin ? { requestId: e.requestId, ip: e.ip } : {}),
    }));
  }
}
