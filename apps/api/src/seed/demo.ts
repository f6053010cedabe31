import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Prisma } from '@rabta/db';
import { searchTextOf, type Health, type InitiativeStage } from '@rabta/domain';
import { sourceContentHash } from '../common/hash';

// The demo portfolio: the story of prisma/seed/articles — Pakistan–Russia meetings
// of Thursday 10 July 2025 in Kuala Lumpur and Moscow — with people, initiatives, milestones, engagements, the
// two articles as sources with quoted evidence, and a status history whose two clocks differ (the steel-mill
// agreement was signed on 13 May 2025 but Rabta learned it from the press on 11 July).

type Tx = Prisma.TransactionClient;

const ARTICLES_DIR = join(__dirname, '..', '..', '..', '..', 'prisma', 'seed', 'articles');
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string) => new Date(iso);

function readArticle(file: string): { meta: Record<string, string>; text: string } {
  const raw = readFileSync(join(ARTICLES_DIR, file), 'utf8');
  const sep = raw.indexOf('\n---\n');
  if (sep < 0) return { meta: {}, text: raw.trim() };
  const meta = Object.fromEntries(
    raw
      .slice(0, sep)
      .split('\n')
      .map((l) => l.split(/:\s(.*)/s).slice(0, 2) as [string, string]),
  );
  return { meta, text: raw.slice(sep + 5).trim() };
}

const PEOPLE = [
  {
    key: 'dar',
    nameEn: 'Ishaq Dar',
    nameUr: 'اسحاق ڈار',
    nameRu: 'Исхак Дар',
    aliases: ['Muhammad Ishaq Dar', 'Senator Ishaq Dar'],
    countryCode: 'PK',
  },
  {
    key: 'lavrov',
    nameEn: 'Sergey Lavrov',
    nameUr: 'سرگئی لاوروف',
    nameRu: 'Сергей Лавров',
    aliases: ['Sergei Lavrov'],
    countryCode: 'RU',
  },
  {
    key: 'overchuk',
    nameEn: 'Alexei Overchuk',
    nameUr: 'الیکسی اوورچک',
    nameRu: 'Алексей Оверчук',
    aliases: ['اوورچک', 'Alexey Overchuk', 'Alexel Overchuk'],
    countryCode: 'RU',
  },
  {
    key: 'fatemi',
    nameEn: 'Syed Tariq Fatemi',
    nameUr: 'سید طارق فاطمی',
    nameRu: 'Сайед Тарик Фатеми',
    aliases: ['طارق فاطمی', 'Tariq Fatemi'],
    countryCode: 'PK',
  },
  {
    key: 'haroon',
    nameEn: 'Haroon Akhtar Khan',
    nameUr: 'ہارون اختر خان',
    nameRu: 'Харун Ахтар Хан',
    aliases: ['ہارون اختر', 'Haroon Akhtar'],
    countryCode: 'PK',
  },
  {
    key: 'sorokin',
    nameEn: 'Pavel Sorokin',
    nameUr: 'پاویل سوروکن',
    nameRu: 'Павел Сорокин',
    aliases: ['پاول سوروکن', 'Pavel Sorokin'],
    countryCode: 'RU',
  },
  {
    key: 'putin',
    nameEn: 'Vladimir Putin',
    nameUr: 'ولادیمیر پیوٹن',
    nameRu: 'Владимир Путин',
    aliases: ['صدر پیوٹن', 'پیوٹن', 'President Putin'],
    countryCode: 'RU',
  },
] as const;
type PersonKey = (typeof PEOPLE)[number]['key'];

