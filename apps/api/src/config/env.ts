import { join, resolve } from 'node:path';
import { parseExpression } from 'cron-parser';
import { z } from 'zod';

// The one place that reads process.env. Bad values stop the start with every bad key listed.

const port = z.coerce.number().int().min(0).max(65_535);
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgresql:// URL')
    .optional(),
  RABTA_DATA_DIR: z.string().min(1).default('./.data'),
  /** As root, where the embedded cluster lives when the `postgres` user cannot reach RABTA_DATA_DIR. */
  RABTA_PG_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo portfolio into an empty database at start. */
  RABTA_SEED_DEMO: booleanish.default(true),
  /** First admin, created on first start when there are no users. */
  RABTA_ADMIN_EMAIL: z.email().optional(),
  RABTA_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Comma-separated origins allowed by CORS; empty keeps CORS closed. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  /** The public URL when Rabta is behind a reverse proxy (cookies get `Secure` when it is https). */
  PUBLIC_URL: z.url().optional(),
  /**
   * Host names served besides PUBLIC_URL's and loopback (comma-separated, e.g. an internal name); only checked when
   * PUBLIC_URL is set.
   */
  ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  TRUST_PROXY: booleanish.default(false),
  /** Path to a Chromium binary for PDF reports. */
  CHROMIUM_PATH: z.string().optional(),
  /** Reports this process generates at once (0: it queues reports but leaves them to other processes). */
  REPORT_WORKERS: z.coerce.number().int().min(0).max(16).default(2),
  /** Reports one user may have waiting or being made at once; one more is refused (429 with Retry-After). */
  REPORT_QUEUE_PER_USER: z.coerce.number().int().min(1).max(1000).default(5),
  /** How often this process looks for report schedules that are due (seconds). */
  REPORT_SCHEDULER_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** A session unused for this long ends (minutes). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(525_600).default(480),
  /** A session ends this long after sign-in, however much it is used (days). */
  SESSION_MAX_DAYS: z.coerce.number().min(0.001).max(365).default(7),
  /** Sign-in attempts per minute from one IP address. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Consecutive failed sign-ins after which an account is locked. */
  LOGIN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
  /** The first lockout (seconds); each further failure doubles it, up to LOGIN_LOCKOUT_MAX_SECONDS. */
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  LOGIN_LOCKOUT_MAX_SECONDS: z.coerce.number().int().min(1).max(604_800).default(3600),
  /** The largest spreadsheet an import accepts (megabytes); larger uploads get 413. */
  IMPORT_MAX_MB: z.coerce.number().min(0.001).max(1024).default(20),
  /** The most data rows one import takes; longer sheets get 413 and are to be split. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  /** A bearer token that may read GET /api/metrics (for Prometheus); admins may read it anyway. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Let intake fetch URLs on loopback, private and link-local addresses (tests with a local server; never in production). */
  INTAKE_ALLOW_PRIVATE_URLS: booleanish.default(false),
  /** How long intake waits for a URL (the whole response, redirects included), in seconds. */
  INTAKE_FETCH_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(120).default(15),
  /** Scheduled backups: a cron expression (UTC; five fields, or six with seconds), e.g. `0 3 * * *`. */
  RABTA_BACKUP_CRON: z
    .string()
    .refine((v) => {
      try {
        parseExpression(v, { tz: 'UTC' }).next();
        return true;
      } catch {
        return false;
      }
    }, 'must be a cron expression, e.g. "0 3 * * *"')
    .optional(),
  /** Where scheduled backups go (default <RABTA_DATA_DIR>/../rabta-backups). */
  RABTA_BACKUP_DIR: z.string().min(1).optional(),
  /** How many scheduled backups to keep (the oldest go first). */
  RABTA_BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(7),
});

export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  pgDir?: string;
  logLevel: Env['LOG_LEVEL'];
  seedDemo: boolean;
  adminEmail?: string;
  adminPassword?: string;
  corsOrigins: string[];
  publicUrl?: string;
  /** With PUBLIC_URL: the only Host names served (its own, loopback, ALLOWED_HOSTS); undefined: any. */
  allowedHosts?: string[];
  trustProxy: boolean;
  chromiumPath?: string;
  reportWorkers: number;
  reportQueuePerUser: number;
  reportSchedulerSeconds: number;
  sessionIdleMinutes: number;
  sessionMaxDays: number;
  loginRateLimitPerMinute: number;
  lockout: { threshold: number; baseSeconds: number; maxSeconds: number };
  imports: { maxBytes: number; maxRows: number };
  metricsToken?: string;
  intake: { allowPrivateUrls: boolean; fetchTimeoutMs: number };
  backup: { cron?: string; dir: string; keep: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration: fix or unset these environment variables (see the README's configuration table):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "not set", as it does for most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.RABTA_DATA_DIR),
    pgDir: e.RABTA_PG_DIR ? resolve(e.RABTA_PG_DIR) : undefined,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.RABTA_SEED_DEMO,
    adminEmail: e.RABTA_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.RABTA_ADMIN_PASSWORD,
    corsOrigins: e.CORS_ORIGINS,
    publicUrl: e.PUBLIC_URL,
    allowedHosts: e.PUBLIC_URL
      ? [new URL(e.PUBLIC_URL).hostname.toLowerCase(), 'localhost', '127.0.0.1', '[::1]', '::1', ...e.ALLOWED_HOSTS]
      : undefined,
    trustProxy: e.TRUST_PROXY,
    chromiumPath: e.CHROMIUM_PATH,
    reportWorkers: e.REPORT_WORKERS,
    reportQueuePerUser: e.REPORT_QUEUE_PER_USER,
    reportSchedulerSeconds: e.REPORT_SCHEDULER_SECONDS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxDays: e.SESSION_MAX_DAYS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT,
    lockout: {
      threshold: e.LOGIN_LOCKOUT_THRESHOLD,
      baseSeconds: e.LOGIN_LOCKOUT_SECONDS,
      maxSeconds: e.LOGIN_LOCKOUT_MAX_SECONDS,
    },
    imports: { maxBytes: Math.round(e.IMPORT_MAX_MB * 1024 * 1024), maxRows: e.IMPORT_MAX_ROWS },
    metricsToken: e.METRICS_TOKEN,
    intake: {
      allowPrivateUrls: e.INTAKE_ALLOW_PRIVATE_URLS,
      fetchTimeoutMs: Math.round(e.INTAKE_FETCH_TIMEOUT_SECONDS * 1000),
    },
    backup: {
      cron: e.RABTA_BACKUP_CRON,
      dir: resolve(e.RABTA_BACKUP_DIR ?? join(resolve(e.RABTA_DATA_DIR), '..', 'rabta-backups')),
      keep: e.RABTA_BACKUP_KEEP,
    },
  };
}
