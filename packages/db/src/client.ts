import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export interface PrismaClientOptions {
  /** Connection pool size. */
  max?: number;
  /** Called with errors on idle pool connections (e.g. the server went away). */
  onPoolError?: (err: Error) => void;
}

export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 },
    { onPoolError: options.onPoolError },
  );
  return new PrismaClient({ adapter });
}
