import { trace } from '@opentelemetry/api';

// The request's span, when tracing is on (apps/api/src/tracing.ts); without an SDK the API below is a no-op.

/**
 * Names the current request's span by its route template (`GET /api/initiatives/:id`), as the metrics label it,
 * and tags it with the request id of the logs. A no-op when tracing is off.
 */
export function nameRequestSpan(method: string, route: string | undefined, requestId: string): void {
  const span = trace.getActiveSpan();
  if (!span || !route) return;
  span.updateName(`${method} ${route}`);
  span.setAttribute('http.route', route);
  span.setAttribute('rabta.request_id', requestId);
}
