-- Intake (apps/api/src/modules/intake): articles brought in as text, HTML or a URL, what was recognised in them,
-- the near-duplicates from other outlets, and the proposals an analyst accepts or rejects. audit_events.origin marks
-- changes that came through an accepted proposal ("intake 12"). Drafted with `npm run db:migration`.

-- CreateEnum
CREATE TYPE "intake_language" AS ENUM ('ur', 'en', 'ar', 'fa', 'ru', 'other');

-- CreateEnum
CREATE TYPE "intake_input" AS ENUM ('text', 'html', 'url');

-- CreateEnum
CREATE TYPE "proposal_kind" AS ENUM ('evidence', 'engagement', 'agreement', 'milestone_date', 'status_change', 'new_person');

-- CreateEnum
CREATE TYPE "proposal_status" AS ENUM ('pending', 'accepted', 'rejected');

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "origin" TEXT;

-- CreateTable
CREATE TABLE "intakes" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "input" "intake_input" NOT NULL,
    "language" "intake_language" NOT NULL,
    "duplicate_of_source_id" INTEGER,
    "mentions" JSONB NOT NULL DEFAULT '[]',
    "analysis_ms" INTEGER,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intakes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "intake_related_sources" (
    "intake_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "intake_related_sources_pkey" PRIMARY KEY ("intake_id","source_id")
);

-- CreateTable
CREATE TABLE "intake_proposals" (
    "id" SERIAL NOT NULL,
    "intake_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "proposal_kind" NOT NULL,
    "status" "proposal_status" NOT NULL DEFAULT 'pending',
    "confidence" DOUBLE PRECISION NOT NULL,
    "quote_start" INTEGER NOT NULL,
    "quote_end" INTEGER NOT NULL,
    "quote_text" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "mention_indexes" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "result_resource" TEXT,
    "result_id" INTEGER,
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "intake_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "intakes_source_id_idx" ON "intakes"("source_id");

-- CreateIndex
CREATE INDEX "intakes_created_at_idx" ON "intakes"("created_at");

-- CreateIndex
CREATE INDEX "intake_related_sources_source_id_idx" ON "intake_related_sources"("source_id");

-- CreateIndex
CREATE INDEX "intake_proposals_result_resource_result_id_idx" ON "intake_proposals"("result_resource", "result_id");

-- CreateIndex
CREATE UNIQUE INDEX "intake_proposals_intake_id_position_key" ON "intake_proposals"("intake_id", "position");

-- AddForeignKey
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_duplicate_of_source_id_fkey" FOREIGN KEY ("duplicate_of_source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_related_sources" ADD CONSTRAINT "intake_related_sources_intake_id_fkey" FOREIGN KEY ("intake_id") REFERENCES "intakes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_related_sources" ADD CONSTRAINT "intake_related_sources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_proposals" ADD CONSTRAINT "intake_proposals_intake_id_fkey" FOREIGN KEY ("intake_id") REFERENCES "intakes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_proposals" ADD CONSTRAINT "intake_proposals_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
