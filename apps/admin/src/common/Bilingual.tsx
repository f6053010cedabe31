import { Box, Stack, Tooltip, Typography, type SxProps, type Theme } from '@mui/material';
import { TextInput, useRecordContext, useTranslate, type TextInputProps } from 'react-admin';
import { useAppLocale } from '../i18n/format';
import { urduTextSx } from '../theme/theme';
import { pickText } from './bilingual';

type BilingualInputProps = Omit<TextInputProps, 'source'> & {
  /** The field's base name: `title` edits `titleEn` and `titleUr`. */
  source: string;
  /** The English text is required (the Urdu one never is). */
  required?: boolean;
};

/** English and Urdu side by side; the Urdu input is right-to-left in Naskh, the English one left-to-right. */
export function BilingualInput({ source, required, validate, multiline, minRows, ...rest }: BilingualInputProps) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }} data-bilingual={source}>
      <TextInput
        {...rest}
        source={`${source}En`}
        validate={validate ?? (required ? requiredValidator : undefined)}
        multiline={multiline}
        minRows={minRows}
        slotProps={{ htmlInput: { dir: 'ltr', lang: 'en' } }}
        sx={{ flex: 1 }}
      />
      <TextInput
        {...rest}
        source={`${source}Ur`}
        multiline={multiline}
        minRows={minRows}
        slotProps={{ htmlInput: { dir: 'rtl', lang: 'ur', style: { ...urduTextSx, textAlign: 'right' } } }}
        sx={{ flex: 1 }}
      />
    </Stack>
  );
}

const requiredValidator = (value: unknown) =>
  typeof value === 'string' && value.trim() ? undefined : 'ra.validation.required';

interface BilingualTextProps {
  source: string;
  record?: Record<string, unknown>;
  variant?: 'body1' | 'body2' | 'h4' | 'h5' | 'h6' | 'subtitle1' | 'subtitle2' | 'caption';
  component?: React.ElementType;
  sx?: SxProps<Theme>;
  /** Render nothing (instead of a dash) when neither language has text. */
  hideEmpty?: boolean;
}

/**
 * A bilingual field in the current language. When only the other language has text, it is shown in that language
 * (in its own direction and font) with a visible marker, never silently.
 */
export function BilingualText({
  source,
  record: recordProp,
  variant = 'body2',
  component = 'span',
  sx,
  hideEmpty,
}: BilingualTextProps) {
  const recordCtx = useRecordContext();
  const record = (recordProp ?? recordCtx) as Record<string, unknown> | undefined;
  const locale = useAppLocale();
  const translate = useTranslate();
  const picked = pickText(record, source, locale);
  if (!picked) {
    return hideEmpty ? null : (
      <Typography variant={variant} component={component} color="text.disabled" sx={sx}>
        {translate('rabta.common.none')}
      </Typography>
    );
  }
  const isUr = picked.lang === 'ur';
  const text = (
    <Typography
      variant={variant}
      component={component}
      lang={isUr ? 'ur' : 'en'}
      dir={isUr ? 'rtl' : 'ltr'}
      data-fallback={picked.fallback ? picked.lang : undefined}
      sx={[
        isUr && locale !== 'ur' ? urduTextSx : {},
        picked.fallback ? { fontStyle: isUr ? 'normal' : 'italic', color: 'text.secondary' } : {},
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      {picked.text}
    </Typography>
  );
  if (!picked.fallback) return text;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'baseline', gap: 0.75, flexWrap: 'wrap' }}>
      {text}
      <FallbackBadge lang={picked.lang} />
    </Box>
  );
}

/** The visible marker of a text shown in the other language (its own language is missing). */
export function FallbackBadge({ lang }: { lang: 'en' | 'ur' }) {
  const translate = useTranslate();
  const locale = useAppLocale();
  const languageName = translate(`rabta.bilingual.${lang}`);
  const missingName = translate(`rabta.bilingual.${locale}`);
  return (
    <Tooltip title={translate('rabta.bilingual.fallback', { language: languageName, missing: missingName })}>
      <Box
        component="span"
        data-testid="bilingual-fallback"
        sx={{
          fontSize: '0.68rem',
          px: 0.6,
          border: 1,
          borderColor: 'warning.main',
          color: 'warning.dark',
          borderRadius: 1,
          lineHeight: 1.5,
          whiteSpace: 'nowrap',
          fontStyle: 'normal',
          mx: 0.5,
        }}
      >
        {lang === 'ur' ? 'اردو' : 'EN'}
      </Box>
    </Tooltip>
  );
}

/** Both languages, labelled, side by side (show pages). */
export function BilingualPair({ source, label, multiline }: { source: string; label: string; multiline?: boolean }) {
  const record = useRecordContext() as Record<string, unknown> | undefined;
  const translate = useTranslate();
  const en = record?.[`${source}En`] as string | null | undefined;
  const ur = record?.[`${source}Ur`] as string | null | undefined;
  const cell = (value: string | null | undefined, lang: 'en' | 'ur') => (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`rabta.bilingual.${lang}`)}
      </Typography>
      {value ? (
        <Typography
          variant="body2"
          lang={lang}
          dir={lang === 'ur' ? 'rtl' : 'ltr'}
          sx={{
            whiteSpace: multiline ? 'pre-wrap' : undefined,
            ...(lang === 'ur' ? urduTextSx : {}),
            textAlign: 'start',
          }}
        >
          {value}
        </Typography>
      ) : (
        <Typography variant="body2" color="text.disabled">
          {translate('rabta.common.none')}
        </Typography>
      )}
    </Box>
  );
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {translate(label)}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
        {cell(en, 'en')}
        {cell(ur, 'ur')}
      </Stack>
    </Box>
  );
}
