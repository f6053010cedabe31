import {
  Alert,
  Avatar,
  Box,
  Link as MuiLink,
  List,
  ListItem,
  ListItemAvatar,
  ListItemText,
  Typography,
} from '@mui/material';
import ArticleIcon from '@mui/icons-material/Article';
import DescriptionIcon from '@mui/icons-material/Description';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import FlagIcon from '@mui/icons-material/Flag';
import GavelIcon from '@mui/icons-material/Gavel';
import GroupsIcon from '@mui/icons-material/Groups';
import NewReleasesIcon from '@mui/icons-material/NewReleases';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { pickText } from '../../common/bilingual';
import { FallbackBadge } from '../../common/Bilingual';
import { Transition } from '../../common/chips';
import { DateText } from '../../common/fields';
import { isolate } from '../../common/bidi';
import { useAsOf } from '../../common/useAsOf';
import { entryNamed } from '../../registry';
import { useAppLocale, useFormatters, type Formatters } from '../../i18n/format';
import type { RabtaDataProvider } from '../../providers/dataProvider';
import type { TimelineItem, TimelineType } from '../../providers/types';
import { urduTextSx } from '../../theme/theme';

const KINDS: Record<TimelineType, { icon: typeof FlagIcon; color: string }> = {
  status_update: { icon: TrendingUpIcon, color: '#0b5563' },
  development: { icon: NewReleasesIcon, color: '#00796b' },
  milestone: { icon: FlagIcon, color: '#2e7d32' },
  milestone_date_change: { icon: EventRepeatIcon, color: '#ef6c00' },
  engagement: { icon: GroupsIcon, color: '#3949ab' },
  decision: { icon: GavelIcon, color: '#6d4c41' },
  agreement: { icon: DescriptionIcon, color: '#1e88e5' },
  evidence: { icon: ArticleIcon, color: '#546e7a' },
};

/** Where a timeline item opens: its show page where its resource has one (registry.ts), else its edit page. */
export const linkTo = (resource: string, id: string | number) =>
  `/${resource}/${encodeURIComponent(String(id))}${hasShow(resource) ? '/show' : ''}`;

function hasShow(resource: string): boolean {
  const entry = entryNamed(resource);
  return entry?.kind === 'resource' && !!entry.pages.show;
}

type Translate = ReturnType<typeof useTranslate>;

/** An item's details worded in the current language from its facts (the server's English text is the fallback). */
export function localDetail(
  item: TimelineItem,
  translate: Translate,
  fmt: Formatters,
): { text: string; lang: 'en' | 'ur' } | undefined {
  const d = item.data;
  if (!d) return undefined;
  const ur = fmt.locale === 'ur';
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const inLocale = (en: unknown, urText: unknown) => (ur ? (str(urText) ?? str(en)) : (str(en) ?? str(urText)));
  const label = (group: string, v: unknown) =>
    str(v) ? translate(`enums.${group}.${v}`, { _: String(v) }) : undefined;
  const t = (key: string, args: Record<string, unknown>) => translate(`rabta.timeline_detail.${key}`, args);
  const parts: (string | undefined)[] = [];
  switch (item.type) {
    case 'milestone':
      parts.push(
        d.actualDate
          ? t('achieved', { date: fmt.date(str(d.actualDate)) })
          : t('planned', { date: fmt.date(str(d.plannedDate)), state: label('milestone_state', d.state) }),
      );
      break;
    case 'milestone_date_change': {
      parts.push(
        d.oldDate
          ? t('reannounced', { date: fmt.date(str(d.newDate)), old: fmt.date(str(d.oldDate)) })
          : t('announced', { date: fmt.date(str(d.newDate)) }),
      );
      const name = inLocale(d.announcedByEn, d.announcedByUr);
      if (name) parts.push(t('announced_by', { name }));
      parts.push(str(d.note));
      break;
    }
    case 'engagement':
      parts.push(
        label('engagement_format', d.format),
        inLocale(d.placeEn, d.placeUr),
        str(d.forumName),
        d.status !== 'held' ? label('engagement_status', d.status) : undefined,
        inLocale(d.outcomeEn, d.outcomeUr),
      );
      break;
    case 'decision':
      parts.push(
        d.dueDate
          ? t('due', { state: label('decision_state', d.state), date: fmt.date(str(d.dueDate)) })
          : label('decision_state', d.state),
      );
      break;
    case 'agreement': {
      const place = inLocale(d.signedPlaceEn, d.signedPlaceUr);
      parts.push(
        label('agreement_kind', d.kind),
        label('agreement_status', d.status),
        place ? t('signed_in', { place }) : undefined,
      );
      break;
    }
    case 'evidence':
      // The publisher and the quotes may be in the other script: each isolated (common/bidi.ts).
      parts.push(
        isolate(str(d.publisher)),
        label('language', d.language),
        ...(Array.isArray(d.quotes) ? d.quotes.map((q) => isolate(str(q))) : []),
      );
      break;
    default:
      return undefined;
  }
  const text = parts.filter(Boolean).join(' · ');
  return text ? { text, lang: fmt.locale } : undefined;
}