const ORGANIZATIONS = [
  {
    key: 'mofa_pk',
    nameEn: 'Ministry of Foreign Affairs of Pakistan',
    nameUr: 'وزارت خارجہ پاکستان',
    nameRu: 'Министерство иностранных дел Пакистана',
    acronym: 'MoFA',
    kind: 'ministry',
    countryCode: 'PK',
  },
  {
    key: 'pmo_pk',
    nameEn: "Prime Minister's Office, Pakistan",
    nameUr: 'وزیر اعظم آفس',
    nameRu: 'Канцелярия премьер-министра Пакистана',
    acronym: 'PMO',
    kind: 'government_agency',
    countryCode: 'PK',
  },
  {
    key: 'moip_pk',
    nameEn: 'Ministry of Industries and Production of Pakistan',
    nameUr: 'وزارت صنعت و پیداوار',
    nameRu: 'Министерство промышленности и производства Пакистана',
    acronym: 'MoI&P',
    kind: 'ministry',
    countryCode: 'PK',
  },
  {
    key: 'psm',
    nameEn: 'Pakistan Steel Mills',
    nameUr: 'پاکستان اسٹیل ملز',
    nameRu: 'Пакистанский металлургический комбинат',
    acronym: 'PSM',
    kind: 'state_enterprise',
    countryCode: 'PK',
  },
  {
    key: 'railways_pk',
    nameEn: 'Pakistan Railways',
    nameUr: 'پاکستان ریلوے',
    nameRu: 'Железные дороги Пакистана',
    acronym: 'PR',
    kind: 'state_enterprise',
    countryCode: 'PK',
  },
  {
    key: 'mid_ru',
    nameEn: 'Ministry of Foreign Affairs of the Russian Federation',
    nameUr: 'روسی وزارت خارجہ',
    nameRu: 'Министерство иностранных дел Российской Федерации',
    acronym: 'MID',
    kind: 'ministry',
    countryCode: 'RU',
  },
  {
    key: 'gov_ru',
    nameEn: 'Government of the Russian Federation',
    nameUr: 'روسی حکومت',
    nameRu: 'Правительство Российской Федерации',
    acronym: null,
    kind: 'government_agency',
    countryCode: 'RU',
  },
  {
    key: 'minenergo_ru',
    nameEn: 'Ministry of Energy of the Russian Federation',
    nameUr: 'روسی وزارت توانائی',
    nameRu: 'Министерство энергетики Российской Федерации',
    acronym: 'Minenergo',
    kind: 'ministry',
    countryCode: 'RU',
  },
  {
    key: 'kremlin',
    nameEn: 'Office of the President of the Russian Federation',
    nameUr: 'روسی صدر کا دفتر',
    nameRu: 'Администрация Президента Российской Федерации',
    acronym: null,
    kind: 'government_agency',
    countryCode: 'RU',
  },
  {
    key: 'rzd',
    nameEn: 'Russian Railways',
    nameUr: 'روسی ریلوے',
    nameRu: 'Российские железные дороги',
    acronym: 'RZD',
    kind: 'state_enterprise',
    countryCode: 'RU',
  },
  {
    key: 'uty',
    nameEn: 'Uzbekistan Railways',
    nameUr: 'ازبکستان ریلوے',
    nameRu: 'Узбекские железные дороги',
    acronym: 'UTY',
    kind: 'state_enterprise',
    countryCode: 'UZ',
  },
  {
    key: 'arf',
    nameEn: 'ASEAN Regional Forum',
    nameUr: 'آسیان ریجنل فورم',
    nameRu: 'Региональный форум АСЕАН',
    acronym: 'ARF',
    kind: 'multilateral_forum',
    countryCode: null,
  },
  {
    key: 'sco',
    nameEn: 'Shanghai Cooperation Organisation',
    nameUr: 'شنگھائی تعاون تنظیم',
    nameRu: 'Шанхайская организация сотрудничества',
    acronym: 'SCO',
    kind: 'international_organization',
    countryCode: null,
  },
  {
    key: 'igc',
    nameEn: 'Pakistan–Russia Intergovernmental Commission',
    nameUr: 'پاکستان-روس بین الحکومتی کمیشن',
    nameRu: 'Российско-пакистанская межправительственная комиссия',
    acronym: 'IGC',
    kind: 'other',
    countryCode: null,
  },
] as const;
type OrgKey = (typeof ORGANIZATIONS)[number]['key'];

const POSITIONS: {
  person: PersonKey;
  org: OrgKey;
  titleEn: string;
  titleUr: string;
  fromDate?: string;
  toDate?: string;
}[] = [
  {
    person: 'dar',
    org: 'mofa_pk',
    titleEn: 'Minister of Foreign Affairs',
    titleUr: 'وزیر خارجہ',
    fromDate: '2024-03-11',
    toDate: '2024-04-27',
  },
  {
    person: 'dar',
    org: 'mofa_pk',
    titleEn: 'Deputy Prime Minister and Minister of Foreign Affairs',
    titleUr: 'نائب وزیر اعظم و وزیر خارجہ',
    fromDate: '2024-04-28',
  },
  { person: 'lavrov', org: 'mid_ru', titleEn: 'Minister of Foreign Affairs', titleUr: 'وزیر خارجہ' },
  { person: 'overchuk', org: 'gov_ru', titleEn: 'Deputy Prime Minister', titleUr: 'نائب وزیر اعظم' },
  {
    person: 'fatemi',
    org: 'pmo_pk',
    titleEn: 'Special Assistant to the Prime Minister on Foreign Affairs',
    titleUr: 'وزیر اعظم کے معاون خصوصی برائے خارجہ امور',
  },
  {
    person: 'haroon',
    org: 'pmo_pk',
    titleEn: 'Special Assistant to the Prime Minister on Industries and Production',
    titleUr: 'معاون خصوصی برائے صنعت و پیداوار',
  },
  {
    person: 'sorokin',
    org: 'minenergo_ru',
    titleEn: 'First Deputy Minister of Energy',
    titleUr: 'پہلے نائب وزیر توانائی',
  },
  { person: 'putin', org: 'kremlin', titleEn: 'President of the Russian Federation', titleUr: 'روس کے صدر' },
];

interface InitiativeSeed {
  key: string;
  code: string;
  titleEn: string;
  titleUr: string;
  summaryEn: string;
  summaryUr: string;
  sectors: string[];
  countries: { code: string; role: 'host' | 'partner' | 'lead' }[];
  leads: OrgKey[];
  focal?: PersonKey;
  priority: 'low' | 'medium' | 'high' | 'critical';
  locationEn?: string;
  locationUr?: string;
  tags: string[];
}

