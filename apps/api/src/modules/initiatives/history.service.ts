import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import type { HistoryEvent } from '@rabta/domain';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { auditEventToWire } from '../audit/audit-events.resource';

const LIMIT = 500;

/**
 * The change history of one initiative for anyone who may read it: the audit events of the initiative, its
 * milestones and its status updates (who changed what, when, old → new). Emails, request ids and IP addresses stay
 * with admins, as does the rest of the audit log.
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
    });
    const admin = user.role === 'admin';
    return events.map((e) => {
      // Who did it, by name; their email, the request id and the address are for admins.
      const { requestId, ip, actorEmail, ...event } = auditEventToWire(e);
      return admin ? { ...event, actorEmail, requestId, ip } : event;
    });
  }
}
