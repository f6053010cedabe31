import { passageOf, sentencesOf } from './sentences';

describe(sentencesOf.name, () => {
  it('should cut English and Urdu text at sentence ends and line breaks, trimming white space', () => {
    const text = 'Talks opened. Both sides agreed!\nNext: Islamabad.  ملاقات ہوئی۔ کیا معاہدہ ہوا؟ جی ہاں';
    expect(sentencesOf(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Talks opened.',
      'Both sides agreed!',
      'Next: Islamabad.',
      'ملاقات ہوئی۔',
      'کیا معاہدہ ہوا؟',
      'جی ہاں',
    ]);
  });

  it('should keep abbreviations and decimals inside a sentence when no space follows, and skip empty lines', () => {
    const text = 'A 1.5 bn deal.\n\n\n"Natural allies," he said.';
    expect(sentencesOf(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'A 1.5 bn deal.',
      '"Natural allies," he said.',
    ]);
    expect(sentencesOf('')).toEqual([]);
  });

  it('should give the passage of consecutive sentences in either order', () => {
    const text = 'One. Two. Three.';
    const s = sentencesOf(text);
    expect(passageOf(text, s, 2, 1)).toBe('Two. Three.');
    expect(passageOf(text, s, 0, 0)).toBe('One.');
  });
});
