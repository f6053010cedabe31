import { timingSafeEqual } from 'node:crypto';
import { hasRole } from '@rabta/domain';
import type { FastifyInstance } from 'fastify';
import { AuthenticationService, bearerTokenOf } from '../../common/auth/authentication.service';
import { AppException } from '../../common/errors/app-exception';
import { sendError } from '../../common/errors/error.filter';
import type { MetricsService } from './metrics.service';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /api/metrics, Prometheus text format: for a bearer METRICS_TOKEN (checked first, without the database, so a
 * scrape works while the database is down) or a signed-in admin; 401 for anyone else. Registered on Fastify
 * directly for that reason; it reads nothing but the metrics.
 */
export function registerMetricsRoute(
  fastify: FastifyInstance,
  metrics: MetricsService,
  authentication: AuthenticationService,
  metricsToken: string | undefined,
): void {
  fastify.get('/api/metrics', async (request, reply) => {
    const bearer = bearerTokenOf(request);
    let allowed = metricsToken !== undefined && bearer !== undefined && sameSecret(bearer, metricsToken);
    if (!allowed) {
      // An admin's session or personal API token.
      const auth = await authentication.authenticate(request).catch(() => undefined);
      allowed = auth?.kind === 'user' && hasRole(auth.user, 'admin');
    }
    if (!allowed) {
      return sendError(
        request,
        reply,
        new AppException('UNAUTHENTICATED', 'Metrics are for admins, or for a scraper with the bearer METRICS_TOKEN'),
      );
    }
    const { contentType, body } = await metrics.render();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