const INITIATIVES: InitiativeSeed[] = [
  {
    key: 'steel',
    code: 'PK-RU-STEEL-KHI',
    titleEn: 'New steel mill in Karachi',
    titleUr: 'کراچی میں نئی اسٹیل مل',
    summaryEn:
      'Russian–Pakistani project to establish a new steel mill in Karachi. The agreement to establish it was signed on 13 May 2025; ' +
      'Haroon Akhtar Khan is the focal person and calls it a milestone of the two countries’ long-standing ties.',
    summaryUr:
      'کراچی میں نئی اسٹیل مل کے قیام کا پاکستان روس منصوبہ۔ اس کے قیام کے معاہدے پر 13 مئی 2025 کو دستخط ہوئے؛ ہارون اختر خان فوکل پرسن ہیں۔',
    sectors: ['steel'],
    countries: [
      { code: 'PK', role: 'host' },
      { code: 'RU', role: 'partner' },
    ],
    leads: ['moip_pk', 'psm'],
    focal: 'haroon',
    priority: 'high',
    locationEn: 'Karachi',
    locationUr: 'کراچی',
    tags: ['Pakistan Steel Mills', 'industry'],
  },
  {
    key: 'energy',
    code: 'PK-RU-ENERGY',
    titleEn: 'Pakistan–Russia energy cooperation',
    titleUr: 'پاکستان روس توانائی تعاون',
    summaryEn:
      'Ongoing energy cooperation, discussed with First Deputy Minister of Energy Pavel Sorokin; energy is a main agenda item of the 10th IGC session.',
    summaryUr:
      'جاری توانائی تعاون، جس پر روس کے پہلے نائب وزیر توانائی پاویل سوروکن سے بات ہوئی؛ آئی جی سی کے دسویں اجلاس کا اہم ایجنڈا۔',
    sectors: ['energy'],
    countries: [
      { code: 'PK', role: 'partner' },
      { code: 'RU', role: 'partner' },
    ],
    leads: ['minenergo_ru'],
    priority: 'high',
    tags: ['IGC'],
  },
  {
    key: 'hydro',
    code: 'PK-RU-HYDRO',
    titleEn: 'Hydropower cooperation',
    titleUr: 'پن بجلی میں تعاون',
    summaryEn: 'Named by Pavel Sorokin among the fields with wide prospects for cooperation; no dated commitment yet.',
    summaryUr: 'پاویل سوروکن کے مطابق تعاون کے وسیع امکانات والے شعبوں میں شامل؛ ابھی کوئی تاریخ طے نہیں۔',
    sectors: ['hydropower'],
    countries: [
      { code: 'PK', role: 'partner' },
      { code: 'RU', role: 'partner' },
    ],
    leads: [],
    priority: 'medium',
    tags: [],
  },
  {
    key: 'lpg',
    code: 'PK-RU-LPG',
    titleEn: 'LPG supply cooperation',
    titleUr: 'ایل پی جی کی فراہمی میں تعاون',
    summaryEn:
      'Liquefied petroleum gas: named among the fields with wide prospects for cooperation; no dated commitment yet.',
    summaryUr: 'ایل پی جی: تعاون کے وسیع امکانات والے شعبوں میں شامل؛ ابھی کوئی تاریخ طے نہیں۔',
    sectors: ['lpg'],
    countries: [
      { code: 'PK', role: 'partner' },
      { code: 'RU', role: 'partner' },
    ],
    leads: [],
    priority: 'medium',
    tags: [],
  },
  {
    key: 'refinery',
    code: 'PK-RU-REFINERY',
    titleEn: 'Oil refinery upgrades',
    titleUr: 'آئل ریفائنریوں کی اپ گریڈیشن',
    summaryEn:
      'Upgrading Pakistan’s oil refineries with Russian participation: named among the fields with wide prospects; no dated commitment yet.',
    summaryUr: 'روسی شراکت سے پاکستان کی آئل ریفائنریوں کی اپ گریڈیشن: وسیع امکانات؛ ابھی کوئی تاریخ طے نہیں۔',
    sectors: ['oil_refining'],
    countries: [
      { code: 'PK', role: 'host' },
      { code: 'RU', role: 'partner' },
    ],
    leads: [],
    priority: 'medium',
    tags: [],
  },
  {
    key: 'rail',
    code: 'UZ-PK-RU-RAIL',
    titleEn: 'Uzbekistan–Pakistan–Russia rail link',
    titleUr: 'ازبکستان، پاکستان اور روس ریل رابطہ',
    summaryEn:
      'Trilateral rail link; a pilot cargo train was planned for August 2025. Stressed by Deputy Prime Minister Alexei Overchuk.',
    summaryUr:
      'سہ فریقی ریل رابطہ؛ اگست 2025 میں پائلٹ کارگو ٹرین کا آغاز طے تھا۔ روسی نائب وزیر اعظم الیکسی اوورچک نے اہمیت پر زور دیا۔',
    sectors: ['rail'],
    countries: [
      { code: 'UZ', role: 'partner' },
      { code: 'PK', role: 'partner' },
      { code: 'RU', role: 'partner' },
    ],
    leads: ['railways_pk', 'rzd', 'uty'],
    priority: 'high',
    tags: ['connectivity', 'trilateral'],
  },
];

