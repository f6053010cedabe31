import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import { AUTH_USER_SELECT } from '../../common/auth/sessions.service';

type Db = PrismaClient | Prisma.TransactionClient;

const LOGIN_SELECT = {
  ...AUTH_USER_SELECT,
  passwordHash: true,
} as const satisfies Prisma.UserSelect;
export type LoginRow = Prisma.UserGetPayload<{ select: typeof LOGIN_SELECT }>;

const TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  expiresAt: true,
  lastUsedAt: true,
  createdAt: true,
} as const satisfies Prisma.ApiTokenSelect;
export type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof TOKEN_SELECT }>;

/** The only code of the auth module that touches Prisma. */
@Injectable()
export class AuthRepository {
  constructor(readonly prisma: PrismaClient) {}

  transaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn);
  }

  findForLogin(by: { email: string } | { id: number }): Promise<LoginRow | null> {
    return this.prisma.user.findUnique({ where: by, select: LOGIN_SELECT });
  }

  async recordSuccess(db: Db, userId: number): Promise<void> {
    await db.user.update({
      where: { id: userId },
      data: { lastLoginAt: new Date() },
    });
  }

  async setPassword(db: Db, userId: number, passwordHash: string): Promise<void> {
    await db.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        passwordChangedAt: new Date(),
        version: { increment: 1 },
      },
    });
  }

  listTokens(userId: number): Promise<TokenRow[]> {
    return this.prisma.apiToken.findMany({
      where: { userId, revokedAt: null },
      orderBy: { id: 'asc' },
      select: TOKEN_SELECT,
    });
  }

  countLiveTokens(db: Db, userId: number): Promise<number> {
    return db.apiToken.count({
      where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    });
  }

  createToken(
    db: Db,
    data: { userId: number; name: string; tokenHash: string; prefix: string; expiresAt: Date | null },
  ): Promise<TokenRow> {
    return db.apiToken.create({ data, select: TOKEN_SELECT });
  }

  findLiveToken(db: Db, userId: number, id: number): Promise<TokenRow | null> {
    return db.apiToken.findFirst({ where: { id, userId, revokedAt: null }, select: TOKEN_SELECT });
  }

  async revokeToken(db: Db, id: number): Promise<void> {
    await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  }
}
