import { z } from 'zod';
import {
  INITIATIVE_STAGES,
  HEALTHS,
  CONFIDENCES,
  PRIORITIES,
  COUNTRY_ROLES,
  ORGANIZATION_KINDS,
  MILESTONE_KINDS,
  MILESTONE_STATES,
  ENGAGEMENT_FORMATS,
  ENGAGEMENT_STATUSES,
  DECISION_STATES,
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  SOURCE_KINDS,
  LANGUAGES,
  ROLES,
  LOCALES,
  REPORT_KINDS,
  REPORT_FORMATS,
  REPORT_STATUSES,
  IMPORT_RESOURCES,
  IMPORT_MODES,
  IMPORT_STATUSES,
  INTAKE_LANGUAGES,
  INTAKE_INPUTS,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
} from './values';

export * from './values';

/** Lifecycle stage of an initiative: IATI-compatible, with diplomatic pre-stages. */
export const InitiativeStageSchema = z.enum(INITIATIVE_STAGES);
export type InitiativeStage = z.infer<typeof InitiativeStageSchema>;

/** RAG health of an initiative. */
export const HealthSchema = z.enum(HEALTHS);
export type Health = z.infer<typeof HealthSchema>;

export const ConfidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const CountryRoleSchema = z.enum(COUNTRY_ROLES);
export type CountryRole = z.infer<typeof CountryRoleSchema>;

export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

export const MilestoneKindSchema = z.enum(MILESTONE_KINDS);
export type MilestoneKind = z.infer<typeof MilestoneKindSchema>;

export const MilestoneStateSchema = z.enum(MILESTONE_STATES);
export type MilestoneState = z.infer<typeof MilestoneStateSchema>;

export const EngagementFormatSchema = z.enum(ENGAGEMENT_FORMATS);
export type EngagementFormat = z.infer<typeof EngagementFormatSchema>;

export const EngagementStatusSchema = z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.infer<typeof EngagementStatusSchema>;

export const DecisionStateSchema = z.enum(DECISION_STATES);
export type DecisionState = z.infer<typeof DecisionStateSchema>;

export const AgreementKindSchema = z.enum(AGREEMENT_KINDS);
export type AgreementKind = z.infer<typeof AgreementKindSchema>;

export const AgreementStatusSchema = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatusSchema>;

export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export const IntakeLanguageSchema = z.enum(INTAKE_LANGUAGES);
export type IntakeLanguage = z.infer<typeof IntakeLanguageSchema>;

export const IntakeInputSchema = z.enum(INTAKE_INPUTS);
export type IntakeInput = z.infer<typeof IntakeInputSchema>;

export const ProposalKindSchema = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof ProposalKindSchema>;

export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;

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
  ImportResource: IMPORT_RESOURCES,
  ImportMode: IMPORT_MODES,
  ImportStatus: IMPORT_STATUSES,
  IntakeLanguage: INTAKE_LANGUAGES,
  IntakeInput: INTAKE_INPUTS,
  ProposalKind: PROPOSAL_KINDS,
  ProposalStatus: PROPOSAL_STATUSES,
};
