import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '@rabta/db';
import type { AppConfig } from '../../config/env';
import { AppException } from '../errors/app-exception';
import { postgresRateLimitStore } from './rate-limit-store';

type CspDirectives = Record<string, string[] | null>;

/**
 * The admin is a Vite build of React + MUI served from `/`: scripts only from our origin, inline styles for emotion,
 * images and fonts from our origin or data:/blob: URLs, fetches to our origin only, never framed.
 */
export function adminCsp(config: Pick<AppConfig, 'publicUrl'>): CspDirectives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Only where Rabta is served over https: on plain http (a LAN address) it would break every asset.
    upgradeInsecureRequests: config.publicUrl?.startsWith('https:') ? [] : null,
  };
}

/**
 * Paths whose pages need a looser policy (inline scripts). Any route whose URL starts with one of these gets
 * `relaxedCsp` instead of the admin's policy, however it is registered: add a prefix here rather than switching
 * Helmet off. Empty: Swagger UI at /api/docs loads its initialiser from a file (docs/init.js) and works under the
 * strict policy (checked in Chromium).
 */
export const RELAXED_CSP_PREFIXES: string[] = [];

export function relaxedCsp(config: Pick<AppConfig, 'publicUrl'>): CspDirectives {
  return {
    ...adminCsp(config),
    scriptSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
  };
}

/**
 * Helmet's security headers for one configuration. They do not vary from request to request, so they are worked out
 * once here, where the Fastify plugin would build Helmet anew for every request (a few per cent of a list request's
 * CPU).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/** Sign-in attempts per IP address and minute; the route opts in with `@RouteConfig(LOGIN_RATE_LIMIT)`. */
export const LOGIN_RATE_LIMIT = { rateLimit: { groupId: 'login' } };

/**
 * Security headers (Helmet), cookies, the per-IP rate limiter and CORS. Call before any route is added; Nest adds
 * its routes in app.init().
 */
export async function registerHttpSecurity(
  app: NestFastifyApplication,
  config: AppConfig,
  /** Where the login rate limit is counted; without it (a probe app), in memory. */
  prisma?: PrismaClient,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const https = config.publicUrl?.startsWith('https:') ?? false;

  const options = (directives: CspDirectives): HelmetOptions => ({
    contentSecurityPolicy: { useDefaults: false, directives },
    // HSTS only where Rabta is known to be served over https.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  });
  const strict = helmetHeaders(options(adminCsp(config)));
  const relaxed = helmetHeaders(options(relaxedCsp(config)));
  fastify.addHook('onRoute', (route) => {
    if (
      RELAXED_CSP_PREFIXES.some(
        (p) => route.url === p || route.url.startsWith(`${p}/`) || route.url.startsWith(`${p}*`),
      )
    ) {
      route.config = { ...(route.config ?? {}), relaxedCsp: true } as typeof route.config;
    }
  });
  // Every answer, 404s included, carries them.
  fastify.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.config as { relaxedCsp?: boolean } | undefined;
    void reply.headers(route?.relaxedCsp ? relaxed : strict);
    done();
  });
  await app.register(fastifyCookie, {});
  await app.register(fastifyRateLimit, {
    global: false,
    max: config.loginRateLimitPerMinute,
    timeWindow: 60_000,
    // Counted in PostgreSQL: every process behind a load balancer shares one count per address.
    ...(prisma ? { store: postgresRateLimitStore(prisma) } : {}),
    errorResponseBuilder: (_request: unknown, context: { after: string }) =>
      new AppException('RATE_LIMITED', `Too many sign-in attempts from your address; try again in ${context.after}`),
  });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins.map((o) => new URL(o).origin),
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Authorization', 'If-Match', 'X-Request-Id'],
      exposedHeaders: ['Content-Range', 'X-Request-Id', 'Retry-After', 'ETag'],
    });
  }
}
