import { analyse } from './analyse';
import { buildGazetteer } from './gazetteer';
import { smallWorld } from './testing/world';
import type { Mention } from './types';

const gz = buildGazetteer(smallWorld());
const found = (text: string, type: Mention['type']) =>
  analyse(text, { gazetteer: gz, publishedAt: '2025-07-11' })
    .mentions.filter((m) => m.type === type)
    .map((m) => ({ text: m.text, id: m.entity?.id ?? null }));

describe('gazetteer matching', () => {
  it('finds people by their Urdu and English names, with offsets into the text', () => {
    const text = 'وزیر خارجہ اسحاق ڈار نے سرگئی لاوروف سے ملاقات کی۔';
    const a = analyse(text, { gazetteer: gz });
    const people = a.mentions.filter((m) => m.type === 'person');
    expect(people.map((m) => m.entity?.id)).toEqual([1, 2]);
    for (const m of people) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(found('Ishaq Dar met Sergey Lavrov.', 'person')).toEqual([
      { text: 'Ishaq Dar', id: 1 },
      { text: 'Sergey Lavrov', id: 2 },
    ]);
  });

  it('tolerates a case marker glued to the name', () => {
    expect(found('اسحاق ڈارنے کہا', 'person')).toEqual([{ text: 'اسحاق ڈار', id: 1 }]);
  });

  it('tolerates variant letters, diacritics and spacing inside names', () => {
    // Arabic yeh and kaf, a zer, and no space in the title.
    expect(found('سرگئي لاوروف اور اسحاق  ڈار', 'person').map((p) => p.id)).toEqual([2, 1]);
    expect(found('ڈپٹی وزیرِاعظم', 'position')).toHaveLength(1);
  });

  it('finds a person by an honorific-less or partial name only when unique', () => {
    expect(found('طارق فاطمی نے کہا', 'person')).toEqual([{ text: 'طارق فاطمی', id: 4 }]);
    expect(found('Overchuk said', 'person')).toEqual([{ text: 'Overchuk', id: 3 }]);
    // "Khan" is too common a family name to stand for Ahmed Khan (or Haroon Akhtar Khan).
    expect(found('Khan said', 'person')).toEqual([]);
  });

  it('matches English proper names only when capitalised, acronyms only in capitals', () => {
    expect(found('the psm and pakistan', 'organization')).toEqual([]);
    expect(found('PSM and Pakistan Steel Mills', 'organization').map((o) => o.id)).toEqual([2, 2]);
  });

  it('finds countries by name and adjective, places and forums from the built-in lists', () => {
    expect(found('روسی وفد اور پاکستان', 'country').map((c) => c.id)).toEqual(['RU', 'PK']);
    expect(found('He arrived in Kuala Lumpur and then Moscow.', 'place').map((p) => p.text)).toEqual([
      'Kuala Lumpur',
      'Moscow',
    ]);
    expect(found('شنگھائی تعاون تنظیم کا اجلاس', 'forum').map((f) => f.text)).toEqual(['شنگھائی تعاون تنظیم']);
    // A forum as written, with the pair of countries before it (names, short forms or adjectives).
    expect(found('The Pak-Uzbek Intergovernmental Commission met.', 'forum').map((f) => f.text)).toEqual([
      'Pak-Uzbek Intergovernmental Commission',
    ]);
    expect(found('The Pakistan-Uzbekistan Joint Business Forum opened.', 'forum').map((f) => f.text)).toEqual([
      'Pakistan-Uzbekistan Joint Business Forum',
    ]);
    expect(found('He told a Press Conference in Lahore.', 'forum')).toEqual([]);
  });

  it('finds sectors by keyword in either language, plural forms included', () => {
    const ids = (text: string) => found(text, 'sector').map((s) => s.id);
    expect(ids('آئل ریفائنریوں کی اپ گریڈیشن')).toEqual([5]);
    expect(ids('cooperation in hydropower and oil refineries')).toEqual([3, 5]);
  });

  it('finds an initiative by its code and its title', () => {
    expect(found('Project PK-RU-STEEL-01 moves on.', 'initiative').map((i) => i.id)).toEqual([1]);
    expect(found('کراچی میں نئی اسٹیل مل کے قیام پر بات ہوئی', 'initiative').map((i) => i.id)).toEqual([1]);
  });

  it('finds an initiative by a tag or bracketed short form that is a name, not by a theme word or a shared tag', () => {
    const world = smallWorld();
    world.initiatives.push(
      {
        id: 6,
        code: null,
        titleEn: 'Main Line-1 railway upgrade (ML-1)',
        titleUr: null,
        tags: ['Karachi Gateway Terminal', 'shared tag phrase'],
        sectorIds: [6],
        countryCodes: ['PK', 'CN'],
        stage: 'announced',
      },
      {
        id: 7,
        code: null,
        titleEn: 'Something else entirely',
        titleUr: null,
        tags: ['shared tag phrase', 'hydropower'],
        sectorIds: [3],
        countryCodes: ['PK'],
        stage: 'announced',
      },
    );
    const g = buildGazetteer(world);
    const ids = (text: string) =>
      analyse(text, { gazetteer: g, publishedAt: '2025-07-11' })
        .mentions.filter((m) => m.type === 'initiative')
        .map((m) => [m.text, m.entity?.id]);
    expect(ids('The feasibility study of the ML-1 project is expected by mid-2026.')).toEqual([['ML-1', 6]]);
    expect(ids('The minister visited the Karachi Gateway Terminal on Sunday.')).toEqual([
      ['Karachi Gateway Terminal', 6],
    ]);
    expect(ids('The shared tag phrase came up.')).toEqual([]);
    expect(ids('Cooperation in hydropower was discussed.')).toEqual([]);
  });

  it('rebuilds the gazetteer from data without shared state', () => {
    const world = smallWorld();
    world.people.push({
      id: 99,
      nameEn: 'Saif Anjum',
      nameUr: 'سیف انجم',
      nameRu: null,
      aliases: [],
      countryCode: 'PK',
    });
    const bigger = buildGazetteer(world);
    expect(
      analyse('سیف انجم نے کہا', { gazetteer: bigger }).mentions.find((m) => m.type === 'person')?.entity?.id,
    ).toBe(99);
    expect(analyse('سیف انجم نے کہا', { gazetteer: gz }).mentions.find((m) => m.entity?.id === 99)).toBeUndefined();
  });
});
