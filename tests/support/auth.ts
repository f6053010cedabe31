// Test helpers for signing in. Users are created in the database directly (validated like POST /api/users, only
// the password's hash stored); signing in goes through the real POST /api/auth/login, so every suite that uses
// these also exercises the real sessions, cookies and guard.
//
//   const admin = await createUser(t.prisma, { role: 'admin' });
//   const cookie = await signIn(t.http, admin.email, admin.password);
//   await t.http.get('/api/users').set('Cookie', cookie).expect(200);
//
//   const analyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['steel'] });   // user + cookie at once
//   await t.http.put('/api/initiatives/7').set('Cookie', analyst.cookie).send({...});
//
//   const token = await bearerToken(t.http, admin.cookie);                                 // a personal API token
//   await t.http.get('/api/initiatives').set('Authorization', `Bearer ${token}`);
//
// State-changing requests from supertest carry no Origin and no Sec-Fetch-Site, so the same-origin check lets
// them through (as it does scripts); set those headers yourself to test it.

import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@rabta/db';
import type { Role } from '@rabta/domain';
import { createUserRecord } from '../../apps/api/src/modules/users/users.bootstrap';
import type { TestApp } from './test-app';

type Http = TestApp['http'];

/** A password that passes the strength rules; every test user gets it unless one is given. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Empty: every sector. */
  sectorIds: number[];
  password: string;
}

export interface CreateUserOptions {
  role: Role;
  /** Sector scope by code (`steel`, `energy`, … from the reference data) or by id; neither: every sector. */
  sectorCodes?: string[];
  sectorIds?: number[];
  /** Default: `<role>-<random>@test.rabta`. */
  email?: string;
  name?: string;
  /** Default: TEST_PASSWORD. */
  password?: string;
  locale?: 'en' | 'ur';
}

/** Creates an enabled user straight in the database and returns it with its password. */
export async function createUser(prisma: PrismaClient, options: CreateUserOptions): Promise<TestUser> {
  const email = options.email ?? `${options.role}-${randomBytes(4).toString('hex')}@test.rabta`;
  const password = options.password ?? TEST_PASSWORD;
  const user = await createUserRecord(prisma, {
    email,
    name: options.name ?? `Test ${options.role}`,
    role: options.role,
    sectorIds: options.sectorIds,
    sectorCodes: options.sectorCodes,
    locale: options.locale,
    password,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sectorIds: user.sectorIds, password };
}

/** Signs in through POST /api/auth/login; returns the `Cookie` header value (`rabta_session=…`). Throws on failure. */
export async function signIn(http: Http, email: string, password: string = TEST_PASSWORD): Promise<string> {
  const res = await http.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`Sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = sessionCookieOf(res.headers['set-cookie']);
  if (!cookie) throw new Error(`Sign-in of ${email} returned no session cookie`);
  return cookie;
}

/** `rabta_session=…` from a response's Set-Cookie headers, or undefined. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string | undefined {
  const all = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  const line = all.find((c) => c.startsWith('rabta_session=') && !/^rabta_session=;/.test(c));
  return line?.split(';')[0];
}

export type SignedInUser = TestUser & { cookie: string };

/** createUser + signIn. */
export async function signedInUser(
  t: Pick<TestApp, 'prisma' | 'http'>,
  options: CreateUserOptions,
): Promise<SignedInUser> {
  const user = await createUser(t.prisma, options);
  return { ...user, cookie: await signIn(t.http, user.email, user.password) };
}

/** Issues a personal API token for the signed-in user of `cookie` (POST /api/auth/tokens); returns the token. */
export async function bearerToken(
  http: Http,
  cookie: string,
  options: { name?: string; expiresAt?: string } = {},
): Promise<string> {
  const res = await http
    .post('/api/auth/tokens')
    .set('Cookie', cookie)
    .send({ name: options.name ?? 'test token', ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}) });
  if (res.status !== 201) throw new Error(`Issuing an API token failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}
