import { messageCatalogue } from './messages';

// Kept apart from interchange.ts (which needs zod) so that the admin's catalogues can take the English text from
// here without pulling zod into the chunk loaded before sign-in.

/**
 * The problems a preview reports, by key (`import.<name>`), in English with `%{param}` placeholders; the admin
 * translates them (rabta.messages.import.<name>). Params are what the file holds or Rabta knows: cell text, codes,
 * names, numbers, field names (`field`, shown as the field's label in the user's language).
 */
export const IMPORT_PROBLEMS = messageCatalogue('import', {
  required_column: 'No column is mapped to "%{label}", which a new record needs',
  formula_unsaved:
    'This cell has a formula whose value was not saved with the file: open the file in Excel, save it, and upload it again',
  date_ambiguous:
    '"%{text}" could be %{first}/%{second} as day/month or as month/day: choose the date format (DD/MM/YYYY or MM/DD/YYYY)',
  date_invalid: '"%{text}" is not a date: write it as YYYY-MM-DD',
  date_invalid_format: '"%{text}" is not a date in %{format}: write it as YYYY-MM-DD or %{format}',
  number_invalid: '"%{text}" is not a number',
  whole_number: '"%{text}" is not a whole number',
  id_list: '"%{text}" is not a list of ids separated by ;',
  no_person_id: 'No person %{id} in Rabta',
  no_organisation_id: 'No organisation %{id} in Rabta',
  no_sector_ids: 'No sector %{ids} in Rabta',
  no_organisation_ids: 'No organisation %{ids} in Rabta',
  not_in_list: '"%{text}" is not one of: %{values}',
  unknown_sector: 'Unknown sector "%{name}"',
  unknown_sector_suggest: 'Unknown sector "%{name}": did you mean "%{suggestion}"?',
  country_code: '"%{text}" is not an ISO 3166 country code',
  country_code_suggest: '"%{text}" is not an ISO 3166 country code: did you mean %{suggestion}?',
  country_role: 'Unknown country role "%{role}": partner, host, lead, financier or observer',
  organisation_ambiguous: 'Several organisations are called "%{name}": use the organisation\'s full name or its id',
  unknown_organisation: 'Unknown organisation "%{name}"',
  unknown_organisation_suggest: 'Unknown organisation "%{name}": did you mean "%{suggestion}"?',
  person_ambiguous: 'Several people are called "%{name}": use a fuller name or the person\'s id',
  unknown_person: '"%{name}" is not a person in Rabta: choose to create the people the file names, or to skip them',
  unknown_person_suggest:
    '"%{name}" is not a person in Rabta: choose to create the people the file names, or to skip them (did you mean "%{suggestion}"?)',
  no_initiative: 'No initiative %{code} in Rabta',
  duplicate: '"%{value}" appears again: already in row %{first} of the file',
  exists: '"%{value}" is in Rabta already (mode "create" only adds new records)',
  not_found: '"%{value}" is not in Rabta: there is nothing to update',
  no_key: 'Nothing identifies the record to update: give its code or id',
  conflict:
    'Changed in Rabta since this file was exported (version %{fileVersion} in the file, %{version} now): export again, or leave the version column out to overwrite',
  stage_by_status_update:
    "The stage changes only through a status update with its evidence (on the initiative's page), not by import: it is %{current} now",
  health_by_status_update:
    "The health changes only through a status update (on the initiative's page), not by import: it is %{current} now",
  dates_order: 'The target date %{end} is before the start date %{start}',
  scope_record: 'You cannot change initiative %{code}: its sectors (%{sectors}) are outside your scope',
  scope_sectors: 'Outside your sector scope: %{sectors}',
  scope_milestones: 'You cannot change milestones of initiative %{code}: its sectors are outside your scope',
  /** A field's value the API's own schema refuses; `message` is the schema's (English) message. */
  invalid: '%{message}',
});
export type ImportProblemKey = ReturnType<typeof IMPORT_PROBLEMS.message>['key'];
