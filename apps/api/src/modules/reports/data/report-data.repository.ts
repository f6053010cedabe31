import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@rabta/db';
import {
  actualDateAsOf,
  milestoneStateAsOf,
  type Health,
  type Initiative,
  type InitiativeStage,
  type MilestoneState,
} from '@rabta/domain';
import {
  ActivityAsOf,
  toSourceRef,
  SOURCE_REF_SELECT,
  type Development,
  type DevelopmentsWhere,
  type SourceRef,
  type StatusUpdateView,
} from '../../../common/as-of/activity.as-of';
import { DecisionsAsOf, type DecisionAsOf } from '../../../common/as-of/decisions.as-of';
import { evidenceInView } from '../../../common/as-of/evidence.as-of';
import { InitiativesAsOf, stalenessOf, type InitiativeFilter } from '../../../common/as-of/initiatives.as-of';
import { asKnown, snapshotsAt, type Snapshot } from '../../../common/as-of/known-at';
import { MilestonesAsOf } from '../../../common/as-of/milestones.as-of';
import { viewDay } from '../../../common/as-of/view';
import { parseAsOf, type AsOf } from '../../../common/http/as-of';
import { isoDate, isoTs } from '../../../common/resource/wire';
import { agreementsResource } from '../../agreements/agreements.resource';
import { engagementsResource } from '../../engagements/engagements.resources';
import { toInitiative } from '../../initiatives/initiatives.mapper';
import { SettingsService } from '../../settings/settings.service';

export type { Development, SourceRef, StatusUpdateView };

// Everything a report reads, in the view of its parameters, through the as-of queries the analyst API and the
// dashboard use (common/as-of): initiatives, milestones and developments with their clocks and their attributes as
// known; engagements, decisions and agreements as the audit log's snapshots knew them (known-at.ts). No report reads
// the database any other way.

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
  /** In the view (the domain's milestoneStateAsOf). */
  state: MilestoneState;
  /** As announced in the view (the ledger). */
  plannedDate: string | null;
  /** Only when delivered by the view's date. */
  actualDate: string | null;
  createdAt: string;
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

