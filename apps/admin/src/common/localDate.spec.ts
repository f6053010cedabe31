import { asciiDigits, formatLocalDate, parseLocalDate } from './localDate';

describe('dates as people write them', () => {
  it('should show a date day first, the month by name, in Urdu with Urdu digits', () => {
    expect(formatLocalDate('2025-05-13', 'en')).toBe('13 May 2025');
    expect(formatLocalDate('2025-05-13', 'ur')).toBe('۱۳ مئی ۲۰۲۵');
    expect(formatLocalDate('2025-07-01T00:00:00Z', 'ur')).toBe('۱ جولائی ۲۰۲۵');
    expect(formatLocalDate(null, 'en')).toBe('');
    expect(formatLocalDate('soon', 'en')).toBe('');
  });

  it('should read day-first numbers, never month first', () => {
    expect(parseLocalDate('13/05/2025')).toBe('2025-05-13');
    expect(parseLocalDate('1.7.2025')).toBe('2025-07-01');
    expect(parseLocalDate('01-07-25')).toBe('2025-07-01');
    // 05/13/2025 is how a US date input writes 13 May: not a day-first date.
    expect(parseLocalDate('05/13/2025')).toBeUndefined();
  });

  it('should read ISO dates and months named in English or Urdu, in Urdu or Latin digits', () => {
    expect(parseLocalDate('2025-05-13')).toBe('2025-05-13');
    expect(parseLocalDate('13 May 2025')).toBe('2025-05-13');
    expect(parseLocalDate('13 september 2025')).toBe('2025-09-13');
    expect(parseLocalDate('۱۳ مئی ۲۰۲۵')).toBe('2025-05-13');
    expect(parseLocalDate('۱۳ مئی، ۲۰۲۵')).toBe('2025-05-13');
    expect(parseLocalDate('۱۳/۰۵/۲۰۲۵')).toBe('2025-05-13');
    expect(parseLocalDate(formatLocalDate('2024-02-29', 'ur'))).toBe('2024-02-29');
    expect(asciiDigits('٠١٢٣۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('should say what is not a date, and an empty field is no date', () => {
    expect(parseLocalDate('')).toBeNull();
    expect(parseLocalDate('  ')).toBeNull();
    expect(parseLocalDate('31/02/2025')).toBeUndefined();
    expect(parseLocalDate('13 Mayo 2025')).toBeUndefined();
    expect(parseLocalDate('tomorrow')).toBeUndefined();
  });
});
