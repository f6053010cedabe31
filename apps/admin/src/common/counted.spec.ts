import { mainScript, overBytes, pasteOutcome, utf8Bytes } from './counted';

describe(pasteOutcome.name, () => {
  it('should count what a paste replaces and refuse only beyond the limit', () => {
    expect(pasteOutcome({ length: 0, selectionStart: 0, selectionEnd: 0, pasted: 5_000, maxChars: 5_000 })).toEqual({
      length: 5_000,
      refused: false,
    });
    expect(pasteOutcome({ length: 10, selectionStart: 10, selectionEnd: 10, pasted: 4_991, maxChars: 5_000 })).toEqual({
      length: 5_001,
      refused: true,
    });
    // A selection is replaced by the paste: select all and paste a shorter text.
    expect(
      pasteOutcome({ length: 6_000, selectionStart: 0, selectionEnd: 6_000, pasted: 100, maxChars: 5_000 }),
    ).toEqual({ length: 100, refused: false });
    // A selection made backwards counts the same.
    expect(pasteOutcome({ length: 50, selectionStart: 40, selectionEnd: 10, pasted: 30, maxChars: 50 })).toEqual({
      length: 50,
      refused: false,
    });
  });
});

describe(mainScript.name, () => {
  it('should tell the script most of a text is in, Urdu with English words included', () => {
    expect(mainScript('پاکستان اور روس نے SCO اجلاس میں تعاون پر اتفاق کیا')).toBe('arabic');
    expect(mainScript('Pakistan and Russia (پاکستان اور روس) agreed')).toBe('latin');
    expect(mainScript('Россия и Пакистан')).toBe('latin');
    expect(mainScript('')).toBe('latin');
  });
});

describe(utf8Bytes.name, () => {
  it('should count UTF-8 bytes as the API does: Latin one, Urdu two, Devanagari three, an emoji four', () => {
    for (const text of ['Steel mill', 'اسٹیل مل', 'इस्पात', 'ok 🇵🇰', ''])
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});

describe(overBytes.name, () => {
  it('should give the size only beyond the limit', () => {
    expect(overBytes('a'.repeat(1_000), 1_000)).toBeNull();
    expect(overBytes('ب'.repeat(500), 1_000)).toBeNull();
    expect(overBytes('ب'.repeat(501), 1_000)).toBe(1_002);
  });
});
