import { useState } from 'react';
import { Box, Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import {
  Link,
  ReferenceField,
  Show,
  useCanAccess,
  useRecordContext,
  useTranslate,
  WithListContext,
  type RaRecord,
} from 'react-admin';
import { EnumText } from '../common/chips';
import { Detail } from '../common/Detail';
import { UserName } from '../common/UserName';
import { DateText, LanguageText } from '../common/fields';
import { RelatedRecords } from '../common/RelatedCard';
import { RabtaShowActions } from '../common/ShowActions';
import { CiteDialog } from '../evidence/CiteDialog';
import { SourceText } from './SourceText';

const TARGETS = [
  ['initiativeId', 'initiatives', 'show'],
  ['milestoneId', 'milestones', 'show'],
  ['engagementId', 'engagements', 'show'],
  ['agreementId', 'agreements', 'show'],
  ['decisionId', 'decisions', 'edit'],
  ['statusUpdateId', 'status-updates', 'show'],
] as const;

/** One piece of evidence drawn from this source: what it is cited for, then the quote in the source's language. */
function EvidenceItem({ evidence, language }: { evidence: RaRecord; language?: string | null }) {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="source-evidence">
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', mb: 1 }}>
        {TARGETS.filter(([key]) => evidence[key]).map(([key, reference, link]) => (
          <Typography key={key} variant="body2" component="span">
            {translate(`resources.evidence.fields.${key}`)}:{' '}
            <ReferenceField record={evidence} source={key} reference={reference} link={link} />
          </Typography>
        ))}
        <Button component={Link} to={`/evidence/${evidence.id}`} size="small">
          {translate('ra.action.edit')}
        </Button>
      </Stack>
      {evidence.quote ? (
        <Box
          component="blockquote"
          sx={{ m: 0, px: 2, py: 1, borderInlineStart: 4, borderColor: 'primary.light', bgcolor: 'grey.50' }}
        >
          <LanguageText text={evidence.quote} lang={language} multiline />
        </Box>
      ) : (
        <Typography variant="body2" color="text.disabled">
          {translate('rabta.initiative.no_quote')}
        </Typography>
      )}
    </Box>
  );
}

function Evidence() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: 'evidence' });
  if (!record) return null;
  return (
    <RelatedRecords
      title="resources.sources.fields.evidence"
      reference="evidence"
      target="sourceId"
      addLabel="rabta.actions.add_evidence"
      allowed={!!canCreate}
      perPage={200}
      sort={{ field: 'recordedAt', order: 'DESC' }}
    >
      <WithListContext
        render={({ data }) =>
          !data?.length ? (
            <Typography color="text.secondary">{translate('rabta.initiative.no_evidence')}</Typography>
          ) : (
            <Stack spacing={1.5}>
              {data.map((ev) => (
                <EvidenceItem key={ev.id} evidence={ev} language={record.language} />
              ))}
            </Stack>
          )
        }
      />
    </RelatedRecords>
  );
}

function Body() {
  const record = useRecordContext();
  const { canAccess: canCite } = useCanAccess({ action: 'create', resource: 'evidence' });
  const [citing, setCiting] = useState<string | null>(null);
  if (!record) return null;
  const rtl = record.language === 'ur';
  return (
    <CardContent>
      <Typography
        variant="h5"
        component="h1"
        dir={rtl ? 'rtl' : 'auto'}
        lang={record.language !== 'other' ? record.language : undefined}
        sx={{ mb: 2, textAlign: 'start' }}
      >
        {record.title}
      </Typography>
      <Grid container spacing={3}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Detail label="resources.sources.fields.publisher">
            <bdi data-testid="source-publisher">{record.publisher}</bdi>
          </Detail>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Detail label="resources.sources.fields.publishedAt">
            <DateText value={record.publishedAt} />
          </Detail>
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <Detail label="resources.sources.fields.kind">
            <EnumText name="source_kind" value={record.kind} />
          </Detail>
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <Detail label="resources.sources.fields.language">
            <EnumText name="language" value={record.language} />
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 2 }}>
          <Detail label="resources.sources.fields.createdById">
            <UserName id={record.createdById as number | null} />
          </Detail>
        </Grid>
      </Grid>
      {record.url && (
        <Detail label="resources.sources.fields.url">
          <a href={record.url} target="_blank" rel="noreferrer noopener" dir="ltr">
            {record.url}
          </a>
        </Detail>
      )}
      {record.text && (
        <Detail label="resources.sources.fields.text">
          <SourceText
            text={record.text}
            language={record.language}
            onCite={canCite ? (quote) => setCiting(quote) : undefined}
          />
        </Detail>
      )}
      {citing !== null && (
        <CiteDialog sourceId={Number(record.id)} quote={citing} open onClose={() => setCiting(null)} />
      )}
    </CardContent>
  );
}

export default function SourceShow() {
  return (
    <Show actions={<RabtaShowActions />} component="div">
      <Card>
        <Body />
      </Card>
      <Evidence />
    </Show>
  );
}
