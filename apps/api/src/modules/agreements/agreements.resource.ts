import type { Agreement } from '@rabta/db';
import {
  AGREEMENT_KINDS,
  AGREEMENT_READ_ONLY,
  AGREEMENT_STATUSES,
  AgreementSchema,
  CreateAgreementSchema,
  searchTextOf,
  UpdateAgreementSchema,
  IdSchema,
} from '@rabta/domain';
import { z } from 'zod';
import { IdListFilter, QFilter, toIdList } from '../../common/http/list-query';
import { defineResource } from '../../common/resource/resource';
import { assertExist } from '../../common/resource/scope';
import { matchingIds } from '../../common/resource/search';
import { refreshSearchText } from '../../common/search/search-text';
import { dateOnly, definedOnly, isoDate, isoTs } from '../../common/resource/wire';

type AgreementRow = Agreement & {
  parties: { countryCode: string | null; organizationId: number | null }[];
  signatories: { personId: number }[];
  initiatives: { initiativeId: number }[];
};
type AgreementCreate = z.infer<typeof CreateAgreementSchema>;
type AgreementUpdate = z.infer<typeof UpdateAgreementSchema>;

const and = (...parts: object[]) => ({ AND: parts.filter((p) => Object.keys(p).length > 0) });

export const agreementsResource = defineResource({
  name: 'agreements',
  label: 'Agreement',
  read: 'viewer',
  write: 'analyst',
  deletable: true,
  schemas: {
    read: AgreementSchema,
    create: CreateAgreementSchema,
    update: UpdateAgreementSchema,
    readOnly: AGREEMENT_READ_ONLY,
    filter: z.strictObject({
      q: QFilter.optional(),
      id: IdListFilter.optional(),
      kind: z.enum(AGREEMENT_KINDS).optional(),
      status: z.enum(AGREEMENT_STATUSES).optional(),
      initiativeId: IdSchema.optional(),
      countryCode: z
        .string()
        .length(2)
        .transform((v) => v.toUpperCase())
        .optional(),
      signedDate_gte: z.iso.date().optional(),
      signedDate_lte: z.iso.date().optional(),
    }),
  },
  sortable: {
    id: (o) => ({ id: o }),
    signedDate: (o) => ({ signedDate: { sort: o, nulls: 'last' } }),
    titleEn: (o) => ({ titleEn: o }),
    kind: (o) => ({ kind: o }),
    status: (o) => ({ status: o }),
    updatedAt: (o) => ({ updatedAt: o }),
  },
  defaultSort: { field: 'signedDate', order: 'DESC' },
  delegate: (db) => db.agreement,
  include: {
    include: {
      parties: { select: { countryCode: true, organizationId: true } },
      signatories: { select: { personId: true } },
      initiatives: { select: { initiativeId: true } },
    },
  },
  async where(f, { db }) {
    const ids = f.q ? await matchingIds(db, 'agreements', f.q) : undefined;
    return and(
      f.id !== undefined ? { id: { in: toIdList(f.id) } } : {},
      ids ? { id: { in: ids } } : {},
      definedOnly({ kind: f.kind, status: f.status }),
      f.initiativeId ? { initiatives: { some: { initiativeId: f.initiativeId } } } : {},
      f.countryCode ? { parties: { some: { countryCode: f.countryCode } } } : {},
      f.signedDate_gte || f.signedDate_lte
        ? { signedDate: definedOnly({ gte: dateOnly(f.signedDate_gte), lte: dateOnly(f.signedDate_lte) }) }
        : {},
    );
  },
  toWire: (r: AgreementRow) => ({
    id: r.id,
    kind: r.kind,
    titleEn: r.titleEn,
    titleUr: r.titleUr,
    status: r.status,
    signedDate: isoDate(r.signedDate),
    signedPlaceEn: r.signedPlaceEn,
    signedPlaceUr: r.signedPlaceUr,
    summaryEn: r.summaryEn,
    summaryUr: r.summaryUr,
    partyCountryCodes: r.parties.flatMap((p) => (p.countryCode ? [p.countryCode] : [])),
    partyOrganizationIds: r.parties.flatMap((p) => (p.organizationId ? [p.organizationId] : [])),
    signatoryIds: r.signatories.map((s) => s.personId),
    initiativeIds: r.initiatives.map((i) => i.initiativeId),
    version: r.version,
    createdAt: isoTs(r.createdAt),
    updatedAt: isoTs(r.updatedAt),
  }),
  async toCreateData(i: AgreementCreate) {
    const { partyCountryCodes: _c, partyOrganizationIds: _o, signatoryIds: _s, initiativeIds: _i, ...fields } = i;
    return { ...fields, signedDate: dateOnly(fields.signedDate), searchText: searchTextOf.agreement(fields) };
  },
  async toUpdateData(i: AgreementUpdate, existing) {
    const {
      version: _v,
      partyCountryCodes: _c,
      partyOrganizationIds: _o,
      signatoryIds: _s,
      initiativeIds: _i,
      ...fields
    } = i;
    return {
      ...fields,
      signedDate: dateOnly(fields.signedDate),
      searchText: searchTextOf.agreement({ ...existing, ...fields, signatories: [] }),
    };
  },
  async afterWrite({ tx }, id, input: AgreementCreate | AgreementUpdate) {
    const agreementId = id as number;
    await assertExist(tx, [
      { field: 'partyCountryCodes', what: 'Country', ids: input.partyCountryCodes ?? [] },
      { field: 'partyOrganizationIds', what: 'Organization', ids: input.partyOrganizationIds ?? [] },
      { field: 'signatoryIds', what: 'Person', ids: input.signatoryIds ?? [] },
    ]);
    if (input.partyCountryCodes) {
      await tx.agreementParty.deleteMany({ where: { agreementId, countryCode: { not: null } } });
      await tx.agreementParty.createMany({
        data: [...new Set(input.partyCountryCodes)].map((countryCode) => ({ agreementId, countryCode })),
      });
    }
    if (input.partyOrganizationIds) {
      await tx.agreementParty.deleteMany({ where: { agreementId, organizationId: { not: null } } });
      await tx.agreementParty.createMany({
        data: [...new Set(input.partyOrganizationIds)].map((organizationId) => ({ agreementId, organizationId })),
      });
    }
    if (input.signatoryIds) {
      await tx.agreementSignatory.deleteMany({ where: { agreementId } });
      await tx.agreementSignatory.createMany({
        data: [...new Set(input.signatoryIds)].map((personId) => ({ agreementId, personId })),
      });
    }
    if (input.initiativeIds) {
      await tx.agreementInitiative.deleteMany({ where: { agreementId } });
      await tx.agreementInitiative.createMany({
        data: [...new Set(input.initiativeIds)].map((initiativeId) => ({ agreementId, initiativeId })),
      });
    }
    // The search text names the signatories (in every script): written once the links are.
    await refreshSearchText(tx, 'agreements', [agreementId]);
  },
});
