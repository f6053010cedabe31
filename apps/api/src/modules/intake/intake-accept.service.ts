import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient, type Prisma } from '@rabta/db';
import {
  AcceptProposalSchema,
  normalizeText,
  ProposalDataSchemas,
  type NewParticipant,
  type ProposalKind,
} from '@rabta/domain';
import type { z } from 'zod';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { prefixFields, zodToApiError } from '../../common/errors/to-api-error';
import { parseWith } from '../../common/http/zod';
import { withOrigin } from '../../common/request-context';
import { resourceServiceToken } from '../../common/resource/resource.controller';
import type { ResourceService } from '../../common/resource/resource.service';
import { missingReference } from '../../common/resource/scope';
import { AuditService } from '../audit/audit.service';
import { StatusUpdatesService } from '../initiatives/status-updates.service';
import { IntakeRepository } from './intake.repository';
import { IntakeScope } from './intake-scope';

type Tx = Prisma.TransactionClient;
type Data<K extends ProposalKind> = z.output<(typeof ProposalDataSchemas)[K]>;
type Target = Partial<
  Record<'initiativeId' | 'milestoneId' | 'engagementId' | 'agreementId' | 'statusUpdateId', number | null>
>;

export interface AcceptResult {
  resource: string;
  id: number;
}

interface Ctx {
  tx: Tx;
  user: AuthUser;
  intakeId: number;
  sourceId: number;
  /** The article's publication date, YYYY-MM-DD. */
  publishedAt: string;
  quote: string;
}

const QUOTE_MAX = 5_000;
const PRECISION_NOTE = { month: 'announced for the month', year: 'announced for the year' } as const;

/**
 * Accepting a proposal writes its record through the same services as a manual edit — the resource kit for
 * people, engagements, agreements, milestones (with their date ledger) and evidence, StatusUpdatesService for a
 * stage change (lifecycle and evidence rules) — so scope, versions and audit are theirs. One transaction per
 * proposal: the people it names first, then the record, then the evidence citing the article, then the proposal's
 * decision. Every audit event of it says "intake N".
 */
