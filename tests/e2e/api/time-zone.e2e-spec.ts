import { Client } from 'pg';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeInitiative, makeSource } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createTestDatabase } from '../../support/test-database';

// A PostgreSQL server keeps its own TimeZone (initdb takes the machine's: a server installed in Karachi has
// Asia/Karachi). Rabta stores moments as instants and counts days in UTC whatever the server's zone: a moment an
// analyst gives, one the database stamps (now()) and one the API stamps must each read back as the instant it was,
// on every path (the initiative page's SQL, Prisma's reads) and in the database itself.

const MS_SLACK = 5_000;

describe('a database server whose time zone is not UTC', () => {
  let t: TestApp;
  let analyst: SignedInUser;
  let plain: Client;

  beforeAll(async () => {
    const db = await createTestDatabase();
    const setup = new Client({ connectionString: db.url });
    await setup.connect();
    await setup.query(`ALTER DATABASE "${db.name}" SET timezone = 'Asia/Karachi'`);
    await setup.end();
    // Sessions opened from now on take the database's zone.
    plain = new Client({ connectionString: db.url });
    await plain.connect();
    t = await startTestApp({ db });
    analyst = await signedInUser(t, { role: 'analyst' });
  });
  afterAll(async () => {
    await plain.end();
    await t.close();
  });

  it('should store and show every moment as the instant it was, in the API and in the database', async () => {
    // pg in this process keeps the offset PostgreSQL writes, so the plain client reads true instants.
    expect((await plain.query<{ TimeZone: string }>('SHOW TimeZone')).rows[0].TimeZone).toBe('Asia/Karachi');
    const before = Date.now();
    const initiative = await makeInitiative(t, analyst.cookie, { effectiveAt: '2025-02-20T22:30:00Z' });
    const source = await makeSource(t, analyst.cookie, { publishedAt: '2025-02-21' });
    const after = Date.now();
    const near = (iso: unknown) => {
      const at = Date.parse(String(iso));
      return at >= before - MS_SLACK && at <= after + MS_SLACK;
    };

    const listed = (
      await t.http
        .get('/api/initiatives')
        .query({ filter: JSON.stringify({ id: [initiative.id] }) })
        .set('Cookie', analyst.cookie)
        .expect(200)
    ).body[0];
    const read = (await t.http.get(`/api/sources/${source.id}`).set('Cookie', analyst.cookie).expect(200)).body;
    expect({
      created: near(initiative.createdAt),
      listedCreated: listed.createdAt,
      listedUpdated: near(listed.updatedAt),
      sourceCreated: near(read.createdAt),
      sourceUpdated: near(read.updatedAt),
    }).toEqual({
      created: true,
      listedCreated: initiative.createdAt,
      listedUpdated: true,
      sourceCreated: true,
      sourceUpdated: true,
    });

    const [row] = (
      await plain.query<{ created_at: Date; updated_at: Date }>(
        'SELECT created_at, updated_at FROM initiatives WHERE id = $1',
        [initiative.id],
      )
    ).rows;
    expect([row.created_at.toISOString(), row.updated_at.toISOString()]).toEqual([listed.createdAt, listed.updatedAt]);
    const [su] = (
      await plain.query<{ effective_at: Date; day: string }>(
        `SELECT effective_at, to_char(effective_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
           FROM status_updates WHERE initiative_id = $1`,
        [initiative.id],
      )
    ).rows;
    // The analyst's moment, stored as that instant: 22:30 UTC on the 20th (the 21st in Karachi).
    expect([su.effective_at.toISOString(), su.day]).toEqual(['2025-02-20T22:30:00.000Z', '2025-02-20']);

    const history = (
      await t.http
        .get('/api/status-updates')
        .query({ filter: JSON.stringify({ initiativeId: initiative.id }) })
        .set('Cookie', analyst.cookie)
        .expect(200)
    ).body as { effectiveAt: string; recordedAt: string }[];
    expect(history.map((h) => [h.effectiveAt, near(h.recordedAt)])).toEqual([['2025-02-20T22:30:00.000Z', true]]);
  });
});
