import { autoMapping, enumValue, IMPORT_FIELDS, inferDateFormat, readDate, readNumber, splitList } from './interchange';

describe('spreadsheet import: reading headers and cells', () => {
  it('should map English and Urdu labels, wire names and loose aliases to fields; read-only export columns to nothing', () => {
    expect(
      autoMapping('initiatives', ['Code', 'عنوان (اردو)', 'titleEn', 'Sector', 'countryCodes', 'iatiStatus', 'Notes']),
    ).toEqual({
      Code: 'code',
      'عنوان (اردو)': 'titleUr',
      titleEn: 'titleEn',
      Sector: 'sectors',
      countryCodes: 'countryCodes',
      iatiStatus: null,
      Notes: null,
    });
    // A field goes to the first column that claims it.
    expect(autoMapping('people', ['Name', 'nameEn'])).toEqual({ Name: 'nameEn', nameEn: null });
  });

  it('should read dates in ISO, day-first, month-first and with month names; ambiguous ones wait for a format', () => {
    expect(readDate('2025-05-13')).toEqual({ date: '2025-05-13' });
    expect(readDate('13/05/2025')).toEqual({ date: '2025-05-13' });
    expect(readDate('05/13/2025')).toEqual({ date: '2025-05-13' });
    expect(readDate('05/06/2025')).toEqual({ ambiguous: { first: 5, second: 6, year: 2025 } });
    expect(readDate('05/06/2025', 'DD/MM/YYYY')).toEqual({ date: '2025-06-05' });
    expect(readDate('05.06.25', 'MM/DD/YYYY')).toEqual({ date: '2025-05-06' });
    expect(readDate('13 May 2025')).toEqual({ date: '2025-05-13' });
    expect(readDate('May 13, 2025')).toEqual({ date: '2025-05-13' });
    expect(readDate('31/02/2025')).toHaveProperty('error');
    expect(readDate('13/05/2025', 'MM/DD/YYYY')).toHaveProperty('error');
    expect(readDate('soon')).toHaveProperty('error');
    expect(inferDateFormat(['05/06/2025', '13/05/2025'])).toBe('DD/MM/YYYY');
    expect(inferDateFormat(['05/13/2025'])).toBe('MM/DD/YYYY');
    expect(inferDateFormat(['05/06/2025'])).toBeUndefined();
    expect(inferDateFormat(['13/05/2025', '05/13/2025'])).toBeUndefined();
  });

  it('should read numbers with thousands separators or a decimal comma, lists split on ;', () => {
    expect(readNumber('1,500,000')).toBe(1_500_000);
    expect(readNumber('1 500 000.5')).toBe(1_500_000.5);
    expect(readNumber('2,5')).toBe(2.5);
    expect(readNumber('۱۲۳')).toBe(123);
    expect(readNumber('12 million')).toBeUndefined();
    expect(splitList('PK; RU ;; UZ')).toEqual(['PK', 'RU', 'UZ']);
    expect(splitList('اسٹیل؛ توانائی')).toEqual(['اسٹیل', 'توانائی']);
  });

  it('should read enum cells as the value, or its English or Urdu label', () => {
    const stage = IMPORT_FIELDS.initiatives.find((f) => f.field === 'stage')!;
    expect(enumValue(stage, 'mou_signed')).toBe('mou_signed');
    expect(enumValue(stage, 'MoU signed')).toBe('mou_signed');
    expect(enumValue(stage, 'Under negotiation')).toBe('under_negotiation');
    expect(enumValue(stage, 'maybe')).toBeUndefined();
  });
});
