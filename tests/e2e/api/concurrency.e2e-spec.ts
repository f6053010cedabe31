import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeInitiative, makeMilestone } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('no lost updates', () => {
  let t: TestApp;
  let admin: SignedInUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, { role: 'admin' });
  });
  afterAll(() => t.close());

  it('should let exactly 1 of 50 concurrent updates on the same version through; 49 get 409 and the winner is stored', async () => {
    const initiative = await makeInitiative(t, admin.cookie);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        t.http
          .put(`/api/initiatives/${initiative.id}`)
          .set('Cookie', admin.cookie)
          .send({ titleEn: `Writer ${n}`, summaryEn: `Summary of writer ${n}`, version: 1 }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = results.find((r) => r.status === 200)!.body;
    for (const loser of results.filter((r) => r.status === 409))
      expect(loser.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: expect.any(Number) } });
    const stored = await t.prisma.initiative.findUniqueOrThrow({ where: { id: initiative.id } });
    expect({ titleEn: stored.titleEn, summaryEn: stored.summaryEn, version: stored.version }).toEqual({
      titleEn: winner.titleEn,
      summaryEn: winner.summaryEn,
      version: 2,
    });
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: 'initiatives', entityId: String(initiative.id), action: 'update' },
      }),
    ).toBe(1);
  });

  it('should do the same for a kit resource (milestones), with the ledger written once', async () => {
    const initiative = await makeInitiative(t, admin.cookie);
    const milestone = await makeMilestone(t, admin.cookie, initiative.id, { plannedDate: '2025-08-31' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        t.http
          .put(`/api/milestones/${milestone.id}`)
          .set('Cookie', admin.cookie)
          .send({ plannedDate: `2025-09-${String(n + 1).padStart(2, '0')}`, version: 1 }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await t.prisma.milestoneDateChange.count({ where: { milestoneId: milestone.id } })).toBe(2);
  });
});
