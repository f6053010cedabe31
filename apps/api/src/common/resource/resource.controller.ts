import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Res,
  type Type,
} from '@nestjs/common';
import { isSharedReference } from '@rabta/domain';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { setContentRange } from '../http/list-query';
import { parseWith } from '../http/zod';
import { columnsOf, ExportQuerySchema, sendExport } from './export';
import { ParseIdPipe } from '../http/id.pipe';
import { OPENAPI_KEY, type OpenApiOperation } from '../http/openapi-meta';
import type { ResourceDefinition } from './resource';
import { ResourceService } from './resource.service';

export const resourceServiceToken = (name: string) => `ResourceService:${name}`;

type Decorate = (target: object, key: string, descriptor: PropertyDescriptor) => void;
type ParamDecorate = (target: object, key: string, index: number) => void;

function decorate(proto: object, method: string, decorators: Decorate[], params: ParamDecorate[][] = []): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, method)!;
  params.forEach((list, index) => list.forEach((d) => d(proto, method, index)));
  for (const d of decorators.reverse()) d(proto, method, descriptor);
  Object.defineProperty(proto, method, descriptor);
}

const openapi =
  (op: OpenApiOperation): Decorate =>
  (target, key, descriptor) =>
    Reflect.defineMetadata(OPENAPI_KEY, op, descriptor.value);

/** The five simple-rest routes of a resource, each declaring its access level; only those the definition allows. */
export function resourceController(def: ResourceDefinition): Type<unknown> {
  const idPipe = def.idOf ? undefined : ParseIdPipe;

  @Controller(def.name)
  class ResourceController {
    constructor(@Inject(resourceServiceToken(def.name)) readonly service: ResourceService) {}

    async list(query: unknown, reply: FastifyReply, user: AuthUser): Promise<unknown[]> {
      const { rows, total, start } = await this.service.list(query, user);
      setContentRange(reply, def.name, start, rows.length, total);
      return rows;
    }

    export(query: unknown, reply: FastifyReply, user: AuthUser): Promise<unknown> {
      const q = parseWith(ExportQuerySchema, query ?? {}, 'query');
      return sendExport(reply, def.name, columnsOf(def.schemas.read), (page) => this.service.list(page, user), q);
    }

    getOne(id: number | string, user: AuthUser): Promise<unknown> {
      return this.service.getOne(id, user);
    }

    create(body: unknown, user: AuthUser): Promise<unknown> {
      return this.service.create(body, user);
    }

    update(id: number | string, body: unknown, ifMatch: string | undefined, user: AuthUser): Promise<unknown> {
      return this.service.update(id, body, ifMatch, user);
    }

    remove(id: number | string, user: AuthUser): Promise<unknown> {
      return this.service.remove(id, user);
    }
  }

  const proto = ResourceController.prototype;
  const idParam = (): ParamDecorate => (idPipe ? Param('id', idPipe) : Param('id')) as ParamDecorate;
  const user = CurrentUser() as ParamDecorate;
  decorate(
    proto,
    'list',
    [
      Get() as Decorate,
      Access(def.read) as Decorate,
      openapi({
        kind: 'list',
        resource: def.name,
        schema: def.schemas.read,
        filter: def.schemas.filter,
        sortable: Object.keys(def.sortable),
      }),
    ],
    [[Query() as ParamDecorate], [Res({ passthrough: true }) as ParamDecorate], [user]],
  );
  decorate(
    proto,
    'export',
    [
      Get('export') as Decorate,
      Access(def.read) as Decorate,
      openapi({
        kind: 'action',
        resource: def.name,
        query: ExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        summary: 'Every matching row as CSV or XLSX',
      }),
    ],
    [[Query() as ParamDecorate], [Res({ passthrough: true }) as ParamDecorate], [user]],
  );
  decorate(
    proto,
    'getOne',
    [
      Get(':id') as Decorate,
      Access(def.read) as Decorate,
      openapi({ kind: 'get', resource: def.name, schema: def.schemas.read }),
    ],
    [[idParam()], [user]],
  );
  if (def.write && def.schemas.create) {
    decorate(
      proto,
      'create',
      [
        Post() as Decorate,
        HttpCode(201) as Decorate,
        Access(def.write) as Decorate,
        openapi({ kind: 'create', resource: def.name, schema: def.schemas.read, body: def.schemas.create }),
      ],
      [[Body() as ParamDecorate], [user]],
    );
  }
  if (def.write && def.schemas.update) {
    decorate(
      proto,
      'update',
      [
        Put(':id') as Decorate,
        Access(def.write) as Decorate,
        openapi({ kind: 'update', resource: def.name, schema: def.schemas.read, body: def.schemas.update }),
      ],
      [[idParam()], [Body() as ParamDecorate], [Headers('if-match') as ParamDecorate], [user]],
    );
  }
  if (def.write && def.deletable) {
    // Shared reference data (people, organisations, positions): analysts add and correct it, only admins delete it.
    const deleteLevel = isSharedReference(def.name) ? 'admin' : def.write;
    decorate(
      proto,
      'remove',
      [
        Delete(':id') as Decorate,
        Access(deleteLevel) as Decorate,
        openapi({ kind: 'delete', resource: def.name, schema: def.schemas.read }),
      ],
      [[idParam()], [user]],
    );
  }
  Object.defineProperty(ResourceController, 'name', { value: `${def.label.replace(/\W/g, '')}ResourceController` });
  return ResourceController;
}
