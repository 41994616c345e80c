import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PrivacyOperations1795608192825 implements MigrationInterface {
  name = 'PrivacyOperations1795608192825';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "intake" ALTER COLUMN "answers_encrypted" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "partner_response" ALTER COLUMN "answers_encrypted" DROP NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_response" ALTER COLUMN "result_encrypted" DROP NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_merged_into" ON "lead"  ("merged_into_lead_id") WHERE merged_into_lead_id IS NOT NULL`,
    );
    // Written by hand (TypeORM does not generate triggers): triage notes stay append-only,
    // with three narrow exceptions the privacy operations and key rotation need. An UPDATE
    // must leave every other column as it was and either
    //   - only re-point lead_id (a merge moves the duplicate's notes to the survivor),
    //   - only empty body_encrypted (an erasure), or
    //   - only re-seal body_encrypted under another key (npm run rotate-key);
    // a DELETE is allowed only once the note's lead is gone, i.e. as the cascade of a
    // lead's purge; a note can never be deleted on its own. TRUNCATE stays refused.
    await queryRunner.query(`CREATE FUNCTION triage_note_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF NOT EXISTS (SELECT 1 FROM lead WHERE id = OLD.lead_id) THEN
            RETURN OLD;
          END IF;
        ELSIF to_jsonb(NEW) - 'lead_id' - 'body_encrypted'
              = to_jsonb(OLD) - 'lead_id' - 'body_encrypted' THEN
          IF NEW.lead_id <> OLD.lead_id
             AND NEW.body_encrypted IS NOT DISTINCT FROM OLD.body_encrypted THEN
            RETURN NEW;
          END IF;
          IF NEW.lead_id = OLD.lead_id
             AND OLD.body_encrypted IS NOT NULL AND NEW.body_encrypted IS NULL THEN
            RETURN NEW;
          END IF;
          IF NEW.lead_id = OLD.lead_id
             AND split_part(OLD.body_encrypted, '.', 1) = 'v1'
             AND split_part(NEW.body_encrypted, '.', 1) = 'v1'
             AND split_part(OLD.body_encrypted, '.', 2) <> split_part(NEW.body_encrypted, '.', 2) THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'triage_note is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`DROP TRIGGER "TRG_triage_note_append_only" ON "triage_note"`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_triage_note_append_only" BEFORE UPDATE OR DELETE ON "triage_note" FOR EACH ROW EXECUTE FUNCTION triage_note_guard()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_triage_note_append_only" ON "triage_note"`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_triage_note_append_only" BEFORE UPDATE OR DELETE ON "triage_note" FOR EACH ROW EXECUTE FUNCTION refuse_note_change()`,
    );
    await queryRunner.query(`DROP FUNCTION triage_note_guard()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_merged_into"`);
    // SQL cannot bring erased answers back: going back leaves erased rows with an empty
    // (undecryptable) value where the column must not be null.
    for (const [table, column] of [
      ['partner_response', 'result_encrypted'],
      ['partner_response', 'answers_encrypted'],
      ['intake', 'answers_encrypted'],
    ] as const) {
      await queryRunner.query(`UPDATE "${table}" SET "${column}" = '' WHERE "${column}" IS NULL`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET NOT NULL`);
    }
  }
}
