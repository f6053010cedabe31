// General vocabulary of the recognisers: the little words of Urdu and English, the case markers and
// postpositions that follow (or are glued to) names, and the words that signal meetings, visits, signings,
// announcements and the stages of a project. Spellings are folded by the Urdu normalisation before use.

/** Case markers and postpositions that follow a name, separately or glued to it: ڈار نے، لاوروف سے، روس کو. */
export const POSTPOSITIONS = ['نے', 'سے', 'کو', 'کے', 'کی', 'کا', 'میں', 'پر', 'تک', 'والے', 'والی', 'اور'];
/** The subset that is glued to a name's last letter in careless typing (ڈارنے). */
export const GLUED_POSTPOSITIONS = ['نے', 'سے', 'کو', 'کے', 'کی', 'کا'];

/** Function words and very common words: never part of a person's name, never distinctive for an initiative. */
export const STOPWORDS_UR = `
اور و کے کی کا کو نے سے میں پر تک بھی ہی یہ وہ اس ان جو جس جن کہ جب تب اگر لیے لئے لیئے کر کرنے کرتے کرتی کیا کی گئی گیا
گئے ہے ہیں تھا تھی تھے ہو ہوا ہوئی ہوئے ہوئیں ہونے ہوگا ہوگی ہوں رہا رہی رہے گا گی گے سکتا سکتی سکتے والے والی والا
اپنے اپنی اپنا ایک دو تین چار پانچ نہ نہیں کوئی کچھ سب تمام دونوں مزید بعد قبل پہلے دوران درمیان ساتھ بارے حوالے
طرف جانب ذریعے بجائے علاوہ بھر تاہم لیکن مگر بلکہ جبکہ چونکہ کیونکہ تو پھر اب یہاں وہاں یعنی نیز کیں کیے دیا دی دیے
دیتے دیتی دینے لیا لیے لینے جائے جائیں جاتا جاتی جاتے جانے برائے ملک ممالک حکومت حکام وفد اجلاس ملاقات ملاقاتیں
ملاقاتوں بات چیت گفتگو بیان کہا کہتے کہنا انہوں انہیں اسے اسی انہی ہم آپ میں مختلف اہم بڑے بڑی بڑا نئی نئے نیا
شعبے شعبوں شعبہ شعبہ جات منصوبے منصوبہ منصوبوں تعاون تعلقات سلسلے موقع پر زور اتفاق اظہار عزم امکانات موجود رواں
آئندہ گزشتہ گذشتہ سال ماہ روز دن ہفتے برس ہوئیں ہوچکے چکے چکی چکا کریں گے بتایا مطابق ذرائع دوطرفہ طرفہ باہمی
خطے علاقائی عالمی بین الاقوامی قومی سرکاری واضح رہے دریں اثناء اثنا ادھر علاوہ ازیں
`
  .trim()
  .split(/\s+/);

export const STOPWORDS_EN = `
a an the of and or to in on at by for from with as is are was were be been being has have had will would shall
should can could may might must do does did not no this that these those it its he she they them their his her
we our you your i which who whom whose what when where why how than then there here also both either neither each
every all any some such only own same so too very just into onto over under about after before between during
through against among within without upon per via said says say told according meeting met meets talks visit
held hold two sides side country countries government official officials new project projects cooperation
relations sector sectors areas area field fields bilateral mutual agreed agree agreement discussed discuss
discussion important key further more most other others well while including include includes
`
  .trim()
  .split(/\s+/);

