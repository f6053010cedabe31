#!/usr/bin/env node
// The intake engine's speed: analyse() of a 2,000-word article against a gazetteer the size of the benchmark data
// set (2,000 people, 600 organizations, 10,000 initiatives with their 100,000 milestones, 3,000 engagements), and
// the time buildGazetteer() takes to rebuild it after a change. No database: the gazetteer is generated in memory
// from the word lists of the bench data set (tests/bench/words.mjs), the way tests/bench/generate.mjs names things.
//
//   npm run bench:intake                      # builds first; prints the figures, rewrites its docs section
//   node tests/bench/intake.mjs --runs 200    # without the build; more runs
//
// Baselines measured in the same run: analyse() of the same article against an empty gazetteer (the rules' own
// cost), and folding every name of the data once with normalizeText (the least any rebuild must do).
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CpuMeter,
  fail,
  machine,
  markdownTable,
  ms,
  othersCpuPercent,
  out,
  percentile,
  ROOT,
  table,
  updateDocsSection,
} from './lib.mjs';
import * as W from './words.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    builds: { type: 'string', default: '10' },
    words: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20250710' },
    'no-docs': { type: 'boolean', default: false },
    'analyse-only': { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const BUILDS = Number(args.builds);
const WORDS = Number(args.words);

const require = createRequire(import.meta.url);
const dist = join(ROOT, 'packages/intake/dist/index.js');
if (!existsSync(dist)) fail('packages/intake is not built (packages/intake/dist missing). Run `npm run build` first.');
const { analyse, buildGazetteer } = require(dist);
const { normalizeText } = require(join(ROOT, 'packages/domain/dist/index.js'));

// Seeded randomness, as in generate.mjs.
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(Number(args.seed));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));

// ------------------------------------------------------------------------------------------------ the gazetteer
const en = new Intl.DisplayNames(['en'], { type: 'region' });
const ur = new Intl.DisplayNames(['ur'], { type: 'region' });
const CODES = ['PK', ...W.PARTNERS.map((p) => p[0]), 'US', 'GB', 'IN', 'AF', 'FR', 'IT', 'EG', 'BD'];
const countries = [...new Set(CODES)].map((code) => ({ code, nameEn: en.of(code), nameUr: ur.of(code) ?? null }));
const countryEn = (c) => en.of(c);
const countryUr = (c) => ur.of(c);

const sectorCodes = Object.keys(W.PROJECTS);
const REFERENCE = {
  steel: ['Steel', 'اسٹیل'],
  energy: ['Energy', 'توانائی'],
  hydropower: ['Hydropower', 'پن بجلی'],
  lpg: ['LPG', 'ایل پی جی'],
  oil_refining: ['Oil refining', 'آئل ریفائننگ'],
  rail: ['Rail', 'ریلوے'],
};
const sectors = sectorCodes.map((code, i) => {
  const extra = W.EXTRA_SECTORS.find((s) => s.code === code);
  const [nameEn, nameUr] = REFERENCE[code] ?? [extra?.nameEn ?? code, extra?.nameUr ?? code];
  return { id: i + 1, code, nameEn, nameUr };
});
const sectorId = new Map(sectors.map((s) => [s.code, s.id]));

