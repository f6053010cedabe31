import { z } from 'zod';
import {
  AgreementKindSchema,
  AgreementStatusSchema,
  ConfidenceSchema,
  CountryRoleSchema,
  DecisionStateSchema,
  EngagementFormatSchema,
  EngagementStatusSchema,
  HealthSchema,
  InitiativeStageSchema,
  LanguageSchema,
  MilestoneKindSchema,
  MilestoneStateSchema,
  OrganizationKindSchema,
  PrioritySchema,
  SourceKindSchema,
} from '../enums';
import {
  CountryCodeSchema,
  DateSchema,
  optionalText,
  OptionalIdSchema,
  RefIdSchema,
  requiredText,
  TagsSchema,
  TimestampSchema,
  VersionSchema,
} from './common';
import { QUOTE_MAX_CHARS, SOURCE_TEXT_MAX_CHARS } from '../values';

// The wire contract of the analyst API: what each resource looks like on the way out (`XSchema`), what a client
// may send to create one (`CreateXSchema`) and to update one (`UpdateXSchema`). Create and update schemas are
// strict: a field outside the representation is rejected. `X_READ_ONLY` lists the fields that come back in a full
// representation and are ignored when react-admin sends the whole record back on PUT.

const nullableDate = DateSchema.nullable();
const nullableTs = z.string().nullable();
const timestamps = { createdAt: z.string(), updatedAt: z.string() };
const COMMON_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;

// ---------------------------------------------------------------------------------------------- countries, sectors

export const CountrySchema = z.object({
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  nameRu: z.string().nullable(),
  version: VersionSchema,
  ...timestamps,
});
export const CreateCountrySchema = z.strictObject({
  code: CountryCodeSchema,
  nameEn: requiredText(120),
  nameUr: requiredText(120),
  nameRu: optionalText(120),
});
export const UpdateCountrySchema = CreateCountrySchema.omit({ code: true })
  .partial()
  .extend({ version: VersionSchema.optional() })
  .strict();
export const COUNTRY_READ_ONLY = [...COMMON_READ_ONLY, 'code'] as const;

/** An OECD DAC 5-digit purpose code (the IATI Sector codelist, vocabulary 1), e.g. 23220 for hydro-electric plants. */
export const DacCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{5}$/, 'Must be a DAC 5-digit purpose code such as 23220');

export const SectorSchema = z.object({
  id: z.number(),
  code: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  /** The DAC 5-digit purpose code the sector is reported under in the IATI export. */
  dacCode: z.string().nullable(),
  version: VersionSchema,
  ...timestamps,
});
export const CreateSectorSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and _ (e.g. oil_refining)'),
  nameEn: requiredText(120),
  nameUr: requiredText(120),
  /** An empty string clears it (a cleared form input). */
  dacCode: z.preprocess((v) => (v === '' ? null : v), DacCodeSchema.nullable().optional()),
});
export const UpdateSectorSchema = CreateSectorSchema.partial().extend({ version: VersionSchema.optional() }).strict();
export const SECTOR_READ_ONLY = COMMON_READ_ONLY;

// ---------------------------------------------------------------------------------------------- actors

export const OrganizationSchema = z.object({
  id: z.number(),
  nameEn: z.string(),
  nameUr: z.string().nullable(),
  nameRu: z.string().nullable(),
  acronym: z.string().nullable(),
  kind: OrganizationKindSchema,
  countryCode: z.string().nullable(),
  parentId: z.number().nullable(),
  version: VersionSchema,
  ...timestamps,
});
export const CreateOrganizationSchema = z.strictObject({
  nameEn: requiredText(200),
  nameUr: optionalText(200),
  nameRu: optionalText(200),
  acronym: optionalText(30),
  kind: OrganizationKindSchema,
  countryCode: CountryCodeSchema.nullable().optional(),
  parentId: OptionalIdSchema,
});
export const UpdateOrganizationSchema = CreateOrganizationSchema.partial()
  .extend({ version: VersionSchema.optional() })
  .strict();
export const ORGANIZATION_READ_ONLY = COMMON_READ_ONLY;

