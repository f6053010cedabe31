import type { Prisma } from '@rabta/db';
import { positionOn } from '@rabta/domain';
import { isoDate } from '../resource/wire';

// Positions in time: the title a person held on a day is the domain's positionOn (held that day: begun by then and
// not ended before it; of those, the one that began last). The Prisma filter below is the same rule.

/** The position a person held on `day`, from their positions as stored. */
export function positionHeldOn<P extends { fromDate: Date | null; toDate: Date | null }>(
  positions: P[],
  day: string,
): P | undefined {
  const dated = positions.map((p) => ({ p, fromDate: isoDate(p.fromDate), toDate: isoDate(p.toDate) }));
  return positionOn(dated, day)?.p;
}

/** Prisma mirror of the domain's isPositionHeldOn (`held` false: the others). */
export function positionHeldWhere(day: string, held: boolean): Prisma.PositionWhereInput {
  const d = new Date(`${day}T00:00:00.000Z`);
  return held
    ? {
        AND: [
          { OR: [{ fromDate: null }, { fromDate: { lte: d } }] },
          { OR: [{ toDate: null }, { toDate: { gte: d } }] },
        ],
      }
    : { OR: [{ fromDate: { gt: d } }, { toDate: { lt: d } }] };
}
