import { Injectable } from '@nestjs/common';
import { Prisma } from '@rabta/db';
import type { Health, InitiativeStage } from '@rabta/domain';
import type { Db } from '../../common/resource/resource';

// The initiative's status history as the write side reads it (back-dated status updates), and the bulk inserts of
// many new initiatives (a spreadsheet import). Reads of initiatives in the present or as of a view go through
// common/as-of/initiatives.as-of.ts.

/** A new initiative's columns, for insertMany. */
export interface NewInitiativeRow {
  code: string;
  titleEn: string;
  titleUr: string | null;
  summaryEn: string | null;
  summaryUr: string | null;
  stage: InitiativeStage;
  health: Health;
  healthConfidence: string | null;
  priority: string;
  locationEn: string | null;
  locationUr: string | null;
  startDate: Date | null;
  targetDate: Date | null;
  estimatedValue: number | null;
  currency: string | null;
  tags: string[];
  focalPersonId: number | null;
  createdById: number;
  stageSince: Date;
  searchText: string;
}

/** The columns an update may write, by wire name: present keys are written (null clears), absent ones kept. */
export interface InitiativeColumnChanges {
  code?: string;
  titleEn?: string;
  titleUr?: string | null;
  summaryEn?: string | null;
  summaryUr?: string | null;
  healthConfidence?: string | null;
  priority?: string;
  locationEn?: string | null;
  locationUr?: string | null;
  startDate?: string | null;
  targetDate?: string | null;
  estimatedValue?: number | null;
  currency?: string | null;
  tags?: string[];
  focalPersonId?: number | null;
}

export interface NewStatusRow {
  initiativeId: number;
  toStage: InitiativeStage;
  toHealth: Health;
  healthConfidence: string | null;
  noteEn: string;
  noteUr: string;
  effectiveAt: Date;
  authorId: number;
}

@Injectable()
export class InitiativesRepository {
  /**
   * Inserts many new initiatives in one statement: each column travels as one array parameter (unnest), so a
   * thousand rows cost one round trip and no per-value work in the client. Returns each new id by code.
   */
  async insertMany(db: Db, rows: NewInitiativeRow[]): Promise<{ id: number; code: string }[]> {
    const col = <K extends keyof NewInitiativeRow>(k: K) => rows.map((r) => r[k]);
    const iso = (k: 'startDate' | 'targetDate' | 'stageSince') => rows.map((r) => (r[k] ? r[k].toISOString() : null));
    return db.$queryRaw<{ id: number; code: string }[]>`
      INSERT INTO initiatives (code, title_en, title_ur, summary_en, summary_ur, stage, health, health_confidence,
                               priority, location_en, location_ur, start_date, target_date, estimated_value, currency,
                               tags, focal_person_id, created_by_id, stage_since, search_text, updated_at)
      SELECT x.code, x.title_en, x.title_ur, x.summary_en, x.summary_ur, x.stage::initiative_stage, x.health::health,
             x.health_confidence::confidence, x.priority::priority, x.location_en, x.location_ur,
             x.start_date::timestamptz::date, x.target_date::timestamptz::date, x.estimated_value::numeric, x.currency,
             ARRAY(SELECT json_array_elements_text(x.tags::json)), x.focal_person_id, x.created_by_id,
             x.stage_since::timestamptz, x.search_text, now()
      FROM unnest(${col('code')}::text[], ${col('titleEn')}::text[], ${col('titleUr')}::text[],
                  ${col('summaryEn')}::text[], ${col('summaryUr')}::text[], ${col('stage')}::text[], ${col('health')}::text[],
                  ${col('healthConfidence')}::text[], ${col('priority')}::text[], ${col('locationEn')}::text[],
                  ${col('locationUr')}::text[], ${iso('startDate')}::text[], ${iso('targetDate')}::text[],
                  ${rows.map((r) => (r.estimatedValue === null ? null : String(r.estimatedValue)))}::text[],
                  ${col('currency')}::text[], ${rows.map((r) => JSON.stringify(r.tags))}::text[],
                  ${col('focalPersonId')}::int[], ${col('createdById')}::int[], ${iso('stageSince')}::text[],
                  ${col('searchText')}::text[])
        AS x(code, title_en, title_ur, summary_en, summary_ur, stage, health, health_confidence, priority, location_en,
             location_ur, start_date, target_date, estimated_value, currency, tags, focal_person_id, created_by_id,
             stage_since, search_text)
      RETURNING id, code`;
  }

