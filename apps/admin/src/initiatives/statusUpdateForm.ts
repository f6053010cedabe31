import { z } from 'zod';
import { CreateStatusUpdateSchema, type CreateStatusUpdate } from '@rabta/domain/schemas/resources';
import { effectiveMoment, todayIso } from '../common/dates';
import { serverFieldErrors } from '../common/errors';
import { evidenceFields, type PickedSource } from '../evidence/picked';
import { apiErrorOf } from '../providers/apiError';

/** The status dialog's values as typed: empty strings for "keep" / "none", the effective day, the sources picked. */
export interface StatusUpdateFormValues {
  toStage: string;
  toHealth: string;
  healthConfidence: string;
  /** A calendar day (`YYYY-MM-DD`); today means now (common/dates.ts effectiveMoment). */
  effectiveAt: string;
  note: string;
  noteUr: string;
  sources: PickedSource[];
}

export const emptyStatusUpdate = (): StatusUpdateFormValues => ({
  toStage: '',
  toHealth: '',
  healthConfidence: '',
  effectiveAt: todayIso(),
  note: '',
  noteUr: '',
  sources: [],
});

/** The body of `POST /api/initiatives/:id/status-updates`: only what was chosen, the notes trimmed. */
export function toStatusUpdateBody(v: StatusUpdateFormValues): Record<string, unknown> {
  return {
    ...(v.toStage ? { toStage: v.toStage } : {}),
    ...(v.toHealth ? { toHealth: v.toHealth } : {}),
    ...(v.healthConfidence ? { healthConfidence: v.healthConfidence } : {}),
    effectiveAt: effectiveMoment(v.effectiveAt),
    note: v.note.trim(),
    ...(v.noteUr.trim() ? { noteUr: v.noteUr.trim() } : {}),
    ...evidenceFields(v.sources),
  };
}

/**
 * The dialog checked by the API's own schema: issues come back under the body's field names (`toStage`, `note`,
 * `sourceIds`, `quotes.12`), which are the form's names too (the sources' list shows `sourceIds` and `quotes.*`).
 */
export const StatusUpdateFormSchema: z.ZodType<CreateStatusUpdate, StatusUpdateFormValues> = z
  .custom<StatusUpdateFormValues>()
  .transform(toStatusUpdateBody)
  .pipe(CreateStatusUpdateSchema);

export interface ServerErrors {
  /** Messages by field (catalogue keys or texts, as errorText reads them). */
  fields: Record<string, string>;
  /** The message for the whole form when no field is to blame. */
  form?: string;
}

/**
 * A refused status update, field by field: the API's field errors, an invalid transition beside the stage (with the
 * stages allowed, named by `stageName`), missing evidence beside the sources.
 */
export function statusUpdateErrorsOf(error: unknown, stageName: (stage: string) => string): ServerErrors {
  const body = apiErrorOf(error);
  const fields = serverFieldErrors(error);
  if (body?.code === 'INVALID_TRANSITION') {
    const stages = ((body.allowed as string[] | undefined) ?? []).map(stageName).join('، ');
    fields.toStage = `@@react-admin@@${JSON.stringify({ message: 'rabta.validation.invalid_transition', args: { stages } })}`;
  }
  if (body?.code === 'EVIDENCE_REQUIRED') fields.sourceIds = 'rabta.validation.evidence_required';
  return Object.keys(fields).length ? { fields } : { fields, form: (error as Error).message };
}
