import { Prisma, type SavedView } from '@rabta/db';
import { CreateSavedViewSchema, SAVED_VIEW_READ_ONLY, SavedViewSchema, UpdateSavedViewSchema } from '@rabta/domain';
import { z } from 'zod';
import { AppException } from '../../common/errors/app-exception';
import { IdListFilter, toIdList } from '../../common/http/list-query';
import { defineResource } from '../../common/resource/resource';
import { isoTs } from '../../common/resource/wire';

type Create = z.infer<typeof CreateSavedViewSchema>;
type Update = z.infer<typeof UpdateSavedViewSchema>;

/** Saved list filters: every signed-in user keeps their own, and may share them with everyone. */
export const savedViewsResource = defineResource({
  name: 'saved-views',
  label: 'Saved view',
  read: 'viewer',
  write: 'viewer',
  deletable: true,
  schemas: {
    read: SavedViewSchema,
    create: CreateSavedViewSchema,
    update: UpdateSavedViewSchema,
    readOnly: SAVED_VIEW_READ_ONLY,
    filter: z.strictObject({
      id: IdListFilter.optional(),
      resource: z.string().max(40).optional(),
      mine: z.boolean().optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    name: (o) => ({ name: o }),
    resource: (o) => ({ resource: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'name', order: 'ASC' },
  delegate: (db) => db.savedView,
  where: (f, { user }) => ({
    AND: [
      f.mine ? { ownerId: user.id } : { OR: [{ ownerId: user.id }, { shared: true }] },
      ...(f.id !== undefined ? [{ id: { in: toIdList(f.id) } }] : []),
      ...(f.resource ? [{ resource: f.resource }] : []),
    ],
  }),
  // Another user's view that is not shared is not there for you (as in the list); admins see every view.
  readable: (r, user) => r.ownerId === user.id || r.shared || user.role === 'admin',
  toWire: (r: SavedView) => ({
    id: r.id,
    resource: r.resource,
    name: r.name,
    // JSON columns written only from the create and update schemas, so they hold those schemas' shapes.
    filter: r.filter as Record<string, unknown>,
    sort: (r.sort ?? null) as z.infer<typeof SavedViewSchema>['sort'],
    ownerId: r.ownerId,
    shared: r.shared,
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  async authorize({ user }, existing) {
    // Another user's view: only its owner (or an admin) changes or removes it.
    if (existing && existing.ownerId !== user.id && user.role !== 'admin') {
      throw AppException.forbidden('Only the owner of a saved view can change it');
    }
  },
  toCreateData: (i: Create, { user }) => ({
    ...i,
    filter: i.filter as Prisma.InputJsonValue,
    sort: (i.sort ?? undefined) as Prisma.InputJsonValue | undefined,
    ownerId: user.id,
  }),
  toUpdateData: (i: Update) => {
    const { version: _v, ...rest } = i;
    return {
      ...rest,
      ...(rest.filter ? { filter: rest.filter as Prisma.InputJsonValue } : {}),
      ...(rest.sort !== undefined ? { sort: (rest.sort ?? null) as Prisma.InputJsonValue } : {}),
    };
  },
});
