import type { Prisma } from '@rabta/db';
import {
  canAssign,
  canReach,
  canTouch,
  citersOf,
  effectiveScope,
  isScopedKind,
  linkIds,
  linksOf,
  touchedByField,
  touchesThrough,
  type ScopedKind,
} from '@rabta/domain';
import type { AuthUser } from '../auth/current-user';
import { AppException } from '../errors/app-exception';
import { missingReference } from './scope';

// The one place where the link-scope rule of packages/domain/src/links.ts is enforced. The resource kit calls
// assertLinkScope for every create, update and delete (ResourceService), and so do the services with routes of
// their own that write linked records (status updates). Order of the answers: a link to nothing is 422
// REFERENCE_NOT_FOUND, then scope 403 FORBIDDEN, then disagreeing links 422 UNPROCESSABLE.

type Tx = Prisma.TransactionClient;
type LinkRecord = Record<string, unknown>;

const LABEL: Record<ScopedKind, string> = {
  initiatives: 'Initiative',
  milestones: 'Milestone',
  'status-updates': 'Status update',
  engagements: 'Engagement',
  decisions: 'Decision',
  agreements: 'Agreement',
  evidence: 'Evidence',
  sources: 'Source',
};

/** The link fields of stored records, by kind, as their representation names them. */
const LOADERS: Record<
  Exclude<ScopedKind, 'initiatives' | 'sources'>,
  (tx: Tx, ids: number[]) => Promise<LinkRecord[]>
> = {
  milestones: (tx, ids) =>
    tx.milestone.findMany({ where: { id: { in: ids } }, select: { id: true, initiativeId: true } }),
  'status-updates': (tx, ids) =>
    tx.statusUpdate.findMany({ where: { id: { in: ids } }, select: { id: true, initiativeId: true } }),
  engagements: async (tx, ids) =>
    (
      await tx.engagement.findMany({
        where: { id: { in: ids } },
        select: { id: true, previousId: true, initiatives: { select: { initiativeId: true } } },
      })
    ).map((e) => ({ id: e.id, previousId: e.previousId, initiativeIds: e.initiatives.map((i) => i.initiativeId) })),
  agreements: async (tx, ids) =>
    (
      await tx.agreement.findMany({
        where: { id: { in: ids } },
        select: { id: true, initiatives: { select: { initiativeId: true } } },
      })
    ).map((a) => ({ id: a.id, initiativeIds: a.initiatives.map((i) => i.initiativeId) })),
  decisions: (tx, ids) =>
    tx.decision.findMany({
      where: { id: { in: ids } },
      select: { id: true, engagementId: true, initiativeId: true, milestoneId: true, reviewedAtId: true },
    }),
  evidence: (tx, ids) =>
    tx.evidence.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        sourceId: true,
        initiativeId: true,
        milestoneId: true,
        statusUpdateId: true,
        decisionId: true,
        engagementId: true,
        agreementId: true,
      },
    }),
};

/**
 * The records citing these sources, by citing link (`resource.field` of RESOURCE_LINKS): the status updates' sources
 * are stored as evidence rows, the milestones' announcements in the date ledger.
 */
const CITERS: Record<string, (tx: Tx, sourceIds: number[]) => Promise<{ sourceId: number; id: number }[]>> = {
  'evidence.sourceId': (tx, sourceIds) =>
    tx.evidence.findMany({ where: { sourceId: { in: sourceIds } }, select: { sourceId: true, id: true } }),
  'status-updates.sourceIds': async (tx, sourceIds) =>
    (
      await tx.evidence.findMany({
        where: { sourceId: { in: sourceIds }, statusUpdateId: { not: null } },
        select: { sourceId: true, statusUpdateId: true },
      })
    ).map((e) => ({ sourceId: e.sourceId, id: e.statusUpdateId! })),
  'milestones.announcement.sourceId': async (tx, sourceIds) =>
    (
      await tx.milestoneDateChange.findMany({
        where: { sourceId: { in: sourceIds } },
        select: { sourceId: true, milestoneId: true },
      })
    ).map((c) => ({ sourceId: c.sourceId!, id: c.milestoneId })),
};

/** Every citing link the domain declares for sources has a loader (checked once, at start). */
export function assertCitersLoadable(): void {
  for (const { resource, rule } of citersOf('sources')) {
    if (!CITERS[`${resource}.${rule.field}`]) throw new Error(`link-scope: no loader for ${resource}.${rule.field}`);
  }
}
assertCitersLoadable();

/**
 * Resolves which initiatives records touch, loading linked records level by level (a decision's meeting, evidence's
 * decision, a source's citing evidence…), each record once.
 */
class Resolver {
  private readonly records = new Map<string, LinkRecord | null>();
  private readonly owners = new Map<string, number[]>();
  private readonly initiatives = new Map<number, number[] | null>();

  constructor(private readonly tx: Tx) {}

  private key(kind: ScopedKind, id: number): string {
    return `${kind}:${id}`;
  }

