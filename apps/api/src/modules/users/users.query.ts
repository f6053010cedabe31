import { IdSchema, RoleSchema } from '@rabta/domain';
import type { Prisma } from '@rabta/db';
import { z } from 'zod';
import { AppException } from '../../common/errors/app-exception';
import { MAX_PAGE_SIZE, parseListQuery } from '../../common/http/list-query';

// The list query of react-admin's simple-rest dialect for /api/users:
//   ?sort=["email","ASC"]&range=[0,24]&filter={"q":"khan","role":"analyst","id":[1,2]}

export const USER_SORTABLE = [
  'id',
  'email',
  'name',
  'role',
  'locale',
  'disabled',
  'createdAt',
  'updatedAt',
  'lastLoginAt',
] as const;

export const UserListQuerySchema = z.strictObject({
  sort: z.string().optional(),
  range: z.string().optional(),
  filter: z.string().optional(),
});

const FilterSchema = z.strictObject({
  id: z.union([IdSchema, z.array(IdSchema).max(MAX_PAGE_SIZE)]).optional(),
  q: z.string().trim().max(200).optional(),
  email: z.string().trim().max(254).optional(),
  role: z.union([RoleSchema, z.array(RoleSchema)]).optional(),
  disabled: z.boolean().optional(),
  sectorId: IdSchema.optional(),
  /** Locked from some address after failed sign-ins (read from the sign-in throttle by the service). */
  locked: z.boolean().optional(),
});

export interface UserListQuery {
  where: Prisma.UserWhereInput;
  locked?: boolean;
  orderBy: Prisma.UserOrderByWithRelationInput[];
  skip: number;
  take: number;
}

/** The shared list dialect (common/http/list-query.ts) over the users' sort fields and filter. */
export function parseUserListQuery(query: z.output<typeof UserListQuerySchema>): UserListQuery {
  const { sort, range, filter } = parseListQuery(query, {
    sortable: USER_SORTABLE,
    defaultSort: { field: 'id', order: 'ASC' },
    filter: FilterSchema,
  });

  const where: Prisma.UserWhereInput = {};
  if (filter.id !== undefined) where.id = { in: [filter.id].flat() };
  if (filter.q)
    where.OR = [
      { email: { contains: filter.q, mode: 'insensitive' } },
      { name: { contains: filter.q, mode: 'insensitive' } },
    ];
  if (filter.email) where.email = { contains: filter.email.toLowerCase() };
  if (filter.role !== undefined) where.role = { in: [filter.role].flat() };
  if (filter.disabled !== undefined) where.disabled = filter.disabled;
  if (filter.sectorId !== undefined) where.sectors = { some: { sectorId: filter.sectorId } };

  const field = sort.field;
  const direction = sort.order === 'ASC' ? 'asc' : 'desc';
  // Nulls (never signed in) last either way; id breaks ties so that pages are stable.
  const primary: Prisma.UserOrderByWithRelationInput =
    field === 'lastLoginAt' ? { lastLoginAt: { sort: direction, nulls: 'last' } } : { [field]: direction };
  const orderBy = field === 'id' ? [primary] : [primary, { id: 'asc' as const }];
  return { where, locked: filter.locked, orderBy, skip: range.start, take: range.end - range.start + 1 };
}

/** A path id: a positive integer, else 400 naming `id`. */
export function parseId(raw: string): number {
  const parsed = IdSchema.safeParse(raw);
  if (!parsed.success || !/^\d+$/.test(raw))
    throw new AppException('VALIDATION_FAILED', `Invalid id: ${JSON.stringify(raw).slice(0, 40)}`, {
      id: 'Must be a positive integer',
    });
  return parsed.data;
}

/** The version of an `If-Match: "3"` (or `W/"3"`, or `3`) header; undefined when absent. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match || Number(match[1]) < 1)
    throw new AppException('VALIDATION_FAILED', 'If-Match must be the record version, e.g. "3"', {
      version: 'Invalid If-Match header',
    });
  return Number(match[1]);
}
