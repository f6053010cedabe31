import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import type { Health, Initiative, InitiativeStage } from '@rabta/domain';
import { parseAsOf, type AsOf } from '../../../common/http/as-of';
import { isoDate, isoTs } from '../../../common/resource/wire';
import { agreementsResource } from '../../agreements/agreements.resource';
import { decisionsResource, engagementsResource } from '../../engagements/engagements.resources';
import { toInitiative } from '../../initiatives/initiatives.mapper';
import { InitiativesRepository, type InitiativeFilter } from '../../initiatives/initiatives.repository';
import { plannedAsOfSql } from '../../milestones/milestones.service';
import { asKnown, snapshotsAt, type Snapshot } from './known-at';

// Everything a report reads, in the view of its parameters: the analyst API's as-of SQL for what has clocks (stage
// and health from status updates, planned dates from the ledger, evidence by recorded time), and the audit log's
// snapshots (known-at.ts) for attributes edited in place. No report reads the database any other way.

/** The view of a report: the world at the end of `asOf`, as recorded by `knownAt` (parseAsOf, the API's one definition). */
export function reportView(asOf: string, knownAt: string): AsOf {
  return parseAsOf({ asOf, knownAt })!;
}

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The order of every report list: by a text key (ISO dates, codes) compared as strings, then by id. */
export function byThenId<T extends { id: number }>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : a.id - b.id;
  };
}

/** The items by a key, each group in the items' order (one pass, instead of a filter per key). */
export function groupBy<T, K>(items: T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of items) {
    const group = out.get(key(x));
    if (group) group.push(x);
    else out.set(key(x), [x]);
  }
  return out;
}

/** The first of each id, in order. */
export function uniqueById<T extends { id: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}

export interface InitiativeScope {
  sectorIds?: number[];
  countryCodes?: string[];
  stages?: InitiativeStage[];
  health?: Health[];
  ids?: number[];
}

export interface MilestoneView {
  id: number;
  initiativeId: number;
  titleEn: string;
  titleUr: string | null;
  kind: string;
  state: string;
  /** As announced in the view (the ledger). */
  plannedDate: string | null;
  /** Only when delivered by the view's date. */
  actualDate: string | null;
  createdAt: string;
}

export interface StatusUpdateView {
  id: number;
  initiativeId: number;
  fromStage: InitiativeStage | null;
  toStage: InitiativeStage | null;
  fromHealth: Health | null;
  toHealth: Health | null;
  noteEn: string | null;
  noteUr: string | null;
  effectiveAt: string;
  recordedAt: string;
  authorName: string | null;
  sources: SourceRef[];
}

export interface SourceRef {
  id: number;
  publisher: string;
  title: string;
  url: string | null;
  language: string;
  publishedAt: string;
}

export interface EvidenceView extends SourceRef {
  evidenceId: number;
  sourceId: number;
  quote: string | null;
  recordedAt: string;
  initiativeId: number | null;
  milestoneId: number | null;
  engagementId: number | null;
  agreementId: number | null;
  decisionId: number | null;
  statusUpdateId: number | null;
}

export interface LedgerView {
  id: number;
  milestoneId: number;
  oldDate: string | null;
  newDate: string | null;
  announcedOn: string;
  recordedAt: string;
  announcedById: number | null;
  source: SourceRef | null;
  note: string | null;
}

export type EngagementView = {
  id: number;
  titleEn: string;
  titleUr: string | null;
  format: string;
  status: string;
  startDate: string;
  endDate: string | null;
  placeEn: string | null;
  placeUr: string | null;
  countryCode: string | null;
  forumName: string | null;
  sessionNumber: number | null;
  outcomeEn: string | null;
  outcomeUr: string | null;
  previousId: number | null;
  participantIds: number[];
  initiativeIds: number[];
  createdAt: string;
};

export type DecisionView = {
  id: number;
  engagementId: number;
  textEn: string;
  textUr: string | null;
  dueDate: string | null;
  initiativeId: number | null;
  milestoneId: number | null;
  state: string;
  reviewedAtId: number | null;
  reviewNoteEn: string | null;
  reviewNoteUr: string | null;
  createdAt: string;
};

