import { signedInUser, type SignedInUser } from '../support/auth';
import { createMatrixFixtures, type MatrixFixtures } from '../support/access-matrix';
import { startTestApp, type TestApp } from '../support/test-app';

// Object-level sector scope beyond "who may call the route": ids from another scope are not a way in.
// The steel analyst (analystInScope) works on steel; the energy analyst (analystOutOfScope) on energy.

describe('sector scope: record ids from another scope are not a way in', () => {
  let t: TestApp;
  let f: MatrixFixtures;
  let steelAnalyst: SignedInUser;
  let energyAnalyst: SignedInUser;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '100000' } });
    f = await createMatrixFixtures(t);
    steelAnalyst = f.users.analystInScope;
    energyAnalyst = f.users.analystOutOfScope;
  });
  afterAll(() => t?.close());

  const put = (who: SignedInUser, path: string, body: object) => t.http.put(path).set('Cookie', who.cookie).send(body);
  const post = (who: SignedInUser, path: string, body: object) =>
    t.http.post(path).set('Cookie', who.cookie).send(body);

  it('should let an energy analyst read the steel initiative but not change it', async () => {
    const steel = await f.initiative();
    await t.http.get(`/api/initiatives/${steel.id}`).set('Cookie', energyAnalyst.cookie).expect(200);
    const res = await put(energyAnalyst, `/api/initiatives/${steel.id}`, {
      titleEn: 'Mine now',
      version: steel.version,
    }).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(
      (await t.http.get(`/api/initiatives/${steel.id}`).set('Cookie', energyAnalyst.cookie)).body.titleEn,
    ).not.toBe('Mine now');
  });

  it('should not let an analyst move a record of their own sector into an initiative of another', async () => {
    const energyMilestone = await f.milestone({ sector: 'outOfScope' });
    const steel = await f.initiative();
    await put(energyAnalyst, `/api/milestones/${energyMilestone.id}`, {
      initiativeId: steel.id,
      version: energyMilestone.version,
    }).expect(403);
    const steelMilestone = await f.milestone();
    const energy = await f.initiative({ sector: 'outOfScope' });
    await put(steelAnalyst, `/api/milestones/${steelMilestone.id}`, {
      initiativeId: energy.id,
      version: steelMilestone.version,
    }).expect(403);
    // Within their own sector it works.
    const otherSteel = await f.initiative();
    await put(steelAnalyst, `/api/milestones/${steelMilestone.id}`, {
      initiativeId: otherSteel.id,
      version: steelMilestone.version,
    }).expect(200);
  });

  it('should not let an analyst give an initiative sectors outside their scope', async () => {
    const both = await post(energyAnalyst, '/api/initiatives', {
      code: f.unique('X').toUpperCase(),
      titleEn: 'Energy and steel',
      sectorIds: [f.sectors.outOfScope, f.sectors.inScope],
      countryCodes: ['PK'],
    });
    expect(both.status).toBe(403);
    const steel = await f.initiative();
    await put(steelAnalyst, `/api/initiatives/${steel.id}`, {
      sectorIds: [f.sectors.outOfScope],
      version: steel.version,
    }).expect(403);
  });

  it('should not let evidence, decisions or status updates point into another scope', async () => {
    const source = await f.source();
    const steelMilestone = await f.milestone();
    await post(energyAnalyst, '/api/evidence', { sourceId: source.id, milestoneId: steelMilestone.id }).expect(403);
    const steel = await f.initiative();
    await post(energyAnalyst, '/api/status-updates', {
      initiativeId: steel.id,
      toHealth: 'off_track',
      effectiveAt: '2025-07-10',
      note: 'x',
    }).expect(403);
    const energyDecision = await f.decision({ sector: 'outOfScope' });
    await put(energyAnalyst, `/api/decisions/${energyDecision.id}`, {
      initiativeId: steel.id,
      version: energyDecision.version,
    }).expect(403);
  });

  it("should refuse changes to a source cited in another scope, even when one's own initiative cites it too", async () => {
    const shared = await f.source({ citedIn: 'inScope' });
    const energy = await f.initiative({ sector: 'outOfScope' });
    await f.asAdmin('post', '/api/evidence', { sourceId: shared.id, initiativeId: energy.id });
    await put(energyAnalyst, `/api/sources/${shared.id}`, { publisher: 'Changed', version: shared.version }).expect(
      403,
    );
    await put(steelAnalyst, `/api/sources/${shared.id}`, { publisher: 'Changed', version: shared.version }).expect(403);
    await put(f.users.admin, `/api/sources/${shared.id}`, { publisher: 'Changed', version: shared.version }).expect(
      200,
    );
  });

  it('should let an analyst with an empty scope (every sector) change records of any sector', async () => {
    const everywhere = await signedInUser(t, { role: 'analyst' });
    for (const sector of ['inScope', 'outOfScope'] as const) {
      const i = await f.initiative({ sector });
      await put(everywhere, `/api/initiatives/${i.id}`, {
        titleEn: 'Edited by a general analyst',
        version: i.version,
      }).expect(200);
    }
  });

  it("should keep another user's saved view to its owner (and admins)", async () => {
    const view = await f.savedView('viewer');
    await put(steelAnalyst, `/api/saved-views/${view.id}`, { name: 'Taken over', version: view.version }).expect(403);
    await t.http.delete(`/api/saved-views/${view.id}`).set('Cookie', steelAnalyst.cookie).expect(403);
    await put(f.users.admin, `/api/saved-views/${view.id}`, { name: 'Tidied by admin', version: view.version }).expect(
      200,
    );
  });

  it('should attribute every change to the user who made it', async () => {
    const steel = await f.initiative();
    await put(steelAnalyst, `/api/initiatives/${steel.id}`, { titleEn: 'Attributed', version: steel.version })
      .set('X-Request-Id', 'scope-attrib-1')
      .expect(200);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: 'scope-attrib-1' } });
    expect(event).toMatchObject({
      actorId: steelAnalyst.id,
      actorName: steelAnalyst.email,
      entity: 'initiatives',
      entityId: String(steel.id),
      ip: '127.0.0.1',
    });
  });
});
