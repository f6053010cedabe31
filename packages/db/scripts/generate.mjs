// Generates the Prisma client into src/generated/prisma, only when prisma/schema.prisma changed.
// Prisma's CLI would download its schema-engine binary even for `generate`; that host is unreachable here and the
// engine is not needed to generate, so it is pointed at /bin/false.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const schema = readFileSync(join(root, 'prisma', 'schema.prisma'));
const prismaVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'prisma', 'package.json'), 'utf8')).version;
const stamp = createHash('sha256').update(schema).update(prismaVersion).digest('hex');
const stampFile = join(root, 'packages', 'db', 'src', 'generated', '.schema-hash');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && !process.argv.includes('--force')) {
  process.exit(0);
}
try {
  execFileSync(process.execPath, [join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate'], {
    cwd: root,
    stdio: 'pipe',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
} catch (err) {
  process.stderr.write(String(err.stdout ?? '') + String(err.stderr ?? ''));
  process.exit(1);
}
writeFileSync(stampFile, stamp);
