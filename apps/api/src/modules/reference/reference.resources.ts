import type { Country, Sector } from '@rabta/db';
import {
  COUNTRY_READ_ONLY,
  CountrySchema,
  CreateCountrySchema,
  CreateSectorSchema,
  SECTOR_READ_ONLY,
  SectorSchema,
  UpdateCountrySchema,
  UpdateSectorSchema,
} from '@rabta/domain';
import { z } from 'zod';
import { AppException } from '../../common/errors/app-exception';
import { IdListFilter, QFilter, toIdList } from '../../common/http/list-query';
import { defineResource } from '../../common/resource/resource';
import { isoTs } from '../../common/resource/wire';

const contains = (q: string | undefined, fields: string[]) =>
  q ? { OR: fields.map((f) => ({ [f]: { contains: q.trim(), mode: 'insensitive' } })) } : {};

export const countriesResource = defineResource({
  name: 'countries',
  label: 'Country',
  read: 'viewer',
  write: 'admin',
  deletable: true,
  schemas: {
    read: CountrySchema,
    create: CreateCountrySchema,
    update: UpdateCountrySchema,
    readOnly: COUNTRY_READ_ONLY,
    filter: z.strictObject({ q: QFilter.optional(), id: z.union([z.array(z.string()), z.string()]).optional() }),
  },
  sortable: {
    id: (o) => ({ code: o }),
    code: (o) => ({ code: o }),
    nameEn: (o) => ({ nameEn: o }),
    nameUr: (o) => ({ nameUr: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'nameEn', order: 'ASC' },
  delegate: (db) => db.country,
  primaryKey: 'code',
  idOf: (raw) => raw.toUpperCase(),
  where: (f) => ({
    ...(f.id ? { code: { in: (Array.isArray(f.id) ? f.id : [f.id]).map((c) => c.toUpperCase()) } } : {}),
    ...contains(f.q, ['code', 'nameEn', 'nameUr', 'nameRu']),
  }),
  toWire: (r: Country) => ({
    id: r.code,
    code: r.code,
    nameEn: r.nameEn,
    nameUr: r.nameUr,
    nameRu: r.nameRu,
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  toCreateData: (i) => i,
  toUpdateData: (i) => {
    const { version: _v, ...rest } = i;
    return rest;
  },
  async beforeDelete({ tx }, existing) {
    const used =
      (await tx.initiativeCountry.count({ where: { countryCode: existing.code } })) +
      (await tx.person.count({ where: { countryCode: existing.code } })) +
      (await tx.organization.count({ where: { countryCode: existing.code } }));
    if (used > 0)
      throw new AppException('IN_USE', `${existing.nameEn} is used by ${used} records and cannot be removed`);
  },
});

export const sectorsResource = defineResource({
  name: 'sectors',
  label: 'Sector',
  read: 'viewer',
  write: 'admin',
  deletable: true,
  schemas: {
    read: SectorSchema,
    create: CreateSectorSchema,
    update: UpdateSectorSchema,
    readOnly: SECTOR_READ_ONLY,
    filter: z.strictObject({ q: QFilter.optional(), id: IdListFilter.optional(), code: z.string().optional() }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    code: (o) => ({ code: o }),
    nameEn: (o) => ({ nameEn: o }),
    nameUr: (o) => ({ nameUr: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'nameEn', order: 'ASC' },
  delegate: (db) => db.sector,
  where: (f) => ({
    ...(f.id !== undefined ? { id: { in: toIdList(f.id) } } : {}),
    ...(f.code ? { code: f.code } : {}),
    ...contains(f.q, ['code', 'nameEn', 'nameUr']),
  }),
  toWire: (r: Sector) => ({
    id: r.id,
    code: r.code,
    nameEn: r.nameEn,
    nameUr: r.nameUr,
    dacCode: r.dacCode,
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  toCreateData: (i) => i,
  toUpdateData: (i) => {
    const { version: _v, ...rest } = i;
    return rest;
  },
  async beforeDelete({ tx }, existing) {
    const used = await tx.initiativeSector.count({ where: { sectorId: existing.id } });
    if (used > 0)
      throw new AppException('IN_USE', `The ${existing.nameEn} sector has ${used} initiatives and cannot be removed`);
  },
});
