import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { LocaleSchema, RoleSchema } from '@rabta/domain';
import { generatePassword } from '../common/auth/passwords';
import { AppException } from '../common/errors/app-exception';
import { createLogger } from '../common/logging/logger';
import { loadConfig } from '../config/env';
import { createUserRecord } from '../modules/users/users.bootstrap';
import { openRuntime, type Runtime } from '../runtime';

export const USAGE = `Create a Rabta user.

  npm run user:create -- --email EMAIL --role admin|analyst|viewer [--name NAME] [--sectors steel,energy] [--locale en|ur]
                         [--password-stdin]

Without --password-stdin a strong password is generated and printed once. With it, the password is read from
standard input (e.g. printf '%s' "$PW" | npm run user:create -- ... --password-stdin), never from the command
line, where other users of the machine could see it. --sectors limits the user to those sectors (codes); without
it the user may work in every sector.
`;

export interface CliIo {
  /** The environment to configure from; the process environment when absent. */
  env?: Record<string, string | undefined>;
  stdin: AsyncIterable<Buffer | string>;
  out(text: string): void;
  err(text: string): void;
}

async function readAll(stdin: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `npm run user:create`; returns the exit code (0 done, 1 refused, 2 bad usage). */
export async function userCreate(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        sectors: { type: 'string' },
        locale: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const role = RoleSchema.safeParse(args.role);
  const locale = LocaleSchema.safeParse(args.locale ?? 'en');
  const usage = !args.email
    ? '--email is required'
    : !role.success
      ? '--role must be admin, analyst or viewer'
      : !locale.success
        ? '--locale must be en or ur'
        : '';
  if (usage) {
    io.err(`${usage}\n\n${USAGE}`);
    return 2;
  }
  const generated = !args['password-stdin'];
  const password = generated ? generatePassword() : await readAll(io.stdin);

  let runtime: Runtime | undefined;
  try {
    const config = io.env ? loadConfig(io.env) : loadConfig();
    runtime = await openRuntime(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
    const user = await createUserRecord(runtime.ctx.prisma, {
      email: args.email!,
      name: args.name,
      role: role.data!,
      locale: locale.data!,
      sectorCodes: args.sectors
        ? args.sectors
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
      password,
    });
    io.out(
      `Created ${user.role} ${user.email} (id ${user.id}, sectors: ${user.sectorIds.length ? args.sectors : 'all'}).\n` +
        (generated ? `Password (shown only now; only its hash is stored): ${password}\n` : ''),
    );
    return 0;
  } catch (err) {
    const e = err as { code?: string; message?: string; name?: string };
    const message =
      err instanceof AppException
        ? err.message
        : e.code === 'P2002'
          ? `a user with the email ${args.email} already exists`
          : ['ConfigError', 'StartupError', 'MigrationError'].includes(e.name ?? '')
            ? e.message
            : undefined;
    if (message === undefined) throw err;
    io.err(`Cannot create the user: ${message}\n`);
    return 1;
  } finally {
    await runtime?.close();
  }
}

if (require.main === module) {
  userCreate(process.argv.slice(2), {
    stdin: process.stdin,
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
