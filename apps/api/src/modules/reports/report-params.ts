import type { ReportFormat, ReportKind, ReportParams } from '@rabta/domain';
import { AppException } from '../../common/errors/app-exception';
import type { Prisma } from '@rabta/db';
import { parseAsOf } from '../../common/http/as-of';
import type { Db } from '../../common/resource/resource';
import { assertExist, missingReference } from '../../common/resource/scope';
import type { ResolvedParams } from './data/context';
import { addDays } from './data/report-data.repository';

/** The default period of a change report and of the portfolio's "what changed" (days before its date). */
export const DEFAULT_PERIOD_DAYS = 30;
/** How far ahead of the server clock a knownAt may be (clock skew), in ms. */
const KNOWN_AT_TOLERANCE_MS = 60_000;

/**
 * Every parameter a kind uses, with its default filled in: knownAt (now), asOf (knownAt's day, UTC), the period.
 * Stored on the report as it is, so that sending them again yields the same report.
 */
export function resolveParams(kind: ReportKind, params: ReportParams, now: Date): ResolvedParams {
  // knownAt is read as the API reads it: a bare date means the end of that day.
  const knownAt = params.knownAt ? parseAsOf({ knownAt: params.knownAt }, now)!.knownAt : now;
  if (knownAt.getTime() > now.getTime() + KNOWN_AT_TOLERANCE_MS) {
    throw new AppException(
      'VALIDATION_FAILED',
      'knownAt is in the future: a report can only use what has been recorded',
      { 'params.knownAt': 'Must not be in the future' },
    );
  }
  const today = knownAt.toISOString().slice(0, 10);
  const out: ResolvedParams = { knownAt: knownAt.toISOString() };
  const sorted = <T extends string | number>(v: T[] | undefined) =>
    v?.length ? [...new Set(v)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : undefined;
  if (kind === 'portfolio') {
    out.asOf = params.asOf ?? today;
    out.from = params.from ?? addDays(out.asOf, -DEFAULT_PERIOD_DAYS);
    if (out.from > out.asOf)
      throw new AppException('VALIDATION_FAILED', 'The period must start on or before the report date', {
        'params.from': 'Must not be after asOf',
      });
    out.sectorIds = sorted(params.sectorIds);
    out.countryCodes = sorted(params.countryCodes);
    out.stages = sorted(params.stages);
    out.health = sorted(params.health);
  } else if (kind === 'changes') {
    out.to = params.to ?? today;
    out.from = params.from ?? addDays(out.to, -DEFAULT_PERIOD_DAYS);
    if (out.from > out.to)
      throw new AppException('VALIDATION_FAILED', 'from must not be after to', {
        'params.from': 'Must not be after to',
      });
    out.sectorIds = sorted(params.sectorIds);
    out.countryCodes = sorted(params.countryCodes);
  } else if (kind === 'initiative') {
    out.asOf = params.asOf ?? today;
    out.initiativeId = params.initiativeId;
  } else {
    out.asOf = params.asOf ?? today;
    out.engagementId = params.engagementId;
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ResolvedParams;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** e.g. `rabta-portfolio-2025-06-01-ur.pdf`, `rabta-changes-2025-05-01-to-2025-06-01-en.csv` (ASCII only). */
export function fileNameOf(kind: ReportKind, params: ResolvedParams, format: ReportFormat, language: string): string {
  const day = kind === 'changes' ? `${params.from}-to-${params.to}` : (params.asOf ?? params.knownAt.slice(0, 10));
  return `rabta-${kind.replace(/_/g, '-')}-${day}-${language}.${format}`;
}

/** Every id in the parameters must exist: 422 REFERENCE_NOT_FOUND naming the parameter. */
export async function assertParamReferences(tx: Db, params: ReportParams): Promise<void> {
  await assertExist(tx as Prisma.TransactionClient, [
    { field: 'params.sectorIds', what: 'Sector', ids: params.sectorIds ?? [] },
    { field: 'params.countryCodes', what: 'Country', ids: params.countryCodes ?? [] },
    { field: 'params.engagementId', what: 'Engagement', ids: params.engagementId ? [params.engagementId] : [] },
  ]);
  if (
    params.initiativeId &&
    !(await tx.initiative.findUnique({ where: { id: params.initiativeId }, select: { id: true } }))
  ) {
    throw missingReference('params.initiativeId', 'Initiative', params.initiativeId);
  }
}
