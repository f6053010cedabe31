import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  Link,
  ReferenceField,
  ReferenceManyField,
  useRecordContext,
  useTranslate,
  WithListContext,
  type RaRecord,
} from 'react-admin';
import { DateText, LanguageText } from '../../common/fields';
import { Runs } from '../../common/Runs';
import { useFormatters } from '../../i18n/format';

/** Every source cited for the initiative, newest first, with its quote and what it was cited for. */
export function EvidenceTab() {
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

function SourceSummary() {
  const source = useRecordContext();
  const translate = useTranslate();
  const fmt = useFormatters();
  if (!source) return null;
  return (
    <Box>
      <Link to={`/sources/${source.id}/show`} sx={{ fontWeight: 600 }}>
        <span dir="auto">{source.title}</span>
      </Link>
      <Typography variant="caption" color="text.secondary" component="div" data-testid="source-label">
        <Runs
          runs={[
            source.publisher,
            fmt.date(source.publishedAt),
            translate(`enums.language.${source.language}`, { _: source.language }),
            translate(`enums.source_kind.${source.kind}`, { _: source.kind }),
            source.url && (
              <a href={source.url} target="_blank" rel="noreferrer noopener" dir="ltr">
                {new URL(source.url).hostname}
              </a>
            ),
          ]}
        />
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
