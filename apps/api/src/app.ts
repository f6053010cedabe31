import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from './app.context';
import { AppModule } from './app.module';
import { AppException } from './common/errors/app-exception';
import { sendError } from './common/errors/error.filter';
import { registerHttpSecurity } from './common/auth/http-security';
import { DatabaseStatus } from './common/database/database-status';
import { AuthenticationService } from './common/auth/authentication.service';
import { registerMetricsRoute } from './modules/metrics/metrics.route';
import { MetricsService } from './modules/metrics/metrics.service';
import { trackRoutes } from './common/auth/route-registry';
import { NestPinoLogger } from './common/logging/logger';
import { runWithContext } from './common/request-context';
import { nameRequestSpan } from './common/http/request-span';
import { hasEncodedNul, refuseMultipartElsewhere, registerJsonOnlyBodies } from './common/http/json-body';

/** The built admin (apps/admin/dist), the same relative place from src/ and dist/. */
export const ADMIN_DIST = join(__dirname, '..', '..', 'admin', 'dist');

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Article intake takes a pasted page (up to 5 MB of HTML) in its JSON body; it checks the sizes itself. */
export const INTAKE_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
/**
 * A source's text is limited in characters (SOURCE_TEXT_MAX_CHARS), not bytes: in Urdu or Russian a character is two
 * bytes of UTF-8, so writing a source takes as large a body as intake does, and the schema says what is too long.
 */
const LARGE_BODY_ROUTES: Record<string, string[]> = {
  '/api/intake': ['POST'],
  '/api/sources': ['POST'],
  '/api/sources/:id': ['PUT', 'PATCH'],
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether the database is reachable (a lost connection turns requests into 503s at once until it is back). */
    databaseStatus?: DatabaseStatus;
  }
}

/** API routes that answer without the database: they say how things stand. */
const ANSWERS_WITHOUT_DATABASE = new Set(['/api/health', '/api/version', '/api/metrics']);

/** A client's X-Request-Id is kept when it is a plain token; otherwise we make one. */
function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,64}$/.test(value) ? value : randomUUID();
}

/** The host name a request was sent to, without its port (`[::1]` kept whole). */
function hostnameOf(host: string): string {
  return (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]).toLowerCase();
}

function registerRequestHooks(fastify: FastifyInstance, metrics: MetricsService, allowedHosts?: string[]): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    const path = request.url.split('?')[0];
    // DNS rebinding: a page of another site whose name now points here sends its own name as Host. With PUBLIC_URL
    // set, only our names are served (the health check answers anyone: a load balancer may call it by address).
    if (allowedHosts && path !== '/api/health' && !allowedHosts.includes(hostnameOf(request.host ?? ''))) {
      return sendError(
        request,
        reply,
        new AppException(
          'BAD_REQUEST',
          `This server does not answer to the host name ${String(request.host).slice(0, 80)}`,
        ),
      );
    }
    if (hasEncodedNul(request.url)) {
      return sendError(
        request,
        reply,
        new AppException('BAD_REQUEST', 'The address must not contain NUL characters (%00)'),
      );
    }
    const status = fastify.databaseStatus;
    if (status?.isDown) {
      if ((path === '/api' || path.startsWith('/api/')) && !ANSWERS_WITHOUT_DATABASE.has(path)) {
        // No request waits on a database that is not there.
        void reply.header('retry-after', '1');
        return sendError(
          request,
          reply,
          new AppException('DATABASE_UNAVAILABLE', 'The database is unavailable; retrying. Try again shortly.'),
        );
      }
    }
    nameRequestSpan(request.method, request.routeOptions.url, String(request.id));
    // Everything that runs for this request (guards, services, log lines) sees its id.
    runWithContext({ requestId: String(request.id), ip: request.ip }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    // The route's template keeps the label set bounded; a request that matched no route counts as one.
    const route = request.routeOptions.url ?? '(unmatched)';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });
  // Errors Fastify raises before a route runs (bad JSON, body too large) reach Nest's handler, then ErrorFilter.
}

