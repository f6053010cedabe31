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

  // The findings of the security review, one by one (the generated link cases of the access matrix cover every
  // link field; these show the attacks as a user would try them).
  it('should refuse evidence whose targets lie in another sector, and evidence whose targets disagree', async () => {
    const source = await f.source();
    const steel = await f.initiative();
    const energyMilestone = await f.milestone({ sector: 'outOfScope' });
    const before = await t.prisma.evidence.count();
    for (const target of [
      { milestoneId: energyMilestone.id },
      { statusUpdateId: (await f.statusUpdate({ sector: 'outOfScope' })).id },
      { engagementId: (await f.engagement({ sector: 'outOfScope' })).id },
      { decisionId: (await f.decision({ sector: 'outOfScope' })).id },
      { agreementId: (await f.agreement({ sector: 'outOfScope' })).id },
    ]) {
      const res = await post(steelAnalyst, '/api/evidence', { sourceId: source.id, initiativeId: steel.id, ...target });
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      expect(res.body.errors).toHaveProperty(Object.keys(target)[0]);
    }
    // Both in scope, but the milestone is another initiative's: the links must agree.
    const otherSteelMilestone = await f.milestone();
    const res = await post(steelAnalyst, '/api/evidence', {
      sourceId: source.id,
      initiativeId: steel.id,
      milestoneId: otherSteelMilestone.id,
    });
    expect([res.status, res.body.code]).toEqual([422, 'UNPROCESSABLE']);
    expect(res.body.errors).toEqual({ milestoneId: expect.stringContaining(String(otherSteelMilestone.initiativeId)) });
    expect(await t.prisma.evidence.count()).toBe(before);
  });

  it("should not let an analyst plant a decision on another sector's meeting or milestone, nor move one there", async () => {
    const energyMeeting = await f.engagement({ sector: 'outOfScope' });
    const steelMeeting = await f.engagement();
    const steelInitiative = steelMeeting.initiativeIds[0];
    const planted = await post(steelAnalyst, '/api/decisions', {
      engagementId: energyMeeting.id,
      textEn: 'Planted on their meeting',
    });
    expect([planted.status, planted.body.errors]).toEqual([403, { engagementId: 'Outside your sector scope' }]);
    const withOwnInitiative = await post(steelAnalyst, '/api/decisions', {
      engagementId: energyMeeting.id,
      initiativeId: steelInitiative,
      textEn: 'Planted with a steel initiative',
    });
    expect(withOwnInitiative.status).toBe(403);
    const energyMilestone = await f.milestone({ sector: 'outOfScope' });
    const pointing = await post(steelAnalyst, '/api/decisions', {
      engagementId: steelMeeting.id,
      milestoneId: energyMilestone.id,
      textEn: 'Pointing at their milestone',
    });
    expect(pointing.status).toBe(403);
    const own = await f.decision();
    await put(steelAnalyst, `/api/decisions/${own.id}`, {
      engagementId: energyMeeting.id,
      version: own.version,
    }).expect(403);
    await put(steelAnalyst, `/api/decisions/${own.id}`, {
      reviewedAtId: energyMeeting.id,
      version: own.version,
    }).expect(403);
    expect(await t.prisma.decision.count({ where: { engagementId: energyMeeting.id } })).toBe(0);
  });

  it('should let an analyst record a decision about their own initiative at a meeting about several sectors', async () => {
    const shared = await f.engagement();
    const energy = await f.initiative({ sector: 'outOfScope' });
    await f.asAdmin('put', `/api/engagements/${shared.id}`, {
      initiativeIds: [...shared.initiativeIds, energy.id],
      version: shared.version,
    });
    const res = await post(steelAnalyst, '/api/decisions', {
      engagementId: shared.id,
      initiativeId: shared.initiativeIds[0],
      textEn: 'Steel decision at the joint meeting',
    });
    expect(res.status).toBe(201);
    // A decision of the whole meeting belongs to every initiative of it: the steel analyst alone cannot make one.
    await post(steelAnalyst, '/api/decisions', { engagementId: shared.id, textEn: 'For everyone' }).expect(403);
    // Nor change the meeting itself, which the energy sector's records hang off too.
    const current = await f.asAdmin('get', `/api/engagements/${shared.id}`);
    await put(steelAnalyst, `/api/engagements/${shared.id}`, {
      outcomeEn: 'Rewritten by steel alone',
      version: current.version,
    }).expect(403);
  });

  it("should not let an analyst add another sector's initiative to a meeting or an agreement, nor remove one", async () => {
    for (const kind of ['engagement', 'agreement'] as const) {
      const path = kind === 'engagement' ? '/api/engagements' : '/api/agreements';
      const record = kind === 'engagement' ? await f.engagement() : await f.agreement();
      const current = await f.asAdmin('get', `${path}/${record.id}`);
      const steelIds = current.initiativeIds as number[];
      const energy = await f.initiative({ sector: 'outOfScope' });
      const add = await put(steelAnalyst, `${path}/${record.id}`, {
        initiativeIds: [...steelIds, energy.id],
        version: current.version,
      });
      expect([add.status, add.body.errors]).toEqual([403, { initiativeIds: 'Outside your sector scope' }]);
      // Linked to both: the energy analyst has "one of their own" linked, and still cannot take steel away.
      const both = await f.asAdmin('put', `${path}/${record.id}`, {
        initiativeIds: [...steelIds, energy.id],
        version: current.version,
      });
      await put(energyAnalyst, `${path}/${record.id}`, {
        initiativeIds: [energy.id],
        version: both.version,
      }).expect(403);
      expect((await f.asAdmin('get', `${path}/${record.id}`)).initiativeIds).toEqual([...steelIds, energy.id]);
    }
  });

  it('should keep a source to the initiatives whose meetings, agreements, decisions or milestones cite it', async () => {
    const cite = async (target: 'engagement' | 'agreement' | 'decision' | 'announcement') => {
      const source = await f.source();
      if (target === 'announcement') {
        const m = await f.milestone({ sector: 'outOfScope' });
        await f.asAdmin('put', `/api/milestones/${m.id}`, {
          plannedDate: '2026-03-01',
          announcement: { sourceId: source.id },
          version: m.version,
        });
      } else {
        const record =
          target === 'engagement'
            ? await f.engagement({ sector: 'outOfScope' })
            : target === 'agreement'
              ? await f.agreement({ sector: 'outOfScope' })
              : await f.decision({ sector: 'outOfScope' });
        await f.asAdmin('post', '/api/evidence', { sourceId: source.id, [`${target}Id`]: record.id });
      }
      return source;
    };
    for (const target of ['engagement', 'agreement', 'decision', 'announcement'] as const) {
      const source = await cite(target);
      const res = await put(steelAnalyst, `/api/sources/${source.id}`, {
        publisher: 'Rewritten',
        version: source.version,
      });
      expect([target, res.status]).toEqual([target, 403]);
      await put(energyAnalyst, `/api/sources/${source.id}`, { publisher: 'Fixed', version: source.version }).expect(
        200,
      );
    }
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
      actorName: steelAnalyst.name,
      actorEmail: steelAnalyst.email,
      entity: 'initiatives',
      entityId: String(steel.id),
      ip: '127.0.0.1',
    });
  });

  it('should keep the name and email the actor had at the event, whatever they are called later', async () => {
    const writer = await signedInUser(t, { role: 'analyst', name: 'Hira Qureshi' });
    const steel = await f.initiative();
    await put(writer, `/api/initiatives/${steel.id}`, { titleEn: 'Before the rename', version: steel.version })
      .set('X-Request-Id', 'actor-snapshot-1')
      .expect(200);
    await f.asAdmin('put', `/api/users/${writer.id}`, {
      name: 'Hira Qureshi-Baig',
      email: 'hira.baig@mofa.example',
      version: 1,
    });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: 'actor-snapshot-1' } });
    const shown = await f.asAdmin('get', `/api/audit-events/${event.id}`);
    expect(shown).toMatchObject({ actorId: writer.id, actorName: 'Hira Qureshi', actorEmail: writer.email });
    // The rename itself is attributed to the admin as they were then.
    const rename = await f.asAdmin(
      'get',
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entity: 'users', entityId: String(writer.id), action: 'update' }))}`,
    );
    expect(rename).toEqual([
      expect.objectContaining({ actorName: f.users.admin.name, actorEmail: f.users.admin.email }),
    ]);
  });

  describe('shared reference data: people, organisations, positions', () => {
    const del = (who: SignedInUser, path: string) => t.http.delete(path).set('Cookie', who.cookie);

    it('should let analysts create and correct people, audited with before and after', async () => {
      const created = await post(energyAnalyst, '/api/people', { nameEn: 'Pavel Sorokin' }).expect(201);
      await put(steelAnalyst, `/api/people/${created.body.id}`, { nameUr: 'پاویل سوروکن', version: 1 }).expect(200);
      const event = await t.prisma.auditEvent.findFirstOrThrow({
        where: { entity: 'people', entityId: String(created.body.id), action: 'update' },
      });
      expect(event).toMatchObject({
        actorId: steelAnalyst.id,
        before: expect.objectContaining({ nameUr: null }),
        after: expect.objectContaining({ nameUr: 'پاویل سوروکن' }),
      });
    });

    it('should let only admins delete, and only what nothing refers to', async () => {
      const person = await f.person();
      const organization = await f.organization();
      for (const [path, code] of [
        [`/api/people/${person.id}`, 403],
        [`/api/organizations/${organization.id}`, 403],
      ] as const) {
        expect((await del(steelAnalyst, path)).status).toBe(code);
      }
      await del(f.users.admin, `/api/people/${person.id}`).expect(200);
      await del(f.users.admin, `/api/organizations/${organization.id}`).expect(200);
      const position = await f.position();
      await del(steelAnalyst, `/api/positions/${position.id}`).expect(403);
      await del(f.users.admin, `/api/positions/${position.id}`).expect(200);
    });

    it('should refuse to delete a person or an organisation still referred to, naming the referrers', async () => {
      const person = await f.person();
      const org = await f.organization();
      const position = await f.asAdmin('post', '/api/positions', {
        personId: person.id,
        organizationId: org.id,
        titleEn: 'Deputy Prime Minister',
      });
      const meeting = await f.engagement();
      await f.asAdmin('put', `/api/engagements/${meeting.id}`, {
        participantIds: [person.id],
        version: meeting.version,
      });
      const initiative = await f.initiative();
      await f.asAdmin('put', `/api/initiatives/${initiative.id}`, {
        focalPersonId: person.id,
        leadOrganizationIds: [org.id],
        version: initiative.version,
      });
      const child = await f.asAdmin('post', '/api/organizations', {
        nameEn: 'A department',
        kind: 'ministry',
        parentId: org.id,
      });

      const personRes = await del(f.users.admin, `/api/people/${person.id}`).expect(409);
      expect(personRes.body).toMatchObject({
        code: 'IN_USE',
        referrers: { positions: [position.id], engagements: [meeting.id], initiatives: [initiative.id] },
      });
      expect(personRes.body.message).toContain(`positions #${String(position.id)}`);
      const orgRes = await del(f.users.admin, `/api/organizations/${org.id}`).expect(409);
      expect(orgRes.body.referrers).toEqual({
        positions: [position.id],
        organizations: [child.id],
        initiatives: [initiative.id],
      });
      // Nothing was taken away.
      expect(await t.prisma.position.count({ where: { id: position.id as number } })).toBe(1);
      expect((await f.asAdmin('get', `/api/initiatives/${initiative.id}`)).focalPersonId).toBe(person.id);
    });

    it('should refuse to delete a source a milestone announcement cites', async () => {
      const source = await f.source();
      const m = await f.milestone();
      await f.asAdmin('put', `/api/milestones/${m.id}`, {
        plannedDate: '2026-05-01',
        announcement: { sourceId: source.id },
        version: m.version,
      });
      const res = await del(steelAnalyst, `/api/sources/${source.id}`).expect(409);
      expect(res.body.referrers).toEqual({ milestones: [m.id] });
      expect(await t.prisma.milestoneDateChange.count({ where: { sourceId: source.id } })).toBe(1);
    });
  });
});