/** Meeting words: a sentence with one of these and a person reports a meeting. */
export const MEETING_WORDS_UR = [
  'ملاقات',
  'ملاقاتیں',
  'ملاقاتوں',
  'ملاقاتی',
  'ملے',
  'ملیں',
  'ملا',
  'مذاکرات',
  'بات چیت',
  'گفتگو',
  'تبادلہ خیال',
  'اجلاس',
  'کانفرنس',
  'سربراہی اجلاس',
  'ٹیلیفونک رابطہ',
  'ٹیلی فون',
  'فون',
  'ورچوئل',
  'تقریب',
  'شرکت کی',
];
export const MEETING_WORDS_EN = [
  'met',
  'meet',
  'meets',
  'meeting',
  'meetings',
  'talks',
  'held talks',
  'discussed',
  'called on',
  'calls on',
  'courtesy call',
  'paid a call',
  'telephoned',
  'telephone conversation',
  'video call',
  'session',
  'conference',
  'summit',
  'telephone',
  'phone call',
  'spoke',
  'received',
  'hosted',
  'ceremony',
  'witnessed',
  'attended',
  'consultations',
  'co-chaired',
  'chaired',
];
export const VISIT_WORDS_UR = ['دورہ', 'دورے', 'دوروں', 'دورے پر', 'سرکاری دورہ', 'پہنچے', 'آمد'];
export const VISIT_WORDS_EN = ['visit', 'visits', 'visited', 'visiting', 'arrived', 'arrives', 'trip', 'tour'];
export const SIDELINES_UR = ['کے موقع پر', 'موقع پر', 'سائیڈ لائنز', 'کے دوران', 'سائیڈلائنز'];
export const SIDELINES_EN = ['on the sidelines of', 'sidelines', 'on the margins of', 'margins', 'on the sidelines'];
export const WORKING_GROUP_WORDS = [
  'working group',
  'ورکنگ گروپ',
  'ورکنگ گروپس',
  'جوائنٹ ورکنگ گروپ',
  'مشترکہ ورکنگ گروپ',
  'technical committee',
  'تکنیکی کمیٹی',
  'joint committee',
  'مشترکہ کمیٹی',
];
export const SESSION_WORDS = [
  'session',
  'meeting',
  'round',
  'edition',
  'sitting',
  'اجلاس',
  'سیشن',
  'دور',
  'اجلاسوں',
  'meetings',
];

/**
 * What is said to the press, not done between governments: a clause with one of these tells no meeting (unless it
 * says who met whom: "met", "called on", "ملاقات").
 */
export const PRESS_EVENT_WORDS = [
  'press conference',
  'news conference',
  'joint press conference',
  'press briefing',
  'media briefing',
  'weekly briefing',
  'weekly press briefing',
  'press talk',
  'media talk',
  'talking to media',
  'talking to the media',
  'talking to reporters',
  'talking to journalists',
  'told reporters',
  'told journalists',
  'told the media',
  'پریس کانفرنس',
  'نیوز کانفرنس',
  'پریس بریفنگ',
  'میڈیا بریفنگ',
  'ہفتہ وار بریفنگ',
  'ہفتہ وار پریس بریفنگ',
  'میڈیا سے گفتگو',
  'میڈیا سے بات چیت',
  'صحافیوں سے گفتگو',
  'صحافیوں سے بات چیت',
  'میڈیا ٹاک',
];
/** Meeting words that say who met whom, and so hold even beside a press event. */
export const MET_WORDS = [
  'met',
  'meet',
  'meets',
  'called on',
  'calls on',
  'courtesy call',
  'held talks',
  'ملاقات',
  'ملاقاتیں',
  'مذاکرات',
];

/**
 * One government's own bodies: a meeting of one of these is no engagement between governments unless something
 * foreign is in it (a foreign country, place, person, forum or envoy).
 */
export const DOMESTIC_BODIES = [
  'cabinet',
  'federal cabinet',
  'ECC',
  'Economic Coordination Committee',
  'ECNEC',
  'Executive Committee of the National Economic Council',
  'National Economic Council',
  'NEC',
  'National Assembly',
  'Senate',
  'National Security Council',
  'Council of Common Interests',
  'CCI',
  'apex committee',
  'Corps Commanders',
  'provincial assembly',
  'standing committee',
  'کابینہ',
  'وفاقی کابینہ',
  'ای سی سی',
  'اقتصادی رابطہ کمیٹی',
  'ایکنک',
  'قومی اقتصادی کونسل',
  'قومی اسمبلی',
  'سینیٹ',
  'قومی سلامتی کونسل',
  'مشترکہ مفادات کونسل',
  'ایپکس کمیٹی',
  'کور کمانڈرز',
  'صوبائی اسمبلی',
  'قائمہ کمیٹی',
];

