import { z } from 'zod';

// The value lists mirror the enums of prisma/schema.prisma; a unit test keeps them in step.

export const INITIATIVE_STAGES = [
  'announced',
  'under_negotiation',
  'mou_signed',
  'agreement_signed',
  'feasibility',
  'implementation',
  'pilot',
  'operational',
  'completed',
  'suspended',
  'cancelled',
] as const;
/** Lifecycle stage of an initiative: IATI-compatible, with diplomatic pre-stages. */
export const InitiativeStageSchema = z.enum(INITIATIVE_STAGES);
export type InitiativeStage = z.infer<typeof InitiativeStageSchema>;

export const HEALTHS = ['on_track', 'at_risk', 'off_track', 'not_assessed'] as const;
/** RAG health of an initiative. */
export const HealthSchema = z.enum(HEALTHS);
export type Health = z.infer<typeof HealthSchema>;

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const ConfidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const COUNTRY_ROLES = ['partner', 'host', 'lead', 'financier', 'observer'] as const;
export const CountryRoleSchema = z.enum(COUNTRY_ROLES);
export type CountryRole = z.infer<typeof CountryRoleSchema>;

export const ORGANIZATION_KINDS = [
  'ministry',
  'government_agency',
  'state_enterprise',
  'company',
  'multilateral_forum',
  'international_organization',
  'embassy',
  'legislature',
  'think_tank',
  'other',
] as const;
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

export const MILESTONE_KINDS = [
  'announcement',
  'negotiation',
  'signing',
  'financing',
  'feasibility',
  'construction',
  'delivery',
  'pilot',
  'commissioning',
  'meeting',
  'other',
] as const;
export const MilestoneKindSchema = z.enum(MILESTONE_KINDS);
export type MilestoneKind = z.infer<typeof MilestoneKindSchema>;

export const MILESTONE_STATES = ['planned', 'in_progress', 'achieved', 'delayed', 'missed', 'cancelled'] as const;
export const MilestoneStateSchema = z.enum(MILESTONE_STATES);
export type MilestoneState = z.infer<typeof MilestoneStateSchema>;

export const ENGAGEMENT_FORMATS = [
  'bilateral_meeting',
  'multilateral_sidelines',
  'igc_session',
  'working_group',
  'visit',
] as const;
export const EngagementFormatSchema = z.enum(ENGAGEMENT_FORMATS);
export type EngagementFormat = z.infer<typeof EngagementFormatSchema>;

export const ENGAGEMENT_STATUSES = ['planned', 'held', 'postponed', 'cancelled'] as const;
export const EngagementStatusSchema = z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.infer<typeof EngagementStatusSchema>;

export const DECISION_STATES = ['open', 'in_progress', 'done', 'overdue', 'dropped'] as const;
export const DecisionStateSchema = z.enum(DECISION_STATES);
export type DecisionState = z.infer<typeof DecisionStateSchema>;

export const AGREEMENT_KINDS = ['mou', 'protocol', 'agreement', 'contract'] as const;
export const AgreementKindSchema = z.enum(AGREEMENT_KINDS);
export type AgreementKind = z.infer<typeof AgreementKindSchema>;

export const AGREEMENT_STATUSES = ['under_negotiation', 'signed', 'in_force', 'expired', 'terminated'] as const;
export const AgreementStatusSchema = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatusSchema>;

export const SOURCE_KINDS = ['news', 'official_statement', 'document'] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const LANGUAGES = ['en', 'ur', 'ru', 'other'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const ROLES = ['admin', 'analyst', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LOCALES = ['en', 'ur'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const REPORT_KINDS = ['portfolio', 'initiative', 'changes', 'engagement_followup'] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** Every enum of the schema, by its Prisma name; the schema test compares these with the database. */
export const DOMAIN_ENUMS: Record<string, readonly string[]> = {
  InitiativeStage: INITIATIVE_STAGES,
  Health: HEALTHS,
  Confidence: CONFIDENCES,
  Priority: PRIORITIES,
  CountryRole: COUNTRY_ROLES,
  OrganizationKind: ORGANIZATION_KINDS,
  MilestoneKind: MILESTONE_KINDS,
  MilestoneState: MILESTONE_STATES,
  EngagementFormat: ENGAGEMENT_FORMATS,
  EngagementStatus: ENGAGEMENT_STATUSES,
  DecisionState: DECISION_STATES,
  AgreementKind: AGREEMENT_KINDS,
  AgreementStatus: AGREEMENT_STATUSES,
  SourceKind: SOURCE_KINDS,
  Language: LANGUAGES,
  Role: ROLES,
  Locale: LOCALES,
  ReportKind: REPORT_KINDS,
  ReportFormat: REPORT_FORMATS,
  ReportStatus: REPORT_STATUSES,
};
