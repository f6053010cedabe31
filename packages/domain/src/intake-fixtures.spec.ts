import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { canTransition } from './lifecycle';
import { hasArabicScript, normalizeText } from './text';
import { AGREEMENT_KINDS, ENGAGEMENT_FORMATS, INITIATIVE_STAGES, MILESTONE_STATES, ORGANIZATION_KINDS } from './values';
import type { InitiativeStage } from './enums';

// The labelled article set of tests/fixtures/intake (see its README.md): every label file parses, refers only to
// what gazetteer.json knows, uses the domain's enum values and real dates, and every name, place, forum and
// position it labels is written in the article. The accuracy of the recogniser is measured against these labels,
// so a label that cannot be right would make that measure lie.

const ROOT = join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'intake');
const SEED_ARTICLES = join(__dirname, '..', '..', '..', 'prisma', 'seed', 'articles');

// ---- shapes ------------------------------------------------------------------------------------------------

const isoDate = z.string().refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'not a real YYYY-MM-DD date');
const key = z.string().regex(/^[a-z0-9_-]+$/, 'a key is lower-case letters, digits, - and _');
const countryCode = z.string().regex(/^[A-Z]{2}$/);
const nonEmpty = z.string().trim().min(1);

const Gazetteer = z.strictObject({
  sectors: z.array(z.strictObject({ key, code: key, nameEn: nonEmpty, nameUr: nonEmpty })),
  countries: z.array(z.strictObject({ code: countryCode, nameEn: nonEmpty, nameUr: nonEmpty })),
  people: z.array(
    z.strictObject({
      key,
      nameEn: nonEmpty,
      nameUr: nonEmpty.nullable(),
      nameRu: nonEmpty.nullable(),
      aliases: z.array(nonEmpty),
      countryCode: countryCode.nullable(),
      titleEn: nonEmpty.nullable(),
      titleUr: nonEmpty.nullable(),
      organization: key.nullable(),
    }),
  ),
  organizations: z.array(
    z.strictObject({
      key,
      nameEn: nonEmpty,
      nameUr: nonEmpty.nullable(),
      nameRu: nonEmpty.nullable(),
      acronym: nonEmpty.nullable(),
      countryCode: countryCode.nullable(),
      kind: z.enum(ORGANIZATION_KINDS),
    }),
  ),
  initiatives: z.array(
    z.strictObject({
      key,
      code: nonEmpty,
      titleEn: nonEmpty,
      titleUr: nonEmpty,
      tags: z.array(nonEmpty),
      sectors: z.array(key).min(1),
      countries: z.array(countryCode).min(1),
      stage: z.enum(INITIATIVE_STAGES),
    }),
  ),
  milestones: z.array(
    z.strictObject({
      key,
      initiative: key,
      titleEn: nonEmpty,
      titleUr: nonEmpty,
      plannedDate: isoDate.nullable(),
      state: z.enum(MILESTONE_STATES),
    }),
  ),
});
type Gazetteer = z.infer<typeof Gazetteer>;

const Ref = z.union([z.strictObject({ key }), z.strictObject({ name: nonEmpty })]);
type Ref = z.infer<typeof Ref>;
const PersonRef = z.union([key, z.strictObject({ name: nonEmpty })]);
type PersonRef = z.infer<typeof PersonRef>;
const DateValue = z.strictObject({ date: isoDate, precision: z.enum(['day', 'month', 'year']) });
type DateValue = z.infer<typeof DateValue>;

