import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  ReferenceField,
  RecordContextProvider,
  useGetOne,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { DateText, DirArrow } from '../common/fields';
import { useFormatters } from '../i18n/format';

export function SlippageChip({ days, overdue }: { days?: number | null; overdue?: boolean }) {
  const translate = useTranslate();
  const chips = [];
  if (days != null) {
    if (days > 0)
      chips.push(
        <Chip
          key="s"
          size="small"
          color={days > 60 ? 'error' : 'warning'}
          label={translate('rabta.milestone.slippage', { smart_count: days })}
        />,
      );
    else if (days < 0)
      chips.push(
        <Chip
          key="s"
          size="small"
          color="success"
          variant="outlined"
          label={translate('rabta.milestone.ahead', { smart_count: -days })}
        />,
      );
    else
      chips.push(
        <Chip key="s" size="small" color="success" variant="outlined" label={translate('rabta.milestone.on_time')} />,
      );
  }
  if (overdue)
    chips.push(
      <Chip
        key="o"
        size="small"
        color="error"
        label={translate('rabta.milestone.overdue')}
        data-testid="overdue-chip"
      />,
    );
  return (
    <Stack direction="row" spacing={0.5}>
      {chips}
    </Stack>
  );
}

export function SlippageField(_props: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext();
  if (!record) return null;
  return <SlippageChip days={record.slippageDays as number | null} overdue={record.overdue as boolean} />;
}

interface DateChange {
  id: number;
  oldDate: string | null;
  newDate: string | null;
  announcedById: number | null;
  announcedOn: string;
  recordedAt: string;
  sourceId: number | null;
  note: string | null;
}

const daysBetween = (a: string | null, b: string | null) =>
  a && b ? Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) : null;

/**
 * The announced-vs-delivered ledger of one milestone: every re-announced date (who announced it, when, where it was
 * reported), the first announced date and the slippage.
 */
export function MilestoneLedger({ id: idProp }: { id?: RaRecord['id'] }) {
  const translate = useTranslate();
  const record = useRecordContext();
  const fmt = useFormatters();
  const id = idProp ?? record?.id;
  const { data, isPending, error } = useGetOne('milestones', { id: id! }, { enabled: id != null });
  if (isPending) return <Typography variant="body2">{translate('rabta.common.loading')}</Typography>;
  if (error || !data) return <Alert severity="error">{(error as Error)?.message}</Alert>;
  const changes = ((data.dateChanges as DateChange[] | undefined) ?? [])
    .slice()
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  return (
    <Box sx={{ p: 1.5, bgcolor: 'grey.50', borderRadius: 1 }} data-testid={`ledger-${id}`}>
      <Stack direction="row" spacing={3} sx={{ mb: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="subtitle2">{translate('rabta.milestone.ledger')}</Typography>
        {data.originalPlannedDate && (
          <Typography variant="body2">
            {translate('rabta.milestone.original', { date: fmt.date(data.originalPlannedDate) })}
          </Typography>
        )}
        {data.actualDate && (
          <Typography variant="body2">
            {translate('rabta.milestone.delivered', { date: fmt.date(data.actualDate) })}
          </Typography>
        )}
        <SlippageChip days={data.slippageDays} overdue={data.overdue} />
        {data.reannouncements > 0 && (
          <Chip
            size="small"
            variant="outlined"
            label={translate('rabta.milestone.reannounced', { smart_count: data.reannouncements })}
          />
        )}
      </Stack>
      {changes.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('rabta.milestone.ledger_empty')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('rabta.milestone.ledger_announced_on')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate('rabta.milestone.ledger_old')}
                <DirArrow />
                {translate('rabta.milestone.ledger_new')}
              </TableCell>
              <TableCell>{translate('rabta.milestone.ledger_announced_by')}</TableCell>
              <TableCell>{translate('rabta.milestone.ledger_source')}</TableCell>
              <TableCell>{translate('rabta.milestone.ledger_note')}</TableCell>
              <TableCell>{translate('rabta.milestone.ledger_recorded')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changes.map((c) => {
              const delta = daysBetween(c.oldDate, c.newDate);
              return (
                <RecordContextProvider key={c.id} value={c as unknown as RaRecord}>
                  <TableRow data-testid="ledger-row">
                    <TableCell>
                      <DateText value={c.announcedOn} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <DateText value={c.oldDate} />
                      <DirArrow />
                      <DateText value={c.newDate} />
                      {delta != null && delta !== 0 && (
                        <Typography
                          component="span"
                          variant="caption"
                          color={delta > 0 ? 'error' : 'success.main'}
                          sx={{ mx: 0.5 }}
                        >
                          ({delta > 0 ? '+' : '−'}
                          {translate('rabta.common.days', { smart_count: Math.abs(delta) })})
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      {c.announcedById ? (
                        <ReferenceField source="announcedById" reference="people" link="show" />
                      ) : (
                        translate('rabta.common.none')
                      )}
                    </TableCell>
                    <TableCell>
                      {c.sourceId ? (
                        <ReferenceField source="sourceId" reference="sources" link="show" />
                      ) : (
                        translate('rabta.common.none')
                      )}
                    </TableCell>
                    <TableCell dir="auto">{c.note ?? ''}</TableCell>
                    <TableCell>
                      <DateText value={c.recordedAt} time />
                    </TableCell>
                  </TableRow>
                </RecordContextProvider>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
