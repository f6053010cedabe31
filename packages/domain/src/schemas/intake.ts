import { z } from 'zod';
import {
  InitiativeStageSchema,
  IntakeInputSchema,
  IntakeLanguageSchema,
  ProposalKindSchema,
  ProposalStatusSchema,
} from '../enums';
import { MENTION_RESOURCES, MENTION_TYPES } from '../values';
import {
  CountryCodeSchema,
  DateSchema,
  optionalText,
  OptionalIdSchema,
  RefIdSchema,
  requiredText,
  TimestampSchema,
} from './common';
import {
  CreateAgreementSchema,
  CreateEngagementSchema,
  CreateMilestoneSchema,
  CreatePersonSchema,
  EVIDENCE_TARGETS,
  SourceSchema,
} from './resources';

// Intake: an article pasted as text or HTML, or fetched from its URL, becomes a Source; Rabta recognises its
// mentions and proposes records, which an analyst accepts (written through the resource's own service) or rejects.

/** At most this much text (UTF-8 bytes) in one article: more is a 413. */
export const INTAKE_MAX_TEXT_BYTES = 1024 * 1024;
/** Pasted or fetched HTML is read up to this size (the text extracted from it must still fit the limit above). */
export const INTAKE_MAX_HTML_BYTES = 5 * 1024 * 1024;
/** "Accept all above" in the admin: proposals at least this confident. */
export const INTAKE_ACCEPT_ALL_CONFIDENCE = 0.8;

/** POST /api/intake: the article as text, as HTML, or as a URL to fetch (a URL may also go with text or HTML). */
export const CreateIntakeSchema = z
  .strictObject({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().trim().max(2_000, 'At most 2000 characters').optional(),
    /** When Rabta cannot find the publisher in the page. */
    publisher: optionalText(200),
    /** When Rabta cannot find the publication date in the page (relative dates are read against it). */
    publishedAt: DateSchema.optional(),
    /** When the language should not be recognised from the text. */
    language: IntakeLanguageSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.text !== undefined && v.text.trim() === '')
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'The text is empty: paste the article' });
    if (v.html !== undefined && v.html.trim() === '')
      ctx.addIssue({ code: 'custom', path: ['html'], message: 'The HTML is empty: paste the page' });
    if (v.text === undefined && v.html === undefined && !v.url)
      ctx.addIssue({ code: 'custom', path: ['text'], message: "Give the article's text, its HTML or its URL" });
    if (v.text !== undefined && v.html !== undefined)
      ctx.addIssue({ code: 'custom', path: ['html'], message: 'Give the text or the HTML, not both' });
    if (v.url && !URL.canParse(v.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Not a valid URL' });
  });

export const DateValueSchema = z.object({
  date: DateSchema,
  precision: z.enum(['day', 'month', 'year']),
});

export const EntityRefSchema = z.object({
  resource: z.enum(MENTION_RESOURCES),
  id: z.union([z.number(), z.string()]),
});

/** Something recognised in the text; `start`/`end` are character offsets into the source's text. */
export const MentionSchema = z.object({
  type: z.enum(MENTION_TYPES),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  entity: EntityRefSchema.nullable(),
  /** A date's `{date, precision}`; other types may carry details of their own. */
  value: z
    .union([DateValueSchema, z.record(z.string(), z.unknown())])
    .nullable()
    .optional(),
});

export const QuoteSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

/** What an accepted proposal wrote. */
export const ProposalResultSchema = z.object({ resource: z.string(), id: z.number() });

export const ProposalSchema = z.object({
  id: z.number(),
  kind: ProposalKindSchema,
  status: ProposalStatusSchema,
  confidence: z.number().min(0).max(1),
  quote: QuoteSchema,
  /** The body the accept writes, in the target resource's own wire fields. */
  data: z.record(z.string(), z.unknown()),
  /** Indexes into the intake's mentions that the proposal rests on. */
  mentions: z.array(z.number()),
  result: ProposalResultSchema.nullable(),
  decidedById: z.number().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number(),
});

export const RelatedSourceSchema = z.object({
  sourceId: z.number(),
  /** 0..1: how much of the two texts is the same story in the same words. */
  similarity: z.number().min(0).max(1),
  publisher: z.string(),
  title: z.string(),
  publishedAt: DateSchema,
  url: z.string().nullable(),
});

/** GET /api/intake/:id and the 201 of POST /api/intake. */
export const IntakeSchema = z.object({
  id: z.number(),
  source: SourceSchema,
  input: IntakeInputSchema,
  language: IntakeLanguageSchema,
  /** The article was already recorded as this source (same URL or same normalised text). */
  duplicateOfSourceId: z.number().nullable(),
  /** Near-duplicates from other outlets. */
  related: z.array(RelatedSourceSchema),
  mentions: z.array(MentionSchema),
  proposals: z.array(ProposalSchema),
  analysisMs: z.number().nullable(),
  createdById: z.number().nullable(),
  createdAt: z.string(),
});

