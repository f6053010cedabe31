import type { Prisma } from '@rabta/db';
import type { AuthMe, User } from '@rabta/domain';
import type { AuthUser } from '../../common/auth/current-user';
import { AUTH_USER_SELECT } from '../../common/auth/sessions.service';

/** What a user row must hold to become the wire representation: what the guard reads, and the bookkeeping. */
export const USER_SELECT = {
  ...AUTH_USER_SELECT,
  version: true,
  createdAt: true,
  updatedAt: true,
  lastLoginAt: true,
} as const satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

/** The account's live sign-in locks (LoginThrottleService.locksOf), newest first. */
export type UserLocks = { address: string; lockedUntil: Date }[];

export function toUser(row: UserRow, locks: UserLocks = []): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    sectorIds: row.sectors.map((s) => s.sectorId),
    locale: row.locale,
    disabled: row.disabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    lockedUntil: locks[0]?.lockedUntil.toISOString() ?? null,
    lockedFrom: locks.map((l) => l.address),
  };
}

export function toAuthMe(user: Pick<AuthUser, 'id' | 'email' | 'name' | 'role' | 'sectorIds' | 'locale'>): AuthMe {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sectorIds: [...user.sectorIds],
    locale: user.locale,
  };
}