/**
 * An approval is not a signing ("the ECC approved the signing of an MoU", "دستخط کی منظوری دے دی"), nor is an
 * intention ("agreed to sign", "دستخط کرنے پر اتفاق").
 */
export const APPROVAL_WORDS = [
  'approved',
  'approve',
  'approves',
  'approval',
  'authorised',
  'authorized',
  'endorsed',
  'cleared',
  'nod',
  'go-ahead',
  'منظوری',
  'اجازت',
];
export const INTENT_AFTER_SIGNING_UR = [
  'پر اتفاق',
  'کا فیصلہ',
  'کی منظوری',
  'کی اجازت',
  'کا امکان',
  'کی تیاری',
  'کا ارادہ',
];

/** Signing words; a signing needs one of these. */
export const SIGNING_WORDS_UR = ['دستخط', 'دستخطوں', 'طے پایا', 'طے پا', 'معاہدہ ہوا'];
export const SIGNING_WORDS_EN = ['signed', 'sign', 'signing', 'inked', 'ink', 'concluded', 'exchanged'];

/** Agreement kinds by the words that name them (longest first when matching). */
export const AGREEMENT_KIND_WORDS: { kind: 'mou' | 'protocol' | 'agreement' | 'contract'; words: string[] }[] = [
  {
    kind: 'mou',
    words: [
      'memorandum of understanding',
      'memoranda of understanding',
      'memorandums of understanding',
      'MoU',
      'MoUs',
      'MOU',
      'مفاہمتی یادداشت',
      'مفاہمت کی یادداشت',
      'مفاہمتی یادداشتوں',
      'مفاہمتی یادداشتیں',
      'ایم او یو',
      'ایم او یوز',
    ],
  },
  { kind: 'protocol', words: ['protocol', 'protocols', 'پروٹوکول', 'پروٹوکولز'] },
  {
    kind: 'contract',
    words: ['contract', 'contracts', 'کنٹریکٹ', 'ٹھیکہ', 'ٹھیکے', 'معاہدہ کاری'],
  },
  {
    kind: 'agreement',
    words: [
      'agreement',
      'agreements',
      'accord',
      'treaty',
      'framework agreement',
      'معاہدہ',
      'معاہدے',
      'معاہدوں',
      'معاہدات',
      'سمجھوتہ',
      'سمجھوتے',
      'فریم ورک معاہدہ',
    ],
  },
];

/** Words that announce what is to come: a date near one of these is a plan, not a report. */
export const FUTURE_WORDS_UR = [
  'آئندہ',
  'اگلے',
  'متوقع',
  'شیڈول',
  'منصوبہ',
  'ہوگا',
  'ہوگی',
  'ہوں گے',
  'جائے گا',
  'جائے گی',
  'جائیں گے',
  'کرے گا',
  'کرے گی',
  'کریں گے',
  'ہونے والے',
  'ہونے والی',
  'ہونے والا',
  'گا',
  'گی',
  'گے',
  'منعقد ہوگا',
];
export const FUTURE_WORDS_EN = [
  'will',
  'would',
  'shall',
  'to be held',
  'scheduled',
  'expected',
  'planned',
  'plans',
  'upcoming',
  'coming',
  'next',
  'set to',
  'due',
  'slated',
  'is to',
  'are to',
  'to launch',
  'to start',
  'to begin',
];
export const PAST_WORDS_UR = [
  'ہوا',
  'ہوئی',
  'ہوئے',
  'ہوئیں',
  'چکے',
  'چکا',
  'چکی',
  'تھا',
  'تھی',
  'تھے',
  'کیا گیا',
  'کی گئی',
  'کیے گئے',
  'گئے',
  'گئی',
  'گیا',
  'کیں',
];
export const PAST_WORDS_EN = [
  'was',
  'were',
  'had',
  'held',
  'met',
  'signed',
  'did',
  'visited',
  'discussed',
  'agreed',
  'earlier',
  'ago',
  'last',
];

