import { useMemo, useState } from 'react';
import { useParams, Link as RouterLink } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import EditIcon from '@mui/icons-material/Edit';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useQueryClient } from '@tanstack/react-query';
import {
  Loading,
  Title,
  useCanAccess,
  useGetMany,
  useGetOne,
  useNotify,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { INTAKE_ACCEPT_ALL_CONFIDENCE, type Intake, type Proposal } from '@rabta/domain/schemas/intake';
import { useAppLocale, useFormatters } from '../i18n/format';
import { acceptProposal, linkMention, rejectProposal } from './api';
import { ArticleText, isRtl, MentionLegend } from './ArticleText';
import { EditProposalDialog } from './EditProposalDialog';
import { LinkMentionDialog, type Span } from './LinkMentionDialog';
import { proposalSentence, referencedIds, type SentenceContext } from './sentences';
import { isolate } from '../common/bidi';
import { Runs } from '../common/Runs';

// The review of one article: the text with what Rabta recognised, and beside it the proposals as sentences, each
// accepted (as is or edited), or rejected. Hovering a proposal outlines the passage it rests on.

/** Dependencies first: the people an engagement names, then the records evidence attaches to. */
const ACCEPT_ORDER: Proposal['kind'][] = [
  'new_person',
  'engagement',
  'agreement',
  'milestone_date',
  'status_change',
  'evidence',
];

const RESULT_ROUTES: Record<string, string> = {
  engagements: 'engagements',
  agreements: 'agreements',
  milestones: 'milestones',
  people: 'people',
  'status-updates': 'status-updates',
};

/** The records the proposals name, loaded once per resource (and the people of the engagements they name). */
function useReferences(proposals: readonly Proposal[]): SentenceContext['record'] {
  const wanted = useMemo(() => referencedIds(proposals), [proposals]);
  const initiatives = useGetMany('initiatives', { ids: wanted.initiatives });
  const milestones = useGetMany('milestones', { ids: wanted.milestones });
  const engagements = useGetMany('engagements', { ids: wanted.engagements });
  const agreements = useGetMany('agreements', { ids: wanted.agreements });
  const organizations = useGetMany('organizations', { ids: wanted.organizations });
  const peopleIds = useMemo(
    () => [
      ...new Set([
        ...wanted.people,
        ...(engagements.data ?? []).flatMap((e) => (e.participantIds as number[] | undefined) ?? []),
      ]),
    ],
    [wanted.people, engagements.data],
  );
  const people = useGetMany('people', { ids: peopleIds });
  return useMemo(() => {
    const maps: Record<string, Map<unknown, RaRecord>> = {};
    const put = (resource: string, rows: RaRecord[] | undefined) =>
      (maps[resource] = new Map((rows ?? []).map((r) => [r.id, r])));
    put('initiatives', initiatives.data);
    put('milestones', milestones.data);
    put('engagements', engagements.data);
    put('agreements', agreements.data);
    put('organizations', organizations.data);
    put('people', people.data);
    return (resource: string, id: unknown) => maps[resource]?.get(id);
  }, [initiatives.data, milestones.data, engagements.data, agreements.data, organizations.data, people.data]);
}

function ProposalItem({
  proposal,
  sentence,
  canDecide,
  busy,
  onHover,
  onAccept,
  onEdit,
  onReject,
}: {
  proposal: Proposal;
  sentence: string;
  canDecide: boolean;
  busy: boolean;
  onHover: (p: Proposal | null) => void;
  onAccept: () => void;
  onEdit: () => void;
  onReject: () => void;
}) {
  const translate = useTranslate();
  const pending = proposal.status === 'pending';
  const initiativeId =
    (proposal.data.initiativeId as number | undefined) ?? (proposal.data.initiativeIds as number[] | undefined)?.[0];
  const route = proposal.result ? RESULT_ROUTES[proposal.result.resource] : undefined;
  return (
    <Paper
      variant="outlined"
      onMouseEnter={() => onHover(proposal)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(proposal)}
      data-testid="proposal"
      data-kind={proposal.kind}
      data-status={proposal.status}
      data-proposal-id={proposal.id}
      sx={{ p: 1.5, opacity: proposal.status === 'rejected' ? 0.55 : 1 }}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" label={translate(`enums.proposal_kind.${proposal.kind}`)} />
        <Typography variant="caption" color="text.secondary">
          {translate('rabta.intake.confidence', { value: Math.round(proposal.confidence * 100) })}
        </Typography>
        {!pending && (
          <Chip
            size="small"
            variant="outlined"
            color={proposal.status === 'accepted' ? 'success' : 'default'}
            label={translate(`enums.proposal_status.${proposal.status}`)}
          />
        )}
      </Stack>
      <Typography variant="body2" data-testid="proposal-sentence" sx={{ unicodeBidi: 'plaintext' }}>
        {sentence}
      </Typography>
      {pending && canDecide && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button
            size="small"
            variant="contained"
            startIcon={<CheckIcon />}
            disabled={busy}
            onClick={onAccept}
            data-testid="proposal-accept"
          >
            {translate('rabta.intake.accept')}
          </Button>
          <Button size="small" startIcon={<EditIcon />} disabled={busy} onClick={onEdit} data-testid="proposal-edit">
            {translate('rabta.intake.edit_accept')}
          </Button>
          <Button
            size="small"
            color="inherit"
            startIcon={<CloseIcon />}
            disabled={busy}
            onClick={onReject}
            data-testid="proposal-reject"
          >
            {translate('rabta.intake.reject')}
          </Button>
        </Stack>
      )}
      {proposal.result && (
        <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
          {route && (
            <Link component={RouterLink} to={`/${route}/${proposal.result.id}/show`} data-testid="proposal-result">
              {translate('rabta.intake.open_record')}
            </Link>
          )}
          {initiativeId && (
            <Link component={RouterLink} to={`/initiatives/${initiativeId}/show/timeline`}>
              {translate('rabta.intake.open_timeline')}
            </Link>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function Review({ intake, refresh }: { intake: Intake; refresh: () => Promise<unknown> }) {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useAppLocale();
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const { canAccess: canDecide } = useCanAccess({ action: 'create', resource: 'intake' });
  const record = useReferences(intake.proposals);
  const [hovered, setHovered] = useState<Proposal | null>(null);
  const [editing, setEditing] = useState<Proposal | null>(null);
  const [linking, setLinking] = useState<Span | null>(null);
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const ctx: SentenceContext = { locale, translate, record };
  const source = intake.source;

  const afterWrite = async () => {
    // What was written shows everywhere (lists, the initiative's timeline) without a reload.
    await queryClient.invalidateQueries();
    await refresh();
  };
  const accept = async (p: Proposal, data?: Record<string, unknown>) => {
    const written = await acceptProposal(intake.id, p.id, data);
    notify('rabta.intake.accepted_done', {
      type: 'success',
      messageArgs: { what: `${translate(`resources.${written.resource}.name`, { smart_count: 1 })} #${written.id}` },
    });
    await afterWrite();
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const acceptAll = () =>
    run(async () => {
      const todo = intake.proposals
        .filter((p) => p.status === 'pending' && p.confidence >= INTAKE_ACCEPT_ALL_CONFIDENCE)
        .sort((a, b) => ACCEPT_ORDER.indexOf(a.kind) - ACCEPT_ORDER.indexOf(b.kind));
      if (!todo.length) {
        notify('rabta.intake.accept_all_none', { type: 'info' });
        return;
      }
      let done = 0;
      const failures: string[] = [];
      for (const p of todo) {
        try {
          await acceptProposal(intake.id, p.id);
          done++;
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
      await afterWrite();
      if (failures.length)
        notify('rabta.intake.accept_all_failed', {
          type: 'warning',
          messageArgs: { count: failures.length, message: failures[0] },
        });
      else notify('rabta.intake.accept_all_done', { type: 'success', messageArgs: { smart_count: done } });
    });

  const pendingAbove = intake.proposals.filter(
    (p) => p.status === 'pending' && p.confidence >= INTAKE_ACCEPT_ALL_CONFIDENCE,
  ).length;

  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' } }}>
      <Title title={`${translate('rabta.intake.title')}: ${source.title}`} />
      <Card>
        <CardHeader
          title={
            <Typography variant="h6" component="h2" dir={isRtl(intake.language) ? 'rtl' : 'ltr'}>
              {source.title}
            </Typography>
          }
          subheader={
            <Runs
              runs={[
                source.publisher,
                fmt.date(source.publishedAt),
                translate(`enums.intake_language.${intake.language}`),
                translate(`enums.intake_input.${intake.input}`),
              ]}
            />
          }
          action={
            <Button component={RouterLink} to={`/sources/${source.id}/show`} size="small">
              {translate('rabta.intake.open_source')}
            </Button>
          }
        />
        <CardContent sx={{ display: 'grid', gap: 1.5 }}>
          {intake.duplicateOfSourceId && (
            <Alert severity="info" data-testid="intake-duplicate">
              {translate('rabta.intake.duplicate')}
            </Alert>
          )}
          {intake.related.map((r) => (
            <Alert severity="info" key={r.sourceId} data-testid="intake-related">
              <Link component={RouterLink} to={`/sources/${r.sourceId}/show`}>
                {translate('rabta.intake.related', {
                  publisher: isolate(r.publisher),
                  similarity: Math.round(r.similarity * 100),
                })}
              </Link>
            </Alert>
          ))}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
            <MentionLegend />
            {selected && (
              <Button
                size="small"
                variant="outlined"
                onClick={() => {
                  const text = (source.text ?? '').slice(selected.start, selected.end);
                  setLinking({ ...selected, text });
                  setSelected(null);
                }}
                data-testid="link-selection"
              >
                {translate('rabta.intake.link')}
              </Button>
            )}
          </Stack>
          <ArticleText
            text={source.text ?? ''}
            language={intake.language}
            mentions={intake.mentions}
            quote={hovered ? hovered.quote : null}
            onMention={
              canDecide
                ? (i) => {
                    const m = intake.mentions[i];
                    setLinking({ start: m.start, end: m.end, text: m.text, type: m.type });
                  }
                : undefined
            }
            onSelect={canDecide ? setSelected : undefined}
          />
        </CardContent>
      </Card>
      <Card sx={{ alignSelf: 'start', position: { lg: 'sticky' }, top: { lg: 72 } }}>
        <CardHeader
          title={translate('rabta.intake.proposals')}
          action={
            canDecide && (
              <Button
                startIcon={<DoneAllIcon />}
                disabled={busy || pendingAbove === 0}
                onClick={() => void acceptAll()}
                data-testid="proposals-accept-all"
              >
                {translate('rabta.intake.accept_all', { threshold: INTAKE_ACCEPT_ALL_CONFIDENCE })}
              </Button>
            )
          }
        />
        <CardContent>
          <Stack spacing={1.5} data-testid="proposals">
            {intake.proposals.length === 0 && (
              <Typography color="text.secondary">{translate('rabta.intake.no_proposals')}</Typography>
            )}
            {intake.proposals.map((p) => (
              <ProposalItem
                key={p.id}
                proposal={p}
                sentence={proposalSentence(p, ctx).replace(/\s+/g, ' ')}
                canDecide={canDecide ?? false}
                busy={busy}
                onHover={setHovered}
                onAccept={() => void run(() => accept(p))}
                onEdit={() => setEditing(p)}
                onReject={() =>
                  void run(async () => {
                    await rejectProposal(intake.id, p.id);
                    notify('rabta.intake.rejected_done', { type: 'info' });
                    await refresh();
                  })
                }
              />
            ))}
          </Stack>
        </CardContent>
      </Card>
      <EditProposalDialog
        proposal={editing}
        onClose={() => setEditing(null)}
        onAccept={async (p, data) => {
          await accept(p, data);
          setEditing(null);
        }}
      />
      <LinkMentionDialog
        key={linking ? `${linking.start}-${linking.end}` : 'none'}
        span={linking}
        onClose={() => setLinking(null)}
        onLink={async (body) => {
          await linkMention(intake.id, body);
          setLinking(null);
          notify('rabta.intake.link_done', { type: 'success' });
          await afterWrite();
        }}
      />
    </Box>
  );
}

export default function IntakeShow() {
  const { id } = useParams();
  const { data, isPending, error, refetch } = useGetOne<Intake & RaRecord>('intake', { id: Number(id) });
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{(error as Error | null)?.message ?? 'Not found'}</Alert>;
  return <Review intake={data} refresh={refetch} />;
}