  /** The sectors, countries and lead organisations of many new initiatives, one statement each (as insertMany). */
  async insertLinks(
    db: Db,
    sectors: { initiativeId: number; sectorId: number }[],
    countries: { initiativeId: number; countryCode: string; role: string }[],
    leads: { initiativeId: number; organizationId: number }[],
  ): Promise<void> {
    if (sectors.length)
      await db.$executeRaw`INSERT INTO initiative_sectors (initiative_id, sector_id)
        SELECT * FROM unnest(${sectors.map((s) => s.initiativeId)}::int[], ${sectors.map((s) => s.sectorId)}::int[])`;
    if (countries.length)
      await db.$executeRaw`INSERT INTO initiative_countries (initiative_id, country_code, role)
        SELECT x.i, x.c, x.r::country_role FROM unnest(${countries.map((c) => c.initiativeId)}::int[],
          ${countries.map((c) => c.countryCode)}::text[], ${countries.map((c) => c.role)}::text[]) AS x(i, c, r)`;
    if (leads.length)
      await db.$executeRaw`INSERT INTO initiative_organizations (initiative_id, organization_id)
        SELECT * FROM unnest(${leads.map((l) => l.initiativeId)}::int[], ${leads.map((l) => l.organizationId)}::int[])`;
  }

  /** The first status update of many new initiatives, in one statement (as insertMany). */
  async insertInitialStatuses(db: Db, rows: NewStatusRow[]): Promise<void> {
    const col = <K extends keyof NewStatusRow>(k: K) => rows.map((r) => r[k]);
    await db.$executeRaw`
      INSERT INTO status_updates (initiative_id, to_stage, to_health, health_confidence, note_en, note_ur, effective_at,
                                  author_id, updated_at)
      SELECT x.initiative_id, x.to_stage::initiative_stage, x.to_health::health, x.health_confidence::confidence,
             x.note_en, x.note_ur, x.effective_at::timestamptz, x.author_id, now()
      FROM unnest(${col('initiativeId')}::int[], ${col('toStage')}::text[], ${col('toHealth')}::text[],
                  ${col('healthConfidence')}::text[], ${col('noteEn')}::text[], ${col('noteUr')}::text[],
                  ${rows.map((r) => r.effectiveAt.toISOString())}::text[], ${col('authorId')}::int[])
        AS x(initiative_id, to_stage, to_health, health_confidence, note_en, note_ur, effective_at, author_id)`;
  }

  /**
   * Updates many initiatives in one statement, each only if it is still at the version the change was based on.
   * `changes` holds, per row, the columns to write (wire names; a key that is absent keeps the column, null clears
   * it). Returns the ids that were updated: an id missing from the answer was changed by someone else meanwhile.
   */
  async updateMany(
    db: Db,
    rows: { id: number; version: number; changes: InitiativeColumnChanges; searchText: string; restore: boolean }[],
  ): Promise<number[]> {
    if (!rows.length) return [];
    const has = (k: keyof InitiativeColumnChanges) => `x.d ? '${k}'`;
    const set = (column: string, k: keyof InitiativeColumnChanges, cast: string) =>
      `${column} = CASE WHEN ${has(k)} THEN (x.d->>'${k}')${cast} ELSE t.${column} END`;
    const assignments = [
      set('code', 'code', ''),
      set('title_en', 'titleEn', ''),
      set('title_ur', 'titleUr', ''),
      set('summary_en', 'summaryEn', ''),
      set('summary_ur', 'summaryUr', ''),
      set('health_confidence', 'healthConfidence', '::confidence'),
      set('priority', 'priority', '::priority'),
      set('location_en', 'locationEn', ''),
      set('location_ur', 'locationUr', ''),
      set('start_date', 'startDate', '::date'),
      set('target_date', 'targetDate', '::date'),
      set('estimated_value', 'estimatedValue', '::numeric'),
      set('currency', 'currency', ''),
      `tags = CASE WHEN ${has('tags')} THEN ARRAY(SELECT jsonb_array_elements_text(COALESCE(x.d->'tags', '[]')))
        ELSE t.tags END`,
      set('focal_person_id', 'focalPersonId', '::int'),
    ].join(',\n        ');
    const updated = await db.$queryRaw<{ id: number }[]>`
      UPDATE initiatives t SET
        ${Prisma.raw(assignments)},
        archived_at = CASE WHEN x.restore THEN NULL ELSE t.archived_at END,
        search_text = x.search_text, version = t.version + 1, updated_at = now()
      FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.version)}::int[],
                  ${rows.map((r) => JSON.stringify(r.changes))}::jsonb[], ${rows.map((r) => r.searchText)}::text[],
                  ${rows.map((r) => r.restore)}::boolean[]) AS x(id, version, d, search_text, restore)
      WHERE t.id = x.id AND t.version = x.version
      RETURNING t.id`;
    return updated.map((r) => r.id);
  }