export const PersonSchema = z.object({
  id: z.number(),
  nameEn: z.string(),
  nameUr: z.string().nullable(),
  nameRu: z.string().nullable(),
  aliases: z.array(z.string()),
  countryCode: z.string().nullable(),
  /** Derived: the person's title today, from the position held today that began last. */
  currentTitleEn: z.string().nullable(),
  currentTitleUr: z.string().nullable(),
  version: VersionSchema,
  ...timestamps,
});
export const CreatePersonSchema = z.strictObject({
  nameEn: requiredText(200),
  nameUr: optionalText(200),
  nameRu: optionalText(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  countryCode: CountryCodeSchema.nullable().optional(),
});
export const UpdatePersonSchema = CreatePersonSchema.partial().extend({ version: VersionSchema.optional() }).strict();
export const PERSON_READ_ONLY = [...COMMON_READ_ONLY, 'currentTitleEn', 'currentTitleUr'] as const;

export const PositionSchema = z.object({
  id: z.number(),
  personId: z.number(),
  organizationId: z.number().nullable(),
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  fromDate: nullableDate,
  toDate: nullableDate,
  version: VersionSchema,
  ...timestamps,
});
const positionFields = {
  personId: RefIdSchema,
  organizationId: OptionalIdSchema,
  titleEn: requiredText(200),
  titleUr: optionalText(200),
  fromDate: DateSchema.nullable().optional(),
  toDate: DateSchema.nullable().optional(),
};
const datesInOrder =
  (from: string, to: string, message: string) => (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (typeof v[from] === 'string' && typeof v[to] === 'string' && (v[to] as string) < (v[from] as string)) {
      ctx.addIssue({ code: 'custom', path: [to], message });
    }
  };
export const CreatePositionSchema = z
  .strictObject(positionFields)
  .superRefine(datesInOrder('fromDate', 'toDate', 'Must not be before the start date'));
export const UpdatePositionSchema = z
  .strictObject({ ...positionFields, version: VersionSchema.optional() })
  .partial()
  .superRefine(datesInOrder('fromDate', 'toDate', 'Must not be before the start date'));
export const POSITION_READ_ONLY = COMMON_READ_ONLY;

// ---------------------------------------------------------------------------------------------- initiatives

export const InitiativeCountrySchema = z.object({ code: z.string(), role: CountryRoleSchema });

export const InitiativeSchema = z.object({
  id: z.number(),
  code: z.string(),
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  summaryEn: z.string().nullable(),
  summaryUr: z.string().nullable(),
  stage: InitiativeStageSchema,
  health: HealthSchema,
  healthConfidence: ConfidenceSchema.nullable(),
  priority: PrioritySchema,
  locationEn: z.string().nullable(),
  locationUr: z.string().nullable(),
  startDate: nullableDate,
  targetDate: nullableDate,
  estimatedValue: z.number().nullable(),
  currency: z.string().nullable(),
  tags: z.array(z.string()),
  sectorIds: z.array(z.number()),
  countryCodes: z.array(z.string()),
  countries: z.array(InitiativeCountrySchema),
  leadOrganizationIds: z.array(z.number()),
  focalPersonId: z.number().nullable(),
  version: VersionSchema,
  archivedAt: nullableTs,
  createdById: z.number().nullable(),
  ...timestamps,
  /** Derived: the IATI activity status code of the stage. */
  iatiStatus: z.number().int().min(1).max(6),
  /** Derived: the publication date of the newest source cited for the initiative (any target), in the view. */
  lastEvidenceAt: nullableDate,
  /** Derived: active, and no evidence published for the stale setting or longer (default 90 days). */
  stale: z.boolean(),
  /** Derived: the stages the lifecycle allows next. */
  allowedNextStages: z.array(InitiativeStageSchema),
});

const initiativeFields = {
  code: z
    .string()
    .trim()
    .min(2, 'At least 2 characters')
    .max(40, 'At most 40 characters')
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'Letters, digits, -, _ and . only'),
  titleEn: requiredText(300),
  titleUr: optionalText(300),
  summaryEn: optionalText(10_000),
  summaryUr: optionalText(10_000),
  healthConfidence: ConfidenceSchema.nullable().optional(),
  priority: PrioritySchema.optional(),
  locationEn: optionalText(200),
  locationUr: optionalText(200),
  startDate: DateSchema.nullable().optional(),
  targetDate: DateSchema.nullable().optional(),
  estimatedValue: z.number().nonnegative().max(1e15).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'Must be an ISO 4217 code such as USD')
    .transform((v) => v.toUpperCase())
    .nullable()
    .optional(),
  tags: TagsSchema.optional(),
  sectorIds: z.array(RefIdSchema).min(1, 'Choose at least one sector').max(20),
  /** Participating countries as codes (role: partner), or with roles in `countries`. */
  countryCodes: z.array(CountryCodeSchema).min(1, 'Choose at least one country').max(30).optional(),
  countries: z
    .array(z.strictObject({ code: CountryCodeSchema, role: CountryRoleSchema }))
    .min(1)
    .max(30)
    .optional(),
  leadOrganizationIds: z.array(RefIdSchema).max(20).optional(),
  focalPersonId: OptionalIdSchema,
};

