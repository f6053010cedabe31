import { useMemo, useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  TextField as RaTextField,
  Title,
  useCanAccess,
  useNotify,
  useRedirect,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { INTAKE_LANGUAGES } from '@rabta/domain/values';
import {
  INTAKE_MAX_HTML_BYTES,
  INTAKE_MAX_TEXT_BYTES,
  type CreateIntake,
  type IntakeListItem,
} from '@rabta/domain/schemas/intake';
import { CountedTextField } from '../common/CountedTextField';
import { overBytes } from '../common/counted';
import { useFormatters } from '../i18n/format';
import { apiErrorOf } from '../providers/http';
import { createIntake } from './api';
import { isRtl } from './ArticleText';
import { LocalDateField } from '../common/LocalDateInput';

type Mode = 'text' | 'html' | 'url';

/** The form that brings an article in: text, HTML or URL, with what Rabta may not find in it. */
function NewIntakeCard() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [mode, setMode] = useState<Mode>('text');
  const [content, setContent] = useState('');
  const [url, setUrl] = useState('');
  const [publisher, setPublisher] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [language, setLanguage] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fmt = useFormatters();
  // The API reads at most 1 MB of text (5 MB of HTML) and refuses more (413): the field counts characters and refuses
  // a paste beyond that many at once; Urdu, two bytes a letter, can pass the count and still be too large.
  const maxBytes = mode === 'html' ? INTAKE_MAX_HTML_BYTES : INTAKE_MAX_TEXT_BYTES;
  const tooLarge = useMemo(() => (mode === 'url' ? null : overBytes(content, maxBytes)), [content, maxBytes, mode]);
  // Typed Urdu shows right-to-left as soon as it is pasted.
  const dir = /[\u0600-\u06FF]/.test(content.slice(0, 400)) || isRtl(language) ? 'rtl' : 'ltr';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooLarge !== null) return;
    const body: CreateIntake = {
      ...(mode === 'text' ? { text: content } : {}),
      ...(mode === 'html' ? { html: content } : {}),
      ...(url.trim() ? { url: url.trim() } : {}),
      ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(language ? { language: language as CreateIntake['language'] } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      const intake = await createIntake(body);
      redirect('show', 'intake', intake.id);
    } catch (e) {
      const apiError = apiErrorOf(e);
      setErrors(apiError?.errors ?? {});
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (...keys: string[]) => keys.map((k) => errors[k]).find(Boolean);

  return (
    <Card component="form" onSubmit={submit} data-testid="intake-form">
      <CardHeader title={translate('rabta.intake.new')} subheader={translate('rabta.intake.help')} />
      <CardContent>
        <Stack spacing={2}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={mode}
            onChange={(_, v: Mode | null) => v && setMode(v)}
            aria-label={translate('rabta.intake.new')}
          >
            {(['text', 'html', 'url'] as const).map((m) => (
              <ToggleButton key={m} value={m} data-testid={`intake-mode-${m}`}>
                {translate(`rabta.intake.mode.${m}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {mode !== 'url' && (
            <CountedTextField
              name={mode}
              label={translate(mode === 'text' ? 'rabta.intake.text' : 'rabta.intake.html')}
              helperText={
                fieldError(mode) ??
                (tooLarge !== null
                  ? translate('rabta.intake.too_large', {
                      size: fmt.number(Math.round((tooLarge / 1_048_576) * 10) / 10),
                      max: fmt.number(maxBytes / 1_048_576),
                    })
                  : translate(mode === 'text' ? 'rabta.intake.text_help' : 'rabta.intake.html_help'))
              }
              error={!!fieldError(mode) || tooLarge !== null}
              value={content}
              onValue={setContent}
              maxChars={maxBytes}
              rows={12}
              fullWidth
              slotProps={{ htmlInput: { dir: mode === 'text' ? dir : 'ltr', 'data-testid': 'intake-content' } }}
            />
          )}
          <TextField
            name="url"
            label={translate('rabta.intake.url')}
            helperText={fieldError('url') ?? translate('rabta.intake.url_help')}
            error={!!fieldError('url')}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            fullWidth
            slotProps={{ htmlInput: { dir: 'ltr', inputMode: 'url' } }}
          />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              name="publisher"
              label={translate('rabta.intake.publisher')}
              helperText={fieldError('publisher') ?? translate('rabta.intake.publisher_help')}
              error={!!fieldError('publisher')}
              value={publisher}
              onChange={(e) => setPublisher(e.target.value)}
              sx={{ flex: 2 }}
            />
            <LocalDateField
              name="publishedAt"
              label={translate('rabta.intake.published_at')}
              helperText={translate('rabta.intake.published_at_help')}
              error={fieldError('publishedAt') ?? false}
              value={publishedAt}
              onChange={(iso) => setPublishedAt(iso ?? '')}
              size="medium"
              testId="intake-published-at"
              sx={{ flex: 1 }}
            />
            <TextField
              select
              name="language"
              label={translate('rabta.intake.language')}
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
              sx={{ flex: 1 }}
            >
              <MenuItem value="">{translate('rabta.intake.language_auto')}</MenuItem>
              {INTAKE_LANGUAGES.map((l) => (
                <MenuItem key={l} value={l}>
                  {translate(`enums.intake_language.${l}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Box>
            <Button type="submit" variant="contained" disabled={busy || tooLarge !== null} data-testid="intake-submit">
              {translate(busy ? 'rabta.intake.reading' : 'rabta.intake.read')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}

function Counts({ record }: { record: IntakeListItem }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5}>
      {record.pending > 0 && (
        <Chip size="small" color="warning" label={translate('rabta.intake.pending_count', { count: record.pending })} />
      )}
      {record.accepted > 0 && <Chip size="small" color="success" variant="outlined" label={`✓ ${record.accepted}`} />}
      {record.rejected > 0 && <Chip size="small" variant="outlined" label={`✗ ${record.rejected}`} />}
    </Stack>
  );
}

export default function IntakeList() {
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: 'intake' });
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Title title={translate('rabta.intake.title')} />
      {canCreate && <NewIntakeCard />}
      <Typography variant="h6" component="h2">
        {translate('rabta.intake.past')}
      </Typography>
      <List
        resource="intake"
        title={false as unknown as string}
        actions={false}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={10}
        disableSyncWithLocation
        empty={<Typography sx={{ p: 2 }}>{translate('rabta.intake.empty')}</Typography>}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="createdAt" showTime />
          <RaTextField source="title" />
          <RaTextField source="publisher" />
          <FunctionField
            source="language"
            render={(r: RaRecord) => translate(`enums.intake_language.${String(r.language)}`)}
          />
          <FunctionField
            label="resources.intake.fields.pending"
            render={(r: RaRecord) => <Counts record={r as unknown as IntakeListItem} />}
          />
          <RaTextField source="createdByName" />
        </Datagrid>
      </List>
    </Box>
  );
}