const Labels = z.strictObject({
  language: z.enum(['ur', 'en']),
  publisher: nonEmpty,
  publishedAt: isoDate,
  title: nonEmpty,
  url: z.url().optional(),
  source: nonEmpty.optional(),
  note: nonEmpty.optional(),
  sameEventAs: z.array(nonEmpty).optional(),
  mentions: z.strictObject({
    person: z.array(Ref),
    position: z.array(nonEmpty),
    organization: z.array(Ref),
    country: z.array(countryCode),
    place: z.array(nonEmpty),
    sector: z.array(key),
    initiative: z.array(key),
    forum: z.array(nonEmpty),
    date: z.array(DateValue),
  }),
  proposals: z.strictObject({
    engagement: z.array(
      z.strictObject({
        date: isoDate,
        endDate: isoDate.optional(),
        place: nonEmpty.nullable(),
        participants: z.array(PersonRef),
        initiatives: z.array(key),
        format: z.enum(ENGAGEMENT_FORMATS),
        forum: nonEmpty.nullable(),
        sessionNumber: z.number().int().positive().nullable(),
        status: z.enum(['held', 'planned']),
      }),
    ),
    agreement: z.array(
      z.strictObject({
        kind: z.enum(AGREEMENT_KINDS),
        date: isoDate,
        place: nonEmpty.nullable(),
        signatories: z.array(PersonRef),
        parties: z.array(countryCode).min(2),
        initiatives: z.array(key),
      }),
    ),
    evidence: z.array(z.strictObject({ initiative: key })),
    milestone_date: z.array(
      z.union([
        z.strictObject({ milestone: key, date: isoDate, precision: DateValue.shape.precision }),
        z.strictObject({ initiative: key, title: nonEmpty, date: isoDate, precision: DateValue.shape.precision }),
      ]),
    ),
    status_change: z.array(
      z.strictObject({
        initiative: key,
        fromStage: z.enum(INITIATIVE_STAGES),
        toStage: z.enum(INITIATIVE_STAGES),
      }),
    ),
    new_person: z.array(
      z.strictObject({
        name: nonEmpty,
        title: nonEmpty.nullable(),
        organization: Ref.nullable(),
        country: countryCode.nullable(),
      }),
    ),
  }),
});
type Labels = z.infer<typeof Labels>;

