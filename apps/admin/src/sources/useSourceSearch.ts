import { useEffect, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { useGetList, type RaRecord } from 'react-admin';

const DEBOUNCE_MS = 250;

/**
 * Existing sources searched on the server (Urdu-aware full text), newest first, as the user types: for pickers of
 * evidence. The previous results stay on screen while the next ones load.
 */
export function useSourceSearch({ enabled = true, perPage = 20 }: { enabled?: boolean; perPage?: number } = {}) {
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(search.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, isFetching } = useGetList<RaRecord>(
    'sources',
    {
      filter: term ? { q: term } : {},
      sort: { field: 'publishedAt', order: 'DESC' },
      pagination: { page: 1, perPage },
    },
    { enabled, placeholderData: keepPreviousData },
  );
  return { search, setSearch, options: data ?? [], searching: isFetching };
}
