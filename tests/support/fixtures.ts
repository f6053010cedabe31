// Factories for e2e tests: records are made through the real API (so they are validated and audited like a
// user's), with just enough fields, overridable.
import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

type T = Pick<TestApp, 'http' | 'prisma'>;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export async function sectorId(t: T, code: string): Promise<number> {
  const sector = await t.prisma.sector.findUniqueOrThrow({ where: { code } });
  return sector.id;
}

async function post(
  t: T,
  cookie: string,
  path: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> & { id: number; version: number }> {
  const res = await t.http.post(path).set('Cookie', cookie).send(body);
  if (res.status !== 201) throw new Error(`POST ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function makeInitiative(
  t: T,
  cookie: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: number; version: number }> {
  return post(t, cookie, '/api/initiatives', {
    code: `T-${unique()}`,
    titleEn: 'Test initiative',
    titleUr: 'آزمائشی منصوبہ',
    sectorIds: [await sectorId(t, 'energy')],
    countryCodes: ['PK', 'RU'],
    effectiveAt: '2025-01-15T00:00:00Z',
    ...overrides,
  });
}

export async function makeSource(
  t: T,
  cookie: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: number; version: number }> {
  return post(t, cookie, '/api/sources', {
    kind: 'news',
    publisher: 'Test Gazette',
    language: 'en',
    publishedAt: '2025-07-11',
    title: `Report ${unique()}`,
    url: `https://example.org/${unique()}`,
    ...overrides,
  });
}

export async function makeMilestone(
  t: T,
  cookie: string,
  initiativeId: number,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: number; version: number }> {
  return post(t, cookie, '/api/milestones', {
    initiativeId,
    titleEn: `Milestone ${unique()}`,
    plannedDate: '2025-08-31',
    ...overrides,
  });
}

export async function makePerson(
  t: T,
  cookie: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: number; version: number }> {
  return post(t, cookie, '/api/people', { nameEn: `Person ${unique()}`, ...overrides });
}

export async function makeEngagement(
  t: T,
  cookie: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: number; version: number }> {
  return post(t, cookie, '/api/engagements', {
    titleEn: `Meeting ${unique()}`,
    format: 'bilateral_meeting',
    startDate: '2025-07-10',
    ...overrides,
  });
}