// ---- reading -----------------------------------------------------------------------------------------------

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`${file}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

interface Article {
  set: 'articles' | 'holdout';
  slug: string;
  text: string;
  labelsFile: string;
}

function readSet(set: Article['set']): Article[] {
  const dir = join(ROOT, set);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const slug = f.slice(0, -4);
      return { set, slug, text: readFileSync(join(dir, f), 'utf8'), labelsFile: join(dir, `${slug}.json`) };
    });
}

const gazetteer = parse(Gazetteer, join(ROOT, 'gazetteer.json'));
const articles = [...readSet('articles'), ...readSet('holdout')];

// ---- text matching -----------------------------------------------------------------------------------------

/** Folded for containment: the domain's normalisation, then no spaces (وزیراعظم = وزیر اعظم; glued case markers). */
const fold = (s: string) => normalizeText(s).replace(/ /g, '');

/** The spellings a phrase may take in running Urdu: an oblique ending (سفارت خانہ → سفارت خانے). */
function variants(s: string): string[] {
  const f = fold(s);
  return f.endsWith('ہ') ? [f, `${f.slice(0, -1)}ے`] : [f];
}

function writtenIn(text: string, phrase: string): boolean {
  const folded = fold(text);
  return variants(phrase).some((v) => folded.includes(v));
}

/** An acronym is found as a whole word only (PR is not in "project"). */
function acronymIn(text: string, acronym: string): boolean {
  return ` ${normalizeText(text)} `.includes(` ${normalizeText(acronym)} `);
}

// The adjectives and short forms the press uses for a country, beyond its name.
const COUNTRY_FORMS: Record<string, string[]> = {
  PK: ['Pakistani', 'Pak-', 'پاک ', 'پاکستانی'],
  RU: ['Russian', 'روسی'],
  UZ: ['Uzbek', 'ازبک'],
  CN: ['Chinese', 'چینی', 'پاک چین'],
  TR: ['Turkish', 'Turkiye', 'Turkey', 'ترک'],
  SA: ['Saudi', 'سعودی'],
  AE: ['UAE', 'Emirati', 'Abu Dhabi', 'ابوظہبی', 'اماراتی'],
  IR: ['Iranian', 'ایرانی'],
  AZ: ['Azerbaijani', 'آذری'],
  KZ: ['Kazakh', 'قازق'],
  QA: ['Qatari', 'قطری'],
  MY: ['Malaysian', 'ملائیشین', 'ملائشیا'],
  AF: ['Afghan', 'افغان'],
};

function countryIn(text: string, code: string): boolean {
  const c = gazetteer.countries.find((x) => x.code === code)!;
  return [c.nameEn, c.nameUr, ...(COUNTRY_FORMS[code] ?? [])].some((form) => writtenIn(text, form));
}

// ---- lookups -----------------------------------------------------------------------------------------------

const byKey = <T extends { key: string }>(list: T[]) => new Map(list.map((x) => [x.key, x]));
const people = byKey(gazetteer.people);
const organizations = byKey(gazetteer.organizations);
const initiatives = byKey(gazetteer.initiatives);
const milestones = byKey(gazetteer.milestones);
const sectors = byKey(gazetteer.sectors);
const countries = new Set(gazetteer.countries.map((c) => c.code));

const dateId = (d: DateValue) => `${d.date}/${d.precision}`;
const refId = (r: Ref | PersonRef) =>
  typeof r === 'string' ? `key:${r}` : 'key' in r ? `key:${r.key}` : `name:${fold(r.name)}`;

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

// ---- the gazetteer -----------------------------------------------------------------------------------------

describe('tests/fixtures/intake/gazetteer.json', () => {
  it('has unique keys and codes', () => {
    for (const [what, values] of Object.entries({
      sectors: gazetteer.sectors.map((s) => s.key),
      'sector codes': gazetteer.sectors.map((s) => s.code),
      countries: gazetteer.countries.map((c) => c.code),
      people: gazetteer.people.map((p) => p.key),
      organizations: gazetteer.organizations.map((o) => o.key),
      initiatives: gazetteer.initiatives.map((i) => i.key),
      'initiative codes': gazetteer.initiatives.map((i) => i.code),
      milestones: gazetteer.milestones.map((m) => m.key),
    })) {
      expect({ what, duplicates: duplicates(values) }).toEqual({ what, duplicates: [] });
    }
  });

  it('refers only to sectors, countries, organisations and initiatives it defines', () => {
    const problems: string[] = [];
    for (const p of gazetteer.people) {
      if (p.countryCode && !countries.has(p.countryCode)) problems.push(`person ${p.key}: country ${p.countryCode}`);
      if (p.organization && !organizations.has(p.organization))
        problems.push(`person ${p.key}: organization ${p.organization}`);
    }
    for (const o of gazetteer.organizations)
      if (o.countryCode && !countries.has(o.countryCode)) problems.push(`organization ${o.key}: ${o.countryCode}`);
    for (const i of gazetteer.initiatives) {
      for (const s of i.sectors) if (!sectors.has(s)) problems.push(`initiative ${i.key}: sector ${s}`);
      for (const c of i.countries) if (!countries.has(c)) problems.push(`initiative ${i.key}: country ${c}`);
    }
    for (const m of gazetteer.milestones)
      if (!initiatives.has(m.initiative)) problems.push(`milestone ${m.key}: initiative ${m.initiative}`);
    expect(problems).toEqual([]);
  });

  it('gives every person an Urdu name and at least one other spelling for some of them', () => {
    expect(gazetteer.people.filter((p) => !p.nameUr).map((p) => p.key)).toEqual([]);
    const withUrduAlias = gazetteer.people.filter((p) => p.aliases.some(hasArabicScript));
    expect(withUrduAlias.length).toBeGreaterThanOrEqual(10);
  });
});

// ---- each article ------------------------------------------------------------------------------------------

const WORDS = { min: 250, max: 900 };
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe.each(articles.map((a) => [`${a.set}/${a.slug}`, a] as const))('%s', (_name, article) => {
  const { text } = article;
  let labels: Labels;

  beforeAll(() => {
    expect(existsSync(article.labelsFile)).toBe(true);
    labels = parse(Labels, article.labelsFile);
  });

  it('has labels that parse, and a language, date and length that fit its text', () => {
    expect(article.slug.startsWith(labels.publishedAt)).toBe(true);
    expect(labels.language === 'ur').toBe(hasArabicScript(text));
    if (!article.slug.includes('-seed-')) {
      const words = wordCount(text);
      expect(words).toBeGreaterThanOrEqual(WORDS.min);
      expect(words).toBeLessThanOrEqual(WORDS.max);
    }
  });

  it('labels each mention once, with only known keys and codes', () => {
    const m = labels.mentions;
    const problems: string[] = [];
    for (const r of m.person) if ('key' in r && !people.has(r.key)) problems.push(`person ${r.key}`);
    for (const r of m.organization) if ('key' in r && !organizations.has(r.key)) problems.push(`organization ${r.key}`);
    for (const c of m.country) if (!countries.has(c)) problems.push(`country ${c}`);
    for (const s of m.sector) if (!sectors.has(s)) problems.push(`sector ${s}`);
    for (const i of m.initiative) if (!initiatives.has(i)) problems.push(`initiative ${i}`);
    expect(problems).toEqual([]);
    expect({
      person: duplicates(m.person.map(refId)),
      position: duplicates(m.position.map(fold)),
      organization: duplicates(m.organization.map(refId)),
      country: duplicates(m.country),
      place: duplicates(m.place.map(fold)),
      sector: duplicates(m.sector),
      initiative: duplicates(m.initiative),
      forum: duplicates(m.forum.map(fold)),
      date: duplicates(m.date.map(dateId)),
    }).toEqual({
      person: [],
      position: [],
      organization: [],
      country: [],
      place: [],
      sector: [],
      initiative: [],
      forum: [],
      date: [],
    });
  });

  it('labels only what the text writes: names, positions, places, forums, organisations, countries', () => {
    const m = labels.mentions;
    const missing: string[] = [];
    for (const r of m.person) {
      if ('name' in r) {
        if (!writtenIn(text, r.name)) missing.push(`person "${r.name}"`);
      } else {
        const p = people.get(r.key)!;
        const spellings = [p.nameEn, p.nameUr, ...p.aliases].filter((s): s is string => !!s);
        if (!spellings.some((s) => writtenIn(text, s))) missing.push(`person ${r.key} (no known spelling in text)`);
      }
    }
    for (const r of m.organization) {
      if ('name' in r) {
        if (!writtenIn(text, r.name)) missing.push(`organization "${r.name}"`);
      } else {
        const o = organizations.get(r.key)!;
        const found =
          [o.nameEn, o.nameUr].some((s) => !!s && writtenIn(text, s)) || (!!o.acronym && acronymIn(text, o.acronym));
        if (!found) missing.push(`organization ${r.key}`);
      }
    }
    for (const s of m.position) if (!writtenIn(text, s)) missing.push(`position "${s}"`);
    for (const s of m.place) if (!writtenIn(text, s)) missing.push(`place "${s}"`);
    for (const s of m.forum) if (!writtenIn(text, s)) missing.push(`forum "${s}"`);
    for (const c of m.country) if (!countryIn(text, c)) missing.push(`country ${c}`);
    expect(missing).toEqual([]);
  });

  it('gives dates at the start of their month or year, within a plausible span', () => {
    const bad = labels.mentions.date.filter(
      (d) =>
        (d.precision === 'month' && !d.date.endsWith('-01')) ||
        (d.precision === 'year' && !d.date.endsWith('-01-01')) ||
        d.date < '2015-01-01' ||
        d.date > '2030-12-31',
    );
    expect(bad).toEqual([]);
  });

  it('builds proposals only from labelled mentions', () => {
    const m = labels.mentions;
    const p = labels.proposals;
    const personIds = new Set(m.person.map(refId));
    const initiativeKeys = new Set(m.initiative);
    const dates = new Set(m.date.map(dateId));
    const day = (date: string) => dateId({ date, precision: 'day' });
    const problems: string[] = [];
    const checkPeople = (what: string, refs: PersonRef[]) => {
      for (const r of refs) if (!personIds.has(refId(r))) problems.push(`${what}: person ${refId(r)} not mentioned`);
    };
    const checkInitiatives = (what: string, keys: string[]) => {
      for (const k of keys) if (!initiativeKeys.has(k)) problems.push(`${what}: initiative ${k} not mentioned`);
    };
    for (const e of p.engagement) {
      const what = `engagement ${e.date}`;
      if (!dates.has(day(e.date))) problems.push(`${what}: date not among the date mentions`);
      if (e.endDate && !dates.has(day(e.endDate))) problems.push(`${what}: endDate not among the date mentions`);
      if (e.place && !m.place.some((pl) => fold(pl) === fold(e.place!))) problems.push(`${what}: place not a mention`);
      if (e.forum && !m.forum.some((f) => fold(f) === fold(e.forum!))) problems.push(`${what}: forum not a mention`);
      if (e.format === 'igc_session' && (e.sessionNumber === null || e.forum === null))
        problems.push(`${what}: an IGC session has a forum and a number`);
      if (e.format === 'multilateral_sidelines' && e.forum === null)
        problems.push(`${what}: sidelines of a forum name the forum`);
      checkPeople(what, e.participants);
      checkInitiatives(what, e.initiatives);
    }
    for (const a of p.agreement) {
      const what = `agreement ${a.kind} ${a.date}`;
      if (!dates.has(day(a.date))) problems.push(`${what}: date not among the date mentions`);
      if (a.place && !m.place.some((pl) => fold(pl) === fold(a.place!))) problems.push(`${what}: place not a mention`);
      for (const c of a.parties) if (!m.country.includes(c)) problems.push(`${what}: party ${c} not mentioned`);
      checkPeople(what, a.signatories);
      checkInitiatives(what, a.initiatives);
    }
    checkInitiatives(
      'evidence',
      p.evidence.map((e) => e.initiative),
    );
    expect(duplicates(p.evidence.map((e) => e.initiative))).toEqual([]);
    for (const md of p.milestone_date) {
      const what = `milestone_date ${md.date}`;
      if (!dates.has(dateId(md))) problems.push(`${what}: date/precision not among the date mentions`);
      if ('milestone' in md) {
        const known = milestones.get(md.milestone);
        if (!known) problems.push(`${what}: unknown milestone ${md.milestone}`);
        else checkInitiatives(what, [known.initiative]);
      } else {
        checkInitiatives(what, [md.initiative]);
        if (!writtenIn(text, md.title)) problems.push(`${what}: title "${md.title}" not in text`);
      }
    }
    for (const s of p.status_change) {
      const what = `status_change ${s.initiative}`;
      const known = initiatives.get(s.initiative);
      checkInitiatives(what, [s.initiative]);
      if (known && known.stage !== s.fromStage) problems.push(`${what}: fromStage is not the gazetteer's stage`);
      if (!canTransition(s.fromStage as InitiativeStage, s.toStage as InitiativeStage))
        problems.push(`${what}: ${s.fromStage} → ${s.toStage} is not an allowed move`);
    }
    expect(problems).toEqual([]);
  });

  it('proposes every unknown person it names, and no one else', () => {
    const named = labels.mentions.person.filter((r): r is { name: string } => 'name' in r).map((r) => fold(r.name));
    const proposed = labels.proposals.new_person.map((n) => fold(n.name));
    expect([...proposed].sort()).toEqual([...named].sort());
    for (const n of labels.proposals.new_person) {
      if (n.country) expect(countries.has(n.country)).toBe(true);
      if (n.title) expect(writtenIn(text, n.title)).toBe(true);
      if (n.organization && 'key' in n.organization) expect(organizations.has(n.organization.key)).toBe(true);
    }
  });

  it('names only articles of its own set as reports of the same event, and they name it back', () => {
    for (const other of labels.sameEventAs ?? []) {
      const twin = articles.find((a) => a.set === article.set && a.slug === other);
      expect(twin).toBeDefined();
      const twinLabels = parse(Labels, twin!.labelsFile);
      expect(twinLabels.sameEventAs ?? []).toContain(article.slug);
      expect(twinLabels.publishedAt).toBe(labels.publishedAt);
    }
  });
});

