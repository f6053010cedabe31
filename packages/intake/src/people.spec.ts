import { analyse } from './analyse';
import { buildGazetteer } from './gazetteer';
import { smallWorld } from './testing/world';
import { romanise } from './translit';

const gz = buildGazetteer(smallWorld());
const run = (text: string) => analyse(text, { gazetteer: gz, publishedAt: '2025-03-14' });
const newPeople = (text: string) =>
  run(text)
    .proposals.filter((p) => p.kind === 'new_person')
    .map((p) => p.data);
const positions = (text: string) =>
  run(text)
    .mentions.filter((m) => m.type === 'position')
    .map((m) => m.text);

describe('titles', () => {
  it('grows a title into its portfolio and prefixes, in Urdu and English', () => {
    expect(positions('وفاقی وزیر توانائی نے کہا')).toEqual(['وفاقی وزیر توانائی']);
    expect(positions('معاون خصوصی برائے صنعت و پیداوار نے کہا')).toEqual(['معاون خصوصی برائے صنعت و پیداوار']);
    expect(positions('The Minister for Energy said so.')).toEqual(['Minister for Energy']);
    expect(positions('The Energy Minister said so.')).toEqual(['Energy Minister']);
  });

  it('keeps chained titles apart', () => {
    expect(positions('ڈپٹی وزیراعظم و وزیر خارجہ اسحاق ڈار نے کہا')).toEqual(['ڈپٹی وزیراعظم', 'وزیر خارجہ']);
  });

  it('does not count the sector word of a portfolio as a sector mention', () => {
    expect(run('وزیر توانائی نے کہا').mentions.filter((m) => m.type === 'sector')).toEqual([]);
  });
});

describe('unknown people next to a title', () => {
  it('proposes a new person after an Urdu title, with a suggested English spelling', () => {
    const [p] = newPeople('وفاقی سیکرٹری صنعت و پیداوار سیف انجم نے وفد سے ملاقات کی۔');
    expect(p).toMatchObject({
      nameUr: 'سیف انجم',
      nameEn: 'Saif Anjum',
      nameEnSuggested: true,
      titleUr: 'وفاقی سیکرٹری صنعت و پیداوار',
    });
    expect(p.titleEn).toBe('Federal Secretary for Industries and Production');
  });

  it('proposes a new person after an English title and before one with a comma', () => {
    expect(newPeople('Federal Secretary Saif Anjum met the delegation.')).toEqual([
      expect.objectContaining({ nameEn: 'Saif Anjum', titleEn: 'Federal Secretary' }),
    ]);
    expect(newPeople('Saif Anjum, Secretary of Industries, met the delegation.')).toEqual([
      expect.objectContaining({ nameEn: 'Saif Anjum' }),
    ]);
  });

  it('takes the country from the adjective or genitive before the title', () => {
    expect(newPeople('روسی نائب وزیر توانائی ایوان پیٹروف نے کہا')[0]).toMatchObject({
      nameUr: 'ایوان پیٹروف',
      countryCode: 'RU',
    });
    expect(newPeople('Chinese Ambassador Jiang Zaidong said the work would begin soon.')[0]).toMatchObject({
      nameEn: 'Jiang Zaidong',
      countryCode: 'CN',
    });
  });

  it('links a known person instead of proposing one', () => {
    expect(newPeople('وزیر خارجہ سینیٹر اسحاق ڈار نے کہا')).toEqual([]);
    expect(newPeople('Deputy Prime Minister Ishaq Dar said')).toEqual([]);
  });

  it('does not take common words, places or dates for a name', () => {
    expect(newPeople('وزیر خارجہ نے کہا کہ اجلاس کامیاب رہا')).toEqual([]);
    expect(newPeople('The Minister said on Monday that talks went well.')).toEqual([]);
    expect(newPeople('The Ambassador in Moscow said so.')).toEqual([]);
  });

  it('counts the new person among the person mentions, with offsets', () => {
    const text = 'وفاقی سیکرٹری سیف انجم نے کہا';
    const m = run(text).mentions.find((x) => x.type === 'person')!;
    expect(m).toMatchObject({ text: 'سیف انجم', entity: null });
    expect(text.slice(m.start, m.end)).toBe('سیف انجم');
  });
});

describe('romanise', () => {
  it('uses the usual spellings of common names and guesses the rest', () => {
    expect(romanise('محمد علی خان')).toBe('Muhammad Ali Khan');
    expect(romanise('سیف انجم')).toBe('Saif Anjum');
    expect(romanise('گلزار')).toMatch(/^G/);
  });
});

describe('names without a title next to them', () => {
  const names = (text: string) => newPeople(text).map((d) => d.nameUr ?? d.nameEn);

  it('reads a name after an honorific, in English and Urdu', () => {
    expect(names('Dr Shamshad Akhtar said trading volumes rose.')).toEqual(['Shamshad Akhtar']);
    expect(names('اس موقع پر ڈاکٹر عائشہ صدیقہ خان بھی موجود تھیں۔')).toEqual(['عائشہ صدیقہ خان']);
    expect(names('محترمہ شیری رحمان نے کہا کہ حکومت سنجیدہ ہے۔')).toEqual(['شیری رحمان']);
  });

  it('does not take an institution named after someone for a person', () => {
    expect(names('He was treated at the Dr Ziauddin Hospital in Karachi.')).toEqual([]);
    expect(names('چینی انجینئرز اور ڈاکٹر صاحبان نے جائزہ لیا۔')).toEqual([]);
  });

  it('reads a title given after the name as "the …" and keeps it for the new person', () => {
    expect(newPeople('Senator Mohammad Aurangzeb, the Finance Minister, met the delegation.')).toEqual([
      expect.objectContaining({ nameEn: 'Mohammad Aurangzeb', titleEn: 'Finance Minister' }),
    ]);
  });

  it('reads a portfolio written straight after the title, and a portfolio listed with commas', () => {
    expect(positions('Secretary Water Resources Syed Ali Murtaza signed.')).toEqual(['Secretary Water Resources']);
    expect(names('Secretary Water Resources Syed Ali Murtaza signed.')).toEqual(['Syed Ali Murtaza']);
    expect(names('Federal Minister for Planning, Development and Special Initiatives Ahsan Iqbal chaired it.')).toEqual(
      ['Ahsan Iqbal'],
    );
  });
});