const people = [];
for (let id = 1; id <= 2000; id++) {
  const pk = chance(0.5);
  const countryCode = pk ? 'PK' : pick(W.PARTNERS)[0];
  const [f, l] = pk
    ? [pick(W.FIRST_NAMES_PK), pick(W.LAST_NAMES_PK)]
    : [pick(W.FIRST_NAMES_FOREIGN), pick(W.LAST_NAMES_FOREIGN)];
  const aliases = !pk && chance(0.4) ? [l[1]] : [];
  const [title, titleUr] = pick(W.POSITION_TITLES);
  people.push({
    id,
    nameEn: `${f[0]} ${l[0]}`,
    nameUr: `${f[1]} ${l[1]}`,
    nameRu: pk ? null : `${f[2]} ${l[2]}`,
    aliases,
    countryCode,
    titleEn: title,
    titleUr,
  });
}
const orgCandidates = [];
for (const code of ['PK', ...W.PARTNERS.map((p) => p[0])]) {
  for (const [e, u] of W.MINISTRY_DOMAINS)
    orgCandidates.push({
      nameEn: `Ministry of ${e} of ${countryEn(code)}`,
      nameUr: `وزارت ${u} ${countryUr(code)}`,
      kind: 'ministry',
      code,
    });
  for (const [e, u, kind] of W.COMPANY_KINDS)
    orgCandidates.push({ nameEn: `${countryEn(code)} ${e}`, nameUr: `${countryUr(code)} ${u}`, kind, code });
}
const organizations = [];
for (let id = 1; id <= 600; id++) {
  const c = orgCandidates[(id - 1) % orgCandidates.length];
  const round = Math.floor((id - 1) / orgCandidates.length);
  const nameEn = round ? `${c.nameEn} (${round + 1})` : c.nameEn;
  const acronym = nameEn
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
  organizations.push({
    id,
    nameEn,
    nameUr: round ? `${c.nameUr} (${round + 1})` : c.nameUr,
    nameRu: null,
    acronym,
    countryCode: c.code,
    kind: c.kind,
  });
}
const STAGES = [
  'announced',
  'under_negotiation',
  'mou_signed',
  'agreement_signed',
  'feasibility',
  'implementation',
  'pilot',
  'operational',
];
const initiatives = [];
const milestones = [];
for (let id = 1; id <= 10_000; id++) {
  const sectorCode = pick(sectorCodes);
  const sector = W.PROJECTS[sectorCode];
  const project = pick(sector.items);
  const partner = pick(W.PARTNERS)[0];
  const place = pick(W.PLACES_PK);
  const countryCodes = ['PK', partner];
  let titleEn;
  let titleUr;
  if (sectorCode === 'rail') {
    const far = pick(W.PLACES_ABROAD);
    titleEn = `${project[0]} ${far[0]}–${place[0]}`;
    titleUr = `${far[1]} ${place[1]} ${project[1]}`;
    if (far[2] !== partner && far[2] !== 'PK') countryCodes.push(far[2]);
  } else {
    titleEn = `${project[0]} in ${place[0]}`;
    titleUr = `${place[1]} میں ${project[1]}`;
  }
  const code = `${partner}-${sectorCode.toUpperCase().replace(/_/g, '')}-${String(id).padStart(5, '0')}`;
  initiatives.push({
    id,
    code,
    titleEn,
    titleUr,
    tags: chance(0.6) ? [pick(sector.tags)] : [],
    sectorIds: [sectorId.get(sectorCode)],
    countryCodes,
    stage: pick(STAGES),
  });
  for (let k = 0; k < 10; k++) {
    const [, mEn, mUr] = pick(W.MILESTONE_TEMPLATES);
    milestones.push({
      id: milestones.length + 1,
      initiativeId: id,
      titleEn: mEn,
      titleUr: mUr,
      plannedDate: `202${int(4, 7)}-0${int(1, 9)}-01`,
      state: 'planned',
    });
  }
}
const engagements = [];
for (let id = 1; id <= 3000; id++) {
  const [placeEn, placeUr] = chance(0.5)
    ? pick(W.PLACES_PK)
    : Object.values(W.CAPITALS)[int(0, Object.keys(W.CAPITALS).length - 1)];
  engagements.push({
    id,
    startDate: `2025-0${int(1, 9)}-1${int(0, 9)}`,
    placeEn,
    placeUr,
    forumName: chance(0.3) ? pick(W.FORUMS)[0] : null,
    initiativeIds: [int(1, 10_000)],
    participantIds: [int(1, 2000), int(1, 2000)],
  });
}
const positions = people.map((p, i) => ({
  id: i + 1,
  personId: p.id,
  titleEn: p.titleEn,
  titleUr: p.titleUr,
  organizationId: int(1, 600),
}));
const data = { people, organizations, countries, sectors, initiatives, milestones, engagements, positions };
export { data };

