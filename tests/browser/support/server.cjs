// Starts the BUILT API (apps/api/dist/main.js, which serves the built admin) on a free port, with its own
// throw-away data directory (embedded PostgreSQL, migrated and seeded with the demo portfolio), and stops it.
// Used by the browser tests' global setup and by the admin benchmark. It builds nothing.
// CommonJS so that the global setup (ESM), the tests (Jest, CommonJS) and the benchmark can all load it.
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..', '..');
const ADMIN = { email: 'admin@browser.test', password: 'Browser-admin-pass-2026' };

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The embedded PostgreSQL also takes a free port: if it took ours meanwhile, start again on another. */
async function startApi(options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= 3 || !/already in use|EADDRINUSE/.test(String(error.message))) throw error;
    }
  }
}

async function startOnce({ env = {}, timeoutMs = 180_000 } = {}) {
  const main = join(ROOT, 'apps', 'api', 'dist', 'main.js');
  const admin = join(ROOT, 'apps', 'admin', 'dist', 'index.html');
  for (const file of [main, admin]) {
    if (!existsSync(file))
      throw new Error(
        `${file} is missing: build first (npm run build). The browser tests start the built app and build nothing.`,
      );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'rabta-browser-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      RABTA_DATA_DIR: dataDir,
      RABTA_SEED_DEMO: 'true',
      RABTA_ADMIN_EMAIL: ADMIN.email,
      RABTA_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      // Every test signs in several times from 127.0.0.1.
      LOGIN_RATE_LIMIT: '10000',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-20_000)));
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => r((exited = { code, signal }))));

  const started = Date.now();
  for (;;) {
    if (exited) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`The API exited while starting (${JSON.stringify(exited)}):\n${output}`);
    }
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`The API did not answer within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }

  return {
    url,
    pid: child.pid,
    dataDir,
    output: () => output,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exitPromise;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A minimal cookie-keeping client for the API (Node side): set-up data, concurrent changes, checks. */
async function apiSession(url, { email, password }) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async (method, path, body) => {
    const r = await fetch(`${url}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: r.status, headers: r.headers, body: json };
  };
  const ok = async (method, path, body) => {
    const r = await call(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return {
    call,
    get: (p) => ok('GET', p),
    post: (p, b) => ok('POST', p, b ?? {}),
    put: (p, b) => ok('PUT', p, b),
    del: (p) => ok('DELETE', p),
  };
}

module.exports = { ROOT, ADMIN, startApi, apiSession };
