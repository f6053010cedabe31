// Word lists of the bench data set: the vocabulary of the seed story (prisma/seed/articles) (steel mill, energy, hydropower, LPG,
// oil refinery, rail link…) with the Urdu forms analysts search for, plus places, people and publishers.

/** Sectors an admin added besides the reference six (steel, energy, hydropower, lpg, oil_refining, rail). */
export const EXTRA_SECTORS = [
  { code: 'agriculture', nameEn: 'Agriculture', nameUr: 'زراعت' },
  { code: 'trade', nameEn: 'Trade', nameUr: 'تجارت' },
  { code: 'it', nameEn: 'Information technology', nameUr: 'انفارمیشن ٹیکنالوجی' },
  { code: 'education', nameEn: 'Education', nameUr: 'تعلیم' },
  { code: 'health', nameEn: 'Health', nameUr: 'صحت' },
  { code: 'mining', nameEn: 'Mining', nameUr: 'کان کنی' },
];

/** Projects by sector code; `weight` makes the reference sectors the bulk of the portfolio. */
export const PROJECTS = {
  steel: {
    weight: 12,
    tags: ['industry', 'Pakistan Steel Mills'],
    ru: 'металлургия',
    items: [
      ['New steel mill', 'نئی اسٹیل مل'],
      ['Steel mill revival', 'اسٹیل مل کی بحالی'],
      ['Blast furnace modernisation', 'بلاسٹ فرنس کی جدید کاری'],
      ['Steel plant expansion', 'اسٹیل پلانٹ کی توسیع'],
    ],
  },
  energy: {
    weight: 16,
    tags: ['energy security', 'power'],
    ru: 'энергетика',
    items: [
      ['Energy cooperation', 'توانائی تعاون'],
      ['Power plant', 'بجلی گھر'],
      ['Grid interconnection', 'گرڈ انٹرکنکشن'],
      ['Solar park', 'سولر پارک'],
      ['Gas pipeline', 'گیس پائپ لائن'],
      ['Nuclear power unit', 'ایٹمی بجلی گھر'],
    ],
  },
  hydropower: {
    weight: 10,
    tags: ['water', 'renewables'],
    ru: 'гидроэнергетика',
    items: [
      ['Hydropower project', 'پن بجلی منصوبہ'],
      ['Dam and hydropower station', 'ڈیم اور پن بجلی گھر'],
      ['Small hydropower plants', 'چھوٹے پن بجلی گھر'],
    ],
  },
  lpg: {
    weight: 8,
    tags: ['LPG', 'fuel'],
    ru: 'сжиженный газ',
    items: [
      ['LPG terminal', 'ایل پی جی ٹرمینل'],
      ['LPG supply', 'ایل پی جی کی فراہمی'],
      ['LPG storage facility', 'ایل پی جی ذخیرہ گاہ'],
    ],
  },
  oil_refining: {
    weight: 8,
    tags: ['oil', 'refinery'],
    ru: 'нефтепереработка',
    items: [
      ['Oil refinery upgrade', 'آئل ریفائنری کی اپ گریڈیشن'],
      ['New oil refinery', 'نئی آئل ریفائنری'],
      ['Refinery modernisation', 'ریفائنری کی جدید کاری'],
    ],
  },
  rail: {
    weight: 12,
    tags: ['connectivity', 'railways'],
    ru: 'железные дороги',
    items: [
      ['Rail link', 'ریل رابطہ'],
      ['Railway modernisation', 'ریلوے کی جدید کاری'],
      ['Freight corridor', 'مال بردار راہداری'],
      ['Pilot cargo train', 'تجرباتی مال بردار ٹرین'],
    ],
  },
  agriculture: {
    weight: 6,
    tags: ['food security'],
    ru: 'сельское хозяйство',
    items: [
      ['Wheat supply', 'گندم کی فراہمی'],
      ['Agricultural machinery plant', 'زرعی مشینری پلانٹ'],
    ],
  },
  trade: {
    weight: 8,
    tags: ['trade'],
    ru: 'торговля',
    items: [
      ['Trade facilitation', 'تجارتی سہولت کاری'],
      ['Barter trade mechanism', 'بارٹر تجارت کا نظام'],
    ],
  },
  it: {
    weight: 4,
    tags: ['digital'],
    ru: 'ИТ',
    items: [
      ['Data centre', 'ڈیٹا سینٹر'],
      ['Software park', 'سافٹ ویئر پارک'],
    ],
  },
  education: {
    weight: 4,
    tags: ['scholarships'],
    ru: 'образование',
    items: [['University exchange', 'جامعات کا تبادلہ']],
  },
  health: {
    weight: 4,
    tags: ['hospitals'],
    ru: 'здравоохранение',
    items: [['Hospital construction', 'ہسپتال کی تعمیر']],
  },
  mining: {
    weight: 4,
    tags: ['minerals'],
    ru: 'горнодобыча',
    items: [
      ['Copper mine', 'تانبے کی کان'],
      ['Coal gasification', 'کوئلے سے گیس'],
    ],
  },
};

