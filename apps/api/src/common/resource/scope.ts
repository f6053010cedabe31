import type { Prisma } from '@rabta/db';
import { AppException } from '../errors/app-exception';

type Tx = Prisma.TransactionClient;

/** A reference in the body that points nowhere: 422 with the field named. */
export function missingReference(field: string, what: string, id: unknown): AppException {
  return new AppException('REFERENCE_NOT_FOUND', `${what} ${String(id)} does not exist`, {
    [field]: `No ${what.toLowerCase()} ${String(id)}`,
  });
}

/** Every id must exist in the table; else 422 naming the field and the id. */
export async function assertExist(
  tx: Tx,
  checks: {
    field: string;
    what: 'Person' | 'Organization' | 'Sector' | 'Source' | 'Milestone' | 'Engagement' | 'Country';
    ids: readonly (number | string)[];
  }[],
): Promise<void> {
  for (const { field, what, ids } of checks) {
    const unique = [...new Set(ids.filter((x) => x !== null && x !== undefined))];
    if (unique.length === 0) continue;
    let found: (number | string)[];
    switch (what) {
      case 'Person':
        found = (await tx.person.findMany({ where: { id: { in: unique as number[] } }, select: { id: true } })).map(
          (r) => r.id,
        );
        break;
      case 'Organization':
        found = (
          await tx.organization.findMany({ where: { id: { in: unique as number[] } }, select: { id: true } })
        ).map((r) => r.id);
        break;
      case 'Sector':
        found = (await tx.sector.findMany({ where: { id: { in: unique as number[] } }, select: { id: true } })).map(
          (r) => r.id,
        );
        break;
      case 'Source':
        found = (await tx.source.findMany({ where: { id: { in: unique as number[] } }, select: { id: true } })).map(
          (r) => r.id,
        );
        break;
      case 'Milestone':
        found = (await tx.milestone.findMany({ where: { id: { in: unique as number[] } }, select: { id: true } })).map(
          (r) => r.id,
        );
        break;
      case 'Engagement':
        found = (await tx.engagement.findMany({ where: { id: { in: unique as number[] } }, select: { id: true } })).map(
          (r) => r.id,
        );
        break;
      case 'Country':
        found = (
          await tx.country.findMany({ where: { code: { in: unique as string[] } }, select: { code: true } })
        ).map((r) => r.code);
        break;
    }
    const missing = unique.find((id) => !found.includes(id));
    if (missing !== undefined) throw missingReference(field, what, missing);
  }
}
