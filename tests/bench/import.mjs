#!/usr/bin/env node
// The spreadsheet import of 10,000 initiative rows: POST /api/imports (the preview) and POST /api/imports/:id/commit,
// against the built API on the bench database. The baseline, measured in the same run on the same database: the
// same kind of initiative created one by one through POST /api/initiatives (what retyping through the API costs
// per row). Measures, never asserts; goals: preview < 10 s, commit < 30 s.
//
//   npm run bench:import
//   npm run bench:import -- --rows 10000 --baseline 200
//   npm run bench:import -- --url postgresql://user:pw@host:5432/rabta_bench
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BENCH_ADMIN_EMAIL,
  describeMachine,
  loadBuilt,
  machine,
  out,
  markdownTable,
  mintApiToken,
  openBenchDatabase,
  redact,
  startApi,
  stopOnSignals,
  table,
  topOfProfile,
  updateDocsSection,
} from './lib.mjs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    rows: { type: 'string', default: '10000' },
    baseline: { type: 'string', default: '200' },
    'no-docs': { type: 'boolean', default: false },
    /** Write a CPU profile of the API and print where its time went. */
    profile: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const BASELINE = Number(args.baseline);
const IMPORT_EMAIL = 'bench-import@rabta.local';

const built = loadBuilt();
const db = await openBenchDatabase(built, { url: args.url });
stopOnSignals(db.stop);
const client = new built.pg.Client({ connectionString: db.url });
let api;
try {
  // The bench admin of bench:generate when the data set is there; else the API creates an admin at its first start.
  const hasUsers = await client
    .connect()
    .then(() => client.query(`SELECT to_regclass('public.users') IS NOT NULL AS ok`))
    .then(async (r) => r.rows[0].ok && (await client.query('SELECT count(*)::int AS n FROM users')).rows[0].n > 0);
  api = await startApi(built, {
    databaseUrl: db.url,
    extraEnv: {
      RABTA_ADMIN_EMAIL: IMPORT_EMAIL,
      RABTA_ADMIN_PASSWORD: 'bench import passphrase 42',
      IMPORT_MAX_ROWS: String(Math.max(ROWS, 20_000)),
      REPORT_WORKERS: '0',
    },
    nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${out('import-profile')}`] : [],
  });
  const email = hasUsers
    ? (
        await client.query('SELECT email FROM users WHERE email = ANY($1) ORDER BY email LIMIT 1', [
          [BENCH_ADMIN_EMAIL, IMPORT_EMAIL],
        ])
      ).rows[0]?.email
    : IMPORT_EMAIL;
  if (!email)
    throw new Error(
      `No ${BENCH_ADMIN_EMAIL} in the bench database: run \`npm run bench:generate\` first, or use an empty one`,
    );
  const token = await mintApiToken(client, email, 'bench-import');
  const auth = { authorization: `Bearer ${token}` };
  const before = (await client.query('SELECT count(*)::int AS n FROM initiatives')).rows[0].n;
  const pgVersion = (await client.query('SHOW server_version')).rows[0].server_version;
  const run = Date.now().toString(36).toUpperCase();

  // The file: what an analyst's tracker looks like, with sector names, several countries, dates and tags.
  const sectors = ['Steel', 'Energy', 'Hydropower', 'LPG', 'Oil refining', 'Rail'];
  const countries = ['PK; RU', 'PK; UZ; RU', 'PK; CN', 'PK; KZ', 'PK'];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Initiatives');
  ws.addRow([
    'Code',
    'Title (English)',
    'Title (Urdu)',
    'Sectors',
    'Countries',
    'Stage',
    'Priority',
    'Start date',
    'Target date',
    'Estimated value',
    'Currency',
    'Tags',
  ]);
  for (let i = 0; i < ROWS; i++) {
    ws.addRow([
      `BI-${run}-${i}`,
      `Imported initiative ${i}`,
      `درآمد شدہ منصوبہ ${i}`,
      sectors[i % sectors.length],
      countries[i % countries.length],
      ['announced', 'under_negotiation', 'mou_signed', 'feasibility'][i % 4],
      ['low', 'medium', 'high'][i % 3],
      new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
      `${2026 + (i % 3)}-12-31`,
      1_000_000 + i,
      'USD',
      'bench; import',
    ]);
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  // Baseline: the same initiatives one by one through POST /api/initiatives.
  const ids = new Map((await client.query('SELECT id, code FROM sectors')).rows.map((r) => [r.code, r.id]));
  const t0 = performance.now();
  for (let i = 0; i < BASELINE; i++) {
    const res = await fetch(`${api.base}/api/initiatives`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: `BB-${run}-${i}`,
        titleEn: `Baseline initiative ${i}`,
        sectorIds: [ids.get('energy')],
        countryCodes: ['PK', 'RU'],
        startDate: '2024-03-01',
        targetDate: '2026-12-31',
        tags: ['bench'],
      }),
    });
    if (res.status !== 201) throw new Error(`Baseline POST failed: ${res.status} ${await res.text()}`);
  }
  const baselineMs = performance.now() - t0;

  const form = new FormData();
  form.set('file', new Blob([file]), 'initiatives.xlsx');
  form.set('resource', 'initiatives');
  form.set('mode', 'create');
  const p0 = performance.now();
  const preview = await fetch(`${api.base}/api/imports`, { method: 'POST', headers: auth, body: form });
  const previewMs = performance.now() - p0;
  const body = await preview.json();
  process.stdout.write(`preview: ${(previewMs / 1000).toFixed(1)} s\n`);
  if (preview.status !== 201 || body.rows.error > 0)
    throw new Error(`Preview failed: ${preview.status} ${JSON.stringify(body).slice(0, 500)}`);
  const c0 = performance.now();
  const commit = await fetch(`${api.base}/api/imports/${body.id}/commit`, { method: 'POST', headers: auth });
  const commitMs = performance.now() - c0;
  const result = await commit.json();
  if (commit.status !== 200) throw new Error(`Commit failed: ${commit.status} ${JSON.stringify(result).slice(0, 500)}`);

  const perRowBaseline = baselineMs / BASELINE;
  const perRowCommit = commitMs / ROWS;
  const s = (v) => `${(v / 1000).toFixed(1)} s`;
  const rows = [
    [
      `preview (POST /api/imports)`,
      ROWS.toLocaleString('en'),
      s(previewMs),
      `${(previewMs / ROWS).toFixed(2)} ms`,
      '< 10 s',
    ],
    [
      `commit (POST /api/imports/:id/commit)`,
      result.created.toLocaleString('en'),
      s(commitMs),
      `${perRowCommit.toFixed(2)} ms`,
      '< 30 s',
    ],
    [`baseline: POST /api/initiatives one by one`, BASELINE, s(baselineMs), `${perRowBaseline.toFixed(2)} ms`, ''],
  ];
  const headers = ['step', 'rows', 'time', 'per row', 'goal'];
  const ratio = `commit per row / baseline per row = ${(perRowCommit / perRowBaseline).toFixed(2)}`;
  const where = `${describeMachine(machine(), pgVersion)}; ${before.toLocaleString('en')} initiatives in the database before; file ${(file.length / 1024 / 1024).toFixed(1)} MB`;
  process.stdout.write(`\n${table(headers, rows)}\n${ratio}\n${where}\n\n`);
  if (!args['no-docs'])
    updateDocsSection(
      'import',
      `### Spreadsheet import (\`npm run bench:import\`)\n\n${markdownTable(headers, rows)}\n\n${ratio}. ${where}; database ${redact(db.url)}.\n`,
    );
} finally {
  await api?.stop();
  if (args.profile) {
    const dir = out('import-profile');
    const file = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()
      .pop();
    if (file) console.table(topOfProfile(join(dir, file), 25));
  }
  await client.end().catch(() => undefined);
  await db.stop();
}
