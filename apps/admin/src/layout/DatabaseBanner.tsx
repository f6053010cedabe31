import { useEffect, useRef } from 'react';
import { Box, CircularProgress, Typography } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { useDatabaseDown } from '../providers/databaseStatus';

/** "Database unreachable — retrying" while the API answers 503 DATABASE_UNAVAILABLE; the data reloads once it is back. */
export function DatabaseBanner() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const down = useDatabaseDown();
  const wasDown = useRef(false);
  useEffect(() => {
    if (wasDown.current && !down) refresh();
    wasDown.current = down;
  }, [down, refresh]);
  if (!down) return null;
  return (
    <Box
      role="alert"
      data-testid="database-banner"
      sx={{
        bgcolor: 'error.main',
        color: 'error.contrastText',
        px: 2,
        py: 0.5,
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
        position: 'sticky',
        top: 0,
        zIndex: 3,
      }}
    >
      <CircularProgress size={14} color="inherit" />
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('rabta.database.unreachable')}
      </Typography>
    </Box>
  );
}
