import { useMemo, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRefresh,
  useTranslate,
  type DataProvider,
  type RaRecord,
} from 'react-admin';
import { QUOTE_MAX_CHARS } from '@rabta/domain/values';
import { textOf } from '../common/bilingual';
import { joinIsolated } from '../common/bidi';
import { CountedTextField } from '../common/CountedTextField';
import { errorText } from '../common/errors';
import type { AppLocale } from '../i18n';
import { useAppLocale, useFormatters, type Formatters } from '../i18n/format';
import { apiErrorOf } from '../providers/apiError';
import type { RabtaDataProvider } from '../providers/dataProvider';

/** The records a passage can be cited for, with the evidence field each is named by. */
export const CITE_KINDS = [
  { kind: 'initiatives', field: 'initiativeId' },
  { kind: 'milestones', field: 'milestoneId' },
  { kind: 'engagements', field: 'engagementId' },
  { kind: 'agreements', field: 'agreementId' },
  { kind: 'decisions', field: 'decisionId' },
  { kind: 'status-updates', field: 'statusUpdateId' },
] as const;
export type CiteKind = (typeof CITE_KINDS)[number]['kind'];

export interface CiteTarget {
  kind: CiteKind;
  id: number;
  label: string;
}

const fieldOf = (kind: CiteKind) => CITE_KINDS.find((k) => k.kind === kind)!.field;
const page = (perPage: number) => ({ page: 1, perPage });

/** Records of one kind matching what was typed, labelled in the screen's language. */
async function findTargets(
  dp: DataProvider,
  kind: CiteKind,
  q: string,
  locale: AppLocale,
  fmt: Formatters,
  scope: number[] | undefined,
): Promise<CiteTarget[]> {
  const title = (r: RaRecord) => textOf(r, 'title', locale) || `#${r.id}`;
  const withQ = q ? { q } : {};
  const initiatives = () =>
    dp.getList('initiatives', {
      filter: { ...withQ, ...(scope?.length ? { sectorId: scope } : {}) },
      pagination: page(10),
      sort: { field: 'code', order: 'ASC' },
    });
  switch (kind) {
    case 'initiatives':
      return (await initiatives()).data.map((r) => ({
        kind,
        id: Number(r.id),
        label: joinIsolated([r.code, title(r)]),
      }));
    case 'milestones':
      return (
        await dp.getList('milestones', {
          filter: { ...withQ, ...(scope?.length ? { sectorId: scope } : {}) },
          pagination: page(10),
          sort: { field: 'plannedDate', order: 'DESC' },
        })
      ).data.map((r) => ({
        kind,
        id: Number(r.id),
        label: joinIsolated([title(r), fmt.date(r.plannedDate)]),
      }));
    case 'engagements':
      return (
        await dp.getList('engagements', {
          filter: withQ,
          pagination: page(10),
          sort: { field: 'startDate', order: 'DESC' },
        })
      ).data.map((r) => ({ kind, id: Number(r.id), label: joinIsolated([title(r), fmt.date(r.startDate)]) }));
    case 'agreements':
      return (
        await dp.getList('agreements', {
          filter: withQ,
          pagination: page(10),
          sort: { field: 'signedDate', order: 'DESC' },
        })
      ).data.map((r) => ({
        kind,
        id: Number(r.id),
        label: joinIsolated([title(r), fmt.date(r.signedDate)]),
      }));
    case 'decisions': {
      // Decisions are few and have no search text of their own: their words are matched here.
      const rows = (
        await dp.getList('decisions', { filter: {}, pagination: page(200), sort: { field: 'id', order: 'DESC' } })
      ).data;
      const needle = q.trim().toLowerCase();
      return rows
        .map((r) => ({ kind, id: Number(r.id), label: textOf(r, 'text', locale) || `#${r.id}` }))
        .filter((o) => !needle || o.label.toLowerCase().includes(needle))
        .slice(0, 10);
    }
    case 'status-updates': {
      const found = (await initiatives()).data.slice(0, 5);
      if (!found.length) return [];
      const code = new Map(found.map((i) => [Number(i.id), i.code as string]));
      const updates = await dp.getList('status-updates', {
        filter: { initiativeId: [...code.keys()] },
        pagination: page(15),
        sort: { field: 'effectiveAt', order: 'DESC' },
      });
      return updates.data.map((u) => ({
        kind,
        id: Number(u.id),
        label: joinIsolated([code.get(Number(u.initiativeId)), fmt.date(u.effectiveAt), textOf(u, 'note', locale)]),
      }));
    }
  }
}

