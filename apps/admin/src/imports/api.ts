import type {
  ImportCommitResult,
  ImportDateFormat,
  ImportMode,
  ImportPreview,
  ImportResource,
  UnknownPeopleChoice,
} from '@rabta/domain/interchange';
import { API, httpClient } from '../providers/http';

// POST /api/imports (multipart) previews; POST /api/imports/:id/commit carries it out; the result file and the
// templates are plain downloads.

export type { ImportCommitResult, ImportPreview };

export interface ImportChoices {
  resource: ImportResource;
  mode: ImportMode;
  mapping?: Record<string, string | null>;
  dateFormat?: ImportDateFormat;
  sheet?: string;
  unknownPeople?: UnknownPeopleChoice;
}

export async function previewImport(file: File, choices: ImportChoices): Promise<ImportPreview> {
  const form = new FormData();
  form.set('resource', choices.resource);
  form.set('mode', choices.mode);
  if (choices.mapping) form.set('mapping', JSON.stringify(choices.mapping));
  if (choices.dateFormat) form.set('dateFormat', choices.dateFormat);
  if (choices.sheet) form.set('sheet', choices.sheet);
  if (choices.unknownPeople) form.set('unknownPeople', choices.unknownPeople);
  form.set('file', file, file.name);
  const { json } = await httpClient(`${API}/imports`, { method: 'POST', body: form });
  return json as ImportPreview;
}

export async function commitImport(id: number): Promise<ImportCommitResult> {
  const { json } = await httpClient(`${API}/imports/${id}/commit`, { method: 'POST' });
  return json as ImportCommitResult;
}

export const resultUrl = (id: number) => `${API}/imports/${id}/result`;
export const templateUrl = (resource: ImportResource) => `${API}/imports/templates/${resource}`;
