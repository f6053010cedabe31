import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ApiErrorSchema } from '@rabta/domain';
import { z } from 'zod';
import { ACCESS_KEY, type AccessLevel } from '../../common/auth/access.decorator';
import { OPENAPI_KEY, type OpenApiOperation } from '../../common/http/openapi-meta';
import { BODY_SCHEMA_KEY, QUERY_SCHEMA_KEY } from '../../common/http/zod';
import { APP_VERSION } from '../../version';

type JsonSchema = Record<string, unknown>;

const METHODS: Record<number, string> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.DELETE]: 'delete',
  [RequestMethod.PATCH]: 'patch',
};

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/**
 * OpenAPI 3.1 from the routes Nest registered and the zod schemas they were declared with (@ZodBody, @ZodQuery,
 * @ApiOperation, and the resource kit's routes) — the same objects that validate requests.
 */
@Injectable()
export class OpenApiService {
  private document: JsonSchema | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  build(): JsonSchema {
    if (this.document) return this.document;
    const paths: Record<string, Record<string, unknown>> = {};
    const components: Record<string, JsonSchema> = { Error: toJsonSchema(ApiErrorSchema, 'output') };
    const named = new Map<z.ZodType, string>();
    const ref = (wanted: string, schema: z.ZodType, io: 'input' | 'output') => {
      let name = named.get(schema);
      if (!name) {
        name = wanted;
        for (let n = 2; components[name]; n++) name = `${wanted}${n}`;
        named.set(schema, name);
        components[name] = toJsonSchema(schema, io);
      }
      return { $ref: `#/components/schemas/${name}` };
    };

    for (const wrapper of this.discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const proto = Object.getPrototypeOf(instance);
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        const methodCode = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (methodCode === undefined || sub === undefined) continue;
        const method = METHODS[methodCode];
        if (!method) continue;
        const path = `/api/${[base, sub].filter((p) => p && p !== '/').join('/')}`
          .replace(/\/+/g, '/')
          .replace(/\/$/, '')
          .replace(/:([A-Za-z]+)/g, '{$1}');
        const access = this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_KEY, [handler, metatype]);
        const op = (Reflect.getMetadata(OPENAPI_KEY, handler) ?? {}) as OpenApiOperation;
        const body = op.body ?? (Reflect.getMetadata(BODY_SCHEMA_KEY, proto, name) as z.ZodType | undefined);
        const query = op.query ?? (Reflect.getMetadata(QUERY_SCHEMA_KEY, proto, name) as z.ZodType | undefined);
        const resource = op.resource ?? base.split('/')[0];
        const tag = resource || 'system';
        const parameters: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
          name: m[1],
          in: 'path',
          required: true,
          schema: { type: m[1] === 'id' && resource === 'countries' ? 'string' : 'integer' },
        }));
        if (op.kind === 'list') {
          parameters.push(
            {
              name: 'sort',
              in: 'query',
              description: `JSON ["field","ASC"|"DESC"]; fields: ${(op.sortable ?? []).join(', ')}`,
              schema: { type: 'string' },
              example: '["id","DESC"]',
            },
            {
              name: 'range',
              in: 'query',
              description: 'JSON [start,end], at most 1000 rows',
              schema: { type: 'string' },
              example: '[0,24]',
            },
            {
              name: 'filter',
              in: 'query',
              description: 'JSON object of filters',
              content: op.filter ? { 'application/json': { schema: toJsonSchema(op.filter, 'input') } } : undefined,
              schema: op.filter ? undefined : { type: 'string' },
            },
          );
          if (['initiatives', 'milestones'].includes(resource)) {
            parameters.push(
              {
                name: 'asOf',
                in: 'query',
                description: 'YYYY-MM-DD: the world as it was on that date',
                schema: { type: 'string', format: 'date' },
              },
              {
                name: 'knownAt',
                in: 'query',
                description: 'ISO date-time: ignore what was recorded after it',
                schema: { type: 'string', format: 'date-time' },
              },
            );
          }
        } else if (query) {
          const q = toJsonSchema(query, 'input');
          for (const [key, schema] of Object.entries((q.properties ?? {}) as Record<string, JsonSchema>)) {
            parameters.push({
              name: key,
              in: 'query',
              required: ((q.required ?? []) as string[]).includes(key),
              schema,
            });
          }
        }
        const item = op.schema
          ? ref(
              pascal(resource).replace(/s$/, '').replace(/ie$/, 'y') + (op.kind === 'action' ? pascal(name) : ''),
              op.schema,
              'output',
            )
          : undefined;
        const okStatus = op.kind === 'create' || (method === 'post' && op.kind === 'action') ? '201' : '200';
        const responses: Record<string, unknown> = {
          [okStatus]: op.produces
            ? {
                description: 'A file',
                content: Object.fromEntries(
                  op.produces.map((p) => [p, { schema: { type: 'string', format: 'binary' } }]),
                ),
              }
            : {
                description: op.kind === 'list' ? 'A page of records; the total is in Content-Range' : 'OK',
                ...(op.kind === 'list'
                  ? { headers: { 'Content-Range': { schema: { type: 'string' }, example: `${resource} 0-24/319` } } }
                  : {}),
                ...(item
                  ? {
                      content: {
                        'application/json': { schema: op.kind === 'list' ? { type: 'array', items: item } : item },
                      },
                    }
                  : {}),
              },
          '400': {
            description: 'Invalid input',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          ...(access !== 'public'
            ? { '401': { description: 'Not signed in' }, '403': { description: 'Not allowed' } }
            : {}),
          ...(op.kind === 'update'
            ? { '409': { description: 'VERSION_CONFLICT: the body has `current`, `changedBy`, `changedAt`' } }
            : {}),
          ...Object.fromEntries(Object.entries(op.responses ?? {}).map(([s, d]) => [s, { description: d }])),
        };
        paths[path] ??= {};
        paths[path][method] = {
          tags: [tag],
          operationId: `${tag}.${name}`,
          summary: op.summary ?? `${op.kind ?? name} ${resource}`.trim(),
          description: `Access: ${access ?? 'none declared'}`,
          security: access === 'public' ? [] : [{ cookieAuth: [] }, { bearerAuth: [] }],
          parameters,
          ...(body
            ? {
                requestBody: {
                  required: true,
                  content: { 'application/json': { schema: toJsonSchema(body, 'input') } },
                },
              }
            : {}),
          responses,
        };
      }
    }
    this.document = {
      openapi: '3.1.0',
      info: {
        title: 'Rabta API',
        version: APP_VERSION,
        description:
          'Government-to-government cooperation tracker. Lists follow react-admin’s simple-rest dialect. Every error has the shape ' +
          '{statusCode, code, message, errors?}. Sign in with POST /api/auth/login (session cookie) or send a personal API token as a bearer token.',
      },
      servers: [{ url: '/' }],
      components: {
        schemas: components,
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'rabta_session' },
          bearerAuth: { type: 'http', scheme: 'bearer' },
        },
      },
      paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    };
    return this.document;
  }
}