@Injectable()
export class IntakeAcceptService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repo: IntakeRepository,
    private readonly audit: AuditService,
    private readonly scope: IntakeScope,
    private readonly statusUpdates: StatusUpdatesService,
    @Inject(resourceServiceToken('people')) private readonly people: ResourceService,
    @Inject(resourceServiceToken('positions')) private readonly positions: ResourceService,
    @Inject(resourceServiceToken('engagements')) private readonly engagements: ResourceService,
    @Inject(resourceServiceToken('agreements')) private readonly agreements: ResourceService,
    @Inject(resourceServiceToken('milestones')) private readonly milestones: ResourceService,
    @Inject(resourceServiceToken('evidence')) private readonly evidence: ResourceService,
  ) {}

  async accept(intakeId: number, proposalId: number, rawBody: unknown, user: AuthUser): Promise<AcceptResult> {
    const body = parseWith(AcceptProposalSchema, rawBody ?? {}, 'body');
    return withOrigin(`intake ${intakeId}`, () =>
      this.prisma.$transaction(
        async (tx) => {
          const proposal = await this.repo.lockProposal(tx, intakeId, proposalId);
          if (!proposal) throw AppException.notFound('Proposal', proposalId);
          if (proposal.status !== 'pending')
            throw new AppException('CONFLICT', `This proposal is already ${proposal.status}`);
          const intake = await tx.intake.findUnique({
            where: { id: intakeId },
            select: { sourceId: true, source: { select: { publishedAt: true } } },
          });
          const data = this.merge(proposal.kind, proposal.data as Record<string, unknown>, body.data);
          await this.scope.assertCanDecide(tx, user, proposal.kind, data);
          const ctx: Ctx = {
            tx,
            user,
            intakeId,
            sourceId: intake!.sourceId,
            publishedAt: intake!.source.publishedAt.toISOString().slice(0, 10),
            quote: proposal.quoteText.trim().slice(0, QUOTE_MAX),
          };
          const result = await this.write(proposal.kind, data, ctx);
          await this.repo.decide(tx, proposalId, { status: 'accepted', userId: user.id, data, result });
          await this.audit.record(tx, {
            action: 'proposal.accept',
            entity: 'intake',
            entityId: intakeId,
            after: { proposalId, kind: proposal.kind, ...result },
          });
          return result;
        },
        { timeout: 30_000 },
      ),
    );
  }

  /**
   * The proposal's body with the analyst's edits, validated by the resource's Create schema (and the few fields
   * intake adds). Fields the recogniser added that the schema does not know are left out; fields the analyst sends
   * that it does not know are an error.
   */
  private merge(
    kind: ProposalKind,
    proposed: Record<string, unknown>,
    edits: Record<string, unknown> | undefined,
  ): Record<string, unknown> {
    const schema = ProposalDataSchemas[kind];
    const known = new Set(Object.keys(schema.shape));
    const base = Object.fromEntries(Object.entries(proposed).filter(([k, v]) => known.has(k) && v !== undefined));
    // A person named only in Urdu keeps that name as the English one until the analyst romanises it.
    if (kind === 'new_person' && !base.nameEn && base.nameUr) base.nameEn = base.nameUr;
    const merged = { ...base, ...(edits ?? {}) };
    const parsed = schema.safeParse(merged);
    if (!parsed.success) {
      throw AppException.of(prefixFields(zodToApiError(parsed.error, 'data'), 'data'));
    }
    return parsed.data as Record<string, unknown>;
  }

  private write(kind: ProposalKind, data: Record<string, unknown>, ctx: Ctx): Promise<AcceptResult> {
    switch (kind) {
      case 'engagement':
        return this.engagement(data as Data<'engagement'>, ctx);
      case 'agreement':
        return this.agreement(data as Data<'agreement'>, ctx);
      case 'evidence':
        return this.cite(ctx, data as Target, (data as Data<'evidence'>).quote ?? ctx.quote);
      case 'milestone_date':
        return this.milestoneDate(data as Data<'milestone_date'>, ctx);
      case 'status_change':
        return this.statusChange(data as Data<'status_change'>, ctx);
      case 'new_person':
        return this.newPerson(data as Data<'new_person'>, ctx);
    }
  }

  // ---------------------------------------------------------------------------------------- kinds

  private async engagement(d: Data<'engagement'>, ctx: Ctx): Promise<AcceptResult> {
    const { newParticipants, ...fields } = d;
    const created = await this.resolvePeople(newParticipants ?? [], ctx);
    const row = await this.engagements.create(
      {
        ...fields,
        status: fields.status ?? (fields.startDate <= ctx.publishedAt ? 'held' : 'planned'),
        participantIds: [...new Set([...(fields.participantIds ?? []), ...created])],
      },
      ctx.user,
      ctx.tx,
    );
    await this.cite(ctx, { engagementId: row.id as number }, ctx.quote);
    return { resource: 'engagements', id: row.id as number };
  }

  private async agreement(d: Data<'agreement'>, ctx: Ctx): Promise<AcceptResult> {
    const { newSignatories, ...fields } = d;
    const created = await this.resolvePeople(newSignatories ?? [], ctx);
    const row = await this.agreements.create(
      { ...fields, signatoryIds: [...new Set([...(fields.signatoryIds ?? []), ...created])] },
      ctx.user,
      ctx.tx,
    );
    await this.cite(ctx, { agreementId: row.id as number }, ctx.quote);
    return { resource: 'agreements', id: row.id as number };
  }

  private async milestoneDate(d: Data<'milestone_date'>, ctx: Ctx): Promise<AcceptResult> {
    const announcement = {
      sourceId: ctx.sourceId,
      announcedOn: ctx.publishedAt,
      note: d.precision && d.precision !== 'day' ? PRECISION_NOTE[d.precision] : null,
    };
    let milestoneId = d.milestoneId ?? null;
    if (milestoneId) {
      const current = await this.repo.milestoneVersion(ctx.tx, milestoneId);
      if (!current) throw missingReference('data.milestoneId', 'Milestone', milestoneId);
      // A new date goes into the milestone's ledger with the article as its source; the same date again is
      // more evidence for it, not a re-announcement.
      if (current.plannedDate?.toISOString().slice(0, 10) !== d.plannedDate) {
        await this.milestones.update(
          milestoneId,
          { plannedDate: d.plannedDate, announcement, version: current.version },
          undefined,
          ctx.user,
          ctx.tx,
        );
      }
    } else {
      const row = await this.milestones.create(
        {
          initiativeId: d.initiativeId,
          titleEn: d.titleEn ?? d.titleUr,
          titleUr: d.titleUr ?? null,
          kind: d.kind,
          plannedDate: d.plannedDate,
          state: d.state,
          ownerOrganizationId: d.ownerOrganizationId,
          ownerPersonId: d.ownerPersonId,
          announcement,
        },
        ctx.user,
        ctx.tx,
      );
      milestoneId = row.id as number;
    }
    await this.cite(ctx, { milestoneId }, ctx.quote);
    return { resource: 'milestones', id: milestoneId };
  }

  private async statusChange(d: Data<'status_change'>, ctx: Ctx): Promise<AcceptResult> {
    const input = this.statusUpdates.parse({
      toStage: d.toStage,
      effectiveAt: d.effectiveAt ?? ctx.publishedAt,
      note: d.note,
      noteUr: d.noteUr,
      sourceIds: [ctx.sourceId],
      quotes: { [String(ctx.sourceId)]: ctx.quote },
    });
    const update = await this.statusUpdates.record(d.initiativeId, input, ctx.user, ctx.tx);
    return { resource: 'status-updates', id: update.id };
  }

  private async newPerson(d: Data<'new_person'>, ctx: Ctx): Promise<AcceptResult> {
    const id = await this.resolvePerson(d, ctx);
    return { resource: 'people', id };
  }

  // ---------------------------------------------------------------------------------------- shared steps

  /** Evidence: the article cited for the record, with its quote; the same citation twice is one. */
  private async cite(ctx: Ctx, target: Target, quote: string | null | undefined): Promise<AcceptResult> {
    const text = quote?.trim().slice(0, QUOTE_MAX) || null;
    const same = await this.repo.evidenceLike(ctx.tx, { sourceId: ctx.sourceId, quote: text, ...target });
    if (same) return { resource: 'evidence', id: same.id };
    const row = await this.evidence.create({ sourceId: ctx.sourceId, quote: text, ...target }, ctx.user, ctx.tx);
    return { resource: 'evidence', id: row.id as number };
  }

  private async resolvePeople(people: NewParticipant[], ctx: Ctx): Promise<number[]> {
    const ids: number[] = [];
    for (const p of people) ids.push(await this.resolvePerson(p, ctx));
    return ids;
  }

  /**
   * A person the article names: the one this intake's accepted "new person" proposal created, else a person
   * already known by that name or alias, else a new Person (with the position the article gives), created first.
   */
  private async resolvePerson(
    p: NewParticipant & { nameRu?: string | null; aliases?: string[]; countryCode?: string | null },
    ctx: Ctx,
  ): Promise<number> {
    const names = [p.nameUr, p.nameEn].map((n) => normalizeText(n)).filter((n) => n.length > 0);
    for (const name of names) {
      const known = (await this.repo.peopleNamed(ctx.tx, name)).find((row) =>
        [row.nameEn, row.nameUr, row.nameRu, ...row.aliases].some((n) => normalizeText(n) === name),
      );
      if (known) return known.id;
    }
    const person = await this.people.create(
      {
        nameEn: p.nameEn ?? p.nameUr,
        nameUr: p.nameUr ?? null,
        ...(p.nameRu ? { nameRu: p.nameRu } : {}),
        ...(p.aliases?.length ? { aliases: p.aliases } : {}),
        countryCode: p.countryCode ?? null,
      },
      ctx.user,
      ctx.tx,
    );
    const personId = person.id as number;
    if (p.titleEn || p.titleUr) {
      await this.positions.create(
        {
          personId,
          titleEn: p.titleEn ?? p.titleUr,
          titleUr: p.titleUr ?? null,
          organizationId: p.organizationId ?? null,
        },
        ctx.user,
        ctx.tx,
      );
    }
    return personId;
  }
}
