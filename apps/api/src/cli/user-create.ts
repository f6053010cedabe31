import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { RoleSchema, LocaleSchema } from '@rabta/domain';
import { generatePassword } from '../common/auth/passwords';
import { AppException } from '../common/errors/app-exception';
import { createUserRecord } from '../modules/users/users.bootstrap';
import { bootConfig, failStartup, openRuntime } from '../runtime';

const USAGE = `Create a Rabta user.

  npm run user:create -- --email EMAIL --role admin|analyst|viewer [--name NAME] [--sectors steel,energy] [--locale en|ur]
                         [--password-stdin]

Without --password-stdin a strong password is generated and printed once. With it, the password is read from
standard input (e.g. printf '%s' "$PW" | npm run user:create -- ... --password-stdin), never from the command
line, where other users of the machine could see it. --sectors limits an analyst to those sectors (codes);
without it the user may work in every sector.
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
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
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const role = RoleSchema.safeParse(args.role);
  const locale = LocaleSchema.safeParse(args.locale ?? 'en');
  if (!args.email || !role.success || !locale.success) {
    process.stderr.write(`${!args.email ? '--email is required' : !role.success ? '--role must be admin, analyst or viewer' : '--locale must be en or ur'}\n\n${USAGE}`);
    process.exit(2);
  }
  const generated = !args['password-stdin'];
  const password = generated ? generatePassword() : await readStdin();

  const { config, logger } = bootConfig();
  const runtime = await openRuntime(config, logger).catch((err) => failStartup(logger, err));
  try {
    const user = await createUserRecord(runtime.ctx.prisma, {
      email: args.email,
      name: args.name,
      role: role.data,
      locale: locale.data,
      sectorCodes: args.sectors ? args.sectors.split(',').map((s) => s.trim()).filter(Boolean) : [],
      password,
    });
    process.stdout.write(
      `Created ${user.role} ${user.email} (id ${user.id}, sectors: ${user.sectorIds.length ? user.sectorIds.join(', ') : 'all'}).\n` +
        (generated ? `Password (shown only now): ${password}\n` : ''),
    );
  } catch (err) {
    await runtime.close();
    if (err instanceof AppException || (err as { code?: string }).code === 'P2002') {
      const message = err instanceof AppException ? err.message : `A user with the email ${args.email} already exists`;
      process.stderr.write(`Cannot create the user: ${message}\n`);
      process.exit(1);
    }
    failStartup(logger, err);
  }
  await runtime.close();
}

void main();
