import { IdSchema } from '@rabta/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppException } from '../errors/app-exception';
import { prefixFields, zodToApiError } from '../errors/to-api-error';
import { bodyProblem } from './json-body';

// react-admin's simple-rest dialect: ?sort=["title","ASC"]&range=[0,24]&filter={"q":"…","id":[1,2]}
// → a JSON array and `Content-Range: <resource> 0-24/319`.

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 25;

export interface ListQuery<F> {
  sort: { field: string; order: 'ASC' | 'DESC' };
  range: { start: number; end: number };
  filter: F;
}

/** The raw query string keys a list accepts; anything else is refused (it is most likely a typo). */
export const ListQueryStringSchema = z.strictObject({
  sort: z.string().optional(),
  range: z.string().optional(),
  filter: z.string().optional(),
  asOf: z.string().optional(),
  knownAt: z.string().optional(),
});

function parseJson(raw: string | undefined, key: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppException('BAD_REQUEST', `The ${key} parameter is not valid JSON`, { [key]: 'Not valid JSON' });
  }
  const problem = bodyProblem(value, `The ${key} parameter`);
  if (problem) throw problem;
  return value;
}

const SortSchema = z.tuple([z.string().min(1).max(60), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
const RangeSchema = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([a, b]) => b >= a, 'The end of the range must not be before its start')
  .refine(([a, b]) => b - a < MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} rows a page; use the export for more`);

export interface ListOptions<F> {
  /** Wire fields that may be sorted on. */
  sortable: readonly string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** A strict zod object for the filter keys of this resource. */
  filter: z.ZodType<F>;
}

export function parseListQuery<F>(query: unknown, options: ListOptions<F>): ListQuery<F> {
  const qs = ListQueryStringSchema.safeParse(query ?? {});
  if (!qs.success) {
    throw AppException.of(zodToApiError(qs.error, 'query'));
  }
  const rawSort = parseJson(qs.data.sort, 'sort');
  let sort = options.defaultSort;
  if (rawSort !== undefined) {
    const parsed = SortSchema.safeParse(rawSort);
    if (!parsed.success)
      throw new AppException('BAD_REQUEST', 'sort must be ["field","ASC"|"DESC"]', {
        sort: 'Must be ["field","ASC"|"DESC"]',
      });
    const [field, order] = parsed.data;
    if (!options.sortable.includes(field)) {
      throw new AppException(
        'BAD_REQUEST',
        `Cannot sort on ${field}; sortable fields: ${options.sortable.join(', ')}`,
        {
          sort: `Cannot sort on ${field}`,
        },
      );
    }
    sort = { field, order: order.toUpperCase() as 'ASC' | 'DESC' };
  }
  const rawRange = parseJson(qs.data.range, 'range');
  let range = { start: 0, end: DEFAULT_PAGE_SIZE - 1 };
  if (rawRange !== undefined) {
    const parsed = RangeSchema.safeParse(rawRange);
    if (!parsed.success)
      throw new AppException('BAD_REQUEST', `Invalid range: ${parsed.error.issues[0].message}`, {
        range: parsed.error.issues[0].message,
      });
    range = { start: parsed.data[0], end: parsed.data[1] };
  }
  const rawFilter = parseJson(qs.data.filter, 'filter') ?? {};
  if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) {
    throw new AppException('BAD_REQUEST', 'filter must be a JSON object', { filter: 'Must be a JSON object' });
  }
  const parsed = options.filter.safeParse(rawFilter);
  if (!parsed.success) {
    throw AppException.of(prefixFields(zodToApiError(parsed.error, 'filter'), 'filter'));
  }
  return { sort, range, filter: parsed.data };
}

// `users 0-24/319`; `users */0` when the page is empty (react-admin reads the total after the slash).
export function contentRangeOf(resource: string, start: number, count: number, total: number): string {
  return count > 0 ? `${resource} ${start}-${start + count - 1}/${total}` : `${resource} */${total}`;
}

/** Sets Content-Range. */
export function setContentRange(
  reply: FastifyReply,
  resource: string,
  start: number,
  count: number,
  total: number,
): void {
  void reply.header('content-range', contentRangeOf(resource, start, count, total));
}

// Shared filter building blocks.
export const IdListFilter = z.union([z.array(IdSchema).max(MAX_PAGE_SIZE), IdSchema]);
export const toIdList = (v: number | number[] | undefined): number[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];
export const QFilter = z.string().max(200);
