import { EditButton, TopToolbar, useCanAccess, useRecordContext, useResourceContext } from 'react-admin';
import { useAsOf } from './useAsOf';

/** Edit only for those who may, never while viewing the past. */
export function RabtaShowActions({ children }: { children?: React.ReactNode }) {
  const record = useRecordContext();
  const resource = useResourceContext();
  const { past } = useAsOf();
  const { canAccess } = useCanAccess({ action: 'edit', resource: resource!, record });
  return (
    <TopToolbar>
      {children}
      {canAccess && !past && <EditButton />}
    </TopToolbar>
  );
}
