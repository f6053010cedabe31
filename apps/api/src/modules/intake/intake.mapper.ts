import type { Intake as IntakeRow, IntakeProposal, Source } from '@rabta/db';
import type { Intake, IntakeListItem, Mention, Proposal } from '@rabta/domain';
import { isoTs } from '../../common/resource/wire';
import { sourcesResource } from '../sources/sources.resources';

export type IntakeFullRow = IntakeRow & {
  source: Source;
  related: {
    sourceId: number;
    similarity: number;
    source: Pick<Source, 'publisher' | 'title' | 'publishedAt' | 'url'>;
  }[];
  proposals: IntakeProposal[];
};

export type IntakeListRow = IntakeRow & {
  source: Pick<Source, 'title' | 'publisher' | 'publishedAt'>;
  createdBy: { name: string } | null;
  proposals: Pick<IntakeProposal, 'status'>[];
  _count: { related: number };
};

export function toProposal(p: IntakeProposal): Proposal {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    confidence: p.confidence,
    quote: { start: p.quoteStart, end: p.quoteEnd, text: p.quoteText },
    data: (p.data ?? {}) as Record<string, unknown>,
    mentions: p.mentionIndexes ?? [],
    result: p.resultResource && p.resultId !== null ? { resource: p.resultResource, id: p.resultId } : null,
    decidedById: p.decidedById,
    decidedAt: isoTs(p.decidedAt),
    version: p.version,
  };
}

export function toIntake(r: IntakeFullRow): Intake {
  return {
    id: r.id,
    source: sourcesResource.toWire(r.source) as Intake['source'],
    input: r.input,
    language: r.language,
    duplicateOfSourceId: r.duplicateOfSourceId,
    related: [...r.related]
      .sort((a, b) => b.similarity - a.similarity)
      .map((x) => ({
        sourceId: x.sourceId,
        similarity: Math.round(x.similarity * 100) / 100,
        publisher: x.source.publisher,
        title: x.source.title,
        publishedAt: x.source.publishedAt.toISOString().slice(0, 10),
        url: x.source.url,
      })),
    mentions: (r.mentions ?? []) as Mention[],
    proposals: [...r.proposals].sort((a, b) => a.position - b.position).map(toProposal),
    analysisMs: r.analysisMs,
    createdById: r.createdById,
    createdAt: isoTs(r.createdAt)!,
  };
}

export function toIntakeListItem(r: IntakeListRow): IntakeListItem {
  const count = (status: string) => r.proposals.filter((p) => p.status === status).length;
  return {
    id: r.id,
    sourceId: r.sourceId,
    title: r.source.title,
    publisher: r.source.publisher,
    publishedAt: r.source.publishedAt.toISOString().slice(0, 10),
    input: r.input,
    language: r.language,
    duplicateOfSourceId: r.duplicateOfSourceId,
    relatedCount: r._count.related,
    pending: count('pending'),
    accepted: count('accepted'),
    rejected: count('rejected'),
    createdById: r.createdById,
    createdByName: r.createdBy?.name ?? null,
    createdAt: isoTs(r.createdAt)!,
  };
}
