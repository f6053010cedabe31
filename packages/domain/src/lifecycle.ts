import type { Health, InitiativeStage } from './enums';

/**
 * IATI activity status codes (https://iatistandard.org/en/iati-standard/203/codelists/activitystatus/):
 * 1 Pipeline/identification, 2 Implementation, 3 Finalisation, 4 Closed, 5 Cancelled, 6 Suspended.
 * The diplomatic pre-stages (announced … feasibility) are all "pipeline" to IATI.
 */
export const IATI_ACTIVITY_STATUS: Record<InitiativeStage, 1 | 2 | 3 | 4 | 5 | 6> = {
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
};

/** Stages from which nothing moves on. */
export const TERMINAL_STAGES: readonly InitiativeStage[] = ['completed', 'cancelled'];

/**
 * The allowed next stages. Forward steps may skip pre-stages (an MoU is not always signed before an agreement),
 * any live stage may be suspended or cancelled, and a suspended initiative resumes at any live stage.
 */
export const STAGE_TRANSITIONS: Record<InitiativeStage, readonly InitiativeStage[]> = {
  announced: ['under_negotiation', 'mou_signed', 'agreement_signed', 'feasibility', 'suspended', 'cancelled'],
  under_negotiation: ['mou_signed', 'agreement_signed', 'feasibility', 'suspended', 'cancelled'],
  mou_signed: ['under_negotiation', 'agreement_signed', 'feasibility', 'implementation', 'suspended', 'cancelled'],
  agreement_signed: ['feasibility', 'implementation', 'pilot', 'suspended', 'cancelled'],
  feasibility: ['agreement_signed', 'implementation', 'pilot', 'suspended', 'cancelled'],
  implementation: ['pilot', 'operational', 'completed', 'suspended', 'cancelled'],
  pilot: ['implementation', 'operational', 'completed', 'suspended', 'cancelled'],
  operational: ['completed', 'suspended', 'cancelled'],
  suspended: [
    'announced',
    'under_negotiation',
    'mou_signed',
    'agreement_signed',
    'feasibility',
    'implementation',
    'pilot',
    'operational',
    'cancelled',
  ],
  completed: [],
  cancelled: [],
};

export function allowedNextStages(from: InitiativeStage): readonly InitiativeStage[] {
  return STAGE_TRANSITIONS[from];
}

export function canTransition(from: InitiativeStage, to: InitiativeStage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

export function iatiActivityStatus(stage: InitiativeStage): 1 | 2 | 3 | 4 | 5 | 6 {
  return IATI_ACTIVITY_STATUS[stage];
}

// ---------------------------------------------------------------------------------------------- developments

/**
 * What a status update records: a change of stage, of health, or of both — or a *development*, news that moves
 * neither (a protocol signed at a stage already reached, a meeting that reaffirms a plan). A stage or health equal
 * to the one in force is no change.
 */
export interface StatusChange {
  fromStage?: InitiativeStage | null;
  toStage?: InitiativeStage | null;
  fromHealth?: Health | null;
  toHealth?: Health | null;
}

export function changesStage(u: StatusChange): boolean {
  return !!u.toStage && u.toStage !== u.fromStage;
}

export function changesHealth(u: StatusChange): boolean {
  return !!u.toHealth && u.toHealth !== u.fromHealth;
}

/** Neither the stage nor the health changes: a development. */
export function isDevelopment(u: StatusChange): boolean {
  return !changesStage(u) && !changesHealth(u);
}

/**
 * Whether a status update must cite a source: a change of stage and a development always do (they are claims about
 * the world); a change of health alone is the analyst's judgment and may rest on the note.
 */
export function needsEvidence(u: StatusChange): boolean {
  return changesStage(u) || isDevelopment(u);
}

/**
 * The stage in force at a moment from an initiative's status history: the latest update giving a stage that took
 * effect by then (ties: the later recorded, then the later id) — the rule every as-of view applies.
 */
export function stageInForceAt<
  U extends { toStage: InitiativeStage | null; effectiveAt: string; recordedAt: string; id: number },
>(updates: readonly U[], at: string): InitiativeStage | null {
  const t = Date.parse(at);
  const later = (a: U, b: U) =>
    Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt) ||
    Date.parse(a.recordedAt) - Date.parse(b.recordedAt) ||
    a.id - b.id;
  let best: U | undefined;
  for (const u of updates) {
    if (u.toStage && Date.parse(u.effectiveAt) <= t && (!best || later(u, best) > 0)) best = u;
  }
  return best?.toStage ?? null;
}
