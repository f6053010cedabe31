import { FSI, PDI, isolate, joinIsolated, withoutIsolates } from './bidi';

describe('joinIsolated', () => {
  it('should isolate each run of a mixed-direction label, so "publisher · date" keeps its written order', () => {
    const label = joinIsolated(['ARY News اردو', '13 May 2025']);
    expect(label).toBe(`${FSI}ARY News اردو${PDI} · ${FSI}13 May 2025${PDI}`);
    expect(withoutIsolates(label)).toBe('ARY News اردو · 13 May 2025');
  });

  it('should leave out empty runs and isolate one run alone', () => {
    expect(joinIsolated(['مشرق نامہ (Mashriq Nama)', null, '', undefined], ': ')).toBe(
      `${FSI}مشرق نامہ (Mashriq Nama)${PDI}`,
    );
    expect(joinIsolated([])).toBe('');
    expect(isolate('')).toBe('');
    expect(isolate(2025)).toBe(`${FSI}2025${PDI}`);
  });
});