export const CreateInitiativeSchema = z
  .strictObject({
    ...initiativeFields,
    /** The stage and health the initiative starts at (recorded as its first status update). */
    stage: InitiativeStageSchema.optional(),
    health: HealthSchema.optional(),
    /** When that initial stage took effect in the world; defaults to the start date, else now. */
    effectiveAt: TimestampSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.countryCodes && !v.countries)
      ctx.addIssue({ code: 'custom', path: ['countryCodes'], message: 'Choose at least one country' });
    datesInOrder('startDate', 'targetDate', 'Must not be before the start date')(v, ctx);
  });

export const UpdateInitiativeSchema = z
  .strictObject({
    ...initiativeFields,
    /** Present in a full representation; must equal the current value (stage changes go through status updates). */
    stage: InitiativeStageSchema.optional(),
    health: HealthSchema.optional(),
    /** `null` restores an archived initiative. */
    archivedAt: z.null().optional(),
    version: VersionSchema.optional(),
  })
  .partial()
  .superRefine(datesInOrder('startDate', 'targetDate', 'Must not be before the start date'));

export const INITIATIVE_READ_ONLY = [
  ...COMMON_READ_ONLY,
  'createdById',
  'iatiStatus',
  'lastEvidenceAt',
  'stale',
  'allowedNextStages',
] as const;

// ---------------------------------------------------------------------------------------------- status updates

export const StatusUpdateSchema = z.object({
  id: z.number(),
  initiativeId: z.number(),
  fromStage: InitiativeStageSchema.nullable(),
  toStage: InitiativeStageSchema.nullable(),
  fromHealth: HealthSchema.nullable(),
  toHealth: HealthSchema.nullable(),
  healthConfidence: ConfidenceSchema.nullable(),
  noteEn: z.string().nullable(),
  noteUr: z.string().nullable(),
  effectiveAt: z.string(),
  recordedAt: z.string(),
  authorId: z.number().nullable(),
  /** Derived: the author's display name (user accounts themselves are for admins). */
  authorName: z.string().nullable(),
  sourceIds: z.array(z.number()),
  /** Derived: changes neither the stage nor the health — news recorded as a development (lifecycle.ts). */
  development: z.boolean(),
  version: VersionSchema,
  ...timestamps,
});

const statusUpdateFields = {
  toStage: InitiativeStageSchema.optional(),
  toHealth: HealthSchema.optional(),
  healthConfidence: ConfidenceSchema.nullable().optional(),
  effectiveAt: TimestampSchema,
  note: requiredText(10_000),
  noteUr: optionalText(10_000),
  sourceIds: z.array(RefIdSchema).max(50).default([]),
  /** Quoted passages by source id: `{ "12": "…" }`. */
  quotes: z.record(z.string().regex(/^\d+$/, 'Keys are source ids'), z.string().trim().max(QUOTE_MAX_CHARS)).optional(),
};

