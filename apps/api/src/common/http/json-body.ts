import type { FastifyInstance } from 'fastify';
import { AppException } from '../errors/app-exception';

/** How deep a request body may nest (objects and arrays); Rabta's deepest bodies (a saved view's filter) need a few. */
export const JSON_MAX_DEPTH = 32;

/**
 * What a parsed body must not hold: nesting deeper than JSON_MAX_DEPTH (400, before any code walks it recursively)
 * and NUL characters in keys or strings (PostgreSQL stores neither in text nor in jsonb). Iterative, so a body nested
 * thousands deep costs a loop, not the stack. Returns the problem, or undefined.
 */
export function bodyProblem(body: unknown, what = 'The request body'): AppException | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return nulIn(path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= JSON_MAX_DEPTH)
      return new AppException('BAD_REQUEST', `${what} nests deeper than ${JSON_MAX_DEPTH} levels`);
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, v] of entries) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return nulIn(at);
      stack.push({ value: v, path: at, depth: depth + 1 });
    }
  }
  return undefined;
}

function nulIn(path: string): AppException {
  const field = path.replaceAll('\u0000', '\\0').slice(0, 80) || 'body';
  return new AppException('VALIDATION_FAILED', `${field}: text must not contain NUL characters (\\u0000)`, {
    [field]: 'Must not contain NUL characters (\\u0000)',
  });
}

/**
 * Request bodies are JSON and nothing else: a form post or a text/plain body, which another site's page can send
 * without a CORS preflight, is refused with 415 before any route runs. Multipart uploads (POST /api/imports) are
 * parsed by @fastify/multipart, registered after this. Call before any route is added, with Nest's own body parsers
 * off (`bodyParser: false`: it would add a form-encoded one).
 */
export function registerJsonOnlyBodies(fastify: FastifyInstance): void {
  // Fastify's defaults: application/json and text/plain.
  fastify.removeAllContentTypeParsers();
  // Fastify's JSON parser itself: `__proto__` and `constructor.prototype` keys are an error (400).
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    parseJson(request, raw.toString(), (err, body) => {
      if (err) return done(err, undefined);
      const problem = bodyProblem(body);
      if (problem) return done(problem, undefined);
      done(null, body);
    });
  });
  // Any other type is refused (415) — unless nothing came: react-admin's stock data provider sends its DELETE with
  // `Content-Type: text/plain` and no body, which is no body at all, not a cross-site form.
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, raw, done) => {
    if (raw.length === 0) return done(null, undefined);
    done(new AppException('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'), undefined);
  });
}

/** The routes that take multipart/form-data (a spreadsheet upload); every other route takes JSON only. */
export const MULTIPART_ROUTES = new Set(['POST /api/imports']);

/**
 * Multipart bodies only where a route takes an upload: @fastify/multipart accepts them on every route (leaving the
 * body empty), so anywhere else they are refused with 415 as other non-JSON bodies are. Register after it.
 */
export function refuseMultipartElsewhere(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.isMultipart() && !MULTIPART_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
      return done(
        new AppException(
          'UNSUPPORTED_MEDIA_TYPE',
          `Send the body as application/json (multipart/form-data is for ${[...MULTIPART_ROUTES].join(', ')})`,
        ),
      );
    }
    done();
  });
}

/** A NUL in the path or the query string (`%00`): no text with it can be stored or searched for. */
export function hasEncodedNul(url: string): boolean {
  return /%00/.test(url) || url.includes('\u0000');
}
