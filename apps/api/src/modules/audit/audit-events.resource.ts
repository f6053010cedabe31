import type { AuditEvent } from '@rabta/db';
import { IdSchema, AuditEventSchema, type AuditEvent as AuditEventWire } from '@rabta/domain';
import { z } from 'zod';
import { definedOnly, moment, momentUntil } from '../../common/resource/wire';
import { defineResource } from '../../common/resource/resource';

export type AuditEventRow = AuditEvent;

/** An audit event on the wire (the audit log, and an initiative's history, which drops requestId and ip for non-admins). */
export function auditEventToWire(r: AuditEventRow): AuditEventWire {
  return {
    id: r.id.toString(),
    actorId: r.actorId,
    // As the actor was named at the event, not as they are now.
    actorName: r.actorName,
    actorEmail: r.actorEmail,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId,
    ip: r.ip,
    origin: r.origin,
    at: r.at.toISOString(),
  };
}

const AUDIT_ID = z.coerce.string().regex(/^\d{1,18}$/, 'Must be an audit event id (up to 18 digits)');

/** The audit log: admins read it; nobody writes it through the API (the database refuses changes anyway). */
export const auditEventsResource = defineResource({
  name: 'audit-events',
  label: 'Audit event',
  read: 'admin',
  deletable: false,
  schemas: {
    read: AuditEventSchema,
    readOnly: [],
    filter: z.strictObject({
      // Audit ids are bigint: at most 18 digits is always within its range.
      id: z.union([z.array(AUDIT_ID), AUDIT_ID]).optional(),
      entity: z.string().max(60).optional(),
      entityId: z.coerce.string().max(60).optional(),
      actorId: IdSchema.optional(),
      action: z.string().max(60).optional(),
      requestId: z.string().max(64).optional(),
      origin: z.string().max(60).optional(),
      at_gte: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
      at_lte: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    at: (o) => ({ at: o }),
    entity: (o) => ({ entity: o }),
    action: (o) => ({ action: o }),
  },
  defaultSort: { field: 'id', order: 'DESC' },
  delegate: (db) => db.auditEvent,
  where: (f) => ({
    ...definedOnly({
      entity: f.entity,
      entityId: f.entityId,
      actorId: f.actorId,
      action: f.action,
      requestId: f.requestId,
      origin: f.origin,
    }),
    ...(f.id !== undefined ? { id: { in: (Array.isArray(f.id) ? f.id : [f.id]).map((x: string) => BigInt(x)) } } : {}),
    ...(f.at_gte || f.at_lte ? { at: definedOnly({ gte: moment(f.at_gte), lte: momentUntil(f.at_lte) }) } : {}),
  }),
  toWire: auditEventToWire,
});
