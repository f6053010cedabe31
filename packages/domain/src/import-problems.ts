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

/**
 * What the API answers about a whole file or a commit (an error body's `message`, with `key` and `params` beside it,
 * and the preview's `warnings`), in the same area: the admin says them as it says the problems.
 */
export const IMPORT_ERRORS = messageCatalogue('import', {
  file_xls:
    'This is an old-style Excel file (.xls, Excel 97–2003): open it in Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8',
  file_pdf: 'This file is a PDF document, not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file',
  file_word: 'This file is a Word document, not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file',
  file_powerpoint:
    'This file is a PowerPoint presentation, not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file',
  file_opendocument:
    'This file is an OpenDocument file, not a spreadsheet Rabta reads: save it as an Excel workbook (.xlsx) or as CSV UTF-8',
  file_zip: 'This file is a ZIP archive, not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file',
  file_damaged: 'This file is a damaged workbook: open it in Excel, save it again and upload it',
  file_binary: 'This file holds binary data, not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file',
  file_empty: 'The file has no data: it needs a header row and at least one row below it',
  file_too_large: 'The file is larger than %{mb} MB, the most an import takes',
  too_many_rows:
    'The sheet has %{rows} data rows; one import takes at most %{max}. Split the file and import the parts one after another',
  no_sheet: 'The file has no sheet "%{sheet}": %{sheets}',
  sheet_empty: 'The sheet is empty',
  no_data_rows: 'The sheet has a header row but no data rows below it',
  merged_header:
    'The header row has merged cells (%{ranges}): unmerge them so that every column has a header of its own',
  csv_unreadable: 'The CSV file cannot be read: %{reason}',
  mapped_twice: 'Two columns are mapped to the same field: "%{first}" and "%{second}"',
  not_utf8:
    'The file is not UTF-8; it was read as Windows-1252. If it holds Urdu, save it from Excel as "CSV UTF-8" and upload it again',
  committed_already: 'Import %{id} was committed already (%{created} created, %{updated} updated)',
  preview_has_problems:
    'The preview has problems (%{count}): correct the file (or the choices) and preview it again; nothing was written',
  commit_failed: '%{reason}; nothing was written (Rabta changed since the preview: preview the file again)',
});
