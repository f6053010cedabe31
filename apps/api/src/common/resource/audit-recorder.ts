import type { Prisma } from '@rabta/db';

// What the resource kit needs of the audit log: one event written in the transaction of the change it records. The
// audit module provides it under AUDIT_RECORDER (modules/audit/audit.module.ts); the kit depends on this port only,
// never on a feature module.

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecorder {
  record(tx: Prisma.TransactionClient, entry: AuditRecord): Promise<void>;
}

export const AUDIT_RECORDER = 'AuditRecorder';
