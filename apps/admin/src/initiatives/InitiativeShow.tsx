import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Divider,
  Grid,
  Paper,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArchiveIcon from '@mui/icons-material/Archive';
import EditIcon from '@mui/icons-material/Edit';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import {
  Confirm,
  DataTable,
  Link,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  useCanAccess,
  useCreatePath,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  WithListContext,
  type RaRecord,
} from 'react-admin';
import { AuditTrail } from '../audit-events/AuditTrail';
import { BilingualPair, BilingualText } from '../common/Bilingual';
import { EnumField, EnumText, HealthChip, StageChip, Transition } from '../common/chips';
import { Detail } from '../common/Detail';
import { DateText, LanguageText, LocalDateField, MoneyField } from '../common/fields';
import { createWithSource } from '../common/RelatedCard';
import { useAsOf } from '../common/useAsOf';
import { useFormatters } from '../i18n/format';
import { MilestoneLedger, SlippageField } from '../milestones/MilestoneLedger';
import { StatusUpdateDialog } from './StatusUpdateDialog';
import { TimelineTab } from './TimelineTab';

function Header() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider();
  const { past } = useAsOf();
  const fmt = useFormatters();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'initiatives', record });
  const [statusOpen, setStatusOpen] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const archived = !!record.archivedAt;

  const archive = async () => {
    setBusy(true);
    try {
      if (archived) {
        await dataProvider.update('initiatives', {
          id: record.id,
          data: { archivedAt: null, version: record.version },
          previousData: record,
        });
        notify('rabta.actions.restored', { type: 'success' });
      } else {
        await dataProvider.delete('initiatives', { id: record.id, previousData: record });
        notify('rabta.actions.archived', { type: 'success', messageArgs: { smart_count: 1 } });
      }
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setArchiveOpen(false);
    }
  };

  return (
    <Paper sx={{ p: 2.5, mb: 2 }} data-testid="initiative-header">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography
            variant="overline"
            sx={{ fontFamily: 'monospace', letterSpacing: 1 }}
            data-testid="initiative-code"
          >
            {record.code}
          </Typography>
          <BilingualText source="title" variant="h5" component="h1" sx={{ display: 'block' }} />
          <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
            <StageChip stage={record.stage} size="medium" />
            <HealthChip health={record.health} size="medium" />
            {record.healthConfidence && (
              <Typography variant="caption" color="text.secondary">
                {translate('rabta.status.confidence')}: <EnumText name="confidence" value={record.healthConfidence} />
              </Typography>
            )}
            <Chip
              size="small"
              variant="outlined"
              label={translate('rabta.initiative.iati', { code: record.iatiStatus })}
            />
            {record.stale && (
              <Tooltip title={translate('rabta.initiative.stale_help')}>
                <Chip
                  size="small"
                  color="warning"
                  label={translate('rabta.initiative.stale')}
                  data-testid="stale-chip"
                />
              </Tooltip>
            )}
            {archived && <Chip size="small" label={translate('rabta.initiative.archived')} />}
            <Typography variant="caption" color="text.secondary">
              {translate('rabta.initiative.last_evidence')}:{' '}
              {record.lastEvidenceAt ? fmt.date(record.lastEvidenceAt) : translate('rabta.dashboard.no_evidence')}
            </Typography>
          </Stack>
        </Box>
        {canEdit && !past && (
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
            {!archived && (
              <Button
                variant="contained"
                startIcon={<TrendingUpIcon />}
                onClick={() => setStatusOpen(true)}
                data-testid="update-status"
              >
                {translate('rabta.actions.update_status')}
              </Button>
            )}
            <Button
              component={Link}
              to={createPath({ resource: 'initiatives', id: record.id, type: 'edit' })}
              startIcon={<EditIcon />}
              variant="outlined"
              data-testid="edit-initiative"
            >
              {translate('ra.action.edit')}
            </Button>
            <Button startIcon={archived ? <UnarchiveIcon /> : <ArchiveIcon />} onClick={() => setArchiveOpen(true)}>
              {translate(archived ? 'rabta.actions.restore' : 'rabta.actions.archive')}
            </Button>
          </Stack>
        )}
      </Stack>
      {statusOpen && <StatusUpdateDialog record={record} open={statusOpen} onClose={() => setStatusOpen(false)} />}
      <Confirm
        isOpen={archiveOpen}
        loading={busy}
        title={archived ? 'rabta.actions.restore' : 'rabta.actions.archive'}
        content="ra.message.are_you_sure"
        onConfirm={archive}
        onClose={() => setArchiveOpen(false)}
      />
    </Paper>
  );
}

