// Multilateral forums, standing commissions and their councils, in English and Urdu, with their acronyms.
// `igc` marks the standing bilateral commissions whose numbered sessions are engagements of format igc_session.

export interface ForumNames {
  /** The canonical English name (an engagement's forumName). */
  name: string;
  en: string[];
  ur: string[];
  /** Matched only as written in capitals. */
  acronyms: string[];
  igc?: boolean;
}

export const FORUMS: ForumNames[] = [
  {
    name: 'ASEAN Regional Forum',
    en: ['ASEAN Regional Forum', 'Asean Regional Forum'],
    ur: ['آسیان ریجنل فورم', 'آسیان علاقائی فورم', 'اے آر ایف'],
    acronyms: ['ARF'],
  },
  { name: 'ASEAN', en: ['Association of Southeast Asian Nations'], ur: ['آسیان'], acronyms: ['ASEAN'] },
  {
    name: 'SCO Council of Foreign Ministers',
    en: [
      'SCO Council of Foreign Ministers',
      'SCO Council of Ministers',
      'SCO Foreign Ministers Council',
      'SCO CFM',
      'SCO foreign ministers meeting',
    ],
    ur: [
      'شنگھائی تعاون تنظیم کی وزرائے خارجہ کونسل',
      'شنگھائی تعاون تنظیم وزرائے خارجہ کونسل',
      'ایس سی او وزرائے خارجہ کونسل',
      'ایس سی او کی وزرائے خارجہ کونسل',
    ],
    acronyms: [],
  },
  {
    name: 'SCO Council of Heads of State',
    en: ['SCO summit', 'SCO Heads of State Council', 'SCO Council of Heads of State'],
    ur: ['شنگھائی تعاون تنظیم سربراہی اجلاس', 'شنگھائی تعاون تنظیم کے سربراہی اجلاس', 'ایس سی او سربراہی اجلاس'],
    acronyms: [],
  },
  {
    name: 'SCO Council of Heads of Government',
    en: ['SCO Council of Heads of Government', 'SCO Heads of Government Council', 'SCO CHG'],
    ur: [
      'ایس سی او سربراہان حکومت کونسل',
      'شنگھائی تعاون تنظیم کے سربراہان حکومت کی کونسل',
      'شنگھائی تعاون تنظیم کے سربراہان حکومت کا اجلاس',
      'ایس سی او سربراہان حکومت کا اجلاس',
    ],
    acronyms: [],
  },
  {
    name: 'Shanghai Cooperation Organisation',
    en: ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization'],
    ur: ['شنگھائی تعاون تنظیم', 'ایس سی او'],
    acronyms: ['SCO'],
  },
  {
    name: 'Intergovernmental Commission',
    en: [
      'Intergovernmental Commission',
      'Inter-Governmental Commission',
      'Inter Governmental Commission',
      'Intergovernmental Commission on Trade, Economic and Scientific Cooperation',
    ],
    ur: ['بین الحکومتی کمیشن', 'بین الحکومتی کمیشن برائے تجارت', 'انٹر گورنمنٹل کمیشن', 'بین حکومتی کمیشن'],
    acronyms: ['IGC'],
    igc: true,
  },
  {
    name: 'Joint Ministerial Commission',
    en: ['Joint Ministerial Commission', 'Joint Economic Commission', 'Joint Commission'],
    ur: ['مشترکہ وزارتی کمیشن', 'مشترکہ اقتصادی کمیشن', 'مشترکہ کمیشن', 'جوائنٹ منسٹیریل کمیشن', 'جوائنٹ اکنامک کمیشن'],
    acronyms: ['JMC', 'JEC'],
    igc: true,
  },
  {
    name: 'CPEC Joint Cooperation Committee',
    en: [
      'Joint Cooperation Committee',
      'CPEC Joint Cooperation Committee',
      'CPEC JCC',
      'CPEC Joint Coordination Committee',
    ],
    ur: ['مشترکہ تعاون کمیٹی', 'سی پیک مشترکہ تعاون کمیٹی', 'جے سی سی', 'سی پیک کی مشترکہ تعاون کمیٹی'],
    acronyms: ['JCC'],
    igc: true,
  },
  {
    // Not only CPEC's: Pakistan and Afghanistan, among others, keep one.
    name: 'Joint Coordination Committee',
    en: ['Joint Coordination Committee'],
    ur: ['مشترکہ رابطہ کمیٹی', 'جوائنٹ کوآرڈینیشن کمیٹی'],
    acronyms: [],
    igc: true,
  },
  {
    name: 'UN General Assembly',
    en: ['UN General Assembly', 'United Nations General Assembly', 'General Assembly'],
    ur: ['اقوام متحدہ کی جنرل اسمبلی', 'اقوام متحدہ جنرل اسمبلی', 'جنرل اسمبلی', 'یو این جی اے'],
    acronyms: ['UNGA'],
  },
  {
    name: 'UN Security Council',
    en: ['UN Security Council', 'United Nations Security Council', 'Security Council'],
    ur: ['اقوام متحدہ کی سلامتی کونسل', 'سلامتی کونسل'],
    acronyms: ['UNSC'],
  },
  {
    name: 'Economic Cooperation Organization',
    en: [
      'Economic Cooperation Organization',
      'Economic Cooperation Organisation',
      'ECO summit',
      'ECO Council of Ministers',
    ],
    ur: ['اقتصادی تعاون تنظیم', 'ای سی او', 'ای سی او سربراہی اجلاس', 'اقتصادی تعاون تنظیم کا سربراہی اجلاس'],
    acronyms: ['ECO'],
  },
  {
    name: 'Organisation of Islamic Cooperation',
    en: ['Organisation of Islamic Cooperation', 'Organization of Islamic Cooperation', 'OIC summit', 'Islamic Summit'],
    ur: ['اسلامی تعاون تنظیم', 'او آئی سی', 'او آئی سی سربراہی اجلاس', 'اسلامی سربراہی کانفرنس'],
    acronyms: ['OIC'],
  },
  {
    name: 'OIC Council of Foreign Ministers',
    en: ['OIC Council of Foreign Ministers', 'OIC CFM'],
    ur: ['او آئی سی وزرائے خارجہ کونسل', 'او آئی سی کی وزرائے خارجہ کونسل', 'اسلامی تعاون تنظیم کی وزرائے خارجہ کونسل'],
    acronyms: [],
  },
  {
    name: 'BRICS',
    en: ['BRICS summit', 'BRICS Summit'],
    ur: ['برکس', 'برکس سربراہی اجلاس', 'برکس کانفرنس'],
    acronyms: ['BRICS'],
  },
  { name: 'G20', en: ['G20', 'G-20', 'Group of Twenty'], ur: ['جی 20', 'جی ٹوئنٹی'], acronyms: [] },
  { name: 'G7', en: ['G7', 'G-7', 'Group of Seven'], ur: ['جی 7', 'جی سیون'], acronyms: [] },
  {
    name: 'D-8',
    en: ['D-8', 'D8', 'Developing Eight', 'D-8 summit', 'D-8 Organization for Economic Cooperation'],
    ur: ['ڈی 8', 'ڈی ایٹ', 'ڈی ایٹ سربراہی اجلاس', 'ڈی 8 سربراہی اجلاس', 'ترقی پذیر آٹھ'],
    acronyms: [],
  },
  {
    name: 'SAARC',
    en: ['South Asian Association for Regional Cooperation'],
    ur: ['سارک', 'جنوبی ایشیائی علاقائی تعاون تنظیم'],
    acronyms: ['SAARC'],
  },
  {
    name: 'CICA',
    en: ['Conference on Interaction and Confidence-Building Measures in Asia'],
    ur: [],
    acronyms: ['CICA'],
  },
  { name: 'Gulf Cooperation Council', en: ['Gulf Cooperation Council'], ur: ['خلیج تعاون کونسل'], acronyms: ['GCC'] },
  { name: 'Arab League', en: ['Arab League', 'League of Arab States'], ur: ['عرب لیگ'], acronyms: [] },
  {
    name: 'Commonwealth Heads of Government Meeting',
    en: ['Commonwealth Heads of Government Meeting'],
    ur: ['دولت مشترکہ سربراہی اجلاس'],
    acronyms: ['CHOGM'],
  },
  {
    name: 'World Economic Forum',
    en: ['World Economic Forum'],
    ur: ['عالمی اقتصادی فورم', 'ورلڈ اکنامک فورم'],
    acronyms: ['WEF'],
  },
  {
    name: 'St Petersburg International Economic Forum',
    en: ['St Petersburg International Economic Forum', 'St. Petersburg International Economic Forum'],
    ur: ['سینٹ پیٹرزبرگ انٹرنیشنل اکنامک فورم', 'سینٹ پیٹرزبرگ بین الاقوامی اقتصادی فورم'],
    acronyms: ['SPIEF'],
  },
  { name: 'Eastern Economic Forum', en: ['Eastern Economic Forum'], ur: ['ایسٹرن اکنامک فورم'], acronyms: ['EEF'] },
  {
    name: 'Belt and Road Forum',
    en: ['Belt and Road Forum', 'Belt and Road Forum for International Cooperation'],
    ur: ['بیلٹ اینڈ روڈ فورم'],
    acronyms: ['BRF'],
  },
  { name: 'Boao Forum for Asia', en: ['Boao Forum', 'Boao Forum for Asia'], ur: ['بواؤ فورم'], acronyms: [] },
  {
    name: 'Munich Security Conference',
    en: ['Munich Security Conference'],
    ur: ['میونخ سیکیورٹی کانفرنس'],
    acronyms: [],
  },
  {
    name: 'Shangri-La Dialogue',
    en: ['Shangri-La Dialogue', 'Shangri La Dialogue'],
    ur: ['شنگریلا ڈائیلاگ'],
    acronyms: [],
  },
  { name: 'Raisina Dialogue', en: ['Raisina Dialogue'], ur: ['رائسینا ڈائیلاگ'], acronyms: [] },
  {
    name: 'UN Climate Change Conference',
    en: ['UN Climate Change Conference', 'Conference of the Parties'],
    ur: ['اقوام متحدہ کی موسمیاتی کانفرنس'],
    acronyms: ['COP', 'UNFCCC'],
  },
  {
    name: 'Asia Cooperation Dialogue',
    en: ['Asia Cooperation Dialogue'],
    ur: ['ایشیا تعاون مکالمہ'],
    acronyms: ['ACD'],
  },
  {
    name: 'Islamabad Security Dialogue',
    en: ['Islamabad Security Dialogue'],
    ur: ['اسلام آباد سیکیورٹی ڈائیلاگ'],
    acronyms: [],
  },
  {
    name: 'High-Level Strategic Cooperation Council',
    en: ['High-Level Strategic Cooperation Council', 'High Level Strategic Cooperation Council'],
    ur: [
      'اعلیٰ سطحی اسٹریٹجک تعاون کونسل',
      'اعلی سطحی اسٹریٹجک تعاون کونسل',
      'اعلیٰ سطح کی اسٹریٹجک تعاون کونسل',
      'اعلیٰ سطحی تزویراتی تعاون کونسل',
    ],
    acronyms: ['HLSCC'],
    igc: true,
  },
  {
    name: 'Strategic Dialogue',
    en: ['Strategic Dialogue'],
    ur: ['اسٹریٹجک ڈائیلاگ', 'اسٹریٹجک مذاکرات', 'تزویراتی مذاکرات'],
    acronyms: [],
  },
  {
    name: 'Bilateral Political Consultations',
    en: [
      'Bilateral Political Consultations',
      'Political Consultations',
      'bilateral political consultations',
      'Foreign Office Consultations',
      'Bilateral Consultative Mechanism',
    ],
    ur: [
      'دوطرفہ سیاسی مشاورت',
      'دو طرفہ سیاسی مشاورت',
      'سیاسی مشاورت',
      'دفتر خارجہ کی سطح پر مشاورت',
      'دوطرفہ مشاورتی میکنزم',
      'دو طرفہ مشاورتی میکانزم',
    ],
    acronyms: ['BPC'],
  },
  {
    name: 'Joint Business Council',
    en: ['Joint Business Council'],
    ur: ['مشترکہ بزنس کونسل', 'جوائنٹ بزنس کونسل'],
    acronyms: ['JBC'],
  },
  {
    name: 'Joint Steering Committee',
    en: ['Joint Steering Committee'],
    ur: ['مشترکہ اسٹیئرنگ کمیٹی', 'جوائنٹ اسٹیئرنگ کمیٹی'],
    // Not "JSC": in Central Asian and Russian company names it is a joint-stock company (Kazakh Invest JSC).
    acronyms: [],
  },
  {
    name: 'Central Asia Regional Economic Cooperation',
    en: ['Central Asia Regional Economic Cooperation', 'CAREC Ministerial Conference', 'CAREC Program'],
    ur: ['کیریک', 'کیرک', 'سی اے آر ای سی', 'وسطی ایشیا علاقائی اقتصادی تعاون', 'کیریک وزارتی کانفرنس'],
    acronyms: ['CAREC'],
  },
  {
    name: 'Joint Working Group',
    en: ['Joint Working Group', 'Joint Working Groups'],
    ur: ['مشترکہ ورکنگ گروپ', 'جوائنٹ ورکنگ گروپ', 'مشترکہ ورکنگ گروپس', 'مشترکہ ورکنگ گروپوں'],
    acronyms: ['JWG'],
  },
  {
    name: 'Joint Trade Committee',
    en: ['Joint Trade Committee'],
    ur: ['مشترکہ تجارتی کمیٹی', 'جوائنٹ ٹریڈ کمیٹی'],
    acronyms: ['JTC'],
  },
  {
    name: 'Joint Technical Committee',
    en: ['Joint Technical Committee'],
    ur: ['مشترکہ تکنیکی کمیٹی', 'جوائنٹ ٹیکنیکل کمیٹی'],
    acronyms: [],
  },
  {
    name: 'Heart of Asia–Istanbul Process',
    en: ['Heart of Asia', 'Istanbul Process'],
    ur: ['ہارٹ آف ایشیا'],
    acronyms: [],
  },
  { name: 'Non-Aligned Movement', en: ['Non-Aligned Movement'], ur: ['غیر وابستہ تحریک'], acronyms: ['NAM'] },
  {
    name: 'Financial Action Task Force',
    en: ['Financial Action Task Force', 'FATF plenary'],
    ur: ['فنانشل ایکشن ٹاسک فورس', 'ایف اے ٹی ایف'],
    acronyms: ['FATF'],
  },
  {
    name: 'UN Human Rights Council',
    en: ['UN Human Rights Council', 'Human Rights Council'],
    ur: ['انسانی حقوق کونسل'],
    acronyms: ['UNHRC'],
  },
];

/**
 * Forum names that are also the names of other bodies when a word qualifies them ("National Security Council",
 * "Punjab … General Assembly", "قومی سلامتی کونسل"): read as the forum only when nothing but the UN, a country or
 * an article stands before them.
 */
export const QUALIFIABLE_FORUM_NAMES = [
  'Security Council',
  'General Assembly',
  'Human Rights Council',
  'Joint Commission',
  'Political Consultations',
  'سلامتی کونسل',
  'جنرل اسمبلی',
  'انسانی حقوق کونسل',
];
/** Words before such a name that leave it the forum: "the UN Security Council", "اقوام متحدہ کی سلامتی کونسل". */
export const FORUM_QUALIFIERS_OK = [
  'the',
  'un',
  'united',
  'nations',
  'a',
  'its',
  'bilateral',
  'اقوام',
  'متحدہ',
  'کی',
  'کے',
  'کا',
];
