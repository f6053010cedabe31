import {
  addDays,
  daysFromTo,
  decisionStateAsOf,
  INACTIVE_STAGES,
  isActiveStage,
  isDecisionOverdue,
  isDecisionTakenBy,
  isMilestoneOverdue,
  isPositionHeldOn,
  isStale,
  milestoneStateAsOf,
  positionOn,
  staleCutoff,
} from './as-of';
import { INITIATIVE_STAGES } from './enums';
import { TERMINAL_STAGES } from './lifecycle';

const present = { day: '2025-07-11', present: true };
const past = { day: '2025-06-01', present: false };

describe('as-of rules', () => {
  describe('dates', () => {
    it('should add days across month and year ends', () => {
      expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
      expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
      expect(daysFromTo('2025-05-13', '2025-07-11')).toBe(59);
      expect(daysFromTo('2025-07-11', '2025-05-13')).toBe(-59);
    });
  });

  describe('initiative stages', () => {
    it('should count the terminal stages and suspended as inactive, and only those', () => {
      expect([...INACTIVE_STAGES].sort()).toEqual([...TERMINAL_STAGES, 'suspended'].sort());
      expect(INITIATIVE_STAGES.filter((s) => !isActiveStage(s)).sort()).toEqual([...INACTIVE_STAGES].sort());
    });

    it('should call an active initiative stale when its newest evidence is the setting or more days old', () => {
      expect(staleCutoff('2025-06-01', 90)).toBe('2025-03-03');
      const on = (lastEvidenceOn: string | null) =>
        isStale({ stage: 'announced', lastEvidenceOn }, staleCutoff('2025-06-01', 90));
      expect(on('2025-03-03')).toBe(true);
      expect(on('2025-03-04')).toBe(false);
      expect(on(null)).toBe(true);
    });

    it('should never call an inactive initiative stale', () => {
      for (const stage of INACTIVE_STAGES) expect(isStale({ stage, lastEvidenceOn: null }, '2025-06-01')).toBe(false);
    });
  });

  describe('milestones', () => {
    it('should read a delivery by its actual date, in any view', () => {
      expect(milestoneStateAsOf({ state: 'planned', actualDate: '2025-05-13' }, past)).toBe('achieved');
      expect(milestoneStateAsOf({ state: 'achieved', actualDate: '2025-06-01' }, past)).toBe('achieved');
      expect(milestoneStateAsOf({ state: 'achieved', actualDate: '2025-06-02' }, past)).toBe('in_progress');
      expect(milestoneStateAsOf({ state: 'achieved', actualDate: '2025-07-12' }, present)).toBe('in_progress');
    });

    it('should place an achievement without an actual date in the present view only', () => {
      expect(milestoneStateAsOf({ state: 'achieved', actualDate: null }, present)).toBe('achieved');
      expect(milestoneStateAsOf({ state: 'achieved', actualDate: null }, past)).toBe('in_progress');
    });

    it('should keep other recorded states', () => {
      for (const state of ['planned', 'in_progress', 'delayed', 'missed', 'cancelled'] as const)
        expect(milestoneStateAsOf({ state, actualDate: null }, past)).toBe(state);
    });

    it('should call a milestone overdue from the day after its planned date until it is achieved or cancelled', () => {
      const m = { state: 'planned' as const, plannedDate: '2025-05-31', actualDate: null };
      expect(isMilestoneOverdue(m, { day: '2025-05-31', present: false })).toBe(false);
      expect(isMilestoneOverdue(m, past)).toBe(true);
      expect(isMilestoneOverdue({ ...m, state: 'cancelled' }, past)).toBe(false);
      expect(isMilestoneOverdue({ ...m, actualDate: '2025-06-01' }, past)).toBe(false);
      // Delivered, but later than the view's day: overdue then.
      expect(isMilestoneOverdue({ ...m, state: 'achieved', actualDate: '2025-06-20' }, past)).toBe(true);
      expect(isMilestoneOverdue({ ...m, plannedDate: null }, past)).toBe(false);
    });
  });

  describe('decisions', () => {
    it('should call an open decision overdue once its due date has passed', () => {
      const d = { state: 'open' as const, dueDate: '2025-05-31' };
      expect(decisionStateAsOf(d, { day: '2025-05-31', present: false })).toBe('open');
      expect(decisionStateAsOf(d, past)).toBe('overdue');
      expect(decisionStateAsOf({ ...d, state: 'in_progress' }, past)).toBe('overdue');
      expect(decisionStateAsOf({ ...d, state: 'done' }, past)).toBe('done');
      expect(decisionStateAsOf({ ...d, state: 'dropped' }, past)).toBe('dropped');
      expect(decisionStateAsOf({ ...d, dueDate: null }, past)).toBe('open');
    });

    it('should keep an analyst’s "overdue" before the due date', () => {
      expect(isDecisionOverdue({ state: 'overdue', dueDate: '2025-12-31' }, past)).toBe(true);
      expect(isDecisionOverdue({ state: 'overdue', dueDate: null }, past)).toBe(true);
    });

    it('should hold a decision from the day of its meeting', () => {
      expect(isDecisionTakenBy('2025-07-10', '2025-07-09')).toBe(false);
      expect(isDecisionTakenBy('2025-07-10', '2025-07-10')).toBe(true);
    });
  });

  describe('positions', () => {
    it('should hold a position from its first day to its last, both included', () => {
      const p = { fromDate: '2024-03-11', toDate: '2025-06-01' };
      expect(isPositionHeldOn(p, '2024-03-10')).toBe(false);
      expect(isPositionHeldOn(p, '2024-03-11')).toBe(true);
      expect(isPositionHeldOn(p, '2025-06-01')).toBe(true);
      expect(isPositionHeldOn(p, '2025-06-02')).toBe(false);
      expect(isPositionHeldOn({ fromDate: null, toDate: null }, '1990-01-01')).toBe(true);
    });

    it('should give the position held that began last, and none that begins later', () => {
      const positions = [
        { id: 1, fromDate: null, toDate: null },
        { id: 2, fromDate: '2024-03-11', toDate: null },
        { id: 3, fromDate: '2026-01-01', toDate: null },
      ];
      expect(positionOn(positions, '2025-07-10')?.id).toBe(2);
      expect(positionOn(positions, '2024-01-01')?.id).toBe(1);
      expect(positionOn([], '2024-01-01')).toBeUndefined();
    });
  });
});
