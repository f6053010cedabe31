// Drafts the SQL of a new migration: the difference between prisma/schema.prisma as of a git revision
// (default HEAD; `--from empty` for the first migration) and the working copy, computed by Prisma's own schema
// engine compiled to WebAssembly (@prisma/schema-engine-wasm), so no engine binary is downloaded.
//
//   npm run db:migration -- add_initiative_budget            # writes prisma/migrations/<timestamp>_add_initiative_budget/
//   npm run db:migration -- add_initiative_budget --print    # prints the SQL instead
//
// The engine wants a live PostgreSQL connection even for a schema-to-schema diff: DATABASE_URL, or a throw-away
// embedded server. Read the draft, add what Prisma cannot express (triggers, extensions), then commit it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const args = process.argv.slice(2);
const print = args.includes('--print');
const fromIdx = args.indexOf('--from');
const from = fromIdx >= 0 ? args[fromIdx + 1] : 'HEAD';
const name = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--from');
if (!name && !print) {
  console.error('usage: npm run db:migration -- <snake_case_name> [--from <git-rev>|empty] [--print]');
  process.exit(2);
}

const toSchema = readFileSync(join(root, 'prisma', 'schema.prisma'), 'utf8');
const fromSchema =
  from === 'empty'
    ? null
    : execFileSync('git', ['show', `${from}:prisma/schema.prisma`], { cwd: root, encoding: 'utf8' });

async function loadEngine() {
  const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = join(
    dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    imports[imp.module] ??= {};
    imports[imp.module][imp.name] = bg[imp.name];
  }
  const instance = await WebAssembly.instantiate(module, imports);
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

const db = require(join(root, 'packages', 'db', 'dist', 'index.js'));
let scratch;
let url = process.env.DATABASE_URL;
if (!url) {
  const dir = mkdtempSync(join(tmpdir(), 'rabta-migration-'));
  scratch = { dir, pg: await db.startEmbeddedPostgres({ dataDir: dir, database: 'scratch', logger: db.silentLogger }) };
  url = scratch.pg.url;
}
try {
  const bg = await loadEngine();
  const { PrismaPg } = require('@prisma/adapter-pg');
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const engine = await bg.SchemaEngine.new({ datamodels: [['schema.prisma', toSchema]] }, () => {}, adapter);
  const target = (content) => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] });
  const result = await engine.diff({
    from: fromSchema === null ? { tag: 'empty' } : target(fromSchema),
    to: target(toSchema),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = result.stdout ?? '';
  if (print) {
    process.stdout.write(sql);
  } else if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('schema.prisma has not changed since', from, '- no migration written');
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dir = join(root, 'prisma', 'migrations', `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), sql);
    console.log('wrote', join(dir, 'migration.sql'));
  }
} finally {
  if (scratch) {
    await scratch.pg.stop();
    rmSync(scratch.dir, { recursive: true, force: true });
  }
}
