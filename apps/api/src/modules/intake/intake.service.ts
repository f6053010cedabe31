import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient, type Prisma } from '@rabta/db';
import {
  CreateIntakeSchema,
  INTAKE_MAX_HTML_BYTES,
  INTAKE_MAX_TEXT_BYTES,
  IntakeFilterSchema,
  LinkMentionSchema,
  foldForSearch,
  normalizeText,
  type CreateIntake,
  type Intake,
  type IntakeLanguage,
  type IntakeListItem,
  type Language,
  type Mention,
  type Proposal,
} from '@rabta/domain';
import { analyse, detectLanguage, type Analysis } from '@rabta/intake';
import { APP_CONFIG } from '../../app.context';
import type { AppConfig } from '../../config/env';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { sourceContentHash } from '../../common/hash';
import { parseListQuery } from '../../common/http/list-query';
import { parseWith } from '../../common/http/zod';
import { resourceServiceToken } from '../../common/resource/resource.controller';
import type { ResourceService } from '../../common/resource/resource.service';
import { AuditService } from '../audit/audit.service';
import { InitiativesService } from '../initiatives/initiatives.service';
import { extractArticle, type Article } from './article';
import { fetchPage, PageFetchError } from './fetch-page';
import { GazetteerService } from './gazetteer.service';
import { attachToExisting } from './intake-attach';
import { toIntake, toIntakeListItem, toProposal } from './intake.mapper';
import { IntakeRepository, type NewIntake } from './intake.repository';
import { IntakeScope } from './intake-scope';
import { IntakeTimings } from './intake-timings';
import { featuresOf, normalizeUrl, RELATED_MIN_SIMILARITY, similarity } from './similarity';

/** Stories from other outlets are looked for among the sources published this many days around the article. */
const RELATED_WINDOW_DAYS = 10;
const RELATED_CANDIDATES = 400;
const RELATED_MAX = 5;

const SOURCE_LANGUAGE: Record<IntakeLanguage, Language> = {
  ur: 'ur',
  en: 'en',
  ru: 'ru',
  ar: 'other',
  fa: 'other',
  other: 'other',
};

const today = () => new Date().toISOString().slice(0, 10);

/** The article as read: its text and what the page (or the analyst) said about it. */
interface ReadArticle {
  input: 'text' | 'html' | 'url';
  text: string;
  url: string | null;
  /** Other URLs of the same page (canonical, after redirects), for recognising it again. */
  urls: string[];
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
}

/** Every spelling of a URL that may be stored for the same page. */
function urlVariants(urls: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const raw of urls) {
    if (!raw) continue;
    out.add(raw.trim());
    const n = normalizeUrl(raw);
    if (!n) continue;
    const u = new URL(n);
    for (const protocol of ['http:', 'https:']) {
      for (const host of [u.hostname, `www.${u.hostname}`]) {
        const v = new URL(n);
        v.protocol = protocol;
        v.hostname = host;
        const s = v.toString();
        out.add(s);
        out.add(s.endsWith('/') ? s.slice(0, -1) : `${s}/`);
      }
    }
  }
  return [...out];
}

