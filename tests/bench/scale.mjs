#!/usr/bin/env node
// Scale-out: the list scenario of bench:api (GET /api/initiatives, sector filter, sort updatedAt DESC, 25 rows) with
// one Rabta process and with two on the same PostgreSQL, at the same total concurrency. Measures, never asserts.
//
//   npm run bench:scale                                  # on the embedded bench cluster (npm run bench:generate first)
//   npm run bench:scale -- --duration 20 --connections 20 --processes 3
//
// The client balances: with N processes, N autocannon instances run at once, each with connections/N connections
// to one process (a load balancer of our own in this process would cost CPU on the same two cores). One and N
// processes take turns in rounds, so a change in the machine's load hits both alike. factor = N-process req/s ÷
// 1-process req/s; on a machine with fewer cores than processes plus PostgreSQL, it says how much of the work the
// extra processes could take over, not how a bigger machine scales.
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
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
  ms,
  openBenchDatabase,
  othersCpuPercent,
  out,
  percentile,
  redact,
  startApi,
  stopOnSignals,
  table,
  updateDocsSection,
} from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    processes: { type: 'string', default: '2' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '20' },
    'no-docs': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(
    'Options: --url <postgres url> --processes <n, default 2> --duration <s per setting> --warmup <s> --rounds <n> --connections <total> --no-docs\n',
  );
  process.exit(0);
}
const PROCESSES = Math.max(2, Number(args.processes));
const DURATION = Number(args.duration) * 1000;
const WARMUP = Number(args.warmup) * 1000;
const ROUNDS = Math.max(1, Number(args.rounds));
const CONNECTIONS = Math.max(PROCESSES, Number(args.connections));

const log = (msg) => process.stdout.write(`${msg}\n`);

const listPath = (sectorId) =>
  '/api/initiatives?' +
  [
    `filter=${encodeURIComponent(JSON.stringify({ sectorId }))}`,
    `sort=${encodeURIComponent(JSON.stringify(['updatedAt', 'DESC']))}`,
    `range=${encodeURIComponent(JSON.stringify([0, 24]))}`,
  ].join('&');

/** One autocannon run against one process. */
async function drive(base, paths, headers, duration, connections) {
  const latencies = [];
  let non2xx = 0;
  const instance = autocannon({
    url: base,
    connections,
    duration: duration / 1000,
    headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else non2xx++;
  });
  const result = await instance;
  return { latencies, non2xx, errors: result.errors + result.timeouts };
}

/** `n` processes at once (the first n), the connections split between them; their figures taken together. */
async function runWith(apis, n, paths, headers, duration) {
  const started = performance.now();
  const share = Math.floor(CONNECTIONS / n);
  const parts = await Promise.all(
    apis
      .slice(0, n)
      .map((api, i) => drive(api.base, paths, headers, duration, i === 0 ? CONNECTIONS - share * (n - 1) : share)),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    latencies: parts.flatMap((p) => p.latencies),
    seconds,
    non2xx: parts.reduce((s, p) => s + p.non2xx, 0),
    errors: parts.reduce((s, p) => s + p.errors, 0),
  };
}

function summarise(parts) {
  const latencies = parts.flatMap((p) => p.latencies);
  const seconds = parts.reduce((s, p) => s + p.seconds, 0);
  return {
    requests: latencies.length,
    rps: Number((latencies.length / seconds).toFixed(1)),
    p50: Number(percentile(latencies, 50).toFixed(2)),
    p95: Number(percentile(latencies, 95).toFixed(2)),
    p99: Number(percentile(latencies, 99).toFixed(2)),
    non2xx: parts.reduce((s, p) => s + p.non2xx, 0),
    errors: parts.reduce((s, p) => s + p.errors, 0),
  };
}

