import { useEffect, useMemo, useRef, useState } from 'react';
import { Autocomplete, Box, InputAdornment, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { SearchHit, SearchKind } from '@rabta/domain/schemas/search';
import { pickText } from '../common/bilingual';
import { Runs } from '../common/Runs';
import { useAppLocale, useFormatters } from '../i18n/format';
import type { RabtaDataProvider } from '../providers/dataProvider';
import { entryNamed } from '../registry';

interface Option extends SearchHit {
  kind: SearchKind;
}

/** Where a hit opens: its show page where its resource has one (registry.ts), else its edit page. */
function pathOf(o: Option): string {
  const entry = entryNamed(o.kind);
  const show = entry?.kind === 'resource' && !!entry.pages.show;
  return `/${o.kind}/${o.id}${show ? '/show' : ''}`;
}

/** The value typed, once the typing pauses. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The app bar's one search box: initiatives, people, organisations, engagements, agreements and sources, found by
 * any spelling the server folds (GET /api/search), grouped by kind; choosing one opens it. "/" focuses it.
 */
export function GlobalSearch() {
  const translate = useTranslate();
  const locale = useAppLocale();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim(), 250);
  const ref = useRef<HTMLInputElement>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['global-search', q],
    queryFn: () => dataProvider.search(q),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
  const options: Option[] = useMemo(
    () => (q.length >= 2 ? (data?.groups ?? []).flatMap((g) => g.hits.map((h) => ({ ...h, kind: g.kind }))) : []),
    [data, q],
  );
  const totals = useMemo(() => new Map((data?.groups ?? []).map((g) => [g.kind, g.total])), [data]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, [contenteditable="true"]');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Autocomplete<Option, false, false, false>
      size="small"
      options={options}
      filterOptions={(x) => x}
      groupBy={(o) => o.kind}
      getOptionLabel={(o) => pickText(o as unknown as Record<string, unknown>, 'title', locale)?.text ?? ''}
      isOptionEqualToValue={(a, b) => a.kind === b.kind && a.id === b.id}
      value={null}
      inputValue={input}
      onInputChange={(_e, value, reason) => {
        if (reason !== 'reset') setInput(value);
      }}
      onChange={(_e, option) => {
        if (!option) return;
        setInput('');
        navigate(pathOf(option));
      }}
      loading={isFetching}
      noOptionsText={translate(q.length >= 2 ? 'rabta.search.no_results' : 'rabta.search.hint')}
      loadingText={translate('rabta.common.loading')}
      renderGroup={(params) => (
        <li key={params.key}>
          <Typography
            variant="overline"
            component="div"
            sx={{ px: 2, pt: 1, color: 'text.secondary', display: 'flex', justifyContent: 'space-between' }}
          >
            <span>{translate(`resources.${params.group}.name`, { smart_count: 2 })}</span>
            <span>{translate('rabta.search.found', { smart_count: totals.get(params.group as SearchKind) ?? 0 })}</span>
          </Typography>
          <Box component="ul" sx={{ p: 0 }}>
            {params.children}
          </Box>
        </li>
      )}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        const title = pickText(o as unknown as Record<string, unknown>, 'title', locale);
        return (
          <Box component="li" key={key} {...rest} data-testid="search-hit" data-kind={o.kind}>
            <Box sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
              <Typography variant="body2" component="bdi" lang={title?.lang} dir="auto" noWrap>
                {title?.text}
              </Typography>
              {(o.detail || o.inScope === false) && (
                <Typography variant="caption" color="text.secondary" noWrap data-testid="search-hit-detail">
                  {/* "publisher · date" in runs of their own (a publisher in Urdu would pull the date's digits into
                      its run), dates in the user's language. */}
                  <Runs
                    runs={[
                      ...(o.detail ?? '')
                        .split(' · ')
                        .map((run) => (/^\d{4}-\d{2}-\d{2}$/.test(run) ? fmt.date(run) : run)),
                      o.inScope === false ? translate('rabta.search.out_of_scope') : null,
                    ]}
                  />
                </Typography>
              )}
            </Box>
          </Box>
        );
      }}
      sx={{ width: { xs: 180, md: 300 }, mx: 1 }}
      slotProps={{ paper: { sx: { minWidth: 360 } } }}
      renderInput={(params) => (
        <TextField
          {...params}
          variant="outlined"
          inputRef={ref}
          placeholder={translate('rabta.search.placeholder')}
          aria-label={translate('rabta.search.placeholder')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, dir: 'auto', 'data-testid': 'global-search' },
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          sx={{
            '& .MuiInputBase-root': { bgcolor: 'rgba(255,255,255,0.15)', color: 'inherit' },
            '& .MuiInputBase-input::placeholder': { color: 'inherit', opacity: 0.8 },
            '& .MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.35)' },
            '& .MuiSvgIcon-root': { color: 'inherit' },
          }}
        />
      )}
    />
  );
}
