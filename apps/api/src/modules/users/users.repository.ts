import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import type { Locale, Role } from '@rabta/domain';
import { USER_SELECT, type UserRow } from './users.mapper';
import type { UserListQuery } from './users.query';

type Db = PrismaClient | Prisma.TransactionClient;

export interface UserChanges {
  email?: string;
  name?: string;
  role?: Role;
  locale?: Locale;
  disabled?: boolean;
  sectorIds?: number[];
}

/** The only code of the users module that touches Prisma. */
@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** For reads outside a transaction by services of this module (the sign-in throttle's locks). */
  get db(): PrismaClient {
    return this.prisma;
  }

  transaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn);
  }

  async list(q: UserListQuery): Promise<{ rows: UserRow[]; total: number }> {
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.user.findMany({
        where: q.where,
        orderBy: q.orderBy,
        skip: q.skip,
        take: q.take,
        select: USER_SELECT,
      }),
      this.prisma.user.count({ where: q.where }),
    ]);
    return { rows, total };
  }

  findById(id: number): Promise<UserRow | null> {
    return this.find(this.prisma, id);
  }

  find(db: Db, id: number): Promise<UserRow | null> {
    return db.user.findUnique({ where: { id }, select: USER_SELECT });
  }

  /** Serialises every change that could remove the last active admin (two admins demoting each other at once). */
  async lockAdmins(tx: Prisma.TransactionClient): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rabta.users.admins'))`;
  }

  countActiveAdmins(db: Db, exceptId?: number): Promise<number> {
    return db.user.count({ where: { role: 'admin', disabled: false, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  }

  async emailTaken(db: Db, email: string, exceptId?: number): Promise<boolean> {
    return (await db.user.count({ where: { email, ...(exceptId ? { id: { not: exceptId } } : {}) } })) > 0;
  }

  /** Ids among these that are not sectors. */
  async unknownSectorIds(db: Db, ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const found = await db.sector.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
    const known = new Set(found.map((s) => s.id));
    return ids.filter((id) => !known.has(id));
  }

  create(
    db: Db,
    data: Required<Omit<UserChanges, 'sectorIds'>> & { sectorIds: number[]; passwordHash: string },
  ): Promise<UserRow> {
    const { sectorIds, ...rest } = data;
    return db.user.create({
      data: { ...rest, sectors: { create: sectorIds.map((sectorId) => ({ sectorId })) } },
      select: USER_SELECT,
    });
  }

  /** Applies the changes if the stored version is still `version`; null when another request changed it first. */
  async update(
    tx: Prisma.TransactionClient,
    id: number,
    version: number,
    changes: UserChanges,
  ): Promise<UserRow | null> {
    const { sectorIds, ...fields } = changes;
    const updated = await tx.user.updateMany({
      where: { id, version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (updated.count === 0) return null;
    if (sectorIds) {
      await tx.userSector.deleteMany({ where: { userId: id } });
      if (sectorIds.length)
        await tx.userSector.createMany({ data: sectorIds.map((sectorId) => ({ userId: id, sectorId })) });
    }
    return tx.user.findUniqueOrThrow({ where: { id }, select: USER_SELECT });
  }
}