/** A title for pasted text: its first line when it reads like one, else its opening words. */
function titleOf(text: string): string {
  const first =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  if (first.length <= 200) return first;
  const cut = first.slice(0, 160);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 80))}…`;
}

/** Pasted text as it is stored: line ends unified, invisible byte-order marks dropped, outer space trimmed. */
function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .trim();
}

/**
 * Intake: an article (text, HTML or URL) becomes a Source; the recogniser (@rabta/intake) reads it against the
 * gazetteer and its proposals are stored for review. Nothing is stored unless all of it is.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repo: IntakeRepository,
    private readonly gazetteer: GazetteerService,
    private readonly timings: IntakeTimings,
    private readonly audit: AuditService,
    private readonly scope: IntakeScope,
    private readonly initiatives: InitiativesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(resourceServiceToken('sources')) private readonly sources: ResourceService,
    @Inject(resourceServiceToken('people')) private readonly people: ResourceService,
    @Inject(resourceServiceToken('organizations')) private readonly organizations: ResourceService,
  ) {}

  // ------------------------------------------------------------------------------------------ reading

  private assertTextSize(text: string, field: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > INTAKE_MAX_TEXT_BYTES) {
      throw new AppException(
        'PAYLOAD_TOO_LARGE',
        `The article's text is ${(bytes / 1_048_576).toFixed(1)} MB; at most 1 MB of text is read`,
        { [field]: 'At most 1 MB of text' },
      );
    }
  }

  private fromHtml(html: string, input: 'html' | 'url', url: string | null, urls: string[]): ReadArticle {
    if (Buffer.byteLength(html, 'utf8') > INTAKE_MAX_HTML_BYTES) {
      throw new AppException('PAYLOAD_TOO_LARGE', 'The page is larger than 5 MB', { html: 'At most 5 MB of HTML' });
    }
    const article: Article = this.timings.time('extract', () => extractArticle(html));
    const text = cleanText(article.text);
    if (normalizeText(text).length < 20) {
      throw new AppException('UNPROCESSABLE', 'No article text was found in the page', {
        [input]: 'No article text found in the page',
      });
    }
    this.assertTextSize(text, input);
    return {
      input,
      text,
      url: url ?? article.canonicalUrl,
      urls: [...urls, article.canonicalUrl].filter((u): u is string => !!u),
      title: article.title,
      publisher: article.publisher,
      publishedAt: article.publishedAt,
    };
  }

  private async read(body: CreateIntake): Promise<ReadArticle> {
    if (body.text !== undefined) {
      this.assertTextSize(body.text, 'text');
      const text = cleanText(body.text);
      return { input: 'text', text, url: body.url ?? null, urls: [], title: null, publisher: null, publishedAt: null };
    }
    if (body.html !== undefined) return this.fromHtml(body.html, 'html', body.url ?? null, []);
    const url = body.url!;
    const started = performance.now();
    let page;
    try {
      page = await fetchPage(url, {
        allowPrivate: this.config.intake.allowPrivateUrls,
        timeoutMs: this.config.intake.fetchTimeoutMs,
        maxBytes: INTAKE_MAX_HTML_BYTES,
      });
    } catch (err) {
      if (err instanceof PageFetchError)
        throw new AppException('UNPROCESSABLE', `Rabta could not read ${url}: ${err.reason}`, { url: err.reason });
      throw err;
    } finally {
      this.timings.report({ step: 'fetch', ms: performance.now() - started });
    }
    if (page.kind === 'html') return this.fromHtml(page.body, 'url', url, [page.url]);
    const text = cleanText(page.body);
    if (!text) throw new AppException('UNPROCESSABLE', `The page at ${url} is empty`, { url: 'The page is empty' });
    this.assertTextSize(text, 'url');
    return { input: 'url', text, url, urls: [page.url], title: null, publisher: null, publishedAt: null };
  }

  // ------------------------------------------------------------------------------------------ create

  async create(rawBody: unknown, user: AuthUser): Promise<Intake> {
    const body = parseWith(CreateIntakeSchema, rawBody ?? {}, 'body');
    if (body.url) {
      const protocol = new URL(body.url).protocol;
      if (protocol !== 'http:' && protocol !== 'https:')
        throw new AppException('UNPROCESSABLE', 'Only http and https URLs are accepted', {
          url: 'Only http and https URLs',
        });
    }
    const article = await this.read(body);

    // The same page or the same text already recorded: that source, not a second one.
    const hash = sourceContentHash({ text: article.text });
    const existing =
      (await this.repo.findSourceByHash(hash)) ??
      (await this.repo.findSourceByUrl(urlVariants([article.url, ...article.urls])));
    const text = existing?.text ?? article.text;
    const language: IntakeLanguage = body.language ?? detectLanguage(text);
    const publishedAt =
      body.publishedAt ?? (existing ? existing.publishedAt.toISOString().slice(0, 10) : null) ?? article.publishedAt;
    const related = await this.related(text, publishedAt ?? today(), existing?.id ?? null);

    const { analysis, ms } = await this.analyse(text, language, publishedAt ?? today());
    const proposals = await attachToExisting(this.repo, analysis.proposals, {
      relatedSourceIds: related.map((r) => r.sourceId),
    });

    return this.prisma.$transaction(async (tx) => {
      const source: Record<string, unknown> =
        existing ??
        (await this.sources.create(
          {
            kind: 'news',
            publisher: body.publisher ?? article.publisher ?? this.publisherFromUrl(article.url) ?? 'Unknown publisher',
            url: article.url ? normalizeUrl(article.url) : null,
            language: SOURCE_LANGUAGE[language],
            publishedAt: publishedAt ?? today(),
            title: (article.title ?? titleOf(article.text)).slice(0, 500),
            text: article.text,
            retrievedAt: article.input === 'url' ? new Date().toISOString() : null,
          },
          user,
          tx,
        ));
      const intake: NewIntake = {
        sourceId: source.id as number,
        input: article.input,
        language,
        duplicateOfSourceId: existing?.id ?? null,
        mentions: analysis.mentions,
        analysisMs: Math.round(ms),
        createdById: user.id,
        related,
        proposals,
      };
      const id = await this.repo.create(tx, intake);
      await this.audit.record(tx, {
        action: 'create',
        entity: 'intake',
        entityId: id,
        after: {
          sourceId: intake.sourceId,
          input: intake.input,
          language,
          duplicateOfSourceId: intake.duplicateOfSourceId,
          related,
          proposals: proposals.length,
        },
      });
      return toIntake((await this.repo.find(tx, id))!);
    });
  }

  private publisherFromUrl(url: string | null): string | null {
    if (!url) return null;
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return null;
    }
  }

  private async analyse(
    text: string,
    language: IntakeLanguage,
    publishedAt: string,
  ): Promise<{ analysis: Analysis; ms: number }> {
    const gazetteer = await this.gazetteer.get();
    const started = performance.now();
    const analysis = analyse(text, { gazetteer, publishedAt, language });
    const ms = performance.now() - started;
    this.timings.report({ step: 'analyse', ms, language });
    return { analysis, ms };
  }

  /** Other outlets' reports of the same story: similar texts published around the same days. */
  private async related(
    text: string,
    publishedAt: string,
    excludeId: number | null,
  ): Promise<{ sourceId: number; similarity: number }[]> {
    const candidates = await this.repo.similarityCandidates(
      new Date(`${publishedAt}T00:00:00Z`),
      RELATED_WINDOW_DAYS,
      excludeId,
      RELATED_CANDIDATES,
    );
    const mine = featuresOf(text);
    return candidates
      .map((c) => ({ sourceId: c.id, similarity: similarity(mine, featuresOf(c.text ?? '')) }))
      .filter((c) => c.similarity >= RELATED_MIN_SIMILARITY && c.similarity < 0.999)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, RELATED_MAX)
      .map((c) => ({ ...c, similarity: Math.round(c.similarity * 1000) / 1000 }));
  }

  // ------------------------------------------------------------------------------------------ reads

  async list(query: unknown): Promise<{ rows: IntakeListItem[]; total: number; start: number }> {
    const { sort, range, filter } = parseListQuery(query, {
      sortable: ['id', 'createdAt'],
      defaultSort: { field: 'id', order: 'DESC' },
      filter: IntakeFilterSchema,
    });
    const order = sort.order === 'ASC' ? 'asc' : 'desc';
    const q = foldForSearch(filter.q);
    const where: Prisma.IntakeWhereInput = {
      ...(filter.id !== undefined ? { id: { in: Array.isArray(filter.id) ? filter.id : [filter.id] } } : {}),
      ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
      ...(filter.createdById ? { createdById: filter.createdById } : {}),
      ...(filter.language ? { language: filter.language } : {}),
      ...(filter.pending === true ? { proposals: { some: { status: 'pending' } } } : {}),
      ...(filter.pending === false ? { proposals: { none: { status: 'pending' } } } : {}),
      ...(q ? { source: { searchText: { contains: q } } } : {}),
    };
    const { rows, total } = await this.repo.page(
      where,
      [{ [sort.field]: order }, { id: order }],
      range.start,
      range.end - range.start + 1,
    );
    return { rows: rows.map(toIntakeListItem), total, start: range.start };
  }

  async getOne(id: number): Promise<Intake> {
    const row = await this.repo.find(this.prisma, id);
    if (!row) throw AppException.notFound('Intake', id);
    return toIntake(row);
  }

  // ------------------------------------------------------------------------------------------ reject

  async reject(intakeId: number, proposalId: number, user: AuthUser): Promise<Proposal> {
    return this.prisma.$transaction(async (tx) => {
      const proposal = await this.repo.lockProposal(tx, intakeId, proposalId);
      if (!proposal) throw AppException.notFound('Proposal', proposalId);
      if (proposal.status !== 'pending')
        throw new AppException('CONFLICT', `This proposal is already ${proposal.status}`);
      await this.scope.assertCanDecide(tx, user, proposal.kind, proposal.data as Record<string, unknown>);
      const decided = await this.repo.decide(tx, proposalId, { status: 'rejected', userId: user.id });
      await this.audit.record(tx, {
        action: 'proposal.reject',
        entity: 'intake',
        entityId: intakeId,
        after: { proposalId, kind: proposal.kind },
      });
      return toProposal(decided);
    });
  }

  // ------------------------------------------------------------------------------------------ corrections

  /**
   * The analyst says a mention is a known record. The mention is linked; with `addAlias`, the spelling is learned
   * through the record's own service (a person's alias, an initiative's tag, an organisation's missing name), so
   * the gazetteer — rebuilt on that change — recognises it in the next article; the pending proposals of this
   * intake are then made again with it.
   */
  async linkMention(intakeId: number, rawBody: unknown, user: AuthUser): Promise<Intake> {
    const body = parseWith(LinkMentionSchema, rawBody ?? {}, 'body');
    const intake = await this.getOne(intakeId);
    const text = intake.source.text ?? '';
    if (body.end > text.length)
      throw new AppException('VALIDATION_FAILED', `The text has ${text.length} characters`, {
        end: `At most ${text.length}`,
      });
    const spelling = text.slice(body.start, body.end).trim();
    if (!normalizeText(spelling))
      throw new AppException('VALIDATION_FAILED', 'The passage has no letters', { start: 'Select a name' });
    if (body.addAlias) await this.learnSpelling(body.resource, body.id, spelling, user);
    else await this.assertExists(body.resource, body.id, user);

    const entity = { resource: body.resource, id: body.id };
    const type = ({ people: 'person', organizations: 'organization', initiatives: 'initiative' } as const)[
      body.resource
    ];
    const mentions: Mention[] = intake.mentions.some((m) => m.start === body.start && m.end === body.end)
      ? intake.mentions.map((m) => (m.start === body.start && m.end === body.end ? { ...m, entity } : m))
      : [
          ...intake.mentions,
          { type, text: text.slice(body.start, body.end), start: body.start, end: body.end, entity },
        ].sort((a, b) => a.start - b.start);
    const { analysis, ms } = await this.analyse(text, intake.language, intake.source.publishedAt);
    const proposals = await attachToExisting(this.repo, analysis.proposals, {
      relatedSourceIds: intake.related.map((r) => r.sourceId),
    });
    // Proposals already decided are not proposed again.
    const decided = new Set(intake.proposals.filter((p) => p.status !== 'pending').map(proposalKey));
    const fresh = proposals.filter((p) => !decided.has(proposalKey(p)));
    // The new analysis knows a learned spelling; a link without learning is kept as the analyst made it.
    const learned = analysis.mentions.some((m) => m.entity?.resource === body.resource && m.entity.id === body.id);
    return this.prisma.$transaction(async (tx) => {
      await this.repo.setMentions(tx, intakeId, body.addAlias && learned ? analysis.mentions : mentions);
      await this.repo.replacePending(tx, intakeId, fresh);
      await this.audit.record(tx, {
        action: 'mention.link',
        entity: 'intake',
        entityId: intakeId,
        after: { start: body.start, end: body.end, text: spelling, ...entity, addAlias: body.addAlias, ms },
      });
      return toIntake((await this.repo.find(tx, intakeId))!);
    });
  }

  private async assertExists(
    resource: 'people' | 'organizations' | 'initiatives',
    id: number,
    user: AuthUser,
  ): Promise<void> {
    if (resource === 'initiatives') await this.initiatives.getOne(id);
    else await (resource === 'people' ? this.people : this.organizations).getOne(id, user);
  }

  private async learnSpelling(
    resource: 'people' | 'organizations' | 'initiatives',
    id: number,
    spelling: string,
    user: AuthUser,
  ): Promise<void> {
    const same = (a: string | null | undefined) => normalizeText(a) === normalizeText(spelling);
    if (resource === 'initiatives') {
      const initiative = await this.initiatives.getOne(id);
      if (same(initiative.titleEn) || same(initiative.titleUr) || initiative.tags.some(same)) return;
      await this.initiatives.update(
        id,
        { tags: [...initiative.tags, spelling.slice(0, 60)], version: initiative.version },
        undefined,
        user,
      );
      return;
    }
    if (resource === 'people') {
      const person = (await this.people.getOne(id, user)) as {
        nameEn: string;
        nameUr: string | null;
        nameRu: string | null;
        aliases: string[];
        version: number;
      };
      if ([person.nameEn, person.nameUr, person.nameRu, ...person.aliases].some(same)) return;
      await this.people.update(
        id,
        { aliases: [...person.aliases, spelling.slice(0, 200)], version: person.version },
        undefined,
        user,
      );
      return;
    }
    const org = (await this.organizations.getOne(id, user)) as {
      nameEn: string;
      nameUr: string | null;
      nameRu: string | null;
      acronym: string | null;
      version: number;
    };
    if ([org.nameEn, org.nameUr, org.nameRu, org.acronym].some(same)) return;
    // Organisations keep one name per script and an acronym: the spelling fills the one that is missing.
    const script = /[\u0600-\u06FF]/.test(spelling)
      ? 'nameUr'
      : /[\u0400-\u04FF]/.test(spelling)
        ? 'nameRu'
        : /^[A-Z0-9&.-]{2,12}$/.test(spelling)
          ? 'acronym'
          : null;
    if (!script || org[script]) {
      throw new AppException(
        'UNPROCESSABLE',
        `${org.nameEn} already has a ${script ?? 'name'} of its own; link the mention without learning the spelling`,
        { addAlias: 'Organisations keep one name per script' },
      );
    }
    await this.organizations.update(id, { [script]: spelling.slice(0, 200), version: org.version }, undefined, user);
  }
}

/** What makes two proposals the same: kind and the target of what they would write. */
export function proposalKey(p: { kind: string; data: Record<string, unknown> }): string {
  const d = p.data;
  const pick = (...keys: string[]) => keys.map((k) => JSON.stringify(d[k] ?? null)).join('|');
  switch (p.kind) {
    case 'engagement':
      return `engagement|${pick('startDate', 'placeEn', 'placeUr', 'forumName')}`;
    case 'agreement':
      return `agreement|${pick('kind', 'signedDate')}`;
    case 'evidence':
      return `evidence|${pick('initiativeId', 'milestoneId', 'engagementId', 'agreementId', 'statusUpdateId')}`;
    case 'milestone_date':
      return `milestone_date|${pick('milestoneId', 'initiativeId', 'titleEn', 'titleUr', 'plannedDate')}`;
    case 'status_change':
      return `status_change|${pick('initiativeId', 'toStage')}`;
    case 'new_person':
      return `new_person|${normalizeText(String(d.nameUr ?? d.nameEn ?? ''))}`;
    default:
      return `${p.kind}|${JSON.stringify(d)}`;
  }
}
