import { analyse } from './analyse';
import { buildGazetteer } from './gazetteer';
import { smallWorld } from './testing/world';
import type { GazetteerData, ProposalDraft } from './types';

// Probe sentences written in the manner of the Pakistani press (Dawn, The News, Express Tribune, Business Recorder,
// APP, Radio Pakistan; Jang, Express, Dunya, Nawa-i-Waqt, ARY): the general rules for milestones, forums and
// session numbers, organisations, positions, engagements and signings, each rule with a sentence it must read and
// one it must not.

function world(): GazetteerData {
  const w = smallWorld();
  w.initiatives.push({
    id: 9,
    code: 'PK-CN-ML1',
    titleEn: 'Main Line-1 railway upgrade (ML-1)',
    titleUr: 'مین لائن ون ریلوے اپ گریڈ (ایم ایل ون)',
    tags: ['ML-1', 'ایم ایل ون'],
    sectorIds: [6],
    countryCodes: ['PK', 'CN'],
    stage: 'agreement_signed',
  });
  w.milestones.push(
    {
      id: 9,
      initiativeId: 9,
      titleEn: 'Groundbreaking of the Karachi–Rohri section',
      titleUr: 'کراچی روہڑی سیکشن کا سنگ بنیاد',
      plannedDate: '2025-12-01',
      state: 'planned',
    },
    {
      id: 10,
      initiativeId: 9,
      titleEn: 'Completion of the Karachi–Rohri section',
      titleUr: 'کراچی روہڑی سیکشن کی تکمیل',
      plannedDate: '2028-12-01',
      state: 'planned',
    },
  );
  return w;
}

const gz = buildGazetteer(world());
const read = (text: string, publishedAt = '2025-03-14') => analyse(text, { gazetteer: gz, publishedAt });
const proposals = (text: string, kind: ProposalDraft['kind'], publishedAt = '2025-03-14') =>
  read(text, publishedAt).proposals.filter((p) => p.kind === kind);

describe('milestone dates: the step named must agree', () => {
  it('does not take an opening for the groundbreaking of the same section', () => {
    const [m] = proposals('The Karachi-Rohri section of ML-1 would open in 2028.', 'milestone_date');
    expect(m.data).toMatchObject({ initiativeId: 9, plannedDate: '2028-01-01', precision: 'year' });
    expect(m.data.milestoneId).toBeUndefined();
  });

  it('matches the milestone whose step the sentence names', () => {
    expect(
      proposals(
        'The groundbreaking of the Karachi-Rohri section of ML-1 is expected in December 2025.',
        'milestone_date',
      )[0].data,
    ).toEqual({ milestoneId: 9, plannedDate: '2025-12-01', precision: 'month' });
    expect(
      proposals('Completion of the Karachi-Rohri section of ML-1 was pushed back to June 2028.', 'milestone_date')[0]
        .data,
    ).toEqual({ milestoneId: 10, plannedDate: '2028-06-01', precision: 'month' });
    expect(
      proposals('کراچی روہڑی سیکشن کا سنگ بنیاد دسمبر میں رکھا جائے گا، ایم ایل ون حکام نے بتایا۔', 'milestone_date')[0]
        .data,
    ).toEqual({ milestoneId: 9, plannedDate: '2025-12-01', precision: 'month' });
  });

  it('reads "expected to be completed by", "will be operational by" and a delay as new target dates', () => {
    const done = proposals(
      'The ML-1 project is expected to be completed by the first quarter of 2026.',
      'milestone_date',
    );
    expect(done.map((p) => p.data)).toEqual([
      { initiativeId: 9, titleEn: 'Completion', titleUr: null, plannedDate: '2026-01-01', precision: 'year' },
    ]);
    expect(
      proposals('The first phase of ML-1 will be operational by end of 2026.', 'milestone_date')[0].data,
    ).toMatchObject({ initiativeId: 9, titleEn: 'First phase', plannedDate: '2026-01-01' });
    expect(
      proposals('Completion of ML-1 has been delayed to December 2027, officials said.', 'milestone_date')[0].data,
    ).toMatchObject({ initiativeId: 9, titleEn: 'Completion', plannedDate: '2027-12-01', precision: 'month' });
  });

  it('reads Urdu announcements with the year in digits: "2026ء کے آخر تک مکمل ہو جائے گا"', () => {
    expect(proposals('ایم ایل ون منصوبہ 2026ء کے آخر تک مکمل ہو جائے گا۔', 'milestone_date')[0].data).toMatchObject({
      initiativeId: 9,
      titleUr: 'ایم ایل ون منصوبہ',
      plannedDate: '2026-01-01',
      precision: 'year',
    });
    expect(
      proposals('ایم ایل ون کا پہلا مرحلہ آئندہ سال جون تک آپریشنل ہو جائے گا۔', 'milestone_date')[0].data,
    ).toMatchObject({ initiativeId: 9, plannedDate: '2026-06-01', precision: 'month' });
  });

  it('reads "mid-2027", a deadline set, "ہوگا" and a subject after reported speech', () => {
    expect(
      proposals('ML-1 is likely to become operational by mid-2027, the minister said.', 'milestone_date')[0].data,
    ).toMatchObject({ initiativeId: 9, plannedDate: '2027-01-01', precision: 'year' });
    expect(
      proposals('حکام کے مطابق ایم ایل ون کا پہلا مرحلہ دسمبر 2026 تک مکمل ہوگا۔', 'milestone_date')[0].data,
    ).toMatchObject({ initiativeId: 9, titleUr: 'ایم ایل ون کا پہلا مرحلہ', plannedDate: '2026-12-01' });
    expect(
      proposals('ایم ایل ون کی تکمیل کی نئی ڈیڈ لائن جون 2029 مقرر کی گئی ہے۔', 'milestone_date')[0].data,
    ).toMatchObject({ initiativeId: 9, plannedDate: '2029-06-01', precision: 'month' });
    expect(
      proposals(
        'Officials said the first phase of ML-1 would be completed by December 2026 and the second by 2028.',
        'milestone_date',
      )[0].data,
    ).toMatchObject({ titleEn: 'First phase', plannedDate: '2026-12-01' });
  });

  it('titles a new milestone by its subject past an aside between commas', () => {
    expect(
      proposals(
        'The groundbreaking of ML-1, originally planned for 2024, is now expected in June 2026.',
        'milestone_date',
      )[0].data,
    ).toEqual({
      initiativeId: 9,
      titleEn: 'Groundbreaking',
      titleUr: null,
      plannedDate: '2026-06-01',
      precision: 'month',
    });
  });

  it('proposes no date for a step reported as done', () => {
    expect(proposals('The ML-1 project was completed in January 2025.', 'milestone_date')).toEqual([]);
  });
});