// Neither `toStage` nor `toHealth`: a development (news that changes neither); it must cite a source, as a stage change
// must (lifecycle.ts needsEvidence; the API answers 422 EVIDENCE_REQUIRED).
function checkStatusUpdate(v: { sourceIds: number[]; quotes?: Record<string, string> }, ctx: z.RefinementCtx): void {
  for (const key of Object.keys(v.quotes ?? {})) {
    if (!v.sourceIds.includes(Number(key)))
      ctx.addIssue({ code: 'custom', path: ['quotes', key], message: 'Quote for a source that is not in sourceIds' });
  }
}

/** POST /api/initiatives/:id/status-updates */
export const CreateStatusUpdateSchema = z.strictObject(statusUpdateFields).superRefine(checkStatusUpdate);

/** POST /api/status-updates (react-admin's create): the same, with the initiative in the body. */
export const CreateStatusUpdateWithInitiativeSchema = z
  .strictObject({ initiativeId: RefIdSchema, ...statusUpdateFields })
  .superRefine(checkStatusUpdate);

/** Only the notes of a recorded status update can be corrected; the history itself is append-only. */
export const UpdateStatusUpdateSchema = z.strictObject({
  noteEn: optionalText(10_000),
  noteUr: optionalText(10_000),
  version: VersionSchema.optional(),
});
export const STATUS_UPDATE_READ_ONLY = [
  ...COMMON_READ_ONLY,
  'initiativeId',
  'fromStage',
  'toStage',
  'fromHealth',
  'toHealth',
  'healthConfidence',
  'effectiveAt',
  'recordedAt',
  'authorId',
  'authorName',
  'sourceIds',
  'development',
  /** Only in the response to a create: the initiative's stage and health after it. */
  'initiative',
] as const;

// ---------------------------------------------------------------------------------------------- milestones

export const MilestoneDateChangeSchema = z.object({
  id: z.number(),
  milestoneId: z.number(),
  oldDate: nullableDate,
  newDate: nullableDate,
  announcedById: z.number().nullable(),
  announcedOn: DateSchema,
  recordedAt: z.string(),
  sourceId: z.number().nullable(),
  note: z.string().nullable(),
  recordedById: z.number().nullable(),
});

export const MilestoneSchema = z.object({
  id: z.number(),
  initiativeId: z.number(),
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  kind: MilestoneKindSchema,
  plannedDate: nullableDate,
  actualDate: nullableDate,
  state: MilestoneStateSchema,
  ownerOrganizationId: z.number().nullable(),
  ownerPersonId: z.number().nullable(),
  version: VersionSchema,
  ...timestamps,
  /** Derived: the planned date as first announced. */
  originalPlannedDate: nullableDate,
  /** Derived: days between the first announced date and the actual date (or the current planned date). */
  slippageDays: z.number().nullable(),
  /** Derived: how many times the planned date was re-announced after the first announcement. */
  reannouncements: z.number(),
  /** Derived: the planned date has passed and the milestone is neither achieved nor cancelled. */
  overdue: z.boolean(),
  /** The announced-vs-delivered ledger (in GET /:id only). */
  dateChanges: z.array(MilestoneDateChangeSchema).optional(),
});

/** Who announced a (new) planned date, when, and where it was reported. */
export const DateAnnouncementSchema = z.strictObject({
  announcedById: OptionalIdSchema,
  announcedOn: DateSchema.optional(),
  sourceId: OptionalIdSchema,
  note: optionalText(2_000),
});

const milestoneFields = {
  initiativeId: RefIdSchema,
  titleEn: requiredText(300),
  titleUr: optionalText(300),
  kind: MilestoneKindSchema.optional(),
  plannedDate: DateSchema.nullable().optional(),
  actualDate: DateSchema.nullable().optional(),
  state: MilestoneStateSchema.optional(),
  ownerOrganizationId: OptionalIdSchema,
  ownerPersonId: OptionalIdSchema,
  /** Write-only: who announced the planned date, recorded in the ledger with it. */
  announcement: DateAnnouncementSchema.optional(),
};
export const CreateMilestoneSchema = z.strictObject(milestoneFields);
export const UpdateMilestoneSchema = z
  .strictObject({ ...milestoneFields, version: VersionSchema.optional() })
  .partial();
export const MILESTONE_READ_ONLY = [
  ...COMMON_READ_ONLY,
  'originalPlannedDate',
  'slippageDays',
  'reannouncements',
  'overdue',
  'dateChanges',
] as const;

