-- The audit log keeps who acted as they were at the event: their name and their email, both written with the event
-- (before, actor_name held the email and the log showed the user's current name).

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "actor_email" TEXT;

-- Earlier events: actor_name held the email. Move it to actor_email and name the actor as the users table has them
-- now (their name at the time was not kept). The append-only trigger is lifted for this one migration only.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update";
UPDATE "audit_events" a SET "actor_email" = a."actor_name", "actor_name" = u."name"
  FROM "users" u WHERE a."actor_id" = u."id";
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update";