/** Everything that happened to an initiative, in order, one icon per kind, each linked to its record. */
export function TimelineTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useAppLocale();
  const fmt = useFormatters();
  const { asOf, knownAt } = useAsOf();
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['initiatives', 'timeline', String(record?.id), asOf, knownAt],
    queryFn: () => dataProvider.getTimeline(record!.id),
    enabled: !!record,
  });
  if (isPending) return <Typography variant="body2">{translate('rabta.common.loading')}</Typography>;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!data?.length) return <Typography color="text.secondary">{translate('rabta.initiative.no_timeline')}</Typography>;
  return (
    <List
      data-testid="timeline"
      sx={{
        position: 'relative',
        '&::before': {
          content: '""',
          position: 'absolute',
          insetInlineStart: 35,
          top: 8,
          bottom: 8,
          borderInlineStart: '2px solid',
          borderColor: 'divider',
        },
      }}
    >
      {data.map((item) => {
        const kind = KINDS[item.type] ?? KINDS.evidence;
        const Icon = kind.icon;
        // Status updates are worded here from their facts: the transition as the view holds the history (stage and
        // health chips), or none for a development; the note in the current language.
        const update = item.type === 'status_update' || item.type === 'development' ? item.data : undefined;
        const title = pickText(item as unknown as Record<string, unknown>, 'title', locale);
        const worded = update ? undefined : localDetail(item, translate, fmt);
        const detail = update
          ? pickText(update, 'note', locale)
          : worded
            ? { ...worded, fallback: false }
            : pickText(item as unknown as Record<string, unknown>, 'detail', locale);
        return (
          <ListItem
            key={`${item.type}-${item.id}`}
            alignItems="flex-start"
            data-testid="timeline-item"
            data-type={item.type}
          >
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
                  {item.type === 'development' ? (
                    <MuiLink
                      component={Link}
                      to={linkTo(item.link.resource, item.link.id)}
                      underline="hover"
                      variant="caption"
                      sx={{ color: kind.color, fontWeight: 600 }}
                    >
                      {translate('rabta.timeline.development')}
                    </MuiLink>
                  ) : (
                    <Typography variant="caption" sx={{ color: kind.color, fontWeight: 600 }}>
                      {translate(`rabta.timeline.${item.type}`, { _: item.type })}
                    </Typography>
                  )}
                  {item.type === 'development' ? null : update ? (
                    <MuiLink
                      component={Link}
                      to={linkTo(item.link.resource, item.link.id)}
                      underline="none"
                      sx={{ display: 'inline-flex', gap: 1 }}
                    >
                      <Transition from={update.fromStage as string} to={update.toStage as string} kind="stage" />
                      <Transition from={update.fromHealth as string} to={update.toHealth as string} kind="health" />
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
                    <Typography
                      component="span"
                      variant="body2"
                      color="text.secondary"
                      lang={detail.lang}
                      dir={detail.lang === 'ur' ? 'rtl' : 'ltr'}
                      sx={{ textAlign: 'start' }}
                    >
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
