import { useState, type ReactNode } from 'react';
import {
  Autocomplete,
  Box,
  Button,
  CircularProgress,
  IconButton,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslate, type RaRecord } from 'react-admin';
import { QUOTE_MAX_CHARS } from '@rabta/domain/values';
import { CountedTextField } from '../common/CountedTextField';
import { errorText } from '../common/errors';
import { joinIsolated } from '../common/bidi';
import { Runs } from '../common/Runs';
import { useFormatters } from '../i18n/format';
import { NewSourceForm } from '../sources/NewSourceForm';
import { useSourceSearch } from '../sources/useSourceSearch';
import { textInputProps } from '../theme/theme';
import { pickSource, setQuote, unpickSource, type PickedSource } from './picked';

/**
 * The evidence of a record being written: existing sources found by a server search, or a new one typed in, each with
 * the passage quoted from it. Controlled: `value` is the list picked and `onUpdate` receives each change as a function
 * of the current list (a source saved while the list was being edited must not undo those edits), so a state
 * setter fits as is. `error` (the list's) and `quoteError` (one source's quote) are messages as the form holds
 * them; `onAddingChange` says when the new-source form is open; `articleDate` (the day of what is recorded) is a new
 * source's publication date until the user sets one.
 */
export function EvidencePicker({
  value,
  onUpdate,
  error,
  quoteError,
  onAddingChange,
  articleDate,
}: {
  value: PickedSource[];
  onUpdate: (update: (current: PickedSource[]) => PickedSource[]) => void;
  error?: string;
  quoteError?: (sourceId: number) => string | undefined;
  onAddingChange?: (adding: boolean) => void;
  articleDate?: string;
}) {
  const translate = useTranslate();
  const [adding, setAddingState] = useState(false);
  const setAdding = (next: boolean) => {
    setAddingState(next);
    onAddingChange?.(next);
  };

  return (
    <>
      <SourceSearch
        onPick={(source) => onUpdate((list) => pickSource(list, source))}
        error={errorText(translate, error)}
      />
      <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="status-picked-sources">
        {value.map((s) => (
          <PickedSourceCard
            key={s.id}
            source={s}
            error={errorText(translate, quoteError?.(s.id))}
            onQuote={(quote) => onUpdate((list) => setQuote(list, s.id, quote))}
            onRemove={() => onUpdate((list) => unpickSource(list, s.id))}
          />
        ))}
      </Stack>
      {!adding && (
        <Button startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => setAdding(true)} data-testid="status-new-source">
          {translate('rabta.status.new_source')}
        </Button>
      )}
      {/* Kept mounted while closed, so what was typed is still there when it is opened again. */}
      <Box sx={{ display: adding ? 'block' : 'none' }}>
        <NewSourceForm
          onAdded={(source, quote) => {
            onUpdate((list) => pickSource(list, source, quote));
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
          articleDate={articleDate}
        />
      </Box>
    </>
  );
}

/** The search box: typing searches the sources on the server; choosing one picks it. */
function SourceSearch({ onPick, error }: { onPick: (source: RaRecord) => void; error: string }) {
  const translate = useTranslate();
  const fmt = useFormatters();
  const { search, setSearch, options, searching } = useSourceSearch();
  return (
    <Autocomplete
      options={options}
      loading={searching}
      filterOptions={(x) => x}
      getOptionLabel={(o) => joinIsolated([o.publisher, o.title], ': ')}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <li key={key} {...rest} data-testid={`source-option-${o.id}`}>
            <Box>
              <Typography variant="body2" dir="auto">
                {o.title}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                <Runs
                  runs={[
                    o.publisher,
                    fmt.date(o.publishedAt),
                    translate(`enums.language.${o.language}`, { _: o.language }),
                  ]}
                />
              </Typography>
            </Box>
          </li>
        );
      }}
      value={null}
      inputValue={search}
      onInputChange={(_e, v, reason) => reason !== 'reset' && setSearch(v)}
      onChange={(_e, v) => {
        if (v) onPick(v);
        setSearch('');
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('rabta.status.pick_sources')}
          placeholder={translate('rabta.status.search_sources')}
          error={!!error}
          helperText={error || ' '}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps?.htmlInput, 'data-testid': 'status-source-search' },
            input: {
              ...params.slotProps?.input,
              endAdornment: (
                <>
                  {searching ? <CircularProgress color="inherit" size={18} /> : null}
                  {(params.slotProps?.input as { endAdornment?: ReactNode } | undefined)?.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
    />
  );
}

/** A picked source: what it is, its quote (in the source's language and direction), and a button to drop it. */
function PickedSourceCard({
  source,
  error,
  onQuote,
  onRemove,
}: {
  source: PickedSource;
  error: string;
  onQuote: (quote: string) => void;
  onRemove: () => void;
}) {
  const translate = useTranslate();
  const fmt = useFormatters();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-source-id={source.id}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }} dir="auto">
            {source.title}
          </Typography>
          <Typography variant="caption" color="text.secondary" data-testid="picked-source-label">
            <Runs runs={[source.publisher, fmt.date(source.publishedAt)]} />
          </Typography>
        </Box>
        <IconButton size="small" aria-label={translate('rabta.common.remove')} onClick={onRemove}>
          <CloseIcon fontSize="small" />
        </IconButton>
      </Stack>
      <CountedTextField
        label={translate('rabta.status.quote')}
        value={source.quote}
        onValue={onQuote}
        maxChars={QUOTE_MAX_CHARS}
        rows={2}
        fullWidth
        margin="dense"
        error={!!error}
        helperText={error || translate('rabta.status.quote_help')}
        slotProps={{ htmlInput: { ...textInputProps(source.language), 'data-testid': `quote-${source.id}` } }}
      />
    </Paper>
  );
}
