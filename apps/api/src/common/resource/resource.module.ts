import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { AUDIT_RECORDER, type AuditRecorder } from './audit-recorder';
import type { ResourceDefinition } from './resource';
import { resourceController, resourceServiceToken } from './resource.controller';
import { ResourceService } from './resource.service';

/** The ResourceService of a definition, for modules that route it with a controller of their own. */
export function resourceServiceProvider(def: ResourceDefinition) {
  return {
    provide: resourceServiceToken(def.name),
    useFactory: (prisma: PrismaClient, audit: AuditRecorder) => new ResourceService(def, prisma, audit),
    inject: [PrismaClient, AUDIT_RECORDER],
  };
}

/** A Nest module serving one declared resource (its service is exported for other modules that need it). */
export function resourceModule(
  def: ResourceDefinition,
  extra: { controllers?: Type<unknown>[]; providers?: Type<unknown>[] } = {},
): DynamicModule {
  @Module({})
  class ResourceModule {}
  Object.defineProperty(ResourceModule, 'name', { value: `${def.label.replace(/\W/g, '')}Module` });
  return {
    module: ResourceModule,
    controllers: [...(extra.controllers ?? []), resourceController(def)],
    providers: [resourceServiceProvider(def), ...(extra.providers ?? [])],
    exports: [resourceServiceToken(def.name)],
  };
}
