import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { RabtaDataProvider } from '../providers/dataProvider';

/** Every user's name by id (GET /api/directory, open to every signed-in user; accounts themselves are the admin's). */
export function useDirectory(): Map<number, string> | undefined {
  const dataProvider = useDataProvider<RabtaDataProvider>();
  const { data } = useQuery({
    queryKey: ['directory'],
    queryFn: () => dataProvider.getDirectory(),
    staleTime: 5 * 60_000,
    select: (rows) => new Map(rows.map((r) => [r.id, r.name])),
  });
  return data;
}

/** A user shown by name: who added a record, who made a change. */
export function UserName({ id, fallback = '—' }: { id: number | null | undefined; fallback?: string }) {
  const directory = useDirectory();
  if (id == null) return <>{fallback}</>;
  return (
    <bdi dir="auto" data-testid="user-name">
      {directory?.get(id) ?? (directory ? `#${id}` : '…')}
    </bdi>
  );
}
