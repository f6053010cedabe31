import { applyMine, conflictRows, type Conflict } from './conflict';

const base = { id: 1, version: 3, titleEn: 'Steel mill', summaryEn: 'Old summary', sectorIds: [1], updatedAt: 'a' };
const conflict: Conflict = {
  base,
  // The user changed the summary only.
  yours: { ...base, summaryEn: 'My summary' },
  // Someone else changed the title meanwhile.
  current: { ...base, version: 4, titleEn: 'New steel mill in Karachi', updatedAt: 'b' },
  changedBy: { id: 2, name: 'Other analyst' },
  changedAt: '2026-01-01T10:00:00Z',
};

describe(conflictRows.name, () => {
  it('should list the fields I edited and those they changed, mine first', () => {
    expect(conflictRows(conflict)).toEqual([
      { field: 'summaryEn', theirs: 'Old summary', yours: 'My summary', edited: true, changedByThem: false },
      {
        field: 'titleEn',
        theirs: 'New steel mill in Karachi',
        yours: 'Steel mill',
        edited: false,
        changedByThem: true,
      },
    ]);
  });

  it('should ignore bookkeeping fields and arrays in another order', () => {
    const rows = conflictRows({
      ...conflict,
      yours: { ...conflict.yours, sectorIds: [1] },
      current: { ...conflict.current, sectorIds: [1] },
    });
    expect(rows.map((r) => r.field)).not.toContain('version');
    expect(rows.map((r) => r.field)).not.toContain('updatedAt');
    expect(rows.map((r) => r.field)).not.toContain('sectorIds');
  });
});

describe(applyMine.name, () => {
  it('should keep their changes, apply mine on top, and send their version', () => {
    const data = applyMine(conflict);
    expect(data.titleEn).toBe('New steel mill in Karachi');
    expect(data.summaryEn).toBe('My summary');
    expect(data.version).toBe(4);
  });
});
