#!/usr/bin/env node
// npm runs this at the end of `npm ci` and `npm install` (the root package's "prepare" script). It builds everything
// once — the generated Prisma client, the packages, the API and the admin — so that the first `npm start` or
// `npm test` of a fresh clone finds Nx's cache warm instead of building: the build (about 8 s on 2 cores) moves to
// the install, as Prisma advises for its generated client, and `npm start` comes up in about half the time.
//
// Skipped where there is nothing to build: an install from the package files alone (docker/Dockerfile's dependency
// layers, before the sources are copied) and a production-only install (`--omit=dev`: no build tools).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const omitted = (process.env.npm_config_omit ?? '').split(/[\s,]+/);
if (!existsSync(join(root, 'apps', 'api', 'src', 'main.ts'))) {
  process.stdout.write('prepare: no sources here yet; the build is left to `npm run build`\n');
  process.exit(0);
}
if (omitted.includes('dev') || process.env.NODE_ENV === 'production') {
  process.stdout.write('prepare: a production install has no build tools; the build is left to `npm run build`\n');
  process.exit(0);
}
const npm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath, 'run', 'build', '--silent']]
  : ['npm', ['run', 'build', '--silent']];
const result = spawnSync(npm[0], npm[1], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
