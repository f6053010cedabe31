import { canAssignSectors, canEditSectors, type Principal } from './access';

// ================================================================================================================
// Sector scope on links: what "a record touches initiative X" means, for every resource and every link field.
//
// An analyst writes only what belongs to initiatives of their sectors. Every record that is not an initiative
// belongs to initiatives through its links: a milestone to its initiative, an engagement to the initiatives it
// names, evidence to whatever its target belongs to, a source to every initiative whose records cite it. The rule,
// applied by the API in one place (apps/api/src/common/resource/link-scope.ts):
//
//   creating, changing or deleting a record — or adding or removing one of its links — needs write scope over every
//   initiative it touches, before and after the change;
//   naming a record in a `reach` link needs write scope over at least one initiative that record touches (or it
//   touches none): nobody attaches things to records that have nothing of theirs;
//   linked records must agree: a milestone, status update or decision named together with an initiative belongs to
//   it (`belongsTo`).
//
// Every body field that holds an id (or a list of ids) is declared here, also those that do not touch scope, so the
// generated link-scope test (tests/support/access-matrix.ts) can demand a declaration for each new one.
// ================================================================================================================

/** Records whose writes are limited by sector scope. */
export const SCOPED_KINDS = [
  'initiatives',
  'milestones',
  'status-updates',
  'engagements',
  'decisions',
  'agreements',
  'evidence',
  'sources',
] as const;
export type ScopedKind = (typeof SCOPED_KINDS)[number];

/** What a link may point at: a scoped record, or shared reference data and other unscoped records. */
export type LinkTarget =
  ScopedKind | 'sectors' | 'countries' | 'people' | 'organizations' | 'positions' | 'users' | 'report-schedules';

export function isScopedKind(kind: string): kind is ScopedKind {
  return (SCOPED_KINDS as readonly string[]).includes(kind);
}

/**
 * - `touch`: the record touches the initiatives its target touches (an initiative touches itself);
 * - `reach`: naming the target needs write scope over at least one initiative it touches;
 * - `assign`: the ids are sectors, and each one added or removed must be in the writer's scope;
 * - `none`: a plain reference (people, organisations, countries, a cited source, a read-only report parameter).
 */
export type LinkScope = 'touch' | 'reach' | 'assign' | 'none';

export interface LinkRule {
  /** The field, as in create/update bodies and in the record's representation; dotted when nested. */
  field: string;
  to: LinkTarget;
  /** A list of ids. */
  many?: boolean;
  scope: LinkScope;
  /** For `touch`: while the record sets any of these fields, the link only needs `reach` (a decision about one
   * initiative, taken at a meeting about several, belongs to that initiative and not to the whole meeting). */
  unlessSet?: readonly string[];
  /** The target must belong to the initiative named in this field of the same record. */
  belongsTo?: string;
}

const touch = (field: string, to: ScopedKind, extra: Partial<LinkRule> = {}): LinkRule => ({
  field,
  to,
  scope: 'touch',
  ...extra,
});
const reach = (field: string, to: ScopedKind): LinkRule => ({ field, to, scope: 'reach' });
const ref = (field: string, to: LinkTarget, many = false): LinkRule => ({ field, to, scope: 'none', many });

/** Per resource (its URL segment): every link field of its bodies and representation. */
export const RESOURCE_LINKS: Readonly<Record<string, readonly LinkRule[]>> = {
  initiatives: [
    { field: 'sectorIds', to: 'sectors', many: true, scope: 'assign' },
    ref('leadOrganizationIds', 'organizations', true),
    ref('focalPersonId', 'people'),
  ],
  milestones: [
    touch('initiativeId', 'initiatives'),
    ref('ownerOrganizationId', 'organizations'),
    ref('ownerPersonId', 'people'),
    ref('announcement.announcedById', 'people'),
    ref('announcement.sourceId', 'sources'),
  ],
  'status-updates': [touch('initiativeId', 'initiatives'), ref('sourceIds', 'sources', true)],
  engagements: [
    touch('initiativeIds', 'initiatives', { many: true }),
    reach('previousId', 'engagements'),
    ref('participantIds', 'people', true),
  ],
  decisions: [
    touch('initiativeId', 'initiatives'),
    touch('milestoneId', 'milestones', { belongsTo: 'initiativeId' }),
    // A decision of the whole meeting belongs to every initiative of the meeting.
    touch('engagementId', 'engagements', { unlessSet: ['initiativeId', 'milestoneId'] }),
    reach('reviewedAtId', 'engagements'),
  ],
  agreements: [
    touch('initiativeIds', 'initiatives', { many: true }),
    ref('partyOrganizationIds', 'organizations', true),
    ref('signatoryIds', 'people', true),
  ],
  evidence: [
    // Citing a source does not change it; the source then belongs to the initiatives the evidence touches.
    ref('sourceId', 'sources'),
    touch('initiativeId', 'initiatives'),
    touch('milestoneId', 'milestones', { belongsTo: 'initiativeId' }),
    touch('statusUpdateId', 'status-updates', { belongsTo: 'initiativeId' }),
    touch('decisionId', 'decisions', { belongsTo: 'initiativeId' }),
    touch('engagementId', 'engagements'),
    touch('agreementId', 'agreements'),
  ],
  sources: [],
  people: [],
  organizations: [ref('parentId', 'organizations')],
  positions: [ref('personId', 'people'), ref('organizationId', 'organizations')],
  sectors: [],
  countries: [],
  // Reading is open to every signed-in user: a report or a saved view about any record changes none.
  reports: [
    ref('params.initiativeId', 'initiatives'),
    ref('params.engagementId', 'engagements'),
    ref('params.sectorIds', 'sectors', true),
  ],
  'report-schedules': [
    ref('params.initiativeId', 'initiatives'),
    ref('params.engagementId', 'engagements'),
    ref('params.sectorIds', 'sectors', true),
  ],
  'saved-views': [],
  settings: [],
  // Admins only (users), or refused when changed (me): scope is the admin's to give.
  users: [ref('sectorIds', 'sectors', true)],
  me: [ref('sectorIds', 'sectors', true)],
  auth: [],
};