// ---- the set as a whole ------------------------------------------------------------------------------------

describe('the labelled set', () => {
  const main = articles.filter((a) => a.set === 'articles');
  const holdout = articles.filter((a) => a.set === 'holdout');
  const labelsOf = (a: Article) => parse(Labels, a.labelsFile);

  it('has the size and mix the accuracy test relies on', () => {
    const lang = (list: Article[], l: string) => list.filter((a) => labelsOf(a).language === l).length;
    expect(main.length).toBeGreaterThanOrEqual(16);
    expect(lang(main, 'ur')).toBeGreaterThanOrEqual(8);
    expect(lang(main, 'en')).toBeGreaterThanOrEqual(6);
    expect(lang(holdout, 'ur')).toBeGreaterThanOrEqual(3);
    expect(lang(holdout, 'en')).toBeGreaterThanOrEqual(3);
    // The same slug in both sets would leak the holdout.
    expect(main.filter((a) => holdout.some((h) => h.slug === a.slug))).toEqual([]);
  });

  it('keeps the two shared articles exactly as the seed has them', () => {
    const seed = (file: string) => {
      const raw = readFileSync(join(SEED_ARTICLES, file), 'utf8');
      const sep = raw.indexOf('\n---\n');
      return (sep < 0 ? raw : raw.slice(sep + 5)).trim();
    };
    const text = (slug: string) => main.find((a) => a.slug === slug)!.text.trim();
    expect(text('2025-07-11-mashriq-nama-seed-ur')).toBe(seed('seed-mashriq-nama-ur.txt'));
    expect(text('2025-07-11-thenews-seed-en')).toBe(seed('2025-07-11-thenews-en.txt'));
  });

  it('covers what recognition must handle: Arabic-encoded letters, Urdu digits, a duplicate, empty articles', () => {
    const urdu = main.filter((a) => labelsOf(a).language === 'ur');
    expect(urdu.some((a) => /\u064A/.test(a.text) && /\u0643/.test(a.text) && /\u0647/.test(a.text))).toBe(true);
    expect(urdu.some((a) => /[\u06F0-\u06F9]/.test(a.text))).toBe(true);
    expect(main.some((a) => (labelsOf(a).sameEventAs ?? []).length > 0)).toBe(true);
    expect(main.filter((a) => labelsOf(a).mentions.initiative.length === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('uses both spellings of some known people within one article', () => {
    const twoSpellings = main.filter((a) =>
      labelsOf(a).mentions.person.some((r) => {
        if (!('key' in r)) return false;
        const p = people.get(r.key)!;
        const found = [
          ...new Set(
            [p.nameEn, p.nameUr, ...p.aliases].filter((s): s is string => !!s && writtenIn(a.text, s)).map(fold),
          ),
        ];
        // A short form inside a longer one (اوورچک in الیکسی اوورچک) is not a second spelling.
        return found.filter((f) => !found.some((g) => g !== f && g.includes(f))).length >= 2;
      }),
    );
    expect(twoSpellings.length).toBeGreaterThanOrEqual(5);
  });
});

// ---- saved pages -------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m);
}

const pages = readdirSync(join(ROOT, 'html'))
  .filter((f) => f.endsWith('.html'))
  .sort();

describe('tests/fixtures/intake/html', () => {
  it('holds two Urdu and two English pages', () => {
    const langs = pages.map((f) => labelsOfSlug(f.slice(0, -5)).language);
    expect(langs.filter((l) => l === 'ur').length).toBeGreaterThanOrEqual(2);
    expect(langs.filter((l) => l === 'en').length).toBeGreaterThanOrEqual(2);
  });

  it.each(pages)('%s carries its article whole, with news-page metadata around it', (file) => {
    const slug = file.slice(0, -5);
    const article = articles.find((a) => a.set === 'articles' && a.slug === slug);
    expect(article).toBeDefined();
    const labels = labelsOfSlug(slug);
    const html = readFileSync(join(ROOT, 'html', file), 'utf8');
    const body = fold(pageText(html));
    const paragraphs = article!.text.split('\n').filter((l) => l.trim() !== '');
    expect(paragraphs.filter((para) => !body.includes(fold(para)))).toEqual([]);
    expect(html).toMatch(/<script\b/i);
    expect(html).toMatch(/<style\b/i);
    expect(html).toMatch(/<nav\b/i);
    expect(html).toMatch(/<meta\s+property="og:title"/i);
    const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1]) as Record<string, unknown>,
    );
    const news = ld.find((x) => x['@type'] === 'NewsArticle');
    expect(news).toBeDefined();
    expect(String(news!.datePublished).slice(0, 10)).toBe(labels.publishedAt);
    expect(news!.publisher).toEqual(expect.objectContaining({ '@type': 'Organization' }));
  });
});

function labelsOfSlug(slug: string): Labels {
  return parse(Labels, join(ROOT, 'articles', `${slug}.json`));
}
