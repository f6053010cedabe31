// Titles and positions of officials in English and Urdu, and the portfolios that follow them ("Minister for
// Energy", "وزیر توانائی", "معاون خصوصی برائے صنعت و پیداوار"). Each title line: English spellings | Urdu
// spellings; the first of each is the canonical form a proposal carries.

const TITLE_TABLE = `
President|صدر;صدر مملکت
Vice President|نائب صدر
Prime Minister;PM;Premier|وزیر اعظم;وزیراعظم;پرائم منسٹر
Deputy Prime Minister;Deputy PM;Vice Premier|نائب وزیر اعظم;نائب وزیراعظم;ڈپٹی وزیر اعظم;ڈپٹی وزیراعظم;ڈپٹی پرائم منسٹر
First Deputy Prime Minister|پہلے نائب وزیر اعظم;اول نائب وزیر اعظم
Foreign Minister;Minister of Foreign Affairs;Minister for Foreign Affairs;Foreign Affairs Minister|وزیر خارجہ;وزیرخارجہ
Deputy Foreign Minister|نائب وزیر خارجہ
Minister|وزیر
Federal Minister|وفاقی وزیر
Minister of State;State Minister|وزیر مملکت
Deputy Minister;Vice Minister|نائب وزیر
First Deputy Minister|پہلے نائب وزیر;اول نائب وزیر
Special Assistant to the Prime Minister;SAPM|وزیر اعظم کے معاون خصوصی;وزیراعظم کے معاون خصوصی
Special Assistant|معاون خصوصی
Adviser;Advisor|مشیر
Adviser to the Prime Minister|وزیر اعظم کے مشیر;وزیراعظم کے مشیر
Foreign Secretary|سیکرٹری خارجہ;سیکریٹری خارجہ;خارجہ سیکرٹری
Secretary|سیکرٹری;سیکریٹری;سکریٹری
Secretary-General;Secretary General|سیکرٹری جنرل;سیکریٹری جنرل
Federal Secretary|وفاقی سیکرٹری;وفاقی سیکریٹری
Additional Secretary|ایڈیشنل سیکرٹری;ایڈیشنل سیکریٹری
Joint Secretary|جوائنٹ سیکرٹری;جوائنٹ سیکریٹری
Ambassador|سفیر
Ambassador-designate|نامزد سفیر
High Commissioner|ہائی کمشنر
Consul General|قونصل جنرل
Charge d'Affaires;Chargé d'Affaires|ناظم الامور
Envoy|ایلچی;مندوب
Special Envoy|خصوصی ایلچی;نمائندہ خصوصی;خصوصی نمائندے;خصوصی نمائندہ
Director General;DG|ڈائریکٹر جنرل;ڈی جی
General Director|جنرل ڈائریکٹر
Deputy Director General|ڈپٹی ڈائریکٹر جنرل
Director|ڈائریکٹر
Chairman;Chairperson;Chair|چیئرمین;چیئرپرسن;چیرمین
Vice Chairman;Deputy Chairman|وائس چیئرمین;ڈپٹی چیئرمین;نائب چیئرمین
Chief Executive Officer;CEO;Chief Executive|چیف ایگزیکٹو آفیسر;چیف ایگزیکٹو;سی ای او
Managing Director;MD|منیجنگ ڈائریکٹر;مینیجنگ ڈائریکٹر
Executive Director|ایگزیکٹو ڈائریکٹر
Governor|گورنر
Chief Minister;CM|وزیر اعلیٰ;وزیراعلیٰ;وزیر اعلی;وزیراعلی
Speaker|اسپیکر;سپیکر
Deputy Speaker|ڈپٹی اسپیکر;ڈپٹی سپیکر
Chief of Army Staff;Army Chief;COAS|آرمی چیف;چیف آف آرمی اسٹاف;سپہ سالار
Field Marshal|فیلڈ مارشل
Chairman Joint Chiefs of Staff Committee|چیئرمین جوائنٹ چیفس آف اسٹاف کمیٹی
Spokesperson;Spokesman;Spokeswoman|ترجمان
Commissioner|کمشنر
Crown Prince|ولی عہد
King|بادشاہ
Emir;Amir|
Mayor|میئر
Deputy Governor|ڈپٹی گورنر
Member of the National Assembly;MNA|رکن قومی اسمبلی;ایم این اے
Attache;Attaché|اتاشی
Trade Representative|تجارتی نمائندہ
Counsellor;Counselor|کونسلر
General Manager;GM|جنرل منیجر;جنرل مینیجر
Deputy General Manager|ڈپٹی جنرل منیجر
Manager|منیجر;مینیجر
Chief Operating Officer;COO|چیف آپریٹنگ آفیسر
Chief Financial Officer;CFO|چیف فنانشل آفیسر
Chief Human Resources Officer|چیف ہیومن ریسورسز آفیسر
Chief Technology Officer;CTO|چیف ٹیکنالوجی آفیسر
Chief Economist|چیف اکانومسٹ
Focal Person|فوکل پرسن
Deputy Chief of Mission;Deputy Head of Mission|ڈپٹی چیف آف مشن;ڈپٹی ہیڈ آف مشن;نائب سربراہ مشن
Head of Mission|ہیڈ آف مشن;سربراہ مشن
Head Coach|ہیڈ کوچ
Coach|کوچ
Captain|کپتان
Chief Secretary|چیف سیکرٹری;چیف سیکریٹری
Chief Justice|چیف جسٹس
Inspector General|انسپکٹر جنرل
Auditor General|آڈیٹر جنرل
Attorney General|اٹارنی جنرل
General|جنرل
Lieutenant General;Lt Gen|لیفٹیننٹ جنرل
Major General;Maj Gen|میجر جنرل
Brigadier|بریگیڈیئر;بریگیڈیر
Colonel|کرنل
Admiral|ایڈمرل
Vice Admiral|وائس ایڈمرل
Rear Admiral|ریئر ایڈمرل;رئیر ایڈمرل
Commodore|کموڈور
Air Chief Marshal|ایئر چیف مارشل
Air Marshal|ایئر مارشل
Air Vice Marshal|ایئر وائس مارشل
Chief of Naval Staff;Naval Chief|چیف آف نیول اسٹاف;نیول چیف
Chief of Air Staff;Air Chief|چیف آف ایئر اسٹاف;ایئر چیف
`;

