import { rmSync } from 'node:fs';
import { withAdminClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__RABTA_TEST__;
  if (!state) return;
  // Drop whatever this run created (suites drop their own; this catches a crashed one and the template).
  await withAdminClient(state.info, async (c) => {
    const res = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${state.info.prefix}%`,
    ]);
    for (const { datname } of res.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }).catch(() => undefined);
  await state.stop?.();
  for (const dir of state.dirs) rmSync(dir, { recursive: true, force: true });
}