export const PLACES_PK = [
  ['Karachi', 'کراچی'],
  ['Lahore', 'لاہور'],
  ['Islamabad', 'اسلام آباد'],
  ['Peshawar', 'پشاور'],
  ['Quetta', 'کوئٹہ'],
  ['Gwadar', 'گوادر'],
  ['Port Qasim', 'پورٹ قاسم'],
  ['Multan', 'ملتان'],
  ['Faisalabad', 'فیصل آباد'],
  ['Hyderabad', 'حیدرآباد'],
  ['Sukkur', 'سکھر'],
  ['Tarbela', 'تربیلا'],
  ['Dasu', 'داسو'],
  ['Thar', 'تھر'],
  ['Hub', 'حب'],
  ['Sialkot', 'سیالکوٹ'],
  ['Rawalpindi', 'راولپنڈی'],
  ['Gilgit', 'گلگت'],
  ['Skardu', 'سکردو'],
  ['Mardan', 'مردان'],
];

/** Rail termini abroad. */
export const PLACES_ABROAD = [
  ['Tashkent', 'تاشقند', 'UZ'],
  ['Termez', 'ترمذ', 'UZ'],
  ['Mazar-i-Sharif', 'مزار شریف', 'AF'],
  ['Kabul', 'کابل', 'AF'],
  ['Moscow', 'ماسکو', 'RU'],
  ['Kashgar', 'کاشغر', 'CN'],
  ['Tehran', 'تہران', 'IR'],
  ['Istanbul', 'استنبول', 'TR'],
];

/** Partner countries and how often they appear. */
export const PARTNERS = [
  ['RU', 25],
  ['CN', 20],
  ['UZ', 8],
  ['TR', 8],
  ['SA', 6],
  ['AE', 6],
  ['QA', 4],
  ['IR', 4],
  ['KZ', 3],
  ['AZ', 3],
  ['AF', 2],
  ['TM', 2],
  ['TJ', 2],
  ['KG', 2],
  ['BY', 2],
  ['ID', 1],
  ['MY', 1],
  ['JP', 1],
  ['KR', 1],
  ['DE', 1],
  ['GB', 1],
];

export const CAPITALS = {
  RU: ['Moscow', 'ماسکو'],
  CN: ['Beijing', 'بیجنگ'],
  UZ: ['Tashkent', 'تاشقند'],
  TR: ['Ankara', 'انقرہ'],
  SA: ['Riyadh', 'ریاض'],
  AE: ['Abu Dhabi', 'ابوظہبی'],
  QA: ['Doha', 'دوحہ'],
  IR: ['Tehran', 'تہران'],
  KZ: ['Astana', 'آستانہ'],
  AZ: ['Baku', 'باکو'],
  AF: ['Kabul', 'کابل'],
  TM: ['Ashgabat', 'اشک آباد'],
  TJ: ['Dushanbe', 'دوشنبے'],
  KG: ['Bishkek', 'بشکیک'],
  BY: ['Minsk', 'منسک'],
  ID: ['Jakarta', 'جکارتہ'],
  MY: ['Kuala Lumpur', 'کوالالمپور'],
  JP: ['Tokyo', 'ٹوکیو'],
  KR: ['Seoul', 'سیول'],
  DE: ['Berlin', 'برلن'],
  GB: ['London', 'لندن'],
};

