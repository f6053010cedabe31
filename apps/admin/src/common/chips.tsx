import { Box, Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DirArrow } from './fields';

// Stage and health as coloured chips, the same everywhere (lists, pages, dashboard, dialogs).

export const STAGE_COLORS: Record<string, string> = {
  announced: '#78909c',
  under_negotiation: '#5c6bc0',
  mou_signed: '#3949ab',
  agreement_signed: '#1e88e5',
  feasibility: '#00838f',
  implementation: '#2e7d32',
  pilot: '#558b2f',
  operational: '#1b5e20',
  completed: '#004d40',
  suspended: '#ef6c00',
  cancelled: '#616161',
};

export const HEALTH_COLORS: Record<string, string> = {
  on_track: '#2e7d32',
  at_risk: '#ed8c00',
  off_track: '#c62828',
  not_assessed: '#9e9e9e',
};

const chip = (color: string, outlined?: boolean): ChipProps['sx'] =>
  outlined ? { borderColor: color, color, bgcolor: 'background.paper' } : { bgcolor: color, color: '#fff' };

export function StageChip({
  stage,
  size = 'small',
  outlined,
}: {
  stage?: string | null;
  size?: ChipProps['size'];
  outlined?: boolean;
}) {
  const translate = useTranslate();
  if (!stage) return null;
  return (
    <Chip
      size={size}
      variant={outlined ? 'outlined' : 'filled'}
      label={translate(`enums.stage.${stage}`, { _: stage })}
      sx={chip(STAGE_COLORS[stage] ?? '#607d8b', outlined)}
      data-stage={stage}
    />
  );
}

export function HealthChip({
  health,
  size = 'small',
  outlined,
}: {
  health?: string | null;
  size?: ChipProps['size'];
  outlined?: boolean;
}) {
  const translate = useTranslate();
  if (!health) return null;
  return (
    <Chip
      size={size}
      variant={outlined ? 'outlined' : 'filled'}
      label={translate(`enums.health.${health}`, { _: health })}
      sx={chip(HEALTH_COLORS[health] ?? '#607d8b', outlined)}
      data-health={health}
    />
  );
}

/** List/show field versions (label from `resources.<r>.fields.<source>`). */
export function StageField({ source = 'stage' }: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  return <StageChip stage={record?.[source]} />;
}
export function HealthField({ source = 'health' }: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  return <HealthChip health={record?.[source]} />;
}

/** Any enum value through `enums.<name>.<value>`. */
export function EnumText({ name, value }: { name: string; value?: string | null }) {
  const translate = useTranslate();
  if (!value) return <>{translate('rabta.common.none')}</>;
  return <>{translate(`enums.${name}.${value}`, { _: value })}</>;
}

export function EnumField({ source, name }: { source: string; name: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  return <EnumText name={name} value={record?.[source]} />;
}

/** from → to of a stage or a health (the "from" outlined). */
export function Transition({ from, to, kind }: { from?: string | null; to?: string | null; kind: 'stage' | 'health' }) {
  if (!to) return null;
  const One = kind === 'stage' ? StageChip : HealthChip;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', flexWrap: 'nowrap' }}>
      {from && <One {...{ [kind]: from }} outlined />}
      {from && <DirArrow />}
      <One {...{ [kind]: to }} />
    </Box>
  );
}

/** A status update that changes neither stage nor health: a development. */
export function DevelopmentChip() {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color="secondary"
      label={translate('rabta.timeline.development')}
      data-testid="development-chip"
    />
  );
}
