-- What an import's commit carries out: the validated input of each row that creates or updates a record, stored by
-- the preview, so the commit writes exactly what was previewed without reading the file again.

-- AlterTable
ALTER TABLE "imports" ADD COLUMN     "plan" JSONB;
