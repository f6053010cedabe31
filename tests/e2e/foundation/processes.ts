import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

// Running the BUILT programs (`npm test` builds before jest), as an operator would.

export const ROOT = join(__dirname, '..', '..', '..');

/** The path of a built file; fails with what to do when the build has not run. */
export function built(relative: string): string {
  const file = join(ROOT, relative);
  if (!existsSync(file)) {
    throw new Error(
      `${relative} is missing: these tests run the built server. Run \`npm run build\` first (\`npm test\` does).`,
    );
  }
  return file;
}

/** The test runner's environment without anything that configures Rabta, so each test states what it sets. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      /^(DATABASE_URL|TEST_DATABASE_URL|PORT|HOST|NODE_ENV|LOG_LEVEL|PUBLIC_URL|CORS_ORIGINS|TRUST_PROXY|SESSION_.*|LOGIN_.*|RABTA_.*)$/.test(
        k,
      )
    )
      continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  exited: Promise<Finished>;
}

export function startNode(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Runs a program to its end; kills it after `timeoutMs` (and says so in stderr). */
export async function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Finished> {
  const run = startNode(args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  const done = await run.exited;
  clearTimeout(timer);
  if (done.signal === 'SIGKILL') done.stderr += `\n[killed after ${timeoutMs} ms]`;
  return done;
}

/**
 * A free port for a server a test starts, drawn at random below the kernel's ephemeral range (32768 and up): a port
 * that `listen(0)` handed out and we closed again is the very one the kernel gives the next `listen(0)` of any
 * process — another suite's PostgreSQL, or the browser tests' API running beside the e2e tests — before our server
 * binds it. A port of 20000–32767 is never handed out that way; it is checked free here.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_768);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port in 20000-32767');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** Alive and not a zombie (an orphan whose new parent does not reap it stays a zombie here). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