const PORTFOLIO_TABLE = `
Foreign Affairs|امور خارجہ;خارجہ امور;خارجہ
Interior|داخلہ
Finance|خزانہ
Finance and Revenue|خزانہ و محصولات
Commerce|تجارت
Trade|تجارت
Energy|توانائی
Power|بجلی
Petroleum|پیٹرولیم;پٹرولیم
Industries and Production|صنعت و پیداوار;صنعت و حرفت;صنعتوں
Industry|صنعت
Railways|ریلوے;ریلویز
Planning and Development|منصوبہ بندی و ترقی;منصوبہ بندی
Planning, Development and Special Initiatives|منصوبہ بندی، ترقی و خصوصی اقدامات
Defence;Defense|دفاع
Defence Production|دفاعی پیداوار
Education|تعلیم
Health|صحت
Information|اطلاعات
Information and Broadcasting|اطلاعات و نشریات
Law and Justice|قانون و انصاف;قانون
Communications|مواصلات
Maritime Affairs|بحری امور
Water Resources|آبی وسائل
Economic Affairs|اقتصادی امور
Investment|سرمایہ کاری
Privatisation;Privatization|نجکاری
Science and Technology|سائنس و ٹیکنالوجی;سائنس اور ٹیکنالوجی
Information Technology;IT|انفارمیشن ٹیکنالوجی;آئی ٹی
Climate Change|موسمیاتی تبدیلی
Culture|ثقافت
Tourism|سیاحت
Agriculture|زراعت
National Food Security|قومی غذائی تحفظ;غذائی تحفظ
Labour|محنت
Housing|ہاؤسنگ
Human Rights|انسانی حقوق
Religious Affairs|مذہبی امور
Overseas Pakistanis|سمندر پار پاکستانیز;سمندر پار پاکستانی
Kashmir Affairs|امور کشمیر
Parliamentary Affairs|پارلیمانی امور
Economy|معیشت;اقتصادیات
Economic Development|اقتصادی ترقی
Natural Resources|قدرتی وسائل
Transport|ٹرانسپورٹ;نقل و حمل
Mining|کان کنی
Digital Development|ڈیجیٹل ترقی
Emergency Situations|ہنگامی حالات
Telecommunication|ٹیلی کمیونیکیشن
Textile|ٹیکسٹائل
`;

