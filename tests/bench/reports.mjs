#!/usr/bin/env node
// The report timings on the data set of bench:generate: the portfolio report in HTML, XLSX and PDF,
// from `POST /api/reports` to `GET /api/reports/:id` saying done. Measures, never asserts.
//
//   npm run bench:reports
//   npm run bench:reports -- --formats html,xlsx,pdf,csv --runs 5 --language ur
//   npm run bench:reports -- --url postgresql://user:pw@host:5432/rabta_bench
//
// Each format runs --runs times one after another; the first run of a format includes its warm-up (e.g. starting
// Chromium for PDF), so the table shows it apart from the median of the runs.
import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BENCH_ANALYST_EMAIL,
  BenchError,
  CpuMeter,
  describeMachine,
  loadBuilt,
  machine,
  markdownTable,
  mintApiToken,
  openBenchDatabase,
  othersCpuPercent,
  out,
  percentile,
  redact,
  sleep,
  startApi,
  stopOnSignals,
  table,
  updateDocsSection,
} from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    /** An API already running on the bench database (e.g. with a reports worker of its own), instead of starting one. */
    api: { type: 'string' },
    kind: { type: 'string', default: 'portfolio' },
    formats: { type: 'string', default: 'html,xlsx,pdf' },
    language: { type: 'string', default: 'en' },
    runs: { type: 'string', default: '3' },
    timeout: { type: 'string', default: '300' },
    'no-docs': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(
    'Options: --url <postgres url> --api <running API base URL> --kind portfolio --formats html,xlsx,pdf[,csv] --language en|ur --runs <n> --timeout <s> --no-docs\n',
  );
  process.exit(0);
}
const RUNS = Math.max(1, Number(args.runs));
const TIMEOUT = Number(args.timeout) * 1000;
const AIMS = { html: 2000, xlsx: 3000, pdf: 8000 };
const log = (msg) => process.stdout.write(`${msg}\n`);
const seconds = (v) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : 'n/a');

async function json(res) {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One report from request to done; the record's own timestamps split queue wait from generation where present. */
async function runOne(base, headers, format) {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: args.kind, params: {}, format, language: args.language }),
  });
  const created = await json(res);
  if (res.status === 404 && !(created && created.id))
    return { unavailable: `POST /api/reports answered 404 (${JSON.stringify(created).slice(0, 200)})` };
  if (res.status >= 300 || !created?.id)
    return { error: `POST /api/reports answered ${res.status}: ${JSON.stringify(created).slice(0, 300)}` };
  let report = created;
  while (report.status !== 'done' && report.status !== 'failed') {
    if (performance.now() - t0 > TIMEOUT)
      return {
        error: `report ${created.id} not done after ${TIMEOUT / 1000} s (status ${report.status}, progress ${report.progress})`,
      };
    await sleep(25);
    const r = await fetch(`${base}/api/reports/${created.id}`, { headers });
    report = await json(r);
    if (r.status !== 200)
      return { error: `GET /api/reports/${created.id} answered ${r.status}: ${JSON.stringify(report).slice(0, 300)}` };
  }
  const total = performance.now() - t0;
  if (report.status === 'failed')
    return { error: `report ${created.id} failed: ${report.error ?? JSON.stringify(report).slice(0, 300)}`, total };
  const file = await fetch(`${base}/api/reports/${created.id}/file`, { headers });
  const bytes = file.ok ? (await file.arrayBuffer()).byteLength : undefined;
  const time = (k) => (report[k] ? Date.parse(report[k]) : NaN);
  return {
    id: created.id,
    total,
    generation: time('finishedAt') - time('startedAt'),
    queued: time('startedAt') - time('createdAt'),
    fileStatus: file.status,
    contentType: file.headers.get('content-type'),
    bytes: bytes ?? report.size,
  };
}

