import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ACCESS_KEY, type AccessLevel } from './access.decorator';

// Two views of the routes an app serves, for the tests that prove every route declares who may call it:
// what Fastify actually registered (every route, whoever added it), and what Nest's controllers declare.

export interface RegisteredRoute {
  method: string;
  url: string;
}

const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Call before any route is added (createApp does): records every route Fastify registers. */
export function trackRoutes(fastify: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  registered.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method: String(method).toUpperCase(), url: route.url });
  });
}

/** Every route Fastify registered (HEAD twins of GET routes left out). */
export function registeredRoutes(fastify: FastifyInstance): RegisteredRoute[] {
  const routes = registered.get(fastify);
  if (!routes) throw new Error('trackRoutes() was not called on this Fastify instance before its routes were added');
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes.filter((r) => !(r.method === 'HEAD' && gets.has(r.url)));
}

export interface NestRoute {
  method: string;
  /** As Fastify sees it, e.g. `/api/users/:id`. */
  path: string;
  /** `METHOD /api/path/:param`, the key of the access matrix. */
  key: string;
  access: AccessLevel | undefined;
  controller: string;
  handler: string;
}

function joinPath(...parts: string[]): string {
  const path = `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return path.replace(/\/{2,}/g, '/');
}

/** Every handler of every controller of the app, with its path under the global prefix and its declared level. */
export function nestRoutes(app: INestApplication, globalPrefix = 'api'): NestRoute[] {
  const routes: NestRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const controllerPaths = [Reflect.getMetadata(PATH_METADATA, controller) ?? '/'].flat() as string[];
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const methodPaths = [Reflect.getMetadata(PATH_METADATA, handler) ?? '/'].flat() as string[];
        const access = (Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, controller)) as
          AccessLevel | undefined;
        for (const cp of controllerPaths) {
          for (const mp of methodPaths) {
            const path = joinPath(globalPrefix, cp, mp);
            const verb = RequestMethod[method];
            routes.push({
              method: verb,
              path,
              key: `${verb} ${path}`,
              access,
              controller: controller.name,
              handler: name,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
