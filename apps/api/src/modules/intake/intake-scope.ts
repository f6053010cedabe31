import { Injectable } from '@nestjs/common';
import type { Prisma } from '@rabta/db';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { assertCanEditInitiative, assertCanEditLinked } from '../../common/resource/scope';
import { IntakeRepository } from './intake.repository';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/**
 * Who may decide a proposal: the same sector scope as the record it writes. A proposal on an initiative outside
 * an analyst's sectors can be neither accepted nor rejected by that analyst (403); the services that write the
 * record check it again.
 */
@Injectable()
export class IntakeScope {
  constructor(private readonly repo: IntakeRepository) {}

  async assertCanDecide(tx: Prisma.TransactionClient, user: AuthUser, data: Record<string, unknown>): Promise<void> {
    if (user.role === 'viewer') throw AppException.forbidden('Viewers cannot change records');
    if (user.role === 'admin') return;
    const what = 'the records this proposal writes';
    const initiativeId = num(data.initiativeId);
    if (initiativeId) await assertCanEditInitiative(user, tx, initiativeId, what);
    const initiativeIds = Array.isArray(data.initiativeIds) ? data.initiativeIds.filter((x) => num(x)) : [];
    if (initiativeIds.length) await assertCanEditLinked(user, tx, initiativeIds as number[], what);
    for (const key of ['milestoneId', 'statusUpdateId', 'engagementId', 'agreementId'] as const) {
      const id = num(data[key]);
      if (!id) continue;
      const linked = await this.repo.initiativesOf(tx, { [key]: id });
      if (linked === null) continue; // a missing record is reported by the service that writes
      if (key === 'milestoneId' || key === 'statusUpdateId') await assertCanEditInitiative(user, tx, linked[0], what);
      else if (linked.length) await assertCanEditLinked(user, tx, linked, what);
    }
  }
}
