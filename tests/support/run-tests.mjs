// `npm test`: build, then format, typecheck, lint, unit and e2e tests (real PostgreSQL) one after the other, while the
// browser tests (real Chromium, their own API and database) run beside them from the end of the build: the steps
// leave about half of a 2-core machine idle on their own (they wait on PostgreSQL and on Chromium), so running the two
// lines together saves minutes. The browser tests' output is printed as one block when they end; their own time is
// shown with the others. The e2e tests run on two workers (RABTA_E2E_WORKERS). RABTA_TEST_SERIAL=1 runs everything
// one after the other, as before.
// On a machine without Chromium the browser step is skipped loudly, unless RABTA_REQUIRE_BROWSER=1 (CI) makes it
// mandatory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  // Nx's own plugins in this process rather than in three worker processes: about 1.5 s less per Nx command.
  NX_ISOLATE_PLUGINS: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};
const extraJestArgs = process.argv.slice(2);

function run(label, cmd, args, extraEnv = {}, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    if (!quiet) process.stdout.write(`\n▶ ${label}\n`);
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...env, ...extraEnv },
      detached: quiet,
    });
    const output = [];
    if (quiet) {
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      background.add(child);
    }
    child.on('exit', (code, signal) => {
      background.delete(child);
      resolve({ label, ok: code === 0, code: code ?? signal, ms: Date.now() - started, output });
    });
  });
}

/** Steps running beside the others: stopped (with their process group) when the run ends early. */
const background = new Set();
function stopBackground() {
  for (const child of background) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && existsSync(p));
}

const results = [];
const started = Date.now();
async function step(label, cmd, args, extraEnv) {
  const r = await run(label, cmd, args, extraEnv);
  results.push(r);
  if (!r.ok) finish(1);
}

// Jest's counts, read from its JSON report, for one plain closing line that any CI can read.
const reports = mkdtempSync(join(tmpdir(), 'rabta-jest-report-'));
let reportNo = 0;
const jestReport = () => `--outputFile=${join(reports, `report-${++reportNo}.json`)}`;
// Unit reports live in each project's .jest/ folder, an Nx output restored from the cache when nothing changed.
const unitReports = [];
function projectsWithUnitReports() {
  return ['apps/api', 'apps/admin', 'packages/domain', 'packages/intake', 'packages/db']
    .map((p) => join(root, p, '.jest', 'unit.json'))
    .filter((f) => existsSync(f));
}

function countTests() {
  let passed = 0;
  let failed = 0;
  const files = [...unitReports, ...Array.from({ length: reportNo }, (_, i) => join(reports, `report-${i + 1}.json`))];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  }
  return { passed, failed };
}

function finish(code) {
  stopBackground();
  const { passed, failed } = countTests();
  rmSync(reports, { recursive: true, force: true });
  process.stdout.write('\n── npm test ─────────────────────────────\n');
  for (const r of results)
    process.stdout.write(
      `${r.ok ? '✔' : '✘'} ${r.label.padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(6)} s${r.note ? `  ${r.note}` : ''}\n`,
    );
  process.stdout.write(`  total${' '.repeat(30)}${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s\n`);
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
  process.exit(code);
}

await step('build (prisma client, packages, api, admin)', bin('nx'), [
  'run-many',
  '-t',
  'build',
  '--outputStyle=static',
]);
// The browser tests need only the build: they start now, beside the remaining steps (or after them, serially).
const serial = process.env.RABTA_TEST_SERIAL === '1';
const chromium = findChromium();
const browserTests = join(root, 'tests', 'browser', 'jest.config.js');
const browserLabel = 'browser (Chromium)';
let browserRun = null;
const startBrowser = () =>
  run(
    browserLabel,
    process.execPath,
    [bin('jest'), '--ci', '--json', jestReport(), '-c', browserTests],
    {
      CHROMIUM_PATH: chromium,
    },
    { quiet: !serial },
  );
if (!existsSync(browserTests)) {
  results.push({ label: browserLabel, ok: true, ms: 0, note: 'no browser tests yet' });
} else if (!chromium && process.env.RABTA_REQUIRE_BROWSER === '1') {
  results.push({
    label: browserLabel,
    ok: false,
    ms: 0,
    note: 'Chromium is required here (RABTA_REQUIRE_BROWSER=1) but not installed',
  });
  finish(1);
} else if (!chromium) {
  const banner = '!'.repeat(78);
  process.stdout.write(
    `\n${banner}\n!! SKIPPED the browser tests: no Chromium on this machine.\n` +
      `!! Install it (Debian: sudo apt-get install -y chromium fonts-noto-core) or set CHROMIUM_PATH.\n${banner}\n`,
  );
  results.push({ label: browserLabel, ok: true, ms: 0, note: 'SKIPPED: Chromium not installed' });
} else if (!serial) {
  process.stdout.write(`\n▶ ${browserLabel}: started beside the next steps; its output follows them\n`);
  browserRun = startBrowser();
}

await step('format (prettier --check)', bin('prettier'), ['--check', '--log-level=warn', '.']);
// typecheck, lint and unit tests are Nx targets of each project (tests/ included), cached on their inputs.
await step('typecheck (packages, apps, tests)', bin('nx'), ['run-many', '-t', 'typecheck', '--outputStyle=static']);
await step('lint', bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static']);
await step('lint (root files)', bin('eslint'), ['--max-warnings=0', '*.js', '*.mjs', '*.ts']);
await step('unit (jest, per project)', bin('nx'), ['run-many', '-t', 'test', '--outputStyle=static']);
unitReports.push(...projectsWithUnitReports());
// A failing e2e run still waits for the browser tests running beside it, so that one run reports both.
// Two e2e workers: once the browser tests end, one worker left about 40 % of the 2 cores idle (e2e 378 s → 240 s, the
// whole run 556 s → 497 s on one machine). Every suite has its own database and ports, so they run side by side.
// RABTA_E2E_WORKERS sets another count; Jest's own --maxWorkers/-w/--runInBand/-i after `npm test --` win.
const workersGiven = extraJestArgs.some((a) => /^(--maxWorkers|-w|--runInBand|-i)(=|$)/.test(a));
const e2eWorkers = workersGiven ? [] : [`--maxWorkers=${process.env.RABTA_E2E_WORKERS ?? '2'}`];
const e2e = await run('e2e (jest, real PostgreSQL)', process.execPath, [
  bin('jest'),
  '--ci',
  '--json',
  jestReport(),
  '--selectProjects',
  'e2e',
  ...e2eWorkers,
  ...extraJestArgs,
]);
results.push(e2e);
if (!e2e.ok && !browserRun) finish(1);

if (browserRun) {
  const r = await browserRun;
  process.stdout.write(`\n▶ ${browserLabel} (ran beside the steps above)\n`);
  process.stdout.write(Buffer.concat(r.output));
  results.push(r);
  if (!r.ok || !e2e.ok) finish(1);
} else if (serial && chromium && existsSync(browserTests)) {
  const r = await startBrowser();
  results.push(r);
  if (!r.ok) finish(1);
}
finish(0);
