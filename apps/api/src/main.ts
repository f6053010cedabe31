// First: OpenTelemetry (when configured) must load before the modules it instruments.
import { tracing } from './tracing';
import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app';
import { assertPortFree, bootConfig, failStartup, listenProblem, openRuntime, type Runtime } from './runtime';
import { seedOnStart } from './seed/seed';
import { ensureFirstAdmin, firstAdminNotice, type FirstAdmin } from './modules/users/users.bootstrap';

async function main(): Promise<void> {
  const started = Date.now();
  const { config, logger } = bootConfig();
  let runtime: Runtime | undefined;
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  let firstAdmin: FirstAdmin = { created: false };

  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'Second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'Shutting down: no new requests, draining those in flight');
    // Fastify stops accepting, finishes in-flight requests, then Nest stops its modules (job queue included).
    await app?.close().catch((err) => logger.error({ err }, 'Error while closing the server'));
    await runtime?.close().catch((err) => logger.error({ err }, 'Error while closing the database'));
    await tracing?.shutdown().catch((err) => logger.error({ err }, 'Error while exporting the last traces'));
    logger.info('Stopped');
    logger.flush?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await assertPortFree(config);
    runtime = await openRuntime(config, logger);
    await seedOnStart(runtime.ctx);
    firstAdmin = await ensureFirstAdmin(runtime.ctx);
    app = await createApp(runtime.ctx);
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      throw listenProblem(err, config) ?? err;
    }
  } catch (err) {
    await app?.close().catch(() => undefined);
    await runtime?.close().catch(() => undefined);
    failStartup(logger, err);
  }

  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['127.0.0.1', '0.0.0.0', '::', 'localhost'].includes(config.host) ? 'localhost' : config.host;
  const url = config.publicUrl ?? `http://${host}:${port}`;
  logger.info(
    { url, ms: Date.now() - started, embeddedDatabase: runtime.ctx.database.embedded },
    `Rabta is ready at ${url}`,
  );
  process.stderr.write(`\n  Rabta is ready at ${url}\n\n`);
  // Plain text on stderr, once; never in the JSON log.
  if (firstAdmin.created && firstAdmin.generatedPassword)
    process.stderr.write(firstAdminNotice(url, firstAdmin.email, firstAdmin.generatedPassword));
}

void main();
