import type { ReactElement, ReactNode } from 'react';
import {
  CreateButton,
  FilterButton,
  List,
  TopToolbar,
  useCanAccess,
  useResourceContext,
  type ListProps,
} from 'react-admin';
import { ExportMenu } from './ExportMenu';
import { SavedViews } from './SavedViews';

export function RabtaListActions({
  create = true,
  filters = true,
  extra,
}: {
  create?: boolean;
  filters?: boolean;
  extra?: ReactNode;
}) {
  const resource = useResourceContext();
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: resource! });
  return (
    <TopToolbar>
      <SavedViews />
      {filters && <FilterButton />}
      {extra}
      {create && canCreate && <CreateButton />}
      <ExportMenu />
    </TopToolbar>
  );
}

/** Every list: 25 rows, saved views, filters, the server export; create only for those who may. */
export function RabtaList({
  children,
  filters,
  create = true,
  extraActions,
  ...props
}: ListProps & { children: ReactNode; filters?: ReactElement[]; create?: boolean; extraActions?: ReactNode }) {
  return (
    <List
      perPage={25}
      filters={filters}
      actions={<RabtaListActions create={create} filters={!!filters?.length} extra={extraActions} />}
      {...props}
    >
      {children}
    </List>
  );
}
