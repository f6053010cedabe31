import { useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Card,
  CardActionArea,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  List,
  ListItemButton,
  ListItemText,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
  useTheme,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { pickText } from '../common/bilingual';
import { HEALTH_COLORS, HealthChip, STAGE_COLORS, StageChip } from '../common/chips';
import { DirArrow } from '../common/fields';
import { useAsOf } from '../common/useAsOf';
import { useAppLocale, useFormatters } from '../i18n/format';
import type { RabtaDataProvider } from '../providers/dataProvider';
import type { Dashboard as DashboardData } from '../providers/types';
import { urduTextSx } from '../theme/theme';

const listUrl = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter), page: '1' })}`;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));

function Kpi({
  label,
  value,
  to,
  tone,
  testId,
}: {
  label: string;
  value: number;
  to: string;
  tone?: string;
  testId: string;
}) {
  const navigate = useNavigate();
  const translate = useTranslate();
  const fmt = useFormatters();
  return (
    <Card sx={{ height: '100%', borderTop: 4, borderColor: tone ?? 'primary.main' }}>
      <CardActionArea onClick={() => navigate(to)} sx={{ height: '100%' }} data-testid={testId}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography
            variant="h4"
            component="div"
            sx={{ fontWeight: 600, fontFamily: 'inherit', lineHeight: 1.4 }}
            data-value={value}
          >
            {fmt.number(value)}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

function Panel({
  title,
  action,
  children,
  testId,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }} data-testid={testId}>
      <CardHeader
        title={translate(title)}
        action={action}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Empty() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('rabta.dashboard.empty')}
    </Typography>
  );
}

function Titled({ item }: { item: { titleEn: string; titleUr: string | null } }) {
  const locale = useAppLocale();
  const picked = pickText(item as unknown as Record<string, unknown>, 'title', locale);
  if (!picked) return null;
  return (
    <span
      lang={picked.lang}
      dir={picked.lang === 'ur' ? 'rtl' : 'ltr'}
      style={picked.lang === 'ur' && locale !== 'ur' ? urduTextSx : undefined}
    >
      {picked.text}
    </span>
  );
}

/** A recent development that moved neither stage nor health: what it was, and its note or the record's title. */
function RecentKind({ change }: { change: DashboardData['recentChanges'][number] }) {
  const translate = useTranslate();
  const locale = useAppLocale();
  const text = pickText(change as unknown as Record<string, unknown>, 'note', locale);
  const label = change.kind === 'status_update' ? 'rabta.timeline.development' : `rabta.dashboard.${change.kind}`;
  return (
    <>
      <Chip size="small" variant="outlined" label={translate(label)} data-testid="recent-kind" />
      {text && (
        <Typography
          variant="caption"
          component="bdi"
          lang={text.lang}
          dir="auto"
          sx={{
            maxWidth: 360,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            ...(text.lang === 'ur' && locale !== 'ur' ? urduTextSx : {}),
          }}
        >
          {text.text}
        </Typography>
      )}
    </>
  );
}

function StageBySector({ data }: { data: DashboardData }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const locale = useAppLocale();
  const theme = useTheme();
  const rtl = theme.direction === 'rtl';
  const { data: sectors = [] } = useGetList('sectors', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'nameEn', order: 'ASC' },
  });
  const stages = useMemo(
    () => Object.keys(STAGE_COLORS).filter((s) => data.stageBySector.some((r) => r.stage === s)),
    [data],
  );
  const rows = useMemo(() => {
    const bySector = new Map<number, Record<string, number | string>>();
    for (const r of data.stageBySector) {
      const row = bySector.get(r.sectorId) ?? { sectorId: r.sectorId };
      row[r.stage] = ((row[r.stage] as number) ?? 0) + r.count;
      bySector.set(r.sectorId, row);
    }
    return [...bySector.values()].map((row) => {
      const sector = sectors.find((s) => s.id === row.sectorId);
      return { ...row, name: sector ? (pickText(sector, 'name', locale)?.text ?? sector.code) : `#${row.sectorId}` };
    });
  }, [data, sectors, locale]);
  if (!rows.length) return <Empty />;
  const font = { fontFamily: theme.typography.fontFamily, fontSize: 12 };
  return (
    <Box dir="ltr" sx={{ height: Math.max(220, rows.length * 44 + 80) }} data-testid="chart-stage-sector">
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} reversed={rtl} tick={font} />
          <YAxis type="category" dataKey="name" width={130} orientation={rtl ? 'right' : 'left'} tick={font} />
          <Tooltip formatter={(v, key) => [v as number, translate(`enums.stage.${String(key)}`)]} contentStyle={font} />
          <Legend formatter={(key) => translate(`enums.stage.${String(key)}`)} wrapperStyle={font} />
          {stages.map((s) => (
            <Bar
              key={s}
              dataKey={s}
              stackId="stage"
              isAnimationActive={false}
              fill={STAGE_COLORS[s]}
              cursor="pointer"
              onClick={(row) =>
                navigate(
                  listUrl('initiatives', { stage: s, sectorId: (row as unknown as { sectorId: number }).sectorId }),
                )
              }
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

function HealthDistribution({ data }: { data: DashboardData }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const theme = useTheme();
  const rows = Object.entries(data.byHealth)
    .filter(([, n]) => n > 0)
    .map(([health, value]) => ({ health, value, name: translate(`enums.health.${health}`) }));
  if (!rows.length) return <Empty />;
  const font = { fontFamily: theme.typography.fontFamily, fontSize: 12 };
  return (
    <Box dir="ltr" sx={{ height: 260 }} data-testid="chart-health">
      <ResponsiveContainer>
        <PieChart>
          <Pie
            data={rows}
            dataKey="value"
            nameKey="name"
            innerRadius={55}
            outerRadius={90}
            paddingAngle={2}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(entry) =>
              navigate(listUrl('initiatives', { health: (entry as unknown as { health: string }).health }))
            }
            label={({ value }) => String(value)}
          >
            {rows.map((r) => (
              <Cell key={r.health} fill={HEALTH_COLORS[r.health]} />
            ))}
          </Pie>
          <Tooltip contentStyle={font} />
          <Legend wrapperStyle={font} />
        </PieChart>
      </ResponsiveContainer>
    </Box>
  );
}

/** The portfolio at a glance (as of the app bar's date); every figure opens the matching filtered list. */
export default function Dashboard() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const fmt = useFormatters();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const { asOf, knownAt } = useAsOf();
  const [window_, setWindow] = useState<30 | 60 | 90>(30);
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard', asOf, knownAt],
    queryFn: () => dataProvider.getDashboard(),
  });

  if (isPending) return <Title title="rabta.dashboard.title" />;
  if (error || !data) return <Alert severity="error">{(error as Error)?.message}</Alert>;
  const day = data.asOf ?? isoDay(new Date());
  const upcoming = data.upcomingMilestones.items.filter((m) => m.daysToGo <= window_);

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="dashboard">
      <Title title="rabta.dashboard.title" />
      <Grid container spacing={2}>
        {(
          [
            ['initiatives', data.totals.initiatives, listUrl('initiatives', {}), undefined, 'kpi-initiatives'],
            ['active', data.totals.active, listUrl('initiatives', { archived: false }), '#0b5563', 'kpi-active'],
            [
              'at_risk',
              data.totals.atRisk,
              listUrl('initiatives', { health: 'at_risk' }),
              HEALTH_COLORS.at_risk,
              'kpi-at-risk',
            ],
            [
              'off_track',
              data.totals.offTrack,
              listUrl('initiatives', { health: 'off_track' }),
              HEALTH_COLORS.off_track,
              'kpi-off-track',
            ],
            ['stale', data.totals.stale, listUrl('initiatives', { stale: true }), '#8d6e63', 'kpi-stale'],
            [
              'overdue_milestones',
              data.totals.overdueMilestones,
              listUrl('milestones', { overdue: true }),
              '#c62828',
              'kpi-overdue',
            ],
          ] as const
        ).map(([key, value, to, tone, testId]) => (
          <Grid key={key} size={{ xs: 6, sm: 4, lg: 2 }}>
            <Kpi label={`rabta.dashboard.kpi.${key}`} value={value} to={to} tone={tone} testId={testId} />
          </Grid>
        ))}

        <Grid size={{ xs: 12, lg: 8 }}>
          <Panel title="rabta.dashboard.stage_by_sector">
            <StageBySector data={data} />
            <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
              {Object.entries(data.byStage)
                .filter(([, n]) => n > 0)
                .map(([stage, n]) => (
                  <Box
                    key={stage}
                    onClick={() => navigate(listUrl('initiatives', { stage }))}
                    sx={{ cursor: 'pointer' }}
                    data-testid={`stage-count-${stage}`}
                  >
                    <StageChip stage={stage} />
                    <Typography component="span" variant="body2" sx={{ mx: 0.5 }}>
                      {fmt.number(n)}
                    </Typography>
                  </Box>
                ))}
            </Stack>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Panel title="rabta.dashboard.health">
            <HealthDistribution data={data} />
          </Panel>
        </Grid>

        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="rabta.dashboard.overdue" testId="panel-overdue">
            {data.overdueMilestones.length === 0 ? (
              <Empty />
            ) : (
              <List dense disablePadding>
                {data.overdueMilestones.map((m) => (
                  <ListItemButton key={m.id} onClick={() => navigate(`/milestones/${m.id}/show`)}>
                    <ListItemText
                      primary={<Titled item={m} />}
                      secondary={`${fmt.date(m.plannedDate)} · ${translate('rabta.dashboard.days_overdue', { smart_count: m.daysOverdue })}`}
                      slotProps={{ secondary: { color: 'error' } }}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel
            title="rabta.dashboard.upcoming"
            testId="panel-upcoming"
            action={
              <ToggleButtonGroup size="small" exclusive value={window_} onChange={(_e, v) => v && setWindow(v)}>
                {([30, 60, 90] as const).map((d) => (
                  <ToggleButton key={d} value={d} title={translate('rabta.dashboard.upcoming_window', { days: d })}>
                    {fmt.number(d)} · {fmt.number(data.upcomingMilestones[`d${d}`])}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            }
          >
            {upcoming.length === 0 ? (
              <Empty />
            ) : (
              <List dense disablePadding>
                {upcoming.map((m) => (
                  <ListItemButton key={m.id} onClick={() => navigate(`/milestones/${m.id}/show`)}>
                    <ListItemText
                      primary={<Titled item={m} />}
                      secondary={`${fmt.date(m.plannedDate)} · ${translate('rabta.dashboard.days_to_go', { smart_count: m.daysToGo })}`}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
            <Box sx={{ mt: 1 }}>
              <Typography
                variant="body2"
                component="a"
                sx={{ cursor: 'pointer', color: 'primary.main' }}
                onClick={() =>
                  navigate(listUrl('milestones', { plannedDate_gte: day, plannedDate_lte: addDays(day, window_) }))
                }
              >
                {translate('rabta.actions.view_all')}
              </Typography>
            </Box>
          </Panel>
        </Grid>

        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="rabta.dashboard.stale" testId="panel-stale">
            {data.staleInitiatives.length === 0 ? (
              <Empty />
            ) : (
              <List dense disablePadding>
                {data.staleInitiatives.map((i) => (
                  <ListItemButton key={i.id} onClick={() => navigate(`/initiatives/${i.id}/show`)}>
                    <ListItemText
                      primary={
                        <>
                          <Box component="span" sx={{ fontFamily: 'monospace', mx: 0.5 }}>
                            {i.code}
                          </Box>
                          <Titled item={i} />
                        </>
                      }
                      secondary={`${translate('rabta.initiative.last_evidence')}: ${i.lastEvidenceAt ? fmt.date(i.lastEvidenceAt) : translate('rabta.dashboard.no_evidence')}`}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="rabta.dashboard.recent" testId="panel-recent">
            {data.recentChanges.length === 0 ? (
              <Empty />
            ) : (
              <List dense disablePadding>
                {data.recentChanges.map((c) => (
                  <ListItemButton
                    key={`${c.kind}-${c.id}-${c.initiativeId}`}
                    onClick={() =>
                      navigate(
                        c.kind === 'agreement_signed'
                          ? `/agreements/${c.id}/show`
                          : c.kind === 'milestone_achieved'
                            ? `/milestones/${c.id}/show`
                            : `/initiatives/${c.initiativeId}/show/history`,
                      )
                    }
                    data-testid="recent-change"
                    data-kind={c.kind}
                  >
                    <ListItemText
                      disableTypography
                      primary={
                        <Typography variant="body2" component="div">
                          <Box component="span" sx={{ fontFamily: 'monospace', mx: 0.5 }}>
                            {c.code}
                          </Box>
                          <Titled item={c} />
                        </Typography>
                      }
                      secondary={
                        <Stack
                          direction="row"
                          spacing={0.5}
                          sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5, rowGap: 0.5 }}
                        >
                          {c.toStage && (
                            <>
                              {c.fromStage && <StageChip stage={c.fromStage} outlined />}
                              {c.fromStage && <DirArrow />}
                              <StageChip stage={c.toStage} />
                            </>
                          )}
                          {c.toHealth && (
                            <>
                              {c.fromHealth && <HealthChip health={c.fromHealth} outlined />}
                              {c.fromHealth && <DirArrow />}
                              <HealthChip health={c.toHealth} />
                            </>
                          )}
                          {!c.toStage && !c.toHealth && <RecentKind change={c} />}
                          <Typography variant="caption" color="text.secondary">
                            {fmt.date(c.effectiveAt)}
                            {c.authorName ? ` · ${translate('rabta.dashboard.by', { name: c.authorName })}` : ''}
                          </Typography>
                        </Stack>
                      }
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </Panel>
        </Grid>
      </Grid>
    </Box>
  );
}
