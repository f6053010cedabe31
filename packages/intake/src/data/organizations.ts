// Well-known bodies the Pakistani press names without introducing them: Pakistan's state enterprises, regulators
// and divisions, and the lenders, funds and companies of its cooperation projects — in English, in Urdu and by
// acronym. They are recognised as organisations even when the database does not hold them (a record of the
// database with the same name or acronym is preferred, and carries its id).

export interface OrganizationNames {
  en: string[];
  ur: string[];
  /** Matched only as written in capitals (Latin) or as written (Urdu letters). */
  acronyms: string[];
  countryCode: string | null;
}

export const ORGANIZATIONS: OrganizationNames[] = [
  // Pakistan: state enterprises, authorities, regulators
  {
    en: ['Water and Power Development Authority', 'Wapda'],
    ur: ['واپڈا', 'واپڈا اتھارٹی'],
    acronyms: ['WAPDA'],
    countryCode: 'PK',
  },
  {
    en: ['National Highway Authority'],
    ur: ['نیشنل ہائی وے اتھارٹی', 'این ایچ اے'],
    acronyms: ['NHA'],
    countryCode: 'PK',
  },
  {
    en: ['Oil and Gas Development Company Limited', 'Oil and Gas Development Company'],
    ur: ['آئل اینڈ گیس ڈیولپمنٹ کمپنی', 'او جی ڈی سی ایل'],
    acronyms: ['OGDCL'],
    countryCode: 'PK',
  },
  {
    en: ['Pakistan Petroleum Limited'],
    ur: ['پاکستان پیٹرولیم لمیٹڈ', 'پی پی ایل'],
    acronyms: ['PPL'],
    countryCode: 'PK',
  },
  { en: ['Pakistan State Oil'], ur: ['پاکستان اسٹیٹ آئل', 'پی ایس او'], acronyms: ['PSO'], countryCode: 'PK' },
  {
    en: ['Sui Northern Gas Pipelines Limited'],
    ur: ['سوئی ناردرن گیس', 'ایس این جی پی ایل'],
    acronyms: ['SNGPL'],
    countryCode: 'PK',
  },
  {
    en: ['Sui Southern Gas Company'],
    ur: ['سوئی سدرن گیس کمپنی', 'ایس ایس جی سی'],
    acronyms: ['SSGC', 'SSGCL'],
    countryCode: 'PK',
  },
  {
    en: ['National Transmission and Despatch Company'],
    ur: ['نیشنل ٹرانسمیشن اینڈ ڈسپیچ کمپنی', 'این ٹی ڈی سی'],
    acronyms: ['NTDC'],
    countryCode: 'PK',
  },
  {
    en: ['National Electric Power Regulatory Authority', 'Nepra'],
    ur: ['نیپرا'],
    acronyms: ['NEPRA'],
    countryCode: 'PK',
  },
  { en: ['Oil and Gas Regulatory Authority', 'Ogra'], ur: ['اوگرا'], acronyms: ['OGRA'], countryCode: 'PK' },
  {
    en: ['Securities and Exchange Commission of Pakistan'],
    ur: ['ایس ای سی پی'],
    acronyms: ['SECP'],
    countryCode: 'PK',
  },
  {
    en: ['State Bank of Pakistan'],
    ur: ['اسٹیٹ بینک آف پاکستان', 'اسٹیٹ بینک', 'سٹیٹ بینک'],
    acronyms: ['SBP'],
    countryCode: 'PK',
  },
  { en: ['Federal Board of Revenue'], ur: ['فیڈرل بورڈ آف ریونیو', 'ایف بی آر'], acronyms: ['FBR'], countryCode: 'PK' },
  {
    en: ['Pakistan International Airlines'],
    ur: ['پی آئی اے', 'قومی ایئر لائن'],
    acronyms: ['PIA'],
    countryCode: 'PK',
  },
  { en: ['Foreign Office'], ur: ['دفتر خارجہ'], acronyms: [], countryCode: 'PK' },
  { en: ['Pakistan Railways'], ur: ['پاکستان ریلویز'], acronyms: [], countryCode: 'PK' },
  {
    en: ['National Logistics Corporation', 'National Logistics Cell'],
    ur: ['این ایل سی'],
    acronyms: ['NLC'],
    countryCode: 'PK',
  },
  {
    en: ['Frontier Works Organization', 'Frontier Works Organisation'],
    ur: ['ایف ڈبلیو او'],
    acronyms: ['FWO'],
    countryCode: 'PK',
  },
  { en: ['National Disaster Management Authority'], ur: ['این ڈی ایم اے'], acronyms: ['NDMA'], countryCode: 'PK' },
  {
    en: ['Special Investment Facilitation Council'],
    ur: ['خصوصی سرمایہ کاری سہولت کونسل', 'ایس آئی ایف سی'],
    acronyms: ['SIFC'],
    countryCode: 'PK',
  },
  // Not by "Board of Investment" alone: the provinces have theirs (Sindh Board of Investment).
  { en: [], ur: ['بورڈ آف انویسٹمنٹ', 'سرمایہ کاری بورڈ'], acronyms: ['BOI'], countryCode: 'PK' },
  { en: ['CPEC Authority'], ur: ['سی پیک اتھارٹی'], acronyms: [], countryCode: 'PK' },
  { en: ['Planning Commission'], ur: ['منصوبہ بندی کمیشن', 'پلاننگ کمیشن'], acronyms: [], countryCode: 'PK' },
  { en: ['Trade Development Authority of Pakistan'], ur: ['ٹی ڈی اے پی'], acronyms: ['TDAP'], countryCode: 'PK' },
  { en: ['Karachi Port Trust'], ur: ['کراچی پورٹ ٹرسٹ', 'کے پی ٹی'], acronyms: ['KPT'], countryCode: 'PK' },
  { en: ['Port Qasim Authority'], ur: ['پورٹ قاسم اتھارٹی'], acronyms: ['PQA'], countryCode: 'PK' },
  { en: ['Gwadar Port Authority'], ur: ['گوادر پورٹ اتھارٹی'], acronyms: ['GPA'], countryCode: 'PK' },
  { en: ['Pakistan National Shipping Corporation'], ur: ['پی این ایس سی'], acronyms: ['PNSC'], countryCode: 'PK' },
  {
    en: ['Pakistan Atomic Energy Commission'],
    ur: ['پاکستان اٹامک انرجی کمیشن'],
    acronyms: ['PAEC'],
    countryCode: 'PK',
  },
  { en: ['Higher Education Commission'], ur: ['ہائر ایجوکیشن کمیشن'], acronyms: ['HEC'], countryCode: 'PK' },
  {
    en: ['Space and Upper Atmosphere Research Commission', 'Suparco'],
    ur: ['سپارکو'],
    acronyms: ['SUPARCO'],
    countryCode: 'PK',
  },
  { en: ['Private Power and Infrastructure Board'], ur: ['پی پی آئی بی'], acronyms: ['PPIB'], countryCode: 'PK' },
  { en: ['Alternative Energy Development Board'], ur: ['اے ای ڈی بی'], acronyms: ['AEDB'], countryCode: 'PK' },
  { en: ['Inter-Services Public Relations'], ur: ['آئی ایس پی آر'], acronyms: ['ISPR'], countryCode: 'PK' },
  { en: ['Export-Import Bank of Pakistan', 'Exim Bank of Pakistan'], ur: [], acronyms: [], countryCode: 'PK' },
  { en: ['National Bank of Pakistan'], ur: ['نیشنل بینک'], acronyms: ['NBP'], countryCode: 'PK' },
  // Lenders and funds
  {
    en: ['Asian Development Bank'],
    ur: ['ایشیائی ترقیاتی بینک', 'ایشین ڈیولپمنٹ بینک', 'اے ڈی بی'],
    acronyms: ['ADB'],
    countryCode: null,
  },
  {
    en: ['Asian Infrastructure Investment Bank'],
    ur: ['ایشین انفراسٹرکچر انویسٹمنٹ بینک', 'ایشیائی انفراسٹرکچر سرمایہ کاری بینک', 'اے آئی آئی بی'],
    acronyms: ['AIIB'],
    countryCode: null,
  },
  { en: ['Islamic Development Bank'], ur: ['اسلامی ترقیاتی بینک'], acronyms: ['IsDB'], countryCode: null },
  { en: ['World Bank'], ur: ['عالمی بینک', 'ورلڈ بینک'], acronyms: [], countryCode: null },
  {
    en: ['International Monetary Fund'],
    ur: ['عالمی مالیاتی فنڈ', 'آئی ایم ایف'],
    acronyms: ['IMF'],
    countryCode: null,
  },
  {
    en: ['International Finance Corporation'],
    ur: ['انٹرنیشنل فنانس کارپوریشن'],
    acronyms: ['IFC'],
    countryCode: null,
  },
  { en: ['OPEC Fund for International Development', 'OPEC Fund'], ur: ['اوپیک فنڈ'], acronyms: [], countryCode: null },
  {
    en: ['International Islamic Trade Finance Corporation'],
    ur: ['انٹرنیشنل اسلامک ٹریڈ فنانس کارپوریشن'],
    acronyms: ['ITFC'],
    countryCode: null,
  },
  {
    en: ['Saudi Fund for Development'],
    ur: ['سعودی فنڈ برائے ترقی', 'سعودی ترقیاتی فنڈ', 'سعودی فنڈ فار ڈیولپمنٹ'],
    acronyms: ['SFD'],
    countryCode: 'SA',
  },
  {
    en: ['Kuwait Fund for Arab Economic Development', 'Kuwait Fund'],
    ur: ['کویت فنڈ'],
    acronyms: ['KFAED'],
    countryCode: 'KW',
  },
  {
    en: ['Abu Dhabi Fund for Development'],
    ur: ['ابوظہبی فنڈ برائے ترقی', 'ابوظہبی ترقیاتی فنڈ'],
    acronyms: ['ADFD'],
    countryCode: 'AE',
  },
  { en: ['Qatar Fund for Development'], ur: ['قطر فنڈ برائے ترقی'], acronyms: ['QFFD'], countryCode: 'QA' },
  { en: ['Public Investment Fund'], ur: ['پبلک انویسٹمنٹ فنڈ'], acronyms: ['PIF'], countryCode: 'SA' },
  { en: ['Qatar Investment Authority'], ur: ['قطر انویسٹمنٹ اتھارٹی'], acronyms: ['QIA'], countryCode: 'QA' },
  {
    en: ['Export-Import Bank of China', 'China Exim Bank', 'China EXIM Bank', 'Exim Bank of China'],
    ur: ['چائنا ایگزم بینک', 'چین کا ایگزم بینک', 'چائنا ایکزم بینک'],
    acronyms: [],
    countryCode: 'CN',
  },
  { en: ['China Development Bank'], ur: ['چائنا ڈیولپمنٹ بینک'], acronyms: ['CDB'], countryCode: 'CN' },
  { en: ['Japan International Cooperation Agency'], ur: ['جائیکا'], acronyms: ['JICA'], countryCode: 'JP' },
  {
    en: ['United States Agency for International Development'],
    ur: ['یو ایس ایڈ'],
    acronyms: ['USAID'],
    countryCode: 'US',
  },
  {
    en: ['Agence Française de Développement', 'French Development Agency'],
    ur: [],
    acronyms: ['AFD'],
    countryCode: 'FR',
  },
  // Companies of the cooperation projects
  { en: ['Saudi Aramco', 'Aramco'], ur: ['سعودی آرامکو', 'آرامکو'], acronyms: [], countryCode: 'SA' },
  {
    en: ['China Road and Bridge Corporation'],
    ur: ['چائنا روڈ اینڈ برج کارپوریشن'],
    acronyms: ['CRBC'],
    countryCode: 'CN',
  },
  {
    en: ['China Harbour Engineering Company'],
    ur: ['چائنا ہاربر انجینئرنگ کمپنی'],
    acronyms: ['CHEC'],
    countryCode: 'CN',
  },
  {
    en: ['Power Construction Corporation of China', 'PowerChina'],
    ur: ['پاور چائنا'],
    acronyms: [],
    countryCode: 'CN',
  },
  { en: ['China Three Gorges Corporation'], ur: ['چائنا تھری گورجز'], acronyms: ['CTG'], countryCode: 'CN' },
  { en: ['State Oil Company of Azerbaijan Republic'], ur: ['سوکار'], acronyms: ['SOCAR'], countryCode: 'AZ' },
  { en: ['Gazprom'], ur: ['گیزپروم', 'گازپروم'], acronyms: [], countryCode: 'RU' },
  { en: ['Rosatom'], ur: ['روس ایٹم', 'روساٹم'], acronyms: [], countryCode: 'RU' },
  { en: ['Turkmengaz'], ur: ['ترکمن گیس'], acronyms: [], countryCode: 'TM' },
  { en: ['Qatar Energy', 'QatarEnergy'], ur: ['قطر انرجی'], acronyms: [], countryCode: 'QA' },
];