/** A kind, then a record of it found by what is typed; each one chosen is added to the targets. */
function TargetPicker({ onAdd, taken }: { onAdd: (t: CiteTarget) => void; taken: CiteTarget[] }) {
  const translate = useTranslate();
  const locale = useAppLocale();
  const fmt = useFormatters();
  const dataProvider = useDataProvider();
  const { identity } = useGetIdentity();
  const [kind, setKind] = useState<CiteKind>('initiatives');
  const [input, setInput] = useState('');
  // Records outside an analyst's sectors are not offered (the server refuses them anyway).
  const scope = identity?.role === 'analyst' ? (identity.sectorIds as number[] | undefined) : undefined;
  const { data, isFetching } = useQuery({
    queryKey: ['cite-targets', kind, input, locale, scope],
    queryFn: () => findTargets(dataProvider, kind, input.trim(), locale, fmt, scope),
    staleTime: 10_000,
  });
  const options = useMemo(
    () => (data ?? []).filter((o) => !taken.some((t) => t.kind === o.kind && t.id === o.id)),
    [data, taken],
  );
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
      <TextField
        select
        size="small"
        label={translate('rabta.cite.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as CiteKind)}
        sx={{ minWidth: 180 }}
        slotProps={{ htmlInput: { 'data-testid': 'cite-kind' } }}
      >
        {CITE_KINDS.map((k) => (
          <MenuItem key={k.kind} value={k.kind} data-value={k.kind}>
            {translate(`resources.${k.kind}.name`, { smart_count: 1 })}
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete<CiteTarget, false, false, false>
        size="small"
        sx={{ flex: 1 }}
        options={options}
        filterOptions={(x) => x}
        getOptionLabel={(o) => o.label}
        isOptionEqualToValue={(a, b) => a.kind === b.kind && a.id === b.id}
        value={null}
        inputValue={input}
        onInputChange={(_e, value, reason) => {
          if (reason !== 'reset') setInput(value);
        }}
        onChange={(_e, option) => {
          if (option) onAdd(option);
          setInput('');
        }}
        loading={isFetching}
        noOptionsText={translate('rabta.search.no_results')}
        loadingText={translate('rabta.common.loading')}
        renderOption={(props, o) => {
          const { key, ...rest } = props as typeof props & { key: string };
          return (
            <li key={key} {...rest} data-testid="cite-option">
              <bdi dir="auto">{o.label}</bdi>
            </li>
          );
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('rabta.cite.find')}
            slotProps={{
              ...params.slotProps,
              htmlInput: { ...params.slotProps.htmlInput, dir: 'auto', 'data-testid': 'cite-search' },
            }}
          />
        )}
      />
    </Stack>
  );
}

/**
 * Cite one passage of a source for several records at once (POST /api/sources/:id/citations): the passage (editable),
 * then the records, each of any kind; one evidence row each, in one transaction. A record the server refuses is
 * marked with the reason.
 */
export function CiteDialog({
  sourceId,
  quote: initialQuote,
  open,
  onClose,
  initialTargets = [],
}: {
  sourceId: number;
  quote: string;
  open: boolean;
  onClose: () => void;
  initialTargets?: CiteTarget[];
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const [quote, setQuote] = useState(initialQuote);
  const [targets, setTargets] = useState<CiteTarget[]>(initialTargets);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ form?: string; byTarget: Record<number, string> }>({ byTarget: {} });

  const submit = async () => {
    setBusy(true);
    setProblems({ byTarget: {} });
    try {
      const done = await dataProvider.cite(sourceId, {
        quote: quote.trim() || null,
        targets: targets.map((t) => ({ [fieldOf(t.kind)]: t.id })),
      });
      notify('rabta.cite.saved', { type: 'success', messageArgs: { smart_count: done.evidenceIds.length } });
      refresh();
      onClose();
    } catch (e) {
      const body = apiErrorOf(e);
      const byTarget: Record<number, string> = {};
      for (const [path, message] of Object.entries(body?.errors ?? {})) {
        const m = path.match(/^targets\.(\d+)/);
        if (m) byTarget[Number(m[1])] = message;
      }
      setProblems({ form: (e as Error).message, byTarget });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="md" fullWidth data-testid="cite-dialog">
      <DialogTitle>{translate('rabta.cite.title')}</DialogTitle>
      <DialogContent dividers>
        {problems.form && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {errorText(translate, problems.form)}
          </Alert>
        )}
        <CountedTextField
          label={translate('rabta.cite.quote')}
          value={quote}
          onValue={setQuote}
          maxChars={QUOTE_MAX_CHARS}
          rows={3}
          fullWidth
          slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'cite-quote' } }}
          sx={{ mb: 2 }}
        />
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {translate('rabta.cite.targets')}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mb: 2 }} data-testid="cite-targets">
          {targets.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {translate('rabta.cite.no_targets')}
            </Typography>
          )}
          {targets.map((t, i) => (
            <Box key={`${t.kind}-${t.id}`}>
              <Chip
                label={
                  <bdi dir="auto">
                    {translate(`resources.${t.kind}.name`, { smart_count: 1 })}: {t.label}
                  </bdi>
                }
                color={problems.byTarget[i] ? 'error' : 'default'}
                onDelete={() => setTargets((list) => list.filter((x) => x !== t))}
                data-testid="cite-target"
                sx={{ maxWidth: 420 }}
              />
              {problems.byTarget[i] && (
                <Typography variant="caption" color="error" component="div">
                  {errorText(translate, problems.byTarget[i])}
                </Typography>
              )}
            </Box>
          ))}
        </Stack>
        <TargetPicker taken={targets} onAdd={(t) => setTargets((list) => [...list, t])} />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || targets.length === 0 || quote.length > QUOTE_MAX_CHARS}
          data-testid="cite-submit"
        >
          {busy ? (
            <CircularProgress size={20} color="inherit" />
          ) : (
            translate('rabta.cite.submit', { smart_count: targets.length })
          )}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
