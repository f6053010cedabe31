import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier, RaRecord, SortPayload } from 'react-admin';
import { getAsOf, isPast } from './asOf';
import { api, API, httpClient } from './http';
import type { Citations, CreateCitations } from '@rabta/domain/schemas/resources';
import type { GlobalSearch } from '@rabta/domain/schemas/search';
import type { DirectoryEntry } from '@rabta/domain/schemas/users';
import type { Dashboard, Me, SourceInput, StatusUpdateInput, TimelineItem } from './types';

const base = simpleRestProvider(API, httpClient);

export type ExportFormat = 'csv' | 'xlsx';

/** The server export streams every matching row (no client cap); the browser downloads it with the session cookie. */
export function exportUrl(
  resource: string,
  format: ExportFormat,
  filter: Record<string, unknown>,
  sort?: SortPayload,
): string {
  const params = new URLSearchParams({ format, filter: JSON.stringify(filter ?? {}) });
  if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
  if (isPast() && (resource === 'initiatives' || resource === 'milestones')) {
    const { asOf, knownAt } = getAsOf();
    if (asOf) params.set('asOf', asOf);
    if (knownAt) params.set('knownAt', knownAt);
  }
  return `${API}/${resource}/export?${params}`;
}

/** The initiatives of a list filter as an IATI 2.03 activities document (GET /api/iati/activities.xml). */
export function iatiExportUrl(filter: Record<string, unknown>, sort?: SortPayload): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter ?? {}) });
  if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
  return `${API}/iati/activities.xml?${params}`;
}

export interface RabtaDataProvider extends DataProvider {
  getTimeline(initiativeId: Identifier): Promise<TimelineItem[]>;
  /** Audit events of an initiative, its milestones and status updates (open to every reader). */
  getHistory(initiativeId: Identifier): Promise<RaRecord[]>;
  getDashboard(): Promise<Dashboard>;
  createStatusUpdate(initiativeId: Identifier, body: StatusUpdateInput): Promise<RaRecord>;
  createSource(body: SourceInput): Promise<{ id: number; existing: boolean }>;
  /** The app bar's search box: every kind of record matching `q`, grouped by kind. */
  search(q: string, limit?: number): Promise<GlobalSearch>;
  /** Every user's id and name (authors and actors are shown by name). */
  getDirectory(): Promise<DirectoryEntry[]>;
  /** One passage of a source cited for several records at once (one evidence row each). */
  cite(sourceId: Identifier, body: CreateCitations): Promise<Citations>;
  getMe(): Promise<Me>;
  updateMe(body: { name?: string; locale?: 'en' | 'ur' }): Promise<Me>;
  changePassword(body: { currentPassword: string; newPassword: string }): Promise<void>;
}

export const dataProvider: RabtaDataProvider = {
  ...base,
  // react-admin's bulk update sends only the changed fields; every PUT here must carry the version it is based on.
  updateMany: async (resource, params) => {
    const ids: Identifier[] = [];
    for (const id of params.ids) {
      const { data: current } = await base.getOne(resource, { id });
      await base.update(resource, { id, data: { ...params.data, version: current.version }, previousData: current });
      ids.push(id);
    }
    return { data: ids };
  },
  getTimeline: (id) => api<TimelineItem[]>(`/initiatives/${encodeURIComponent(String(id))}/timeline`),
  getHistory: (id) => api<RaRecord[]>(`/initiatives/${encodeURIComponent(String(id))}/history`),
  getDashboard: () => api<Dashboard>('/dashboard'),
  createStatusUpdate: (id, body) =>
    api<RaRecord>(`/initiatives/${encodeURIComponent(String(id))}/status-updates`, { method: 'POST', body }),
  createSource: async (body) => {
    try {
      const created = await api<{ id: number }>('/sources', { method: 'POST', body });
      return { id: created.id, existing: false };
    } catch (e) {
      const existingId = (e as { body?: { code?: string; existingId?: number } }).body;
      if (existingId?.code === 'UNIQUE_VIOLATION' && typeof existingId.existingId === 'number')
        return { id: existingId.existingId, existing: true };
      throw e;
    }
  },
  search: (q, limit) =>
    api<GlobalSearch>(`/search?${new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) })}`),
  getDirectory: () => api<DirectoryEntry[]>('/directory'),
  cite: (sourceId, body) =>
    api<Citations>(`/sources/${encodeURIComponent(String(sourceId))}/citations`, { method: 'POST', body }),
  getMe: () => api<Me>('/me'),
  updateMe: (body) => api<Me>('/me', { method: 'PUT', body }),
  changePassword: async (body) => {
    await api('/auth/password', { method: 'POST', body });
  },
};
