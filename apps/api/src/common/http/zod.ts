import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppException } from '../errors/app-exception';
import { zodToApiError } from '../errors/to-api-error';

// Request validation from the zod schemas of @rabta/domain, the only definition of each input. The schemas are
// also recorded on the handler, so the OpenAPI document is generated from the same objects.

export const BODY_SCHEMA_KEY = 'rabta:body-schema';
export const QUERY_SCHEMA_KEY = 'rabta:query-schema';

/** Parses with the schema; a failure becomes a 400 whose `errors` name each bad field. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw AppException.of(zodToApiError(result.error, where));
  }
  return result.data;
}

function recordSchema(key: string, schema: z.ZodType): ParameterDecorator {
  return (target, propertyKey) => {
    if (propertyKey !== undefined) Reflect.defineMetadata(key, schema, target, propertyKey);
  };
}

// The schema travels wrapped: Nest takes decorator data that has a `transform` method (every zod schema has one)
// for a pipe, and would pass the factory `undefined`.
type Wrapped = { schema: z.ZodType };

/** The request body, validated by `schema` (a missing body counts as `{}`). */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  const param = createParamDecorator(({ schema: s }: Wrapped, ctx: ExecutionContext) => {
    const body = ctx.switchToHttp().getRequest<FastifyRequest>().body;
    if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
      throw new AppException('VALIDATION_FAILED', 'The request body must be a JSON object', {
        body: 'Must be a JSON object',
      });
    }
    return parseWith(s, body ?? {}, 'body');
  })({ schema } satisfies Wrapped);
  return (target, key, index) => {
    param(target, key, index);
    recordSchema(BODY_SCHEMA_KEY, schema)(target, key, index);
  };
}

/** The query string, validated by `schema`. */
export function ZodQuery(schema: z.ZodType): ParameterDecorator {
  const param = createParamDecorator(({ schema: s }: Wrapped, ctx: ExecutionContext) =>
    parseWith(s, ctx.switchToHttp().getRequest<FastifyRequest>().query ?? {}, 'query'),
  )({ schema } satisfies Wrapped);
  return (target, key, index) => {
    param(target, key, index);
    recordSchema(QUERY_SCHEMA_KEY, schema)(target, key, index);
  };
}
