import { Alert, Avatar, Box, Link as MuiLink, List, ListItem, ListItemAvatar, ListItemText, Typography } from '@mui/material';
import ArticleIcon from '@mui/icons-material/Article';
import DescriptionIcon from '@mui/icons-material/Description';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import FlagIcon from '@mui/icons-material/Flag';
import GavelIcon from '@mui/icons-material/Gavel';
import GroupsIcon from '@mui/icons-material/Groups';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetList, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { pickText } from '../common/bilingual';
import { FallbackBadge } from '../common/Bilingual';
import { Transition } from '../common/chips';
import { DateText } from '../common/fields';
import { useAsOf } from '../common/useAsOf';
import { useAppLocale } from '../i18n/format';
import type { RabtaDataProvider } from '../providers/dataProvider';
import type { TimelineType } from '../providers/types';
import { urduTextSx } from '../theme/theme';

const KINDS: Record<TimelineType, { icon: typeof FlagIcon; color: string }> = {
  status_update: { icon: TrendingUpIcon, color: '#0b5563' },
  milestone: { icon: FlagIcon, color: '#2e7d32' },
  milestone_date_change: { icon: EventRepeatIcon, color: '#ef6c00' },
  engagement: { icon: GroupsIcon, color: '#3949ab' },
  decision: { icon: GavelIcon, color: '#6d4c41' },
  agreement: { icon: DescriptionIcon, color: '#1e88e5' },
  evidence: { icon: ArticleIcon, color: '#546e7a' },
};

/** Where a timeline item opens: its show page where one exists, else its edit page. */
const WITH_SHOW = new Set(['initiatives', 'milestones', 'engagements', 'agreements', 'people', 'organizations', 'sources', 'status-updates']);
export const linkTo = (resource: string, id: string | number) => `/${resource}/${encodeURIComponent(String(id))}${WITH_SHOW.has(resource) ? '/show' : ''}`;

/** Everything that happened to an initiative, in order, one icon per kind, each linked to its record. */
export function TimelineTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useAppLocale();
  const { asOf, knownAt } = useAsOf();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['initiatives', 'timeline', String(record?.id), asOf, knownAt],
    queryFn: () => dataProvider.getTimeline(record!.id),
    enabled: !!record,
  });
  // Status updates are labelled here, in the current language, from their own record (stage and health chips).
  const { data: updates } = useGetList('status-updates', {
    filter: { initiativeId: record?.id },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'effectiveAt', order: 'ASC' },
  }, { enabled: !!record });
  const updateById = new Map<string, RaRecord>((updates ?? []).map((u) => [String(u.id), u]));
  if (isPending) return <Typography variant="body2">{translate('rabta.common.loading')}</Typography>;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!data?.length) return <Typography color="text.secondary">{translate('rabta.initiative.no_timeline')}</Typography>;
  return (
    <List data-testid="timeline" sx={{ position: 'relative', '&::before': { content: '""', position: 'absolute', insetInlineStart: 35, top: 8, bottom: 8, borderInlineStart: '2px solid', borderColor: 'divider' } }}>
      {data.map((item) => {
        const kind = KINDS[item.type] ?? KINDS.evidence;
        const Icon = kind.icon;
        const update = item.type === 'status_update' ? updateById.get(String(item.link.id)) : undefined;
        const title = pickText(item as unknown as Record<string, unknown>, 'title', locale);
        const detail = update ? pickText(update, 'note', locale) : pickText(item as unknown as Record<string, unknown>, 'detail', locale);
        return (
          <ListItem key={`${item.type}-${item.id}`} alignItems="flex-start" data-testid="timeline-item" data-type={item.type}>
            <ListItemAvatar>
              <Avatar sx={{ bgcolor: kind.color, width: 36, height: 36 }} aria-hidden>
                <Icon fontSize="small" />
              </Avatar>
            </ListItemAvatar>
            <ListItemText
              disableTypography
              primary={
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                  <Typography variant="caption" color="text.secondary" sx={{ minWidth: 90 }}>
                    <DateText value={item.date} />
                  </Typography>
                  <Typography variant="caption" sx={{ color: kind.color, fontWeight: 600 }}>
                    {translate(`rabta.timeline.${item.type}`, { _: item.type })}
                  </Typography>
                  {update ? (
                    <MuiLink component={Link} to={linkTo(item.link.resource, item.link.id)} underline="none" sx={{ display: 'inline-flex', gap: 1 }}>
                      <Transition from={update.fromStage} to={update.toStage} kind="stage" />
                      <Transition from={update.fromHealth} to={update.toHealth} kind="health" />
                    </MuiLink>
                  ) : (
                    <MuiLink
                      component={Link}
                      to={linkTo(item.link.resource, item.link.id)}
                      underline="hover"
                      lang={title?.lang}
                      dir={title?.lang === 'ur' ? 'rtl' : 'ltr'}
                      sx={{ fontWeight: 500, ...(title?.lang === 'ur' && locale !== 'ur' ? urduTextSx : {}) }}
                    >
                      {title?.text ?? `#${item.id}`}
                    </MuiLink>
                  )}
                  {!update && title?.fallback && <FallbackBadge lang={title.lang} />}
                </Box>
              }
              secondary={
                detail ? (
                  <Box sx={{ mt: 0.5 }}>
                    <Typography component="span" variant="body2" color="text.secondary" lang={detail.lang} dir={detail.lang === 'ur' ? 'rtl' : 'ltr'} sx={{ textAlign: 'start' }}>
                      {detail.text}
                    </Typography>
                    {detail.fallback && <FallbackBadge lang={detail.lang} />}
                  </Box>
                ) : null
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