/**
 * What the press says when a project moves to a stage. Checked against the lifecycle of @rabta/domain from the
 * initiative's current stage; a cue with `needsPast` counts only when the sentence reports it as done.
 */
export const STAGE_CUES: { stage: string; en: string[]; ur: string[]; with?: string[] }[] = [
  {
    stage: 'mou_signed',
    en: [
      'signed an mou',
      'signed a memorandum of understanding',
      'signed the mou',
      'mou was signed',
      'memorandum of understanding was signed',
    ],
    ur: ['مفاہمتی یادداشت پر دستخط', 'ایم او یو پر دستخط', 'مفاہمت کی یادداشت پر دستخط'],
  },
  {
    stage: 'agreement_signed',
    en: [
      'signed an agreement',
      'signed the agreement',
      'agreement was signed',
      'signed a contract',
      'signed the contract',
      'contract was signed',
    ],
    ur: ['معاہدے پر دستخط', 'معاہدہ پر دستخط', 'معاہدوں پر دستخط', 'کنٹریکٹ پر دستخط'],
  },
  {
    stage: 'under_negotiation',
    en: [
      'negotiations began',
      'began negotiations',
      'talks began',
      'started negotiations',
      'negotiations started',
      'launched negotiations',
    ],
    ur: ['مذاکرات کا آغاز', 'مذاکرات شروع', 'بات چیت کا آغاز'],
  },
  {
    // A feasibility study counts once it has begun.
    stage: 'feasibility',
    en: ['feasibility study', 'feasibility studies'],
    ur: ['فزیبلٹی اسٹڈی', 'فزیبلٹی', 'قابل عمل ہونے کا جائزہ'],
    with: ['began', 'begun', 'started', 'launched', 'commenced', 'initiated', 'kicked off', 'آغاز', 'شروع'],
  },
  {
    stage: 'implementation',
    en: [
      'groundbreaking',
      'ground-breaking',
      'construction began',
      'construction started',
      'construction work began',
      'work began',
      'work started',
      'foundation stone',
      'implementation began',
    ],
    ur: ['سنگ بنیاد', 'تعمیر کا آغاز', 'تعمیراتی کام کا آغاز', 'تعمیراتی کام شروع', 'کام کا آغاز', 'تعمیر شروع'],
  },
  {
    stage: 'pilot',
    en: ['pilot run', 'trial run', 'test run', 'pilot train', 'pilot phase'],
    ur: ['پائلٹ', 'تجرباتی', 'آزمائشی'],
    with: [
      'ran',
      'conducted',
      'completed',
      'began',
      'started',
      'launched',
      'چلائی گئی',
      'چلائی',
      'روانہ ہوئی',
      'مکمل ہو',
      'آغاز ہو',
    ],
  },
  {
    stage: 'operational',
    en: ['inaugurated', 'became operational', 'began operations', 'started operations', 'commissioned'],
    ur: ['افتتاح کیا', 'افتتاح کر دیا', 'فعال ہو گیا', 'فعال ہوگیا', 'آپریشنل ہو'],
  },
  {
    stage: 'completed',
    en: ['project was completed', 'project has been completed', 'completion of the project'],
    ur: ['منصوبہ مکمل ہو گیا', 'منصوبہ مکمل ہوگیا', 'پایہ تکمیل کو پہنچ'],
  },
  {
    stage: 'suspended',
    en: ['suspended', 'put on hold', 'halted', 'frozen'],
    ur: ['معطل', 'روک دیا', 'التوا میں'],
  },
  {
    stage: 'cancelled',
    en: ['cancelled', 'canceled', 'scrapped', 'abandoned'],
    ur: ['منسوخ', 'ختم کر دیا', 'ترک کر دیا'],
  },
];

