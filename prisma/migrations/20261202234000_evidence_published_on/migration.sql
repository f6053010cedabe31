-- Evidence is dated by the publication of its source. The date is kept beside each evidence row (triggers below keep
-- it equal to the source's `published_at`), so an initiative's last evidence — in a view, published by its date and
-- recorded by its knownAt — is read from one index instead of a join per evidence row.

ALTER TABLE "evidence" ADD COLUMN "published_on" DATE;

UPDATE "evidence" e SET "published_on" = s."published_at" FROM "sources" s WHERE s."id" = e."source_id";

CREATE INDEX "evidence_initiative_id_published_on_recorded_at_idx" ON "evidence"("initiative_id", "published_on", "recorded_at");

-- A new evidence row, or one moved to another source, takes that source's publication date.
CREATE FUNCTION evidence_published_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT s."published_at" INTO NEW."published_on" FROM "sources" s WHERE s."id" = NEW."source_id";
  RETURN NEW;
END
$$;

CREATE TRIGGER evidence_published_on BEFORE INSERT OR UPDATE OF "source_id", "published_on" ON "evidence"
  FOR EACH ROW EXECUTE FUNCTION evidence_published_on();

-- A corrected publication date reaches the evidence that cites the source.
CREATE FUNCTION sources_published_at_to_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "evidence" SET "published_on" = NEW."published_at" WHERE "source_id" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER sources_published_at_to_evidence AFTER UPDATE OF "published_at" ON "sources"
  FOR EACH ROW WHEN (OLD."published_at" IS DISTINCT FROM NEW."published_at")
  EXECUTE FUNCTION sources_published_at_to_evidence();
