import type { z } from 'zod';

/** What the OpenAPI generator needs to know about a route beyond its method and path. */
export interface OpenApiOperation {
  kind: 'list' | 'get' | 'create' | 'update' | 'delete' | 'action';
  resource?: string;
  summary?: string;
  /** The response body (an item, or the items of a list). */
  schema?: z.ZodType;
  body?: z.ZodType;
  query?: z.ZodType;
  filter?: z.ZodType;
  sortable?: readonly string[];
  /** Extra response statuses this route is known to return. */
  responses?: Record<number, string>;
  /** Not JSON (e.g. a file download). */
  produces?: string[];
}

export const OPENAPI_KEY = 'rabta:openapi';

/** Describe a hand-written route for the OpenAPI document. */
export const ApiOperation =
  (op: OpenApiOperation): MethodDecorator =>
  (_target, _key, descriptor) => {
    Reflect.defineMetadata(OPENAPI_KEY, op, descriptor.value as object);
  };
