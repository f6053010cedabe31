import type { Principal } from './access';
import {
  canReach,
  canTouch,
  citersOf,
  effectiveScope,
  linkIds,
  linksOf,
  RESOURCE_LINKS,
  touchedByField,
  type ScopedKind,
} from './links';

// Stored records the rules resolve through: initiative 1 (steel), 2 (energy); milestone 10 of 1; meeting 20 about 1
// and 2; meeting 21 about 2 only.
const OWNERS: Record<string, number[]> = {
  'milestones:10': [1],
  'engagements:20': [1, 2],
  'engagements:21': [2],
  'decisions:30': [1],
};
const ownersOf = (kind: ScopedKind, id: number) => OWNERS[`${kind}:${id}`] ?? [];
const touched = (resource: string, record: Record<string, unknown>) =>
  Object.fromEntries(touchedByField(resource, record, ownersOf));

const steelAnalyst: Principal = { role: 'analyst', sectorIds: [100] };
const STEEL = [100];
const ENERGY = [200];

describe('link scope rules', () => {
  it('should make a milestone touch its initiative, and a meeting every initiative it names', () => {
    expect(touched('milestones', { initiativeId: 1 })).toEqual({ initiativeId: [1] });
    expect(touched('engagements', { initiativeIds: [1, 2], previousId: 21 })).toEqual({ initiativeIds: [1, 2] });
  });

  it('should make evidence touch what its target belongs to', () => {
    expect(touched('evidence', { sourceId: 5, milestoneId: 10 })).toEqual({ milestoneId: [1] });
    expect(touched('evidence', { sourceId: 5, initiativeId: 1, engagementId: 21 })).toEqual({
      initiativeId: [1],
      engagementId: [2],
    });
  });

  it("should make a decision of the whole meeting touch the meeting's initiatives, and one about an initiative only it", () => {
    expect(touched('decisions', { engagementId: 20 })).toEqual({ engagementId: [1, 2] });
    expect(touched('decisions', { engagementId: 20, initiativeId: 1 })).toEqual({ initiativeId: [1] });
    const engagementLink = linksOf('decisions').find((r) => r.field === 'engagementId')!;
    expect(effectiveScope(engagementLink, { engagementId: 20, milestoneId: 10 })).toBe('reach');
    expect(effectiveScope(engagementLink, { engagementId: 20, initiativeId: null })).toBe('touch');
  });

  it('should read ids from single, list and nested fields, ignoring anything that is not an id', () => {
    expect(linkIds({ a: 3 }, 'a')).toEqual([3]);
    expect(linkIds({ a: [3, 4, 'x', -1, 1.5] }, 'a')).toEqual([3, 4]);
    expect(linkIds({ announcement: { sourceId: 7 } }, 'announcement.sourceId')).toEqual([7]);
    expect(linkIds({ announcement: null }, 'announcement.sourceId')).toEqual([]);
    expect(linkIds(null, 'a')).toEqual([]);
  });

  it('should need scope over every touched initiative, and over one of a reached record', () => {
    expect(canTouch(steelAnalyst, [STEEL])).toBe(true);
    expect(canTouch(steelAnalyst, [STEEL, ENERGY])).toBe(false);
    expect(canTouch({ role: 'viewer', sectorIds: [] }, [])).toBe(false);
    expect(canReach(steelAnalyst, [STEEL, ENERGY])).toBe(true);
    expect(canReach(steelAnalyst, [ENERGY])).toBe(false);
    expect(canReach(steelAnalyst, [])).toBe(true);
    expect(canReach({ role: 'admin', sectorIds: [] }, [ENERGY])).toBe(true);
  });

  it('should know every record that cites a source', () => {
    expect(citersOf('sources').map((c) => `${c.resource}.${c.rule.field}`)).toEqual([
      'milestones.announcement.sourceId',
      'status-updates.sourceIds',
      'evidence.sourceId',
    ]);
  });

  it('should declare belongsTo and unlessSet only on fields of the same resource', () => {
    for (const [resource, rules] of Object.entries(RESOURCE_LINKS)) {
      const fields = rules.map((r) => r.field);
      for (const r of rules) {
        if (r.belongsTo) expect([resource, fields]).toEqual([resource, expect.arrayContaining([r.belongsTo])]);
        for (const u of r.unlessSet ?? []) expect([resource, fields]).toEqual([resource, expect.arrayContaining([u])]);
      }
    }
  });
});