// ---------------------------------------------------------------------------------------------- engagements, decisions

export const EngagementSchema = z.object({
  id: z.number(),
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  format: EngagementFormatSchema,
  status: EngagementStatusSchema,
  startDate: DateSchema,
  endDate: nullableDate,
  placeEn: z.string().nullable(),
  placeUr: z.string().nullable(),
  countryCode: z.string().nullable(),
  forumName: z.string().nullable(),
  sessionNumber: z.number().nullable(),
  outcomeEn: z.string().nullable(),
  outcomeUr: z.string().nullable(),
  previousId: z.number().nullable(),
  participantIds: z.array(z.number()),
  initiativeIds: z.array(z.number()),
  version: VersionSchema,
  ...timestamps,
});
const engagementFields = {
  titleEn: requiredText(300),
  titleUr: optionalText(300),
  format: EngagementFormatSchema,
  status: EngagementStatusSchema.optional(),
  startDate: DateSchema,
  endDate: DateSchema.nullable().optional(),
  placeEn: optionalText(200),
  placeUr: optionalText(200),
  countryCode: CountryCodeSchema.nullable().optional(),
  forumName: optionalText(200),
  sessionNumber: z.number().int().positive().max(10_000).nullable().optional(),
  outcomeEn: optionalText(10_000),
  outcomeUr: optionalText(10_000),
  previousId: OptionalIdSchema,
  participantIds: z.array(RefIdSchema).max(100).optional(),
  initiativeIds: z.array(RefIdSchema).max(100).optional(),
};
export const CreateEngagementSchema = z
  .strictObject(engagementFields)
  .superRefine(datesInOrder('startDate', 'endDate', 'Must not be before the start date'));
export const UpdateEngagementSchema = z
  .strictObject({ ...engagementFields, version: VersionSchema.optional() })
  .partial()
  .superRefine(datesInOrder('startDate', 'endDate', 'Must not be before the start date'));
export const ENGAGEMENT_READ_ONLY = COMMON_READ_ONLY;

export const DecisionSchema = z.object({
  id: z.number(),
  engagementId: z.number(),
  textEn: z.string(),
  textUr: z.string().nullable(),
  dueDate: nullableDate,
  initiativeId: z.number().nullable(),
  milestoneId: z.number().nullable(),
  state: DecisionStateSchema,
  reviewedAtId: z.number().nullable(),
  reviewNoteEn: z.string().nullable(),
  reviewNoteUr: z.string().nullable(),
  version: VersionSchema,
  ...timestamps,
  /** Derived: due date passed and not done or dropped. */
  overdue: z.boolean(),
});
const decisionFields = {
  engagementId: RefIdSchema,
  textEn: requiredText(2_000),
  textUr: optionalText(2_000),
  dueDate: DateSchema.nullable().optional(),
  initiativeId: OptionalIdSchema,
  milestoneId: OptionalIdSchema,
  state: DecisionStateSchema.optional(),
  reviewedAtId: OptionalIdSchema,
  reviewNoteEn: optionalText(5_000),
  reviewNoteUr: optionalText(5_000),
};
export const CreateDecisionSchema = z.strictObject(decisionFields);
export const UpdateDecisionSchema = z.strictObject({ ...decisionFields, version: VersionSchema.optional() }).partial();
export const DECISION_READ_ONLY = [...COMMON_READ_ONLY, 'overdue'] as const;

// ---------------------------------------------------------------------------------------------- agreements

