import { Injectable } from '@nestjs/common';
import type { Prisma } from '@rabta/db';
import type { ProposalKind } from '@rabta/domain';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { assertLinkScope } from '../../common/resource/link-scope';

const LINKS = ['initiativeId', 'initiativeIds', 'milestoneId', 'engagementId', 'agreementId', 'statusUpdateId'];

/** Only the link fields of a proposal's body (the scope rule reads those). */
function linksOf(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(LINKS.filter((k) => data[k] !== undefined && data[k] !== null).map((k) => [k, data[k]]));
}

/**
 * Who may decide a proposal: whoever may write the record it proposes, by the link-scope rule of the resource kit
 * (common/resource/link-scope.ts). A proposal on an initiative outside an analyst's sectors can be neither
 * accepted nor rejected by that analyst (403); the services that write the record check it again.
 */
@Injectable()
export class IntakeScope {
  async assertCanDecide(
    tx: Prisma.TransactionClient,
    user: AuthUser,
    kind: ProposalKind,
    data: Record<string, unknown>,
  ): Promise<void> {
    if (user.role === 'viewer') throw AppException.forbidden('Viewers cannot change records');
    if (user.role === 'admin') return;
    const links = linksOf(data);
    const what = 'the records this proposal writes';
    switch (kind) {
      case 'evidence':
        return assertLinkScope(tx, user, 'evidence', null, links, what);
      case 'engagement':
        return assertLinkScope(tx, user, 'engagements', null, { initiativeIds: links.initiativeIds ?? [] }, what);
      case 'agreement':
        return assertLinkScope(tx, user, 'agreements', null, { initiativeIds: links.initiativeIds ?? [] }, what);
      case 'milestone_date':
        // A known milestone is written as its own initiative's; a new one as the initiative named.
        return links.milestoneId
          ? assertLinkScope(tx, user, 'evidence', null, { milestoneId: links.milestoneId }, what)
          : assertLinkScope(tx, user, 'milestones', null, { initiativeId: links.initiativeId }, what);
      case 'status_change':
        return assertLinkScope(tx, user, 'status-updates', null, { initiativeId: links.initiativeId }, what);
      case 'new_person':
        return;
    }
  }
}
