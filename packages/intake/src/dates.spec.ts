import { findDates, ordinalAt } from './dates';
import { tokenize } from './tokens';

const read = (text: string, pub = '2025-07-11') =>
  findDates(tokenize(text), pub).map((d) => ({ ...d.value, basis: d.basis }));

describe('findDates', () => {
  it('reads day, month and year in Urdu with Urdu or Western digits', () => {
    expect(read('معاہدے پر 13 مئی 2025 کو دستخط ہوئے')).toEqual([
      { date: '2025-05-13', precision: 'day', basis: 'absolute' },
    ]);
    expect(read('معاہدے پر ۱۳ مئی ۲۰۲۵ء کو دستخط ہوئے')).toEqual([
      { date: '2025-05-13', precision: 'day', basis: 'absolute' },
    ]);
  });

  it('completes a date without its year from the publication date', () => {
    expect(read('واضح رہے کہ 13 مئی کو معاہدے پر دستخط ہو چکے ہیں')).toEqual([
      { date: '2025-05-13', precision: 'day', basis: 'inferred' },
    ]);
  });

  it('reads English dates written day first and month first', () => {
    expect(read('The talks were held on 10 July 2025 in Moscow.')[0]).toMatchObject({
      date: '2025-07-10',
      precision: 'day',
    });
    expect(read('The talks were held on July 10, 2025 in Moscow.')[0]).toMatchObject({
      date: '2025-07-10',
      precision: 'day',
    });
    expect(read('They met on July 10.')[0]).toMatchObject({ date: '2025-07-10', precision: 'day' });
    expect(read('They met on the 10th of July.')[0]).toMatchObject({ date: '2025-07-10', precision: 'day' });
  });

  it('reads a month and year, and a month alone with a cue', () => {
    expect(read('اگست 2025 میں پائلٹ کارگو ٹرین چلے گی')[0]).toMatchObject({ date: '2025-08-01', precision: 'month' });
    expect(read('پائلٹ ٹرین اگست میں چلائی جائے گی')[0]).toMatchObject({ date: '2025-08-01', precision: 'month' });
    expect(read('The pilot train will run in August.')[0]).toMatchObject({ date: '2025-08-01', precision: 'month' });
  });

  it('takes the past year for a reported month and the next one for an announced month', () => {
    expect(read('He recalled his successful visit in February.')[0]).toMatchObject({ date: '2025-02-01' });
    expect(read('The session will be held in February.')[0]).toMatchObject({ date: '2026-02-01' });
  });

  it('does not read "may" the verb as May', () => {
    expect(read('The two sides may sign an agreement soon.')).toEqual([]);
  });

  it('resolves weekdays to the one on or before the publication date', () => {
    // 2025-07-11 is a Friday.
    expect(read('جمعرات کو پاکستان اور روس کے درمیان ملاقاتیں ہوئیں')[0]).toMatchObject({
      date: '2025-07-10',
      basis: 'relative',
    });
    expect(read('Thursday saw key meetings in Moscow.')[0]).toMatchObject({ date: '2025-07-10' });
    expect(read('The minister will visit Beijing on Monday.')[0]).toMatchObject({ date: '2025-07-14' });
  });

  it('does not read "last week" in Urdu as a Saturday', () => {
    expect(read('گزشتہ ہفتے وفد نے دورہ کیا')).toEqual([]);
  });

  it('resolves relative days, months and years', () => {
    expect(read('گزشتہ روز اجلاس ہوا')[0]).toMatchObject({ date: '2025-07-10', precision: 'day' });
    expect(read('The delegation arrived yesterday.')[0]).toMatchObject({ date: '2025-07-10', precision: 'day' });
    expect(read('آئندہ ماہ اجلاس ہوگا')[0]).toMatchObject({ date: '2025-08-01', precision: 'month' });
    expect(read('رواں سال اسلام آباد میں اجلاس ہوگا')[0]).toMatchObject({ date: '2025-01-01', precision: 'year' });
    expect(read('The plant will open next year.')[0]).toMatchObject({ date: '2026-01-01', precision: 'year' });
  });

  it('reads numeric dates day first', () => {
    expect(read('Dated 10-07-2025 and 2025-07-12.')).toEqual([
      { date: '2025-07-10', precision: 'day', basis: 'absolute' },
      { date: '2025-07-12', precision: 'day', basis: 'absolute' },
    ]);
  });

  it('reads a year with a cue, not a fiscal year', () => {
    expect(read('The line will be complete by 2027.')[0]).toMatchObject({ date: '2027-01-01', precision: 'year' });
    expect(read('The 2025-26 budget was passed.')).toEqual([]);
  });

  it('skips relative dates without a publication date', () => {
    expect(findDates(tokenize('گزشتہ روز اجلاس ہوا'))).toEqual([]);
  });
});