export const AgreementSchema = z.object({
  id: z.number(),
  kind: AgreementKindSchema,
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  status: AgreementStatusSchema,
  signedDate: nullableDate,
  signedPlaceEn: z.string().nullable(),
  signedPlaceUr: z.string().nullable(),
  summaryEn: z.string().nullable(),
  summaryUr: z.string().nullable(),
  partyCountryCodes: z.array(z.string()),
  partyOrganizationIds: z.array(z.number()),
  signatoryIds: z.array(z.number()),
  initiativeIds: z.array(z.number()),
  version: VersionSchema,
  ...timestamps,
});
const agreementFields = {
  kind: AgreementKindSchema,
  titleEn: requiredText(300),
  titleUr: optionalText(300),
  status: AgreementStatusSchema.optional(),
  signedDate: DateSchema.nullable().optional(),
  signedPlaceEn: optionalText(200),
  signedPlaceUr: optionalText(200),
  summaryEn: optionalText(10_000),
  summaryUr: optionalText(10_000),
  partyCountryCodes: z.array(CountryCodeSchema).max(30).optional(),
  partyOrganizationIds: z.array(RefIdSchema).max(30).optional(),
  signatoryIds: z.array(RefIdSchema).max(30).optional(),
  initiativeIds: z.array(RefIdSchema).max(100).optional(),
};
export const CreateAgreementSchema = z.strictObject(agreementFields);
export const UpdateAgreementSchema = z
  .strictObject({ ...agreementFields, version: VersionSchema.optional() })
  .partial();
export const AGREEMENT_READ_ONLY = COMMON_READ_ONLY;

// ---------------------------------------------------------------------------------------------- sources, evidence

export const SourceSchema = z.object({
  id: z.number(),
  kind: SourceKindSchema,
  publisher: z.string(),
  url: z.string().nullable(),
  language: LanguageSchema,
  publishedAt: DateSchema,
  title: z.string(),
  text: z.string().nullable(),
  contentHash: z.string(),
  retrievedAt: nullableTs,
  createdById: z.number().nullable(),
  version: VersionSchema,
  ...timestamps,
});
const sourceFields = {
  kind: SourceKindSchema,
  publisher: requiredText(200),
  url: z
    .url({ protocol: /^https?$/, error: 'Must be an http(s) URL' })
    .max(2_000)
    .nullable()
    .optional(),
  language: LanguageSchema,
  publishedAt: DateSchema,
  title: requiredText(500),
  // As long as an article intake accepts (INTAKE_MAX_TEXT_BYTES: 1 MiB).
  text: optionalText(SOURCE_TEXT_MAX_CHARS),
  retrievedAt: TimestampSchema.nullable().optional(),
};
export const CreateSourceSchema = z.strictObject(sourceFields);
export const UpdateSourceSchema = z.strictObject({ ...sourceFields, version: VersionSchema.optional() }).partial();
export const SOURCE_READ_ONLY = [...COMMON_READ_ONLY, 'contentHash', 'createdById'] as const;

export const EVIDENCE_TARGETS = [
  'initiativeId',
  'milestoneId',
  'engagementId',
  'agreementId',
  'decisionId',
  'statusUpdateId',
] as const;

export const EvidenceSchema = z.object({
  id: z.number(),
  sourceId: z.number(),
  quote: z.string().nullable(),
  initiativeId: z.number().nullable(),
  milestoneId: z.number().nullable(),
  engagementId: z.number().nullable(),
  agreementId: z.number().nullable(),
  decisionId: z.number().nullable(),
  statusUpdateId: z.number().nullable(),
  createdById: z.number().nullable(),
  version: VersionSchema,
  recordedAt: z.string(),
  updatedAt: z.string(),
});
const evidenceFields = {
  sourceId: RefIdSchema,
  quote: optionalText(QUOTE_MAX_CHARS),
  initiativeId: OptionalIdSchema,
  milestoneId: OptionalIdSchema,
  engagementId: OptionalIdSchema,
  agreementId: OptionalIdSchema,
  decisionId: OptionalIdSchema,
  statusUpdateId: OptionalIdSchema,
};
export const CreateEvidenceSchema = z.strictObject(evidenceFields).superRefine((v, ctx) => {
  if (!EVIDENCE_TARGETS.some((k) => v[k] != null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['initiativeId'],
      message: 'Link the source to an initiative, milestone, engagement, agreement, decision or status update',
    });
  }
});
export const UpdateEvidenceSchema = z.strictObject({
  quote: optionalText(QUOTE_MAX_CHARS),
  version: VersionSchema.optional(),
});

