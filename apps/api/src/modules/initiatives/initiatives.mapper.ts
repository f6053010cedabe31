import { allowedNextStages, iatiActivityStatus, isStale, type Initiative } from '@rabta/domain';
import type { InitiativeRow, Staleness } from '../../common/as-of/initiatives.as-of';

export function toInitiative(r: InitiativeRow, staleness: Staleness): Initiative {
  const lastEvidenceOn = r.last_evidence_on;
  const countries = (r.countries ?? []).map((c) => ({
    code: c.code,
    role: c.role as Initiative['countries'][number]['role'],
  }));
  return {
    id: r.id,
    code: r.code,
    titleEn: r.title_en,
    titleUr: r.title_ur,
    summaryEn: r.summary_en,
    summaryUr: r.summary_ur,
    stage: r.stage,
    health: r.health,
    healthConfidence: r.health_confidence as Initiative['healthConfidence'],
    priority: r.priority as Initiative['priority'],
    locationEn: r.location_en,
    locationUr: r.location_ur,
    startDate: r.start_date,
    targetDate: r.target_date,
    estimatedValue: r.estimated_value === null ? null : Number(r.estimated_value),
    currency: r.currency,
    tags: r.tags,
    sectorIds: r.sector_ids,
    countryCodes: countries.map((c) => c.code),
    countries,
    leadOrganizationIds: r.lead_ids,
    focalPersonId: r.focal_person_id,
    version: r.version,
    archivedAt: r.archived_at,
    createdById: r.created_by_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    iatiStatus: iatiActivityStatus(r.stage),
    lastEvidenceAt: lastEvidenceOn,
    stale: isStale({ stage: r.stage, lastEvidenceOn }, staleness.cutoff),
    allowedNextStages: [...allowedNextStages(r.stage)],
  };
}
