import type { PrismaClient } from '@rabta/db';

/**
 * A digest of everything a write could touch: each domain table's row count and version sum, the link tables, the
 * ledger and the audit log (sign-in events aside). Equal before and after a refused request means nothing was
 * written, not even half.
 */
export async function dbFingerprint(prisma: PrismaClient): Promise<string> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM initiatives) AS initiatives,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM milestones) AS milestones,
      (SELECT count(*) FROM milestone_date_changes) AS ledger,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM status_updates) AS status_updates,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM engagements) AS engagements,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM decisions) AS decisions,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM agreements) AS agreements,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM sources) AS sources,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM evidence) AS evidence,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM people) AS people,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM organizations) AS organizations,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM positions) AS positions,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM saved_views) AS saved_views,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM report_schedules) AS report_schedules,
      (SELECT count(*) FROM reports) AS reports,
      (SELECT count(*) FROM initiative_sectors) || ':' || (SELECT count(*) FROM initiative_countries) || ':' ||
        (SELECT count(*) FROM initiative_organizations) || ':' || (SELECT count(*) FROM engagement_initiatives) || ':' ||
        (SELECT count(*) FROM engagement_participants) || ':' || (SELECT count(*) FROM agreement_initiatives) || ':' ||
        (SELECT count(*) FROM agreement_parties) || ':' || (SELECT count(*) FROM agreement_signatories) AS links,
      (SELECT count(*) FROM audit_events WHERE action NOT LIKE 'login%') AS audit`;
  return JSON.stringify(rows[0], (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}
