// Cities and places: the world's capitals and the major cities of Pakistan and its partners, in English and Urdu.
// One line per place: ISO country code | English names | Urdu names. Urdu names that are also common words (حب
// "love", قصور "fault", سست "slow") are left out: they would be places in every article.

const TABLE = `
PK|Islamabad|اسلام آباد;اسلام‌آباد
PK|Punjab|پنجاب
PK|Sindh|سندھ
PK|Khyber Pakhtunkhwa;KP;KPK|خیبر پختونخوا;خیبرپختونخوا;کے پی;کے پی کے
PK|Balochistan;Baluchistan|بلوچستان
PK|Gilgit-Baltistan;Gilgit Baltistan|گلگت بلتستان;گلگت-بلتستان
PK|Azad Jammu and Kashmir;Azad Kashmir;AJK|آزاد جموں و کشمیر;آزاد کشمیر
PK|Islamabad Capital Territory|اسلام آباد کیپیٹل ٹیریٹری
CN|Xinjiang|سنکیانگ;شنجیانگ
CN|Zhejiang|ژیجیانگ;ژی جیانگ;جے جیانگ
CN|Jiangsu|جیانگسو;جیانگ سو
CN|Guangdong|گوانگڈونگ;گوانگ ڈونگ
CN|Shandong|شانڈونگ;شان ڈونگ
CN|Henan|ہینان;حنان
CN|Shanxi|شانشی;شان شی
CN|Shaanxi|شانسی
CN|Sichuan|سیچوان
CN|Yunnan|یوننان
CN|Fujian|فوجیان
CN|Hubei|ہوبے
CN|Hunan|ہونان
CN|Hebei|ہیبے
CN|Anhui|آنہوئی
CN|Tibet|تبت
RU|Tatarstan|تاتارستان
RU|Siberia|سائبیریا
RU|Chechnya|چیچنیا
UZ|Fergana|فرغانہ
UZ|Namangan|نمنگان
UZ|Andijan|اندیجان
AF|Khost|خوست
AF|Nangarhar|ننگرہار
AF|Helmand|ہلمند
IR|Sistan-Baluchestan;Sistan and Baluchestan|سیستان بلوچستان
IR|Khorasan|خراسان
TR|Anatolia|اناطولیہ
SA|Dammam|دمام
SA|NEOM;Neom|نیوم
PK|Karachi|کراچی
PK|Rohri|روہڑی
PK|Khanewal|خانیوال
PK|Rahim Yar Khan|رحیم یار خان
PK|Sheikhupura|شیخوپورہ
PK|Mianwali|میانوالی
PK|Chiniot|چنیوٹ
PK|Jhang|جھنگ
PK|Pasni|پسنی
PK|Ormara|اورماڑہ
PK|Jiwani|جیوانی
PK|Lasbela|لسبیلہ
PK|Nushki|نوشکی
PK|Panjgur|پنجگور
PK|Mastung|مستونگ
PK|Sibi|سبی
PK|Dalbandin|دالبندین
PK|Landi Kotal|لنڈی کوتل
PK|Ghulam Khan|غلام خان
PK|Angoor Adda|انگور اڈہ
PK|Kharlachi|خرلاچی
PK|Gabd;Gabd-Rimdan|گبد;گبد ریمدان
PK|Mand-Pishin|مند پشین
PK|Sust|
PK|Bin Qasim|بن قاسم
PK|Keti Bandar|کیٹی بندر
PK|Thar Coal;Thar coalfield|تھر کول
PK|Lahore|لاہور
PK|Rawalpindi;Pindi|راولپنڈی
PK|Peshawar|پشاور
PK|Quetta|کوئٹہ
PK|Multan|ملتان
PK|Faisalabad|فیصل آباد
PK|Hyderabad|حیدرآباد;حیدر آباد
PK|Gwadar|گوادر
PK|Sialkot|سیالکوٹ
PK|Gujranwala|گوجرانوالہ
PK|Sukkur|سکھر
PK|Larkana|لاڑکانہ
PK|Bahawalpur|بہاولپور
PK|Sargodha|سرگودھا
PK|Abbottabad|ایبٹ آباد
PK|Mardan|مردان
PK|Muzaffarabad|مظفرآباد;مظفر آباد
PK|Gilgit|گلگت
PK|Skardu|سکردو
PK|Chitral|چترال
PK|Swat|سوات
PK|Dera Ismail Khan;D.I. Khan;DI Khan|ڈیرہ اسماعیل خان
PK|Dera Ghazi Khan;D.G. Khan;DG Khan|ڈیرہ غازی خان
PK|Mirpur|میرپور
PK|Jhelum|جہلم
PK|Thar;Tharparkar|تھر;تھرپارکر
PK|Port Qasim|پورٹ قاسم
PK|Hub|
PK|Tarbela|تربیلا
PK|Dasu|داسو
PK|Mangla|منگلا
PK|Diamer Bhasha;Bhasha|دیامر بھاشا;بھاشا
PK|Khunjerab|خنجراب
PK|Torkham|طورخم
PK|Chaman|چمن
PK|Taftan|تفتان
PK|Wagah|واہگہ
PK|Kohat|کوہاٹ
PK|Nowshera|نوشہرہ
PK|Attock|اٹک
PK|Sahiwal|ساہیوال
PK|Okara|اوکاڑہ
PK|Kasur|
PK|Jacobabad|جیکب آباد
PK|Nawabshah;Shaheed Benazirabad|نوابشاہ;شہید بینظیر آباد
PK|Turbat|تربت
PK|Khuzdar|خضدار
PK|Zhob|ژوب
PK|Bannu|بنوں
PK|Kashmore|کشمور
PK|Thatta|ٹھٹھہ
PK|Jamshoro|جامشورو
PK|Havelian|حویلیاں
CN|Beijing|بیجنگ
CN|Shanghai|شنگھائی
CN|Kashgar|کاشغر
CN|Urumqi|ارومچی
CN|Guangzhou|گوانگزو;گوانگژو
CN|Shenzhen|شینزین;شینژین
CN|Tianjin|تیانجن;تیانجین
CN|Chengdu|چینگدو
CN|Xi'an;Xian|شیان
CN|Wuhan|ووہان
CN|Hangzhou|ہانگژو
CN|Chongqing|چونگ کنگ
CN|Hong Kong|ہانگ کانگ
RU|Moscow|ماسکو
RU|Saint Petersburg;St Petersburg;St. Petersburg|سینٹ پیٹرزبرگ
RU|Kazan|قازان
RU|Sochi|سوچی
RU|Vladivostok|ولادی ووستوک
RU|Novosibirsk|نووسیبرسک
RU|Yekaterinburg|یکاترینبرگ
RU|Astrakhan|استراخان
RU|Ufa|اوفا
UZ|Tashkent|تاشقند
UZ|Samarkand|سمرقند
UZ|Bukhara|بخارا
UZ|Termez|ترمذ
KZ|Astana;Nur-Sultan|آستانہ;نور سلطان
KZ|Almaty|الماتی
KG|Bishkek|بشکیک
TJ|Dushanbe|دوشنبے;دوشنبہ
TM|Ashgabat|اشک آباد;عشق آباد
AF|Kabul|کابل
AF|Kandahar|قندھار
AF|Herat|ہرات
AF|Mazar-i-Sharif;Mazar-e-Sharif|مزار شریف
AF|Jalalabad|جلال آباد
IR|Tehran|تہران
IR|Mashhad|مشہد
IR|Isfahan|اصفہان
IR|Chabahar|چابہار
IR|Zahedan|زاہدان
IR|Bandar Abbas|بندر عباس
TR|Ankara|انقرہ
TR|Istanbul|استنبول
TR|Izmir|ازمیر
AZ|Baku|باکو
SA|Riyadh|ریاض
SA|Jeddah|جدہ
SA|Makkah;Mecca|مکہ;مکہ مکرمہ
SA|Madinah;Medina|مدینہ;مدینہ منورہ
AE|Abu Dhabi|ابوظہبی;ابو ظہبی
AE|Dubai|دبئی
AE|Sharjah|شارجہ
QA|Doha|دوحہ
KW|Kuwait City|کویت سٹی
BH|Manama|منامہ
OM|Muscat|مسقط
IQ|Baghdad|بغداد
SY|Damascus|دمشق
JO|Amman|عمان
EG|Cairo|قاہرہ
LB|Beirut|بیروت
IN|New Delhi;Delhi|نئی دہلی;دہلی
IN|Mumbai|ممبئی
BD|Dhaka|ڈھاکہ
LK|Colombo|کولمبو
NP|Kathmandu|کھٹمنڈو
MV|Malé|
MY|Kuala Lumpur|کوالالمپور;کوالا لمپور
MY|Putrajaya|پتراجایا
ID|Jakarta|جکارتہ
ID|Bali|
TH|Bangkok|بنکاک
VN|Hanoi|ہنوئی
SG|Singapore|سنگاپور
PH|Manila|منیلا
JP|Tokyo|ٹوکیو
JP|Osaka|اوساکا
KR|Seoul|سیول;سیئول
KR|Busan|بوسان
MN|Ulaanbaatar;Ulan Bator|اولان باتور
BY|Minsk|منسک
UA|Kyiv;Kiev|کیف
DE|Berlin|برلن
DE|Munich|میونخ
DE|Frankfurt|فرینکفرٹ
FR|Paris|پیرس
IT|Rome|روم
ES|Madrid|میڈرڈ
PL|Warsaw|وارسا
NL|The Hague;Amsterdam|دی ہیگ;ایمسٹرڈیم
BE|Brussels|برسلز
CH|Geneva|جنیوا
CH|Bern;Berne|برن
CH|Davos|ڈیووس;ڈاووس
AT|Vienna|ویانا
SE|Stockholm|اسٹاک ہوم
NO|Oslo|اوسلو
DK|Copenhagen|کوپن ہیگن
FI|Helsinki|ہیلسنکی
GR|Athens|ایتھنز
HU|Budapest|بوداپسٹ
CZ|Prague|پراگ
RO|Bucharest|بخارسٹ
RS|Belgrade|بلغراد
BG|Sofia|صوفیہ
PT|Lisbon|لزبن
IE|Dublin|ڈبلن
GB|London|لندن
GB|Manchester|مانچسٹر
GB|Birmingham|برمنگھم
US|Washington;Washington DC;Washington D.C.|واشنگٹن
US|New York|نیویارک;نیو یارک
CA|Ottawa|اوٹاوا
CA|Toronto|ٹورنٹو
MX|Mexico City|میکسیکو سٹی
BR|Brasilia;Brasília|برازیلیا
BR|Rio de Janeiro|ریو ڈی جنیرو
AR|Buenos Aires|بیونس آئرس
AU|Canberra|کینبرا
AU|Sydney|سڈنی
NZ|Wellington|ویلنگٹن
ZA|Pretoria|پریٹوریا
ZA|Johannesburg|جوہانسبرگ
ZA|Cape Town|کیپ ٹاؤن
NG|Abuja|ابوجا
KE|Nairobi|نیروبی
ET|Addis Ababa|ادیس ابابا
MA|Rabat|رباط
DZ|Algiers|
TN|Tunis|تیونس
LY|Tripoli|طرابلس
SD|Khartoum|خرطوم
YE|Sanaa;Sana'a|صنعا
GE|Tbilisi|تبلیسی
AM|Yerevan|یریوان
MM|Naypyidaw;Yangon|نیپیداو;ینگون
KH|Phnom Penh|نوم پنہ
LA|Vientiane|وینتیان
BN|Bandar Seri Begawan|بندر سری بیگوان
PS|Ramallah;Gaza|رام اللہ;غزہ
IL|Tel Aviv;Jerusalem|تل ابیب;یروشلم;بیت المقدس
`;

export interface PlaceNames {
  countryCode: string;
  en: string[];
  ur: string[];
}

export const PLACES: PlaceNames[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [countryCode, en, ur] = line.split('|');
    return { countryCode, en: en.split(';').filter(Boolean), ur: (ur ?? '').split(';').filter(Boolean) };
  });
