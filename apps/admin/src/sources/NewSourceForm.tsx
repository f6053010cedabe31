import { useEffect, useState } from 'react';
import { Alert, Button, MenuItem, Paper, Stack, Typography } from '@mui/material';
import { useForm, useWatch } from 'react-hook-form';
import { useDataProvider, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { LANGUAGES, QUOTE_MAX_CHARS, SOURCE_KINDS, SOURCE_TEXT_MAX_CHARS } from '@rabta/domain/values';
import { FormCountedTextField } from '../common/CountedTextField';
import { domainResolver } from '../common/domainResolver';
import { errorText, serverFieldErrors } from '../common/errors';
import { FormTextField } from '../common/FormTextField';
import { FormDateField } from '../common/LocalDateInput';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { textInputProps } from '../theme/theme';
import { emptyNewSource, NewSourceFormSchema, type NewSourceValues, type SourceBody } from './newSource';
import { useLanguageFollowsText } from './useLanguageFollowsText';

const NOTHING_PICKED = { language: false, publishedAt: false };

/**
 * A new source typed in where it is cited (the status dialog), with the passage to quote from it. It is checked by
 * the API's schema, saved (a source already known by its URL or text is reused and said so), then handed over with
 * the quote through `onAdded` and the form emptied. Cancelling keeps what was typed, for the next opening.
 *
 * Until the user picks them, the language follows the script of the title and text (sourceLanguageOf), and the
 * publication date is `articleDate` (the day of what is being recorded, e.g. the status update's effective date),
 * else today.
 */
export function NewSourceForm({
  onAdded,
  onCancel,
  articleDate,
}: {
  onAdded: (source: RaRecord, quote: string) => void;
  onCancel: () => void;
  articleDate?: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const {
    control,
    handleSubmit,
    getValues,
    reset,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<NewSourceValues, unknown, SourceBody>({
    defaultValues: emptyNewSource(articleDate),
    resolver: domainResolver(NewSourceFormSchema),
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const [language, title, text] = useWatch({ control, name: ['language', 'title', 'text'] });
  // What the user chose themselves is never changed for them.
  const [picked, setPicked] = useState(NOTHING_PICKED);
  useLanguageFollowsText(!picked.language, title, text, { getValues, setValue });
  useEffect(() => {
    if (!picked.publishedAt) setValue('publishedAt', emptyNewSource(articleDate).publishedAt);
  }, [picked.publishedAt, articleDate, setValue]);

  const save = handleSubmit(async (body) => {
    try {
      const { id, existing } = await dataProvider.createSource(body);
      const { data } = await dataProvider.getOne('sources', { id });
      notify(existing ? 'rabta.status.source_exists' : 'rabta.status.source_added', {
        type: existing ? 'info' : 'success',
      });
      onAdded(data, getValues('quote'));
      reset(emptyNewSource(articleDate));
      setPicked(NOTHING_PICKED);
    } catch (e) {
      const fields = serverFieldErrors(e);
      for (const [name, message] of Object.entries(fields))
        setError(name as keyof NewSourceValues, { type: 'server', message });
      if (!Object.keys(fields).length) setError('root.server', { type: 'server', message: (e as Error).message });
    }
  });

  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 1, bgcolor: 'grey.50' }} data-testid="new-source-form">
      <Typography variant="subtitle2" gutterBottom>
        {translate('rabta.status.new_source_title')}
      </Typography>
      {errors.root?.server && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {errorText(translate, errors.root.server.message)}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <FormTextField
          control={control}
          name="kind"
          select
          label={translate('resources.sources.fields.kind')}
          sx={{ flex: 1 }}
        >
          {SOURCE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`enums.source_kind.${k}`)}
            </MenuItem>
          ))}
        </FormTextField>
        <FormTextField
          control={control}
          name="language"
          select
          label={translate('resources.sources.fields.language')}
          onPick={() => setPicked((p) => ({ ...p, language: true }))}
          slotProps={{ htmlInput: { 'data-testid': 'new-source-language' } }}
          sx={{ flex: 1 }}
        >
          {LANGUAGES.map((k) => (
            <MenuItem key={k} value={k} data-value={k}>
              {translate(`enums.language.${k}`)}
            </MenuItem>
          ))}
        </FormTextField>
        <FormDateField
          control={control}
          name="publishedAt"
          label={translate('resources.sources.fields.publishedAt')}
          onPick={() => setPicked((p) => ({ ...p, publishedAt: true }))}
          testId="new-source-published"
          sx={{ flex: 1 }}
        />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <FormTextField
          control={control}
          name="publisher"
          label={translate('resources.sources.fields.publisher')}
          slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'new-source-publisher' } }}
          sx={{ flex: 1 }}
        />
        <FormTextField
          control={control}
          name="url"
          label={translate('resources.sources.fields.url')}
          slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'new-source-url' } }}
          sx={{ flex: 2 }}
        />
      </Stack>
      <FormTextField
        control={control}
        name="title"
        label={translate('resources.sources.fields.title')}
        fullWidth
        slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'new-source-title' } }}
      />
      <FormCountedTextField
        control={control}
        name="text"
        label={translate('resources.sources.fields.text')}
        fullWidth
        rows={4}
        maxChars={SOURCE_TEXT_MAX_CHARS}
        slotProps={{ htmlInput: { ...textInputProps(language), 'data-testid': 'new-source-text' } }}
      />
      <FormCountedTextField
        control={control}
        name="quote"
        label={translate('rabta.status.quote')}
        fullWidth
        rows={2}
        maxChars={QUOTE_MAX_CHARS}
        helperText={translate('rabta.status.quote_help')}
        slotProps={{ htmlInput: { ...textInputProps(language), 'data-testid': 'new-source-quote' } }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1, justifyContent: 'flex-end' }}>
        <Button onClick={onCancel} disabled={isSubmitting}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="outlined" onClick={save} disabled={isSubmitting} data-testid="new-source-add">
          {translate('rabta.status.add_new_source')}
        </Button>
      </Stack>
    </Paper>
  );
}
