import type { Organization, Person, Position, Prisma } from '@rabta/db';
import {
  CreateOrganizationSchema,
  CreatePersonSchema,
  CreatePositionSchema,
  ORGANIZATION_KINDS,
  ORGANIZATION_READ_ONLY,
  OrganizationSchema,
  PERSON_READ_ONLY,
  PersonSchema,
  POSITION_READ_ONLY,
  PositionSchema,
  searchTextOf,
  UpdateOrganizationSchema,
  UpdatePersonSchema,
  UpdatePositionSchema,
  IdSchema,
} from '@rabta/domain';
import { z } from 'zod';
import { positionHeldOn, positionHeldWhere } from '../../common/as-of/positions.as-of';
import { viewDay } from '../../common/as-of/view';
import { AppException } from '../../common/errors/app-exception';
import { IdListFilter, QFilter, toIdList } from '../../common/http/list-query';
import { defineResource } from '../../common/resource/resource';
import { assertExist } from '../../common/resource/scope';
import { matchingIds } from '../../common/resource/search';
import { refreshNamesOf } from '../../common/search/search-text';
import { dateOnly, definedOnly, isoDate, isoTs } from '../../common/resource/wire';

const byId = (ids: number | number[] | undefined) => (ids !== undefined ? { id: { in: toIdList(ids) } } : {});
const and = (...parts: object[]) => ({ AND: parts.filter((p) => Object.keys(p).length > 0) });
const countryFilter = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((v) => v.toUpperCase());

// ------------------------------------------------------------------------------------------------ organizations

type OrgCreate = z.infer<typeof CreateOrganizationSchema>;
type OrgUpdate = z.infer<typeof UpdateOrganizationSchema>;

