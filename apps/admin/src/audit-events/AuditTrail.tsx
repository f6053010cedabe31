import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetList, useTranslate, type HttpError, type RaRecord } from 'react-admin';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { DateText, DirArrow } from '../common/fields';
import { UserName } from '../common/UserName';
import { diffOf, valueText } from './diff';

/** Enum-valued fields are shown with their labels. */
const ENUM_FIELDS: Record<string, string> = {
  stage: 'stage',
  health: 'health',
  priority: 'priority',
  state: 'milestone_state',
  kind: 'milestone_kind',
  format: 'engagement_format',
  role: 'role',
  locale: 'locale',
  healthConfidence: 'confidence',
  language: 'language',
};

export function ChangeList({
  entity,
  action,
  before,
  after,
}: {
  entity: string;
  action?: string;
  before: unknown;
  after: unknown;
}) {
  const translate = useTranslate();
  const changes = diffOf(before, after);
  if (before == null && after != null && (!action || action === 'create'))
    return <Typography variant="body2">{translate('rabta.history.created')}</Typography>;
  if (changes.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('rabta.history.no_changes')}
      </Typography>
    );
  const show = (field: string, v: unknown) =>
    ENUM_FIELDS[field] && typeof v === 'string'
      ? translate(`enums.${ENUM_FIELDS[field]}.${v}`, { _: v, __optional: true })
      : valueText(v);
  return (
    <Stack spacing={0.25}>
      {changes.map((c) => (
        <Box key={c.field} sx={{ fontSize: '0.85rem' }} data-testid="history-change" data-field={c.field}>
          <Box component="span" sx={{ fontWeight: 600 }}>
            {translate(`resources.${entity}.fields.${c.field}`, { _: c.field, __optional: true })}
          </Box>
          {': '}
          <Box component="span" dir="auto" sx={{ color: 'text.secondary', textDecoration: 'line-through' }}>
            {show(c.field, c.before)}
          </Box>
          <DirArrow />
          <Box component="span" dir="auto">
            {show(c.field, c.after)}
          </Box>
        </Box>
      ))}
    </Stack>
  );
}

/** `login.success` → enums.audit_action.login_success (the action itself when the catalogue has no label). */
export function actionLabel(translate: ReturnType<typeof useTranslate>, action: string): string {
  return translate(`enums.audit_action.${action.replace(/[^a-z0-9]+/gi, '_')}`, { _: action, __optional: true });
}

/**
 * The audit trail of one record: who changed what, when, old → new. An initiative's history — with its milestones'
 * and status updates' — is open to every reader (`initiativeId` reads a milestone's there); other records' audit
 * events are the admin's.
 */
export function AuditTrail({
  entity,
  entityId,
  initiativeId,
}: {
  entity: string;
  entityId: RaRecord['id'];
  initiativeId?: RaRecord['id'];
}) {
  if (entity === 'initiatives') return <InitiativeTrail initiativeId={entityId} />;
  if (initiativeId != null && (entity === 'milestones' || entity === 'status-updates'))
    return <InitiativeTrail initiativeId={initiativeId} only={{ entity, entityId }} />;
  return <RecordTrail entity={entity} entityId={entityId} />;
}

function InitiativeTrail({
  initiativeId,
  only,
}: {
  initiativeId: RaRecord['id'];
  only?: { entity: string; entityId: RaRecord['id'] };
}) {
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['initiative-history', initiativeId],
    queryFn: () => dataProvider.getHistory(initiativeId),
  });
  const rows = only
    ? data?.filter((e) => e.entity === only.entity && String(e.entityId) === String(only.entityId))
    : data;
  return <TrailTable data={rows} isPending={isPending} error={error} />;
}

function RecordTrail({ entity, entityId }: { entity: string; entityId: RaRecord['id'] }) {
  const { data, isPending, error } = useGetList('audit-events', {
    filter: { entity, entityId: String(entityId) },
    sort: { field: 'at', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  return <TrailTable data={data} isPending={isPending} error={error} />;
}

function TrailTable({ data, isPending, error }: { data?: RaRecord[]; isPending: boolean; error: unknown }) {
  const translate = useTranslate();
  if (isPending) return <Typography variant="body2">{translate('rabta.common.loading')}</Typography>;
  if (error) {
    return (error as HttpError).status === 403 ? (
      <Alert severity="info">{translate('rabta.initiative.audit_admin_only')}</Alert>
    ) : (
      <Alert severity="error">{(error as Error).message}</Alert>
    );
  }
  if (!data?.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('rabta.history.empty')}
      </Typography>
    );
  return (
    <Table size="small" data-testid="audit-trail">
      <TableHead>
        <TableRow>
          <TableCell>{translate('rabta.history.at')}</TableCell>
          <TableCell>{translate('rabta.history.actor')}</TableCell>
          <TableCell>{translate('rabta.history.action')}</TableCell>
          <TableCell>{translate('rabta.history.changes')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((e) => (
          <TableRow key={e.id} sx={{ verticalAlign: 'top' }}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <DateText value={e.at} time />
            </TableCell>
            <TableCell>
              {e.actorName ? (
                <bdi dir="auto">{e.actorName}</bdi>
              ) : (
                <UserName id={e.actorId} fallback={translate('rabta.history.system')} />
              )}
            </TableCell>
            <TableCell>{actionLabel(translate, e.action)}</TableCell>
            <TableCell>
              <ChangeList entity={e.entity} action={e.action} before={e.before} after={e.after} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
