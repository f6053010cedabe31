import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import type { DirectoryEntry } from '@rabta/domain';

/**
 * The names of Rabta's users, for every signed-in user: who recorded a status update, added a source, made a change
 * in a record's history. Only ids and display names — accounts themselves (emails, roles, scopes) stay with admins.
 */
@Injectable()
export class DirectoryService {
  constructor(private readonly prisma: PrismaClient) {}

  list(): Promise<DirectoryEntry[]> {
    return this.prisma.user.findMany({ select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  }
}