/** Announcement words: a date for something to come is announced with one of these. */
export const ANNOUNCE_WORDS = [
  'announced',
  'announce',
  'scheduled',
  'planned',
  'expected',
  'will',
  'set to',
  'slated',
  'due',
  'target',
  'targeted',
  'deadline',
  'would',
  'aims',
  'likely',
  'delayed',
  'postponed',
  'pushed back',
  'deferred',
  'rescheduled',
  'extended',
  'launch',
  'start',
  'begin',
  'اعلان',
  'متوقع',
  'شیڈول',
  'طے',
  'آغاز',
  'شروع',
  'ہدف',
  'ہوگا',
  'ہوگی',
  'ہونگے',
  'جائیگا',
  'جائیگی',
  'کریگا',
  'کریگی',
  'مقرر',
  'ملتوی',
  'موخر',
  'مؤخر',
  'توسیع',
  'ڈیڈ لائن',
  'گا',
  'گی',
  'گے',
];

/**
 * The steps of a project a milestone or a sentence names, in groups of words that name the same step. A known
 * milestone is the date's only when the step the sentence names near the date is the milestone's own (when both
 * name one): "the Karachi–Rohri section would open in 2028" is not the section's groundbreaking.
 */
export const MILESTONE_STEPS: { step: string; words: string[] }[] = [
  {
    step: 'start',
    words: [
      'groundbreaking',
      'ground breaking',
      'foundation stone',
      'break ground',
      'broke ground',
      'start',
      'started',
      'begin',
      'begins',
      'beginning',
      'commence',
      'commencement',
      'kick off',
      'launch',
      'launched',
      'سنگ بنیاد',
      'آغاز',
      'شروع',
    ],
  },
  {
    step: 'completion',
    words: ['complete', 'completed', 'completion', 'finish', 'finished', 'مکمل', 'تکمیل', 'پایہ تکمیل'],
  },
  {
    step: 'operation',
    words: [
      'open',
      'opened',
      'opening',
      'operational',
      'operation',
      'operations',
      'operate',
      'commissioning',
      'commissioned',
      'inauguration',
      'inaugurated',
      'inaugurate',
      'functional',
      'آپریشنل',
      'فعال',
      'افتتاح',
      'چالو',
      'آپریشن',
    ],
  },
  { step: 'signing', words: ['signing', 'sign', 'signed', 'inked', 'دستخط'] },
  { step: 'session', words: ['session', 'meeting', 'round', 'summit', 'اجلاس', 'سربراہی اجلاس'] },
  { step: 'study', words: ['feasibility', 'study', 'survey', 'فزیبلٹی', 'اسٹڈی', 'سروے'] },
  { step: 'pilot', words: ['pilot', 'trial', 'test run', 'پائلٹ', 'آزمائشی', 'تجرباتی'] },
  {
    step: 'delivery',
    words: [
      'delivery',
      'deliveries',
      'delivered',
      'handover',
      'handed over',
      'shipment',
      'consignment',
      'حوالگی',
      'ترسیل',
      'کھیپ',
    ],
  },
  { step: 'award', words: ['tender', 'tenders', 'bidding', 'bids', 'award', 'awarded', 'ٹینڈر', 'بولی'] },
  { step: 'financing', words: ['financial close', 'financing', 'disbursement', 'فنانشل کلوز'] },
  { step: 'approval', words: ['approval', 'approved', 'ecnec', 'منظوری'] },
];

/** Words that mark a sentence as reporting on one initiative already named ("the project", "اس منصوبے"). */
export const ANAPHORA = [
  'this project',
  'the project',
  'the plant',
  'the mill',
  'اس منصوبے',
  'یہ منصوبہ',
  'اس منصوبہ',
  'منصوبے',
];
