import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordinator's desk: contact attempts and the response clock.
 *
 * - `contact_attempt`: a staff member's try at reaching a lead; append-only like
 *   `triage_note` (its guard lets a merge move a row, erasure empty the note and key
 *   rotation re-seal it, nothing else), the note sealed at rest.
 * - `lead.first_attempt_at`, `first_connected_at`, `last_attempt_at`, `attempt_count`:
 *   the first attempt stops the response clock (moving to `in_review` no longer does).
 * - Backfill: a lead contacted before attempts were logged gets `first_attempt_at =
 *   first_contacted_at`, so it is not overdue now. No attempt rows are invented for it:
 *   `attempt_count` stays 0 and `last_attempt_at` and `first_connected_at` stay empty,
 *   because nobody recorded how or whether the person was reached.
 * - IDX_lead_due: sort=dueAt of the lead list (its due time, crisis first, oldest first)
 *   over live leads, written exactly as the list's expression so the planner uses it.
 */
export class DeskClock1795810000000 implements MigrationInterface {
  name = 'DeskClock1795810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contact_attempt" ("id" uuid NOT NULL, "lead_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "channel" character varying(8), "outcome" character varying(16) NOT NULL, "note_encrypted" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_contact_attempt_outcome" CHECK ("outcome" IN ('connected', 'voicemail', 'no_answer', 'wrong_number', 'sent', 'unspecified')), CONSTRAINT "CHK_contact_attempt_channel" CHECK ("channel" IN ('phone', 'text', 'email')), CONSTRAINT "PK_abf634ac7eea109d9fe6e267618" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_contact_attempt_lead" ON "contact_attempt"  ("lead_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "lead" ADD "first_attempt_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "first_connected_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "last_attempt_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "attempt_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "contact_attempt" ADD CONSTRAINT "FK_6cc39ac17175d21318dbf796aeb" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact_attempt" ADD CONSTRAINT "FK_2b147febf6a9c9978509ec8c2d4" FOREIGN KEY ("author_user_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`CREATE FUNCTION contact_attempt_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF NOT EXISTS (SELECT 1 FROM lead WHERE id = OLD.lead_id) THEN
            RETURN OLD;
          END IF;
        ELSIF to_jsonb(NEW) - 'lead_id' - 'note_encrypted'
              = to_jsonb(OLD) - 'lead_id' - 'note_encrypted' THEN
          IF NEW.lead_id <> OLD.lead_id
             AND NEW.note_encrypted IS NOT DISTINCT FROM OLD.note_encrypted THEN
            RETURN NEW;
          END IF;
          IF NEW.lead_id = OLD.lead_id
             AND OLD.note_encrypted IS NOT NULL AND NEW.note_encrypted IS NULL THEN
            RETURN NEW;
          END IF;
          IF NEW.lead_id = OLD.lead_id
             AND split_part(OLD.note_encrypted, '.', 1) IN ('v1', 'v2')
             AND split_part(NEW.note_encrypted, '.', 1) = 'v2'
             AND (split_part(OLD.note_encrypted, '.', 1) <> 'v2'
                  OR split_part(OLD.note_encrypted, '.', 2) <> split_part(NEW.note_encrypted, '.', 2)) THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'contact_attempt is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_contact_attempt_append_only" BEFORE UPDATE OR DELETE ON "contact_attempt" FOR EACH ROW EXECUTE FUNCTION contact_attempt_guard()`,
    );

    await queryRunner.query(
      `UPDATE "lead" SET "first_attempt_at" = "first_contacted_at" WHERE "first_contacted_at" IS NOT NULL`,
    );

    await queryRunner.query(`CREATE INDEX "IDX_lead_due" ON "lead" (
      (CASE WHEN (status IN ('new', 'in_review', 'contacted', 'consultation_scheduled', 'waitlisted')
                  AND merged_into_lead_id IS NULL AND erased_at IS NULL
                  AND first_attempt_at IS NULL) AND respond_by IS NOT NULL
            THEN respond_by ELSE TIMESTAMPTZ '9999-12-31T23:59:59.000000Z' END),
      (2 - (CASE urgency WHEN 'crisis' THEN 2 WHEN 'high' THEN 1 ELSE 0 END)),
      created_at, id)
      WHERE merged_into_lead_id IS NULL AND erased_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_due"`);
    await queryRunner.query(`DROP TRIGGER "TRG_contact_attempt_append_only" ON "contact_attempt"`);
    await queryRunner.query(`DROP FUNCTION contact_attempt_guard()`);
    await queryRunner.query(
      `ALTER TABLE "contact_attempt" DROP CONSTRAINT "FK_2b147febf6a9c9978509ec8c2d4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact_attempt" DROP CONSTRAINT "FK_6cc39ac17175d21318dbf796aeb"`,
    );
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "attempt_count"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "last_attempt_at"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "first_connected_at"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "first_attempt_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_contact_attempt_lead"`);
    await queryRunner.query(`DROP TABLE "contact_attempt"`);
  }
}