export const FIRST_NAMES_PK = [
  ['Ahmed', 'احمد'],
  ['Ali', 'علی'],
  ['Bilal', 'بلال'],
  ['Farhan', 'فرحان'],
  ['Hamza', 'حمزہ'],
  ['Imran', 'عمران'],
  ['Kamran', 'کامران'],
  ['Naveed', 'نوید'],
  ['Omar', 'عمر'],
  ['Saad', 'سعد'],
  ['Tariq', 'طارق'],
  ['Usman', 'عثمان'],
  ['Zubair', 'زبیر'],
  ['Ayesha', 'عائشہ'],
  ['Fatima', 'فاطمہ'],
  ['Sana', 'ثناء'],
  ['Haroon', 'ہارون'],
  ['Ishaq', 'اسحاق'],
  ['Shahid', 'شاہد'],
  ['Nadia', 'نادیہ'],
];
export const LAST_NAMES_PK = [
  ['Khan', 'خان'],
  ['Malik', 'ملک'],
  ['Qureshi', 'قریشی'],
  ['Siddiqui', 'صدیقی'],
  ['Chaudhry', 'چوہدری'],
  ['Butt', 'بٹ'],
  ['Sheikh', 'شیخ'],
  ['Akhtar', 'اختر'],
  ['Dar', 'ڈار'],
  ['Fatemi', 'فاطمی'],
  ['Hussain', 'حسین'],
  ['Abbasi', 'عباسی'],
];
export const FIRST_NAMES_FOREIGN = [
  ['Sergey', 'سرگئی', 'Сергей'],
  ['Alexei', 'الیکسی', 'Алексей'],
  ['Pavel', 'پاویل', 'Павел'],
  ['Dmitry', 'دمتری', 'Дмитрий'],
  ['Ivan', 'ایوان', 'Иван'],
  ['Nikolai', 'نکولائی', 'Николай'],
  ['Olga', 'اولگا', 'Ольга'],
  ['Anna', 'آنا', 'Анна'],
  ['Rustam', 'رستم', 'Рустам'],
  ['Aziz', 'عزیز', 'Азиз'],
  ['Wang', 'وانگ', 'Ван'],
  ['Li', 'لی', 'Ли'],
  ['Mehmet', 'مہمت', 'Мехмет'],
  ['Faisal', 'فیصل', 'Фейсал'],
];
export const LAST_NAMES_FOREIGN = [
  ['Ivanov', 'ایوانوف', 'Иванов'],
  ['Petrov', 'پیٹروف', 'Петров'],
  ['Sorokin', 'سوروکن', 'Сорокин'],
  ['Volkov', 'وولکوف', 'Волков'],
  ['Karimov', 'کریموف', 'Каримов'],
  ['Overchuk', 'اوورچک', 'Оверчук'],
  ['Lavrov', 'لاوروف', 'Лавров'],
  ['Yusupov', 'یوسوپوف', 'Юсупов'],
  ['Zhang', 'ژانگ', 'Чжан'],
  ['Demir', 'دمیر', 'Демир'],
  ['Al-Saud', 'السعود', 'Аль Сауд'],
  ['Novak', 'نوواک', 'Новак'],
];

export const POSITION_TITLES = [
  ['Minister of Foreign Affairs', 'وزیر خارجہ'],
  ['Deputy Prime Minister', 'نائب وزیر اعظم'],
  ['Minister of Energy', 'وزیر توانائی'],
  ['First Deputy Minister of Energy', 'پہلے نائب وزیر توانائی'],
  ['Special Assistant to the Prime Minister', 'وزیر اعظم کے معاون خصوصی'],
  ['Ambassador', 'سفیر'],
  ['Secretary', 'سیکرٹری'],
  ['Chief Executive Officer', 'چیف ایگزیکٹو آفیسر'],
  ['Director General', 'ڈائریکٹر جنرل'],
];

export const MINISTRY_DOMAINS = [
  ['Foreign Affairs', 'خارجہ'],
  ['Energy', 'توانائی'],
  ['Industries and Production', 'صنعت و پیداوار'],
  ['Railways', 'ریلوے'],
  ['Commerce', 'تجارت'],
  ['Finance', 'خزانہ'],
  ['Water Resources', 'آبی وسائل'],
  ['Petroleum', 'پیٹرولیم'],
];

export const COMPANY_KINDS = [
  ['Steel Corporation', 'اسٹیل کارپوریشن', 'state_enterprise'],
  ['Railways', 'ریلوے', 'state_enterprise'],
  ['Power Company', 'پاور کمپنی', 'company'],
  ['Oil and Gas Company', 'آئل اینڈ گیس کمپنی', 'company'],
  ['Hydro Engineering', 'ہائیڈرو انجینئرنگ', 'company'],
  ['Investment Board', 'بورڈ آف انویسٹمنٹ', 'government_agency'],
  ['Embassy', 'سفارت خانہ', 'embassy'],
  ['Institute of Strategic Studies', 'انسٹی ٹیوٹ آف اسٹریٹجک اسٹڈیز', 'think_tank'],
];

export const FORUMS = [
  ['ASEAN Regional Forum', 'آسیان ریجنل فورم'],
  ['Shanghai Cooperation Organisation summit', 'شنگھائی تعاون تنظیم سربراہی اجلاس'],
  ['UN General Assembly', 'اقوام متحدہ جنرل اسمبلی'],
  ['Economic Cooperation Organization meeting', 'اقتصادی تعاون تنظیم اجلاس'],
  ['BRICS outreach', 'برکس آؤٹ ریچ'],
];

