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

  it('proposes no date for a step reported as done', () => {
    expect(proposals('The ML-1 project was completed in January 2025.', 'milestone_date')).toEqual([]);
  });
});