/** Quoted passages of the Urdu article, by what they are evidence for. */
const QUOTES_UR = {
  steelSigned: 'واضح رہے کہ 13 مئی کو پاکستان اور روس کے درمیان اس منصوبے کے قیام کے معاہدے پر دستخط ہو چکے ہیں۔',
  steelMilestone:
    'ہارون اختر نے کراچی میں نئی اسٹیل مل کے قیام کو پاکستان اور روس کے دیرینہ تعلقات کی علامت قرار دیتے ہوئے کہا کہ یہ منصوبہ مستقبل میں باہمی تعاون کے لیے سنگ میل ثابت ہوگا۔',
  energy:
    'ماسکو میں طارق فاطمی اور روس کے پہلے نائب وزیر توانائی پاویل سوروکن کی ملاقات میں جاری توانائی تعاون پر اطمینان کا اظہار کیا گیا اور اس شعبے میں مزید وسعت پر زور دیا گیا۔',
  prospects:
    'دونوں ممالک کے درمیان توانائی، پن بجلی، ایل پی جی، اور آئل ریفائنریوں کی اپ گریڈیشن جیسے شعبوں میں تعاون کے وسیع امکانات موجود ہیں۔',
  igc: 'رواں سال اسلام آباد میں ہونے والے پاکستان-روس بین الحکومتی کمیشن (IGC) کے دسویں اجلاس میں توانائی کا موضوع اہم ایجنڈا ہوگا۔',
  rail: 'انہوں نے ازبکستان، پاکستان اور روس کے درمیان ریلوے رابطے اور اگست 2025 میں پائلٹ کارگو ٹرین کے آغاز جیسے منصوبوں کی اہمیت پر زور دیا۔',
  arf: 'دونوں رہنماؤں نے شنگھائی تعاون تنظیم (SCO) کی وزرائے خارجہ کونسل کے آئندہ اجلاس میں دوبارہ ملاقات پر اتفاق کیا۔',
  allies:
    'روسی نائب وزیرِاعظم الیکسی اوورچک نے دونوں ممالک کو "قدرتی اتحادی” قرار دیتے ہوئے کہا کہ پاکستان اور روس معیشت اور توانائی کے شعبوں میں اسٹریٹجک شراکت دار ہیں',
};
const QUOTES_EN = {
  arf: '"They reaffirmed their commitment to further strengthening the bilateral relations and agreed to meet again next week during the SCO Council of Ministers meeting," said the Foreign Office in a statement.',
  steel: 'Russian commitment to finalise an agreement in the coming months to build a new steel mills in Karachi',
  allies:
    "the Russian Deputy Prime Minister Alexel Overchuk saying that both countries were 'natural allies' and strategic partners in the areas of economy and energy",
};

interface StatusSeed {
  initiative: string;
  toStage?: InitiativeStage;
  toHealth?: Health;
  effectiveAt: string;
  recordedAt: string;
  noteEn: string;
  noteUr: string;
  evidence?: { source: 'ur' | 'en'; quote: string }[];
}

/** Each initiative's history, oldest first; the first entry of each sets its initial stage. */
const STATUS_HISTORY: StatusSeed[] = [
  {
    initiative: 'steel',
    toStage: 'under_negotiation',
    effectiveAt: '2025-02-20T09:00:00Z',
    recordedAt: '2025-02-21T10:00:00Z',
    noteEn: 'New steel mill in Karachi under discussion during Syed Tariq Fatemi’s February visit to Moscow.',
    noteUr: 'سید طارق فاطمی کے فروری کے دورۂ ماسکو میں کراچی میں نئی اسٹیل مل پر بات چیت۔',
  },
  {
    initiative: 'steel',
    toStage: 'agreement_signed',
    toHealth: 'on_track',
    effectiveAt: '2025-05-13T09:00:00Z',
    recordedAt: '2025-07-11T08:30:00Z',
    noteEn:
      'Agreement to establish the new steel mill in Karachi signed on 13 May; learned from the press report of 11 July.',
    noteUr: '13 مئی کو کراچی میں نئی اسٹیل مل کے قیام کے معاہدے پر دستخط ہوئے؛ 11 جولائی کی خبر سے معلوم ہوا۔',
    evidence: [
      { source: 'ur', quote: QUOTES_UR.steelSigned },
      { source: 'en', quote: QUOTES_EN.steel },
    ],
  },
  {
    initiative: 'energy',
    toStage: 'announced',
    effectiveAt: '2025-02-15T09:00:00Z',
    recordedAt: '2025-02-16T09:00:00Z',
    noteEn: 'Energy cooperation discussed during Pavel Sorokin’s visit to Pakistan in February.',
    noteUr: 'فروری میں پاویل سوروکن کے دورۂ پاکستان میں توانائی تعاون پر بات چیت۔',
  },
  {
    initiative: 'energy',
    toStage: 'under_negotiation',
    toHealth: 'on_track',
    effectiveAt: '2025-07-10T12:00:00Z',
    recordedAt: '2025-07-11T08:45:00Z',
    noteEn:
      'Fatemi–Sorokin meeting in Moscow: satisfaction with ongoing energy cooperation; energy a main agenda item of the 10th IGC session.',
    noteUr: 'ماسکو میں فاطمی سوروکن ملاقات: جاری توانائی تعاون پر اطمینان؛ دسویں آئی جی سی اجلاس کا اہم ایجنڈا۔',
    evidence: [
      { source: 'ur', quote: QUOTES_UR.energy },
      { source: 'ur', quote: QUOTES_UR.igc },
    ],
  },
  ...(['hydro', 'lpg', 'refinery'] as const).map((initiative): StatusSeed => ({
    initiative,
    toStage: 'announced',
    effectiveAt: '2025-07-10T12:00:00Z',
    recordedAt: '2025-07-11T09:00:00Z',
    noteEn: 'Named by Pavel Sorokin among the fields with wide prospects for cooperation.',
    noteUr: 'پاویل سوروکن نے اسے تعاون کے وسیع امکانات والے شعبوں میں شمار کیا۔',
    evidence: [{ source: 'ur', quote: QUOTES_UR.prospects }],
  })),
  {
    initiative: 'rail',
    toStage: 'announced',
    toHealth: 'on_track',
    effectiveAt: '2025-07-10T12:00:00Z',
    recordedAt: '2025-07-11T09:15:00Z',
    noteEn:
      'Overchuk stresses the Uzbekistan–Pakistan–Russia rail link and the pilot cargo train planned for August 2025.',
    noteUr: 'اوورچک نے ازبکستان، پاکستان، روس ریل رابطے اور اگست 2025 میں پائلٹ کارگو ٹرین کی اہمیت پر زور دیا۔',
    evidence: [{ source: 'ur', quote: QUOTES_UR.rail }],
  },
  {
    initiative: 'rail',
    toHealth: 'at_risk',
    effectiveAt: '2025-09-01T09:00:00Z',
    recordedAt: '2025-09-02T09:00:00Z',
    noteEn: 'No report found that the pilot cargo train planned for August 2025 has run.',
    noteUr: 'اگست 2025 کے لیے طے شدہ پائلٹ کارگو ٹرین چلنے کی کوئی خبر نہیں ملی۔',
  },
];