export type AgreementView = {
  id: number;
  kind: string;
  titleEn: string;
  titleUr: string | null;
  status: string;
  signedDate: string | null;
  signedPlaceEn: string | null;
  signedPlaceUr: string | null;
  partyCountryCodes: string[];
  partyOrganizationIds: number[];
  initiativeIds: number[];
  createdAt: string;
};

export interface Reference {
  sectors: Map<number, { code: string; nameEn: string; nameUr: string }>;
  countries: Map<string, { nameEn: string; nameUr: string }>;
  people: Map<number, { nameEn: string; nameUr: string | null; countryCode: string | null }>;
  organizations: Map<number, { nameEn: string; nameUr: string | null; acronym: string | null }>;
}

const BIG = 1_000_000;

@Injectable()
export class ReportDataRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly initiativesRepo: InitiativesRepository,
  ) {}

  /** Snapshots read so far by one report (see forReport); unset on the shared instance. */
  private snapshotsRead?: Map<string, Promise<Map<number, Snapshot>>>;

  /**
   * The reads of one report. A report asks for the same entity's audit snapshots at the same knownAt several times
   * (the portfolio's initiatives now and the day before its period, a follow-up's three lists of meetings): they are
   * read once per report, and so are also one consistent set. Never across reports: later edits add snapshots.
   */
  forReport(): ReportDataRepository {
    const scoped = Object.create(this) as ReportDataRepository;
    scoped.snapshotsRead = new Map();
    return scoped;
  }

  private snapshots(entity: string, knownAt: Date): Promise<Map<number, Snapshot>> {
    if (!this.snapshotsRead) return snapshotsAt(this.prisma, entity, knownAt);
    const key = `${entity}@${knownAt.toISOString()}`;
    let read = this.snapshotsRead.get(key);
    if (!read) {
      read = snapshotsAt(this.prisma, entity, knownAt);
      this.snapshotsRead.set(key, read);
    }
    return read;
  }

  async reference(): Promise<Reference> {
    const [sectors, countries, people, organizations] = await Promise.all([
      this.prisma.sector.findMany({ select: { id: true, code: true, nameEn: true, nameUr: true } }),
      this.prisma.country.findMany({ select: { code: true, nameEn: true, nameUr: true } }),
      this.prisma.person.findMany({ select: { id: true, nameEn: true, nameUr: true, countryCode: true } }),
      this.prisma.organization.findMany({ select: { id: true, nameEn: true, nameUr: true, acronym: true } }),
    ]);
    return {
      sectors: new Map(sectors.map((s) => [s.id, s])),
      countries: new Map(countries.map((c) => [c.code.trim(), c])),
      people: new Map(people.map((p) => [p.id, p])),
      organizations: new Map(organizations.map((o) => [o.id, o])),
    };
  }

  /**
   * The initiatives of a view, with the stage and health they had (the API's as-of SQL) and the attributes Rabta
   * knew at knownAt; archived ones (as known then) are left out unless asked for by id.
   */
  async initiatives(view: AsOf, scope: InitiativeScope): Promise<Initiative[]> {
    const base: InitiativeFilter = {
      archived: 'all',
      stage: scope.stages?.length ? scope.stages : undefined,
      health: scope.health?.length ? scope.health : undefined,
    };
    const page = { sort: { field: 'code', order: 'ASC' as const }, offset: 0, limit: BIG };
    const staleBefore = view.knownAt;
    const filtered: InitiativeFilter = {
      ...base,
      id: scope.ids,
      sectorId: scope.sectorIds?.length ? scope.sectorIds : undefined,
      countryCode: scope.countryCodes?.length ? scope.countryCodes : undefined,
    };
    const wanted = scope.ids && new Set(scope.ids);
    const [{ rows }, snapshots] = await Promise.all([
      this.initiativesRepo.page(filtered, page, view, staleBefore),
      this.snapshots('initiatives', view.knownAt),
    ]);
    const current = rows.map((r) => toInitiative(r, staleBefore));
    // Initiatives changed since knownAt that the current attributes no longer select: read them in the view too.
    const found = new Set(current.map((i) => i.id));
    const missing = [...snapshots.keys()].filter((id) => !found.has(id) && (!wanted || wanted.has(id)));
    if (missing.length) {
      const more = await this.initiativesRepo.page({ ...base, id: missing }, page, view, staleBefore);
      current.push(...more.rows.map((r) => toInitiative(r, staleBefore)));
    }
    // Stage and health always come from the view, never from a snapshot.
    const viewState = new Map(
      current.map((i) => [i.id, { stage: i.stage, health: i.health, lastEvidenceAt: i.lastEvidenceAt }]),
    );
    const known = asKnown(current, snapshots, view.knownAt).filter((i) => viewState.has(i.id));
    return known
      .map((i) => ({ ...i, ...viewState.get(i.id)! }))
      .filter(
        (i) =>
          (wanted ? wanted.has(i.id) : !i.archivedAt) &&
          (!scope.sectorIds?.length || i.sectorIds.some((s) => scope.sectorIds!.includes(s))) &&
          (!scope.countryCodes?.length || i.countryCodes.some((c) => scope.countryCodes!.includes(c))),
      )
      .sort(byThenId((i) => i.code));
  }

  /** Each initiative's latest status update in the view (any kind: stage, health or a note). */
  async lastUpdates(
    view: AsOf,
    ids: number[],
  ): Promise<Map<number, { effectiveAt: string; noteEn: string | null; noteUr: string | null }>> {
    if (!ids.length) return new Map();
    const rows = await this.prisma.$queryRaw<
      { initiative_id: number; effective_at: Date; note_en: string | null; note_ur: string | null }[]
    >`
      SELECT DISTINCT ON (su.initiative_id) su.initiative_id, su.effective_at, su.note_en, su.note_ur
      FROM status_updates su
      WHERE su.initiative_id = ANY(${ids}::int[]) AND su.effective_at < ${view.effectiveBefore} AND su.recorded_at <= ${view.knownAt}
      ORDER BY su.initiative_id, su.effective_at DESC, su.recorded_at DESC, su.id DESC`;
    return new Map(
      rows.map((r) => [r.initiative_id, { effectiveAt: isoTs(r.effective_at)!, noteEn: r.note_en, noteUr: r.note_ur }]),
    );
  }

  /**
   * Milestones of these initiatives in the view: planned date as announced by then (the ledger, plannedAsOfSql),
   * delivered only if by then, attributes as known. `openOnly`: those neither delivered nor cancelled, with a date.
   */
  async milestones(
    view: AsOf,
    initiativeIds: number[],
    options: { openOnly?: boolean } = {},
  ): Promise<MilestoneView[]> {
    if (!initiativeIds.length) return [];
    const snapshots = await this.snapshots('milestones', view.knownAt);
    const changed = [...snapshots.keys()];
    // The cheap conditions go inside, so that the ledger is read only for the milestones that can qualify.
    const open = options.openOnly
      ? Prisma.sql`AND m.state <> 'cancelled' AND (m.actual_date IS NULL OR m.actual_date >= ${view.effectiveBefore})`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<
      {
        id: number;
        initiative_id: number;
        title_en: string;
        title_ur: string | null;
        kind: string;
        state: string;
        planned: Date | null;
        actual_date: Date | null;
        created_at: Date;
      }[]
    >`
      SELECT * FROM (
        SELECT m.id, m.initiative_id, m.title_en, m.title_ur, m.kind::text AS kind, m.state::text AS state, m.actual_date, m.created_at,
               ${plannedAsOfSql(view)} AS planned
        FROM milestones m
        WHERE m.initiative_id = ANY(${initiativeIds}::int[])
          AND ((m.created_at <= ${view.knownAt} ${open}) ${changed.length ? Prisma.sql`OR m.id = ANY(${changed}::int[])` : Prisma.empty})
      ) x
      ${options.openOnly ? Prisma.sql`WHERE x.planned IS NOT NULL ${changed.length ? Prisma.sql`OR x.id = ANY(${changed}::int[])` : Prisma.empty}` : Prisma.empty}`;
    const planned = new Map(rows.map((r) => [r.id, isoDate(r.planned)]));
    const wire = rows.map((r) => ({
      id: r.id,
      initiativeId: r.initiative_id,
      titleEn: r.title_en,
      titleUr: r.title_ur,
      kind: r.kind,
      state: r.state,
      actualDate: isoDate(r.actual_date),
      createdAt: isoTs(r.created_at)!,
      plannedDate: null as string | null,
    }));
    const inView = new Set(initiativeIds);
    const eb = isoDate(view.effectiveBefore)!;
    return asKnown(wire, snapshots, view.knownAt)
      .filter((m) => planned.has(m.id) && inView.has(m.initiativeId))
      .map((m) => {
        // The view's rules (as in the API's milestone views): delivered only if by then; "achieved" without a
        // delivery date in the view reads as in progress.
        const actual = m.actualDate && m.actualDate < eb ? m.actualDate : null;
        const state = actual ? 'achieved' : m.state === 'achieved' ? 'in_progress' : m.state;
        return { ...m, plannedDate: planned.get(m.id) ?? null, actualDate: actual, state };
      })
      .filter((m) => !options.openOnly || (m.plannedDate && m.state !== 'cancelled' && !m.actualDate));
  }

  /** The date ledger of these milestones in the view: announced by then (and from `announcedFrom`), recorded by knownAt. */
  async ledger(view: AsOf, milestoneIds: number[], announcedFrom?: Date): Promise<LedgerView[]> {
    if (!milestoneIds.length) return [];
    const rows = await this.prisma.milestoneDateChange.findMany({
      where: {
        milestoneId: { in: milestoneIds },
        announcedOn: { lt: view.effectiveBefore, ...(announcedFrom ? { gte: announcedFrom } : {}) },
        recordedAt: { lte: view.knownAt },
      },
      include: { source: { select: sourceSelect } },
      orderBy: [{ announcedOn: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((c) => ({
      id: c.id,
      milestoneId: c.milestoneId,
      oldDate: isoDate(c.oldDate),
      newDate: isoDate(c.newDate),
      announcedOn: isoDate(c.announcedOn)!,
      recordedAt: isoTs(c.recordedAt)!,
      announcedById: c.announcedById,
      source: c.source ? toSourceRef(c.source) : null,
      note: c.note,
    }));
  }

  /** Status updates effective in [from, before) and recorded by knownAt, with the sources they cite. */
  async statusUpdates(
    view: AsOf,
    where: { initiativeIds?: number[]; effectiveFrom?: Date },
  ): Promise<StatusUpdateView[]> {
    const rows = await this.prisma.statusUpdate.findMany({
      where: {
        ...(where.initiativeIds ? { initiativeId: { in: where.initiativeIds } } : {}),
        effectiveAt: { lt: view.effectiveBefore, ...(where.effectiveFrom ? { gte: where.effectiveFrom } : {}) },
        recordedAt: { lte: view.knownAt },
      },
      include: {
        author: { select: { name: true } },
        evidence: {
          where: { recordedAt: { lte: view.knownAt } },
          select: { source: { select: sourceSelect } },
          orderBy: { id: 'asc' },
        },
      },
      orderBy: [{ effectiveAt: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((u) => ({
      id: u.id,
      initiativeId: u.initiativeId,
      fromStage: u.fromStage,
      toStage: u.toStage,
      fromHealth: u.fromHealth,
      toHealth: u.toHealth,
      noteEn: u.noteEn,
      noteUr: u.noteUr,
      effectiveAt: isoTs(u.effectiveAt)!,
      recordedAt: isoTs(u.recordedAt)!,
      authorName: u.author?.name ?? null,
      sources: uniqueById(u.evidence.map((e) => toSourceRef(e.source))),
    }));
  }

  /** Evidence recorded by knownAt whose source was published by the view's date. */
  async evidence(view: AsOf, where: Prisma.EvidenceWhereInput): Promise<EvidenceView[]> {
    const rows = await this.prisma.evidence.findMany({
      where: {
        AND: [where, { recordedAt: { lte: view.knownAt } }, { source: { publishedAt: { lt: view.effectiveBefore } } }],
      },
      include: { source: { select: sourceSelect } },
      orderBy: [{ source: { publishedAt: 'asc' } }, { id: 'asc' }],
    });
    return rows.map((e) => ({
      ...toSourceRef(e.source),
      evidenceId: e.id,
      sourceId: e.sourceId,
      quote: e.quote,
      recordedAt: isoTs(e.recordedAt)!,
      initiativeId: e.initiativeId,
      milestoneId: e.milestoneId,
      engagementId: e.engagementId,
      agreementId: e.agreementId,
      decisionId: e.decisionId,
      statusUpdateId: e.statusUpdateId,
    }));
  }

  /** Engagements as known at knownAt; `where` preselects in SQL (a superset), `keep` decides on the known values. */
  async engagements(
    view: AsOf,
    where: Prisma.EngagementWhereInput,
    keep: (e: EngagementView) => boolean,
  ): Promise<EngagementView[]> {
    const snapshots = await this.snapshots('engagements', view.knownAt);
    const rows = await this.prisma.engagement.findMany({
      where: { OR: [where, { id: { in: [...snapshots.keys()] } }] },
      ...(engagementsResource.include as object),
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
    });
    const wire = rows.map(
      (r) =>
        engagementsResource.toWire(r as Parameters<typeof engagementsResource.toWire>[0]) as unknown as EngagementView,
    );
    return asKnown(wire, snapshots, view.knownAt)
      .filter(keep)
      .sort(byThenId((e) => e.startDate));
  }

  async decisions(
    view: AsOf,
    where: Prisma.DecisionWhereInput,
    keep: (d: DecisionView) => boolean,
  ): Promise<DecisionView[]> {
    const snapshots = await this.snapshots('decisions', view.knownAt);
    const rows = await this.prisma.decision.findMany({
      where: { OR: [where, { id: { in: [...snapshots.keys()] } }] },
      orderBy: [{ id: 'asc' }],
    });
    const wire = rows.map((r) => decisionsResource.toWire(r) as unknown as DecisionView);
    return asKnown(wire, snapshots, view.knownAt).filter(keep);
  }

  async agreements(
    view: AsOf,
    where: Prisma.AgreementWhereInput,
    keep: (a: AgreementView) => boolean,
  ): Promise<AgreementView[]> {
    const snapshots = await this.snapshots('agreements', view.knownAt);
    const rows = await this.prisma.agreement.findMany({
      where: { OR: [where, { id: { in: [...snapshots.keys()] } }] },
      ...(agreementsResource.include as object),
      orderBy: [{ signedDate: 'asc' }, { id: 'asc' }],
    });
    const wire = rows.map(
      (r) =>
        agreementsResource.toWire(r as Parameters<typeof agreementsResource.toWire>[0]) as unknown as AgreementView,
    );
    return asKnown(wire, snapshots, view.knownAt)
      .filter(keep)
      .sort(byThenId((a) => a.signedDate ?? ''));
  }

  /**
   * The ids of the status updates that began these initiatives (each one's first, recorded by knownAt) when that
   * beginning is effective in [from, before). The updates themselves are among those statusUpdates() reads for the
   * same period, so only their ids are read here.
   */
  async firstStatusIds(view: AsOf, from: Date, initiativeIds: number[]): Promise<Set<number>> {
    if (!initiativeIds.length) return new Set();
    const firsts = await this.prisma.$queryRaw<{ id: number; effective_at: Date }[]>`
      SELECT DISTINCT ON (su.initiative_id) su.id, su.effective_at
      FROM status_updates su
      WHERE su.initiative_id = ANY(${initiativeIds}::int[]) AND su.recorded_at <= ${view.knownAt}
      ORDER BY su.initiative_id, su.effective_at ASC, su.recorded_at ASC, su.id ASC`;
    return new Set(
      firsts.filter((f) => f.effective_at >= from && f.effective_at < view.effectiveBefore).map((f) => f.id),
    );
  }

  /** A second view on the same knowledge: the world at the end of the day before `from`. */
  viewBefore(from: string, view: AsOf): AsOf {
    return reportView(addDays(from, -1), view.knownAt.toISOString());
  }
}

const sourceSelect = { id: true, publisher: true, title: true, url: true, language: true, publishedAt: true } as const;

function toSourceRef(s: {
  id: number;
  publisher: string;
  title: string;
  url: string | null;
  language: string;
  publishedAt: Date;
}): SourceRef {
  return {
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    language: s.language,
    publishedAt: isoDate(s.publishedAt)!,
  };
}
