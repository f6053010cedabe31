import type { PrismaClient } from '@rabta/db';
import type { AppConfig } from './config/env';
import type { DatabaseStatus } from './common/database/database-status';
import type { AppLogger } from './common/logging/logger';

/** What the process opened before Nest starts: configuration, logger, the database and its client. */
export interface AppContext {
  config: AppConfig;
  logger: AppLogger;
  prisma: PrismaClient;
  database: { url: string; embedded: boolean; serverVersion: string };
  migrationsDir: string;
  /** Whether the database is reachable; made by createApp when the caller brings none. */
  databaseStatus?: DatabaseStatus;
}

export const APP_CONTEXT = Symbol('APP_CONTEXT');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');