describe('forums and their session numbers', () => {
  const engagement = (text: string) => proposals(text, 'engagement')[0]?.data ?? null;
  const forums = (text: string) =>
    read(text)
      .mentions.filter((m) => m.type === 'forum')
      .map((m) => m.text);

  it('reads session numbers written as words, in both languages', () => {
    expect(
      engagement(
        'The third round of Pakistan-Uzbekistan bilateral political consultations was held in Islamabad on Tuesday.',
      ),
    ).toMatchObject({ forumName: 'Bilateral Political Consultations', sessionNumber: 3, startDate: '2025-03-11' });
    expect(
      engagement(
        'The fourteenth session of the Pakistan-Azerbaijan Intergovernmental Commission concluded in Baku on Thursday.',
      ),
    ).toMatchObject({ format: 'igc_session', forumName: 'Intergovernmental Commission', sessionNumber: 14 });
    expect(
      engagement('The twenty-first session of the Pakistan-Iran Joint Economic Commission opened in Tehran on Monday.'),
    ).toMatchObject({ sessionNumber: 21 });
    expect(engagement('پاکستان اور ترکیہ کے مشترکہ ورکنگ گروپ کا چودھواں اجلاس پیر کو انقرہ میں ہوا۔')).toMatchObject({
      format: 'working_group',
      forumName: 'Joint Working Group',
      sessionNumber: 14,
    });
    expect(
      engagement('پاکستان اور ازبکستان کے بین الحکومتی کمیشن کا 14واں اجلاس بدھ کو تاشقند میں منعقد ہوا۔'),
    ).toMatchObject({ format: 'igc_session', sessionNumber: 14, placeEn: 'Tashkent' });
  });

  it('finds the ordinal of a session told at length, and after a name with its acronym', () => {
    expect(
      engagement(
        'The 14th meeting of the Joint Coordination Committee (JCC) of CPEC was held in Beijing on Wednesday.',
      ),
    ).toMatchObject({ format: 'igc_session', sessionNumber: 14 });
    expect(engagement('سی پیک کی مشترکہ تعاون کمیٹی (جے سی سی) کا 14واں اجلاس بدھ کو بیجنگ میں ہوا۔')).toMatchObject({
      forumName: 'CPEC Joint Cooperation Committee',
      sessionNumber: 14,
    });
    expect(
      engagement('Pakistan and China held the fourth round of their strategic dialogue in Beijing on Friday.'),
    ).toMatchObject({ forumName: 'Strategic Dialogue', sessionNumber: 4 });
  });

  it('numbers a round of talks that names no forum', () => {
    expect(engagement('The third round of Pakistan-Afghanistan talks was held in Kabul on Monday.')).toMatchObject({
      sessionNumber: 3,
      placeEn: 'Kabul',
    });
    expect(engagement('پاکستان اور افغانستان کے درمیان مذاکرات کا تیسرا دور پیر کو کابل میں ہوا۔')).toMatchObject({
      sessionNumber: 3,
    });
  });

  it('takes no number from "for the first time"', () => {
    expect(engagement('For the first time, the Joint Working Group met in Karachi on Monday.')).toMatchObject({
      forumName: 'Joint Working Group',
      sessionNumber: null,
    });
  });

  it('knows the forums of the region by acronym, full name and Urdu name', () => {
    expect(forums('Dar met Lavrov on the sidelines of the SCO Council of Heads of Government in Moscow.')).toEqual([
      'SCO Council of Heads of Government',
    ]);
    expect(forums('He attended the D-8 summit in Cairo and the ECO summit in Khankendi.')).toEqual([
      'D-8 summit',
      'ECO summit',
    ]);
    expect(forums('وزیراعظم ڈی ایٹ سربراہی اجلاس اور کیریک وزارتی کانفرنس میں شرکت کریں گے۔')).toEqual([
      'ڈی ایٹ سربراہی اجلاس',
      'کیریک وزارتی کانفرنس',
    ]);
    expect(forums('پاکستان اور چین کے مشترکہ ورکنگ گروپس کے اجلاس ہوں گے۔')).toEqual(['مشترکہ ورکنگ گروپس']);
  });

  it('reads a standing bilateral body it does not know as a forum, with its pair of countries', () => {
    expect(forums('پاک افغان مشترکہ رابطہ کمیٹی کا اجلاس منگل کو کابل میں ہوا۔')).toEqual([
      'پاک افغان مشترکہ رابطہ کمیٹی',
    ]);
    expect(
      engagement('Pakistan and Turkey held the third meeting of the Joint Energy Committee in Ankara on Monday.'),
    ).toMatchObject({ forumName: 'Joint Energy Committee', sessionNumber: 3 });
    // One government's own committees are not bilateral forums.
    expect(forums('The Joint Chiefs of Staff Committee met in Rawalpindi on Monday.')).toEqual([]);
    expect(forums('The Economic Coordination Committee approved the plan on Monday.')).toEqual([]);
  });

  it('does not take a national security council for the UN one', () => {
    expect(forums('The National Security Council met in Islamabad on Monday.')).toEqual([]);
    expect(forums('قومی سلامتی کونسل کا اجلاس پیر کو ہوا۔')).toEqual([]);
    expect(forums('Ishaq Dar addressed the UN Security Council in New York on Tuesday.')).toEqual([
      'UN Security Council',
    ]);
  });

  it('names a forum once when the article repeats it by its acronym', () => {
    expect(
      forums(
        'The Joint Working Group (JWG) on Industrial Cooperation met in Beijing on Monday. The JWG will meet again in June.',
      ),
    ).toEqual(['Joint Working Group (JWG) on Industrial Cooperation']);
  });
});

