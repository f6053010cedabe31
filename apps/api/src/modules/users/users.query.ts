import { IdSchema, RoleSchema } from '@rabta/domain';
import type { Prisma } from '@rabta/db';
import { z } from 'zod';
import { AppException } from '../../common/errors/app-exception';
import { MAX_PAGE_SIZE } from '../../common/http/list-query';
import { parseWith } from '../../common/http/zod';

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

const SortSchema = z.tuple([
  z.enum(USER_SORTABLE, { error: `Sort by one of: ${USER_SORTABLE.join(', ')}` }),
  z.enum(['ASC', 'DESC', 'asc', 'desc']),
]);
const RangeSchema = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([a, b]) => b >= a, 'The end must not be before the start')
  .refine(([a, b]) => b - a < MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} rows at a time`);
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

function parseJsonParam(raw: string | undefined, name: string, example: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppException('VALIDATION_FAILED', `The ${name} parameter must be JSON, e.g. ${name}=${example}`, {
      [name]: `Must be JSON, e.g. ${example}`,
    });
  }
}

function nested<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  try {
    return parseWith(schema, value, 'query');
  } catch (err) {
    if (err instanceof AppException && err.errors) {
      // Name the parameter in each error key: `filter.role`, `sort.0`.
      const errors = Object.fromEntries(
        Object.entries(err.errors).map(([k, v]) => [k === 'query' ? name : `${name}.${k}`, v]),
      );
      throw new AppException(
        err.code,
        `Invalid ${name}: ${Object.entries(errors)
          .map(([k, v]) => `${k} (${v})`)
          .join('; ')}`,
        errors,
      );
    }
    throw err;
  }
}

export interface UserListQuery {
  where: Prisma.UserWhereInput;
  locked?: boolean;
  orderBy: Prisma.UserOrderByWithRelationInput[];
  skip: number;
  take: number;
}

export function parseUserListQuery(query: z.output<typeof UserListQuerySchema>): UserListQuery {
  const sort =
    query.sort === undefined
      ? undefined
      : nested(SortSchema, parseJsonParam(query.sort, 'sort', '["email","ASC"]'), 'sort');
  const range =
    query.range === undefined
      ? undefined
      : nested(RangeSchema, parseJsonParam(query.range, 'range', '[0,24]'), 'range');
  const filter =
    query.filter === undefined
      ? {}
      : nested(FilterSchema, parseJsonParam(query.filter, 'filter', '{"role":"analyst"}'), 'filter');

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

  const [field, dir] = sort ?? ['id', 'ASC'];
  const direction = dir.toLowerCase() as 'asc' | 'desc';
  // Nulls (never signed in) last either way; id breaks ties so that pages are stable.
  const primary: Prisma.UserOrderByWithRelationInput =
    field === 'lastLoginAt' ? { lastLoginAt: { sort: direction, nulls: 'last' } } : { [field]: direction };
  const orderBy = field === 'id' ? [primary] : [primary, { id: 'asc' as const }];
  const [start, end] = range ?? [0, 24];
  return { where, locked: filter.locked, orderBy, skip: start, take: end - start + 1 };
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