async function main() {
  const formats = args.formats
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of formats)
    if (!['html', 'pdf', 'xlsx', 'csv'].includes(f))
      throw new BenchError(`Unknown format "${f}": html, pdf, xlsx or csv.`);
  const built = loadBuilt();
  const database = await openBenchDatabase(built, { url: args.url });
  stopOnSignals(database.stop);
  let api;
  try {
    log(
      `Bench database: ${redact(database.url)}${database.embedded ? ' (embedded cluster in tests/bench/out/pgdata)' : ''}`,
    );
    const client = new built.pg.Client({ connectionString: database.url });
    await client.connect();
    let token;
    let pgVersion;
    let initiatives;
    try {
      const n = await client.query('SELECT count(*) FROM initiatives').catch(() => undefined);
      initiatives = Number(n?.rows[0].count ?? 0);
      if (!initiatives)
        throw new BenchError(
          'The bench database holds no initiatives: run `npm run bench:generate` first (see docs/benchmarks.md).',
        );
      token = await mintApiToken(client, BENCH_ANALYST_EMAIL, 'bench:reports');
      pgVersion = (await client.query('SHOW server_version')).rows[0].server_version.split(' ')[0];
    } finally {
      await client.end();
    }
    const chromium =
      process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    api = args.api
      ? { base: args.api.replace(/\/+$/, ''), stop: async () => undefined }
      : await startApi(built, { databaseUrl: database.url, extraEnv: chromium ? { CHROMIUM_PATH: chromium } : {} });
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
    log(
      `Report ${args.kind}, language ${args.language}, ${RUNS} run(s) per format, on ${initiatives.toLocaleString('en')} initiatives.`,
    );

    const results = {};
    for (const format of formats) {
      const runs = [];
      const meter = new CpuMeter().start();
      for (let i = 0; i < RUNS; i++) {
        const r = await runOne(api.base, headers, format);
        if (r.unavailable) {
          results[format] = { skipped: r.unavailable };
          break;
        }
        runs.push(r);
        log(
          `  ${format} #${i + 1}: ${r.error ? `ERROR ${r.error}` : `${seconds(r.total)} (generation ${seconds(r.generation)}, queued ${seconds(r.queued)}), ${r.bytes ?? '?'} bytes, ${r.contentType}`}`,
        );
        if (r.error) break;
      }
      if (results[format]?.skipped) {
        log(`  ${format}: NOT MEASURED — ${results[format].skipped}`);
        if (formats.indexOf(format) === 0) {
          for (const f of formats.slice(1)) results[f] = { skipped: results[format].skipped };
          break;
        }
        continue;
      }
      const othersCpu = othersCpuPercent(meter);
      const ok = runs.filter((r) => !r.error);
      const totals = ok.map((r) => r.total);
      results[format] = {
        runs,
        first: totals[0],
        median: percentile(totals, 50),
        min: Math.min(...totals),
        max: Math.max(...totals),
        medianGeneration: percentile(ok.map((r) => r.generation).filter(Number.isFinite), 50),
        bytes: ok[0]?.bytes,
        aimMs: AIMS[format],
        errors: runs.filter((r) => r.error).map((r) => r.error),
        othersCpuPercent: othersCpu,
      };
    }
    await api.stop();
    api = undefined;

    const headersRow = [
      'format',
      'first run',
      'median',
      'min',
      'max',
      'generation (median)',
      'size',
      'others CPU',
      'aim',
      'verdict',
    ];
    const rows = formats.map((f) => {
      const r = results[f];
      if (!r || r.skipped)
        return [
          f,
          'not measured',
          '',
          '',
          '',
          '',
          '',
          '',
          AIMS[f] ? `< ${AIMS[f] / 1000} s` : '',
          /answered 404/.test(r?.skipped ?? '') ? 'no /api/reports yet' : (r?.skipped ?? '').slice(0, 60),
        ];
      if (!r.runs.some((x) => !x.error))
        return [f, 'failed', '', '', '', '', '', '', AIMS[f] ? `< ${AIMS[f] / 1000} s` : '', r.errors[0]?.slice(0, 80)];
      const verdict = r.aimMs ? (r.median < r.aimMs ? 'meets aim' : 'misses aim') : '';
      return [
        f,
        seconds(r.first),
        seconds(r.median),
        seconds(r.min),
        seconds(r.max),
        seconds(r.medianGeneration),
        r.bytes ? `${(r.bytes / 1024).toFixed(0)} KiB` : '',
        r.othersCpuPercent === undefined ? '?' : `${r.othersCpuPercent} %`,
        r.aimMs ? `< ${r.aimMs / 1000} s` : '',
        verdict,
      ];
    });
    const m = machine();
    log(`\n${table(headersRow, rows)}\n`);
    log(
      'Times run from POST /api/reports to GET /api/reports/:id reporting done (25 ms polling); generation = finishedAt − startedAt of the record.',
    );
    log(
      "others CPU: the share of the machine's CPU that processes other than this benchmark, the API and its PostgreSQL used meanwhile.",
    );
    log(`Machine: ${describeMachine(m, pgVersion)}.`);
    const result = {
      date: new Date().toISOString(),
      machine: m,
      postgres: pgVersion,
      initiatives,
      kind: args.kind,
      language: args.language,
      runsPerFormat: RUNS,
      results,
    };
    writeFileSync(out('reports.json'), JSON.stringify(result, null, 2) + '\n');
    log('Figures: tests/bench/out/reports.json.');
    if (!args['no-docs']) {
      updateDocsSection(
        'reports',
        `### Reports (\`npm run bench:reports\`), ${result.date.slice(0, 10)}\n\n` +
          `Machine: ${describeMachine(m, pgVersion)}. ${args.kind} report, params {}, language ${args.language}, on ${initiatives.toLocaleString('en')} initiatives; ` +
          `${RUNS} run(s) per format, from POST /api/reports to the record saying done.\n\n` +
          markdownTable(headersRow, rows),
      );
      log('Summary written to docs/benchmarks.md.');
    }
  } finally {
    await api?.stop();
    await database.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`\n${err instanceof BenchError ? err.message : (err.stack ?? err)}\n\n`);
  process.exit(1);
});