describe('engagements: what is a meeting between governments', () => {
  const engagements = (text: string) => proposals(text, 'engagement').map((p) => p.data);

  it('reads "called on", "held a meeting with", "co-chaired" and "ملاقات کی" as meetings', () => {
    expect(engagements('Ambassador Zhang Wei called on Ishaq Dar in Islamabad on Tuesday.')).toEqual([
      expect.objectContaining({ startDate: '2025-03-11', placeEn: 'Islamabad', participantIds: [1] }),
    ]);
    expect(engagements('Ishaq Dar held a meeting with Sergey Lavrov in Moscow on Thursday.')).toEqual([
      expect.objectContaining({ startDate: '2025-03-13', participantIds: [1, 2] }),
    ]);
    expect(engagements('Ishaq Dar and Sergey Lavrov co-chaired the session in Moscow on Thursday.')).toHaveLength(1);
    expect(
      engagements('Chinese Ambassador Jiang Zaidong paid a courtesy call on Ishaq Dar in Islamabad on Tuesday.'),
    ).toEqual([expect.objectContaining({ startDate: '2025-03-11', placeEn: 'Islamabad', participantIds: [1] })]);
    expect(engagements('چینی سفیر ژانگ وی نے منگل کو اسلام آباد میں نائب وزیراعظم اسحاق ڈار سے ملاقات کی۔')).toEqual([
      expect.objectContaining({ startDate: '2025-03-11', placeEn: 'Islamabad' }),
    ]);
  });

  it('proposes no engagement for a press conference, a briefing or a talk to the media', () => {
    expect(engagements('Planning Minister Ahsan Iqbal spoke at a press conference in Islamabad on Monday.')).toEqual(
      [],
    );
    expect(
      engagements('Ishaq Dar, talking to media in Islamabad on Tuesday, said the steel mill would be built.'),
    ).toEqual([]);
    expect(
      engagements(
        'اسحاق ڈار نے منگل کو اسلام آباد میں پریس کانفرنس سے خطاب کرتے ہوئے کہا کہ اسٹیل مل تعمیر کی جائے گی۔',
      ),
    ).toEqual([]);
    // …but a meeting told at the press conference is still one, on its own day.
    expect(
      engagements(
        'Ishaq Dar told a press conference in Moscow on Thursday that he had met Sergey Lavrov on Wednesday.',
      ),
    ).toEqual([expect.objectContaining({ startDate: '2025-03-12', placeEn: 'Moscow' })]);
  });

  it('does not date a visit announced at a briefing by the day of the briefing', () => {
    expect(
      engagements(
        'Foreign Office spokesperson Shafqat Ali Khan told the weekly press briefing on Thursday that Ishaq Dar would visit Moscow next week.',
      ),
    ).toEqual([]);
  });

  it("proposes no engagement for a meeting of one government's own body or one an official chaired at home", () => {
    expect(
      engagements('وفاقی کابینہ کا اجلاس منگل کو اسلام آباد میں ہوا جس میں اسٹیل مل کے منصوبے پر غور کیا گیا۔'),
    ).toEqual([]);
    expect(
      engagements('The federal cabinet, chaired by Prime Minister Shehbaz Sharif, met in Islamabad on Tuesday.'),
    ).toEqual([]);
    expect(engagements('Ishaq Dar chaired a meeting on the steel mill in Islamabad on Monday.')).toEqual([]);
    // Something foreign in it makes it one: a foreign participant, a place abroad.
    expect(engagements('Ishaq Dar chaired a meeting with Sergey Lavrov in Moscow on Monday.')).toHaveLength(1);
  });
});

