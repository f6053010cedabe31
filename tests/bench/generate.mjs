#!/usr/bin/env node
// Fills a PostgreSQL database with the benchmark data set: 10,000 initiatives, 100,000 milestones
// (with their date-change ledger), 200,000 status updates with evidence, sources, engagements, decisions,
// agreements, people, organizations and 1,000,000 audit events — at --scale 1.
//
//   npm run bench:generate                        # embedded cluster kept in tests/bench/out/pgdata
//   npm run bench:generate -- --scale 0.1         # a tenth of everything, for quick runs
//   npm run bench:generate -- --url postgresql://user:pw@host:5432/rabta_bench
//   npm run bench:generate -- --reset             # drop and recreate the bench database first
//
// Rows are built in JS (search_text through packages/domain's searchTextOf, source hashes through the API's own
// sourceContentHash, so both are exactly what the app writes) and sent in large batches with
// INSERT … SELECT FROM unnest(arrays); the audit log is generated server-side with INSERT … SELECT. Everything is
// loaded in one transaction: a failed run leaves nothing behind. A non-empty database is refused.
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import {
  BENCH_ADMIN_EMAIL,
  BENCH_ANALYST_EMAIL,
  BENCH_DB,
  BenchError,
  CpuMeter,
  describeMachine,
  fail,
  loadBuilt,
  machine,
  markdownTable,
  openBenchDatabase,
  othersCpuPercent,
  out,
  redact,
  ROOT,
  stopOnSignals,
  table,
  updateDocsSection,
} from './lib.mjs';
import * as W from './words.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '20250710' },
    reset: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(
    readFileSync(new URL(import.meta.url), 'utf8')
      .split('\n')
      .slice(1, 12)
      .join('\n')
      .replace(/^\/\/ ?/gm, '') + '\n',
  );
  process.exit(0);
}
const SCALE = Number(args.scale);
if (!(SCALE > 0 && SCALE <= 10)) fail(`--scale must be a number in (0, 10], not ${args.scale}`);

const N = {
  initiatives: Math.max(20, Math.round(10_000 * SCALE)),
  milestones: Math.max(100, Math.round(100_000 * SCALE)),
  statusUpdates: Math.max(200, Math.round(200_000 * SCALE)),
  auditEvents: Math.max(1_000, Math.round(1_000_000 * SCALE)),
  sources: Math.max(200, Math.round(50_000 * SCALE)),
  people: Math.max(60, Math.round(2_000 * SCALE)),
  organizations: Math.max(40, Math.round(600 * SCALE)),
  engagements: Math.max(30, Math.round(3_000 * SCALE)),
  agreements: Math.max(30, Math.round(4_000 * SCALE)),
  authors: 20,
};

const built = loadBuilt();
const { domain } = built;
const { searchTextOf, STAGE_TRANSITIONS, INITIATIVE_STAGES, TERMINAL_STAGES } = domain;
const { sourceContentHash } = built.hash();
const { referenceCountries } = createRequire(import.meta.url)(join(ROOT, 'apps/api/dist/seed/reference.js'));

// ---------------------------------------------------------------------------------------------------------------
// Random, time

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(Number(args.seed));
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
function weighted(items, weightOf) {
  const total = items.reduce((s, x) => s + weightOf(x), 0);
  let r = rnd() * total;
  for (const x of items) {
    r -= weightOf(x);
    if (r < 0) return x;
  }
  return items[items.length - 1];
}
/** Distributes `total` over `n` buckets with sizes around total/n (± spread). */
function spread(total, n, spreadFraction = 0.6) {
  const mean = total / n;
  const sizes = Array.from({ length: n }, () => Math.max(1, Math.round(mean * (1 + (rnd() * 2 - 1) * spreadFraction))));
  let diff = total - sizes.reduce((s, x) => s + x, 0);
  while (diff !== 0) {
    const i = Math.floor(rnd() * n);
    if (diff > 0) {
      sizes[i]++;
      diff--;
    } else if (sizes[i] > 1) {
      sizes[i]--;
      diff++;
    }
  }
  return sizes;
}

const DAY = 86_400_000;
const NOW = Date.now();
const EPOCH = Date.UTC(2016, 0, 1);
const dayOf = (t) => Math.floor(t / DAY) * DAY;

// ---------------------------------------------------------------------------------------------------------------
// Urdu spelled with the variant letters the press uses (tests/fixtures/urdu-equivalents.tsv): the search text is
// normalised from what was written, as the app does.