  /** Loads these records (and, for sources, their citers) unless already known. */
  async load(refs: { kind: ScopedKind; id: number }[]): Promise<void> {
    let pending = refs;
    // Each round loads what the previous one linked to; the chains are short (evidence → decision → meeting).
    for (let depth = 0; pending.length > 0 && depth < 6; depth++) {
      const next: { kind: ScopedKind; id: number }[] = [];
      const byKind = new Map<ScopedKind, number[]>();
      for (const r of pending) {
        if (this.records.has(this.key(r.kind, r.id))) continue;
        byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
      }
      for (const [kind, ids] of byKind) {
        const unique = [...new Set(ids)];
        if (kind === 'initiatives') {
          await this.loadInitiatives(unique);
          for (const id of unique) this.records.set(this.key(kind, id), this.initiatives.get(id) ? { id } : null);
          continue;
        }
        if (kind === 'sources') {
          const found = await this.tx.source.findMany({ where: { id: { in: unique } }, select: { id: true } });
          const citing: Record<number, { kind: ScopedKind; id: number }[]> = {};
          for (const { resource, rule } of citersOf('sources')) {
            for (const c of await CITERS[`${resource}.${rule.field}`](this.tx, unique)) {
              (citing[c.sourceId] ??= []).push({ kind: resource as ScopedKind, id: c.id });
            }
          }
          for (const id of unique) {
            const exists = found.some((s) => s.id === id);
            this.records.set(this.key(kind, id), exists ? { id, citers: citing[id] ?? [] } : null);
            if (exists) next.push(...(citing[id] ?? []));
          }
          continue;
        }
        const rows = await LOADERS[kind](this.tx, unique);
        for (const id of unique) {
          const row = rows.find((r) => r.id === id) ?? null;
          this.records.set(this.key(kind, id), row);
          if (row) next.push(...this.linkedRefs(kind, row));
        }
      }
      pending = next;
    }
  }

  /** The scoped records a record's touching links name. */
  linkedRefs(resource: string, record: LinkRecord): { kind: ScopedKind; id: number }[] {
    return linksOf(resource)
      .filter((rule) => isScopedKind(rule.to) && rule.scope !== 'none' && rule.scope !== 'assign')
      .flatMap((rule) => linkIds(record, rule.field).map((id) => ({ kind: rule.to as ScopedKind, id })));
  }

  private async loadInitiatives(ids: number[]): Promise<void> {
    const wanted = ids.filter((id) => !this.initiatives.has(id));
    if (!wanted.length) return;
    const rows = await this.tx.initiative.findMany({
      where: { id: { in: wanted } },
      select: { id: true, sectors: { select: { sectorId: true } } },
    });
    for (const id of wanted) {
      const row = rows.find((r) => r.id === id);
      this.initiatives.set(id, row ? row.sectors.map((s) => s.sectorId) : null);
    }
  }

  exists(kind: ScopedKind, id: number): boolean {
    return !!this.records.get(this.key(kind, id));
  }

  record(kind: ScopedKind, id: number): LinkRecord | null {
    return this.records.get(this.key(kind, id)) ?? null;
  }

  /** The initiatives a stored record touches (the domain's rule, over the loaded records). */
  ownersOf = (kind: ScopedKind, id: number): number[] => {
    const key = this.key(kind, id);
    const known = this.owners.get(key);
    if (known) return known;
    this.owners.set(key, []); // a cycle (engagements following each other) adds nothing
    const record = this.records.get(key);
    let result: number[] = [];
    if (record) {
      const how = touchesThrough(kind);
      if (how === 'self') result = [id];
      else if (how === 'citers')
        result = (record.citers as { kind: ScopedKind; id: number }[]).flatMap((c) => this.ownersOf(c.kind, c.id));
      else result = [...touchedByField(kind, record, this.ownersOf).values()].flat();
    }
    result = [...new Set(result)];
    this.owners.set(key, result);
    return result;
  };

  async sectorsOf(initiativeIds: number[]): Promise<Map<number, number[]>> {
    await this.loadInitiatives(initiativeIds);
    return new Map(initiativeIds.map((id) => [id, this.initiatives.get(id) ?? []]));
  }
}

const describeIds = (ids: number[]) => (ids.length === 1 ? `initiative ${ids[0]}` : `initiatives ${ids.join(', ')}`);

/**
 * The link-scope rule for a write of `resource`: `before` is the stored record (null on create), `after` the record
 * as the write leaves it (null on delete), both with the link fields of its representation. Throws 422 for a link
 * to nothing, 403 when the user may not touch, reach or assign what the links name, 422 when linked records disagree.
 */
