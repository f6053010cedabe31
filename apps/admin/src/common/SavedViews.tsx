import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  IconButton,
  ListItemText,
  ListSubheader,
  Menu,
  MenuItem,
  TextField,
  Tooltip,
} from '@mui/material';
import BookmarkIcon from '@mui/icons-material/BookmarksOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import LinkIcon from '@mui/icons-material/Link';
import ShareIcon from '@mui/icons-material/PeopleOutlined';
import {
  useCreate,
  useDataProvider,
  useDelete,
  useGetIdentity,
  useGetList,
  useListContext,
  useNotify,
  useResourceContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
import { copyToClipboard } from './clipboard';

interface SavedView extends RaRecord {
  resource: string;
  name: string;
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' } | null;
  ownerId: number;
  shared: boolean;
}

/** The link to a view: the list's own URL with its filter and sort, plus `view=<id>` so it opens by name. */
export function viewLink(resource: string, view: SavedView): string {
  const params = new URLSearchParams({ filter: JSON.stringify(view.filter ?? {}), view: String(view.id) });
  if (view.sort) {
    params.set('sort', view.sort.field);
    params.set('order', view.sort.order);
  }
  return `${window.location.origin}${window.location.pathname}#/${resource}?${params}`;
}

/**
 * Saved views kept on the server (`/api/saved-views`): apply one, save the current filters and sort, share it, copy
 * its link. Opening a link with `?view=<id>` applies that view.
 */
export function SavedViews() {
  const translate = useTranslate();
  const notify = useNotify();
  const resource = useResourceContext()!;
  const { filterValues, sort, setFilters, setSort } = useListContext();
  const { identity } = useGetIdentity();
  const location = useLocation();
  const dataProvider = useDataProvider();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const { data: views = [], refetch } = useGetList<SavedView>('saved-views', {
    filter: { resource },
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const [create, { isPending: saving }] = useCreate<SavedView>();
  const [remove] = useDelete<SavedView>();

  const apply = (view: SavedView) => {
    setFilters(view.filter ?? {}, {});
    if (view.sort) setSort(view.sort);
  };

  // A shared link: ?view=<id> in the list's URL.
  const appliedFromUrl = useRef<string | null>(null);
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('view');
    if (!id || appliedFromUrl.current === id) return;
    appliedFromUrl.current = id;
    dataProvider
      .getOne<SavedView>('saved-views', { id })
      .then(({ data }) => {
        if (data.resource === resource) apply(data);
      })
      .catch(() => notify('rabta.views.not_found', { type: 'warning' }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.search, resource]);

  const mine = views.filter((v) => v.ownerId === identity?.id);
  const others = views.filter((v) => v.ownerId !== identity?.id);

  const save = () =>
    create(
      'saved-views',
      {
        data: {
          resource,
          name: name.trim(),
          filter: filterValues,
          sort: sort?.field ? { field: sort.field, order: sort.order } : null,
          shared,
        },
      },
      {
        onSuccess: () => {
          notify('rabta.views.saved', { type: 'success' });
          setDialog(false);
          setName('');
          setShared(false);
          void refetch();
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
      },
    );

  const item = (v: SavedView, canDelete: boolean) => (
    <MenuItem
      key={v.id}
      onClick={() => {
        setAnchor(null);
        apply(v);
      }}
      data-testid={`saved-view-${v.id}`}
    >
      <ListItemText>{v.name}</ListItemText>
      {v.shared && <ShareIcon fontSize="small" sx={{ mx: 1, color: 'text.secondary' }} />}
      <Tooltip title={translate('rabta.views.copy_link')}>
        <IconButton
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            void copyToClipboard(viewLink(resource, v)).then(() =>
              notify('rabta.actions.link_copied', { type: 'info' }),
            );
          }}
        >
          <LinkIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {canDelete && (
        <Tooltip title={translate('rabta.views.delete')}>
          <IconButton
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              remove(
                'saved-views',
                { id: v.id, previousData: v },
                {
                  onSuccess: () => {
                    notify('rabta.views.deleted');
                    void refetch();
                  },
                },
              );
            }}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </MenuItem>
  );

  return (
    <>
      <Button
        size="small"
        startIcon={<BookmarkIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid="saved-views-button"
      >
        {translate('rabta.views.button')}
      </Button>
      <Menu
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { minWidth: 280 } } }}
      >
        {mine.length > 0 && <ListSubheader>{translate('rabta.views.mine')}</ListSubheader>}
        {mine.map((v) => item(v, true))}
        {others.length > 0 && <ListSubheader>{translate('rabta.views.shared_views')}</ListSubheader>}
        {others.map((v) => item(v, identity?.role === 'admin'))}
        {views.length === 0 && (
          <MenuItem disabled>
            <ListItemText>{translate('rabta.views.none')}</ListItemText>
          </MenuItem>
        )}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setDialog(true);
          }}
          data-testid="save-view"
        >
          {translate('rabta.views.save')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void copyToClipboard(window.location.href).then(() =>
              notify('rabta.actions.link_copied', { type: 'info' }),
            );
          }}
        >
          {translate('rabta.actions.copy_link')}
        </MenuItem>
      </Menu>
      <Dialog open={dialog} onClose={() => setDialog(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('rabta.views.save_title')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            label={translate('rabta.views.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            fullWidth
            margin="dense"
            slotProps={{ htmlInput: { 'data-testid': 'saved-view-name', maxLength: 120 } }}
          />
          <FormControlLabel
            control={<Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)} />}
            label={translate('rabta.views.shared')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!name.trim() || saving} onClick={save} data-testid="saved-view-submit">
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