export const MILESTONE_TEMPLATES = [
  ['announcement', 'Project announced', 'منصوبے کا اعلان'],
  ['negotiation', 'Negotiations concluded', 'مذاکرات مکمل'],
  ['signing', 'MoU signed', 'مفاہمتی یادداشت پر دستخط'],
  ['signing', 'Agreement signed', 'معاہدے پر دستخط'],
  ['financing', 'Financing agreed', 'مالی معاونت پر اتفاق'],
  ['feasibility', 'Feasibility study completed', 'فزیبلٹی اسٹڈی مکمل'],
  ['construction', 'Groundbreaking', 'سنگ بنیاد'],
  ['construction', 'Construction begins', 'تعمیر کا آغاز'],
  ['delivery', 'Equipment delivered', 'آلات کی فراہمی'],
  ['pilot', 'Pilot run', 'تجرباتی آغاز'],
  ['commissioning', 'Commissioning', 'افتتاح'],
  ['meeting', 'Joint working group meeting', 'مشترکہ ورکنگ گروپ کا اجلاس'],
  ['other', 'Progress review', 'پیش رفت کا جائزہ'],
];

export const PUBLISHERS = [
  ['Dawn', 'en', 'dawn.com'],
  ['The News International', 'en', 'thenews.com.pk'],
  ['The Express Tribune', 'en', 'tribune.com.pk'],
  ['Associated Press of Pakistan', 'en', 'app.com.pk'],
  ['Business Recorder', 'en', 'brecorder.com'],
  ['مشرق نامہ', 'ur', 'mashriqnama.pk'],
  ['روزنامہ جنگ', 'ur', 'jang.com.pk'],
  ['نوائے وقت', 'ur', 'nawaiwaqt.com.pk'],
  ['ایکسپریس', 'ur', 'express.pk'],
  ['ТАСС', 'ru', 'tass.ru'],
  ['РИА Новости', 'ru', 'ria.ru'],
  ['Коммерсантъ', 'ru', 'kommersant.ru'],
  ['Ministry of Foreign Affairs of Pakistan', 'en', 'mofa.gov.pk'],
  ['Xinhua', 'en', 'xinhuanet.com'],
];

export const AGREEMENT_KINDS = {
  mou: ['Memorandum of understanding', 'مفاہمتی یادداشت'],
  protocol: ['Protocol', 'پروٹوکول'],
  agreement: ['Agreement', 'معاہدہ'],
  contract: ['Contract', 'کنٹریکٹ'],
};

export const DECISIONS = [
  ['Expedite the feasibility study', 'فزیبلٹی اسٹڈی جلد مکمل کی جائے'],
  ['Finalise the financing terms', 'مالی شرائط کو حتمی شکل دی جائے'],
  ['Set up a joint working group', 'مشترکہ ورکنگ گروپ قائم کیا جائے'],
  ['Exchange draft agreement texts', 'معاہدے کے مسودوں کا تبادلہ کیا جائے'],
  ['Report progress at the next session', 'اگلے اجلاس میں پیش رفت کی رپورٹ دی جائے'],
  ['Sign the protocol on customs', 'کسٹمز پروٹوکول پر دستخط کیے جائیں'],
];

export const STATUS_NOTES = {
  stage: [
    ['Moved forward after talks between the two sides', 'دونوں فریقوں کے مذاکرات کے بعد پیش رفت'],
    ['Confirmed in an official statement', 'سرکاری بیان میں تصدیق'],
    ['Reported by the press after the commission session', 'کمیشن کے اجلاس کے بعد اخبارات میں خبر'],
  ],
  health: [
    ['Financing delayed', 'مالی معاونت میں تاخیر'],
    ['Work proceeding as planned', 'کام منصوبے کے مطابق جاری'],
    ['Disagreement over pricing', 'قیمت پر اختلاف'],
    ['Equipment shipment held at customs', 'آلات کی کھیپ کسٹمز میں رکی ہوئی'],
    ['Security concerns at the site', 'مقام پر سیکیورٹی خدشات'],
  ],
};

export const QUOTES = [
  'فریقین نے تعاون کے وسیع امکانات پر اتفاق کیا',
  'The two sides expressed satisfaction with the progress of the project',
  'The agreement for establishing the project was signed on 13 May',
  'منصوبے پر کام جاری ہے',
  'Стороны обсудили ход реализации проекта',
];
