import { Client } from 'pg';
import { ChangesService } from '../../apps/api/src/common/changes/changes.service';
import { signedInUser, type SignedInUser } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

// Two apps on one database stand for two Rabta processes: the change feed (LISTEN/NOTIFY) must tell each of them
// about the other's committed writes, and only those.

/** Polls until `check` holds (no fixed sleeps); fails with `what` after `ms`. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe(ChangesService.name, () => {
  let a: TestApp;
  let b: TestApp;
  let admin: SignedInUser;
  let changesB: ChangesService;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ db: a.db });
    admin = await signedInUser(a, { role: 'admin' });
    changesB = b.app.get(ChangesService);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('should refresh the settings cache of every process when one process changes them', async () => {
    const cookieB = admin.cookie; // sessions live in PostgreSQL: one sign-in serves both processes
    const before = await b.http.get('/api/settings').set('Cookie', cookieB).expect(200);
    const next = before.body.staleAfterDays + 7;
    await a.http.put('/api/settings').set('Cookie', admin.cookie).send({ staleAfterDays: next }).expect(200);
    await until(
      'process B to read the new setting',
      async () => (await b.http.get('/api/settings').set('Cookie', cookieB)).body.staleAfterDays === next,
    );
  });

  it('should deliver a change only after its transaction commits, never from a rolled-back one', async () => {
    const heard: string[] = [];
    const off = changesB.onChange(['rolled-back-thing', 'committed-thing'], (r) => heard.push(r));
    try {
      const changesA = a.app.get(ChangesService);
      await expect(
        a.prisma.$transaction(async (tx) => {
          await changesA.announce(tx, 'rolled-back-thing');
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await a.prisma.$transaction((tx) => changesA.announce(tx, 'committed-thing'));
      // Notifications arrive in commit order: once the committed one is heard, a rolled-back one would have been.
      await until('the committed change to arrive', () => heard.includes('committed-thing'));
      expect(heard).toEqual(['committed-thing']);
    } finally {
      off();
    }
  });

  it('should announce the audit entity of every audited write', async () => {
    const heard: string[] = [];
    const off = changesB.onChange(['countries', 'organizations'], (r) => heard.push(r));
    try {
      await a.http
        .post('/api/organizations')
        .set('Cookie', admin.cookie)
        .send({ nameEn: 'Change Feed Steel Works', kind: 'company', countryCode: 'PK' })
        .expect(201);
      await until('the organizations change to arrive', () => heard.includes('organizations'));
      expect(heard).toEqual(['organizations']);
    } finally {
      off();
    }
  });

  it('should run a subscriber once for a burst of changes (debounced), and not after it unsubscribed', async () => {
    let calls = 0;
    const off = changesB.onChange(['burst'], () => (calls += 1));
    const changesA = a.app.get(ChangesService);
    for (let i = 0; i < 20; i += 1) await a.prisma.$transaction((tx) => changesA.announce(tx, 'burst'));
    await until('the burst to arrive', () => calls > 0);
    expect(calls).toBeLessThan(20);
    off();
    const seen = calls;
    const marker: string[] = [];
    const offMarker = changesB.onChange(['marker'], (r) => marker.push(r));
    await a.prisma.$transaction(async (tx) => {
      await changesA.announce(tx, 'burst');
      await changesA.announce(tx, 'marker');
    });
    await until('the marker to arrive', () => marker.length > 0);
    offMarker();
    expect(calls).toBe(seen);
  });

  it('should reconnect after the database drops the listener, refresh every subscriber, and hear later changes', async () => {
    const heard: string[] = [];
    const off = changesB.onChange(['settings', 'after-reconnect'], (r) => heard.push(r));
    try {
      const killer = new Client({ connectionString: a.db.url });
      await killer.connect();
      const killed = await killer.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'rabta-changes'`,
      );
      await killer.end();
      expect(killed.rowCount).toBe(2);
      await until('the listener to notice', () => !changesB.listening);
      await until('the listener to reconnect', () => changesB.listening);
      // What changed while it was away is unknown: every subscribed resource is refreshed.
      await until('the refresh after reconnecting', () => heard.includes('settings'));
      await a.prisma.$transaction((tx) => a.app.get(ChangesService).announce(tx, 'after-reconnect'));
      await until('a change after reconnecting', () => heard.includes('after-reconnect'));
    } finally {
      off();
    }
  });
});
