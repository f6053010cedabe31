import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  CONFIDENCES,
  COUNTRY_ROLES,
  DECISION_STATES,
  ENGAGEMENT_FORMATS,
  ENGAGEMENT_STATUSES,
  HEALTHS,
  INITIATIVE_STAGES,
  LANGUAGES,
  LOCALES,
  MILESTONE_KINDS,
  MILESTONE_STATES,
  ORGANIZATION_KINDS,
  PRIORITIES,
  ROLES,
  SOURCE_KINDS,
} from '@rabta/domain/values';

// Choices for SelectInput & co from the domain's enums; react-admin translates each `name` key.
const choicesOf = (name: string, values: readonly string[]) =>
  values.map((id) => ({ id, name: `enums.${name}.${id}` }));

export const choices = {
  stage: choicesOf('stage', INITIATIVE_STAGES),
  health: choicesOf('health', HEALTHS),
  confidence: choicesOf('confidence', CONFIDENCES),
  priority: choicesOf('priority', PRIORITIES),
  countryRole: choicesOf('country_role', COUNTRY_ROLES),
  organizationKind: choicesOf('organization_kind', ORGANIZATION_KINDS),
  milestoneKind: choicesOf('milestone_kind', MILESTONE_KINDS),
  milestoneState: choicesOf('milestone_state', MILESTONE_STATES),
  engagementFormat: choicesOf('engagement_format', ENGAGEMENT_FORMATS),
  engagementStatus: choicesOf('engagement_status', ENGAGEMENT_STATUSES),
  decisionState: choicesOf('decision_state', DECISION_STATES),
  agreementKind: choicesOf('agreement_kind', AGREEMENT_KINDS),
  agreementStatus: choicesOf('agreement_status', AGREEMENT_STATUSES),
  sourceKind: choicesOf('source_kind', SOURCE_KINDS),
  language: choicesOf('language', LANGUAGES),
  role: choicesOf('role', ROLES),
  locale: choicesOf('locale', LOCALES),
  booleanFilter: [
    { id: true, name: 'enums.boolean_filter.true' },
    { id: false, name: 'enums.boolean_filter.false' },
  ],
};
