-- Indexes measured on the 10,000-initiative bench set (docs/benchmarks.md): counts of live initiatives and the
-- "as of" stage and health now run on indexes alone. Drafted with `npm run db:migration`.

-- DropIndex
DROP INDEX "initiatives_archived_at_idx";

-- DropIndex
DROP INDEX "status_updates_initiative_id_effective_at_recorded_at_idx";

-- CreateIndex
CREATE INDEX "initiatives_id_archived_at_idx" ON "initiatives"("id", "archived_at");

-- CreateIndex
CREATE INDEX "status_updates_initiative_id_effective_at_recorded_at_id_to_idx" ON "status_updates"("initiative_id", "effective_at", "recorded_at", "id", "to_stage", "to_health");
