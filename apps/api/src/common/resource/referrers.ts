import type { Prisma } from '@rabta/db';
import { citersOf, type LinkTarget } from '@rabta/domain';
import { AppException } from '../errors/app-exception';

// Who refers to a record, from the links packages/domain/src/links.ts declares: each declared link that points at
// a kind is read from where it is stored. Shared reference data and sources are deleted only when nothing refers to
// them (ResourceService.remove), so a delete never silently empties another record's field or drops its rows.

type Tx = Prisma.TransactionClient;
type Find = (tx: Tx, id: number) => Promise<number[]>;

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/** By `resource.field` of RESOURCE_LINKS: the ids of the records of `resource` whose `field` names this id. */
const STORED: Record<string, Find> = {
  'positions.personId': async (tx, id) =>
    ids(await tx.position.findMany({ where: { personId: id }, select: { id: true } })),
  'positions.organizationId': async (tx, id) =>
    ids(await tx.position.findMany({ where: { organizationId: id }, select: { id: true } })),
  'organizations.parentId': async (tx, id) =>
    ids(await tx.organization.findMany({ where: { parentId: id }, select: { id: true } })),
  'initiatives.focalPersonId': async (tx, id) =>
    ids(await tx.initiative.findMany({ where: { focalPersonId: id }, select: { id: true } })),
  'initiatives.leadOrganizationIds': async (tx, id) =>
    (await tx.initiativeOrganization.findMany({ where: { organizationId: id }, select: { initiativeId: true } })).map(
      (r) => r.initiativeId,
    ),
  'milestones.ownerPersonId': async (tx, id) =>
    ids(await tx.milestone.findMany({ where: { ownerPersonId: id }, select: { id: true } })),
  'milestones.ownerOrganizationId': async (tx, id) =>
    ids(await tx.milestone.findMany({ where: { ownerOrganizationId: id }, select: { id: true } })),
  'milestones.announcement.announcedById': async (tx, id) =>
    (
      await tx.milestoneDateChange.findMany({
        where: { announcedById: id },
        select: { milestoneId: true },
        distinct: ['milestoneId'],
      })
    ).map((r) => r.milestoneId),
  'milestones.announcement.sourceId': async (tx, id) =>
    (
      await tx.milestoneDateChange.findMany({
        where: { sourceId: id },
        select: { milestoneId: true },
        distinct: ['milestoneId'],
      })
    ).map((r) => r.milestoneId),
  'engagements.participantIds': async (tx, id) =>
    (await tx.engagementParticipant.findMany({ where: { personId: id }, select: { engagementId: true } })).map(
      (r) => r.engagementId,
    ),
  'agreements.signatoryIds': async (tx, id) =>
    (await tx.agreementSignatory.findMany({ where: { personId: id }, select: { agreementId: true } })).map(
      (r) => r.agreementId,
    ),
  'agreements.partyOrganizationIds': async (tx, id) =>
    (await tx.agreementParty.findMany({ where: { organizationId: id }, select: { agreementId: true } })).map(
      (r) => r.agreementId,
    ),
  'evidence.sourceId': async (tx, id) =>
    ids(await tx.evidence.findMany({ where: { sourceId: id, statusUpdateId: null }, select: { id: true } })),
  'status-updates.sourceIds': async (tx, id) =>
    (
      await tx.evidence.findMany({
        where: { sourceId: id, statusUpdateId: { not: null } },
        select: { statusUpdateId: true },
        distinct: ['statusUpdateId'],
      })
    ).map((r) => r.statusUpdateId!),
};

/** Every stored link to these kinds has a finder (checked at start, so a new link cannot be forgotten here). */
export function assertReferrersKnown(kinds: LinkTarget[]): void {
  for (const kind of kinds) {
    for (const { resource, rule } of citersOf(kind)) {
      if (!STORED[`${resource}.${rule.field}`]) throw new Error(`referrers: no finder for ${resource}.${rule.field}`);
    }
  }
}
assertReferrersKnown(['people', 'organizations', 'positions', 'sources']);

/** The records that refer to this one, by resource (`{ positions: [4, 7], engagements: [9] }`); empty when none. */
export async function referrersOf(tx: Tx, kind: LinkTarget, id: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const { resource, rule } of citersOf(kind)) {
    const found = await STORED[`${resource}.${rule.field}`](tx, id);
    if (found.length) out[resource] = [...new Set([...(out[resource] ?? []), ...found])].sort((a, b) => a - b);
  }
  return out;
}

/** 409 IN_USE naming the referrers, unless nothing refers to the record. */
export async function assertUnreferenced(tx: Tx, kind: LinkTarget, id: number, label: string): Promise<void> {
  const referrers = await referrersOf(tx, kind, id);
  const entries = Object.entries(referrers);
  if (!entries.length) return;
  const listed = entries.map(
    ([resource, list]) =>
      `${resource} ${list
        .slice(0, 10)
        .map((x) => `#${x}`)
        .join(', ')}`,
  );
  throw new AppException(
    'IN_USE',
    `This ${label.toLowerCase()} is still referred to by ${listed.join('; ')}; remove those references first`,
    undefined,
    { referrers },
  );
}
