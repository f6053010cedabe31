import type { ReactNode } from 'react';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { Link, useTranslate } from 'react-admin';
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