export interface DemoSummary {
  initiatives: number;
  people: number;
  organizations: number;
  milestones: number;
  engagements: number;
  sources: number;
  statusUpdates: number;
}

/** Writes the demo portfolio. Runs inside the caller's transaction, on a database that has none of it yet. */
export async function seedDemoPortfolio(tx: Tx): Promise<DemoSummary> {
  const sectors = new Map((await tx.sector.findMany()).map((s) => [s.code, s.id]));

  const people = new Map<PersonKey, number>();
  for (const { key, ...p } of PEOPLE) {
    const row = await tx.person.create({
      data: { ...p, aliases: [...p.aliases], searchText: searchTextOf.person({ ...p, aliases: [...p.aliases] }) },
    });
    people.set(key, row.id);
  }
  const orgs = new Map<OrgKey, number>();
  for (const { key, ...o } of ORGANIZATIONS) {
    const row = await tx.organization.create({ data: { ...o, searchText: searchTextOf.organization(o) } });
    orgs.set(key, row.id);
  }
  await tx.position.createMany({
    data: POSITIONS.map((p) => ({
      personId: people.get(p.person)!,
      organizationId: orgs.get(p.org)!,
      titleEn: p.titleEn,
      titleUr: p.titleUr,
      fromDate: p.fromDate ? d(p.fromDate) : null,
      toDate: p.toDate ? d(p.toDate) : null,
    })),
  });

  // Sources: the two articles of the story.
  const ur = readArticle('seed-mashriq-nama-ur.txt');
  const en = readArticle('2025-07-11-thenews-en.txt');
  const sourceUr = await tx.source.create({
    data: {
      kind: 'news',
      publisher: 'مشرق نامہ (Mashriq Nama)',
      url: null,
      language: 'ur',
      publishedAt: d('2025-07-11'),
      title: 'پاکستان اور روس کے اعلیٰ سفارتی نمائندوں کی کوالالمپور اور ماسکو میں اہم ملاقاتیں',
      text: ur.text,
      contentHash: sourceContentHash({ text: ur.text }),
      retrievedAt: at('2025-07-11T08:00:00Z'),
      createdAt: at('2025-07-11T08:00:00Z'),
      searchText: searchTextOf.source({
        title: 'پاکستان اور روس کے اعلیٰ سفارتی نمائندوں کی کوالالمپور اور ماسکو میں اہم ملاقاتیں',
        publisher: 'مشرق نامہ',
      }),
    },
  });
  const sourceEn = await tx.source.create({
    data: {
      kind: 'news',
      publisher: 'The News International',
      url: en.meta.url ?? null,
      language: 'en',
      publishedAt: d(en.meta.date ?? '2025-07-11'),
      title: 'Pakistan, Russia discuss steel mill, regional issues in Moscow',
      text: en.text,
      contentHash: sourceContentHash({ text: en.text }),
      retrievedAt: at('2025-07-11T08:10:00Z'),
      createdAt: at('2025-07-11T08:10:00Z'),
      searchText: searchTextOf.source({
        title: 'Pakistan, Russia discuss steel mill, regional issues in Moscow',
        publisher: 'The News International',
      }),
    },
  });
  const sourceId = { ur: sourceUr.id, en: sourceEn.id };

  // Initiatives; stage and health are set from the status history below.
  const initiatives = new Map<string, number>();
  for (const i of INITIATIVES) {
    // Recorded in Rabta when its first status update was.
    const firstRecorded = STATUS_HISTORY.filter((s) => s.initiative === i.key)
      .map((s) => s.recordedAt)
      .sort()[0];
    const row = await tx.initiative.create({
      data: {
        createdAt: at(firstRecorded),
        code: i.code,
        titleEn: i.titleEn,
        titleUr: i.titleUr,
        summaryEn: i.summaryEn,
        summaryUr: i.summaryUr,
        priority: i.priority,
        locationEn: i.locationEn,
        locationUr: i.locationUr,
        tags: i.tags,
        focalPersonId: i.focal ? people.get(i.focal) : null,
        searchText: searchTextOf.initiative(i),
        sectors: { create: i.sectors.map((code) => ({ sectorId: sectors.get(code)! })) },
        countries: { create: i.countries.map((c) => ({ countryCode: c.code, role: c.role })) },
        leads: { create: i.leads.map((k) => ({ organizationId: orgs.get(k)! })) },
      },
    });
    initiatives.set(i.key, row.id);
  }

  // Status history, with its evidence; the initiative's current stage and health follow it.
  const current = new Map<string, { stage: InitiativeStage | null; health: Health }>();
  for (const s of STATUS_HISTORY) {
    const initiativeId = initiatives.get(s.initiative)!;
    const before = current.get(s.initiative) ?? { stage: null, health: 'not_assessed' as Health };
    const update = await tx.statusUpdate.create({
      data: {
        initiativeId,
        fromStage: s.toStage ? before.stage : null,
        toStage: s.toStage ?? null,
        fromHealth: s.toHealth ? before.health : null,
        toHealth: s.toHealth ?? null,
        noteEn: s.noteEn,
        noteUr: s.noteUr,
        effectiveAt: at(s.effectiveAt),
        recordedAt: at(s.recordedAt),
        createdAt: at(s.recordedAt),
      },
    });
    for (const e of s.evidence ?? []) {
      await tx.evidence.create({
        data: {
          sourceId: sourceId[e.source],
          quote: e.quote,
          initiativeId,
          statusUpdateId: update.id,
          recordedAt: at(s.recordedAt),
        },
      });
    }
    const next = { stage: s.toStage ?? before.stage, health: s.toHealth ?? before.health };
    current.set(s.initiative, next);
    await tx.initiative.update({
      where: { id: initiativeId },
      data: {
        stage: next.stage ?? 'announced',
        health: next.health,
        ...(s.toStage && !before.stage ? { stageSince: at(s.effectiveAt) } : {}),
      },
    });
  }

  // Milestones, each with its announced-vs-delivered ledger.
  const milestones = [
    {
      initiative: 'steel',
      titleEn: 'Agreement to establish the Karachi steel mill signed',
      titleUr: 'کراچی اسٹیل مل کے قیام کے معاہدے پر دستخط',
      kind: 'signing' as const,
      plannedDate: '2025-05-13',
      actualDate: '2025-05-13',
      state: 'achieved' as const,
      ownerOrg: 'moip_pk' as OrgKey,
      announcedBy: 'haroon' as PersonKey,
      announcedOn: '2025-07-10',
      source: 'ur' as const,
      quote: QUOTES_UR.steelSigned,
    },
    {
      initiative: 'rail',
      titleEn: 'Pilot cargo train Uzbekistan–Pakistan–Russia',
      titleUr: 'ازبکستان، پاکستان، روس پائلٹ کارگو ٹرین',
      kind: 'pilot' as const,
      plannedDate: '2025-08-31',
      actualDate: null,
      state: 'planned' as const,
      ownerOrg: 'railways_pk' as OrgKey,
      announcedBy: 'overchuk' as PersonKey,
      announcedOn: '2025-07-10',
      source: 'ur' as const,
      quote: QUOTES_UR.rail,
    },
    {
      initiative: 'energy',
      titleEn: '10th session of the Pakistan–Russia IGC in Islamabad (energy a main agenda item)',
      titleUr: 'اسلام آباد میں پاکستان-روس بین الحکومتی کمیشن کا دسواں اجلاس (توانائی اہم ایجنڈا)',
      kind: 'meeting' as const,
      plannedDate: '2025-12-31',
      actualDate: null,
      state: 'planned' as const,
      ownerOrg: 'igc' as OrgKey,
      announcedBy: 'sorokin' as PersonKey,
      announcedOn: '2025-07-10',
      source: 'ur' as const,
      quote: QUOTES_UR.igc,
    },
  ];
  const milestoneIds = new Map<string, number>();
  for (const m of milestones) {
    const row = await tx.milestone.create({
      data: {
        initiativeId: initiatives.get(m.initiative)!,
        titleEn: m.titleEn,
        titleUr: m.titleUr,
        kind: m.kind,
        plannedDate: d(m.plannedDate),
        actualDate: m.actualDate ? d(m.actualDate) : null,
        state: m.state,
        ownerOrganizationId: orgs.get(m.ownerOrg),
        searchText: searchTextOf.milestone(m),
        createdAt: at('2025-07-11T09:30:00Z'),
      },
    });
    milestoneIds.set(m.initiative, row.id);
    await tx.milestoneDateChange.create({
      data: {
        milestoneId: row.id,
        oldDate: null,
        newDate: d(m.plannedDate),
        announcedById: people.get(m.announcedBy),
        announcedOn: d(m.announcedOn),
        recordedAt: at('2025-07-11T09:30:00Z'),
        sourceId: sourceId[m.source],
        note: null,
      },
    });
    await tx.evidence.create({
      data: {
        sourceId: sourceId[m.source],
        quote: m.quote,
        initiativeId: initiatives.get(m.initiative)!,
        milestoneId: row.id,
        recordedAt: at('2025-07-11T09:30:00Z'),
      },
    });
  }

  // Engagements of 10 July 2025, the February visit, and the planned 10th IGC session.
  const engagements = [
    {
      key: 'arf',
      titleEn: 'Dar–Lavrov meeting on the sidelines of the 32nd ASEAN Regional Forum',
      titleUr: '32ویں آسیان ریجنل فورم کے موقع پر ڈار لاوروف ملاقات',
      format: 'multilateral_sidelines' as const,
      status: 'held' as const,
      startDate: '2025-07-10',
      placeEn: 'Kuala Lumpur',
      placeUr: 'کوالالمپور',
      countryCode: 'MY',
      forumName: '32nd ASEAN Regional Forum',
      sessionNumber: null,
      outcomeEn:
        'Reaffirmed the commitment to strengthen bilateral relations; agreed to meet again at the SCO Council of Foreign Ministers.',
      outcomeUr:
        'دو طرفہ تعلقات مزید مضبوط بنانے کے عزم کا اظہار؛ شنگھائی تعاون تنظیم کی وزرائے خارجہ کونسل میں دوبارہ ملاقات پر اتفاق۔',
      participants: ['dar', 'lavrov'] as PersonKey[],
      initiatives: [] as string[],
      evidence: [
        { source: 'ur' as const, quote: QUOTES_UR.arf },
        { source: 'en' as const, quote: QUOTES_EN.arf },
      ],
    },
    {
      key: 'sorokin',
      titleEn: 'Fatemi–Sorokin meeting on energy, Moscow',
      titleUr: 'ماسکو میں فاطمی سوروکن ملاقات (توانائی)',
      format: 'bilateral_meeting' as const,
      status: 'held' as const,
      startDate: '2025-07-10',
      placeEn: 'Moscow',
      placeUr: 'ماسکو',
      countryCode: 'RU',
      forumName: null,
      sessionNumber: null,
      outcomeEn:
        'Satisfaction with ongoing energy cooperation; wide prospects in energy, hydropower, LPG and refinery upgrades; energy a main agenda item of the 10th IGC session.',
      outcomeUr:
        'جاری توانائی تعاون پر اطمینان؛ توانائی، پن بجلی، ایل پی جی اور ریفائنری اپ گریڈیشن میں وسیع امکانات؛ دسویں آئی جی سی اجلاس کا اہم ایجنڈا توانائی۔',
      participants: ['fatemi', 'haroon', 'sorokin'] as PersonKey[],
      initiatives: ['energy', 'hydro', 'lpg', 'refinery'],
      evidence: [{ source: 'ur' as const, quote: QUOTES_UR.energy }],
    },
    {
      key: 'overchuk',
      titleEn: 'Pakistani delegation meets Deputy Prime Minister Overchuk, Moscow',
      titleUr: 'ماسکو میں پاکستانی وفد کی نائب وزیر اعظم اوورچک سے ملاقات',
      format: 'bilateral_meeting' as const,
      status: 'held' as const,
      startDate: '2025-07-10',
      placeEn: 'Moscow',
      placeUr: 'ماسکو',
      countryCode: 'RU',
      forumName: null,
      sessionNumber: null,
      outcomeEn:
        'Overchuk calls the two countries natural allies and strategic partners in economy and energy; stresses the rail link and the pilot cargo train.',
      outcomeUr:
        'اوورچک نے دونوں ممالک کو قدرتی اتحادی اور معیشت و توانائی میں اسٹریٹجک شراکت دار قرار دیا؛ ریل رابطے اور پائلٹ کارگو ٹرین پر زور۔',
      participants: ['fatemi', 'haroon', 'overchuk'] as PersonKey[],
      initiatives: ['steel', 'rail', 'energy'],
      evidence: [
        { source: 'ur' as const, quote: QUOTES_UR.allies },
        { source: 'en' as const, quote: QUOTES_EN.allies },
      ],
    },
    {
      key: 'feb',
      titleEn: 'Pavel Sorokin’s visit to Pakistan',
      titleUr: 'پاویل سوروکن کا دورۂ پاکستان',
      format: 'visit' as const,
      status: 'held' as const,
      startDate: '2025-02-15',
      placeEn: 'Islamabad',
      placeUr: 'اسلام آباد',
      countryCode: 'PK',
      forumName: null,
      sessionNumber: null,
      outcomeEn: 'Recalled in July 2025 as a successful round of meetings.',
      outcomeUr: 'جولائی 2025 میں کامیاب ملاقاتوں کے طور پر یاد کیا گیا۔',
      participants: ['sorokin'] as PersonKey[],
      initiatives: ['energy'],
      evidence: [],
    },
    {
      key: 'igc10',
      titleEn: '10th session of the Pakistan–Russia Intergovernmental Commission',
      titleUr: 'پاکستان-روس بین الحکومتی کمیشن کا دسواں اجلاس',
      format: 'igc_session' as const,
      status: 'planned' as const,
      startDate: '2025-12-31',
      placeEn: 'Islamabad',
      placeUr: 'اسلام آباد',
      countryCode: 'PK',
      forumName: 'Pakistan–Russia Intergovernmental Commission',
      sessionNumber: 10,
      outcomeEn: null,
      outcomeUr: null,
      participants: [] as PersonKey[],
      initiatives: ['energy'],
      evidence: [{ source: 'ur' as const, quote: QUOTES_UR.igc }],
    },
  ];
  const engagementIds = new Map<string, number>();
  for (const e of engagements) {
    const row = await tx.engagement.create({
      data: {
        titleEn: e.titleEn,
        titleUr: e.titleUr,
        format: e.format,
        status: e.status,
        startDate: d(e.startDate),
        placeEn: e.placeEn,
        placeUr: e.placeUr,
        countryCode: e.countryCode,
        forumName: e.forumName,
        sessionNumber: e.sessionNumber,
        outcomeEn: e.outcomeEn,
        outcomeUr: e.outcomeUr,
        searchText: searchTextOf.engagement({ ...e, participants: [] }),
        createdAt: at(e.key === 'feb' ? '2025-02-16T09:00:00Z' : '2025-07-11T09:45:00Z'),
        participants: { create: e.participants.map((p) => ({ personId: people.get(p)! })) },
        initiatives: { create: e.initiatives.map((k) => ({ initiativeId: initiatives.get(k)! })) },
      },
    });
    engagementIds.set(e.key, row.id);
    for (const ev of e.evidence) {
      await tx.evidence.create({
        data: {
          sourceId: sourceId[ev.source],
          quote: ev.quote,
          engagementId: row.id,
          recordedAt: at('2025-07-11T09:45:00Z'),
        },
      });
    }
  }

  // Decisions, followed to the next meeting. They were recorded with their meetings (11 July 2025): the "as known
  // on" views and reports must find them from then on, not from the day the demo was seeded.
  const decisionsRecorded = at('2025-07-11T09:45:00Z');
  await tx.decision.createMany({
    data: [
      {
        engagementId: engagementIds.get('arf')!,
        textEn: 'Meet again at the SCO Council of Foreign Ministers',
        textUr: 'شنگھائی تعاون تنظیم کی وزرائے خارجہ کونسل میں دوبارہ ملاقات',
        dueDate: d('2025-07-18'),
        state: 'open',
        createdAt: decisionsRecorded,
        updatedAt: decisionsRecorded,
      },
      {
        engagementId: engagementIds.get('sorokin')!,
        textEn: 'Put energy on the agenda of the 10th IGC session as a main item',
        textUr: 'دسویں آئی جی سی اجلاس کے ایجنڈے میں توانائی کو اہم نکتہ بنانا',
        dueDate: d('2025-12-31'),
        initiativeId: initiatives.get('energy')!,
        milestoneId: milestoneIds.get('energy'),
        state: 'in_progress',
        createdAt: decisionsRecorded,
        updatedAt: decisionsRecorded,
      },
      {
        engagementId: engagementIds.get('overchuk')!,
        textEn: 'Launch the pilot cargo train Uzbekistan–Pakistan–Russia',
        textUr: 'ازبکستان، پاکستان، روس پائلٹ کارگو ٹرین کا آغاز',
        dueDate: d('2025-08-31'),
        initiativeId: initiatives.get('rail')!,
        milestoneId: milestoneIds.get('rail'),
        state: 'open',
        createdAt: decisionsRecorded,
        updatedAt: decisionsRecorded,
      },
    ],
  });

  // The steel-mill agreement of 13 May 2025.
  await tx.agreement.create({
    data: {
      kind: 'agreement',
      // Recorded when the signing was reported (11 July 2025), as its evidence is.
      createdAt: at('2025-07-11T09:50:00Z'),
      updatedAt: at('2025-07-11T09:50:00Z'),
      titleEn: 'Agreement on establishing a new steel mill in Karachi',
      titleUr: 'کراچی میں نئی اسٹیل مل کے قیام کا معاہدہ',
      status: 'signed',
      signedDate: d('2025-05-13'),
      summaryEn: 'Signed between Pakistan and Russia on 13 May 2025 (reported on 11 July 2025).',
      summaryUr: '13 مئی 2025 کو پاکستان اور روس کے درمیان دستخط ہوئے (11 جولائی 2025 کی خبر)۔',
      searchText: searchTextOf.agreement({
        titleEn: 'Agreement on establishing a new steel mill in Karachi',
        titleUr: 'کراچی میں نئی اسٹیل مل کے قیام کا معاہدہ',
      }),
      parties: { create: [{ countryCode: 'PK' }, { countryCode: 'RU' }] },
      initiatives: { create: [{ initiativeId: initiatives.get('steel')! }] },
      evidence: {
        create: [
          {
            sourceId: sourceUr.id,
            quote: QUOTES_UR.steelSigned,
            initiativeId: initiatives.get('steel')!,
            recordedAt: at('2025-07-11T09:50:00Z'),
          },
        ],
      },
    },
  });

  return {
    initiatives: INITIATIVES.length,
    people: PEOPLE.length,
    organizations: ORGANIZATIONS.length,
    milestones: milestones.length,
    engagements: engagements.length,
    sources: 2,
    statusUpdates: STATUS_HISTORY.length,
  };
}