describe('ordinalAt', () => {
  it('reads ordinals in Urdu and English', () => {
    const at = (text: string) => ordinalAt(tokenize(text).tokens, 0)?.value;
    expect(at('32ویں آسیان ریجنل فورم')).toBe(32);
    expect(at('۳۲ ویں اجلاس')).toBe(32);
    expect(at('دسویں اجلاس')).toBe(10);
    expect(at('10th session')).toBe(10);
    expect(at('tenth session')).toBe(10);
    expect(at('10 sessions')).toBeUndefined();
  });
});

describe('the tense of a weekday', () => {
  const read = (text: string, pub = '2025-10-16') => findDates(tokenize(text), pub).map((d) => d.value.date);
  it('reads a weekday before "that" by the verb before it, not by what was announced', () => {
    // 16 October 2025 is a Thursday.
    expect(read('The ministry announced on Friday that the section would open in 2028.')).toEqual([
      '2025-10-10',
      '2028-01-01',
    ]);
    expect(read('The ministry will announce on Friday that the section is open.')[0]).toBe('2025-10-17');
  });

  it('does not take an intention for a past report', () => {
    expect(read('He hoped to confirm one more fixture in October.', '2025-08-30')).toEqual(['2025-10-01']);
  });
});

describe('findDates: parts of a year and new targets', () => {
  const spans = (text: string, pub = '2025-03-14') => {
    const tz = tokenize(text);
    return findDates(tz, pub).map((d) => ({
      text: text.slice(tz.tokens[d.from].start, tz.tokens[d.to].end),
      ...d.value,
      tense: d.tense,
    }));
  };

  it('reads a quarter or half of a year as that year, the whole phrase as the mention', () => {
    expect(spans('The project is expected to be completed by the first quarter of 2026.')).toEqual([
      { text: 'first quarter of 2026', date: '2026-01-01', precision: 'year', tense: 'future' },
    ]);
    expect(spans('Work will finish in Q3 2026 or in the second half of next year.').map((d) => d.text)).toEqual([
      'Q3 2026',
      'second half of next year',
    ]);
    expect(spans('منصوبہ 2026 کی پہلی سہ ماہی میں مکمل ہوگا۔')).toEqual([
      { text: '2026 کی پہلی سہ ماہی', date: '2026-01-01', precision: 'year', tense: 'future' },
    ]);
    expect(spans('رواں سال کی آخری سہ ماہی میں کام شروع ہوگا۔')[0]).toMatchObject({
      text: 'رواں سال کی آخری سہ ماہی',
      date: '2025-01-01',
    });
  });

  it('takes a date a project was delayed or pushed back to as one to come, whatever the tense of the report', () => {
    expect(spans('Completion was postponed to March, officials said.', '2025-05-14')[0]).toMatchObject({
      date: '2026-03-01',
      tense: 'future',
    });
    expect(spans('The deadline has been pushed back to December 2027.')[0].tense).toBe('future');
    expect(spans('منصوبے کی تکمیل جون 2026 تک ملتوی کر دی گئی۔')[0]).toMatchObject({
      date: '2026-06-01',
      tense: 'future',
    });
    // Without a word of delay a past report stays past.
    expect(spans('Completion was announced in March.', '2025-05-14')[0]).toMatchObject({
      date: '2025-03-01',
      tense: 'past',
    });
  });
});

describe('ordinalAt: compound ordinals', () => {
  it('reads twenty-first, thirty second and the Urdu twenties and thirties', () => {
    const at = (text: string) => ordinalAt(tokenize(text).tokens, 0)?.value ?? null;
    expect(at('twenty-first session')).toBe(21);
    expect(at('thirty second round')).toBe(32);
    expect(at('twenty delegates')).toBeNull();
    expect(at('بتیسویں اجلاس')).toBe(32);
    expect(at('اکیسواں اجلاس')).toBe(21);
    expect(at('تیسری بار')).toBe(3);
  });
});
