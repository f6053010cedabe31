import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchText, foldForSearch, hasArabicScript, normalizeText } from './text';

// The pairs the press spells differently but search must treat as one (tests/fixtures/urdu-equivalents.tsv).
const FIXTURE = join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'urdu-equivalents.tsv');

interface Pair {
  left: string;
  right: string;
  why: string;
  line: number;
}

function readPairs(): Pair[] {
  return readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'))
    .map(({ text, line }) => {
      const [left, right, why] = text.split('\t');
      return { left, right, why, line };
    });
}

const pairs = readPairs();
const codePoints = (s: string) =>
  [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

describe(normalizeText.name, () => {
  it('should read every pair of the fixture (three tab-separated columns, at least a dozen pairs)', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    for (const p of pairs) {
      expect({
        line: p.line,
        columns: [p.left, p.right, p.why].every((c) => typeof c === 'string' && c.length > 0),
      }).toEqual({ line: p.line, columns: true });
    }
  });

  it.each(pairs.map((p) => [`line ${p.line}: ${p.why}`, p] as const))('should fold %s', (_label, p) => {
    // A pair whose sides are already identical would test nothing.
    expect(p.left).not.toBe(p.right);
    const left = normalizeText(p.left);
    const right = normalizeText(p.right);
    expect(left.length).toBeGreaterThan(0);
    expect({ left: codePoints(left), right: codePoints(right) }).toEqual({
      left: codePoints(right),
      right: codePoints(right),
    });
  });

  it('should be idempotent on every fixture string', () => {
    for (const p of pairs) {
      for (const s of [p.left, p.right]) expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
    }
  });

  it.each([
    ['heh goal vs hah', 'ہار', 'حار'],
    ['kaf vs gaf', 'کل', 'گل'],
    ['choti yeh vs bari yeh (کی / کے are different words)', 'کی', 'کے'],
    ['teh vs tteh', 'تک', 'ٹک'],
    ['dal vs ddal', 'دال', 'ڈال'],
    ['reh vs rreh', 'پر', 'پڑ'],
    ['noon vs noon ghunna', 'میں', 'مین'],
    ['alef vs ain', 'اسلام', 'عسلام'],
    ['different digits', '13 مئی', '31 مئی'],
    ['a word and its plural', 'steel', 'steels'],
    ['two words vs one', 'وزیر اعظم', 'وزیراعظم'],
  ])('should keep %s apart', (_label, a, b) => {
    expect(normalizeText(a)).not.toBe(normalizeText(b));
  });

  it('should fold case, punctuation of any script and runs of white space', () => {
    expect(normalizeText('  Pakistan   Steel Mills, Karachi. ')).toBe('pakistan steel mills karachi');
    expect(normalizeText('کراچی۔ اسلام آباد، لاہور؟')).toBe(normalizeText('کراچی اسلام آباد لاہور'));
    expect(normalizeText('ТАСС')).toBe('тасс');
  });

  it('should give an empty string for nothing, and for marks and invisible characters alone', () => {
    expect(normalizeText(undefined)).toBe('');
    expect(normalizeText(null)).toBe('');
    expect(normalizeText('')).toBe('');
    expect(normalizeText('\u200c\u200f\u064e\u0640 ')).toBe('');
  });
});

describe(foldForSearch.name, () => {
  it.each([
    ['the epenthetic alif of steel', 'اسٹیل مل', 'سٹیل مل'],
    ['the epenthetic alif of school', 'اسکول', 'سکول'],
    ['the epenthetic alif of speaker', 'اسپیکر قومی اسمبلی', 'سپیکر قومی اسمبلی'],
    ['the epenthetic alif of State Bank', 'اسٹیٹ بینک', 'سٹیٹ بینک'],
    ['the English plural of a loanword', 'پاکستان اسٹیل ملز', 'پاکستان سٹیل مل'],
    ['an oblique plural', 'ملوں', 'مل'],
    ['an Arabic plural', 'تعلقات', 'تعلق'],
    ['a masculine plural and its singular', 'معاہدے', 'معاہدہ'],
    ['a feminine plural', 'تاریخیں', 'تاریخ'],
    ['a plural of a plural', 'ملاقاتیں', 'ملاقات'],
    ['Arabic letter forms and a plural at once', 'اسٹيل ملز', 'سٹیل مل'],
    ['an English plural', 'Steel Mills', 'steel mill'],
    ['an English -ies plural', 'companies', 'company'],
  ])('should fold %s', (_label, a, b) => {
    expect(foldForSearch(a)).toBe(foldForSearch(b));
    expect(foldForSearch(foldForSearch(a))).toBe(foldForSearch(a));
  });

  it.each([
    ['a native word beginning with اس + ل', 'اسلام آباد', 'سلام آباد'],
    ['a native word beginning with اس + ت', 'استعفیٰ', 'ستعفیٰ'],
    ['a ز after a long vowel (روز, نماز, پرواز)', 'پرواز', 'پروا'],
    ['a short word that only looks plural (میں)', 'میں', 'م'],
    ['a word ending in -ss or -us', 'process status', 'proces statu'],
    ['different stems', 'اسٹیل', 'اسکول'],
  ])('should keep %s apart', (_label, a, b) => {
    expect(foldForSearch(a)).not.toBe(foldForSearch(b));
  });

  it('should keep digits, codes and the words normalizeText leaves', () => {
    expect(foldForSearch('PK-RU-STEEL-KHI ۱۳ مئی')).toBe(`pk ru steel khi 13 ${normalizeText('مئی')}`);
    expect(foldForSearch('')).toBe('');
  });
});

describe(buildSearchText.name, () => {
  it('should fold every part for search, drop the empty ones and join the rest with a separator', () => {
    expect(buildSearchText(['Pakistan Steel Mills', null, '', 'پاکستان اسٹيل ملز', undefined, '  '])).toBe(
      `pakistan steel mill | ${foldForSearch('پاکستان سٹیل مل')}`,
    );
    expect(buildSearchText([])).toBe('');
  });
});

describe(hasArabicScript.name, () => {
  it('should tell Arabic-script text from Latin and Cyrillic', () => {
    expect(hasArabicScript('اسٹیل')).toBe(true);
    expect(hasArabicScript('Steel اسٹیل')).toBe(true);
    expect(hasArabicScript('Steel')).toBe(false);
    expect(hasArabicScript('Сталь')).toBe(false);
  });
});
