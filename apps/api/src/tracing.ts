// OpenTelemetry tracing, off unless an operator asks for it through OpenTelemetry's own environment variables:
//   OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (an OTLP collector: Jaeger, Tempo, the
//   OpenTelemetry Collector…), or OTEL_TRACES_EXPORTER=otlp|console|zipkin. OTEL_SDK_DISABLED=true, or
//   OTEL_TRACES_EXPORTER=none, keeps it off whatever else is set.
// The SDK itself (@opentelemetry/sdk-node) reads the rest: OTEL_SERVICE_NAME (default here: rabta),
// OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER(_ARG), OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL / HEADERS, OTEL_BSP_*.
// Spans: one per HTTP request (named by its route template, as the metrics are), with the SQL statements it ran
// beneath it (node-postgres), and outgoing HTTP (intake's URL fetches). Metrics stay with Prometheus on
// /api/metrics and logs with the JSON log: unless OTEL_METRICS_EXPORTER / OTEL_LOGS_EXPORTER say otherwise, the SDK
// exports neither. When tracing is off nothing of the SDK is loaded; the API calls below are no-ops.

type Env = Record<string, string | undefined>;

/** Whether the environment asks for traces. */
export function tracingWanted(env: Env): boolean {
  if (/^true$/i.test(env.OTEL_SDK_DISABLED?.trim() ?? '')) return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (exporters.includes('none')) return false;
  return (
    exporters.length > 0 ||
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) ||
    Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim())
  );
}

export interface Tracing {
  /** Exports the spans still buffered and stops the SDK (on shutdown). */
  shutdown(): Promise<void>;
}

/**
 * Starts the SDK when the environment asks for traces. Must run before the modules it instruments (http, pg) are
 * loaded: main.ts imports this file first.
 */
export function startTracing(env: Env = process.env): Tracing | undefined {
  if (!tracingWanted(env)) return undefined;
  // The SDK reads its configuration from process.env: fill in Rabta's defaults there.
  process.env.OTEL_SERVICE_NAME ??= 'rabta';
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({
        // Prometheus scrapes and health probes every few seconds would drown the traces that matter.
        ignoreIncomingRequestHook: (req) => /^\/api\/(metrics|health)(\?|$)/.test(req.url ?? ''),
      }),
      // Statements outside a request (the job queue's polling, the change feed's pings) would be noise too.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** Started on import, before anything else loads http or pg. */
export const tracing = startTracing();