export type DecisionView = DecisionAsOf;

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
    private readonly initiativesAsOf: InitiativesAsOf,
    private readonly milestonesAsOf: MilestonesAsOf,
    private readonly activity: ActivityAsOf,
    private readonly decisionsAsOf: DecisionsAsOf,
    private readonly settings: SettingsService,
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
   * The initiatives of a view (the API's as-of query: stage and health they had, attributes as known at knownAt);
   * archived ones (as known then) are left out unless asked for by id.
   */
  async initiatives(view: AsOf, scope: InitiativeScope): Promise<Initiative[]> {
    const filter: InitiativeFilter = {
      archived: scope.ids ? 'all' : undefined,
      id: scope.ids,
      stage: scope.stages?.length ? scope.stages : undefined,
      health: scope.health?.length ? scope.health : undefined,
      sectorId: scope.sectorIds?.length ? scope.sectorIds : undefined,
      countryCode: scope.countryCodes?.length ? scope.countryCodes : undefined,
    };
    const staleness = stalenessOf(view, await this.settings.staleAfterDays());
    const { rows } = await this.initiativesAsOf.page(
      filter,
      { sort: { field: 'id', order: 'ASC' }, offset: 0, limit: BIG },
      view,
      staleness,
    );
    return rows.map((r) => toInitiative(r, staleness)).sort(byThenId((i) => i.code));
  }

  /** Each initiative's latest development in the view ("last update"). */
  lastUpdates(view: AsOf, ids: number[]): Promise<Map<number, Development>> {
    return this.activity.latest(view, ids);
  }

  /**
   * Milestones of these initiatives in the view (the API's as-of query): planned date as announced by then, state,
   * actual date by the domain's rules, attributes as known. `openOnly`: neither achieved nor cancelled then, with a
   * planned date.
   */
  async milestones(
    view: AsOf,
    initiativeIds: number[],
    options: { openOnly?: boolean } = {},
  ): Promise<MilestoneView[]> {
    if (!initiativeIds.length) return [];
    const vd = viewDay(view);
    const rows = await this.milestonesAsOf.all({ initiativeIds, open: options.openOnly }, view);
    return rows.map((m) => {
      const recorded = { state: m.state, actualDate: isoDate(m.actual_date) };
      return {
        id: m.id,
        initiativeId: m.initiative_id,
        titleEn: m.title_en,
        titleUr: m.title_ur,
        kind: m.kind,
        state: milestoneStateAsOf(recorded, vd),
        plannedDate: isoDate(m.planned_date),
        actualDate: actualDateAsOf(recorded.actualDate, vd),
        createdAt: isoTs(m.created_at)!,
      };
    });
  }

  /** The date ledger of these milestones in the view: announced by then (and from `announcedFrom`), recorded by knownAt. */
  async ledger(view: AsOf, milestoneIds: number[], announcedFrom?: Date): Promise<LedgerView[]> {
    const rows = await this.milestonesAsOf.ledger(milestoneIds, view, { announcedFrom });
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

  /**
   * Status updates effective in [from, before) and recorded by knownAt, with the sources of theirs the view holds;
   * a transition only where it changed something (activity.as-of.ts).
   */
  statusUpdates(view: AsOf, where: { initiativeIds?: number[]; effectiveFrom?: Date }): Promise<StatusUpdateView[]> {
    return this.activity.statusUpdates(view, where);
  }

  /** Every development in the view (status updates, agreements signed, milestones achieved), oldest first. */
  developments(view: AsOf, where: DevelopmentsWhere): Promise<Development[]> {
    return this.activity.developments(view, where);
  }

  /** Evidence the view holds (recorded by knownAt, its source published by the view's day). */
  async evidence(view: AsOf, where: Prisma.EvidenceWhereInput): Promise<EvidenceView[]> {
    const rows = await this.prisma.evidence.findMany({
      where: { AND: [where, evidenceInView(view)] },
      include: { source: { select: SOURCE_REF_SELECT } },
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
    return (await this.decisionsAsOf.known(view, where, await this.snapshots('decisions', view.knownAt))).filter(keep);
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

  /**
   * Each participant's title at a meeting: the role recorded for that meeting, else the position the person held on
   * its day (the latest begun by then and not ended before it), with the organization's name.
   */
  async participantTitles(
    engagementId: number,
    day: string,
  ): Promise<Map<number, { titleEn: string; titleUr: string | null; organizationId: number | null }>> {
    const on = new Date(`${day}T00:00:00.000Z`);
    const [roles, positions] = await Promise.all([
      this.prisma.engagementParticipant.findMany({
        where: { engagementId },
        select: { personId: true, roleEn: true, roleUr: true },
      }),
      this.prisma.position.findMany({
        where: {
          person: { engagements: { some: { engagementId } } },
          OR: [{ fromDate: null }, { fromDate: { lte: on } }],
          AND: [{ OR: [{ toDate: null }, { toDate: { gte: on } }] }],
        },
        orderBy: [{ fromDate: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
        select: { personId: true, titleEn: true, titleUr: true, organizationId: true },
      }),
    ]);
    const out = new Map<number, { titleEn: string; titleUr: string | null; organizationId: number | null }>();
    // Later positions overwrite earlier ones: the latest begun by the meeting's day wins.
    for (const p of positions) out.set(p.personId, p);
    for (const r of roles)
      if (r.roleEn) out.set(r.personId, { titleEn: r.roleEn, titleUr: r.roleUr, organizationId: null });
    return out;
  }

  /**
   * The effective day of the latest development (status update, agreement signed, milestone achieved) in the view,
   * among these initiatives (all when undefined): where a period must reach back to for news older than its default.
   */
  async latestDevelopmentDay(view: AsOf, initiativeIds?: number[]): Promise<string | null> {
    if (initiativeIds && !initiativeIds.length) return null;
    const ids = initiativeIds ? Prisma.sql`AND x.initiative_id = ANY(${initiativeIds}::int[])` : Prisma.empty;
    const [row] = await this.prisma.$queryRaw<{ day: Date | null }[]>`
      SELECT max(d) AS day FROM (
        SELECT max(x.effective_at) AS d FROM status_updates x
          WHERE x.effective_at < ${view.effectiveBefore} AND x.recorded_at <= ${view.knownAt} ${ids}
        UNION ALL
        SELECT max(a.signed_date) FROM agreements a JOIN agreement_initiatives x ON x.agreement_id = a.id
          WHERE a.signed_date < ${view.effectiveBefore} AND a.created_at <= ${view.knownAt} ${ids}
        UNION ALL
        SELECT max(x.actual_date) FROM milestones x
          WHERE x.actual_date < ${view.effectiveBefore} AND x.created_at <= ${view.knownAt} ${ids}
      ) latest`;
    return row?.day ? row.day.toISOString().slice(0, 10) : null;
  }

  /** A second view on the same knowledge: the world at the end of the day before `from`. */
  viewBefore(from: string, view: AsOf): AsOf {
    return reportView(addDays(from, -1), view.knownAt.toISOString());
  }
}
