// Finds "the same SQL" the API runs for a request, without guessing: a TCP proxy between the API and PostgreSQL
// that reads the frontend/backend protocol (Parse, Bind, Query, Sync → ReadyForQuery) and records every statement
// with its parameter values, its connection, when it started and ended, and the transaction status after it.
// The recording becomes a replay plan: statements in one transaction stay together on one connection; a unit
// waits for every unit that had finished before it started (so sequential steps stay sequential and parallel
// ones stay parallel).
import { createServer, connect } from 'node:net';
import { performance } from 'node:perf_hooks';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

function cstring(buf, offset) {
  const end = buf.indexOf(0, offset);
  return [buf.toString('utf8', offset, end), end + 1];
}

/** Accumulates bytes and yields whole messages (type byte + int32 length), or the untyped startup messages. */
class MessageReader {
  constructor(startup) {
    this.buf = Buffer.alloc(0);
    this.startup = startup;
  }
  push(chunk, onMessage) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      if (this.singleBytes > 0) {
        if (this.buf.length < 1) return;
        this.singleBytes--;
        this.buf = this.buf.subarray(1);
        continue;
      }
      if (this.startup) {
        if (this.buf.length < 8) return;
        const len = this.buf.readInt32BE(0);
        if (this.buf.length < len) return;
        const code = this.buf.readInt32BE(4);
        this.buf = this.buf.subarray(len);
        onMessage({ type: 'startup', code });
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.startup = false;
        continue;
      }
      if (this.buf.length < 5) return;
      const len = this.buf.readInt32BE(1);
      if (this.buf.length < 1 + len) return;
      const type = String.fromCharCode(this.buf[0]);
      const body = this.buf.subarray(5, 1 + len);
      this.buf = this.buf.subarray(1 + len);
      onMessage({ type, body });
    }
  }
}

export class SqlCapture {
  constructor({ upstreamHost, upstreamPort }) {
    this.upstream = { host: upstreamHost, port: upstreamPort };
    this.records = [];
    this.nextConn = 1;
    this.sockets = new Set();
  }

  async listen() {
    this.server = createServer((client) => this.#handle(client));
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = this.server.address().port;
    return this.port;
  }

  async close() {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Index to pass to `since()`. */
  mark() {
    return this.records.length;
  }

  since(mark) {
    return this.records.slice(mark);
  }

  #handle(client) {
    const conn = this.nextConn++;
    const server = connect(this.upstream);
    this.sockets.add(client);
    this.sockets.add(server);
    const statements = new Map();
    let bound = [];
    const pending = [];
    const front = new MessageReader(true);
    const back = new MessageReader(false);
    back.singleBytes = 0;
    front.singleBytes = 0;

    client.on('data', (chunk) => {
      server.write(chunk);
      front.push(chunk, (m) => {
        const now = performance.now();
        if (m.type === 'startup') {
          if (m.code === SSL_REQUEST || m.code === GSSENC_REQUEST) back.singleBytes++;
        } else if (m.type === 'P') {
          const [name, o1] = cstring(m.body, 0);
          const [text] = cstring(m.body, o1);
          statements.set(name, text);
        } else if (m.type === 'B') {
          const b = m.body;
          let [, o] = cstring(b, 0);
          let stmt;
          [stmt, o] = cstring(b, o);
          const nFormats = b.readInt16BE(o);
          o += 2;
          const formats = [];
          for (let i = 0; i < nFormats; i++, o += 2) formats.push(b.readInt16BE(o));
          const nParams = b.readInt16BE(o);
          o += 2;
          const values = [];
          for (let i = 0; i < nParams; i++) {
            const len = b.readInt32BE(o);
            o += 4;
            if (len < 0) {
              values.push(null);
              continue;
            }
            const raw = b.subarray(o, o + len);
            o += len;
            const format = nFormats === 0 ? 0 : nFormats === 1 ? formats[0] : formats[i];
            values.push(format === 1 ? Buffer.from(raw) : raw.toString('utf8'));
          }
          bound.push({ conn, text: statements.get(stmt) ?? '', values, simple: false, start: now });
        } else if (m.type === 'S') {
          pending.push(bound);
          bound = [];
        } else if (m.type === 'Q') {
          const [text] = cstring(m.body, 0);
          pending.push([{ conn, text, values: [], simple: true, start: now }]);
        }
      });
    });
    server.on('data', (chunk) => {
      client.write(chunk);
      back.push(chunk, (m) => {
        if (m.type !== 'Z') return;
        const done = pending.shift();
        if (!done) return;
        const end = performance.now();
        const status = String.fromCharCode(m.body[0]);
        for (const q of done) this.records.push({ ...q, end, status });
      });
    });
    const closeBoth = () => {
      client.destroy();
      server.destroy();
      this.sockets.delete(client);
      this.sockets.delete(server);
    };
    client.on('error', closeBoth);
    server.on('error', closeBoth);
    client.on('close', closeBoth);
    server.on('close', closeBoth);
  }
}

/**
 * Turns the statements recorded for one request into a replay plan: units (a statement, or a whole transaction on
 * one connection), each with the units it must wait for.
 */
export function planOf(records, { exclude = /pgboss/i } = {}) {
  const kept = records.filter((r) => !exclude.test(r.text));
  const byConn = new Map();
  for (const r of kept) {
    if (!byConn.has(r.conn)) byConn.set(r.conn, []);
    byConn.get(r.conn).push(r);
  }
  const units = [];
  for (const list of byConn.values()) {
    let open;
    for (const r of list) {
      if (!open) {
        open = { statements: [], start: r.start, end: r.end };
        units.push(open);
      }
      open.statements.push({ text: r.text, values: r.values, simple: r.simple, ms: r.end - r.start });
      open.end = r.end;
      if (r.status === 'I') open = undefined;
    }
  }
  units.sort((a, b) => a.start - b.start);
  return units.map((u, i) => ({
    statements: u.statements,
    after: units.map((v, j) => (j !== i && v.end <= u.start ? j : -1)).filter((j) => j >= 0),
  }));
}

/** Runs one replay of a plan on a pg Pool: the same statements, values, grouping and ordering as the API's. */
export async function replay(pool, plan) {
  const running = new Array(plan.length);
  for (let i = 0; i < plan.length; i++) {
    const unit = plan[i];
    running[i] = Promise.all(unit.after.map((j) => running[j])).then(async () => {
      const client = await pool.connect();
      try {
        for (const s of unit.statements) {
          if (s.simple) await client.query(s.text);
          else await client.query({ text: s.text, values: s.values, rowMode: 'array' });
        }
      } finally {
        client.release();
      }
    });
  }
  await Promise.all(running);
}

/** The slowest statement of a plan (as timed while recording), for EXPLAIN. */
export function slowestStatement(plan) {
  return plan.flatMap((u) => u.statements).reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), undefined);
}

/** One line per statement, for the printed and saved record of what was replayed. */
export function describePlan(plan) {
  return plan.map((u, i) => ({
    unit: i,
    after: u.after,
    statements: u.statements.map((s) => ({
      sql: s.text.replace(/\s+/g, ' ').trim(),
      values: s.values.map((v) => (Buffer.isBuffer(v) ? `<${v.length} bytes>` : v)),
      capturedMs: Number(s.ms.toFixed(2)),
    })),
  }));
}