/**
 * The admin is served by the API on the same port: its hashed assets under /assets (read from disk on each request,
 * so a rebuilt admin is served without a restart, and a missing asset is a 404, never the HTML page), the other
 * files of its build by name, and index.html for every client-side route.
 */
/** sendFile would otherwise set its own `Cache-Control: public, max-age=0` over ours. */
const NOT_CACHED = { cacheControl: false } as const;

async function registerAdmin(fastify: FastifyInstance, root: string): Promise<void> {
  await fastify.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    index: false,
    // Vite puts a content hash in every asset name: cache those for good. The plugin's sendFile serves the pages
    // too (index.html), which must not be: only what lies under assets/ is immutable.
    setHeaders: (reply, path) => {
      if (path.startsWith(join(root, 'assets') + sep))
        void reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/')) {
      return sendError(request, reply, new AppException('NOT_FOUND', `No route for GET ${path}`));
    }
    if (!existsSync(join(root, 'index.html'))) {
      return reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><title>Rabta</title><p>The admin is not built. Run <code>npm run build</code>, or <code>npm start</code>.</p>',
        );
    }
    // A top-level file of the build (favicon, robots.txt…); anything else is a client-side route.
    const file = /^\/[\w.-]+\.[a-z0-9]+$/i.test(path) ? path.slice(1) : undefined;
    if (file && file !== 'index.html' && existsSync(join(root, file)))
      return reply.header('cache-control', 'no-cache').sendFile(file, root, NOT_CACHED);
    if (file) return sendError(request, reply, new AppException('NOT_FOUND', `No file ${path}`));
    // Revalidated on every load, so a new build's asset names are seen at once (the assets themselves are immutable).
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, NOT_CACHED);
  });
}

export async function createApp(
  ctx: AppContext,
  options: { adminDist?: string } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: ctx.logger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFrom(req.headers['x-request-id']),
    requestIdHeader: false,
    // The logger's mixin already adds the request id to every line (request.log or not); don't add it twice.
    childLoggerFactory: (
      logger: FastifyBaseLogger,
      _bindings: unknown,
      opts: Parameters<FastifyBaseLogger['child']>[1],
    ) => logger.child({}, opts),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(ctx), adapter, {
    logger: new NestPinoLogger(ctx.logger),
    abortOnError: false,
    // Ours instead (registerJsonOnlyBodies): Nest's would also parse form-encoded bodies.
    bodyParser: false,
  });
  app.setGlobalPrefix('api');
  const fastify = app.getHttpAdapter().getInstance();
  ctx.databaseStatus ??= new DatabaseStatus(ctx.database.url, ctx.logger);
  fastify.decorate('databaseStatus', ctx.databaseStatus);
  fastify.addHook('onClose', (_instance, done) => {
    ctx.databaseStatus?.close();
    done();
  });
  // Before any route is added: the route list for the access tests, Helmet, cookies, rate limit, CORS.
  trackRoutes(fastify);
  fastify.addHook('onRoute', (route) => {
    const methods = LARGE_BODY_ROUTES[route.url];
    if (methods && [route.method].flat().some((m) => methods.includes(m))) route.bodyLimit = INTAKE_BODY_LIMIT_BYTES;
  });
  await registerHttpSecurity(app, ctx.config, ctx.prisma);
  registerJsonOnlyBodies(fastify);
  // Spreadsheet uploads (POST /api/imports): one file up to the configured size; JSON bodies keep their 1 MiB.
  await fastify.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.imports.maxBytes, files: 1, fields: 20, fieldSize: 100_000, parts: 25 },
  });
  refuseMultipartElsewhere(fastify);
  registerRequestHooks(fastify, app.get(MetricsService), ctx.config.allowedHosts);
  registerMetricsRoute(fastify, app.get(MetricsService), app.get(AuthenticationService), ctx.config.metricsToken);
  await registerAdmin(fastify, options.adminDist ?? ADMIN_DIST);
  await app.init();
  await fastify.ready();
  return app;
}