/**
 * Shared reference data: every analyst may create and edit it (each change audited with before and after); only
 * admins delete it, and only what nothing refers to (409 IN_USE naming the referrers).
 */
export const SHARED_REFERENCE_KINDS = ['people', 'organizations', 'positions'] as const;

export function isSharedReference(resource: string): boolean {
  return (SHARED_REFERENCE_KINDS as readonly string[]).includes(resource);
}

/** Records that are deleted only when nothing refers to them: shared reference data, and sources (cited evidence). */
export function deletedOnlyUnreferenced(resource: string): boolean {
  return isSharedReference(resource) || resource === 'sources';
}

/**
 * How a scoped record belongs to initiatives: an initiative is itself; a source belongs to whatever the records
 * citing it belong to (every `to: 'sources'` link above); the others through their `touch` links.
 */
export function touchesThrough(kind: ScopedKind): 'self' | 'citers' | 'links' {
  return kind === 'initiatives' ? 'self' : kind === 'sources' ? 'citers' : 'links';
}

/** The links of a resource (empty when none are declared). */
export function linksOf(resource: string): readonly LinkRule[] {
  return Object.hasOwn(RESOURCE_LINKS, resource) ? RESOURCE_LINKS[resource] : [];
}

const STORED_RESOURCES = new Set<string>([...SCOPED_KINDS, ...SHARED_REFERENCE_KINDS]);

/**
 * The links of other records that point at this kind and are stored (report parameters are not: a report names
 * what it read). For a source: evidence, status updates, milestone announcements; for a person: positions, focal
 * persons, owners, announcers, participants, signatories.
 */
export function citersOf(kind: LinkTarget): { resource: string; rule: LinkRule }[] {
  return Object.entries(RESOURCE_LINKS).flatMap(([resource, rules]) =>
    STORED_RESOURCES.has(resource)
      ? rules.filter((r) => r.to === kind && r.scope !== 'assign').map((rule) => ({ resource, rule }))
      : [],
  );
}

/** The ids a record holds in a (possibly dotted) link field. */
export function linkIds(record: Record<string, unknown> | null | undefined, field: string): number[] {
  let v: unknown = record;
  for (const part of field.split('.')) {
    if (v === null || typeof v !== 'object') return [];
    v = (v as Record<string, unknown>)[part];
  }
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0);
}

/** How a link of this record counts, given what else the record sets (`unlessSet` turns a touch into a reach). */
export function effectiveScope(rule: LinkRule, record: Record<string, unknown>): LinkScope {
  if (rule.scope === 'touch' && rule.unlessSet?.some((f) => linkIds(record, f).length > 0)) return 'reach';
  return rule.scope;
}

/**
 * The initiatives a record touches, field by field: `ownersOf` gives the initiatives a linked record touches (its
 * own links resolved the same way). An initiative touches itself.
 */
export function touchedByField(
  resource: string,
  record: Record<string, unknown>,
  ownersOf: (kind: ScopedKind, id: number) => readonly number[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const rule of linksOf(resource)) {
    if (effectiveScope(rule, record) !== 'touch' || !isScopedKind(rule.to)) continue;
    const ids = linkIds(record, rule.field);
    const touched = rule.to === 'initiatives' ? ids : ids.flatMap((id) => ownersOf(rule.to as ScopedKind, id));
    if (touched.length) out.set(rule.field, [...new Set(touched)]);
  }
  return out;
}

/** May the principal write a record that touches initiatives of these sector lists? Every one must be in scope. */
export function canTouch(principal: Principal, touchedSectorIds: readonly (readonly number[])[]): boolean {
  if (principal.role === 'viewer') return false;
  return touchedSectorIds.every((sectors) => canEditSectors(principal, sectors));
}

/**
 * May the principal name a record that touches initiatives of these sector lists? One of them must be in scope, or
 * the record touches none.
 */
export function canReach(principal: Principal, targetSectorIds: readonly (readonly number[])[]): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'analyst') return false;
  return targetSectorIds.length === 0 || targetSectorIds.some((sectors) => canEditSectors(principal, sectors));
}

/** May the principal add or remove these sectors of a record? */
export function canAssign(principal: Principal, changedSectorIds: readonly number[]): boolean {
  return canAssignSectors(principal, changedSectorIds);
}
