-- Rabta's initial schema. The body between the markers is Prisma's own DDL for prisma/schema.prisma
-- (drafted with `npm run db:migration`); what Prisma cannot express is written by hand around it.

-- Trigram similarity for misspelt names and titles, in any script.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- >>> generated from prisma/schema.prisma
-- CreateEnum
CREATE TYPE "initiative_stage" AS ENUM ('announced', 'under_negotiation', 'mou_signed', 'agreement_signed', 'feasibility', 'implementation', 'pilot', 'operational', 'completed', 'suspended', 'cancelled');

-- CreateEnum
CREATE TYPE "health" AS ENUM ('on_track', 'at_risk', 'off_track', 'not_assessed');

-- CreateEnum
CREATE TYPE "confidence" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "priority" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "country_role" AS ENUM ('partner', 'host', 'lead', 'financier', 'observer');

-- CreateEnum
CREATE TYPE "organization_kind" AS ENUM ('ministry', 'government_agency', 'state_enterprise', 'company', 'multilateral_forum', 'international_organization', 'embassy', 'legislature', 'think_tank', 'other');

-- CreateEnum
CREATE TYPE "milestone_kind" AS ENUM ('announcement', 'negotiation', 'signing', 'financing', 'feasibility', 'construction', 'delivery', 'pilot', 'commissioning', 'meeting', 'other');

-- CreateEnum
CREATE TYPE "milestone_state" AS ENUM ('planned', 'in_progress', 'achieved', 'delayed', 'missed', 'cancelled');

-- CreateEnum
CREATE TYPE "engagement_format" AS ENUM ('bilateral_meeting', 'multilateral_sidelines', 'igc_session', 'working_group', 'visit');

-- CreateEnum
CREATE TYPE "engagement_status" AS ENUM ('planned', 'held', 'postponed', 'cancelled');

-- CreateEnum
CREATE TYPE "decision_state" AS ENUM ('open', 'in_progress', 'done', 'overdue', 'dropped');

-- CreateEnum
CREATE TYPE "agreement_kind" AS ENUM ('mou', 'protocol', 'agreement', 'contract');

-- CreateEnum
CREATE TYPE "agreement_status" AS ENUM ('under_negotiation', 'signed', 'in_force', 'expired', 'terminated');

-- CreateEnum
CREATE TYPE "source_kind" AS ENUM ('news', 'official_statement', 'document');

-- CreateEnum
CREATE TYPE "language" AS ENUM ('en', 'ur', 'ru', 'other');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'analyst', 'viewer');

-- CreateEnum
CREATE TYPE "locale" AS ENUM ('en', 'ur');

-- CreateEnum
CREATE TYPE "report_kind" AS ENUM ('portfolio', 'initiative', 'changes', 'engagement_followup');

-- CreateEnum
CREATE TYPE "report_format" AS ENUM ('html', 'pdf', 'xlsx', 'csv');

-- CreateEnum
CREATE TYPE "report_status" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "countries" (
    "code" CHAR(2) NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ur" TEXT NOT NULL,
    "name_ru" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "countries_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "sectors" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ur" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sectors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" SERIAL NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ur" TEXT,
    "name_ru" TEXT,
    "acronym" TEXT,
    "kind" "organization_kind" NOT NULL,
    "country_code" CHAR(2),
    "parent_id" INTEGER,
    "search_text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" SERIAL NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ur" TEXT,
    "name_ru" TEXT,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "country_code" CHAR(2),
    "search_text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "positions" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "organization_id" INTEGER,
    "title_en" TEXT NOT NULL,
    "title_ur" TEXT,
    "from_date" DATE,
    "to_date" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "positions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiatives" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "title_ur" TEXT,
    "summary_en" TEXT,
    "summary_ur" TEXT,
    "stage" "initiative_stage" NOT NULL DEFAULT 'announced',
    "health" "health" NOT NULL DEFAULT 'not_assessed',
    "health_confidence" "confidence",
    "priority" "priority" NOT NULL DEFAULT 'medium',
    "location_en" TEXT,
    "location_ur" TEXT,
    "start_date" DATE,
    "target_date" DATE,
    "estimated_value" DECIMAL(18,2),
    "currency" CHAR(3),
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "focal_person_id" INTEGER,
    "search_text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "initiatives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiative_sectors" (
    "initiative_id" INTEGER NOT NULL,
    "sector_id" INTEGER NOT NULL,

    CONSTRAINT "initiative_sectors_pkey" PRIMARY KEY ("initiative_id","sector_id")
);

-- CreateTable
CREATE TABLE "initiative_countries" (
    "initiative_id" INTEGER NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "role" "country_role" NOT NULL DEFAULT 'partner',

    CONSTRAINT "initiative_countries_pkey" PRIMARY KEY ("initiative_id","country_code")
);

