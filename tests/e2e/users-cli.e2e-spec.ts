import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { userCreate } from '../../apps/api/src/cli/user-create';
import { verifyPassword } from '../../apps/api/src/common/auth/passwords';
import { signIn } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

// `npm run user:create -- --email … --role …`, run in-process against this suite's database.

describe('npm run user:create', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  async function run(argv: string[], stdin = '') {
    let out = '';
    let err = '';
    const code = await userCreate(argv, {
      env: { DATABASE_URL: t.db.url, RABTA_DATA_DIR: mkdtempSync(join(tmpdir(), 'rabta-cli-')), LOG_LEVEL: 'silent' },
      stdin: Readable.from([stdin]),
      out: (s) => void (out += s),
      err: (s) => void (err += s),
    });
    return { code, out, err };
  }

  it('should create a user with a generated password shown once, and store only its hash', async () => {
    const res = await run([
      '--email',
      'Sorokin@MinEnergo.example',
      '--role',
      'analyst',
      '--sectors',
      'energy,lpg',
      '--name',
      'Pavel Sorokin',
    ]);
    expect(res).toMatchObject({ code: 0, err: '' });
    const password = /Password \(shown only now; only its hash is stored\): (\S+)/.exec(res.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const row = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'sorokin@minenergo.example' },
      include: { sectors: { include: { sector: true } } },
    });
    expect(row).toMatchObject({ role: 'analyst', name: 'Pavel Sorokin' });
    expect(row.sectors.map((s) => s.sector.code).sort()).toEqual(['energy', 'lpg']);
    expect(await verifyPassword(row.passwordHash, password!)).toBe(true);
    await signIn(t.http, 'sorokin@minenergo.example', password!);
    expect(
      await t.prisma.auditEvent.count({
        where: { action: 'create', entity: 'users', entityId: String(row.id), actorName: 'system' },
      }),
    ).toBe(1);
  });

  it('should read the password from stdin with --password-stdin, and refuse a weak one', async () => {
    const ok = await run(
      ['--email', 'overchuk@gov.example', '--role', 'viewer', '--password-stdin'],
      'natural allies in energy\n',
    );
    expect(ok.code).toBe(0);
    expect(ok.out).not.toContain('natural allies');
    await signIn(t.http, 'overchuk@gov.example', 'natural allies in energy');
    const weak = await run(['--email', 'weak@gov.example', '--role', 'viewer', '--password-stdin'], 'password1234');
    expect(weak).toMatchObject({ code: 1, err: expect.stringContaining('too weak') });
  });

  it('should explain bad usage, a duplicate email and an unknown sector', async () => {
    expect(await run(['--role', 'admin'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--email is required'),
    });
    expect(await run(['--email', 'a@b.example', '--role', 'root'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--role must be'),
    });
    expect(await run(['--email', 'a@b.example', '--role', 'admin', '--bogus'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--bogus'),
    });
    expect(await run(['--email', 'overchuk@gov.example', '--role', 'viewer'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('already exists'),
    });
    expect(
      await run(['--email', 'new@gov.example', '--role', 'analyst', '--sectors', 'steel,spaceflight']),
    ).toMatchObject({
      code: 1,
      err: expect.stringContaining('spaceflight'),
    });
    expect((await run(['--help'])).out).toContain('npm run user:create');
  });
});