/** One record a quote is cited for: exactly one of the evidence targets. */
export const CitationTargetSchema = z
  .strictObject({
    initiativeId: RefIdSchema.optional(),
    milestoneId: RefIdSchema.optional(),
    engagementId: RefIdSchema.optional(),
    agreementId: RefIdSchema.optional(),
    decisionId: RefIdSchema.optional(),
    statusUpdateId: RefIdSchema.optional(),
  })
  .refine((t) => EVIDENCE_TARGETS.filter((k) => t[k] !== undefined).length === 1, {
    message:
      'Name exactly one record: initiativeId, milestoneId, engagementId, agreementId, decisionId or statusUpdateId',
  });

/** POST /api/sources/:id/citations: one passage of a source, cited for several records at once (one transaction). */
export const CreateCitationsSchema = z.strictObject({
  quote: optionalText(QUOTE_MAX_CHARS),
  targets: z.array(CitationTargetSchema).min(1, 'Cite it for at least one record').max(50, 'At most 50 records'),
});

/** The evidence rows the citation made or found (one per target, in the order of the targets). */
export const CitationsSchema = z.object({
  sourceId: z.number(),
  quote: z.string().nullable(),
  evidenceIds: z.array(z.number()),
  /** How many of them already existed (the same passage of the same source for the same record). */
  existing: z.number(),
});
export const EVIDENCE_READ_ONLY = [
  'id',
  'recordedAt',
  'updatedAt',
  'createdById',
  'sourceId',
  ...EVIDENCE_TARGETS,
] as const;

// ---------------------------------------------------------------------------------------------- saved views, audit

export const SavedViewSchema = z.object({
  id: z.number(),
  resource: z.string(),
  name: z.string(),
  filter: z.record(z.string(), z.unknown()),
  sort: z.object({ field: z.string(), order: z.enum(['ASC', 'DESC']) }).nullable(),
  ownerId: z.number(),
  shared: z.boolean(),
  version: VersionSchema,
  ...timestamps,
});
const savedViewFields = {
  resource: z.string().regex(/^[a-z][a-z-]{1,40}$/, 'A resource name such as initiatives'),
  name: requiredText(120),
  filter: z
    .record(z.string().max(60), z.unknown())
    .refine((v) => JSON.stringify(v).length <= 10_000, 'Filter too large'),
  sort: z
    .strictObject({ field: z.string().max(60), order: z.enum(['ASC', 'DESC']) })
    .nullable()
    .optional(),
  shared: z.boolean().optional(),
};
export const CreateSavedViewSchema = z.strictObject(savedViewFields);
export const UpdateSavedViewSchema = z
  .strictObject({ ...savedViewFields, version: VersionSchema.optional() })
  .partial();
export const SAVED_VIEW_READ_ONLY = [...COMMON_READ_ONLY, 'ownerId'] as const;

export const AuditEventSchema = z.object({
  id: z.string(),
  actorId: z.number().nullable(),
  /** The actor's name as it was at the event (`anonymous`, `system` for none). */
  actorName: z.string().nullable(),
  /** The actor's email as it was at the event. */
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  /** What the change came through when not a plain edit, e.g. `intake 12` (an accepted intake proposal). */
  origin: z.string().nullable(),
  at: z.string(),
});

// ---------------------------------------------------------------------------------------------- inferred types

export type Country = z.infer<typeof CountrySchema>;
export type Sector = z.infer<typeof SectorSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type Initiative = z.infer<typeof InitiativeSchema>;
export type CreateInitiative = z.infer<typeof CreateInitiativeSchema>;
export type UpdateInitiative = z.infer<typeof UpdateInitiativeSchema>;
export type StatusUpdate = z.infer<typeof StatusUpdateSchema>;
export type CreateStatusUpdate = z.infer<typeof CreateStatusUpdateSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type MilestoneDateChange = z.infer<typeof MilestoneDateChangeSchema>;
export type Engagement = z.infer<typeof EngagementSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type Agreement = z.infer<typeof AgreementSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type CitationTarget = z.infer<typeof CitationTargetSchema>;
export type CreateCitations = z.infer<typeof CreateCitationsSchema>;
export type Citations = z.infer<typeof CitationsSchema>;
export type SavedView = z.infer<typeof SavedViewSchema>;
export type AuditEvent = z.infer<typeof AuditEventSchema>;
