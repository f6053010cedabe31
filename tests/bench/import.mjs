#!/usr/bin/env node
// The spreadsheet import of 10,000 initiative rows against the built API on the bench database: POST /api/imports
// (the preview) and POST /api/imports/:id/commit, first adding new initiatives (`create`), then changing every one
// of them with a second file (`update`). Baselines, measured in every run on the same database: the same kind of
// initiatives created one by one through POST /api/initiatives and changed one by one through PUT (what retyping
// through the API costs per row), and reading the file alone with exceljs in this process (the floor of a preview).
// Measures, never asserts; goals: preview < 10 s, commit < 30 s. What it adds is deleted at the end.
//
//   npm run bench:import
//   npm run bench:import -- --rows 10000 --runs 3 --baseline 50
//   npm run bench:import -- --profile          # CPU profile of the API, top functions printed
//   npm run bench:import -- --url postgresql://user:pw@host:5432/rabta_bench
import ExcelJS from 'exceljs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BENCH_ADMIN_EMAIL,
  CpuMeter,
  describeMachine,
  loadBuilt,
  machine,
  out,
  markdownTable,
  mintApiToken,
  openBenchDatabase,
  othersCpuPercent,
  profileByWindow,
  redact,
  startApi,
  stopOnSignals,
  table,
  topOfProfile,
  updateDocsSection,
} from './lib.mjs';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    rows: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    baseline: { type: 'string', default: '50' },
    'no-docs': { type: 'boolean', default: false },
    /** Write a CPU profile of the API and print where its time went. */
    profile: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const BASELINE = Number(args.baseline);
const IMPORT_EMAIL = 'bench-import@rabta.local';
/** Every initiative this script adds has a code with this prefix (deleted at the end, also after an earlier crash). */
const PREFIX = 'BENCH-IMP-';

const built = loadBuilt();
const db = await openBenchDatabase(built, { url: args.url });
stopOnSignals(db.stop);
const client = new built.pg.Client({ connectionString: db.url });
let api;

const sectorNames = ['Steel', 'Energy', 'Hydropower', 'LPG', 'Oil refining', 'Rail'];
const countryLists = ['PK; RU', 'PK; UZ; RU', 'PK; CN', 'PK; KZ', 'PK'];
const HEADER = [
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
];

