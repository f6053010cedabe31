import type { AddressInfo } from 'node:net';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'ra-core';
import { signedInUser } from '../../support/auth';
import { sectorId } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

// The stock react-admin data provider, unmodified, against the running API over real HTTP, with a fetch that
// keeps the session cookie as a browser would.
describe('ra-data-simple-rest against the API', () => {
  let t: TestApp;
  let provider: DataProvider;
  let energy: number;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    const analyst = await signedInUser(t, { role: 'analyst' });
    energy = await sectorId(t, 'energy');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const httpClient = (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, {
        ...options,
        headers: new Headers({
          ...Object.fromEntries(new Headers(options.headers as HeadersInit).entries()),
          Cookie: analyst.cookie,
        }),
      });
    provider = simpleRestProvider(`http://127.0.0.1:${port}/api`, httpClient);
  });
  afterAll(() => t.close());

  it('should getList with sort, pagination and filter, and read the total from Content-Range', async () => {
    const res = await provider.getList('initiatives', {
      pagination: { page: 1, perPage: 2 },
      sort: { field: 'code', order: 'ASC' },
      filter: { q: 'PK-RU' },
    });
    expect(res.total).toBeGreaterThan(2);
    expect(res.data).toHaveLength(2);
    expect(res.data[0].code < res.data[1].code).toBe(true);
  });

  it('should getOne, getMany and getManyReference', async () => {
    const steel = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
    const one = await provider.getOne('initiatives', { id: steel.id });
    expect(one.data).toMatchObject({ id: steel.id, titleUr: 'کراچی میں نئی اسٹیل مل' });
    const ids = (await t.prisma.person.findMany({ take: 3, select: { id: true } })).map((p) => p.id);
    const many = await provider.getMany('people', { ids });
    expect(many.data.map((p) => p.id).sort()).toEqual([...ids].sort());
    const refs = await provider.getManyReference('milestones', {
      target: 'initiativeId',
      id: steel.id,
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'plannedDate', order: 'ASC' },
      filter: {},
    });
    expect(refs.total).toBe(1);
    expect(refs.data[0]).toMatchObject({ initiativeId: steel.id, plannedDate: '2025-05-13', state: 'achieved' });
  });

  it('should create, update (sending the whole record back) and delete', async () => {
    const created = await provider.create('initiatives', {
      data: {
        code: 'RA-1',
        titleEn: 'Made by react-admin',
        titleUr: 'ری ایکٹ ایڈمن',
        sectorIds: [energy],
        countryCodes: ['PK', 'RU'],
      },
    });
    expect(created.data).toMatchObject({ code: 'RA-1', version: 1 });
    const updated = await provider.update('initiatives', {
      id: created.data.id,
      data: { ...created.data, titleEn: 'Renamed by react-admin' },
      previousData: created.data,
    });
    expect(updated.data).toMatchObject({ titleEn: 'Renamed by react-admin', version: 2 });
    const deleted = await provider.delete('initiatives', { id: created.data.id, previousData: updated.data });
    expect(deleted.data.archivedAt).toEqual(expect.any(String));

    const steel = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-STEEL-KHI' } });
    const milestone = await provider.create('milestones', {
      data: {
        initiativeId: steel.id,
        titleEn: 'Temporary milestone',
        titleUr: 'عارضی سنگ میل',
        plannedDate: '2027-01-15',
      },
    });
    await provider.delete('milestones', { id: milestone.data.id, previousData: milestone.data });
    expect(await t.prisma.milestone.findUnique({ where: { id: milestone.data.id } })).toBeNull();

    // Shared reference data is the admins' to delete: the stock provider surfaces the refusal as an HttpError.
    const person = await provider.create('people', {
      data: { nameEn: 'Temporary Person', nameUr: 'عارضی شخص', aliases: [] },
    });
    await expect(provider.delete('people', { id: person.data.id, previousData: person.data })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('should surface a 409 as an HttpError carrying the current record', async () => {
    const steel = await provider.getOne('initiatives', {
      id: (await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'PK-RU-HYDRO' } })).id,
    });
    await provider.update('initiatives', {
      id: steel.data.id,
      data: { ...steel.data, summaryEn: 'first' },
      previousData: steel.data,
    });
    await expect(
      provider.update('initiatives', {
        id: steel.data.id,
        data: { ...steel.data, summaryEn: 'second' },
        previousData: steel.data,
      }),
    ).rejects.toMatchObject({
      status: 409,
      body: { code: 'VERSION_CONFLICT', current: { summaryEn: 'first' } },
    });
  });
});
