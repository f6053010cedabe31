import { Box, Button, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { DataTable, Link, ReferenceManyField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { BilingualText } from '../../common/Bilingual';
import { EnumField } from '../../common/chips';
import { LocalDateField } from '../../common/fields';
import { createWithSource } from '../../common/RelatedCard';
import { useAsOf } from '../../common/useAsOf';
import { MilestoneLedger, SlippageField } from '../../milestones/MilestoneLedger';

/** The initiative's milestones by planned date, each expanding to its ledger of announced dates. */
export function MilestonesTab() {
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
