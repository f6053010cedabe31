import { z } from 'zod';
import { AuditEventSchema } from './resources';

// The read-only views outside the simple-rest resources: the dashboard, an initiative's timeline and its change
// history. The API documents and serves these shapes; the admin takes its types from them.

// ---------------------------------------------------------------------------------------------- dashboard

const MilestoneItem = z.object({
  id: z.number(),
  initiativeId: z.number(),
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  plannedDate: z.string(),
});

export const DashboardSchema = z.object({
  asOf: z.string(),
  knownAt: z.string(),
  totals: z.object({
    initiatives: z.number(),
    active: z.number(),
    atRisk: z.number(),
    offTrack: z.number(),
    stale: z.number(),
    overdueMilestones: z.number(),
  }),
  byStage: z.record(z.string(), z.number()),
  byHealth: z.record(z.string(), z.number()),
  stageBySector: z.array(z.object({ sectorId: z.number(), stage: z.string(), count: z.number() })),
  overdueMilestones: z.array(MilestoneItem.extend({ daysOverdue: z.number() })),
  upcomingMilestones: z.object({
    d30: z.number(),
    d60: z.number(),
    d90: z.number(),
    items: z.array(MilestoneItem.extend({ daysToGo: z.number() })),
  }),
  staleInitiatives: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      titleEn: z.string(),
      titleUr: z.string().nullable(),
      lastEvidenceAt: z.string().nullable(),
    }),
  ),
  /** The latest developments: status changes, developments recorded without one, agreements signed, milestones achieved. */
  recentChanges: z.array(
    z.object({
      kind: z.enum(['status_update', 'agreement_signed', 'milestone_achieved']),
      /** The status update's, agreement's or milestone's id (by `kind`). */
      id: z.number(),
      initiativeId: z.number(),
      code: z.string(),
      titleEn: z.string(),
      titleUr: z.string().nullable(),
      fromStage: z.string().nullable(),
      toStage: z.string().nullable(),
      fromHealth: z.string().nullable(),
      toHealth: z.string().nullable(),
      /** A status update's note; an agreement's or milestone's title. */
      noteEn: z.string().nullable(),
      noteUr: z.string().nullable(),
      effectiveAt: z.string(),
      recordedAt: z.string(),
      authorName: z.string().nullable(),
    }),
  ),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

// ---------------------------------------------------------------------------------------------- timeline

export const TIMELINE_TYPES = [
  'status_update',
  'development',
  'milestone',
  'milestone_date_change',
  'engagement',
  'decision',
  'agreement',
  'evidence',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export const TimelineItemSchema = z.object({
  /** `status_update`: a change of stage or health; `development`: a status update that changes neither. */
  type: z.enum(TIMELINE_TYPES),
  id: z.number(),
  /** When it happened (or is planned to), ISO date or date-time. */
  date: z.string(),
  titleEn: z.string(),
  titleUr: z.string().nullable(),
  detailEn: z.string().nullable(),
  detailUr: z.string().nullable(),
  link: z.object({ resource: z.string(), id: z.number() }),
  /** The item's facts, for a client to word in its own language (enum values, dates, names in both scripts). */
  data: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

// ---------------------------------------------------------------------------------------------- history

/** An audit event; the actor's email, requestId and ip (where the change came from) for admins only. */
export const HistoryEventSchema = AuditEventSchema.extend({
  requestId: AuditEventSchema.shape.requestId.optional(),
  ip: AuditEventSchema.shape.ip.optional(),
  actorEmail: AuditEventSchema.shape.actorEmail.optional(),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
