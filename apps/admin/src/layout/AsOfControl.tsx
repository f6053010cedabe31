import { useState } from 'react';
import { Box, Button, Popover, Stack, TextField, Typography } from '@mui/material';
import HistoryToggleOffIcon from '@mui/icons-material/HistoryToggleOff';
import { useRefresh, useTranslate } from 'react-admin';
import { useFormatters } from '../i18n/format';
import { setAsOf } from '../providers/asOf';
import { useAsOf } from '../common/useAsOf';
import { todayIso } from '../common/dates';
import { LocalDateField } from '../common/LocalDateInput';

/** The app bar's "as of" date: the whole admin shows the world as of that date, read-only. */
export function AsOfControl() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const fmt = useFormatters();
  const { asOf, knownAt, past } = useAsOf();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [date, setDate] = useState(asOf ?? '');
  const [known, setKnown] = useState(knownAt ? knownAt.slice(0, 16) : '');
  const invalid = !!date && date > todayIso();

  const apply = (next: { asOf: string | null; knownAt: string | null }) => {
    setAsOf(next);
    setAnchor(null);
    refresh();
  };

  return (
    <>
      <Button
        color="inherit"
        startIcon={<HistoryToggleOffIcon />}
        onClick={(e) => {
          setDate(asOf ?? '');
          setKnown(knownAt ? knownAt.slice(0, 16) : '');
          setAnchor(e.currentTarget);
        }}
        aria-label={translate('rabta.as_of.pick')}
        data-testid="as-of-button"
        sx={{ textTransform: 'none', whiteSpace: 'nowrap' }}
      >
        {translate('rabta.as_of.label')}: {past ? fmt.date(asOf ?? knownAt ?? '') : translate('rabta.as_of.today')}
      </Button>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box
          sx={{ p: 2, width: 320 }}
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) apply({ asOf: date || null, knownAt: known ? new Date(known).toISOString() : null });
          }}
        >
          <Typography variant="subtitle2" gutterBottom>
            {translate('rabta.as_of.pick')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('rabta.as_of.help')}
          </Typography>
          <LocalDateField
            label={translate('rabta.as_of.label')}
            value={date}
            onChange={(iso) => setDate(iso ?? '')}
            testId="as-of-date"
            max={todayIso()}
            size="medium"
            error={invalid && translate('rabta.as_of.invalid')}
            helperText=" "
          />
          <TextField
            type="datetime-local"
            label={translate('rabta.as_of.known_at')}
            value={known}
            onChange={(e) => setKnown(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'as-of-known' } }}
          />
          <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'flex-end' }}>
            {past && (
              <Button onClick={() => apply({ asOf: null, knownAt: null })}>
                {translate('rabta.as_of.back_to_today')}
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={invalid || (!date && !known)} data-testid="as-of-apply">
              {translate('rabta.as_of.apply')}
            </Button>
          </Stack>
        </Box>
      </Popover>
    </>
  );
}

/** Under the app bar while viewing the past: what date, and the way back. */
export function AsOfBanner() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const fmt = useFormatters();
  const { asOf, knownAt, past } = useAsOf();
  if (!past) return null;
  const date = asOf ? fmt.date(asOf) : translate('rabta.as_of.today');
  return (
    <Box
      role="status"
      data-testid="as-of-banner"
      sx={{
        bgcolor: 'warning.light',
        color: 'warning.contrastText',
        px: 2,
        py: 0.75,
        display: 'flex',
        alignItems: 'center',
        gap: 2,
        position: 'sticky',
        top: 0,
        zIndex: 2,
      }}
    >
      <HistoryToggleOffIcon fontSize="small" />
      <Typography variant="body2" sx={{ flex: 1, fontWeight: 600 }}>
        {knownAt
          ? translate('rabta.as_of.banner_known', { date, knownAt: fmt.dateTime(knownAt) })
          : translate('rabta.as_of.banner', { date })}
      </Typography>
      <Button
        size="small"
        variant="outlined"
        color="inherit"
        onClick={() => {
          setAsOf({ asOf: null, knownAt: null });
          refresh();
        }}
      >
        {translate('rabta.as_of.back_to_today')}
      </Button>
    </Box>
  );
}
