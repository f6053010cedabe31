import { z } from 'zod';
import { CreateSourceSchema } from '@rabta/domain/schemas/resources';
import { todayIso } from '../common/dates';

/** The inline "new source" form: a source's fields as typed, and the passage to quote from it. */
export interface NewSourceValues {
  kind: string;
  publisher: string;
  url: string;
  language: string;
  publishedAt: string;
  title: string;
  text: string;
  quote: string;
}

export const emptyNewSource = (): NewSourceValues => ({
  kind: 'news',
  publisher: '',
  url: '',
  language: 'en',
  publishedAt: todayIso(),
  title: '',
  text: '',
  quote: '',
});

/** The body of `POST /api/sources` from the form (the quote belongs to the evidence, not the source). */
export function toSourceBody({ quote: _quote, ...fields }: NewSourceValues): Record<string, unknown> {
  return { ...fields, url: fields.url.trim() || null, text: fields.text.trim() || null };
}

export type SourceBody = z.output<typeof CreateSourceSchema>;

/** The form checked by the API's own schema. */
export const NewSourceFormSchema: z.ZodType<SourceBody, NewSourceValues> = z
  .custom<NewSourceValues>()
  .transform(toSourceBody)
  .pipe(CreateSourceSchema);
