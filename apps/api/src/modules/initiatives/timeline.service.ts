import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { actualDateAsOf, decisionStateAsOf, milestoneStateAsOf, type TimelineItem } from '@rabta/domain';
import { groupBy } from '../../common/collections';
import { ActivityAsOf, isPureDevelopment, presentView } from '../../common/as-of/activity.as-of';
import { DecisionsAsOf } from '../../common/as-of/decisions.as-of';
import { evidenceInView } from '../../common/as-of/evidence.as-of';
import { MilestonesAsOf } from '../../common/as-of/milestones.as-of';
import { viewDay } from '../../common/as-of/view';
import { AppException } from '../../common/errors/app-exception';
import { parseAsOf } from '../../common/http/as-of';
import { isoDate } from '../../common/resource/wire';

const arrow = (a: string | null, b: string | null) => `${a ?? '—'} → ${b ?? '—'}`;

/** Everything that happened to an initiative, in one chronological list; honours asOf/knownAt. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly milestonesAsOf: MilestonesAsOf,
    private readonly decisionsAsOf: DecisionsAsOf,
    private readonly activity: ActivityAsOf,
  ) {}

  async timeline(initiativeId: number, query: Record<string, unknown>): Promise<TimelineItem[]> {
    const asOf = parseAsOf(query);
    const vd = viewDay(asOf);
    const exists = await this.prisma.initiative.findUnique({ where: { id: initiativeId }, select: { id: true } });
    if (!exists) throw AppException.notFound('Initiative', initiativeId);
    const known = asOf ? { lte: asOf.knownAt } : undefined;
    const before = asOf ? { lt: asOf.effectiveBefore } : undefined;

    const [updates, milestones, engagements, decisions, agreements, evidence] = await Promise.all([
      this.activity.statusUpdates(asOf ?? presentView(), { initiativeIds: [initiativeId] }),
      this.milestonesAsOf.all({ initiativeId }, asOf),
      this.prisma.engagement.findMany({
        where: { initiatives: { some: { initiativeId } }, createdAt: known, startDate: before },
      }),
      this.decisionsAsOf.known(asOf, {
        OR: [{ initiativeId }, { engagement: { initiatives: { some: { initiativeId } } }, initiativeId: null }],
      }),
      this.prisma.agreement.findMany({ where: { initiatives: { some: { initiativeId } }, createdAt: known } }),
      this.prisma.evidence.findMany({
        where: { initiativeId, ...evidenceInView(asOf) },
        include: { source: { select: { id: true, title: true, publisher: true, publishedAt: true, language: true } } },
      }),
    ]);

    const items: TimelineItem[] = [];
    for (const u of updates) {
      // Transitions as the view holds the history (activity.as-of.ts): none for a development.
      const parts = [
        u.toStage ? `Stage ${arrow(u.fromStage, u.toStage)}` : null,
        u.toHealth ? `Health ${arrow(u.fromHealth, u.toHealth)}` : null,
      ].filter(Boolean);
      const development = isPureDevelopment(u);
      items.push({
        type: development ? 'development' : 'status_update',
        id: u.id,
        date: u.effectiveAt,
        titleEn: development ? 'Development' : parts.join('; '),
        titleUr: null,
        detailEn: [u.noteEn, u.authorName ? `by ${u.authorName}` : null, `recorded ${u.recordedAt}`]
          .filter(Boolean)
          .join(' · '),
        detailUr: u.noteUr,
        link: { resource: 'status-updates', id: u.id },
        data: {
          fromStage: u.fromStage,
          toStage: u.toStage,
          fromHealth: u.fromHealth,
          toHealth: u.toHealth,
          noteEn: u.noteEn,
          noteUr: u.noteUr,
          recordedAt: u.recordedAt,
          authorName: u.authorName,
          sources: u.sources,
        },
      });
    }
    const ledgers = groupBy(
      await this.milestonesAsOf.ledger(
        milestones.map((m) => m.id),
        asOf,
      ),
      (c) => c.milestoneId,
    );
    for (const m of milestones) {
      // The milestone in the view, by the domain's rules: planned date as announced then, delivered only by then.
      const recorded = { state: m.state, actualDate: isoDate(m.actual_date) };
      const actual = actualDateAsOf(recorded.actualDate, vd);
      const planned = isoDate(m.planned_date);
      const date = actual ?? planned;
      if (date) {
        items.push({
          type: 'milestone',
          id: m.id,
          date,
          titleEn: m.title_en,
          titleUr: m.title_ur,
          detailEn: actual ? `Achieved ${actual}` : `Planned for ${planned}`,
          detailUr: null,
          link: { resource: 'milestones', id: m.id },
          data: { state: milestoneStateAsOf(recorded, vd), plannedDate: planned, actualDate: actual },
        });
      }
      for (const c of ledgers.get(m.id) ?? []) {
        items.push({
          type: 'milestone_date_change',
          id: c.id,
          date: isoDate(c.announcedOn)!,
          titleEn: c.oldDate
            ? `${m.title_en}: re-announced for ${isoDate(c.newDate) ?? 'no date'} (was ${isoDate(c.oldDate)})`
            : `${m.title_en}: announced for ${isoDate(c.newDate)}`,
          titleUr: m.title_ur,
          detailEn:
            [c.announcedBy ? `announced by ${c.announcedBy.nameEn}` : null, c.note].filter(Boolean).join(' · ') || null,
          detailUr: c.announcedBy?.nameUr ?? null,
          link: { resource: 'milestones', id: m.id },
          data: {
            oldDate: isoDate(c.oldDate),
            newDate: isoDate(c.newDate),
            announcedByEn: c.announcedBy?.nameEn ?? null,
            announcedByUr: c.announcedBy?.nameUr ?? null,
            note: c.note,
          },
        });
      }
    }
    for (const e of engagements) {
      items.push({
        type: 'engagement',
        id: e.id,
        date: isoDate(e.startDate)!,
        titleEn: e.titleEn,
        titleUr: e.titleUr,
        detailEn:
          [e.placeEn, e.forumName, e.status !== 'held' ? e.status : null, e.outcomeEn].filter(Boolean).join(' · ') ||
          null,
        detailUr: e.outcomeUr,
        link: { resource: 'engagements', id: e.id },
        data: {
          format: e.format,
          status: e.status,
          placeEn: e.placeEn,
          placeUr: e.placeUr,
          forumName: e.forumName,
          outcomeEn: e.outcomeEn,
          outcomeUr: e.outcomeUr,
        },
      });
    }
    const linked = new Set(
      (
        await this.prisma.engagementInitiative.findMany({ where: { initiativeId }, select: { engagementId: true } })
      ).map((e) => e.engagementId),
    );
    // A decision is dated by the meeting that took it (its due date is in its details).
    const meetingDays = new Map(
      (
        await this.prisma.engagement.findMany({
          where: { id: { in: [...new Set(decisions.map((d) => d.engagementId))] } },
          select: { id: true, startDate: true },
        })
      ).map((e) => [e.id, isoDate(e.startDate)!]),
    );
    for (const d of decisions) {
      // Selected on what is known now; kept on what the view knows.
      if (d.initiativeId !== initiativeId && !(d.initiativeId === null && linked.has(d.engagementId))) continue;
      const state = decisionStateAsOf(d, vd);
      items.push({
        type: 'decision',
        id: d.id,
        date: meetingDays.get(d.engagementId) ?? d.createdAt,
        titleEn: d.textEn,
        titleUr: d.textUr,
        detailEn: `Decision (${state})${d.dueDate ? `, due ${d.dueDate}` : ''}`,
        detailUr: null,
        link: { resource: 'decisions', id: d.id },
        data: { state, dueDate: d.dueDate, engagementId: d.engagementId },
      });
    }
    for (const a of agreements) {
      if (!a.signedDate || (asOf && a.signedDate >= asOf.effectiveBefore)) continue;
      items.push({
        type: 'agreement',
        id: a.id,
        date: isoDate(a.signedDate)!,
        titleEn: a.titleEn,
        titleUr: a.titleUr,
        detailEn: `${a.kind} signed${a.signedPlaceEn ? ` in ${a.signedPlaceEn}` : ''}`,
        detailUr: a.signedPlaceUr,
        link: { resource: 'agreements', id: a.id },
        data: { kind: a.kind, status: a.status, signedPlaceEn: a.signedPlaceEn, signedPlaceUr: a.signedPlaceUr },
      });
    }
    // One item per source: an article quoted for several records (a status update, a milestone, an agreement) is one
    // publication on the timeline, carrying each distinct passage quoted from it.
    const bySource = new Map<number, typeof evidence>();
    for (const ev of evidence) bySource.set(ev.source.id, [...(bySource.get(ev.source.id) ?? []), ev]);
    for (const rows of bySource.values()) {
      const { source } = rows[0];
      const quotes = [...new Set(rows.map((r) => r.quote?.trim()).filter((q): q is string => !!q))];
      items.push({
        type: 'evidence',
        id: Math.min(...rows.map((r) => r.id)),
        date: isoDate(source.publishedAt)!,
        titleEn: source.title,
        titleUr: source.language === 'ur' ? source.title : null,
        detailEn: [source.publisher, source.language, ...quotes].filter(Boolean).join(' · '),
        detailUr: null,
        link: { resource: 'sources', id: source.id },
        data: {
          publisher: source.publisher,
          language: source.language,
          quotes,
          evidenceIds: rows.map((r) => r.id).sort((a, b) => a - b),
        },
      });
    }
    return items.sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.id - b.id);
  }
}