describe('agreements: what is a signing', () => {
  const agreements = (text: string) => proposals(text, 'agreement').map((p) => p.data);

  it('reads signed, inked, exchanged (documents) and دستخط کیے', () => {
    expect(agreements('Pakistan and Russia inked a protocol on the steel mill in Moscow on Thursday.')).toEqual([
      expect.objectContaining({ kind: 'protocol', signedDate: '2025-03-13', initiativeIds: [1] }),
    ]);
    expect(agreements('Pakistan and Russia exchanged the signed MoUs on the steel mill in Moscow on Monday.')).toEqual([
      expect.objectContaining({ kind: 'mou', signedDate: '2025-03-10' }),
    ]);
    expect(agreements('پاکستان اور روس نے جمعرات کو ماسکو میں اسٹیل مل کے معاہدے پر دستخط کیے۔')).toEqual([
      expect.objectContaining({ kind: 'agreement', signedDate: '2025-03-13', signedPlaceEn: 'Moscow' }),
    ]);
  });

  it('does not take an approval, an intention or views exchanged for a signing', () => {
    expect(agreements('The ECC approved the signing of an MoU on the steel mill on Monday.')).toEqual([]);
    expect(
      agreements(
        'The Economic Coordination Committee on Wednesday approved the draft of the loan agreement to be signed with Russia.',
      ),
    ).toEqual([]);
    expect(agreements('وفاقی کابینہ نے منگل کو اسٹیل مل کے معاہدے پر دستخط کی منظوری دے دی۔')).toEqual([]);
    expect(
      agreements('اقتصادی رابطہ کمیٹی نے بدھ کو روس کے ساتھ قرض کے معاہدے پر دستخط کرنے کی منظوری دے دی۔'),
    ).toEqual([]);
    expect(
      agreements(
        'Ishaq Dar and Sergey Lavrov agreed to sign an agreement on the steel mill, the Foreign Office said on Monday.',
      ),
    ).toEqual([]);
    expect(agreements('The two sides exchanged views on the steel mill agreement on Monday.')).toEqual([]);
  });

  it('proposes one signing per kind when several are signed at once, each with its own initiative', () => {
    const list = agreements(
      'During the visit, the two sides signed an agreement on ML-1, a memorandum of understanding on LPG supply and a protocol on energy cooperation on Wednesday.',
    );
    expect(list.map((a) => [a.kind, a.signedDate, a.initiativeIds])).toEqual([
      ['agreement', '2025-03-12', [9]],
      ['mou', '2025-03-12', [4]],
      ['protocol', '2025-03-12', [2]],
    ]);
    expect(
      agreements('دونوں ممالک کے درمیان ایم ایل ون پر معاہدے اور ریلوے پر مفاہمتی یادداشت پر بدھ کو دستخط کیے گئے۔')
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['agreement', 'mou']);
    // What an agreement builds on is no second signing.
    expect(
      agreements('Pakistan and Russia signed an MoU on ML-1 on Monday which builds on the agreement of 2023.').map(
        (a) => a.kind,
      ),
    ).toEqual(['mou']);
  });

  it('does not date a signing by the day a statement about it was issued', () => {
    const list = agreements(
      'Pakistan and Russia signed an agreement on the steel mill in Moscow, according to a joint statement issued on Friday.',
    );
    expect(list.map((a) => a.signedDate)).not.toContain('2025-03-14');
  });
});

