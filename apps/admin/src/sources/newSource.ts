import { z } from 'zod';
import { detectLanguage } from '@rabta/intake/language';
import { CreateSourceSchema } from '@rabta/domain/schemas/resources';
import type { Language } from '@rabta/domain/enums';
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

/** An empty form; `publishedAt` is the article's date when it is known (the status update's effective day). */
export const emptyNewSource = (publishedAt?: string): NewSourceValues => ({
  kind: 'news',
  publisher: '',
  url: '',
  language: 'en',
  publishedAt: publishedAt || todayIso(),
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

/** Fewer Latin words than this and no English function word among them: too little to call the text not English. */
const FEW_WORDS = 8;

/**
 * The language a source's title and text are written in, as intake recognises an article's (by script, then by the
 * letters and little words of that script's languages), kept to a source's languages: Arabic and Persian are
 * 'other'. A few Latin words with no English function word ("Steel Mills revival") stay English, the default;
 * `undefined` when there is nothing to go by.
 */
export function sourceLanguageOf(title: string, text: string): Language | undefined {
  // The start of a long text says as much as all of it, and reading it stays quick on every key.
  const sample = `${title}\n${text.slice(0, 4_000)}`;
  if (!/\p{L}/u.test(sample)) return undefined;
  const detected = detectLanguage(sample);
  if (detected === 'ur' || detected === 'en' || detected === 'ru') return detected;
  if (detected === 'other') {
    const latin = sample.match(/[A-Za-z\u00C0-\u024F]+/g) ?? [];
    const others = sample.match(/[\u0400-\u04FF\u0600-\u06FF]/g) ?? [];
    if (!others.length && latin.length < FEW_WORDS) return 'en';
  }
  return 'other';
}
