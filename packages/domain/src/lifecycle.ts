import type { InitiativeStage } from './enums';

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
