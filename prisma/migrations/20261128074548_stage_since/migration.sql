-- When each initiative's first stage took effect, kept beside the status history so that counting the initiatives
-- that existed at a date reads one index instead of probing the history of each (docs/benchmarks.md, asOf list).
-- Drafted with `npm run db:migration`; the backfill is by hand.

-- AlterTable
ALTER TABLE "initiatives" ADD COLUMN     "stage_since" TIMESTAMPTZ(3);

-- Backfill from the history.
UPDATE "initiatives" i SET "stage_since" = (
  SELECT min(su."effective_at") FROM "status_updates" su WHERE su."initiative_id" = i."id" AND su."to_stage" IS NOT NULL
);

-- CreateIndex
CREATE INDEX "initiatives_stage_since_archived_at_id_idx" ON "initiatives"("stage_since", "archived_at", "id");
