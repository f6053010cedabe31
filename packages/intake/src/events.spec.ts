import { analyse } from './analyse';
import { buildGazetteer } from './gazetteer';
import { smallWorld } from './testing/world';
import type { ProposalDraft } from './types';

const gz = buildGazetteer(smallWorld());
const proposals = (text: string, kind: ProposalDraft['kind'], publishedAt = '2025-03-14') =>
  analyse(text, { gazetteer: gz, publishedAt }).proposals.filter((p) => p.kind === kind);

describe('engagements', () => {
  it('reads a meeting on the sidelines of a forum: participants, place, date, forum', () => {
    const [e] = proposals(
      'اسلام آباد: نائب وزیراعظم اسحاق ڈار نے جمعرات کو کوالالمپور میں 32ویں آسیان ریجنل فورم کے موقع پر روسی ہم منصب سرگئی لاوروف سے ملاقات کی۔',
      'engagement',
    );
    expect(e.data).toMatchObject({
      format: 'multilateral_sidelines',
      startDate: '2025-03-13',
      placeEn: 'Kuala Lumpur',
      forumName: 'ASEAN Regional Forum',
      participantIds: [1, 2],
      status: 'held',
    });
    expect(e.confidence).toBeGreaterThanOrEqual(0.8);
    expect(e.quote.text).toContain('ملاقات کی');
  });

  it('takes the news date of the article for a meeting told without one, and merges what one meeting is', () => {
    const list = proposals(
      'Deputy Prime Minister Ishaq Dar met Sergey Lavrov in Moscow on Thursday. Dar and Lavrov also discussed the new steel mill in Karachi during the meeting.',
      'engagement',
    );
    expect(list).toHaveLength(1);
    expect(list[0].data).toMatchObject({
      startDate: '2025-03-13',
      placeEn: 'Moscow',
      format: 'bilateral_meeting',
      initiativeIds: [1],
    });
  });

  it('leaves out of the participants the people only spoken about', () => {
    const [e] = proposals(
      'اوورچک نے جمعرات کو ماسکو میں پاکستانی وفد سے ملاقات میں کہا کہ صدر پیوٹن پاکستان کو اہم شراکت دار سمجھتے ہیں۔',
      'engagement',
    );
    expect(e.data.participantIds).toEqual([3]);
  });

  it('reads a planned session of an intergovernmental commission with its number and day', () => {
    const [e] = proposals(
      'پاکستان اور روس کے بین الحکومتی کمیشن کا دسواں اجلاس ۲۸ اپریل کو اسلام آباد میں ہوگا۔',
      'engagement',
    );
    expect(e.data).toMatchObject({
      format: 'igc_session',
      sessionNumber: 10,
      status: 'planned',
      startDate: '2025-04-28',
      placeEn: 'Islamabad',
    });
  });

  it('proposes no engagement for a session given only a month', () => {
    expect(
      proposals('پاکستان اور روس کے بین الحکومتی کمیشن کا دسواں اجلاس آئندہ ماہ اسلام آباد میں ہوگا۔', 'engagement'),
    ).toEqual([]);
  });

  it('tells two meetings apart on one day in one city by their counterparts', () => {
    const list = proposals(
      'Syed Tariq Fatemi met Pavel Sorokin in Moscow on Thursday. Separately, Alexei Overchuk met Syed Tariq Fatemi in Moscow.',
      'engagement',
    );
    expect(list.map((e) => e.data.participantIds)).toEqual([
      [4, 6],
      [3, 4],
    ]);
  });

  it('reads a visit', () => {
    const [e] = proposals(
      'Special Assistant Syed Tariq Fatemi arrived in Moscow on a three-day visit yesterday.',
      'engagement',
    );
    expect(e.data).toMatchObject({ format: 'visit', placeEn: 'Moscow', startDate: '2025-03-13', participantIds: [4] });
  });

  it('lists unknown participants for the app to create', () => {
    const [e] = proposals('وفاقی سیکرٹری سیف انجم نے گزشتہ روز ماسکو میں پاویل سوروکن سے ملاقات کی۔', 'engagement');
    expect(e.data.participantIds).toEqual([6]);
    expect(e.data.newParticipants).toEqual([expect.objectContaining({ nameUr: 'سیف انجم', titleUr: 'وفاقی سیکرٹری' })]);
  });

  it('reads a forum, a round of talks or a meeting held somewhere on a day, with nobody named', () => {
    const one = (text: string) => proposals(text, 'engagement').map((e) => e.data);
    expect(one('The Pakistan-Uzbekistan Joint Business Forum was held in Tashkent on 10 March.')).toEqual([
      expect.objectContaining({
        startDate: '2025-03-10',
        placeEn: 'Tashkent',
        forumName: 'Pakistan-Uzbekistan Joint Business Forum',
      }),
    ]);
    expect(
      one('The trilateral meeting on the Uzbekistan–Pakistan–Russia rail link was held in Kabul on 2 March.'),
    ).toEqual([expect.objectContaining({ startDate: '2025-03-02', initiativeIds: [3], titleEn: 'Meeting, Kabul' })]);
    expect(one('پاک ترک اعلیٰ سطحی اسٹریٹجک تعاون کونسل کا ساتواں اجلاس 13 فروری کو اسلام آباد میں ہوا۔')).toEqual([
      expect.objectContaining({
        format: 'igc_session',
        sessionNumber: 7,
        startDate: '2025-02-13',
        forumName: 'High-Level Strategic Cooperation Council',
      }),
    ]);
    expect(one('The Pak-Uzbek Intergovernmental Commission will meet in Tashkent on 20 March.')).toEqual([
      expect.objectContaining({ format: 'igc_session', status: 'planned', startDate: '2025-03-20' }),
    ]);
  });

  it('proposes no engagement for a meeting held without a day, or a press conference', () => {
    expect(proposals('The trilateral meeting on the rail link was held in Kabul last month.', 'engagement')).toEqual(
      [],
    );
    expect(proposals('A press conference was held in Islamabad on Monday.', 'engagement')).toEqual([]);
  });

  it('proposes nothing from a summary of several meetings in several cities', () => {
    expect(proposals('Thursday saw key meetings in Kuala Lumpur and Moscow.', 'engagement')).toEqual([]);
  });
});

