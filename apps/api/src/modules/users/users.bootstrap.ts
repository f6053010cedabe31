import { StartupError, type Prisma, type PrismaClient } from '@rabta/db';
import { CreateUserSchema, type CreateUser, type User } from '@rabta/domain';
import type { AppContext } from '../../app.context';
import { generatePassword, hashPassword, passwordWeakness } from '../../common/auth/passwords';
import { AppException } from '../../common/errors/app-exception';
import { AuditService } from '../audit/audit.service';
import { toUser, USER_SELECT } from './users.mapper';

// Creating users outside a request: the first admin at start, `npm run user:create`, and test fixtures.

export const DEFAULT_ADMIN_EMAIL = 'admin@rabta.local';

export interface NewUser {
  email: string;
  name?: string;
  role: CreateUser['role'];
  sectorIds?: number[];
  /** Sector codes, resolved to ids (e.g. `steel`); unknown codes are an error. */
  sectorCodes?: string[];
  locale?: CreateUser['locale'];
  password: string;
}

/** Resolves sector codes to ids; throws naming the unknown ones. */
export async function sectorIdsOf(prisma: PrismaClient, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await prisma.sector.findMany({ where: { code: { in: [...codes] } }, select: { id: true, code: true } });
  const missing = codes.filter((c) => !rows.some((r) => r.code === c));
  if (missing.length)
    throw new AppException('REFERENCE_NOT_FOUND', `No sector with code ${missing.join(', ')}`, {
      sectorCodes: `Unknown: ${missing.join(', ')}`,
    });
  return rows.map((r) => r.id);
}

/** Validates like POST /api/users (strict schema, strong password); returns the fields and the password's hash. */
async function prepareUser(
  prisma: PrismaClient,
  input: NewUser,
): Promise<{ fields: Omit<CreateUser, 'password'>; passwordHash: string }> {
  const sectorIds = [...(input.sectorIds ?? []), ...(await sectorIdsOf(prisma, input.sectorCodes ?? []))];
  const parsed = CreateUserSchema.safeParse({
    email: input.email,
    name: input.name ?? input.email.split('@')[0],
    role: input.role,
    sectorIds,
    locale: input.locale ?? 'en',
    password: input.password,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new AppException('VALIDATION_FAILED', problems);
  }
  const weakness = passwordWeakness(input.password, { email: parsed.data.email, name: parsed.data.name });
  if (weakness)
    throw new AppException('WEAK_PASSWORD', `The password is too weak: ${weakness}`, { password: weakness });
  const { password, ...fields } = parsed.data;
  return { fields, passwordHash: await hashPassword(password) };
}

async function insertUser(
  tx: Prisma.TransactionClient,
  fields: Omit<CreateUser, 'password'>,
  passwordHash: string,
): Promise<User> {
  const { sectorIds, ...columns } = fields;
  const row = await tx.user.create({
    data: { ...columns, passwordHash, sectors: { create: sectorIds.map((sectorId) => ({ sectorId })) } },
    select: USER_SELECT,
  });
  const user = toUser(row);
  await new AuditService().record(tx, {
    action: 'create',
    entity: 'users',
    entityId: row.id,
    after: user,
    actor: null,
  });
  return user;
}

/** Creates a user outside a request (stores only the password's hash; the audit event's actor is `system`). */
export async function createUserRecord(prisma: PrismaClient, input: NewUser): Promise<User> {
  const { fields, passwordHash } = await prepareUser(prisma, input);
  return prisma.$transaction((tx) => insertUser(tx, fields, passwordHash));
}

export type FirstAdmin = { created: false } | { created: true; email: string; generatedPassword?: string };

/**
 * On a database without users: the admin from RABTA_ADMIN_EMAIL / RABTA_ADMIN_PASSWORD, else admin@rabta.local
 * with a generated password that the caller shows once (never logged; only its hash is stored). Two processes
 * starting at once serialise on an advisory lock: one creates the admin, the other sees a user and does nothing.
 */
export async function ensureFirstAdmin(ctx: Pick<AppContext, 'prisma' | 'config' | 'logger'>): Promise<FirstAdmin> {
  const { prisma, config, logger } = ctx;
  if ((await prisma.user.count()) > 0) return { created: false };
  const email = config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const given = config.adminPassword;
  if (given) {
    const weakness = passwordWeakness(given, { email });
    if (weakness)
      throw new StartupError(
        `RABTA_ADMIN_PASSWORD is too weak (${weakness}). Choose another, or unset it to have one generated.`,
      );
  }
  const password = given ?? generatePassword();
  const { fields, passwordHash } = await prepareUser(prisma, { email, name: 'Administrator', role: 'admin', password });
  const created = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rabta.first-admin'))`;
    if ((await tx.user.count()) > 0) return false;
    await insertUser(tx, fields, passwordHash);
    return true;
  });
  if (!created) return { created: false };
  logger.info({ email, passwordFrom: given ? 'RABTA_ADMIN_PASSWORD' : 'generated' }, 'Created the first admin');
  return { created: true, email, generatedPassword: given ? undefined : password };
}

/** The one-time notice on stderr: plain text, outside the JSON log. */
export function firstAdminNotice(url: string, email: string, password: string): string {
  const lines = [
    'First start: an admin account was created.',
    '',
    `  Sign in at  ${url}`,
    `  Email       ${email}`,
    `  Password    ${password}`,
    '',
    'This password is shown only this once. Sign in and change it',
    '(or set RABTA_ADMIN_EMAIL and RABTA_ADMIN_PASSWORD before the first start).',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  return `\n  ┌${bar}┐\n${lines.map((l) => `  │ ${l.padEnd(width)} │`).join('\n')}\n  └${bar}┘\n\n`;
}
