// The value lists of the domain's enums, without zod: screens that only need the choices import these.
// enums.ts builds the zod schemas from them; a unit test keeps them in step with prisma/schema.prisma.

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

export const HEALTHS = ['on_track', 'at_risk', 'off_track', 'not_assessed'] as const;

export const CONFIDENCES = ['low', 'medium', 'high'] as const;

export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;

export const COUNTRY_ROLES = ['partner', 'host', 'lead', 'financier', 'observer'] as const;

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

export const MILESTONE_STATES = ['planned', 'in_progress', 'achieved', 'delayed', 'missed', 'cancelled'] as const;

export const ENGAGEMENT_FORMATS = [
  'bilateral_meeting',
  'multilateral_sidelines',
  'igc_session',
  'working_group',
  'visit',
] as const;

export const ENGAGEMENT_STATUSES = ['planned', 'held', 'postponed', 'cancelled'] as const;

export const DECISION_STATES = ['open', 'in_progress', 'done', 'overdue', 'dropped'] as const;

export const AGREEMENT_KINDS = ['mou', 'protocol', 'agreement', 'contract'] as const;

export const AGREEMENT_STATUSES = ['under_negotiation', 'signed', 'in_force', 'expired', 'terminated'] as const;

export const SOURCE_KINDS = ['news', 'official_statement', 'document'] as const;

export const LANGUAGES = ['en', 'ur', 'ru', 'other'] as const;

export const ROLES = ['admin', 'analyst', 'viewer'] as const;

export const LOCALES = ['en', 'ur'] as const;

export const REPORT_KINDS = ['portfolio', 'initiative', 'changes', 'engagement_followup'] as const;

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv'] as const;

export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const IMPORT_RESOURCES = ['initiatives', 'milestones', 'people', 'organizations'] as const;

/** `create`: add new rows only; `update`: change existing records (by code, or id); `upsert`: both. */
export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;

export const IMPORT_STATUSES = ['previewed', 'committed'] as const;
/** Languages intake recognises (by script and letters); a source keeps the nearest of LANGUAGES. */
export const INTAKE_LANGUAGES = ['ur', 'en', 'ar', 'fa', 'ru', 'other'] as const;

/** How an article came in: pasted text, pasted HTML, or a URL Rabta fetched. */
export const INTAKE_INPUTS = ['text', 'html', 'url'] as const;

export const MENTION_TYPES = [
  'person',
  'position',
  'organization',
  'country',
  'place',
  'sector',
  'initiative',
  'forum',
  'date',
] as const;

export const PROPOSAL_KINDS = [
  'evidence',
  'engagement',
  'agreement',
  'milestone_date',
  'status_change',
  'new_person',
] as const;

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;

/** Resources a recognised mention can name. */
export const MENTION_RESOURCES = [
  'people',
  'positions',
  'organizations',
  'countries',
  'sectors',
  'initiatives',
  'milestones',
  'engagements',
  'agreements',
] as const;

/** The longest text of a source, in characters (as long as an article intake accepts: 1 MiB). */
export const SOURCE_TEXT_MAX_CHARS = 1_048_576;
/** The longest quoted passage of a source, in characters. */
export const QUOTE_MAX_CHARS = 5_000;