function CountriesWithRoles() {
  const record = useRecordContext();
  const translate = useTranslate();
  const countries = (record?.countries as { code: string; role: string }[] | undefined) ?? [];
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      {countries.map((c) => (
        <Chip
          key={c.code}
          size="small"
          variant="outlined"
          label={
            <>
              <ReferenceField record={c as unknown as RaRecord} source="code" reference="countries" link={false} />
              {' · '}
              {translate(`enums.country_role.${c.role}`, { _: c.role })}
            </>
          }
        />
      ))}
    </Stack>
  );
}

function Overview() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={4}>
      <Grid size={{ xs: 12, md: 7 }}>
        <BilingualPair source="summary" label="resources.initiatives.fields.summary" multiline />
        <BilingualPair source="location" label="resources.initiatives.fields.location" />
        {record.tags?.length > 0 && (
          <Detail label="resources.initiatives.fields.tags">
            <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
              {record.tags.map((t: string) => (
                <Chip key={t} size="small" label={t} />
              ))}
            </Stack>
          </Detail>
        )}
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Detail label="resources.initiatives.fields.sectorIds">
          <ReferenceArrayField source="sectorIds" reference="sectors" />
        </Detail>
        <Detail label="rabta.initiative.participants">
          <CountriesWithRoles />
        </Detail>
        <Detail label="resources.initiatives.fields.leadOrganizationIds">
          <ReferenceArrayField source="leadOrganizationIds" reference="organizations" />
        </Detail>
        <Detail label="resources.initiatives.fields.focalPersonId">
          {record.focalPersonId ? (
            <ReferenceField source="focalPersonId" reference="people" link="show" />
          ) : (
            translate('rabta.common.none')
          )}
        </Detail>
        <Stack direction="row" spacing={4}>
          <Detail label="resources.initiatives.fields.priority">
            <EnumText name="priority" value={record.priority} />
          </Detail>
          <Detail label="resources.initiatives.fields.startDate">
            <DateText value={record.startDate} />
          </Detail>
          <Detail label="resources.initiatives.fields.targetDate">
            <DateText value={record.targetDate} />
          </Detail>
        </Stack>
        {record.estimatedValue != null && (
          <Detail label="resources.initiatives.fields.estimatedValue">
            <MoneyField source="estimatedValue" currencySource="currency" />
          </Detail>
        )}
        <Detail label="resources.initiatives.fields.updatedAt">
          <DateText value={record.updatedAt} time />
        </Detail>
      </Grid>
    </Grid>
  );
}

function MilestonesTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { past } = useAsOf();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'initiatives', record });
  if (!record) return null;
  return (
    <Box>
      {canEdit && !past && (
        <Button
          component={Link}
          to={createWithSource('milestones', { initiativeId: record.id })}
          startIcon={<AddIcon />}
          sx={{ mb: 1 }}
        >
          {translate('rabta.actions.add_milestone')}
        </Button>
      )}
      <ReferenceManyField
        reference="milestones"
        target="initiativeId"
        sort={{ field: 'plannedDate', order: 'ASC' }}
        perPage={200}
      >
        <DataTable
          bulkActionButtons={false}
          rowClick={false}
          expand={<MilestoneLedger />}
          empty={<Typography color="text.secondary">{translate('rabta.initiative.no_milestones')}</Typography>}
          data-testid="milestones-table"
        >
          <DataTable.Col source="titleEn" label="resources.milestones.fields.title">
            <BilingualText source="title" />
          </DataTable.Col>
          <DataTable.Col source="kind">
            <EnumField source="kind" name="milestone_kind" />
          </DataTable.Col>
          <DataTable.Col source="state">
            <EnumField source="state" name="milestone_state" />
          </DataTable.Col>
          <DataTable.Col source="originalPlannedDate" disableSort>
            <LocalDateField source="originalPlannedDate" />
          </DataTable.Col>
          <DataTable.Col source="plannedDate">
            <LocalDateField source="plannedDate" />
          </DataTable.Col>
          <DataTable.Col source="actualDate">
            <LocalDateField source="actualDate" />
          </DataTable.Col>
          <DataTable.Col source="slippageDays" field={SlippageField} disableSort />
          <DataTable.NumberCol source="reannouncements" disableSort />
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
}

function EvidenceTab() {
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="evidence"
      target="initiativeId"
      sort={{ field: 'recordedAt', order: 'DESC' }}
      perPage={200}
    >
      <WithListContext
        render={({ data, isPending }) => {
          if (isPending) return <Typography variant="body2">{translate('rabta.common.loading')}</Typography>;
          if (!data?.length)
            return <Typography color="text.secondary">{translate('rabta.initiative.no_evidence')}</Typography>;
          return (
            <Stack spacing={1.5} data-testid="evidence-list">
              {data.map((ev) => (
                <EvidenceCard key={ev.id} evidence={ev} />
              ))}
            </Stack>
          );
        }}
      />
    </ReferenceManyField>
  );
}

