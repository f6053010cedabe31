import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import type { CountryRole, Initiative, OrganizationKind } from '@rabta/domain';
import { AppException } from '../../common/errors/app-exception';
import { isoDate } from '../../common/resource/wire';
import { InitiativesService } from '../initiatives/initiatives.service';
import { SettingsService } from '../settings/settings.service';
import { activityXml, documentCategory, type ActivityFacts, type ReportingOrg } from './iati-xml';

// GET /api/iati/activities.xml: the initiatives of the list's filter as an IATI 2.03 activities document, written
// page by page (the same pages, filter dialect and order as the initiatives list and its export).

const PAGE = 200;

@Injectable()
export class IatiService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly initiatives: InitiativesService,
    private readonly settings: SettingsService,
  ) {}

  async reportingOrg(): Promise<ReportingOrg> {
    return this.settings.iatiReportingOrg();
  }

  /** The document as a stream; the first page is read before answering, so a bad filter is a 400, an empty one a 404. */
  async activities(query: { filter?: string; sort?: string }): Promise<Readable> {
    const org = await this.reportingOrg();
    const fetch = (start: number) =>
      this.initiatives.list({
        filter: query.filter,
        sort: query.sort,
        range: JSON.stringify([start, start + PAGE - 1]),
      });
    const first = await fetch(0);
    if (first.rows.length === 0)
      throw new AppException(
        'NOT_FOUND',
        'No initiative matches the filter; an IATI activities document needs at least one activity',
      );
    const facts = (rows: Initiative[]) => this.facts(rows);
    async function* chunks(): AsyncGenerator<string> {
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${new Date().toISOString()}">\n`;
      let page = first;
      for (let start = 0; ;) {
        for (const f of await facts(page.rows)) yield activityXml(org, f).replace(/^/gm, '  ') + '\n';
        if (page.rows.length < PAGE) break;
        start += PAGE;
        page = await fetch(start);
        if (!page.rows.length) break;
      }
      yield '</iati-activities>\n';
    }
    return Readable.from(chunks());
  }

  /** Everything an activity says beyond the initiative itself, for one page, in a few queries. */
  private async facts(rows: Initiative[]): Promise<ActivityFacts[]> {
    const ids = rows.map((r) => r.id);
    const [sectors, countries, leads, milestones, ended, evidence, agreements] = await Promise.all([
      this.prisma.sector.findMany({ select: { id: true, code: true, nameEn: true, nameUr: true, dacCode: true } }),
      this.prisma.country.findMany({
        where: { code: { in: [...new Set(rows.flatMap((r) => r.countryCodes))] } },
        select: { code: true, nameEn: true, nameUr: true },
      }),
      this.prisma.organization.findMany({
        where: { id: { in: [...new Set(rows.flatMap((r) => r.leadOrganizationIds))] } },
        select: { id: true, nameEn: true, nameUr: true, kind: true },
      }),
      this.prisma.milestone.findMany({
        where: { initiativeId: { in: ids } },
        select: { initiativeId: true, plannedDate: true, actualDate: true },
      }),
      this.prisma.statusUpdate.findMany({
        where: { initiativeId: { in: ids }, toStage: { in: ['completed', 'cancelled'] } },
        orderBy: { effectiveAt: 'desc' },
        select: { initiativeId: true, effectiveAt: true },
      }),
      this.prisma.evidence.findMany({
        where: { initiativeId: { in: ids }, agreementId: null, source: { url: { not: null } } },
        select: {
          initiativeId: true,
          source: { select: { id: true, url: true, title: true, publishedAt: true, language: true } },
        },
      }),
      this.prisma.agreementInitiative.findMany({
        where: { initiativeId: { in: ids } },
        select: {
          initiativeId: true,
          agreement: {
            select: {
              kind: true,
              titleEn: true,
              initiatives: { select: { initiative: { select: { code: true } } } },
              evidence: {
                where: { source: { url: { not: null } } },
                select: { source: { select: { id: true, url: true, title: true, publishedAt: true, language: true } } },
              },
            },
          },
        },
      }),
    ]);
    const sectorById = new Map(sectors.map((s) => [s.id, s]));
    const countryByCode = new Map(countries.map((c) => [c.code, c]));
    const orgById = new Map(leads.map((o) => [o.id, o]));
    return rows.map((i) => {
      const documents: ActivityFacts['documents'] = [];
      const seen = new Set<number>();
      for (const a of agreements.filter((x) => x.initiativeId === i.id)) {
        for (const e of a.agreement.evidence) {
          if (seen.has(e.source.id)) continue;
          seen.add(e.source.id);
          documents.push({
            url: e.source.url!,
            title: e.source.title,
            publishedAt: isoDate(e.source.publishedAt)!,
            language: e.source.language,
            category: documentCategory(a.agreement.kind),
            about: a.agreement.titleEn,
          });
        }
      }
      for (const e of evidence.filter((x) => x.initiativeId === i.id)) {
        if (seen.has(e.source.id)) continue;
        seen.add(e.source.id);
        documents.push({
          url: e.source.url!,
          title: e.source.title,
          publishedAt: isoDate(e.source.publishedAt)!,
          language: e.source.language,
          category: documentCategory(),
        });
      }
      const related = new Set<string>();
      for (const a of agreements.filter((x) => x.initiativeId === i.id))
        for (const other of a.agreement.initiatives)
          if (other.initiative.code !== i.code) related.add(other.initiative.code);
      const end = ended.find((u) => u.initiativeId === i.id);
      return {
        initiative: i,
        sectors: i.sectorIds.map((id) => sectorById.get(id)).filter((s) => s !== undefined),
        countries: i.countries.map((c) => ({
          code: c.code,
          role: c.role as CountryRole,
          nameEn: countryByCode.get(c.code)?.nameEn ?? c.code,
          nameUr: countryByCode.get(c.code)?.nameUr ?? c.code,
        })),
        leads: i.leadOrganizationIds
          .map((id) => orgById.get(id))
          .filter((o) => o !== undefined)
          .map((o) => ({ nameEn: o.nameEn, nameUr: o.nameUr, kind: o.kind as OrganizationKind })),
        milestones: milestones
          .filter((m) => m.initiativeId === i.id)
          .map((m) => ({ plannedDate: isoDate(m.plannedDate), actualDate: isoDate(m.actualDate) })),
        endedOn: end ? end.effectiveAt.toISOString().slice(0, 10) : null,
        recordedOn: i.createdAt.slice(0, 10),
        documents,
        related: [...related].sort(),
      };
    });
  }
}