const EQUIVALENTS = readFileSync(join(ROOT, 'tests/fixtures/urdu-equivalents.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .filter((p) => p.length >= 2 && p[0] !== p[1]);
const LETTER_VARIANTS = [
  [/ی/g, 'ي'],
  [/ک/g, 'ك'],
  [/ہ/g, 'ه'],
  [/ھ/g, 'ه'],
];
const URDU_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const urduDigits = (n) => String(n).replace(/\d/g, (d) => URDU_DIGITS[Number(d)]);
let variantCount = 0;
function variantSpelling(text) {
  let t = text;
  for (const [left, right] of EQUIVALENTS) if (t.includes(left) && chance(0.7)) t = t.split(left).join(right);
  if (t === text) {
    const [re, to] = pick(LETTER_VARIANTS);
    t = t.replace(re, to);
  }
  if (t !== text) variantCount++;
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading: large batches through unnest(), typed per column

const BATCH = 20_000;
const SEP = '\u001f';
function encode(type, v) {
  if (v === null || v === undefined) return null;
  if (type === 'timestamptz') return new Date(v).toISOString();
  if (type === 'date') return new Date(v).toISOString().slice(0, 10);
  if (type === 'text[]') return v.join(SEP);
  if (type === 'jsonb') return JSON.stringify(v);
  return v;
}
const loaded = {};
async function load(client, tableName, columns, rows) {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type === 'text[]' ? 'text' : type}[]`).join(', ');
  const selects = columns
    .map(([, type], i) => (type === 'text[]' ? `coalesce(string_to_array(c${i}, E'\\x1f'), '{}')` : `c${i}`))
    .join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO "${tableName}" (${names}) SELECT ${selects} FROM unnest(${params}) AS t(${aliases})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const chunk = rows.slice(start, start + BATCH);
    const cols = columns.map(([, type], i) => chunk.map((r) => encode(type, r[i])));
    await client.query(sql, cols);
  }
  loaded[tableName] = (loaded[tableName] ?? 0) + rows.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Building the data set

const T0 = Date.now();
const CPU = new CpuMeter().start();
const log = (msg) => process.stdout.write(`${((Date.now() - T0) / 1000).toFixed(1).padStart(6)} s  ${msg}\n`);

function buildDataSet(sectorIdByCode, countriesByCode, passwordHash) {
  const D = {};
  const countryUr = (code) => countriesByCode.get(code)?.nameUr ?? code;
  const countryEn = (code) => countriesByCode.get(code)?.nameEn ?? code;
  const countryRu = (code) => countriesByCode.get(code)?.nameRu ?? code;

  // Users: the two the benchmarks sign in as, and analysts who authored the history.
  D.users = [
    [1, BENCH_ADMIN_EMAIL, 'Bench Admin', passwordHash, 'admin'],
    [2, BENCH_ANALYST_EMAIL, 'Bench Analyst', passwordHash, 'analyst'],
  ];
  for (let i = 1; i <= N.authors; i++)
    D.users.push([
      2 + i,
      `bench-author${String(i).padStart(2, '0')}@rabta.local`,
      `Analyst ${i}`,
      passwordHash,
      'analyst',
    ]);
  const authorIds = D.users.map((u) => u[0]);
  const emailOf = new Map(D.users.map((u) => [u[0], u[1]]));
  const author = () => pick(authorIds.slice(1));

  // People: Pakistani and foreign, Urdu names, Russian names for the foreign ones, press aliases.
  D.people = [];
  const peopleByCountry = new Map();
  for (let id = 1; id <= N.people; id++) {
    const pk = chance(0.5);
    const countryCode = pk ? 'PK' : weighted(W.PARTNERS, (p) => p[1])[0];
    let nameEn, nameUr, nameRu;
    const aliases = [];
    if (pk) {
      const [f, l] = [pick(W.FIRST_NAMES_PK), pick(W.LAST_NAMES_PK)];
      nameEn = `${f[0]} ${l[0]}`;
      nameUr = `${f[1]} ${l[1]}`;
      nameRu = null;
      if (chance(0.3)) aliases.push(l[1] === 'خان' ? `${f[1]}` : `${f[1]} ${l[1]} صاحب`);
    } else {
      const [f, l] = [pick(W.FIRST_NAMES_FOREIGN), pick(W.LAST_NAMES_FOREIGN)];
      nameEn = `${f[0]} ${l[0]}`;
      nameUr = `${f[1]} ${l[1]}`;
      nameRu = `${f[2]} ${l[2]}`;
      if (chance(0.4)) aliases.push(l[1]);
    }
    if (chance(0.2)) nameUr = variantSpelling(nameUr);
    const created = EPOCH + rnd() * (NOW - EPOCH) * 0.5;
    D.people.push([
      id,
      nameEn,
      nameUr,
      nameRu,
      aliases,
      countryCode,
      searchTextOf.person({ nameEn, nameUr, nameRu, aliases }),
      created,
      created,
    ]);
    if (!peopleByCountry.has(countryCode)) peopleByCountry.set(countryCode, []);
    peopleByCountry.get(countryCode).push(id);
  }
  const personFrom = (code) => pick(peopleByCountry.get(code) ?? peopleByCountry.get('PK'));

  // Organizations: ministries of Pakistan and the partners, then companies and agencies.
  D.organizations = [];
  const orgsByCountry = new Map();
  const orgCandidates = [];
  for (const code of ['PK', ...W.PARTNERS.map((p) => p[0])]) {
    for (const [en, ur] of W.MINISTRY_DOMAINS)
      orgCandidates.push({
        nameEn: `Ministry of ${en} of ${countryEn(code)}`,
        nameUr: `وزارت ${ur} ${countryUr(code)}`,
        kind: 'ministry',
        code,
      });
  }
  for (const code of ['PK', ...W.PARTNERS.map((p) => p[0])]) {
    for (const [en, ur, kind] of W.COMPANY_KINDS)
      orgCandidates.push({ nameEn: `${countryEn(code)} ${en}`, nameUr: `${countryUr(code)} ${ur}`, kind, code });
  }
  for (let id = 1; id <= N.organizations; id++) {
    const c = orgCandidates[(id - 1) % orgCandidates.length];
    const round = Math.floor((id - 1) / orgCandidates.length);
    const nameEn = round ? `${c.nameEn} (${round + 1})` : c.nameEn;
    const nameUr = round ? `${c.nameUr} (${round + 1})` : c.nameUr;
    const acronym = nameEn
      .split(/\s+/)
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('');
    const created = EPOCH + rnd() * (NOW - EPOCH) * 0.3;
    D.organizations.push([
      id,
      nameEn,
      nameUr,
      null,
      acronym,
      c.kind,
      c.code,
      searchTextOf.organization({ nameEn, nameUr, nameRu: null, acronym }),
      created,
      created,
    ]);
    if (!orgsByCountry.has(c.code)) orgsByCountry.set(c.code, []);
    orgsByCountry.get(c.code).push(id);
  }
  const orgFrom = (code) => pick(orgsByCountry.get(code) ?? orgsByCountry.get('PK'));

  D.positions = [];
  for (const p of D.people) {
    const [title, titleUr] = pick(W.POSITION_TITLES);
    const from = p[7];
    D.positions.push([
      D.positions.length + 1,
      p[0],
      orgFrom(p[5]),
      title,
      titleUr,
      chance(0.7) ? from : null,
      chance(0.2) ? from + int(200, 1500) * DAY : null,
      from,
      from,
    ]);
  }

  // Sources: published uniformly over the period, sorted by date so evidence can cite what was published by then.
  D.sources = [];
  const sourceDates = [];
  const sourceTimes = Array.from({ length: N.sources }, () => dayOf(EPOCH + rnd() * (NOW - EPOCH))).sort(
    (a, b) => a - b,
  );
  const sectorCodes = Object.keys(W.PROJECTS);
  for (let i = 0; i < N.sources; i++) {
    const id = i + 1;
    const published = sourceTimes[i];
    const [publisher, language, domainName] = pick(W.PUBLISHERS);
    const sectorCode = weighted(sectorCodes, (c) => W.PROJECTS[c].weight);
    const project = pick(W.PROJECTS[sectorCode].items);
    const partner = weighted(W.PARTNERS, (p) => p[1])[0];
    const place = pick(W.PLACES_PK);
    let title;
    if (language === 'ur') {
      title = chance(0.5)
        ? `${project[1]} پر پاکستان اور ${countryUr(partner)} کے درمیان بات چیت`
        : `${place[1]} میں ${project[1]} پر پیش رفت`;
      if (chance(0.25)) title = variantSpelling(title);
    } else if (language === 'ru') {
      title = `Пакистан и ${countryRu(partner)} обсудили сотрудничество: ${W.PROJECTS[sectorCode].ru}`;
    } else {
      title = chance(0.5)
        ? `Pakistan, ${countryEn(partner)} discuss ${project[0].toLowerCase()}`
        : `${place[0]}: progress on ${project[0].toLowerCase()}`;
    }
    const kind = domainName.endsWith('.gov.pk') ? 'official_statement' : chance(0.08) ? 'document' : 'news';
    const date = new Date(published).toISOString().slice(0, 10);
    const url = `https://${domainName}/${date.replace(/-/g, '/')}/${sectorCode}-${id}`;
    const text = chance(0.1) ? `${title}. ${pick(W.QUOTES)}. (${date}, ${publisher}, ${id})` : null;
    const contentHash = sourceContentHash({ text, url, publisher, publishedAt: date, title });
    const created = published + int(1, 20) * 3_600_000;
    D.sources.push([
      id,
      kind,
      publisher,
      url,
      language,
      published,
      title,
      text,
      contentHash,
      created,
      searchTextOf.source({ title, publisher }),
      author(),
      created,
      created,
    ]);
    sourceDates.push(published);
  }
  /** A source published on or shortly before time t. */
  function sourceNear(t) {
    let lo = 0;
    let hi = sourceDates.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sourceDates[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return 1 + Math.max(0, lo - Math.floor(rnd() * Math.min(40, lo + 1)));
  }

  // Initiatives with their status histories (the current stage and health are those of the latest update).
  D.initiatives = [];
  D.initiativeSectors = [];
  D.initiativeCountries = [];
  D.initiativeOrganizations = [];
  D.statusUpdates = [];
  D.evidence = [];
  D.milestones = [];
  D.dateChanges = [];
  const initiativeStart = [];
  const initiativePartner = [];
  const initiativeSectorCode = [];
  const suPerInitiative = spread(N.statusUpdates, N.initiatives, 0.6);
  const msPerInitiative = spread(N.milestones, N.initiatives, 0.6);
  const stageIndex = new Map(INITIATIVE_STAGES.map((s, i) => [s, i]));
  const liveOrder = (s) => stageIndex.get(s);
  const HEALTHS = ['on_track', 'at_risk', 'off_track'];
  const CONFIDENCE = ['low', 'medium', 'high'];

  function nextStage(cur, beforeSuspend, allowTerminal) {
    const options = STAGE_TRANSITIONS[cur].filter((t) => allowTerminal || !TERMINAL_STAGES.includes(t));
    if (!options.length) return null;
    return weighted(options, (t) => {
      if (cur === 'suspended') return t === beforeSuspend ? 8 : t === 'cancelled' ? 0.5 : 0.3;
      if (t === 'suspended') return 0.3;
      if (t === 'cancelled') return 0.3;
      if (t === 'completed') return 1.5;
      const step = liveOrder(t) - liveOrder(cur);
      return step === 1 ? 4 : step > 1 ? 1 : 0.4;
    });
  }

  let suId = 0;
  let evId = 0;
  let msId = 0;
  let dcId = 0;
  for (let i = 0; i < N.initiatives; i++) {
    const id = i + 1;
    const sectorCode = weighted(sectorCodes, (c) => W.PROJECTS[c].weight);
    const sector = W.PROJECTS[sectorCode];
    const project = pick(sector.items);
    const partner = weighted(W.PARTNERS, (p) => p[1])[0];
    const place = pick(W.PLACES_PK);
    const phase = chance(0.3) ? int(2, 4) : null;
    let titleEn;
    let titleUr;
    const countries = [
      ['PK', 'host'],
      [partner, chance(0.7) ? 'partner' : chance(0.5) ? 'lead' : 'financier'],
    ];
    if (sectorCode === 'rail') {
      const far = pick(W.PLACES_ABROAD);
      titleEn = `${project[0]} ${far[0]}–${place[0]}`;
      titleUr = `${far[1]} ${place[1]} ${project[1]}`;
      if (far[2] !== partner && far[2] !== 'PK') countries.push([far[2], 'partner']);
    } else {
      titleEn = `${project[0]} in ${place[0]}`;
      titleUr = `${place[1]} میں ${project[1]}`;
    }
    if (phase) {
      titleEn += ` (phase ${phase})`;
      titleUr += ` (مرحلہ ${chance(0.5) ? urduDigits(phase) : phase})`;
    }
    if (chance(0.25)) titleUr = variantSpelling(titleUr);
    const code = `${partner}-${sectorCode.toUpperCase().replace(/_/g, '')}-${String(id).padStart(5, '0')}`;
    const tags = chance(0.6) ? [pick(sector.tags)] : [];
    const focal = chance(0.85) ? personFrom('PK') : null;

    // Announced somewhere in the period; some initiatives go quiet (stale) years before now.
    const announced = EPOCH + rnd() * (NOW - 150 * DAY - EPOCH);
    const quietUntil = chance(0.25) ? NOW - int(90, 1000) * DAY : NOW - int(20, 60) * DAY;
    const end = Math.max(announced + 30 * DAY, quietUntil);
    const k = suPerInitiative[i];
    const effective = [
      announced,
      ...Array.from({ length: k - 1 }, () => announced + rnd() * (end - announced)).sort((a, b) => a - b),
    ];
    let stage = 'announced';
    let health = 'not_assessed';
    let confidence = null;
    let beforeSuspend = 'announced';
    let recorded = 0;
    let firstRecorded = 0;
    const terminalFrom = k - Math.max(2, Math.round(k * 0.15));
    for (let j = 0; j < k; j++) {
      const eff = Math.max(effective[j], j ? effective[j - 1] + 60_000 : 0);
      effective[j] = eff;
      const lag = chance(0.6) ? int(5, 600) * 60_000 : int(1, 20) * DAY;
      recorded = Math.max(recorded + 60_000, eff + lag);
      if (!j) firstRecorded = recorded;
      let fromStage = null;
      let toStage = null;
      let fromHealth = null;
      let toHealth = null;
      let healthConfidence = null;
      if (j === 0) {
        toStage = 'announced';
        toHealth = chance(0.7) ? 'on_track' : 'not_assessed';
      } else {
        const next = chance(0.3) ? nextStage(stage, beforeSuspend, j >= terminalFrom) : null;
        if (next) {
          fromStage = stage;
          toStage = next;
        }
        if (!next || chance(0.3)) {
          fromHealth = health;
          toHealth = pick(HEALTHS.filter((h) => h !== health));
        }
      }
      if (toStage) {
        if (toStage === 'suspended') beforeSuspend = stage;
        stage = toStage;
      }
      if (toHealth) {
        health = toHealth;
        healthConfidence = toHealth === 'not_assessed' ? null : pick(CONFIDENCE);
        confidence = healthConfidence;
      }
      const [noteEn, noteUr] = pick(toStage ? W.STATUS_NOTES.stage : W.STATUS_NOTES.health);
      const who = author();
      suId++;
      D.statusUpdates.push([
        suId,
        id,
        fromStage,
        toStage,
        fromHealth,
        toHealth,
        healthConfidence,
        noteEn,
        noteUr,
        eff,
        recorded,
        who,
        1,
        recorded,
        recorded,
      ]);
      // A stage change needs evidence; a health change has it often.
      const citations = toStage ? (chance(0.7) ? 1 : 2) : chance(0.4) ? 1 : 0;
      const cited = new Set();
      for (let c = 0; c < citations; c++) cited.add(sourceNear(eff));
      for (const sourceId of cited)
        D.evidence.push([
          ++evId,
          sourceId,
          pick(W.QUOTES),
          id,
          null,
          null,
          null,
          null,
          suId,
          who,
          1,
          recorded,
          recorded,
        ]);
    }
    const archived = chance(0.02) ? recorded + int(1, 60) * DAY : null;
    const startDate = announced + int(30, 400) * DAY;
    const targetDate = startDate + int(365, 6 * 365) * DAY;
    D.initiatives.push([
      id,
      code,
      titleEn,
      titleUr,
      `${titleEn}: cooperation between Pakistan and ${countryEn(partner)}.`,
      `${titleUr}: پاکستان اور ${countryUr(partner)} کے درمیان تعاون۔`,
      stage,
      health,
      confidence,
      pick(['low', 'medium', 'medium', 'high', 'critical']),
      place[0],
      place[1],
      startDate,
      targetDate,
      (int(10, 2000) * 1_000_000).toFixed(2),
      'USD',
      tags,
      focal,
      searchTextOf.initiative({ code, titleEn, titleUr, tags }),
      k,
      archived && archived < NOW ? archived : null,
      author(),
      firstRecorded,
      Math.min(NOW, archived ?? recorded),
    ]);
    initiativeStart.push(announced);
    initiativePartner.push(partner);
    initiativeSectorCode.push(sectorCode);
    D.initiativeSectors.push([id, sectorIdByCode.get(sectorCode)]);
    if (chance(0.15)) {
      const second = pick(sectorCodes);
      if (second !== sectorCode) D.initiativeSectors.push([id, sectorIdByCode.get(second)]);
    }
    for (const [c, role] of countries) D.initiativeCountries.push([id, c, role]);
    const leads = new Set([orgFrom('PK')]);
    if (chance(0.6)) leads.add(orgFrom(partner));
    for (const o of leads) D.initiativeOrganizations.push([id, o]);

    // Milestones with the announced-vs-delivered ledger: an initial announcement, then re-announcements (slips).
    const m = msPerInitiative[i];
    const planned0 = Array.from({ length: m }, () => announced + int(30, 6 * 365) * DAY).sort((a, b) => a - b);
    for (let j = 0; j < m; j++) {
      msId++;
      const [kind, tEn, tUr] =
        W.MILESTONE_TEMPLATES[
          Math.min(W.MILESTONE_TEMPLATES.length - 1, Math.floor((j / m) * W.MILESTONE_TEMPLATES.length + rnd() * 2))
        ];
      const mTitleEn = `${tEn}: ${project[0].toLowerCase()}`;
      let mTitleUr = `${project[1]}: ${tUr}`;
      if (chance(0.15)) mTitleUr = variantSpelling(mTitleUr);
      let planned = dayOf(planned0[j]);
      let announcedOn = Math.min(dayOf(announced + int(0, 90) * DAY), dayOf(NOW - DAY));
      let rec = announcedOn + int(1, 72) * 3_600_000;
      const who = author();
      const created = rec;
      dcId++;
      D.dateChanges.push([
        dcId,
        msId,
        null,
        planned,
        chance(0.5) ? personFrom(chance(0.5) ? 'PK' : partner) : null,
        announcedOn,
        rec,
        chance(0.5) ? sourceNear(announcedOn) : null,
        null,
        who,
      ]);
      let changes = 1;
      if (chance(0.35)) {
        const slips = int(1, 3);
        for (let s = 0; s < slips; s++) {
          const nextAnnounced = dayOf(announcedOn + int(20, 400) * DAY);
          if (nextAnnounced >= NOW - DAY) break;
          const newPlanned = planned + int(30, 365) * DAY;
          rec = Math.max(rec + 60_000, nextAnnounced + int(1, 240) * 3_600_000);
          dcId++;
          D.dateChanges.push([
            dcId,
            msId,
            planned,
            newPlanned,
            chance(0.6) ? personFrom(chance(0.5) ? 'PK' : partner) : null,
            nextAnnounced,
            rec,
            chance(0.6) ? sourceNear(nextAnnounced) : null,
            'Re-announced',
            author(),
          ]);
          announcedOn = nextAnnounced;
          planned = newPlanned;
          changes++;
        }
      }
      let state;
      let actual = null;
      let updated = rec;
      if (planned < NOW) {
        state = weighted(
          [
            ['achieved', 65],
            ['missed', 10],
            ['delayed', 10],
            ['cancelled', 5],
            ['in_progress', 10],
          ],
          (x) => x[1],
        )[0];
        if (state === 'achieved') {
          actual = Math.min(dayOf(NOW - DAY), planned + int(-10, 60) * DAY);
          updated = Math.max(updated, actual + DAY);
        }
      } else {
        state = chance(0.75) ? 'planned' : chance(0.8) ? 'in_progress' : 'delayed';
      }
      D.milestones.push([
        msId,
        id,
        mTitleEn,
        mTitleUr,
        kind,
        planned,
        actual,
        state,
        chance(0.4) ? orgFrom(chance(0.5) ? 'PK' : partner) : null,
        chance(0.3) ? personFrom('PK') : null,
        searchTextOf.milestone({ titleEn: mTitleEn, titleUr: mTitleUr }),
        changes,
        created,
        Math.min(NOW, updated),
      ]);
      if (state === 'achieved' && chance(0.2))
        D.evidence.push([
          ++evId,
          sourceNear(actual),
          pick(W.QUOTES),
          id,
          msId,
          null,
          null,
          null,
          null,
          who,
          1,
          Math.min(NOW, updated),
          Math.min(NOW, updated),
        ]);
    }
  }
  log(
    `built ${D.initiatives.length} initiatives, ${D.statusUpdates.length} status updates, ${D.milestones.length} milestones`,
  );

  /** A random initiative announced by time t (falls back to any). */
  function initiativeBy(t) {
    for (let tries = 0; tries < 20; tries++) {
      const i = Math.floor(rnd() * N.initiatives);
      if (initiativeStart[i] <= t) return i + 1;
    }
    return 1 + Math.floor(rnd() * N.initiatives);
  }

  // Engagements: numbered intergovernmental-commission sessions per partner, meetings, working groups, visits.
  const engagementRaw = [];
  for (let e = 0; e < N.engagements; e++) {
    const date = dayOf(EPOCH + rnd() * (NOW + 180 * DAY - EPOCH));
    const partner = weighted(W.PARTNERS, (p) => p[1])[0];
    const format = weighted(
      [
        ['bilateral_meeting', 35],
        ['multilateral_sidelines', 15],
        ['igc_session', 10],
        ['working_group', 25],
        ['visit', 15],
      ],
      (x) => x[1],
    )[0];
    engagementRaw.push({ date, partner, format });
  }
  engagementRaw.sort((a, b) => a.date - b.date);
  const sessionCount = new Map();
  const lastSession = new Map();
  const nextSessionOf = new Map();
  D.engagements = [];
  D.engagementParticipants = [];
  D.engagementInitiatives = [];
  D.decisions = [];
  const engagementInitiativesOf = new Map();
  engagementRaw.forEach((e, idx) => {
    const id = idx + 1;
    const sectorCode = weighted(sectorCodes, (c) => W.PROJECTS[c].weight);
    const sectorEn = W.PROJECTS[sectorCode].items[0][0].toLowerCase();
    const sectorUr = W.PROJECTS[sectorCode].items[0][1];
    const inPakistan = chance(0.5);
    const [placeEn, placeUr] = inPakistan ? pick(W.PLACES_PK) : W.CAPITALS[e.partner];
    let titleEn;
    let titleUr;
    let forumName = null;
    let sessionNumber = null;
    let previousId = null;
    if (e.format === 'igc_session') {
      sessionNumber = (sessionCount.get(e.partner) ?? 0) + 1;
      sessionCount.set(e.partner, sessionNumber);
      previousId = lastSession.get(e.partner) ?? null;
      if (previousId) nextSessionOf.set(previousId, id);
      lastSession.set(e.partner, id);
      titleEn = `Session ${sessionNumber} of the Pakistan–${countryEn(e.partner)} Intergovernmental Commission`;
      titleUr = `پاکستان ${countryUr(e.partner)} بین الحکومتی کمیشن کا ${urduDigits(sessionNumber)} واں اجلاس`;
    } else if (e.format === 'multilateral_sidelines') {
      const forum = pick(W.FORUMS);
      forumName = forum[0];
      titleEn = `Pakistan–${countryEn(e.partner)} meeting on the sidelines of the ${forum[0]}`;
      titleUr = `${forum[1]} کے موقع پر پاکستان ${countryUr(e.partner)} ملاقات`;
    } else if (e.format === 'working_group') {
      titleEn = `Joint working group on ${sectorEn}`;
      titleUr = `${sectorUr} پر مشترکہ ورکنگ گروپ`;
    } else if (e.format === 'visit') {
      titleEn = `Visit of the ${countryEn(e.partner)} delegation to ${placeEn}`;
      titleUr = `${countryUr(e.partner)} کے وفد کا ${placeUr} کا دورہ`;
    } else {
      titleEn = `Pakistan–${countryEn(e.partner)} talks on ${sectorEn}`;
      titleUr = `${sectorUr} پر پاکستان ${countryUr(e.partner)} مذاکرات`;
    }
    const status =
      e.date > NOW
        ? chance(0.9)
          ? 'planned'
          : 'postponed'
        : chance(0.92)
          ? 'held'
          : chance(0.5)
            ? 'postponed'
            : 'cancelled';
    const created = Math.min(NOW, e.date - int(1, 60) * DAY);
    D.engagements.push([
      id,
      titleEn,
      titleUr,
      e.format,
      status,
      e.date,
      chance(0.3) ? e.date + DAY : null,
      placeEn,
      placeUr,
      inPakistan ? 'PK' : e.partner,
      forumName,
      sessionNumber,
      status === 'held' ? 'Both sides agreed to continue cooperation.' : null,
      status === 'held' ? 'دونوں فریقوں نے تعاون جاری رکھنے پر اتفاق کیا۔' : null,
      previousId,
      searchTextOf.engagement({ titleEn, titleUr, forumName, placeEn, placeUr }),
      1,
      created,
      created,
    ]);
    const participants = new Set([personFrom('PK'), personFrom(e.partner)]);
    while (participants.size < int(2, 4)) participants.add(personFrom(chance(0.5) ? 'PK' : e.partner));
    for (const p of participants) D.engagementParticipants.push([id, p, null, null]);
    const linked = new Set();
    for (let n = int(1, 4); n > 0; n--) linked.add(initiativeBy(e.date));
    engagementInitiativesOf.set(id, [...linked]);
    for (const i of linked) D.engagementInitiatives.push([id, i]);
    if (status === 'held' || status === 'planned') {
      for (let n = int(0, 4); n > 0; n--) {
        const [textEn, textUr] = pick(W.DECISIONS);
        const due = e.date + int(60, 365) * DAY;
        const state =
          due < NOW
            ? weighted(
                [
                  ['done', 50],
                  ['overdue', 25],
                  ['dropped', 10],
                  ['in_progress', 15],
                ],
                (x) => x[1],
              )[0]
            : chance(0.6)
              ? 'open'
              : 'in_progress';
        D.decisions.push([
          D.decisions.length + 1,
          id,
          textEn,
          textUr,
          due,
          pick([...linked]),
          null,
          state,
          null,
          null,
          null,
          1,
          created,
          created,
        ]);
      }
    }
    if (status === 'held')
      D.evidence.push([
        ++evId,
        sourceNear(e.date + DAY),
        pick(W.QUOTES),
        [...linked][0],
        null,
        id,
        null,
        null,
        null,
        author(),
        1,
        e.date + 2 * DAY,
        e.date + 2 * DAY,
      ]);
  });
  // The next session reviews the decisions of the previous one.
  for (const d of D.decisions) {
    const next = nextSessionOf.get(d[1]);
    if (next && D.engagements[next - 1][5] < NOW && ['done', 'overdue', 'dropped'].includes(d[7])) {
      d[8] = next;
      d[9] = d[7] === 'done' ? 'Done by the next session' : 'Not done by the next session';
      d[10] = d[7] === 'done' ? 'اگلے اجلاس تک مکمل' : 'اگلے اجلاس تک مکمل نہیں ہوا';
    }
  }

  // Agreements: MoUs, protocols, agreements and contracts serving one or two initiatives.
  D.agreements = [];
  D.agreementParties = [];
  D.agreementSignatories = [];
  D.agreementInitiatives = [];
  const kinds = Object.keys(W.AGREEMENT_KINDS);
  for (let a = 1; a <= N.agreements; a++) {
    const kind = weighted(kinds, (k) => ({ mou: 40, protocol: 20, agreement: 30, contract: 10 })[k]);
    const first = initiativeBy(NOW);
    const sectorCode = initiativeSectorCode[first - 1];
    const partner = initiativePartner[first - 1];
    const [kEn, kUr] = W.AGREEMENT_KINDS[kind];
    const titleEn = `${kEn} on cooperation in ${W.PROJECTS[sectorCode].items[0][0].toLowerCase()}`;
    const titleUr = `${W.PROJECTS[sectorCode].items[0][1]} میں تعاون پر ${kUr}`;
    const signed = dayOf(Math.min(NOW - DAY, initiativeStart[first - 1] + int(10, 900) * DAY));
    const status = chance(0.1)
      ? 'under_negotiation'
      : weighted(
          [
            ['signed', 50],
            ['in_force', 40],
            ['expired', 7],
            ['terminated', 3],
          ],
          (x) => x[1],
        )[0];
    const [placeEn, placeUr] = chance(0.5) ? pick(W.PLACES_PK) : W.CAPITALS[partner];
    const created = signed + int(0, 20) * DAY;
    D.agreements.push([
      a,
      kind,
      titleEn,
      titleUr,
      status,
      status === 'under_negotiation' ? null : signed,
      placeEn,
      placeUr,
      `${titleEn} between Pakistan and ${countryEn(partner)}.`,
      null,
      searchTextOf.agreement({ titleEn, titleUr }),
      1,
      Math.min(NOW, created),
      Math.min(NOW, created),
    ]);
    D.agreementParties.push(
      [D.agreementParties.length + 1, a, 'PK', null],
      [D.agreementParties.length + 2, a, partner, null],
    );
    if (status !== 'under_negotiation') D.agreementSignatories.push([a, personFrom('PK')], [a, personFrom(partner)]);
    const served = new Set([first]);
    if (chance(0.3)) served.add(initiativeBy(signed));
    for (const i of served) D.agreementInitiatives.push([a, i]);
    if (status !== 'under_negotiation')
      D.evidence.push([
        ++evId,
        sourceNear(signed + DAY),
        pick(W.QUOTES),
        first,
        null,
        null,
        a,
        null,
        null,
        author(),
        1,
        Math.min(NOW, created),
        Math.min(NOW, created),
      ]);
  }
  // agreement_signatories has (agreement, person) as its key: one person may appear on both sides by chance.
  D.agreementSignatories = [...new Map(D.agreementSignatories.map((r) => [`${r[0]}:${r[1]}`, r])).values()];
  {
    const seen = new Set();
    D.agreementParties = D.agreementParties.filter((r) => {
      const key = `${r[1]}:${r[2]}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    D.agreementParties.forEach((r, i) => (r[0] = i + 1));
  }
  D.emailOf = emailOf;
  return D;
}

// ---------------------------------------------------------------------------------------------------------------

const COLUMNS = {
  users: [
    ['id', 'int4'],
    ['email', 'text'],
    ['name', 'text'],
    ['password_hash', 'text'],
    ['role', 'role'],
    ['updated_at', 'timestamptz'],
  ],
  people: [
    ['id', 'int4'],
    ['name_en', 'text'],
    ['name_ur', 'text'],
    ['name_ru', 'text'],
    ['aliases', 'text[]'],
    ['country_code', 'bpchar'],
    ['search_text', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  organizations: [
    ['id', 'int4'],
    ['name_en', 'text'],
    ['name_ur', 'text'],
    ['name_ru', 'text'],
    ['acronym', 'text'],
    ['kind', 'organization_kind'],
    ['country_code', 'bpchar'],
    ['search_text', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  positions: [
    ['id', 'int4'],
    ['person_id', 'int4'],
    ['organization_id', 'int4'],
    ['title_en', 'text'],
    ['title_ur', 'text'],
    ['from_date', 'date'],
    ['to_date', 'date'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  sources: [
    ['id', 'int4'],
    ['kind', 'source_kind'],
    ['publisher', 'text'],
    ['url', 'text'],
    ['language', 'language'],
    ['published_at', 'date'],
    ['title', 'text'],
    ['text', 'text'],
    ['content_hash', 'bpchar'],
    ['retrieved_at', 'timestamptz'],
    ['search_text', 'text'],
    ['created_by_id', 'int4'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  initiatives: [
    ['id', 'int4'],
    ['code', 'text'],
    ['title_en', 'text'],
    ['title_ur', 'text'],
    ['summary_en', 'text'],
    ['summary_ur', 'text'],
    ['stage', 'initiative_stage'],
    ['health', 'health'],
    ['health_confidence', 'confidence'],
    ['priority', 'priority'],
    ['location_en', 'text'],
    ['location_ur', 'text'],
    ['start_date', 'date'],
    ['target_date', 'date'],
    ['estimated_value', 'numeric'],
    ['currency', 'bpchar'],
    ['tags', 'text[]'],
    ['focal_person_id', 'int4'],
    ['search_text', 'text'],
    ['version', 'int4'],
    ['archived_at', 'timestamptz'],
    ['created_by_id', 'int4'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  initiative_sectors: [
    ['initiative_id', 'int4'],
    ['sector_id', 'int4'],
  ],
  initiative_countries: [
    ['initiative_id', 'int4'],
    ['country_code', 'bpchar'],
    ['role', 'country_role'],
  ],
  initiative_organizations: [
    ['initiative_id', 'int4'],
    ['organization_id', 'int4'],
  ],
  status_updates: [
    ['id', 'int4'],
    ['initiative_id', 'int4'],
    ['from_stage', 'initiative_stage'],
    ['to_stage', 'initiative_stage'],
    ['from_health', 'health'],
    ['to_health', 'health'],
    ['health_confidence', 'confidence'],
    ['note_en', 'text'],
    ['note_ur', 'text'],
    ['effective_at', 'timestamptz'],
    ['recorded_at', 'timestamptz'],
    ['author_id', 'int4'],
    ['version', 'int4'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  milestones: [
    ['id', 'int4'],
    ['initiative_id', 'int4'],
    ['title_en', 'text'],
    ['title_ur', 'text'],
    ['kind', 'milestone_kind'],
    ['planned_date', 'date'],
    ['actual_date', 'date'],
    ['state', 'milestone_state'],
    ['owner_organization_id', 'int4'],
    ['owner_person_id', 'int4'],
    ['search_text', 'text'],
    ['version', 'int4'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  milestone_date_changes: [
    ['id', 'int4'],
    ['milestone_id', 'int4'],
    ['old_date', 'date'],
    ['new_date', 'date'],
    ['announced_by_id', 'int4'],
    ['announced_on', 'date'],
    ['recorded_at', 'timestamptz'],
    ['source_id', 'int4'],
    ['note', 'text'],
    ['recorded_by_id', 'int4'],
  ],
  engagements: [
    ['id', 'int4'],
    ['title_en', 'text'],
    ['title_ur', 'text'],
    ['format', 'engagement_format'],
    ['status', 'engagement_status'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['place_en', 'text'],
    ['place_ur', 'text'],
    ['country_code', 'bpchar'],
    ['forum_name', 'text'],
    ['session_number', 'int4'],
    ['outcome_en', 'text'],
    ['outcome_ur', 'text'],
    ['previous_id', 'int4'],
    ['search_text', 'text'],
    ['version', 'int4'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  engagement_participants: [
    ['engagement_id', 'int4'],
    ['person_id', 'int4'],
    ['role_en', 'text'],
    ['role_ur', 'text'],
  ],
  engagement_initiatives: [
    ['engagement_id', 'int4'],
    ['initiative_id', 'int4'],
  ],
  decisions: [
    ['id', 'int4'],
    ['engagement_id', 'int4'],
    ['text_en', 'text'],
    ['text_ur', 'text'],
    ['due_date', 'date'],
    ['initiative_id', 'int4'],
    ['milestone_id', 'int4'],
    ['state', 'decision_state'],
    ['reviewed_at_id', 'int4'],
    ['review_note_en', 'text'],
    ['review_note_ur', 'text'],
    ['version', 'int4'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  agreements: [
    ['id', 'int4'],
    ['kind', 'agreement_kind'],
    ['title_en', 'text'],
    ['title_ur', 'text'],
    ['status', 'agreement_status'],
    ['signed_date', 'date'],
    ['signed_place_en', 'text'],
    ['signed_place_ur', 'text'],
    ['summary_en', 'text'],
    ['summary_ur', 'text'],
    ['search_text', 'text'],
    ['version', 'int4'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  agreement_parties: [
    ['id', 'int4'],
    ['agreement_id', 'int4'],
    ['country_code', 'bpchar'],
    ['organization_id', 'int4'],
  ],
  agreement_signatories: [
    ['agreement_id', 'int4'],
    ['person_id', 'int4'],
  ],
  agreement_initiatives: [
    ['agreement_id', 'int4'],
    ['initiative_id', 'int4'],
  ],
  evidence: [
    ['id', 'int4'],
    ['source_id', 'int4'],
    ['quote', 'text'],
    ['initiative_id', 'int4'],
    ['milestone_id', 'int4'],
    ['engagement_id', 'int4'],
    ['agreement_id', 'int4'],
    ['decision_id', 'int4'],
    ['status_update_id', 'int4'],
    ['created_by_id', 'int4'],
    ['version', 'int4'],
    ['recorded_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};

/** Tables whose secondary indexes are dropped during the load and rebuilt after it (much faster in bulk). */
const BULK_TABLES = [
  'audit_events',
  'status_updates',
  'evidence',
  'milestones',
  'milestone_date_changes',
  'initiatives',
  'sources',
  'engagements',
  'agreements',
  'people',
  'organizations',
];

// The audit log: one event per record the history created (as the API writes them: camelCase JSON of the record),
// then updates, sign-ins and exports up to the target, all in time order so ids grow with `at`.
function auditSql(filler) {
  return `
WITH actors AS (SELECT id, email FROM users),
derived AS (
  SELECT i.created_by_id AS actor_id, 'create' AS action, 'initiatives' AS entity, i.id::text AS entity_id, NULL::jsonb AS before,
         jsonb_build_object('id', i.id, 'code', i.code, 'titleEn', i.title_en, 'titleUr', i.title_ur, 'stage', 'announced', 'health', 'not_assessed', 'version', 1) AS after,
         i.created_at AS at
    FROM initiatives i
  UNION ALL
  SELECT s.author_id, 'create', 'status-updates', s.id::text, NULL,
         jsonb_build_object('id', s.id, 'initiativeId', s.initiative_id, 'fromStage', s.from_stage, 'toStage', s.to_stage, 'fromHealth', s.from_health,
                            'toHealth', s.to_health, 'effectiveAt', s.effective_at, 'noteEn', s.note_en, 'noteUr', s.note_ur), s.recorded_at
    FROM status_updates s
  UNION ALL
  SELECT d.recorded_by_id, 'create', 'milestones', m.id::text, NULL,
         jsonb_build_object('id', m.id, 'initiativeId', m.initiative_id, 'titleEn', m.title_en, 'titleUr', m.title_ur, 'kind', m.kind, 'plannedDate', d.new_date, 'version', 1), d.recorded_at
    FROM milestone_date_changes d JOIN milestones m ON m.id = d.milestone_id WHERE d.old_date IS NULL
  UNION ALL
  SELECT d.recorded_by_id, 'update', 'milestones', d.milestone_id::text, jsonb_build_object('plannedDate', d.old_date),
         jsonb_build_object('plannedDate', d.new_date, 'dateChangeId', d.id, 'sourceId', d.source_id), d.recorded_at
    FROM milestone_date_changes d WHERE d.old_date IS NOT NULL
  UNION ALL
  SELECT s.created_by_id, 'create', 'sources', s.id::text, NULL,
         jsonb_build_object('id', s.id, 'kind', s.kind, 'publisher', s.publisher, 'url', s.url, 'language', s.language, 'publishedAt', s.published_at, 'title', s.title), s.created_at
    FROM sources s
  UNION ALL
  SELECT NULL, 'create', 'engagements', e.id::text, NULL, jsonb_build_object('id', e.id, 'titleEn', e.title_en, 'format', e.format, 'startDate', e.start_date), e.created_at FROM engagements e
  UNION ALL
  SELECT NULL, 'create', 'agreements', a.id::text, NULL, jsonb_build_object('id', a.id, 'kind', a.kind, 'titleEn', a.title_en, 'signedDate', a.signed_date), a.created_at FROM agreements a
),
filler AS (
  SELECT 3 + (g * 7919 % ${N.authors}) AS actor_id,
         CASE WHEN g % 10 < 4 THEN 'update' WHEN g % 10 < 7 THEN 'update' WHEN g % 10 < 9 THEN 'login.success' ELSE 'export' END AS action,
         CASE WHEN g % 10 < 4 THEN 'initiatives' WHEN g % 10 < 7 THEN 'milestones' WHEN g % 10 < 9 THEN 'auth' ELSE 'initiatives' END AS entity,
         CASE WHEN g % 10 < 4 THEN (1 + g * 104729 % ${N.initiatives})::text WHEN g % 10 < 7 THEN (1 + g * 15485863 % ${N.milestones})::text ELSE NULL END AS entity_id,
         CASE WHEN g % 10 < 7 THEN jsonb_build_object('version', 1 + g % 9, 'summaryEn', 'Previous summary ' || g) END AS before,
         CASE WHEN g % 10 < 7 THEN jsonb_build_object('version', 2 + g % 9, 'summaryEn', 'Updated summary ' || g)
              WHEN g % 10 = 9 THEN jsonb_build_object('format', 'xlsx', 'rows', g % 5000) END AS after,
         to_timestamp(${EPOCH / 1000} + ((g * 2654435761) % ${filler || 1})::float8 / ${filler || 1} * ${(NOW - EPOCH) / 1000}) AS at
    FROM generate_series(1::bigint, ${filler}::bigint) g
)
INSERT INTO audit_events (actor_id, actor_name, action, entity, entity_id, before, after, request_id, ip, at)
SELECT x.actor_id, coalesce(a.email, 'system'), x.action, x.entity, x.entity_id, x.before, x.after,
       md5(x.entity || coalesce(x.entity_id, x.action) || x.at::text), '10.0.' || (abs(hashtext(coalesce(x.entity_id, x.action))) % 250) || '.' || (1 + abs(hashtext(x.at::text)) % 250), x.at
  FROM (SELECT * FROM derived UNION ALL SELECT * FROM filler) x LEFT JOIN actors a ON a.id = x.actor_id
 ORDER BY x.at`;
}

async function countDerivedAudit(client) {
  const r = await client.query(`SELECT
    (SELECT count(*) FROM initiatives) + (SELECT count(*) FROM status_updates) + (SELECT count(*) FROM milestone_date_changes)
    + (SELECT count(*) FROM sources) + (SELECT count(*) FROM engagements) + (SELECT count(*) FROM agreements) AS n`);
  return Number(r.rows[0].n);
}

// ---------------------------------------------------------------------------------------------------------------
// Verification: the invariants the API relies on, and search_text recomputed in JS for a sample.

async function verify(client) {
  const checks = [
    [
      'initiatives whose stage is not that of their latest stage update',
      `SELECT count(*) FROM initiatives i JOIN LATERAL (SELECT to_stage FROM status_updates s WHERE s.initiative_id = i.id AND s.to_stage IS NOT NULL
         ORDER BY effective_at DESC, recorded_at DESC LIMIT 1) l ON true WHERE l.to_stage <> i.stage`,
    ],
    [
      'initiatives whose health is not that of their latest health update',
      `SELECT count(*) FROM initiatives i JOIN LATERAL (SELECT to_health FROM status_updates s WHERE s.initiative_id = i.id AND s.to_health IS NOT NULL
         ORDER BY effective_at DESC, recorded_at DESC LIMIT 1) l ON true WHERE l.to_health <> i.health`,
    ],
    [
      'initiatives without status updates',
      `SELECT count(*) FROM initiatives i WHERE NOT EXISTS (SELECT 1 FROM status_updates s WHERE s.initiative_id = i.id)`,
    ],
    [
      'initiatives whose stage_since is not their first stage',
      `SELECT count(*) FROM initiatives i WHERE i.stage_since IS DISTINCT FROM
       (SELECT min(effective_at) FROM status_updates s WHERE s.initiative_id = i.id AND s.to_stage IS NOT NULL)`,
    ],
    [
      'status updates out of order (effective or recorded time going back)',
      `SELECT count(*) FROM (SELECT effective_at < lag(effective_at) OVER w OR recorded_at < lag(recorded_at) OVER w AS bad
         FROM status_updates WINDOW w AS (PARTITION BY initiative_id ORDER BY id)) x WHERE bad`,
    ],
    [
      'status updates recorded before they happened',
      `SELECT count(*) FROM status_updates WHERE recorded_at < effective_at`,
    ],
    [
      'stage changes without evidence',
      `SELECT count(*) FROM status_updates s WHERE to_stage IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.status_update_id = s.id)`,
    ],
    [
      "milestones whose planned date is not the ledger's latest",
      `SELECT count(*) FROM milestones m JOIN LATERAL (SELECT new_date FROM milestone_date_changes d WHERE d.milestone_id = m.id ORDER BY announced_on DESC, id DESC LIMIT 1) l ON true
        WHERE l.new_date IS DISTINCT FROM m.planned_date`,
    ],
    [
      'milestones without a ledger row',
      `SELECT count(*) FROM milestones m WHERE NOT EXISTS (SELECT 1 FROM milestone_date_changes d WHERE d.milestone_id = m.id)`,
    ],
  ];
  const results = [];
  for (const [name, sql] of checks) results.push([name, Number((await client.query(sql)).rows[0].count)]);

  const { searchTextOf } = domain;
  const samples = [
    [
      'initiatives',
      'code, title_en, title_ur, tags',
      (r) => searchTextOf.initiative({ code: r.code, titleEn: r.title_en, titleUr: r.title_ur, tags: r.tags }),
    ],
    ['milestones', 'title_en, title_ur', (r) => searchTextOf.milestone({ titleEn: r.title_en, titleUr: r.title_ur })],
    [
      'people',
      'name_en, name_ur, name_ru, aliases',
      (r) => searchTextOf.person({ nameEn: r.name_en, nameUr: r.name_ur, nameRu: r.name_ru, aliases: r.aliases }),
    ],
    [
      'organizations',
      'name_en, name_ur, name_ru, acronym',
      (r) => searchTextOf.organization({ nameEn: r.name_en, nameUr: r.name_ur, nameRu: r.name_ru, acronym: r.acronym }),
    ],
    ['sources', 'title, publisher', (r) => searchTextOf.source({ title: r.title, publisher: r.publisher })],
    [
      'engagements',
      'title_en, title_ur, forum_name, place_en, place_ur',
      (r) =>
        searchTextOf.engagement({
          titleEn: r.title_en,
          titleUr: r.title_ur,
          forumName: r.forum_name,
          placeEn: r.place_en,
          placeUr: r.place_ur,
        }),
    ],
    ['agreements', 'title_en, title_ur', (r) => searchTextOf.agreement({ titleEn: r.title_en, titleUr: r.title_ur })],
  ];
  for (const [tableName, cols, fn] of samples) {
    const rows = (await client.query(`SELECT ${cols}, search_text FROM ${tableName} ORDER BY random() LIMIT 500`)).rows;
    results.push([
      `${tableName}: search_text differing from searchTextOf (sample of ${rows.length})`,
      rows.filter((r) => fn(r) !== r.search_text).length,
    ]);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const { db, pg } = built;
  const settings = {
    // A bulk load into a cluster that exists only for benchmarks: durability during the load buys nothing.
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_wal_size: '8GB',
    checkpoint_timeout: '30min',
    maintenance_work_mem: '512MB',
  };
  const database = await openBenchDatabase(built, { url: args.url, settings });
  stopOnSignals(database.stop);
  let url = database.url;
  try {
    process.stdout.write(
      `Bench database: ${redact(url)}${database.embedded ? ` (embedded cluster in tests/bench/out/pgdata)` : ''}\n`,
    );

    if (args.reset) {
      const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
      const adminUrl = new URL(url);
      adminUrl.pathname = '/postgres';
      const admin = new pg.Client({ connectionString: adminUrl.toString() });
      await admin.connect();
      process.stdout.write(`--reset: dropping and recreating database "${dbName}"\n`);
      await admin.query(`DROP DATABASE IF EXISTS "${dbName.replace(/"/g, '""')}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
      await admin.end();
    }

    const probe = new pg.Client({ connectionString: url });
    try {
      await probe.connect();
    } catch (err) {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      if (err.code === '3D000')
        throw new BenchError(
          `Database "${name}" does not exist at ${redact(url)}: create it, or pass --reset to create it.`,
        );
      throw new BenchError(`Cannot connect to ${redact(url)}: ${err.message}`);
    } finally {
      await probe.end().catch(() => undefined);
    }
    await db.migrate(url, db.MIGRATIONS_DIR, { info() {}, debug() {}, warn: console.warn, error: console.error });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const existing = await client.query(
        `SELECT (SELECT count(*) FROM initiatives) AS initiatives, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM audit_events) AS audit`,
      );
      const ex = existing.rows[0];
      if (Number(ex.initiatives) > 0 || Number(ex.users) > 0 || Number(ex.audit) > 0) {
        throw new BenchError(
          `The database ${redact(url)} is not empty (${ex.initiatives} initiatives, ${ex.users} users, ${ex.audit} audit events), so nothing was generated.\n` +
            `Benchmark figures need the data set exactly as generated: use an empty database, or pass --reset to DROP and recreate ` +
            `database "${decodeURIComponent(new URL(url).pathname.slice(1))}" (everything in it is lost).`,
        );
      }
      const serverVersion = (await client.query('SHOW server_version')).rows[0].server_version;

      // Reference data exactly as the app seeds it (countries, the six sectors, settings).
      const prisma = db.createPrismaClient(url, { max: 2 });
      await built.seed().runSeed(prisma, { info() {}, warn() {}, error() {}, debug() {} }, { demo: false });
      await prisma.$disconnect();
      log('migrated and seeded reference data');

      await client.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
      await client.query('BEGIN');
      for (const s of W.EXTRA_SECTORS) {
        await client.query(
          `INSERT INTO sectors (code, name_en, name_ur, updated_at) VALUES ($1, $2, $3, now()) ON CONFLICT (code) DO NOTHING`,
          [s.code, s.nameEn, s.nameUr],
        );
      }
      const sectorIdByCode = new Map(
        (await client.query('SELECT id, code FROM sectors')).rows.map((r) => [r.code, r.id]),
      );
      for (const code of Object.keys(W.PROJECTS))
        if (!sectorIdByCode.has(code)) throw new Error(`sector ${code} is missing`);
      const countriesByCode = new Map(referenceCountries().map((c) => [c.code, c]));

      const { hash } = createRequire(import.meta.url)('@node-rs/argon2');
      const password = `bench-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
      // As apps/api/src/common/auth/passwords.ts hashes: Argon2id (algorithm 2), 19 MiB, 2 passes, 1 lane.
      const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

      const D = buildDataSet(sectorIdByCode, countriesByCode, passwordHash);

      // Drop secondary indexes of the big tables; rebuilt after the load.
      const idx = await client.query(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [BULK_TABLES],
      );
      for (const r of idx.rows) await client.query(`DROP INDEX "${r.indexname}"`);

      const stamp = (rows) => rows.map((r) => [...r, NOW]);
      await load(client, 'users', COLUMNS.users, stamp(D.users));
      await load(client, 'people', COLUMNS.people, D.people);
      await load(client, 'organizations', COLUMNS.organizations, D.organizations);
      await load(client, 'positions', COLUMNS.positions, D.positions);
      await load(client, 'sources', COLUMNS.sources, D.sources);
      await load(client, 'initiatives', COLUMNS.initiatives, D.initiatives);
      await load(client, 'initiative_sectors', COLUMNS.initiative_sectors, D.initiativeSectors);
      await load(client, 'initiative_countries', COLUMNS.initiative_countries, D.initiativeCountries);
      await load(client, 'initiative_organizations', COLUMNS.initiative_organizations, D.initiativeOrganizations);
      await load(client, 'status_updates', COLUMNS.status_updates, D.statusUpdates);
      // What the API keeps beside the history (StatusUpdatesService): when each initiative's first stage took effect.
      await client.query(`UPDATE initiatives i SET stage_since = s.first FROM (SELECT initiative_id, min(effective_at) AS first
                            FROM status_updates WHERE to_stage IS NOT NULL GROUP BY initiative_id) s WHERE s.initiative_id = i.id`);
      log(`loaded people, organizations, sources, initiatives, status updates`);
      await load(client, 'milestones', COLUMNS.milestones, D.milestones);
      await load(client, 'milestone_date_changes', COLUMNS.milestone_date_changes, D.dateChanges);
      await load(client, 'engagements', COLUMNS.engagements, D.engagements);
      await load(client, 'engagement_participants', COLUMNS.engagement_participants, D.engagementParticipants);
      await load(client, 'engagement_initiatives', COLUMNS.engagement_initiatives, D.engagementInitiatives);
      await load(client, 'decisions', COLUMNS.decisions, D.decisions);
      await load(client, 'agreements', COLUMNS.agreements, D.agreements);
      await load(client, 'agreement_parties', COLUMNS.agreement_parties, D.agreementParties);
      await load(client, 'agreement_signatories', COLUMNS.agreement_signatories, D.agreementSignatories);
      await load(client, 'agreement_initiatives', COLUMNS.agreement_initiatives, D.agreementInitiatives);
      await load(client, 'evidence', COLUMNS.evidence, D.evidence);
      log('loaded milestones and their ledger, engagements, decisions, agreements, evidence');

      const derived = await countDerivedAudit(client);
      const filler = Math.max(0, N.auditEvents - derived);
      await client.query(auditSql(filler));
      loaded.audit_events = derived + filler;
      log(
        `generated ${derived + filler} audit events in the database (${derived} from the records, ${filler} updates, sign-ins and exports)`,
      );

      for (const r of idx.rows) await client.query(r.indexdef);
      log(`rebuilt ${idx.rows.length} secondary indexes`);

      // Sequences continue after the explicit ids.
      const serials = await client.query(
        `SELECT c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq
           FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.column_default LIKE 'nextval(%'`,
      );
      for (const s of serials.rows) {
        await client.query(
          `SELECT setval($1, coalesce((SELECT max("${s.column_name}") FROM "${s.table_name}"), 0) + 1, false)`,
          [s.seq],
        );
      }
      await client.query('COMMIT');
      log('committed');

      await client.query('VACUUM (ANALYZE)');
      if (database.embedded) await client.query('CHECKPOINT');
      const generateSeconds = (Date.now() - T0) / 1000;
      const othersCpu = othersCpuPercent(CPU);
      log('vacuumed and analysed');

      const failures = await verify(client);
      log('verified');

      const sizes = await client.query(
        `SELECT c.relname AS table, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
          ORDER BY pg_total_relation_size(c.oid) DESC`,
      );
      const dbSize = Number((await client.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
      const mb = (b) => (Number(b) / 2 ** 20).toFixed(1);
      const counts = {};
      for (const r of sizes.rows)
        counts[r.table] = Number((await client.query(`SELECT count(*) FROM "${r.table}"`)).rows[0].count);

      process.stdout.write(
        `\n${table(
          ['table', 'rows', 'MiB'],
          sizes.rows.map((r) => [r.table, counts[r.table], mb(r.bytes)]),
        )}\n`,
      );
      process.stdout.write(
        `\nDatabase size: ${mb(dbSize)} MiB. Urdu titles and names spelled with variant letters: ${variantCount}.\n`,
      );
      process.stdout.write(
        `\nChecks:\n${failures.map(([name, n]) => `  ${n === 0 ? 'ok  ' : 'FAIL'} ${name}: ${n}`).join('\n')}\n`,
      );
      process.stdout.write(
        `\nGenerated in ${generateSeconds.toFixed(1)} s (scale ${SCALE})` +
          (othersCpu === undefined ? '.\n' : `; other processes used ${othersCpu} % of the machine's CPU meanwhile.\n`),
      );

      const credentials = {
        url: database.embedded ? null : redact(url),
        admin: { email: BENCH_ADMIN_EMAIL, password },
        analyst: { email: BENCH_ANALYST_EMAIL, password },
      };
      writeFileSync(out('credentials.json'), JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
      const m = machine();
      const result = {
        date: new Date().toISOString(),
        machine: m,
        postgres: serverVersion,
        scale: SCALE,
        seed: Number(args.seed),
        seconds: Number(generateSeconds.toFixed(1)),
        othersCpuPercent: othersCpu,
        databaseMiB: Number(mb(dbSize)),
        rows: counts,
        tables: sizes.rows.map((r) => ({ table: r.table, rows: counts[r.table], MiB: Number(mb(r.bytes)) })),
        checks: Object.fromEntries(failures),
      };
      writeFileSync(out('generate.json'), JSON.stringify(result, null, 2) + '\n');
      const main = [
        'initiatives',
        'milestones',
        'milestone_date_changes',
        'status_updates',
        'evidence',
        'sources',
        'audit_events',
      ];
      updateDocsSection(
        'generate',
        `### Data set (\`npm run bench:generate${SCALE !== 1 ? ` -- --scale ${SCALE}` : ''}\`), ${result.date.slice(0, 10)}\n\n` +
          `Machine: ${describeMachine(m, serverVersion)}. Generated in **${result.seconds} s**` +
          `${othersCpu === undefined ? '' : ` (other processes used ${othersCpu} % of the CPU meanwhile)`}; database ${result.databaseMiB} MiB.\n\n` +
          markdownTable(
            ['table', 'rows', 'MiB'],
            result.tables
              .filter((t) => main.includes(t.table))
              .map((t) => [t.table, t.rows.toLocaleString('en'), t.MiB]),
          ),
      );
      process.stdout.write(
        `\nFigures: tests/bench/out/generate.json. Bench users' password: tests/bench/out/credentials.json.\n`,
      );
      if (database.embedded) {
        process.stdout.write(
          `The embedded cluster stays in tests/bench/out/pgdata (database "${BENCH_DB}"); it was served at ${redact(url)} during this run ` +
            `and is started again by bench:api and bench:reports.\n`,
        );
      }
      if (failures.some(([, n]) => n !== 0)) {
        process.exitCode = 1;
        process.stderr.write('\nThe generated data set breaks an invariant (see Checks above).\n');
      }
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`\n${err instanceof BenchError ? err.message : (err.stack ?? err)}\n\n`);
  process.exit(1);
});
