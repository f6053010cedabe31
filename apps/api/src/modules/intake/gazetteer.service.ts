import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { buildGazetteer, type Gazetteer, type GazetteerData } from '@rabta/intake';
import { ChangesService } from '../../common/changes/changes.service';
import { IntakeTimings } from './intake-timings';

/** The audit entities whose records the gazetteer is built from: a committed change of any rebuilds it. */
export const GAZETTEER_RESOURCES = [
  'people',
  'positions',
  'organizations',
  'countries',
  'sectors',
  'initiatives',
  'milestones',
  'engagements',
  'status-updates',
] as const;

/** Engagements this far back (and any ahead) are offered to the recogniser, to recognise a reported meeting. */
const RECENT_ENGAGEMENT_DAYS = 730;

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The recogniser's known world, loaded from the database and built once, then kept until a change of any of its
 * records commits in any process (the change feed); the next analysis rebuilds it. No restart, no polling.
 */
@Injectable()
export class GazetteerService implements OnModuleInit, OnModuleDestroy {
  private built: Promise<Gazetteer> | undefined;
  private builtFor = -1;
  private generation = 0;
  /** The last audit event seen when the gazetteer was built. */
  private watermark = 0n;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly changes: ChangesService,
    private readonly timings: IntakeTimings,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.changes.onChange(GAZETTEER_RESOURCES, () => this.invalidate());
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Drops the built gazetteer; the next analysis builds a new one. */
  invalidate(): void {
    this.generation++;
  }

  /**
   * The current gazetteer (built now when a change has made the last one stale). The change feed reaches every
   * process a moment after a commit; the analyst who has just added an alias must not wait for it, so a cheap
   * look at the audit log (events after the last one seen, by primary key) catches this process's own writes too.
   */
  async get(): Promise<Gazetteer> {
    if (this.built && this.builtFor === this.generation) {
      const last = await this.lastAuditId();
      if (last === this.watermark) return this.built;
      const relevant = await this.prisma.auditEvent.findFirst({
        where: { id: { gt: this.watermark, lte: last }, entity: { in: [...GAZETTEER_RESOURCES] } },
        select: { id: true },
      });
      if (!relevant) {
        this.watermark = last;
        return this.built;
      }
      this.invalidate();
    }
    // A change that commits while this build reads the database bumps the generation again: the next call rebuilds.
    const generation = this.generation;
    const started = performance.now();
    const building = this.lastAuditId()
      .then((id) => {
        this.watermark = id;
        return this.load();
      })
      .then((data) => {
        const gazetteer = buildGazetteer(data);
        this.timings.report({ step: 'gazetteer', ms: performance.now() - started });
        return gazetteer;
      });
    this.built = building;
    this.builtFor = generation;
    building.catch(() => {
      if (this.built === building) this.built = undefined;
    });
    return building;
  }

  private async lastAuditId(): Promise<bigint> {
    const last = await this.prisma.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    return last?.id ?? 0n;
  }

  /** Everything the recogniser matches against, as plain data. */
  async load(): Promise<GazetteerData> {
    const since = new Date(Date.now() - RECENT_ENGAGEMENT_DAYS * 86_400_000);
    const [people, positions, organizations, countries, sectors, initiatives, milestones, engagements] =
      await Promise.all([
        this.prisma.person.findMany({
          select: { id: true, nameEn: true, nameUr: true, nameRu: true, aliases: true, countryCode: true },
        }),
        this.prisma.position.findMany({
          select: {
            id: true,
            personId: true,
            titleEn: true,
            titleUr: true,
            organizationId: true,
            fromDate: true,
            toDate: true,
          },
        }),
        this.prisma.organization.findMany({
          select: {
            id: true,
            nameEn: true,
            nameUr: true,
            nameRu: true,
            acronym: true,
            countryCode: true,
            kind: true,
          },
        }),
        this.prisma.country.findMany({ select: { code: true, nameEn: true, nameUr: true } }),
        this.prisma.sector.findMany({ select: { id: true, code: true, nameEn: true, nameUr: true } }),
        this.prisma.initiative.findMany({
          where: { archivedAt: null },
          select: {
            id: true,
            code: true,
            titleEn: true,
            titleUr: true,
            tags: true,
            stage: true,
            sectors: { select: { sectorId: true } },
            countries: { select: { countryCode: true } },
          },
        }),
        this.prisma.milestone.findMany({
          where: { initiative: { archivedAt: null } },
          select: { id: true, initiativeId: true, titleEn: true, titleUr: true, plannedDate: true, state: true },
        }),
        this.prisma.engagement.findMany({
          where: { startDate: { gte: since } },
          select: {
            id: true,
            startDate: true,
            placeEn: true,
            placeUr: true,
            forumName: true,
            initiatives: { select: { initiativeId: true } },
            participants: { select: { personId: true } },
          },
        }),
      ]);
    // A person's title: the open position that started last.
    const current = new Map<number, (typeof positions)[number]>();
    for (const p of positions) {
      if (p.toDate) continue;
      const seen = current.get(p.personId);
      if (!seen || (p.fromDate?.getTime() ?? 0) >= (seen.fromDate?.getTime() ?? 0)) current.set(p.personId, p);
    }
    return {
      people: people.map((p) => ({
        ...p,
        titleEn: current.get(p.id)?.titleEn ?? null,
        titleUr: current.get(p.id)?.titleUr ?? null,
        organizationId: current.get(p.id)?.organizationId ?? null,
      })),
      positions: positions.map((p) => ({
        id: p.id,
        personId: p.personId,
        titleEn: p.titleEn,
        titleUr: p.titleUr,
        organizationId: p.organizationId,
      })),
      organizations,
      countries,
      sectors,
      initiatives: initiatives.map((i) => ({
        id: i.id,
        code: i.code,
        titleEn: i.titleEn,
        titleUr: i.titleUr,
        tags: i.tags,
        stage: i.stage,
        sectorIds: i.sectors.map((s) => s.sectorId),
        countryCodes: i.countries.map((c) => c.countryCode),
      })),
      milestones: milestones.map((m) => ({ ...m, plannedDate: isoDate(m.plannedDate) })),
      engagements: engagements.map((e) => ({
        id: e.id,
        startDate: isoDate(e.startDate)!,
        placeEn: e.placeEn,
        placeUr: e.placeUr,
        forumName: e.forumName,
        initiativeIds: e.initiatives.map((i) => i.initiativeId),
        participantIds: e.participants.map((p) => p.personId),
      })),
    };
  }
}