/** What an analyst's tracker looks like: sector names, several countries, date cells and dates as text, tags. */
async function workbook(codes, revised) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Initiatives');
  ws.addRow(HEADER);
  codes.forEach((code, i) => {
    ws.addRow([
      code,
      `Imported initiative ${i}${revised ? ' (revised)' : ''}`,
      `درآمد شدہ منصوبہ ${i}`,
      sectorNames[i % sectorNames.length],
      countryLists[i % countryLists.length],
      ['announced', 'under_negotiation', 'mou_signed', 'feasibility'][i % 4],
      ['low', 'medium', 'high'][(i + (revised ? 1 : 0)) % 3],
      new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
      `${2026 + (i % 3) + (revised ? 1 : 0)}-12-31`,
      1_000_000 + i,
      'USD',
      revised ? 'bench; import; revised' : 'bench; import',
    ]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs `fn`, returning its result with the wall time and the share of the CPU other processes took meanwhile. */
/** The steps' time windows on the profile's clock (--profile), to say where each step's time went. */
const windows = [];
const microseconds = () => Number(process.hrtime.bigint() / 1000n);

async function timed(fn, label) {
  const meter = new CpuMeter().start();
  const start = microseconds();
  const load = loadavg()[0];
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  if (label) windows.push({ label, start, end: microseconds() });
  const others = othersCpuPercent(meter);
  return { result, ms, others, cpu: meter.ourCpuSeconds, apiCpu: api && meter.cpuSecondsOf?.(api.pid), load };
}

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
  const cleanUp = () => client.query(`DELETE FROM initiatives WHERE code LIKE $1`, [`${PREFIX}%`]);
  await cleanUp();
  const before = (await client.query('SELECT count(*)::int AS n FROM initiatives')).rows[0].n;
  const pgVersion = (await client.query('SHOW server_version')).rows[0].server_version;
  const sectorIds = new Map((await client.query('SELECT id, code FROM sectors')).rows.map((r) => [r.code, r.id]));

  const call = async (method, path, body, expected) => {
    const res = await fetch(`${api.base}/api${path}`, {
      method,
      headers: body === undefined || body instanceof FormData ? auth : { ...auth, 'content-type': 'application/json' },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status !== expected)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 600)}`);
    return json;
  };
  const importFile = async (file, mode) => {
    const form = new FormData();
    form.set('file', new Blob([file]), `initiatives-${mode}.xlsx`);
    form.set('resource', 'initiatives');
    form.set('mode', mode);
    const preview = await timed(() => call('POST', '/imports', form, 201), `${mode}: preview`);
    if (preview.result.rows.error > 0)
      throw new Error(`The ${mode} preview has problems: ${JSON.stringify(preview.result.errors.slice(0, 5))}`);
    const commit = await timed(
      () => call('POST', `/imports/${preview.result.id}/commit`, undefined, 200),
      `${mode}: commit`,
    );
    return { preview, commit };
  };

  const runs = [];
  let fileBytes = 0;
  for (let run = 1; run <= RUNS; run++) {
    const stamp = `${PREFIX}${Date.now().toString(36).toUpperCase()}-`;
    // Baselines: one by one through the API, created then changed.
    const made = [];
    const postOne = await timed(async () => {
      for (let i = 0; i < BASELINE; i++)
        made.push(
          await call(
            'POST',
            '/initiatives',
            {
              code: `${stamp}B${i}`,
              titleEn: `Baseline initiative ${i}`,
              sectorIds: [sectorIds.get('energy')],
              countryCodes: ['PK', 'RU'],
              startDate: '2024-03-01',
              targetDate: '2026-12-31',
              tags: ['bench'],
            },
            201,
          ),
        );
    });
    const putOne = await timed(async () => {
      for (const m of made)
        await call(
          'PUT',
          `/initiatives/${m.id}`,
          { titleEn: `${m.titleEn} (revised)`, targetDate: '2027-12-31', version: m.version },
          200,
        );
    });
    const codes = Array.from({ length: ROWS }, (_, i) => `${stamp}${i}`);
    const createFile = await workbook(codes, false);
    const updateFile = await workbook(codes, true);
    fileBytes = createFile.length;
    // The floor of a preview: the file read by exceljs in this process.
    const read = await timed(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(createFile);
      return wb.worksheets[0].actualRowCount;
    });
    const create = await importFile(createFile, 'create');
    if (create.commit.result.created !== ROWS) throw new Error(`Created ${create.commit.result.created}, not ${ROWS}`);
    const update = await importFile(updateFile, 'update');
    if (update.commit.result.updated !== ROWS) throw new Error(`Updated ${update.commit.result.updated}, not ${ROWS}`);
    const r = { postOne, putOne, read, create, update };
    runs.push(r);
    const s = (t) => `${(t.ms / 1000).toFixed(1)} s`;
    process.stdout.write(
      `run ${run}: create preview ${s(create.preview)}, commit ${s(create.commit)}; update preview ${s(update.preview)}, commit ${s(update.commit)}; baseline ${(postOne.ms / BASELINE).toFixed(1)} ms/POST, ${(putOne.ms / BASELINE).toFixed(1)} ms/PUT; load ${create.preview.load.toFixed(1)}\n`,
    );
    await cleanUp();
  }

  const pick = (f) => runs.map(f);
  const sec = (v) => `${(v / 1000).toFixed(1)} s`;
  const spread = (xs) => `${sec(Math.min(...xs))}–${sec(Math.max(...xs))}`;
  const pct = (xs) => {
    const v = xs.filter((x) => x !== undefined);
    return v.length ? `${Math.round(median(v))} %` : 'n/a';
  };
  const perRow = (ms, n) => `${(ms / n).toFixed(2)} ms`;
  const cpuOf = (xs, api) => {
    const v = xs.filter((x) => x !== undefined);
    const a = api.filter((x) => x !== undefined);
    if (!v.length) return 'n/a';
    return `${median(v).toFixed(1)} s${a.length ? ` (API ${median(a).toFixed(1)} s)` : ''}`;
  };
  const line = (step, n, f, goal) => {
    const ms = pick((r) => f(r).ms);
    return [
      step,
      n.toLocaleString('en'),
      sec(median(ms)),
      spread(ms),
      perRow(median(ms), n),
      goal,
      cpuOf(
        pick((r) => f(r).cpu),
        pick((r) => f(r).apiCpu),
      ),
      pct(pick((r) => f(r).others)),
    ];
  };
  const rows = [
    line('create: preview (POST /api/imports)', ROWS, (r) => r.create.preview, '< 10 s'),
    line('create: commit (POST /api/imports/:id/commit)', ROWS, (r) => r.create.commit, '< 30 s'),
    line('update: preview', ROWS, (r) => r.update.preview, '< 10 s'),
    line('update: commit', ROWS, (r) => r.update.commit, '< 30 s'),
    line('baseline: the file read alone (exceljs, in the bench process)', ROWS, (r) => r.read, ''),
    line('baseline: POST /api/initiatives one by one', BASELINE, (r) => r.postOne, ''),
    line('baseline: PUT /api/initiatives/:id one by one', BASELINE, (r) => r.putOne, ''),
  ];
  const headers = ['step', 'rows', `median of ${RUNS}`, 'range', 'per row', 'goal', 'our CPU', 'others CPU'];
  const ratio = (a, b) => (median(pick(a)) / ROWS / (median(pick(b)) / BASELINE)).toFixed(3);
  const ratios =
    `commit per row ÷ one-by-one per row: create ${ratio(
      (r) => r.create.commit.ms,
      (r) => r.postOne.ms,
    )}, ` +
    `update ${ratio(
      (r) => r.update.commit.ms,
      (r) => r.putOne.ms,
    )}; preview ÷ file read alone: ` +
    `create ${(median(pick((r) => r.create.preview.ms)) / median(pick((r) => r.read.ms))).toFixed(1)}, ` +
    `update ${(median(pick((r) => r.update.preview.ms)) / median(pick((r) => r.read.ms))).toFixed(1)}`;
  const loads = pick((r) => r.create.preview.load.toFixed(1)).join(', ');
  const where =
    `${describeMachine(machine(), pgVersion)}; ${before.toLocaleString('en')} initiatives in the database before; ` +
    `file ${(fileBytes / 1024 / 1024).toFixed(1)} MB; 1-minute load average at the start of each run: ${loads}`;
  process.stdout.write(`\n${table(headers, rows)}\n${ratios}\n${where}\n\n`);
  const figures = (t) => ({
    ms: Math.round(t.ms),
    cpuSeconds: t.cpu ?? null,
    apiCpuSeconds: t.apiCpu ?? null,
    othersCpu: t.others ?? null,
    load: Number(t.load.toFixed(2)),
  });
  writeFileSync(
    out('import.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: machine(),
        pgVersion,
        rows: ROWS,
        baselineRows: BASELINE,
        initiativesBefore: before,
        runs: runs.map((r) => ({
          createPreview: figures(r.create.preview),
          createCommit: figures(r.create.commit),
          updatePreview: figures(r.update.preview),
          updateCommit: figures(r.update.commit),
          fileRead: figures(r.read),
          postOneByOne: figures(r.postOne),
          putOneByOne: figures(r.putOne),
        })),
      },
      null,
      2,
    ) + '\n',
  );
  if (!args['no-docs'])
    updateDocsSection(
      'import',
      `### Spreadsheet import (\`npm run bench:import\`), ${new Date().toISOString().slice(0, 10)}\n\n${markdownTable(headers, rows)}\n\n${ratios}.\n\n${where}; database ${redact(db.url)}. \`our CPU\`: the CPU seconds the benchmark, the API (in brackets: the API alone) and its PostgreSQL used during the step (what the step costs on a machine of its own: with 2 cores its wall time is at least half of it). \`others CPU\`: the share of the machine's CPU that processes other than these took during the step.\n`,
    );
} finally {
  await api?.stop();
  if (args.profile) {
    const dir = out('import-profile');
    const file = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()
      .pop();
    if (file) {
      console.table(topOfProfile(join(dir, file), 25));
      // Each step of the last run: its busy time in the API, the collector's share, its top functions.
      for (const w of profileByWindow(join(dir, file), windows.slice(-4))) {
        process.stdout.write(
          `\n${w.label}: ${w.wallSeconds.toFixed(1)} s wall, API busy ${w.busySeconds.toFixed(1)} s, garbage collection ${w.gcPercent} %\n`,
        );
        console.table(w.top);
      }
    }
  }
  await client.end().catch(() => undefined);
  await db.stop();
}
