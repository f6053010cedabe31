import 'reflect-metadata';
import { bootConfig, failStartup, openRuntime } from '../runtime';
import { runSeed } from '../seed/seed';

// npm run db:seed — reference data and the demo portfolio, idempotent (a second run adds nothing).
async function main(): Promise<void> {
  const { config, logger } = bootConfig();
  const runtime = await openRuntime(config, logger).catch((err) => failStartup(logger, err));
  try {
    const result = await runSeed(runtime.ctx.prisma, logger, { demo: true });
    process.stdout.write(
      `Countries added: ${result.countries}, sectors added: ${result.sectors}, demo portfolio: ${result.demo}.\n`,
    );
  } catch (err) {
    await runtime.close();
    failStartup(logger, err);
  }
  await runtime.close();
}

void main();
