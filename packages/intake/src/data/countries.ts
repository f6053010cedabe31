// Countries as the press names them, beyond the database's one English and one Urdu name: short and long forms,
// the adjectives ("Russian", "روسی") that mark a country as plainly as its name, in English and Urdu.
// One line per country: ISO code | English names | English adjectives | Urdu names | Urdu adjectives.

const TABLE = `
PK|Pakistan;Islamic Republic of Pakistan;Pak|Pakistani;Pakistanis|پاکستان;اسلامی جمہوریہ پاکستان;پاک|پاکستانی
RU|Russia;Russian Federation|Russian;Russians|روس;روسی فیڈریشن;رشین فیڈریشن;رشیا|روسی
CN|China;People's Republic of China;PRC|Chinese|چین;عوامی جمہوریہ چین|چینی
US|United States;United States of America;USA;US;U.S.;America|American;Americans|امریکہ;امریکا;ریاستہائے متحدہ;ریاستہائے متحدہ امریکہ|امریکی
GB|United Kingdom;UK;U.K.;Britain;Great Britain|British|برطانیہ;یونائیٹڈ کنگڈم|برطانوی
UZ|Uzbekistan|Uzbek|ازبکستان|ازبک
KZ|Kazakhstan|Kazakh|قازقستان;قزاقستان|قازق
KG|Kyrgyzstan;Kyrgyz Republic|Kyrgyz|کرغزستان;کرغیزستان|کرغز
TJ|Tajikistan|Tajik|تاجکستان|تاجک
TM|Turkmenistan|Turkmen|ترکمانستان;ترکمنستان|ترکمان
AF|Afghanistan|Afghan|افغانستان|افغان
IR|Iran;Islamic Republic of Iran|Iranian|ایران|ایرانی
TR|Turkey;Türkiye;Turkiye|Turkish|ترکی;ترکیہ|ترک
AZ|Azerbaijan|Azerbaijani;Azeri|آذربائیجان;آزربائیجان|آذربائیجانی;آذری
SA|Saudi Arabia;Kingdom of Saudi Arabia;KSA|Saudi|سعودی عرب;مملکت سعودی عرب|سعودی
AE|United Arab Emirates;UAE|Emirati|متحدہ عرب امارات;یو اے ای|اماراتی
QA|Qatar|Qatari|قطر|قطری
KW|Kuwait|Kuwaiti|کویت|کویتی
BH|Bahrain|Bahraini|بحرین|بحرینی
OM|Oman|Omani|عمان;سلطنت عمان|عمانی
IQ|Iraq|Iraqi|عراق|عراقی
SY|Syria|Syrian|سوریہ;ملک شام|شامی
JO|Jordan|Jordanian|اردن|اردنی
EG|Egypt|Egyptian|مصر|مصری
PS|Palestine|Palestinian|فلسطین|فلسطینی
IL|Israel|Israeli|اسرائیل|اسرائیلی
IN|India|Indian|بھارت;ہندوستان;انڈیا|بھارتی;ہندوستانی
BD|Bangladesh|Bangladeshi|بنگلہ دیش|بنگلہ دیشی
LK|Sri Lanka|Sri Lankan|سری لنکا|سری لنکن
NP|Nepal|Nepalese;Nepali|نیپال|نیپالی
MV|Maldives|Maldivian|مالدیپ|مالدیپی
MY|Malaysia|Malaysian|ملائیشیا;ملائشیا;ملیشیا|ملائیشین;ملائیشیائی
ID|Indonesia|Indonesian|انڈونیشیا|انڈونیشین;انڈونیشیائی
TH|Thailand|Thai|تھائی لینڈ|تھائی
VN|Vietnam;Viet Nam|Vietnamese|ویتنام;ویت نام|ویتنامی
SG|Singapore|Singaporean|سنگاپور|سنگاپوری
PH|Philippines|Filipino;Philippine|فلپائن|فلپائنی
JP|Japan|Japanese|جاپان|جاپانی
KR|South Korea;Republic of Korea;Korea|South Korean;Korean|جنوبی کوریا;کوریا|کوریائی;جنوبی کوریائی
KP|North Korea;DPRK|North Korean|شمالی کوریا|شمالی کوریائی
MN|Mongolia|Mongolian|منگولیا|منگول
BY|Belarus|Belarusian|بیلاروس;بیلا روس|بیلاروسی
UA|Ukraine|Ukrainian|یوکرین|یوکرینی
DE|Germany|German|جرمنی|جرمن
FR|France|French|فرانس|فرانسیسی
IT|Italy|Italian|اٹلی|اطالوی
ES|Spain|Spanish|اسپین;سپین|ہسپانوی
PL|Poland|Polish|پولینڈ|پولش
NL|Netherlands;Holland|Dutch|نیدرلینڈز;ہالینڈ|ڈچ
BE|Belgium|Belgian|بیلجیئم|بیلجیئن
CH|Switzerland|Swiss|سوئٹزرلینڈ|سوئس
AT|Austria|Austrian|آسٹریا|آسٹرین
SE|Sweden|Swedish|سویڈن|سویڈش
NO|Norway|Norwegian|ناروے|نارویجن
DK|Denmark|Danish|ڈنمارک|ڈینش
FI|Finland|Finnish|فن لینڈ|فننش
GR|Greece|Greek|یونان|یونانی
HU|Hungary|Hungarian|ہنگری|ہنگیرین
CZ|Czech Republic;Czechia|Czech|چیک جمہوریہ;چیک ریپبلک|چیک
RO|Romania|Romanian|رومانیہ|رومانوی
RS|Serbia|Serbian|سربیا|سربین
BG|Bulgaria|Bulgarian|بلغاریہ|بلغاری
PT|Portugal|Portuguese|پرتگال|پرتگالی
IE|Ireland|Irish|آئرلینڈ|آئرش
CA|Canada|Canadian|کینیڈا|کینیڈین
MX|Mexico|Mexican|میکسیکو|میکسیکن
BR|Brazil|Brazilian|برازیل|برازیلی
AR|Argentina|Argentine;Argentinian|ارجنٹائن;ارجنٹینا|ارجنٹائنی
AU|Australia|Australian|آسٹریلیا|آسٹریلوی;آسٹریلین
NZ|New Zealand|New Zealander|نیوزی لینڈ|نیوزی لینڈ کے
ZA|South Africa|South African|جنوبی افریقہ|جنوبی افریقی
NG|Nigeria|Nigerian|نائیجیریا|نائیجیرین
KE|Kenya|Kenyan|کینیا|کینیائی
ET|Ethiopia|Ethiopian|ایتھوپیا|ایتھوپیائی
MA|Morocco|Moroccan|مراکش|مراکشی
DZ|Algeria|Algerian|الجزائر|الجزائری
TN|Tunisia|Tunisian|تیونس|تیونسی
LY|Libya|Libyan|لیبیا|لیبیائی
SD|Sudan|Sudanese|سوڈان|سوڈانی
LB|Lebanon|Lebanese|لبنان|لبنانی
YE|Yemen|Yemeni|یمن|یمنی
GE|Georgia|Georgian|جارجیا|جارجیائی
AM|Armenia|Armenian|آرمینیا|آرمینیائی
MM|Myanmar;Burma|Burmese|میانمار;برما|برمی
KH|Cambodia|Cambodian|کمبوڈیا|کمبوڈین
LA|Laos|Lao;Laotian|لاؤس|لاؤ
BN|Brunei|Bruneian|برونائی|برونائی
`;

export interface CountryNames {
  code: string;
  en: string[];
  enAdj: string[];
  ur: string[];
  urAdj: string[];
}

export const COUNTRY_NAMES: CountryNames[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [code, en, enAdj, ur, urAdj] = line.split('|');
    const list = (s: string | undefined) => (s ? s.split(';').filter(Boolean) : []);
    return { code, en: list(en), enAdj: list(enAdj), ur: list(ur), urAdj: list(urAdj) };
  });