-- CreateTable
CREATE TABLE "initiative_organizations" (
    "initiative_id" INTEGER NOT NULL,
    "organization_id" INTEGER NOT NULL,

    CONSTRAINT "initiative_organizations_pkey" PRIMARY KEY ("initiative_id","organization_id")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" SERIAL NOT NULL,
    "initiative_id" INTEGER NOT NULL,
    "title_en" TEXT NOT NULL,
    "title_ur" TEXT,
    "kind" "milestone_kind" NOT NULL DEFAULT 'other',
    "planned_date" DATE,
    "actual_date" DATE,
    "state" "milestone_state" NOT NULL DEFAULT 'planned',
    "owner_organization_id" INTEGER,
    "owner_person_id" INTEGER,
    "search_text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone_date_changes" (
    "id" SERIAL NOT NULL,
    "milestone_id" INTEGER NOT NULL,
    "old_date" DATE,
    "new_date" DATE,
    "announced_by_id" INTEGER,
    "announced_on" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source_id" INTEGER,
    "note" TEXT,
    "recorded_by_id" INTEGER,

    CONSTRAINT "milestone_date_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_updates" (
    "id" SERIAL NOT NULL,
    "initiative_id" INTEGER NOT NULL,
    "from_stage" "initiative_stage",
    "to_stage" "initiative_stage",
    "from_health" "health",
    "to_health" "health",
    "health_confidence" "confidence",
    "note_en" TEXT,
    "note_ur" TEXT,
    "effective_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "author_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "status_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "engagements" (
    "id" SERIAL NOT NULL,
    "title_en" TEXT NOT NULL,
    "title_ur" TEXT,
    "format" "engagement_format" NOT NULL,
    "status" "engagement_status" NOT NULL DEFAULT 'held',
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "place_en" TEXT,
    "place_ur" TEXT,
    "country_code" CHAR(2),
    "forum_name" TEXT,
    "session_number" INTEGER,
    "outcome_en" TEXT,
    "outcome_ur" TEXT,
    "previous_id" INTEGER,
    "search_text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "engagements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "engagement_participants" (
    "engagement_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "role_en" TEXT,
    "role_ur" TEXT,

    CONSTRAINT "engagement_participants_pkey" PRIMARY KEY ("engagement_id","person_id")
);

-- CreateTable
CREATE TABLE "engagement_initiatives" (
    "engagement_id" INTEGER NOT NULL,
    "initiative_id" INTEGER NOT NULL,

    CONSTRAINT "engagement_initiatives_pkey" PRIMARY KEY ("engagement_id","initiative_id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" SERIAL NOT NULL,
    "engagement_id" INTEGER NOT NULL,
    "text_en" TEXT NOT NULL,
    "text_ur" TEXT,
    "due_date" DATE,
    "initiative_id" INTEGER,
    "milestone_id" INTEGER,
    "state" "decision_state" NOT NULL DEFAULT 'open',
    "reviewed_at_id" INTEGER,
    "review_note_en" TEXT,
    "review_note_ur" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreements" (
    "id" SERIAL NOT NULL,
    "kind" "agreement_kind" NOT NULL,
    "title_en" TEXT NOT NULL,
    "title_ur" TEXT,
    "status" "agreement_status" NOT NULL DEFAULT 'signed',
    "signed_date" DATE,
    "signed_place_en" TEXT,
    "signed_place_ur" TEXT,
    "summary_en" TEXT,
    "summary_ur" TEXT,
    "search_text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_parties" (
    "id" SERIAL NOT NULL,
    "agreement_id" INTEGER NOT NULL,
    "country_code" CHAR(2),
    "organization_id" INTEGER,

    CONSTRAINT "agreement_parties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_signatories" (
    "agreement_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,

    CONSTRAINT "agreement_signatories_pkey" PRIMARY KEY ("agreement_id","person_id")
);

-- CreateTable
CREATE TABLE "agreement_initiatives" (
    "agreement_id" INTEGER NOT NULL,
    "initiative_id" INTEGER NOT NULL,

    CONSTRAINT "agreement_initiatives_pkey" PRIMARY KEY ("agreement_id","initiative_id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "kind" "source_kind" NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "language" "language" NOT NULL,
    "published_at" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT,
    "content_hash" CHAR(64) NOT NULL,
    "retrieved_at" TIMESTAMPTZ(3),
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "quote" TEXT,
    "initiative_id" INTEGER,
    "milestone_id" INTEGER,
    "engagement_id" INTEGER,
    "agreement_id" INTEGER,
    "decision_id" INTEGER,
    "status_update_id" INTEGER,
    "created_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'viewer',
    "locale" "locale" NOT NULL DEFAULT 'en',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_sectors" (
    "user_id" INTEGER NOT NULL,
    "sector_id" INTEGER NOT NULL,

    CONSTRAINT "user_sectors_pkey" PRIMARY KEY ("user_id","sector_id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "prefix" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" INTEGER,
    "actor_name" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,
    "ip" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" SERIAL NOT NULL,
    "kind" "report_kind" NOT NULL,
    "params" JSONB NOT NULL,
    "format" "report_format" NOT NULL,
    "language" "locale" NOT NULL,
    "status" "report_status" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "known_at" TIMESTAMPTZ(3) NOT NULL,
    "error" TEXT,
    "file_name" TEXT,
    "content_type" TEXT,
    "file" BYTEA,
    "checksum" CHAR(64),
    "size" INTEGER,
    "schedule_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_schedules" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "report_kind" NOT NULL,
    "params" JSONB NOT NULL,
    "format" "report_format" NOT NULL,
    "language" "locale" NOT NULL,
    "cron" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Karachi',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "last_run_at" TIMESTAMPTZ(3),
    "next_run_at" TIMESTAMPTZ(3),
    "created_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "report_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "id" SERIAL NOT NULL,
    "resource" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "sort" JSONB,
    "owner_id" INTEGER NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sectors_code_key" ON "sectors"("code");

-- CreateIndex
CREATE INDEX "organizations_country_code_idx" ON "organizations"("country_code");

-- CreateIndex
CREATE INDEX "organizations_kind_idx" ON "organizations"("kind");

-- CreateIndex
CREATE INDEX "organizations_search_text_trgm_idx" ON "organizations" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "people_country_code_idx" ON "people"("country_code");

-- CreateIndex
CREATE INDEX "people_search_text_trgm_idx" ON "people" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "positions_person_id_idx" ON "positions"("person_id");

-- CreateIndex
CREATE INDEX "positions_organization_id_idx" ON "positions"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "initiatives_code_key" ON "initiatives"("code");

-- CreateIndex
CREATE INDEX "initiatives_stage_idx" ON "initiatives"("stage");

-- CreateIndex
CREATE INDEX "initiatives_health_idx" ON "initiatives"("health");

-- CreateIndex
CREATE INDEX "initiatives_updated_at_id_idx" ON "initiatives"("updated_at", "id");

-- CreateIndex
CREATE INDEX "initiatives_target_date_idx" ON "initiatives"("target_date");

-- CreateIndex
CREATE INDEX "initiatives_archived_at_idx" ON "initiatives"("archived_at");

-- CreateIndex
CREATE INDEX "initiatives_focal_person_id_idx" ON "initiatives"("focal_person_id");

-- CreateIndex
CREATE INDEX "initiatives_search_text_trgm_idx" ON "initiatives" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "initiative_sectors_sector_id_initiative_id_idx" ON "initiative_sectors"("sector_id", "initiative_id");

-- CreateIndex
CREATE INDEX "initiative_countries_country_code_initiative_id_idx" ON "initiative_countries"("country_code", "initiative_id");

-- CreateIndex
CREATE INDEX "initiative_organizations_organization_id_idx" ON "initiative_organizations"("organization_id");

-- CreateIndex
CREATE INDEX "milestones_initiative_id_planned_date_idx" ON "milestones"("initiative_id", "planned_date");

-- CreateIndex
CREATE INDEX "milestones_planned_date_idx" ON "milestones"("planned_date");

-- CreateIndex
CREATE INDEX "milestones_state_planned_date_idx" ON "milestones"("state", "planned_date");

-- CreateIndex
CREATE INDEX "milestones_search_text_trgm_idx" ON "milestones" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "milestone_date_changes_milestone_id_announced_on_idx" ON "milestone_date_changes"("milestone_id", "announced_on");

-- CreateIndex
CREATE INDEX "status_updates_initiative_id_effective_at_recorded_at_idx" ON "status_updates"("initiative_id", "effective_at", "recorded_at");

-- CreateIndex
CREATE INDEX "status_updates_effective_at_idx" ON "status_updates"("effective_at");

-- CreateIndex
CREATE INDEX "status_updates_recorded_at_idx" ON "status_updates"("recorded_at");

-- CreateIndex
CREATE INDEX "engagements_start_date_idx" ON "engagements"("start_date");

-- CreateIndex
CREATE INDEX "engagements_format_idx" ON "engagements"("format");

-- CreateIndex
CREATE INDEX "engagements_search_text_trgm_idx" ON "engagements" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "engagement_participants_person_id_idx" ON "engagement_participants"("person_id");

-- CreateIndex
CREATE INDEX "engagement_initiatives_initiative_id_idx" ON "engagement_initiatives"("initiative_id");

-- CreateIndex
CREATE INDEX "decisions_engagement_id_idx" ON "decisions"("engagement_id");

-- CreateIndex
CREATE INDEX "decisions_initiative_id_idx" ON "decisions"("initiative_id");

-- CreateIndex
CREATE INDEX "decisions_due_date_idx" ON "decisions"("due_date");

-- CreateIndex
CREATE INDEX "agreements_signed_date_idx" ON "agreements"("signed_date");

-- CreateIndex
CREATE INDEX "agreements_kind_idx" ON "agreements"("kind");

-- CreateIndex
CREATE INDEX "agreements_search_text_trgm_idx" ON "agreements" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "agreement_parties_agreement_id_country_code_organization_id_key" ON "agreement_parties"("agreement_id", "country_code", "organization_id");

-- CreateIndex
CREATE INDEX "agreement_signatories_person_id_idx" ON "agreement_signatories"("person_id");

-- CreateIndex
CREATE INDEX "agreement_initiatives_initiative_id_idx" ON "agreement_initiatives"("initiative_id");

-- CreateIndex
CREATE UNIQUE INDEX "sources_content_hash_key" ON "sources"("content_hash");

-- CreateIndex
CREATE INDEX "sources_published_at_idx" ON "sources"("published_at");

-- CreateIndex
CREATE INDEX "sources_search_text_trgm_idx" ON "sources" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "evidence_source_id_idx" ON "evidence"("source_id");

-- CreateIndex
CREATE INDEX "evidence_initiative_id_recorded_at_idx" ON "evidence"("initiative_id", "recorded_at");

-- CreateIndex
CREATE INDEX "evidence_milestone_id_idx" ON "evidence"("milestone_id");

-- CreateIndex
CREATE INDEX "evidence_engagement_id_idx" ON "evidence"("engagement_id");

-- CreateIndex
CREATE INDEX "evidence_agreement_id_idx" ON "evidence"("agreement_id");

-- CreateIndex
CREATE INDEX "evidence_decision_id_idx" ON "evidence"("decision_id");

-- CreateIndex
CREATE INDEX "evidence_status_update_id_idx" ON "evidence"("status_update_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "user_sectors_sector_id_idx" ON "user_sectors"("sector_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "audit_events_entity_entity_id_at_idx" ON "audit_events"("entity", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "reports_created_at_idx" ON "reports"("created_at");

-- CreateIndex
CREATE INDEX "reports_created_by_id_idx" ON "reports"("created_by_id");

-- CreateIndex
CREATE INDEX "saved_views_resource_shared_idx" ON "saved_views"("resource", "shared");

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_owner_id_resource_name_key" ON "saved_views"("owner_id", "resource", "name");

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_focal_person_id_fkey" FOREIGN KEY ("focal_person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_sectors" ADD CONSTRAINT "initiative_sectors_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_sectors" ADD CONSTRAINT "initiative_sectors_sector_id_fkey" FOREIGN KEY ("sector_id") REFERENCES "sectors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_countries" ADD CONSTRAINT "initiative_countries_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_countries" ADD CONSTRAINT "initiative_countries_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_organizations" ADD CONSTRAINT "initiative_organizations_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_organizations" ADD CONSTRAINT "initiative_organizations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_owner_organization_id_fkey" FOREIGN KEY ("owner_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_owner_person_id_fkey" FOREIGN KEY ("owner_person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_date_changes" ADD CONSTRAINT "milestone_date_changes_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_date_changes" ADD CONSTRAINT "milestone_date_changes_announced_by_id_fkey" FOREIGN KEY ("announced_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_date_changes" ADD CONSTRAINT "milestone_date_changes_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_date_changes" ADD CONSTRAINT "milestone_date_changes_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "engagements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_initiatives" ADD CONSTRAINT "engagement_initiatives_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_initiatives" ADD CONSTRAINT "engagement_initiatives_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_reviewed_at_id_fkey" FOREIGN KEY ("reviewed_at_id") REFERENCES "engagements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestones"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_signatories" ADD CONSTRAINT "agreement_signatories_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_signatories" ADD CONSTRAINT "agreement_signatories_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_initiatives" ADD CONSTRAINT "agreement_initiatives_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_initiatives" ADD CONSTRAINT "agreement_initiatives_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_status_update_id_fkey" FOREIGN KEY ("status_update_id") REFERENCES "status_updates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sectors" ADD CONSTRAINT "user_sectors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sectors" ADD CONSTRAINT "user_sectors_sector_id_fkey" FOREIGN KEY ("sector_id") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "report_schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- <<< generated from prisma/schema.prisma

-- The audit log is append-only: the database itself refuses to change or remove an event.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
