// Wire types of the endpoints outside react-admin's CRUD dialect (see issue 4). Resource records come from
// @rabta/domain's schemas.

export type Role = 'admin' | 'analyst' | 'viewer';

export interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
  sectorIds: number[];
  locale: 'en' | 'ur';
}

export type TimelineType =
  | 'status_update'
  | 'development'
  | 'milestone'
  | 'milestone_date_change'
  | 'engagement'
  | 'decision'
  | 'agreement'
  | 'evidence';

export interface TimelineItem {
  type: TimelineType;
  id: number | string;
  date: string;
  titleEn: string;
  titleUr: string | null;
  detailEn?: string | null;
  detailUr?: string | null;
  link: { resource: string; id: number | string };
  /** The facts behind the item, worded by the client in its language. */
  data?: Record<string, unknown>;
}

export interface Dashboard {
  asOf: string | null;
  knownAt: string | null;
  totals: {
    initiatives: number;
    active: number;
    atRisk: number;
    offTrack: number;
    stale: number;
    overdueMilestones: number;
  };
  byStage: Record<string, number>;
  byHealth: Record<string, number>;
  stageBySector: { sectorId: number; stage: string; count: number }[];
  overdueMilestones: {
    id: number;
    initiativeId: number;
    titleEn: string;
    titleUr: string | null;
    plannedDate: string;
    daysOverdue: number;
  }[];
  upcomingMilestones: {
    d30: number;
    d60: number;
    d90: number;
    items: {
      id: number;
      initiativeId: number;
      titleEn: string;
      titleUr: string | null;
      plannedDate: string;
      daysToGo: number;
    }[];
  };
  staleInitiatives: {
    id: number;
    code: string;
    titleEn: string;
    titleUr: string | null;
    lastEvidenceAt: string | null;
  }[];
  recentChanges: {
    kind: 'status_update' | 'agreement_signed' | 'milestone_achieved';
    id: number;
    initiativeId: number;
    code: string;
    titleEn: string;
    titleUr: string | null;
    fromStage: string | null;
    toStage: string | null;
    fromHealth: string | null;
    toHealth: string | null;
    noteEn: string | null;
    noteUr: string | null;
    effectiveAt: string;
    recordedAt: string;
    authorName: string | null;
  }[];
}

export interface StatusUpdateInput {
  toStage?: string;
  toHealth?: string;
  healthConfidence?: string | null;
  effectiveAt: string;
  note: string;
  noteUr?: string | null;
  sourceIds: number[];
  quotes?: Record<string, string>;
}

export interface SourceInput {
  kind: string;
  publisher: string;
  url?: string | null;
  language: string;
  publishedAt: string;
  title: string;
  text?: string | null;
}
