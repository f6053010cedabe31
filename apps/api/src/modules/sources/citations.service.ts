import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient } from '@rabta/db';
import { CreateCitationsSchema, EVIDENCE_TARGETS, type Citations } from '@rabta/domain';
import type { AuthUser } from '../../common/auth/current-user';
import { AppException } from '../../common/errors/app-exception';
import { parseWith } from '../../common/http/zod';
import { resourceServiceToken } from '../../common/resource/resource.controller';
import type { ResourceService } from '../../common/resource/resource.service';

/**
 * One passage of a source cited for several records at once: every target becomes an evidence row through the
 * evidence resource's own create (its validation, its link-scope check per target, its audit event), all in one
 * transaction — a target out of scope or missing refuses the whole citation, naming the target. A target that
 * already cites the same passage of the same source keeps its evidence (no second copy).
 */
@Injectable()
export class CitationsService {
  constructor(
    private readonly prisma: PrismaClient,
    @Inject(resourceServiceToken('evidence')) private readonly evidence: ResourceService,
  ) {}

  async cite(sourceId: number, body: unknown, user: AuthUser): Promise<Citations> {
    const input = parseWith(CreateCitationsSchema, body ?? {}, 'body');
    const quote = input.quote ?? null;
    return this.prisma.$transaction(async (tx) => {
      const source = await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } });
      if (!source) throw AppException.notFound('Source', sourceId);
      const evidenceIds: number[] = [];
      let existing = 0;
      const seen = new Map<string, number>();
      for (const [index, target] of input.targets.entries()) {
        const field = EVIDENCE_TARGETS.find((k) => target[k] !== undefined)!;
        const id = target[field]!;
        const key = `${field}:${id}`;
        const repeated = seen.get(key);
        if (repeated !== undefined) {
          evidenceIds.push(repeated);
          continue;
        }
        const same = await tx.evidence.findFirst({
          where: { sourceId, quote, [field]: id },
          select: { id: true },
          orderBy: { id: 'asc' },
        });
        let evidenceId: number;
        if (same) {
          evidenceId = same.id;
          existing += 1;
        } else {
          try {
            const created = await this.evidence.create({ sourceId, quote, [field]: id }, user, tx);
            evidenceId = created.id as number;
          } catch (e) {
            throw e instanceof AppException ? forTarget(e, index, field) : e;
          }
        }
        seen.set(key, evidenceId);
        evidenceIds.push(evidenceId);
      }
      return { sourceId, quote, evidenceIds, existing };
    });
  }
}

/** A refusal of one target, keyed by its place in the body (`targets.2.initiativeId`). */
function forTarget(e: AppException, index: number, field: string): AppException {
  const errors = e.errors
    ? Object.fromEntries(
        Object.entries(e.errors).map(([k, v]) => [
          `targets.${index}.${EVIDENCE_TARGETS.includes(k as never) ? k : field}`,
          v,
        ]),
      )
    : { [`targets.${index}.${field}`]: e.message };
  return new AppException(e.code, `targets[${index}] (${field}): ${e.message}`, errors, e.extra);
}
