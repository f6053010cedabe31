import { Fragment, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Edit,
  useCanAccess,
  useDataProvider,
  useEditContext,
  useNotify,
  useRedirect,
  useResourceContext,
  useTranslate,
  type EditProps,
  type HttpError,
  type RaRecord,
  type RedirectionSideEffect,
} from 'react-admin';
import { useFormatters } from '../i18n/format';
import { apiErrorOf } from '../providers/http';
import { applyMine, conflictRows, type Conflict } from './conflict';
import { useAsOf } from './useAsOf';

function display(v: unknown): string {
  if (v == null || v === '') return '—';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ') || '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** 409 VERSION_CONFLICT: who changed it and when, their values beside yours, reload or apply yours deliberately. */
export function ConflictDialog({
  conflict,
  onReload,
  onApplyMine,
  busy,
}: {
  conflict: Conflict | null;
  onReload: () => void;
  onApplyMine: () => void;
  busy?: boolean;
}) {
  const translate = useTranslate();
  const resource = useResourceContext();
  const fmt = useFormatters();
  if (!conflict) return null;
  const rows = conflictRows(conflict);
  return (
    <Dialog open maxWidth="md" fullWidth aria-labelledby="conflict-title" data-testid="conflict-dialog">
      <DialogTitle id="conflict-title">{translate('rabta.conflict.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {conflict.changedBy?.name
            ? translate('rabta.conflict.message', {
                name: conflict.changedBy.name,
                date: fmt.dateTime(conflict.changedAt ?? ''),
              })
            : translate('rabta.conflict.message_unknown')}
        </Alert>
        {rows.length === 0 ? (
          <Typography variant="body2">{translate('rabta.conflict.same')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('rabta.conflict.field')}</TableCell>
                <TableCell>{translate('rabta.conflict.theirs')}</TableCell>
                <TableCell>{translate('rabta.conflict.yours')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.field} data-field={r.field}>
                  <TableCell sx={{ fontWeight: r.edited ? 700 : 400 }}>
                    {translate(`resources.${resource}.fields.${r.field}`, { _: r.field })}
                  </TableCell>
                  <TableCell
                    dir="auto"
                    data-testid="conflict-theirs"
                    sx={{ bgcolor: r.changedByThem ? '#e8f4fd' : undefined }}
                  >
                    {display(r.theirs)}
                  </TableCell>
                  <TableCell dir="auto" data-testid="conflict-yours" sx={{ bgcolor: r.edited ? '#fff4e5' : undefined }}>
                    {display(r.yours)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onReload} disabled={busy} data-testid="conflict-reload">
          {translate('rabta.conflict.reload')}
        </Button>
        <Button onClick={onApplyMine} variant="contained" color="warning" disabled={busy} data-testid="conflict-apply">
          {translate('rabta.conflict.apply_mine')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The conflict a failed save reports (409 VERSION_CONFLICT with the record as it is now), else null. */
function conflictOf(error: unknown, yours: Record<string, unknown>, base: Record<string, unknown>): Conflict | null {
  const body = apiErrorOf(error);
  if (body?.code !== 'VERSION_CONFLICT' || !body.current) return null;
  return {
    yours,
    base,
    current: body.current as Record<string, unknown>,
    changedBy: body.changedBy as Conflict['changedBy'],
    changedAt: body.changedAt as string | undefined,
  };
}

function ConflictHandler({
  conflict,
  setConflict,
  remount,
  redirectTo,
}: {
  conflict: Conflict | null;
  setConflict: (c: Conflict | null) => void;
  remount: () => void;
  redirectTo: RedirectionSideEffect;
}) {
  const { refetch, record } = useEditContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [busy, setBusy] = useState(false);

  const reload = async () => {
    setBusy(true);
    await refetch?.();
    setConflict(null);
    remount();
    setBusy(false);
  };
  const applyYours = async () => {
    if (!conflict || !record) return;
    setBusy(true);
    try {
      const { data } = await dataProvider.update(resource, {
        id: record.id,
        data: applyMine(conflict),
        previousData: conflict.current as RaRecord,
      });
      notify('rabta.conflict.applied', { type: 'success' });
      setConflict(null);
      await refetch?.();
      remount();
      redirect(redirectTo, resource, data.id, data);
    } catch (e) {
      // Changed again meanwhile: the same dialog, against the newer record.
      const again = conflictOf(e, conflict.yours, conflict.base);
      if (again) setConflict(again);
      else notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <ConflictDialog conflict={conflict} onReload={reload} onApplyMine={applyYours} busy={busy} />;
}

/** Read-only while viewing the past: the edit page says so instead of offering a save that cannot apply. */
function PastNotice() {
  const translate = useTranslate();
  const { past } = useAsOf();
  if (!past) return null;
  return (
    <Alert severity="warning" sx={{ mb: 1 }}>
      {translate('rabta.common.read_only')}
    </Alert>
  );
}

/**
 * An analyst opening a record outside their sectors reads it but cannot change it: the form says so and takes no input
 * (and has no Save to refuse), instead of failing at Save.
 */
function InScope({ children }: { children: ReactNode }) {
  const translate = useTranslate();
  const resource = useResourceContext();
  const { record } = useEditContext();
  const { canAccess, isPending } = useCanAccess({ action: 'edit', resource, record, enabled: !!record });
  if (!record || isPending || canAccess) return <>{children}</>;
  return (
    <>
      <Alert severity="info" sx={{ mb: 1 }} data-testid="out-of-scope">
        {translate('rabta.scope.read_only')}
      </Alert>
      <fieldset disabled inert data-testid="read-only-form" style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        {children}
      </fieldset>
    </>
  );
}

/**
 * Edit with the house rules: pessimistic saves (server errors beside the fields), the version sent with every PUT
 * (react-admin sends the whole record), and the conflict dialog on 409.
 */
export function RabtaEdit({
  children,
  redirect = 'show',
  mutationOptions,
  ...props
}: EditProps & { children: ReactNode }) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formKey, setFormKey] = useState(0);
  const notify = useNotify();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect={redirect}
      {...props}
      mutationOptions={{
        ...mutationOptions,
        onError: (error: unknown, variables: unknown) => {
          const vars = variables as { data?: Record<string, unknown>; previousData?: Record<string, unknown> };
          const found = conflictOf(error, vars.data ?? {}, vars.previousData ?? {});
          if (found) {
            setConflict(found);
            return;
          }
          const fieldErrors = (error as HttpError)?.body?.errors;
          if (!fieldErrors || Object.keys(fieldErrors).length === 0) {
            notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
          }
        },
      }}
    >
      <PastNotice />
      <InScope>
        <Fragment key={formKey}>{children}</Fragment>
      </InScope>
      <ConflictHandler
        conflict={conflict}
        setConflict={setConflict}
        remount={() => setFormKey((k) => k + 1)}
        redirectTo={redirect}
      />
    </Edit>
  );
}
