import type { ReportFormat, ReportKind } from '@rabta/domain/enums';
import type { Report, ReportParams, ReportSchedule } from '@rabta/domain/schemas/reports';
import { api, API } from '../providers/http';

// The report endpoints: POST /api/reports → 202 with the record; the job runs on the server's queue and
// GET /api/reports/:id shows its status and progress; /file downloads it. Schedules are a simple-rest resource.

export type { Report, ReportFormat, ReportKind, ReportParams, ReportSchedule };

export interface ReportRequest {
  kind: ReportKind;
  params: ReportParams;
  format: ReportFormat;
  language: 'en' | 'ur';
}

export const requestReport = (body: ReportRequest) => api<Report>('/reports', { method: 'POST', body });
export const getReport = (id: number) => api<Report>(`/reports/${id}`);
export const listReports = (filter: Record<string, unknown>, range: [number, number] = [0, 24]) =>
  api<Report[]>(
    `/reports?${new URLSearchParams({ sort: JSON.stringify(['createdAt', 'DESC']), range: JSON.stringify(range), filter: JSON.stringify(filter) })}`,
  );
export const fileUrl = (id: number) => `${API}/reports/${id}/file`;
export const isFinished = (r: Pick<Report, 'status'>) => r.status === 'done' || r.status === 'failed';