export interface TitleNames {
  en: string[];
  ur: string[];
}

function parse(table: string): TitleNames[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [en, ur] = line.split('|');
      return { en: en.split(';').filter(Boolean), ur: (ur ?? '').split(';').filter(Boolean) };
    });
}

export const TITLES: TitleNames[] = parse(TITLE_TABLE);
export const PORTFOLIOS: TitleNames[] = parse(PORTFOLIO_TABLE);

/**
 * Single words a portfolio is made of, beyond the portfolios above ("Minister of State for Public Health",
 * "وزیر سرمایہ کاری، صنعت و تجارت", "ڈائریکٹر جنرل برائے سرحدی تجارت"): a title's portfolio runs as long as its
 * words are these or the words of a portfolio or a sector keyword.
 */
export const PORTFOLIO_WORDS = [
  'public',
  'national',
  'services',
  'research',
  'rural',
  'construction',
  'operations',
  'special',
  'initiatives',
  'coordination',
  'regional',
  'international',
  'cooperation',
  'relations',
  'policy',
  'asia',
  'europe',
  'africa',
  'americas',
  'pacific',
  'middle',
  'east',
  'south',
  'north',
  'west',
  'central',
  'planning',
  'reform',
  'reforms',
  'resources',
  'affairs',
  'border',
  'security',
  'food',
  'human',
  'rights',
  'revenue',
  'ports',
  'shipping',
  'industry',
  'industries',
  'production',
  'investment',
  'economic',
  'development',
  'قومی',
  'تحقیق',
  'دیہی',
  'سرحدی',
  'آپریشنز',
  'عوامی',
  'خصوصی',
  'اقدامات',
  'امور',
  'ترقی',
  'پیداوار',
  'صنعت',
  'تجارت',
  'سرمایہ',
  'کاری',
  'وسائل',
  'اقتصادی',
  'منصوبہ',
  'بندی',
  'تحفظ',
  'غذائی',
  'بین',
  'الاقوامی',
  'علاقائی',
  'تعاون',
  'ایشیا',
  'یورپ',
  'افریقہ',
  'مشرق',
  'وسطی',
  'جنوبی',
  'شمالی',
];

/** Family and clan names that belong to the name as given (kept in a new person's name): Syed, Rana, Malik… */
export const CLAN_NAMES = [
  'syed',
  'sayed',
  'sardar',
  'rana',
  'malik',
  'raja',
  'mehr',
  'chaudhry',
  'mian',
  'سید',
  'سردار',
  'رانا',
  'ملک',
  'راجہ',
  'راجا',
  'مہر',
  'چوہدری',
  'میاں',
];

/** Words before a title that belong to it: "Federal Minister", "Acting Secretary", "قائم مقام سفیر". */
export const TITLE_PREFIXES = new Set([
  'federal',
  'acting',
  'former',
  'caretaker',
  'interim',
  'provincial',
  'deputy',
  'senior',
  'first',
  'وفاقی',
  'قائم',
  'مقام',
  'سابق',
  'نگران',
  'صوبائی',
  'نائب',
  'سینئر',
]);

/** Honorifics before a name; dropped when names are compared. */
export const HONORIFICS = [
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'senator',
  'sen',
  'maulana',
  'hafiz',
  'nawab',
  'makhdoom',
  'begum',
  'engr',
  'engineer',
  'sir',
  'his excellency',
  'her excellency',
  'excellency',
  'جناب',
  'محترم',
  'محترمہ',
  'ڈاکٹر',
  'پروفیسر',
  'سینیٹر',
  'مولانا',
  'حافظ',
  'نواب',
  'مخدوم',
  'بیگم',
  'انجینئر',
  'مسٹر',
  'مسز',
  'عزت مآب',
  'ہز ایکسیلنسی',
  'haji',
  'حاجی',
  'mawlawi',
  'مولوی',
  'datuk',
];