export const organizationsResource = defineResource({
  name: 'organizations',
  label: 'Organization',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: OrganizationSchema,
    create: CreateOrganizationSchema,
    update: UpdateOrganizationSchema,
    readOnly: ORGANIZATION_READ_ONLY,
    filter: z.strictObject({
      q: QFilter.optional(),
      id: IdListFilter.optional(),
      kind: z.enum(ORGANIZATION_KINDS).optional(),
      countryCode: countryFilter.optional(),
      parentId: IdSchema.optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    nameEn: (o) => ({ nameEn: o }),
    nameUr: (o) => ({ nameUr: o }),
    acronym: (o) => ({ acronym: o }),
    kind: (o) => ({ kind: o }),
    countryCode: (o) => ({ countryCode: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'nameEn', order: 'ASC' },
  delegate: (db) => db.organization,
  async where(f, { db }) {
    const ids = f.q ? await matchingIds(db, 'organizations', f.q) : undefined;
    return and(
      byId(f.id),
      ids ? { id: { in: ids } } : {},
      definedOnly({ kind: f.kind, countryCode: f.countryCode, parentId: f.parentId }),
    );
  },
  toWire: (r: Organization) => ({
    id: r.id,
    nameEn: r.nameEn,
    nameUr: r.nameUr,
    nameRu: r.nameRu,
    acronym: r.acronym,
    kind: r.kind,
    countryCode: r.countryCode,
    parentId: r.parentId,
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  async toCreateData(i: OrgCreate, { tx }) {
    await assertExist(tx, [
      { field: 'countryCode', what: 'Country', ids: i.countryCode ? [i.countryCode] : [] },
      { field: 'parentId', what: 'Organization', ids: i.parentId ? [i.parentId] : [] },
    ]);
    return { ...i, searchText: searchTextOf.organization(i) };
  },
  async toUpdateData(i: OrgUpdate, existing, { tx }) {
    const { version: _v, ...rest } = i;
    await assertExist(tx, [
      { field: 'countryCode', what: 'Country', ids: rest.countryCode ? [rest.countryCode] : [] },
      { field: 'parentId', what: 'Organization', ids: rest.parentId ? [rest.parentId] : [] },
    ]);
    if (rest.parentId === existing.id)
      throw new AppException('VALIDATION_FAILED', 'An organization cannot be its own parent', {
        parentId: 'Cannot be itself',
      });
    return { ...rest, searchText: searchTextOf.organization({ ...existing, ...rest }) };
  },
});

// ------------------------------------------------------------------------------------------------ people

type PersonRow = Person & { positions: Pick<Position, 'titleEn' | 'titleUr' | 'fromDate' | 'toDate'>[] };
type PersonCreate = z.infer<typeof CreatePersonSchema>;
type PersonUpdate = z.infer<typeof UpdatePersonSchema>;

export const peopleResource = defineResource({
  name: 'people',
  label: 'Person',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: PersonSchema,
    create: CreatePersonSchema,
    update: UpdatePersonSchema,
    readOnly: PERSON_READ_ONLY,
    filter: z.strictObject({
      q: QFilter.optional(),
      id: IdListFilter.optional(),
      countryCode: countryFilter.optional(),
      organizationId: IdSchema.optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    nameEn: (o) => ({ nameEn: o }),
    nameUr: (o) => ({ nameUr: o }),
    countryCode: (o) => ({ countryCode: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'nameEn', order: 'ASC' },
  delegate: (db) => db.person,
  include: { include: { positions: { select: { titleEn: true, titleUr: true, fromDate: true, toDate: true } } } },
  async where(f, { db }) {
    const ids = f.q ? await matchingIds(db, 'people', f.q) : undefined;
    return and(
      byId(f.id),
      ids ? { id: { in: ids } } : {},
      definedOnly({ countryCode: f.countryCode }),
      f.organizationId ? { positions: { some: { organizationId: f.organizationId } } } : {},
    );
  },
  toWire: (r: PersonRow) => {
    const current = positionHeldOn(r.positions, viewDay(undefined).day);
    return {
      id: r.id,
      nameEn: r.nameEn,
      nameUr: r.nameUr,
      nameRu: r.nameRu,
      aliases: r.aliases,
      countryCode: r.countryCode,
      currentTitleEn: current?.titleEn ?? null,
      currentTitleUr: current?.titleUr ?? null,
      version: r.version,
      createdAt: isoTs(r.createdAt),
      updatedAt: isoTs(r.updatedAt),
    };
  },
  async toCreateData(i: PersonCreate, { tx }) {
    await assertExist(tx, [{ field: 'countryCode', what: 'Country', ids: i.countryCode ? [i.countryCode] : [] }]);
    return { ...i, aliases: i.aliases ?? [], searchText: searchTextOf.person(i) };
  },
  async toUpdateData(i: PersonUpdate, existing, { tx }) {
    const { version: _v, ...rest } = i;
    await assertExist(tx, [{ field: 'countryCode', what: 'Country', ids: rest.countryCode ? [rest.countryCode] : [] }]);
    return { ...rest, searchText: searchTextOf.person({ ...existing, ...rest }) };
  },
  async afterWrite({ tx }, id, input: PersonCreate | PersonUpdate, existing) {
    // The engagements and agreements that name this person are found by the new names too.
    const renamed = (['nameEn', 'nameUr', 'nameRu', 'aliases'] as const).some((k) => input[k] !== undefined);
    if (existing && renamed) await refreshNamesOf(tx, [id as number]);
  },
});

// ------------------------------------------------------------------------------------------------ positions

type PositionCreate = z.infer<typeof CreatePositionSchema>;
type PositionUpdate = z.infer<typeof UpdatePositionSchema>;

export const positionsResource = defineResource({
  name: 'positions',
  label: 'Position',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: PositionSchema,
    create: CreatePositionSchema,
    update: UpdatePositionSchema,
    readOnly: POSITION_READ_ONLY,
    filter: z.strictObject({
      id: IdListFilter.optional(),
      personId: IdSchema.optional(),
      organizationId: IdSchema.optional(),
      current: z.boolean().optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    fromDate: (o) => ({ fromDate: { sort: o, nulls: 'last' } }),
    toDate: (o) => ({ toDate: { sort: o, nulls: 'first' } }),
    titleEn: (o) => ({ titleEn: o }),
    personId: (o) => ({ personId: o }),
  },
  defaultSort: { field: 'fromDate', order: 'DESC' },
  delegate: (db) => db.position,
  where: (f) =>
    and(
      byId(f.id),
      definedOnly({ personId: f.personId, organizationId: f.organizationId }),
      f.current === undefined ? {} : positionHeldWhere(viewDay(undefined).day, f.current),
    ),
  toWire: (r: Position) => ({
    id: r.id,
    personId: r.personId,
    organizationId: r.organizationId,
    titleEn: r.titleEn,
    titleUr: r.titleUr,
    fromDate: isoDate(r.fromDate),
    toDate: isoDate(r.toDate),
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  async toCreateData(i: PositionCreate, { tx }) {
    await assertExist(tx, [
      { field: 'personId', what: 'Person', ids: [i.personId] },
      { field: 'organizationId', what: 'Organization', ids: i.organizationId ? [i.organizationId] : [] },
    ]);
    return {
      ...i,
      fromDate: dateOnly(i.fromDate),
      toDate: dateOnly(i.toDate),
    } satisfies Prisma.PositionUncheckedCreateInput;
  },
  async toUpdateData(i: PositionUpdate, existing, { tx }) {
    const { version: _v, ...rest } = i;
    await assertExist(tx, [
      { field: 'personId', what: 'Person', ids: rest.personId ? [rest.personId] : [] },
      { field: 'organizationId', what: 'Organization', ids: rest.organizationId ? [rest.organizationId] : [] },
    ]);
    const from = rest.fromDate !== undefined ? rest.fromDate : isoDate(existing.fromDate);
    const to = rest.toDate !== undefined ? rest.toDate : isoDate(existing.toDate);
    if (from && to && to < from)
      throw new AppException('VALIDATION_FAILED', 'The end date is before the start date', {
        toDate: 'Must not be before the start date',
      });
    return { ...rest, fromDate: dateOnly(rest.fromDate), toDate: dateOnly(rest.toDate) };
  },
});

export const actorsResources = [organizationsResource, peopleResource, positionsResource];