// ------------------------------------------------------------------------------------------------ the article
// Sentences in the press's style about the generated world: meetings, visits, signings, announced dates.
function sentenceUr() {
  const a = pick(people);
  const b = pick(people);
  const i = pick(initiatives);
  const [city] = [pick(W.PLACES_PK)];
  const month = pick([
    'جنوری',
    'فروری',
    'مارچ',
    'اپریل',
    'مئی',
    'جون',
    'جولائی',
    'اگست',
    'ستمبر',
    'اکتوبر',
    'نومبر',
    'دسمبر',
  ]);
  return pick([
    `${a.titleUr} ${a.nameUr} نے ${city[1]} میں ${countryUr(b.countryCode)} کے ${b.titleUr} ${b.nameUr} سے ملاقات کی، جس میں ${i.titleUr} پر تبادلہ خیال کیا گیا۔`,
    `جمعرات کو دونوں ممالک کے درمیان ${i.titleUr} کے منصوبے پر مفاہمتی یادداشت پر دستخط کیے گئے۔`,
    `${a.nameUr} نے کہا کہ ${month} ${int(2025, 2027)} میں ${pick(W.MILESTONE_TEMPLATES)[2]} متوقع ہے اور توانائی، پن بجلی اور ایل پی جی کے شعبوں میں تعاون کے وسیع امکانات موجود ہیں۔`,
    `وزیر اعظم کے معاون خصوصی ${a.nameUr} نے ${int(1, 28)} ${month} کو ${pick(Object.values(W.CAPITALS))[1]} کا دورہ کیا اور ${pick(W.FORUMS)[1]} کے موقع پر ملاقاتیں کیں۔`,
    `پاکستان اور ${countryUr(b.countryCode)} کے بین الحکومتی کمیشن کا ${pick(['دسواں', 'گیارہواں', 'بارہواں'])} اجلاس رواں سال ${city[1]} میں ہوگا جس میں ${i.titleUr} اہم ایجنڈا ہوگا۔`,
  ]);
}
function sentenceEn() {
  const a = pick(people);
  const b = pick(people);
  const i = pick(initiatives);
  const city = pick(W.PLACES_PK);
  const month = pick([
    'January',
    'February',
    'March',
    'April',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ]);
  return pick([
    `${a.titleEn} ${a.nameEn} met ${countryEn(b.countryCode)}'s ${b.titleEn} ${b.nameEn} in ${city[0]} on Thursday and discussed the ${i.titleEn}.`,
    `The two sides signed a memorandum of understanding on the ${i.titleEn} on ${int(1, 28)} ${month} ${int(2024, 2025)}.`,
    `${a.nameEn} said the ${pick(W.MILESTONE_TEMPLATES)[1].toLowerCase()} was expected in ${month} ${int(2025, 2027)}, adding that energy, hydropower and LPG offered wide prospects.`,
    `Special Assistant to the Prime Minister ${a.nameEn} visited ${pick(Object.values(W.CAPITALS))[0]} on the sidelines of the ${pick(W.FORUMS)[0]}.`,
    `The ${int(2, 12)}th session of the Pakistan–${countryEn(b.countryCode)} Intergovernmental Commission will be held in ${city[0]} later this year, with the ${i.titleEn} high on its agenda.`,
  ]);
}
function article(make) {
  const parts = [];
  let words = 0;
  while (words < WORDS) {
    const s = make();
    parts.push(s);
    words += s.split(/\s+/).length;
  }
  return { text: parts.join(parts.length % 3 ? ' ' : '\n'), words };
}
const articles = { ur: article(sentenceUr), en: article(sentenceEn) };

// ------------------------------------------------------------------------------------------------ measuring
/** Wall time and this process's CPU time (user + system) of one call: on a shared machine the CPU time shows the
 * cost of the work itself, the wall time what a caller waited. */
function time(fn) {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const r = fn();
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const cpu = process.cpuUsage(c);
  return { ms: wall, cpu: (cpu.user + cpu.system) / 1000, r };
}

const cpu = new CpuMeter().start();
process.stdout.write(
  `Gazetteer: ${people.length} people, ${organizations.length} organizations, ${initiatives.length} initiatives, ${milestones.length} milestones, ${engagements.length} engagements\n`,
);