export async function assertLinkScope(
  tx: Tx,
  user: AuthUser,
  resource: string,
  before: LinkRecord | null,
  after: LinkRecord | null,
  label = 'this record',
): Promise<void> {
  const rules = linksOf(resource);
  const resolver = new Resolver(tx);
  const self = isScopedKind(resource) && touchesThrough(resource) !== 'links' ? resource : undefined;
  const selfIds = self ? [...new Set([before?.id, after?.id].filter((x): x is number => typeof x === 'number'))] : [];
  if (!rules.length && !self) return;

  // Load everything the records link to; a named record that does not exist is a 422 naming the field.
  const refs = [before, after].flatMap((r) => (r ? resolver.linkedRefs(resource, r) : []));
  await resolver.load([...refs, ...selfIds.map((id) => ({ kind: self!, id }))]);
  if (after) {
    for (const rule of rules) {
      if (!isScopedKind(rule.to) || rule.scope === 'none' || rule.scope === 'assign') continue;
      const missing = linkIds(after, rule.field).find((id) => !resolver.exists(rule.to as ScopedKind, id));
      if (missing !== undefined) throw missingReference(rule.field, LABEL[rule.to], missing);
    }
  }

  if (user.role !== 'admin') {
    // Touch: every initiative the record touches, before and after.
    const touched = new Map<number, string>();
    for (const record of [before, after]) {
      if (!record) continue;
      for (const [field, ids] of touchedByField(resource, record, resolver.ownersOf)) {
        for (const id of ids) if (!touched.has(id)) touched.set(id, field);
      }
    }
    for (const id of selfIds) for (const i of resolver.ownersOf(self!, id)) if (!touched.has(i)) touched.set(i, 'id');
    const sectors = await resolver.sectorsOf([...touched.keys()]);
    const outside = [...touched.keys()].filter((id) => !canTouch(user, [sectors.get(id) ?? []]));
    if (outside.length) {
      const fields = [...new Set(outside.map((id) => touched.get(id)!))].filter((f) => f !== 'id');
      throw new AppException(
        'FORBIDDEN',
        `You cannot change ${label}: it belongs to ${describeIds(outside)}, outside your sector scope`,
        fields.length ? Object.fromEntries(fields.map((f) => [f, 'Outside your sector scope'])) : undefined,
      );
    }

    // Reach: a newly named record must share at least one initiative with the user's scope.
    for (const rule of rules) {
      if (!after || !isScopedKind(rule.to)) continue;
      if (effectiveScope(rule, after) !== 'reach') continue;
      const had = new Set(before ? linkIds(before, rule.field) : []);
      for (const id of linkIds(after, rule.field).filter((x) => !had.has(x))) {
        const owners = resolver.ownersOf(rule.to, id);
        const owned = await resolver.sectorsOf(owners);
        if (
          !canReach(
            user,
            owners.map((o) => owned.get(o) ?? []),
          )
        ) {
          throw new AppException(
            'FORBIDDEN',
            `You cannot link ${label} to ${LABEL[rule.to].toLowerCase()} ${id}: it belongs to ${describeIds(owners)}, outside your sector scope`,
            { [rule.field]: 'Outside your sector scope' },
          );
        }
      }
    }

    // Assign: sectors added or removed must be in scope.
    for (const rule of rules.filter((r) => r.scope === 'assign')) {
      const was = before ? linkIds(before, rule.field) : [];
      const now = after ? linkIds(after, rule.field) : was;
      const changed = [...now.filter((s) => !was.includes(s)), ...was.filter((s) => !now.includes(s))];
      if (!canAssign(user, changed)) {
        throw new AppException('FORBIDDEN', `You cannot assign sectors outside your scope`, {
          [rule.field]: 'Outside your sector scope',
        });
      }
    }
  }

  // Agreement: a milestone, status update or decision named with an initiative belongs to it (and to each other).
  if (after) {
    const anchored = rules.filter((r) => r.belongsTo && isScopedKind(r.to));
    const claims: { field: string; initiativeId: number }[] = [];
    for (const rule of anchored) {
      for (const id of linkIds(after, rule.field)) {
        const target = resolver.record(rule.to as ScopedKind, id);
        const own = typeof target?.initiativeId === 'number' ? target.initiativeId : undefined;
        if (own !== undefined) claims.push({ field: rule.field, initiativeId: own });
      }
    }
    const anchors = [...new Set(anchored.map((r) => r.belongsTo!))];
    for (const anchor of anchors) {
      const named = linkIds(after, anchor)[0];
      const expected = named ?? claims[0]?.initiativeId;
      const wrong = claims.find((c) => c.initiativeId !== expected);
      if (expected !== undefined && wrong) {
        throw new AppException(
          'UNPROCESSABLE',
          `The linked records disagree: ${wrong.field} belongs to initiative ${wrong.initiativeId}, not to initiative ${expected}`,
          { [wrong.field]: `Belongs to initiative ${wrong.initiativeId}, not ${expected}` },
        );
      }
    }
  }
}

/** The record as a write leaves it: the stored one with the link fields the input sets (or the input, on create). */
export function linksAfter(resource: string, before: LinkRecord | null, input: LinkRecord): LinkRecord {
  const out: LinkRecord = { ...(before ?? {}) };
  for (const rule of linksOf(resource)) {
    const top = rule.field.split('.')[0];
    if (Object.hasOwn(input, top)) out[top] = input[top];
  }
  return out;
}
