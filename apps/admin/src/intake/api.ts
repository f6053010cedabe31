import type { CreateIntake, Intake, Proposal } from '@rabta/domain/schemas/intake';
import { api } from '../providers/http';

// The intake endpoints beyond react-admin's simple-rest reads: bring in an article, decide a proposal, link a
// mention. Each answer is the intake's new state (or what the accept wrote).

export type { Intake, Proposal };

export function createIntake(body: CreateIntake): Promise<Intake> {
  return api<Intake>('/intake', { method: 'POST', body });
}

export function acceptProposal(
  intakeId: number,
  proposalId: number,
  data?: Record<string, unknown>,
): Promise<{ resource: string; id: number }> {
  return api(`/intake/${intakeId}/proposals/${proposalId}/accept`, { method: 'POST', body: data ? { data } : {} });
}

export function rejectProposal(intakeId: number, proposalId: number): Promise<Proposal> {
  return api<Proposal>(`/intake/${intakeId}/proposals/${proposalId}/reject`, { method: 'POST', body: {} });
}

export function linkMention(
  intakeId: number,
  body: {
    start: number;
    end: number;
    resource: 'people' | 'organizations' | 'initiatives';
    id: number;
    addAlias: boolean;
  },
): Promise<Intake> {
  return api<Intake>(`/intake/${intakeId}/links`, { method: 'POST', body });
}
