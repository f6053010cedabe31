import type { StatusUpdate } from '@rabta/db';
import {
  IdSchema,
  HEALTHS,
  INITIATIVE_STAGES,
  STATUS_UPDATE_READ_ONLY,
  StatusUpdateSchema,
  UpdateStatusUpdateSchema,
} from '@rabta/domain';
import { z } from 'zod';
import { IdListFilter, toIdList } from '../../common/http/list-query';
import { defineResource } from '../../common/resource/resource';
import { definedOnly, moment } from '../../common/resource/wire';
import { toStatusUpdate } from './status-updates.service';

const dateOrTs = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/**
 * The status history. Read like any resource; recorded through POST (StatusUpdatesController), never deleted;
 * only the notes of an entry can be corrected.
 */
export const statusUpdatesResource = defineResource({
  name: 'status-updates',
  label: 'Status update',
  read: 'viewer',
  write: 'analyst',
  deletable: false,
  schemas: {
    read: StatusUpdateSchema,
    update: UpdateStatusUpdateSchema,
    readOnly: STATUS_UPDATE_READ_ONLY,
    filter: z.strictObject({
      id: IdListFilter.optional(),
      /** One initiative or several. */
      initiativeId: IdListFilter.optional(),
      authorId: IdSchema.optional(),
      toStage: z.enum(INITIATIVE_STAGES).optional(),
      toHealth: z.enum(HEALTHS).optional(),
      effectiveAt_gte: dateOrTs.optional(),
      effectiveAt_lte: dateOrTs.optional(),
      recordedAt_gte: dateOrTs.optional(),
      recordedAt_lte: dateOrTs.optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    effectiveAt: (o) => ({ effectiveAt: o }),
    recordedAt: (o) => ({ recordedAt: o }),
    initiativeId: (o) => ({ initiativeId: o }),
  },
  defaultSort: { field: 'effectiveAt', order: 'DESC' },
  delegate: (db) => db.statusUpdate,
  include: { include: { evidence: { select: { sourceId: true } }, author: { select: { name: true } } } },
  where: (f) => ({
    ...(f.id !== undefined ? { id: { in: toIdList(f.id) } } : {}),
    ...(f.initiativeId !== undefined ? { initiativeId: { in: toIdList(f.initiativeId) } } : {}),
    ...definedOnly({ authorId: f.authorId, toStage: f.toStage, toHealth: f.toHealth }),
    ...(f.effectiveAt_gte || f.effectiveAt_lte
      ? { effectiveAt: definedOnly({ gte: moment(f.effectiveAt_gte), lte: moment(f.effectiveAt_lte) }) }
      : {}),
    ...(f.recordedAt_gte || f.recordedAt_lte
      ? { recordedAt: definedOnly({ gte: moment(f.recordedAt_gte), lte: moment(f.recordedAt_lte) }) }
      : {}),
  }),
  toWire: (r: StatusUpdate & { evidence: { sourceId: number }[]; author: { name: string } | null }) =>
    toStatusUpdate(r),
  toUpdateData: (i: z.infer<typeof UpdateStatusUpdateSchema>) => definedOnly({ noteEn: i.noteEn, noteUr: i.noteUr }),
});
