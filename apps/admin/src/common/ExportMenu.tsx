import { useState } from 'react';
import { Button, Menu, MenuItem } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useListContext, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { exportUrl, iatiExportUrl, type ExportFormat } from '../providers/dataProvider';

/** Export every matching row through the server (not react-admin's client-side export and its 1,000-row cap). */
export function ExportMenu() {
  const translate = useTranslate();
  const notify = useNotify();
  const resource = useResourceContext();
  const { filterValues, sort, total } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!resource) return null;

  const download = (format: ExportFormat | 'iati') => {
    setAnchor(null);
    const link = document.createElement('a');
    link.href = format === 'iati' ? iatiExportUrl(filterValues, sort) : exportUrl(resource, format, filterValues, sort);
    link.download = '';
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
    notify('rabta.export.started', { type: 'info' });
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={total === 0}
        data-testid="export-button"
      >
        {translate('rabta.actions.export')}
      </Button>
      <Menu open={!!anchor} anchorEl={anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => download('csv')} data-testid="export-csv">
          {translate('rabta.actions.export_csv')}
        </MenuItem>
        <MenuItem onClick={() => download('xlsx')} data-testid="export-xlsx">
          {translate('rabta.actions.export_xlsx')}
        </MenuItem>
        {resource === 'initiatives' && (
          <MenuItem onClick={() => download('iati')} data-testid="export-iati">
            {translate('rabta.actions.export_iati')}
          </MenuItem>
        )}
      </Menu>
    </>
  );
}