/** A row of GET /api/intake (simple-rest list). */
export const IntakeListItemSchema = z.object({
  id: z.number(),
  sourceId: z.number(),
  title: z.string(),
  publisher: z.string(),
  publishedAt: DateSchema,
  input: IntakeInputSchema,
  language: IntakeLanguageSchema,
  duplicateOfSourceId: z.number().nullable(),
  relatedCount: z.number(),
  pending: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  createdById: z.number().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const IntakeFilterSchema = z.strictObject({
  id: z.union([RefIdSchema, z.array(RefIdSchema).max(1000)]).optional(),
  sourceId: RefIdSchema.optional(),
  createdById: RefIdSchema.optional(),
  language: IntakeLanguageSchema.optional(),
  /** Only intakes with proposals still to review. */
  pending: z.boolean().optional(),
  q: z.string().trim().max(200).optional(),
});

/** POST /api/intake/:id/proposals/:proposalId/accept: `data` overrides fields of the proposal before it is written. */
export const AcceptProposalSchema = z.strictObject({
  data: z.record(z.string(), z.unknown()).optional(),
});

export const RejectProposalSchema = z.strictObject({});

export const AcceptedProposalSchema = ProposalResultSchema;

/**
 * POST /api/intake/:id/links: the passage from `start` to `end` of the source's text (a recognised mention, or any
 * words the analyst selects) names this record; with `addAlias` the spelling is learned.
 */
export const LinkMentionSchema = z
  .strictObject({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    resource: z.enum(['people', 'organizations', 'initiatives']),
    id: RefIdSchema,
    /** Add the spelling as the person's alias, the initiative's tag, or the organisation's missing name. */
    addAlias: z.boolean().default(true),
  })
  .refine((v) => v.end > v.start && v.end - v.start <= 200, {
    path: ['end'],
    message: 'A name of 1 to 200 characters',
  });

// ------------------------------------------------------------------------------------------ proposal bodies

/** A participant the article names who is not yet a Person: created first when the proposal is accepted. */
export const NewParticipantSchema = z
  .object({
    nameEn: optionalText(200),
    nameUr: optionalText(200),
    titleEn: optionalText(200),
    titleUr: optionalText(200),
    organizationId: OptionalIdSchema,
    countryCode: CountryCodeSchema.nullable().optional(),
  })
  .refine((v) => !!(v.nameEn || v.nameUr), { message: 'A name is required', path: ['nameEn'] });

/**
 * What each kind of proposal writes, validated (after the analyst's edits) before the accept: the resource's own
 * Create schema, with the few fields intake adds (people to create first, the precision of an announced date).
 */
export const ProposalDataSchemas = {
  engagement: CreateEngagementSchema.extend({
    newParticipants: z.array(NewParticipantSchema).max(30).optional(),
  }),
  agreement: CreateAgreementSchema.extend({
    newSignatories: z.array(NewParticipantSchema).max(30).optional(),
  }),
  // CreateEvidenceSchema without the source (the article's, added by the accept).
  evidence: z
    .strictObject({
      quote: optionalText(5_000),
      initiativeId: OptionalIdSchema,
      milestoneId: OptionalIdSchema,
      engagementId: OptionalIdSchema,
      agreementId: OptionalIdSchema,
      decisionId: OptionalIdSchema,
      statusUpdateId: OptionalIdSchema,
    })
    .superRefine((v, ctx) => {
      if (!EVIDENCE_TARGETS.some((k) => v[k] != null))
        ctx.addIssue({ code: 'custom', path: ['initiativeId'], message: 'Name the record this is evidence for' });
    }),
  milestone_date: z
    .strictObject({
      milestoneId: OptionalIdSchema,
      ...CreateMilestoneSchema.shape,
      initiativeId: OptionalIdSchema,
      titleEn: optionalText(300),
      plannedDate: DateSchema,
      precision: z.enum(['day', 'month', 'year']).optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.milestoneId && !v.initiativeId)
        ctx.addIssue({ code: 'custom', path: ['milestoneId'], message: 'Name the milestone, or its initiative' });
      if (!v.milestoneId && !v.titleEn && !v.titleUr)
        ctx.addIssue({ code: 'custom', path: ['titleEn'], message: 'A new milestone needs a title' });
    }),
  status_change: z.strictObject({
    initiativeId: RefIdSchema,
    fromStage: InitiativeStageSchema.nullable().optional(),
    toStage: InitiativeStageSchema,
    note: requiredText(10_000),
    noteUr: optionalText(10_000),
    /** When the change took effect; defaults to the article's publication date. */
    effectiveAt: TimestampSchema.optional(),
  }),
  new_person: CreatePersonSchema.extend({
    nameEn: requiredText(200),
    titleEn: optionalText(200),
    titleUr: optionalText(200),
    organizationId: OptionalIdSchema,
  }),
} as const;

export type CreateIntake = z.input<typeof CreateIntakeSchema>;
export type DateValue = z.infer<typeof DateValueSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type Proposal = z.infer<typeof ProposalSchema>;
export type RelatedSource = z.infer<typeof RelatedSourceSchema>;
export type Intake = z.infer<typeof IntakeSchema>;
export type IntakeListItem = z.infer<typeof IntakeListItemSchema>;
export type AcceptProposal = z.infer<typeof AcceptProposalSchema>;
export type LinkMention = z.infer<typeof LinkMentionSchema>;
export type NewParticipant = z.infer<typeof NewParticipantSchema>;