describe('organisations and positions', () => {
  const of = (text: string, type: 'organization' | 'position' | 'person') =>
    read(text)
      .mentions.filter((m) => m.type === type)
      .map((m) => m.text);

  it('knows the bodies the press names without introducing them, by name, acronym and Urdu name', () => {
    expect(
      of(
        'The Asian Development Bank (ADB), the AIIB, the Islamic Development Bank and the Saudi Fund for Development will finance the project, along with China Exim Bank.',
        'organization',
      ),
    ).toEqual([
      'Asian Development Bank',
      'AIIB',
      'Islamic Development Bank',
      'Saudi Fund for Development',
      'China Exim Bank',
    ]);
    expect(of('واپڈا اور این ایچ اے کے حکام نے وزارت منصوبہ بندی میں بریفنگ دی۔', 'organization')).toEqual([
      'واپڈا',
      'این ایچ اے',
      'وزارت منصوبہ بندی',
    ]);
    expect(of('او جی ڈی سی ایل اور ایشیائی ترقیاتی بینک کے درمیان بات چیت ہوئی۔', 'organization')).toEqual([
      'او جی ڈی سی ایل',
      'ایشیائی ترقیاتی بینک',
    ]);
    expect(
      of(
        'Oil and Gas Development Company Limited (OGDCL) and Pakistan State Oil (PSO) will drill the well.',
        'organization',
      ),
    ).toEqual(['Oil and Gas Development Company Limited', 'Pakistan State Oil']);
  });

  it("names the record of the database for the vocabulary's other spellings of it", () => {
    const w = world();
    w.organizations.push({
      id: 7,
      nameEn: 'Asian Development Bank',
      nameUr: null,
      nameRu: null,
      acronym: 'ADB',
      countryCode: null,
    });
    const mentions = analyse('ایشیائی ترقیاتی بینک نے قرض کی منظوری دی۔', {
      gazetteer: buildGazetteer(w),
      publishedAt: '2025-03-14',
    }).mentions.filter((m) => m.type === 'organization');
    expect(mentions.map((m) => m.entity)).toEqual([{ resource: 'organizations', id: 7 }]);
  });

  it('reads companies with their legal form, and stops at the "and" between two of them', () => {
    expect(
      of(
        'China Energy Engineering Co. Ltd and Harbin Electric International Company Limited won the bids.',
        'organization',
      ),
    ).toEqual(['China Energy Engineering Co. Ltd', 'Harbin Electric International Company Limited']);
    expect(of('Fauji Fertilizer Company (Pvt) Ltd and Engro Corporation will invest.', 'organization')).toEqual([
      'Fauji Fertilizer Company (Pvt) Ltd',
      'Engro Corporation',
    ]);
    expect(of('Kazakh Invest JSC and Uzbekistan Railways JSC signed the documents.', 'organization')).toEqual([
      'Kazakh Invest JSC',
      'Uzbekistan Railways JSC',
    ]);
    expect(of('ازبکستان ریلویز اور وزارت بحری امور اور وزارت تجارت کے حکام آئے۔', 'organization')).toEqual([
      'ازبکستان ریلویز',
      'وزارت بحری امور',
      'وزارت تجارت',
    ]);
    // A province's own board is not the federal one.
    expect(of('The Sindh Board of Investment (SBI) welcomed the move.', 'organization')).toEqual([
      'Sindh Board of Investment',
    ]);
  });

  it('reads a ministry whose remit is a list', () => {
    expect(
      of(
        'Officials of the Ministry of Planning, Development and Special Initiatives said so on Monday.',
        'organization',
      ),
    ).toEqual(['Ministry of Planning, Development and Special Initiatives']);
  });

  it('reads the name after a title and the body it heads ("Chairman NHA Shahzad Khan", "چیئرمین واپڈا …")', () => {
    const text =
      'Chairman NHA Shahzad Khan and Managing Director OGDCL Ahmed Lak attended, with Chairman CDA Ali Randhawa.';
    expect(of(text, 'person')).toEqual(['Shahzad Khan', 'Ahmed Lak', 'Ali Randhawa']);
    expect(of(text, 'position')).toEqual(['Chairman', 'Managing Director', 'Chairman']);
    const ur = 'چیئرمین واپڈا سجاد غنی اور او جی ڈی سی ایل کے منیجنگ ڈائریکٹر احمد لک بھی موجود تھے۔';
    expect(of(ur, 'person')).toEqual(['سجاد غنی', 'احمد لک']);
    expect(of(ur, 'organization')).toEqual(['واپڈا', 'او جی ڈی سی ایل']);
  });

  it('reads titles with their portfolios before names, in both languages', () => {
    expect(
      of(
        'Federal Minister for Planning Ahsan Iqbal, Additional Secretary Kamran Ali, Joint Secretary Nadia Rauf and Commerce Secretary Jawad Paul were present.',
        'position',
      ),
    ).toEqual(['Federal Minister for Planning', 'Additional Secretary', 'Joint Secretary', 'Commerce Secretary']);
    expect(of('وفاقی وزیر منصوبہ بندی احسن اقبال نے اجلاس سے خطاب کیا۔', 'position')).toEqual([
      'وفاقی وزیر منصوبہ بندی',
    ]);
  });

  it('reads the name after a title and its province or body, and stops a portfolio where a body begins', () => {
    expect(of('وزیر اعلیٰ پنجاب مریم نواز اور گورنر سندھ کامران ٹیسوری نے ملاقات کی۔', 'person')).toEqual([
      'مریم نواز',
      'کامران ٹیسوری',
    ]);
    expect(of('ترجمان دفتر خارجہ شفقت علی خان نے کہا۔', 'person')).toEqual(['شفقت علی خان']);
    const vc = 'Vice Chairman of the Planning Commission Jahanzeb Khan and Deputy Head of Mission Li Wei were there.';
    expect(of(vc, 'position')).toEqual(['Vice Chairman', 'Deputy Head of Mission']);
    expect(of(vc, 'person')).toEqual(['Jahanzeb Khan', 'Li Wei']);
    expect(of(vc, 'organization')).toEqual(['Planning Commission']);
  });
});

describe('stage changes the text states', () => {
  const stages = (text: string) => proposals(text, 'status_change').map((p) => p.data.toStage);

  it('reads a halt, but not one undone or denied', () => {
    expect(stages('Work on ML-1 was suspended on Monday over a payment dispute.')).toEqual(['suspended']);
    expect(stages('Work on ML-1, which had been suspended in 2023, resumed on Monday.')).toEqual([]);
    expect(stages('The ML-1 project has not been cancelled, the minister said on Monday.')).toEqual([]);
    expect(stages('Russia denied reports that the steel mill had been scrapped.')).toEqual([]);
    expect(stages('ایم ایل ون منصوبہ 2023 میں معطل کر دیا گیا تھا تاہم پیر کو اس پر کام دوبارہ شروع ہو گیا۔')).toEqual(
      [],
    );
  });
});