async function main() {
  const built = loadBuilt();
  const database = await openBenchDatabase(built, { url: args.url });
  stopOnSignals(database.stop);
  const apis = [];
  try {
    log(
      `Bench database: ${redact(database.url)}${database.embedded ? ' (embedded cluster in tests/bench/out/pgdata)' : ''}`,
    );
    const client = new built.pg.Client({ connectionString: database.url });
    await client.connect();
    let token;
    let sectorIds;
    let pgVersion;
    let initiatives;
    try {
      initiatives = Number(
        (await client.query('SELECT count(*) AS n FROM initiatives').catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n,
      );
      if (!initiatives)
        throw new BenchError(
          'The bench database holds no initiatives: run `npm run bench:generate` first (see docs/benchmarks.md).',
        );
      token = await mintApiToken(client, BENCH_ANALYST_EMAIL, 'bench:scale');
      sectorIds = (await client.query('SELECT DISTINCT sector_id FROM initiative_sectors ORDER BY 1')).rows.map(
        (r) => r.sector_id,
      );
      pgVersion = (await client.query('SHOW server_version')).rows[0].server_version.split(' ')[0];
    } finally {
      await client.end();
    }
    const paths = sectorIds.map(listPath);
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };

    log(`Starting ${PROCESSES} API processes on the database (web processes: REPORT_WORKERS=0)…`);
    for (let i = 0; i < PROCESSES; i++) {
      apis.push(await startApi(built, { databaseUrl: database.url, extraEnv: { REPORT_WORKERS: '0' } }));
    }
    if (WARMUP) await runWith(apis, PROCESSES, paths, headers, WARMUP);

    const one = [];
    const many = [];
    const meter = new CpuMeter().start();
    for (let round = 0; round < ROUNDS; round++) {
      const turns = round % 2 === 0 ? [1, PROCESSES] : [PROCESSES, 1];
      for (const n of turns) {
        const r = await runWith(apis, n, paths, headers, DURATION / ROUNDS);
        (n === 1 ? one : many).push(r);
        log(`  round ${round + 1}, ${n} process(es): ${(r.latencies.length / r.seconds).toFixed(1)} req/s`);
      }
    }
    const othersCpu = othersCpuPercent(meter);
    const single = summarise(one);
    const scaled = summarise(many);
    const factor = Number((scaled.rps / single.rps).toFixed(2));

    const headersRow = ['processes', 'req/s', 'p50', 'p95', 'p99', 'non-2xx', 'factor'];
    const rows = [
      [1, single.rps, ms(single.p50), ms(single.p95), ms(single.p99), single.non2xx + single.errors, '1.00'],
      [PROCESSES, scaled.rps, ms(scaled.p50), ms(scaled.p95), ms(scaled.p99), scaled.non2xx + scaled.errors, factor],
    ];
    const m = machine();
    log(`\n${table(headersRow, rows)}\n`);
    log(
      `factor = ${PROCESSES}-process req/s ÷ 1-process req/s, ${CONNECTIONS} connections in all, ${DURATION / 1000} s each ` +
        `(${ROUNDS} alternating rounds). Other work used ${othersCpu ?? '?'} % of the CPU meanwhile.`,
    );
    if (othersCpu > 10)
      log(
        `Other processes competed for the ${cpus().length} cores (${othersCpu} % of the CPU): these figures are noisy.`,
      );
    log(`Machine: ${describeMachine(m, pgVersion)}.`);
    const result = {
      date: new Date().toISOString(),
      machine: m,
      postgres: pgVersion,
      initiatives,
      settings: { processes: PROCESSES, connections: CONNECTIONS, durationSeconds: DURATION / 1000, rounds: ROUNDS },
      one: single,
      scaled,
      factor,
      othersCpuPercent: othersCpu,
    };
    writeFileSync(out('scale.json'), JSON.stringify(result, null, 2) + '\n');
    log('Figures: tests/bench/out/scale.json.');
    if (!args['no-docs']) {
      updateDocsSection(
        'scale',
        `### Scale-out (\`npm run bench:scale\`), ${result.date.slice(0, 10)}\n\n` +
          `Machine: ${describeMachine(m, pgVersion)}; other work used ${othersCpu ?? '?'} % of the CPU meanwhile. ` +
          `The list scenario of bench:api on ${initiatives.toLocaleString('en')} initiatives, ${CONNECTIONS} connections ` +
          `in all, split evenly over the processes (client-side balancing), ${DURATION / 1000} s per setting in ` +
          `${ROUNDS} alternating rounds after ${WARMUP / 1000} s of warm-up.\n\n` +
          markdownTable(headersRow, rows) +
          `\n\nThe 1→${PROCESSES} factor on this machine is bounded by its two cores, which the API processes share with ` +
          'PostgreSQL and the load generator: it shows that a second process takes over work without contention in ' +
          'the application (no shared lock, no per-process state to warm), not how far a machine with more cores goes.',
      );
      log('Summary written to docs/benchmarks.md.');
    }
  } finally {
    for (const api of apis) await api.stop();
    await database.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`\n${err instanceof BenchError ? err.message : (err.stack ?? err)}\n\n`);
  process.exit(1);
});
