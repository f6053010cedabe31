#!/usr/bin/env node
// Prints the JavaScript the browser loads before sign-in: the entry module of dist/index.html and every chunk it
// imports statically (dynamic import() chunks are loaded later, by route), gzip-compressed as a server would send
// them. With --locale=ur the Urdu catalogue chunk is added (loaded before the first render when Urdu was last used).
// Exit code 1 when over the budget (--budget=<kB>, default 350).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const dist = resolve(args.dist ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
const budget = Number(args.budget ?? 350);

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1]);

const seen = new Map();
function visit(url) {
  const file = join(dist, url.replace(/^\//, ''));
  if (seen.has(file)) return;
  const code = readFileSync(file);
  seen.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  const text = code.toString('utf8');
  // Static imports only: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"` (not `import("./x.js")`).
  for (const m of text.matchAll(
    /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w${},*\s]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g,
  )) {
    visit(join(dirname(url), m[1]).replace(/\\/g, '/'));
  }
}
for (const e of entries) visit(e);

if (args.locale === 'ur') {
  const main = [...seen.keys()].map((f) => readFileSync(f, 'utf8')).join('\n');
  const ur = main.match(/["'`](\.\/ur-[\w-]+\.js)["'`]/);
  if (ur) visit(`/assets/${ur[1].slice(2)}`);
}

const rows = [...seen.entries()]
  .map(([f, s]) => ({ file: f.slice(dist.length + 1), ...s }))
  .sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((n, r) => ({ raw: n.raw + r.raw, gzip: n.gzip + r.gzip }), { raw: 0, gzip: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
if (!('quiet' in args)) {
  for (const r of rows) process.stdout.write(`${kb(r.gzip)} kB gzip ${kb(r.raw)} kB  ${r.file}\n`);
}
process.stdout.write(
  `first-load JS before sign-in${args.locale === 'ur' ? ' (Urdu)' : ''}: ${(total.gzip / 1024).toFixed(1)} kB gzip (${(total.raw / 1024).toFixed(1)} kB raw, ${rows.length} files); budget ${budget} kB\n`,
);
process.exit(total.gzip / 1024 > budget ? 1 : 0);