describe('agreements and stage changes', () => {
  it('reads a signing: kind, date, parties, the initiative named before', () => {
    const text =
      'کراچی میں نئی اسٹیل مل کے منصوبے پر پیش رفت ہوئی۔ 5 مارچ کو پاکستان اور روس کے درمیان اس منصوبے کی مفاہمتی یادداشت پر دستخط ہوئے۔';
    const [a] = proposals(text, 'agreement');
    expect(a.data).toMatchObject({
      kind: 'mou',
      signedDate: '2025-03-05',
      partyCountryCodes: ['PK', 'RU'],
      initiativeIds: [1],
      status: 'signed',
    });
    const [s] = proposals(text, 'status_change');
    expect(s.data).toMatchObject({ initiativeId: 1, fromStage: 'under_negotiation', toStage: 'mou_signed' });
  });

  it('does not read an intended signing as a signing', () => {
    expect(
      proposals('Pakistan and Russia will sign an agreement on the steel mill in Karachi next month.', 'agreement'),
    ).toEqual([]);
    expect(
      proposals('Pakistan and Russia will sign an agreement on the steel mill in Karachi next month.', 'status_change'),
    ).toEqual([]);
  });

  it('reads a contract awarded as a contract signed, in English and Urdu', () => {
    const [en] = proposals(
      'Pakistan Steel Mills awarded the construction contract for the new steel mill in Karachi on 4 March.',
      'agreement',
    );
    expect(en.data).toMatchObject({ kind: 'contract', signedDate: '2025-03-04', initiativeIds: [1] });
    const [ur] = proposals(
      'کراچی میں نئی اسٹیل مل کی تعمیر کا ٹھیکہ 4 مارچ کو ایک روسی کمپنی کو دیا گیا۔',
      'agreement',
    );
    expect(ur.data).toMatchObject({ kind: 'contract', signedDate: '2025-03-04', initiativeIds: [1] });
  });

  it('does not read a thing given as a contract without a contract named', () => {
    expect(proposals('کراچی میں نئی اسٹیل مل کے بارے میں 4 مارچ کو ایک بیان دیا گیا۔', 'agreement')).toEqual([]);
  });

  it('proposes no stage change the lifecycle does not allow', () => {
    // The rail link is at feasibility; "MoU signed" would move it back.
    expect(
      proposals('Pakistan, Uzbekistan and Russia signed an MoU on the rail link on 2 March.', 'status_change'),
    ).toEqual([]);
  });
});

describe('announced dates', () => {
  it('proposes the date of a known milestone', () => {
    const [m] = proposals(
      'ازبکستان، پاکستان اور روس کے ریلوے رابطے پر پائلٹ کارگو ٹرین اگست 2025 میں چلے گی۔',
      'milestone_date',
    );
    expect(m.data).toEqual({ milestoneId: 1, plannedDate: '2025-08-01', precision: 'month' });
  });

  it('proposes a new milestone of a named initiative', () => {
    const [m] = proposals(
      'Pakistan and Russia said the groundbreaking of the new steel mill in Karachi is scheduled for October.',
      'milestone_date',
    );
    expect(m.data).toMatchObject({ initiativeId: 1, plannedDate: '2025-10-01', precision: 'month' });
    expect(String(m.data.titleEn)).toMatch(/groundbreaking/i);
  });

  it('proposes no date for what already happened', () => {
    expect(proposals('The pilot cargo train of the rail link ran in February 2025.', 'milestone_date')).toEqual([]);
  });
});

describe('evidence', () => {
  it('quotes the sentence naming each initiative, once per initiative', () => {
    const list = proposals(
      'پاکستان اور روس کے درمیان کراچی میں نئی اسٹیل مل پر بات ہوئی۔ اسٹیل مل کے قیام پر اتفاق ہوا۔',
      'evidence',
    );
    expect(list).toHaveLength(1);
    expect(list[0].data.initiativeId).toBe(1);
    expect(list[0].data.quote).toBe(list[0].quote.text);
  });
});