function EvidenceCard({ evidence }: { evidence: RaRecord }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="evidence-item">
      <CardContent sx={{ pb: '12px !important' }}>
        <ReferenceField record={evidence} source="sourceId" reference="sources" link={false}>
          <SourceSummary />
        </ReferenceField>
        <ReferenceField record={evidence} source="sourceId" reference="sources" link={false}>
          <Quote quote={evidence.quote} />
        </ReferenceField>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {translate('rabta.initiative.cited_for')}:{' '}
          {evidence.statusUpdateId ? (
            <Link to={`/status-updates/${evidence.statusUpdateId}/show`}>
              {translate('resources.evidence.fields.statusUpdateId')}
            </Link>
          ) : evidence.milestoneId ? (
            <ReferenceField record={evidence} source="milestoneId" reference="milestones" link="show" />
          ) : (
            translate('resources.evidence.fields.initiativeId')
          )}
          {' · '}
          <DateText value={evidence.recordedAt} time />
        </Typography>
      </CardContent>
    </Card>
  );
}

export function SourceSummary() {
  const source = useRecordContext();
  const translate = useTranslate();
  const fmt = useFormatters();
  if (!source) return null;
  return (
    <Box>
      <Link to={`/sources/${source.id}/show`} sx={{ fontWeight: 600 }}>
        <span dir="auto">{source.title}</span>
      </Link>
      <Typography variant="caption" color="text.secondary" component="div">
        {source.publisher} · {fmt.date(source.publishedAt)} ·{' '}
        {translate(`enums.language.${source.language}`, { _: source.language })} ·{' '}
        {translate(`enums.source_kind.${source.kind}`, { _: source.kind })}
        {source.url && (
          <>
            {' · '}
            <a href={source.url} target="_blank" rel="noreferrer noopener" dir="ltr">
              {new URL(source.url).hostname}
            </a>
          </>
        )}
      </Typography>
    </Box>
  );
}

function Quote({ quote }: { quote?: string | null }) {
  const source = useRecordContext();
  const translate = useTranslate();
  if (!quote)
    return (
      <Typography variant="body2" color="text.disabled" sx={{ mt: 1 }}>
        {translate('rabta.initiative.no_quote')}
      </Typography>
    );
  return (
    <Box
      component="blockquote"
      sx={{ m: 0, mt: 1, px: 2, py: 1, borderInlineStart: 4, borderColor: 'primary.light', bgcolor: 'grey.50' }}
      data-testid="evidence-quote"
    >
      <LanguageText text={quote} lang={source?.language} multiline />
    </Box>
  );
}

function StatusHistory() {
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="status-updates"
      target="initiativeId"
      sort={{ field: 'effectiveAt', order: 'DESC' }}
      perPage={200}
    >
      <DataTable
        bulkActionButtons={false}
        rowClick="show"
        data-testid="status-history"
        empty={<Typography color="text.secondary">{translate('rabta.history.empty')}</Typography>}
      >
        <DataTable.Col source="effectiveAt">
          <LocalDateField source="effectiveAt" />
        </DataTable.Col>
        <DataTable.Col
          source="toStage"
          label="resources.initiatives.fields.stage"
          disableSort
          render={(r) => <Transition from={r.fromStage} to={r.toStage} kind="stage" />}
        />
        <DataTable.Col
          source="toHealth"
          label="resources.initiatives.fields.health"
          disableSort
          render={(r) => <Transition from={r.fromHealth} to={r.toHealth} kind="health" />}
        />
        <DataTable.Col source="noteEn" label="resources.status-updates.fields.note" disableSort>
          <BilingualText source="note" />
        </DataTable.Col>
        <DataTable.Col source="authorName" disableSort />
        <DataTable.Col source="recordedAt">
          <LocalDateField source="recordedAt" time />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
}

function HistoryTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('rabta.initiative.status_history')}
      </Typography>
      <StatusHistory />
      <Divider sx={{ my: 3 }} />
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('rabta.initiative.audit_trail')}
      </Typography>
      <AuditTrail entity="initiatives" entityId={record.id} />
    </Box>
  );
}

function ArchivedNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.archivedAt) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('rabta.initiative.archived')}
    </Alert>
  );
}

/** The initiative page: header with chips and actions, then overview, milestones, timeline, evidence and history. */
export default function InitiativeShow() {
  return (
    <Show actions={false} component="div" emptyWhileLoading>
      <ArchivedNotice />
      <Header />
      <Card>
        <TabbedShowLayout>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.overview">
            <div>
              <Overview />
            </div>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.milestones" path="milestones">
            <div>
              <MilestonesTab />
            </div>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.timeline" path="timeline">
            <div>
              <TimelineTab />
            </div>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.evidence" path="evidence">
            <div>
              <EvidenceTab />
            </div>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.history" path="history">
            <div>
              <HistoryTab />
            </div>
          </TabbedShowLayout.Tab>
        </TabbedShowLayout>
      </Card>
    </Show>
  );
}
