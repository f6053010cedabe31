import { INITIATIVE_STAGES, type InitiativeStage } from './enums';
import {
  allowedNextStages,
  canTransition,
  changesHealth,
  changesStage,
  IATI_ACTIVITY_STATUS,
  iatiActivityStatus,
  isDevelopment,
  needsEvidence,
  STAGE_TRANSITIONS,
  stageInForceAt,
  TERMINAL_STAGES,
} from './lifecycle';

const LIVE_STAGES = INITIATIVE_STAGES.filter((s) => !TERMINAL_STAGES.includes(s) && s !== 'suspended');

function reachableFrom(start: InitiativeStage): Set<InitiativeStage> {
  const seen = new Set<InitiativeStage>([start]);
  const queue = [start];
  while (queue.length) {
    for (const next of STAGE_TRANSITIONS[queue.shift()!]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('IATI activity status map', () => {
  it('should cover every stage, and only stages', () => {
    expect(Object.keys(IATI_ACTIVITY_STATUS).sort()).toEqual([...INITIATIVE_STAGES].sort());
  });

  it('should map the diplomatic pre-stages to pipeline (1) and the rest to their IATI codes', () => {
    expect(Object.fromEntries(INITIATIVE_STAGES.map((s) => [s, iatiActivityStatus(s)]))).toEqual({
      announced: 1,
      under_negotiation: 1,
      mou_signed: 1,
      agreement_signed: 1,
      feasibility: 1,
      implementation: 2,
      pilot: 2,
      operational: 3,
      completed: 4,
      cancelled: 5,
      suspended: 6,
    });
  });

  it('should use every IATI code 1–6', () => {
    expect([...new Set(Object.values(IATI_ACTIVITY_STATUS))].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('stage transitions', () => {
  it('should list next stages for every stage, all of them real stages, none the stage itself', () => {
    expect(Object.keys(STAGE_TRANSITIONS).sort()).toEqual([...INITIATIVE_STAGES].sort());
    for (const from of INITIATIVE_STAGES) {
      for (const to of STAGE_TRANSITIONS[from]) {
        expect(INITIATIVE_STAGES).toContain(to);
        expect(to).not.toBe(from);
      }
      expect(new Set(STAGE_TRANSITIONS[from]).size).toBe(STAGE_TRANSITIONS[from].length);
    }
  });

  it('should make completed and cancelled terminal: exactly the stages nothing moves on from', () => {
    expect([...TERMINAL_STAGES].sort()).toEqual(['cancelled', 'completed']);
    expect(INITIATIVE_STAGES.filter((s) => STAGE_TRANSITIONS[s].length === 0).sort()).toEqual(
      [...TERMINAL_STAGES].sort(),
    );
    for (const terminal of TERMINAL_STAGES) {
      for (const to of INITIATIVE_STAGES) expect(canTransition(terminal, to)).toBe(false);
    }
  });

  it('should let every live stage be suspended or cancelled', () => {
    for (const from of LIVE_STAGES) {
      expect({ from, suspend: canTransition(from, 'suspended'), cancel: canTransition(from, 'cancelled') }).toEqual({
        from,
        suspend: true,
        cancel: true,
      });
    }
  });

  it('should let a suspended initiative resume at any live stage or be cancelled, but not complete directly', () => {
    for (const to of LIVE_STAGES) expect(canTransition('suspended', to)).toBe(true);
    expect(canTransition('suspended', 'cancelled')).toBe(true);
    expect(canTransition('suspended', 'completed')).toBe(false);
  });

  it('should reach every stage from announced, and a terminal stage from every stage', () => {
    expect([...reachableFrom('announced')].sort()).toEqual([...INITIATIVE_STAGES].sort());
    for (const from of INITIATIVE_STAGES) {
      const reach = reachableFrom(from);
      expect({ from, endsSomewhere: TERMINAL_STAGES.some((t) => reach.has(t)) }).toEqual({ from, endsSomewhere: true });
    }
  });

  it.each<[InitiativeStage, InitiativeStage, boolean]>([
    ['announced', 'mou_signed', true],
    ['announced', 'agreement_signed', true],
    ['mou_signed', 'implementation', true],
    ['implementation', 'operational', true],
    ['pilot', 'implementation', true],
    ['operational', 'completed', true],
    ['announced', 'operational', false],
    ['announced', 'completed', false],
    ['operational', 'announced', false],
    ['operational', 'implementation', false],
    ['implementation', 'mou_signed', false],
    ['completed', 'implementation', false],
    ['cancelled', 'announced', false],
  ])('should answer %s → %s with %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    expect(allowedNextStages(from).includes(to)).toBe(allowed);
  });
});

describe('developments', () => {
  it('should count a stage or health equal to the one before as no change', () => {
    expect(isDevelopment({})).toBe(true);
    expect(isDevelopment({ fromStage: 'agreement_signed', toStage: 'agreement_signed' })).toBe(true);
    expect(isDevelopment({ fromHealth: 'on_track', toHealth: 'on_track' })).toBe(true);
    expect(isDevelopment({ fromStage: null, toStage: 'announced' })).toBe(false);
    expect(changesHealth({ fromHealth: 'on_track', toHealth: 'at_risk' })).toBe(true);
    expect(changesStage({ fromStage: 'mou_signed', toStage: 'agreement_signed' })).toBe(true);
  });

  it('should require evidence for a stage change and a development, not for a health change alone', () => {
    expect(needsEvidence({})).toBe(true);
    expect(needsEvidence({ fromStage: 'announced', toStage: 'mou_signed' })).toBe(true);
    expect(needsEvidence({ fromHealth: 'on_track', toHealth: 'at_risk' })).toBe(false);
    expect(needsEvidence({ fromHealth: 'on_track', toHealth: 'on_track' })).toBe(true);
  });

  it('should find the stage in force at a moment: effective by then, the later recorded on ties', () => {
    const updates = [
      { id: 1, toStage: 'announced' as const, effectiveAt: '2025-01-01T00:00:00Z', recordedAt: '2025-01-02T00:00:00Z' },
      {
        id: 2,
        toStage: 'agreement_signed' as const,
        effectiveAt: '2025-05-13T00:00:00Z',
        recordedAt: '2025-07-11T00:00:00Z',
      },
      { id: 3, toStage: null, effectiveAt: '2025-07-11T00:00:00Z', recordedAt: '2025-07-12T00:00:00Z' },
      {
        id: 4,
        toStage: 'under_negotiation' as const,
        effectiveAt: '2025-05-13T00:00:00Z',
        recordedAt: '2025-07-10T00:00:00Z',
      },
    ];
    expect(stageInForceAt(updates, '2024-12-31')).toBeNull();
    expect(stageInForceAt(updates, '2025-03-01')).toBe('announced');
    expect(stageInForceAt(updates, '2025-05-13')).toBe('agreement_signed');
    expect(stageInForceAt(updates, '2025-08-01T10:00:00Z')).toBe('agreement_signed');
  });
});
