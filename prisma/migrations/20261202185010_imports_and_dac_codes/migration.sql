-- Spreadsheet imports (their previews, files and outcomes) and each sector's OECD DAC 5-digit purpose code for
-- the IATI export. Drafted with `npm run db:migration`; the DAC backfill of the reference sectors is by hand
-- (apps/api/src/seed/reference.ts seeds the same codes into new databases).

-- CreateEnum
CREATE TYPE "import_resource" AS ENUM ('initiatives', 'milestones', 'people', 'organizations');

-- CreateEnum
CREATE TYPE "import_mode" AS ENUM ('create', 'update', 'upsert');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('previewed', 'committed');

-- AlterTable
ALTER TABLE "sectors" ADD COLUMN     "dac_code" CHAR(5);

-- CreateTable
CREATE TABLE "imports" (
    "id" SERIAL NOT NULL,
    "resource" "import_resource" NOT NULL,
    "mode" "import_mode" NOT NULL,
    "status" "import_status" NOT NULL DEFAULT 'previewed',
    "file_name" TEXT NOT NULL,
    "file_hash" CHAR(64) NOT NULL,
    "file" BYTEA,
    "options" JSONB NOT NULL,
    "preview" JSONB NOT NULL,
    "created" INTEGER,
    "updated" INTEGER,
    "source_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committed_at" TIMESTAMPTZ(3),

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "imports_created_by_id_created_at_idx" ON "imports"("created_by_id", "created_at");

-- CreateIndex
CREATE INDEX "imports_status_created_at_idx" ON "imports"("status", "created_at");

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The reference sectors' DAC codes (admins can change them on the sector form).
UPDATE "sectors" SET "dac_code" = CASE "code"
  WHEN 'steel' THEN '32169'
  WHEN 'energy' THEN '23110'
  WHEN 'hydropower' THEN '23220'
  WHEN 'lpg' THEN '23641'
  WHEN 'oil_refining' THEN '32167'
  WHEN 'rail' THEN '21030'
END
WHERE "dac_code" IS NULL AND "code" IN ('steel', 'energy', 'hydropower', 'lpg', 'oil_refining', 'rail');
