import type { ReactNode } from 'react';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { DataTable, Link, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { useAsOf } from './useAsOf';

/** The create page of `resource` with `source` filled in (react-admin reads `?source=` as the form's defaults). */
export function createWithSource(resource: string, source: Record<string, unknown>): string {
  return `/${resource}/create?source=${encodeURIComponent(JSON.stringify(source))}`;
}

interface AddLink {
  /** The resource to create, e.g. 'decisions'. */
  resource: string;
  /** The fields the new record starts with, e.g. { engagementId: record.id }. */
  source: Record<string, unknown>;
  /** Translation key of the button. */
  label: string;
  /** Whether the user may add (the caller decides which permission counts); never shown while viewing the past. */
  allowed: boolean;
}

/**
 * A card under a show page listing the records that point at this one: a heading, an "add" link that
 * pre-fills the link back to this record, then the list itself.
 */
export function RelatedCard({ title, add, children }: { title: string; add: AddLink; children: ReactNode }) {
  const translate = useTranslate();
  const { past } = useAsOf();
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate(title)}
          </Typography>
          {add.allowed && !past && (
            <Button component={Link} to={createWithSource(add.resource, add.source)} startIcon={<AddIcon />}>
              {translate(add.label)}
            </Button>
          )}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

/**
 * A RelatedCard over the records of `reference` whose `target` field is this record's id, the add link pre-filling
 * it. `children` draws the list (RelatedTable for the usual table).
 */
export function RelatedRecords({
  title,
  reference,
  target,
  addLabel,
  allowed,
  sort,
  perPage = 100,
  children,
}: {
  title: string;
  reference: string;
  target: string;
  addLabel: string;
  allowed: boolean;
  sort: { field: string; order: 'ASC' | 'DESC' };
  perPage?: number;
  children: ReactNode;
}) {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedCard title={title} add={{ resource: reference, source: { [target]: record.id }, label: addLabel, allowed }}>
      <ReferenceManyField reference={reference} target={target} sort={sort} perPage={perPage}>
        {children}
      </ReferenceManyField>
    </RelatedCard>
  );
}

/** The related records as a table: a row opens its edit page; "nothing yet" when there are none. */
export function RelatedTable({ children }: { children: ReactNode }) {
  const translate = useTranslate();
  return (
    <DataTable
      rowClick="edit"
      bulkActionButtons={false}
      empty={<Typography color="text.secondary">{translate('rabta.dashboard.empty')}</Typography>}
    >
      {children}
    </DataTable>
  );
}
