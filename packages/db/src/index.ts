export * from './backup';
export * from './client';
export * from './database';
export * from './embedded-postgres';
export * from './errors';
export * from './logger';
export * from './migrator';
export { Prisma, PrismaClient } from './generated/prisma/client';
export type * from './generated/prisma/client';