// Baseline of the rebuild: fold every name, title and tag once.
const names = [
  ...people.flatMap((p) => [p.nameEn, p.nameUr, p.nameRu, ...p.aliases]),
  ...organizations.flatMap((o) => [o.nameEn, o.nameUr, o.acronym]),
  ...initiatives.flatMap((i) => [i.code, i.titleEn, i.titleUr, ...i.tags]),
  ...milestones.flatMap((m) => [m.titleEn, m.titleUr]),
];
const buildTimes = [];
const buildCpu = [];
const foldTimes = [];
let gazetteer;
for (let b = 0; b < (args['analyse-only'] ? 1 : BUILDS + 1); b++) {
  foldTimes.push(time(() => names.map((n) => normalizeText(n))).ms);
  const t = time(() => buildGazetteer(data));
  gazetteer = t.r;
  buildTimes.push(t.ms);
  buildCpu.push(t.cpu);
}
buildTimes.shift(); // the first build warms the JIT
buildCpu.shift();
foldTimes.shift();

const empty = buildGazetteer({
  people: [],
  organizations: [],
  countries: [],
  sectors: [],
  initiatives: [],
  milestones: [],
});
const results = [];
for (const [lang, a] of Object.entries(articles)) {
  const opts = { gazetteer, publishedAt: '2025-07-11' };
  for (let w = 0; w < 10; w++) analyse(a.text, opts);
  const full = [];
  const fullCpu = [];
  const base = [];
  let last;
  for (let r = 0; r < RUNS; r++) {
    const t = time(() => analyse(a.text, opts));
    full.push(t.ms);
    fullCpu.push(t.cpu);
    last = t.r;
    base.push(time(() => analyse(a.text, { gazetteer: empty, publishedAt: '2025-07-11' })).ms);
  }
  results.push({
    lang,
    words: a.words,
    chars: a.text.length,
    p50: percentile(full, 50),
    p95: percentile(full, 95),
    cpuP50: percentile(fullCpu, 50),
    cpuP95: percentile(fullCpu, 95),
    baseP50: percentile(base, 50),
    mentions: last.mentions.length,
    proposals: last.proposals.length,
  });
}
const others = othersCpuPercent(cpu);
const build = {
  p50: percentile(buildTimes, 50),
  max: Math.max(...buildTimes),
  cpuP50: percentile(buildCpu, 50),
  cpuMax: Math.max(...buildCpu),
  fold: percentile(foldTimes, 50),
};

const rows = results.map((r) => [
  `analyse, ${r.lang} article (${r.words} words, ${r.mentions} mentions, ${r.proposals} proposals)`,
  ms(r.p50),
  ms(r.p95),
  `${ms(r.cpuP50)} / ${ms(r.cpuP95)}`,
  '< 200 ms p95',
  `${(r.p50 / r.baseP50).toFixed(1)}× empty gazetteer (${ms(r.baseP50)})`,
]);
rows.push([
  `buildGazetteer (${BUILDS} rebuilds)`,
  ms(build.p50),
  `max ${ms(build.max)}`,
  `${ms(build.cpuP50)} / max ${ms(build.cpuMax)}`,
  '< 1 s',
  `${(build.p50 / build.fold).toFixed(1)}× folding every name (${ms(build.fold)})`,
]);
const headers = ['measure', 'wall p50', 'wall p95', 'CPU p50 / p95', 'goal', 'ratio to baseline'];
process.stdout.write(
  `\n${table(headers, rows)}\n\nothers CPU while measuring: ${others ?? 'n/a'} %; ${RUNS} runs per article\n`,
);

const m = machine();
writeFileSync(
  out('intake.json'),
  JSON.stringify({ at: new Date().toISOString(), machine: m, results, build, others }, null, 2),
);
if (!args['no-docs']) {
  updateDocsSection(
    'intake',
    `### Intake engine (\`npm run bench:intake\`), ${new Date().toISOString().slice(0, 10)}

${m.cores} cores (${m.cpu}), Node ${m.node}; others CPU ${others ?? 'n/a'} %. Gazetteer: ${people.length} people,
${organizations.length} organizations, ${initiatives.length} initiatives, ${milestones.length} milestones, ${engagements.length} engagements (generated from
tests/bench/words.mjs). Articles of about ${WORDS} words in the press's style about that world; ${RUNS} runs each.

${markdownTable(headers, rows)}`,
  );
}
