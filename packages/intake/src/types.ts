// The engine's interface: what goes in (the known world as plain data, an article's text) and what comes out
// (mentions with character offsets, and proposal drafts whose `data` is the body the accept path will write).

export type IntakeLanguage = 'ur' | 'en' | 'ar' | 'fa' | 'ru' | 'other';

export type MentionType =
  'person' | 'position' | 'organization' | 'country' | 'place' | 'sector' | 'initiative' | 'forum' | 'date';

export type ProposalKind = 'evidence' | 'engagement' | 'agreement' | 'milestone_date' | 'status_change' | 'new_person';

export interface EntityRef {
  resource:
    | 'people'
    | 'positions'
    | 'organizations'
    | 'countries'
    | 'sectors'
    | 'initiatives'
    | 'milestones'
    | 'engagements'
    | 'agreements';
  id: number | string;
}

export interface DateValue {
  /** YYYY-MM-DD; the first day of the month or year for a coarser precision. */
  date: string;
  precision: 'day' | 'month' | 'year';
}

export interface Mention {
  type: MentionType;
  text: string;
  /** Character offsets into the analysed text (UTF-16 code units, as JavaScript strings index). */
  start: number;
  end: number;
  entity: EntityRef | null;
  value?: DateValue | Record<string, unknown> | null;
}

export interface ProposalDraft {
  kind: ProposalKind;
  /** 0..1, calibrated so that accepting everything above 0.8 is safe. */
  confidence: number;
  /** The sentence(s) the proposal rests on, offsets into the text. */
  quote: { start: number; end: number; text: string };
  /** The body the accept will write, in the resource's own wire fields. */
  data: Record<string, unknown>;
  /** Indexes into mentions[] that this proposal uses (for highlighting). */
  mentions?: number[];
}

export interface Analysis {
  language: IntakeLanguage;
  mentions: Mention[];
  proposals: ProposalDraft[];
}

export interface GazetteerPerson {
  id: number;
  nameEn: string;
  nameUr: string | null;
  nameRu: string | null;
  aliases: string[];
  countryCode: string | null;
  titleEn?: string | null;
  titleUr?: string | null;
  organizationId?: number | null;
}

export interface GazetteerOrganization {
  id: number;
  nameEn: string;
  nameUr: string | null;
  nameRu: string | null;
  acronym: string | null;
  countryCode: string | null;
  kind?: string;
}

export interface GazetteerCountry {
  code: string;
  nameEn: string;
  nameUr: string | null;
}

export interface GazetteerSector {
  id: number;
  code: string;
  nameEn: string;
  nameUr: string;
  keywordsEn?: string[];
  keywordsUr?: string[];
}

export interface GazetteerInitiative {
  id: number;
  code: string | null;
  titleEn: string;
  titleUr: string | null;
  tags: string[];
  sectorIds: number[];
  countryCodes: string[];
  stage: string;
}

export interface GazetteerMilestone {
  id: number;
  initiativeId: number;
  titleEn: string;
  titleUr: string | null;
  plannedDate: string | null;
  state: string;
}

export interface GazetteerEngagement {
  id: number;
  startDate: string;
  placeEn: string | null;
  placeUr: string | null;
  forumName: string | null;
  initiativeIds: number[];
  participantIds: number[];
}

export interface GazetteerPosition {
  id: number;
  personId: number;
  titleEn: string;
  titleUr: string | null;
  organizationId: number | null;
}

/** The known world, as plain data (the API loads it from the database; tests load it from JSON). */
export interface GazetteerData {
  people: GazetteerPerson[];
  organizations: GazetteerOrganization[];
  countries: GazetteerCountry[];
  sectors: GazetteerSector[];
  initiatives: GazetteerInitiative[];
  milestones: GazetteerMilestone[];
  engagements?: GazetteerEngagement[];
  positions?: GazetteerPosition[];
}

export interface AnalyseOptions {
  gazetteer: import('./gazetteer').Gazetteer;
  /** YYYY-MM-DD: relative dates (Thursday, yesterday, next month) are resolved against it. */
  publishedAt?: string;
  /** Skips detection when the caller knows the language. */
  language?: IntakeLanguage;
}