  /**
   * Replaces the sectors, countries and lead organisations of many initiatives: for each kind, the initiatives
   * listed in it get exactly the links given (one DELETE and one INSERT per kind, as insertLinks).
   */
  async replaceLinks(
    db: Db,
    sectors: { initiativeIds: number[]; links: { initiativeId: number; sectorId: number }[] },
    countries: { initiativeIds: number[]; links: { initiativeId: number; countryCode: string; role: string }[] },
    leads: { initiativeIds: number[]; links: { initiativeId: number; organizationId: number }[] },
  ): Promise<void> {
    if (sectors.initiativeIds.length) {
      await db.$executeRaw`DELETE FROM initiative_sectors s WHERE s.initiative_id = ANY(${sectors.initiativeIds}::int[])
        AND (s.initiative_id, s.sector_id) NOT IN (SELECT * FROM unnest(${sectors.links.map((l) => l.initiativeId)}::int[],
          ${sectors.links.map((l) => l.sectorId)}::int[]))`;
      if (sectors.links.length)
        await db.$executeRaw`INSERT INTO initiative_sectors (initiative_id, sector_id)
          SELECT * FROM unnest(${sectors.links.map((l) => l.initiativeId)}::int[], ${sectors.links.map((l) => l.sectorId)}::int[])
          ON CONFLICT DO NOTHING`;
    }
    if (countries.initiativeIds.length) {
      await db.$executeRaw`DELETE FROM initiative_countries WHERE initiative_id = ANY(${countries.initiativeIds}::int[])`;
      await this.insertLinks(db, [], countries.links, []);
    }
    if (leads.initiativeIds.length) {
      await db.$executeRaw`DELETE FROM initiative_organizations o WHERE o.initiative_id = ANY(${leads.initiativeIds}::int[])
        AND (o.initiative_id, o.organization_id) NOT IN (SELECT * FROM unnest(${leads.links.map((l) => l.initiativeId)}::int[],
          ${leads.links.map((l) => l.organizationId)}::int[]))`;
      if (leads.links.length)
        await db.$executeRaw`INSERT INTO initiative_organizations (initiative_id, organization_id)
          SELECT * FROM unnest(${leads.links.map((l) => l.initiativeId)}::int[], ${leads.links.map((l) => l.organizationId)}::int[])
          ON CONFLICT DO NOTHING`;
    }
  }

  /** The stage and health in force at a moment, from every recorded status update (for back-dated updates). */
  async stateAt(
    tx: Db,
    initiativeId: number,
    at: Date,
  ): Promise<{ stage: InitiativeStage | null; health: Health | null }> {
    const rows = await tx.$queryRaw<{ stage: InitiativeStage | null; health: Health | null }[]>`
      SELECT
        (SELECT to_stage FROM status_updates WHERE initiative_id = ${initiativeId} AND to_stage IS NOT NULL AND effective_at <= ${at}
          ORDER BY effective_at DESC, recorded_at DESC, id DESC LIMIT 1) AS stage,
        (SELECT to_health FROM status_updates WHERE initiative_id = ${initiativeId} AND to_health IS NOT NULL AND effective_at <= ${at}
          ORDER BY effective_at DESC, recorded_at DESC, id DESC LIMIT 1) AS health`;
    return rows[0];
  }

  /**
   * After a back-dated update `row`: the next update (in the history's order) that gives a stage now changes from
   * the stage `row` gives, and likewise for the health — so no two updates show the same transition.
   */
  async relinkNext(
    tx: Db,
    initiativeId: number,
    row: { id: number; effectiveAt: Date; recordedAt: Date },
    to: { stage?: InitiativeStage; health?: Health },
  ): Promise<void> {
    const after = Prisma.sql`initiative_id = ${initiativeId} AND id <> ${row.id}
      AND (effective_at, recorded_at, id) > (${row.effectiveAt}::timestamptz, ${row.recordedAt}::timestamptz, ${row.id}::int)`;
    if (to.stage)
      await tx.$executeRaw`UPDATE status_updates SET from_stage = ${to.stage}::initiative_stage WHERE id = (
        SELECT id FROM status_updates WHERE ${after} AND to_stage IS NOT NULL ORDER BY effective_at, recorded_at, id LIMIT 1)`;
    if (to.health)
      await tx.$executeRaw`UPDATE status_updates SET from_health = ${to.health}::health WHERE id = (
        SELECT id FROM status_updates WHERE ${after} AND to_health IS NOT NULL ORDER BY effective_at, recorded_at, id LIMIT 1)`;
  }

  /** Whether a later status update (by effective time) has already set the stage / the health. */
  async laterUpdates(tx: Db, initiativeId: number, at: Date): Promise<{ stage: boolean; health: boolean }> {
    const rows = await tx.$queryRaw<{ stage: boolean; health: boolean }[]>`
      SELECT bool_or(to_stage IS NOT NULL) AS stage, bool_or(to_health IS NOT NULL) AS health
      FROM status_updates WHERE initiative_id = ${initiativeId} AND effective_at > ${at}`;
    return { stage: rows[0]?.stage ?? false, health: rows[0]?.health ?? false };
  }
}
