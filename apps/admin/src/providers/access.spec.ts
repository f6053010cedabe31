import { accessRuleOf, canAccess, type AccessContext } from './access';
import type { Me } from './types';

const user = (role: Me['role'], sectorIds: number[] = []): Me => ({
  id: 7,
  email: `${role}@x`,
  name: role,
  role,
  sectorIds,
  locale: 'en',
});
// Initiative 1 is in sector 10 (energy), initiative 2 in sector 20 (steel).
const SECTORS: Record<number, number[]> = { 1: [10], 2: [20] };
const ctx = (u: Me | null, past = false): AccessContext => ({
  user: u,
  past,
  sectorsOf: async (ids) => ids.map((id) => SECTORS[id] ?? []),
});

const energyInitiative = { id: 1, sectorIds: [10] };
const steelInitiative = { id: 2, sectorIds: [20] };

describe(canAccess.name, () => {
  it('should refuse everything when nobody is signed in', async () => {
    expect(await canAccess({ action: 'list', resource: 'initiatives' }, ctx(null))).toBe(false);
    expect(await canAccess({ action: 'list', resource: 'profile' }, ctx(null))).toBe(false);
  });

  it('should refuse a resource or page the registry does not know, even to admins', async () => {
    expect(accessRuleOf('nowhere')).toBeUndefined();
    expect(await canAccess({ action: 'list', resource: 'nowhere' }, ctx(user('admin')))).toBe(false);
  });

  it('should take each rule from the config of its resource or page', () => {
    expect(accessRuleOf('initiatives')).toBe('initiative');
    expect(accessRuleOf('milestones')).toBe('initiative-child');
    expect(accessRuleOf('agreements')).toBe('linked');
    expect(accessRuleOf('users')).toBe('admin');
    expect(accessRuleOf('audit-events')).toBe('admin-read');
    expect(accessRuleOf('tokens')).toBe('everyone');
    expect(accessRuleOf('dashboard')).toBe('everyone');
  });

  it("should open one's own pages (profile, password, tokens, dashboard) to every role, also in the past", async () => {
    for (const role of ['admin', 'analyst', 'viewer'] as const) {
      for (const resource of ['profile', 'password', 'tokens', 'dashboard']) {
        expect(await canAccess({ action: 'list', resource }, ctx(user(role), true))).toBe(true);
      }
    }
  });

  it('should let viewers read and export but change nothing (except their own saved views)', async () => {
    const v = ctx(user('viewer'));
    expect(await canAccess({ action: 'list', resource: 'initiatives' }, v)).toBe(true);
    expect(await canAccess({ action: 'export', resource: 'milestones' }, v)).toBe(true);
    expect(await canAccess({ action: 'create', resource: 'initiatives' }, v)).toBe(false);
    expect(await canAccess({ action: 'edit', resource: 'initiatives', record: energyInitiative }, v)).toBe(false);
    expect(await canAccess({ action: 'delete', resource: 'sources', record: { id: 3 } }, v)).toBe(false);
    expect(await canAccess({ action: 'create', resource: 'saved-views' }, v)).toBe(true);
    expect(await canAccess({ action: 'delete', resource: 'saved-views', record: { id: 1, ownerId: 7 } }, v)).toBe(true);
    expect(await canAccess({ action: 'delete', resource: 'saved-views', record: { id: 2, ownerId: 8 } }, v)).toBe(
      false,
    );
  });

  it('should open intake to analysts and admins only, and offer no new article while viewing the past', async () => {
    expect(accessRuleOf('intake')).toBe('analysts');
    expect(await canAccess({ action: 'list', resource: 'intake' }, ctx(user('viewer')))).toBe(false);
    expect(await canAccess({ action: 'list', resource: 'intake' }, ctx(user('analyst', [10])))).toBe(true);
    expect(await canAccess({ action: 'create', resource: 'intake' }, ctx(user('admin')))).toBe(true);
    expect(await canAccess({ action: 'create', resource: 'intake' }, ctx(user('analyst'), true))).toBe(false);
  });

  it('should hide the administration from analysts and viewers', async () => {
    for (const role of ['analyst', 'viewer'] as const) {
      for (const resource of ['users', 'sectors', 'countries', 'audit-events']) {
        expect(await canAccess({ action: 'list', resource }, ctx(user(role)))).toBe(false);
      }
    }
    expect(await canAccess({ action: 'list', resource: 'audit-events' }, ctx(user('admin')))).toBe(true);
    expect(await canAccess({ action: 'edit', resource: 'audit-events', record: { id: 'x' } }, ctx(user('admin')))).toBe(
      false,
    );
    expect(await canAccess({ action: 'edit', resource: 'users', record: { id: 1 } }, ctx(user('admin')))).toBe(true);
  });

  it('should let an analyst edit within their sectors only', async () => {
    const energy = ctx(user('analyst', [10]));
    expect(await canAccess({ action: 'edit', resource: 'initiatives', record: energyInitiative }, energy)).toBe(true);
    expect(await canAccess({ action: 'edit', resource: 'initiatives', record: steelInitiative }, energy)).toBe(false);
    expect(await canAccess({ action: 'show', resource: 'initiatives', record: steelInitiative }, energy)).toBe(true);
    // Records attached to an initiative follow its sectors.
    expect(
      await canAccess({ action: 'edit', resource: 'milestones', record: { id: 5, initiativeId: 1 } }, energy),
    ).toBe(true);
    expect(
      await canAccess({ action: 'delete', resource: 'milestones', record: { id: 6, initiativeId: 2 } }, energy),
    ).toBe(false);
    // Records linked to several initiatives: editable when every one of them is in scope.
    expect(
      await canAccess({ action: 'edit', resource: 'engagements', record: { id: 1, initiativeIds: [1, 2] } }, energy),
    ).toBe(false);
    expect(
      await canAccess({ action: 'edit', resource: 'engagements', record: { id: 1, initiativeIds: [1] } }, energy),
    ).toBe(true);
    expect(
      await canAccess({ action: 'edit', resource: 'agreements', record: { id: 1, initiativeIds: [2] } }, energy),
    ).toBe(false);
  });

  it('should let analysts add and correct people, organisations and positions, and only admins delete them', async () => {
    const analyst = ctx(user('analyst', [10]));
    for (const resource of ['people', 'organizations', 'positions']) {
      expect(accessRuleOf(resource)).toBe('reference');
      expect(await canAccess({ action: 'create', resource }, analyst)).toBe(true);
      expect(await canAccess({ action: 'edit', resource, record: { id: 1 } }, analyst)).toBe(true);
      expect(await canAccess({ action: 'delete', resource, record: { id: 1 } }, analyst)).toBe(false);
      expect(await canAccess({ action: 'delete', resource, record: { id: 1 } }, ctx(user('admin')))).toBe(true);
      expect(await canAccess({ action: 'edit', resource, record: { id: 1 } }, ctx(user('viewer')))).toBe(false);
    }
  });

  it('should treat an empty sector scope as every sector', async () => {
    const all = ctx(user('analyst', []));
    expect(await canAccess({ action: 'edit', resource: 'initiatives', record: steelInitiative }, all)).toBe(true);
    expect(await canAccess({ action: 'edit', resource: 'milestones', record: { id: 6, initiativeId: 2 } }, all)).toBe(
      true,
    );
  });

  it('should offer no change at all while viewing the past, even to admins', async () => {
    for (const u of [user('admin'), user('analyst')]) {
      const past = ctx(u, true);
      expect(await canAccess({ action: 'list', resource: 'initiatives' }, past)).toBe(true);
      expect(await canAccess({ action: 'create', resource: 'initiatives' }, past)).toBe(false);
      expect(await canAccess({ action: 'edit', resource: 'initiatives', record: energyInitiative }, past)).toBe(false);
    }
    // Saved views are not part of the record of the past.
    expect(await canAccess({ action: 'create', resource: 'saved-views' }, ctx(user('viewer'), true))).toBe(true);
  });
});
