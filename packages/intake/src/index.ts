// @rabta/intake: reads a news article (Urdu, English and more) against the known world and proposes records.
// Pure and deterministic: rules and vocabulary data, no I/O, no network, no database.
export type {
  IntakeLanguage,
  MentionType,
  ProposalKind,
  EntityRef,
  DateValue,
  Mention,
  ProposalDraft,
  Analysis,
  AnalyseOptions,
  GazetteerData,
  GazetteerPerson,
  GazetteerOrganization,
  GazetteerCountry,
  GazetteerSector,
  GazetteerInitiative,
  GazetteerMilestone,
  GazetteerEngagement,
  GazetteerPosition,
} from './types';
export { Gazetteer, buildGazetteer } from './gazetteer';
export { analyse } from './analyse';
export { detectLanguage } from './language';
