import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './env';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

const keysOf = (problems: string[]) => problems.map((p) => p.split(/[.:]/)[0]).sort();

describe(loadConfig.name, () => {
  it('should start from the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: resolve('./.data'),
      logLevel: 'info',
      seedDemo: true,
      corsOrigins: [],
      trustProxy: false,
    });
  });

  it('should read every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://u:p@db.internal:5432/rabta',
      RABTA_DATA_DIR: '/var/lib/rabta',
      LOG_LEVEL: 'debug',
      RABTA_SEED_DEMO: 'false',
      RABTA_ADMIN_EMAIL: 'Admin@Example.ORG',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://u:p@db.internal:5432/rabta',
      dataDir: '/var/lib/rabta',
      logLevel: 'debug',
      seedDemo: false,
      adminEmail: 'admin@example.org',
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).databaseUrl).toBe('postgres://h/db');
  });

  it('should treat an empty variable as unset and ignore variables it does not know', () => {
    const config = loadConfig({ PORT: '', LOG_LEVEL: '', DATABASE_URL: '', PATH: '/usr/bin', SOMETHING_ELSE: 'x' });
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('should list every bad key at once, not just the first', () => {
    const problems = problemsOf({
      PORT: 'abc',
      DATABASE_URL: 'mysql://root@localhost/rabta',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
      RABTA_SEED_DEMO: 'maybe',
      RABTA_ADMIN_EMAIL: 'not-an-email',
      RABTA_ADMIN_PASSWORD: 'short',
      SESSION_IDLE_MINUTES: '0',
      PUBLIC_URL: 'rabta.example',
    });
    expect(keysOf(problems)).toEqual(
      [
        'DATABASE_URL',
        'LOG_LEVEL',
        'NODE_ENV',
        'PORT',
        'PUBLIC_URL',
        'RABTA_ADMIN_EMAIL',
        'RABTA_ADMIN_PASSWORD',
        'RABTA_SEED_DEMO',
        'SESSION_IDLE_MINUTES',
      ].sort(),
    );
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('postgresql://');
  });

  it('should put every problem in the message, one per line, with what to do', () => {
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/^Invalid configuration: fix or unset these environment variables/);
      expect(
        message
          .split('\n')
          .filter((l) => l.startsWith('  - '))
          .map((l) => l.slice(4).split(':')[0])
          .sort(),
      ).toEqual(['LOG_LEVEL', 'PORT']);
    }
  });

  it.each([
    ['refuse', '70000'],
    ['refuse', '-1'],
    ['refuse', '3.5'],
    ['refuse', '80x'],
    ['accept', '0'],
    ['accept', '65535'],
  ])('should %s PORT=%s', (verdict, value) => {
    if (verdict === 'accept') expect(loadConfig({ PORT: value }).port).toBe(Number(value));
    else expect(keysOf(problemsOf({ PORT: value }))).toEqual(['PORT']);
  });

  it('should name the bad entry of a list', () => {
    expect(keysOf(problemsOf({ CORS_ORIGINS: 'https://ok.example,not a url' }))).toEqual(['CORS_ORIGINS']);
  });
});
