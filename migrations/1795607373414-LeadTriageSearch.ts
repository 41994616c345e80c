import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LeadTriageSearch1795607373414 implements MigrationInterface {
  name = 'LeadTriageSearch1795607373414';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_lead_phone" ON "lead"  ("phone") `);
    // Written by hand (TypeORM does not generate these):
    // `q` of the lead list is a substring of the name, the email or the phone: trigrams.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_name_trgm" ON "lead" USING gin ("name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_email_trgm" ON "lead" USING gin ("email_normalized" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_phone_trgm" ON "lead" USING gin ("phone" gin_trgm_ops)`,
    );
    // sort=urgency walks this index backwards; the list repeats the expression exactly.
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_urgency_rank_created" ON "lead" ((CASE "urgency" WHEN 'crisis' THEN 2 WHEN 'high' THEN 1 ELSE 0 END), "created_at", "id")`,
    );
    // Likely duplicates by name and state.
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_name_state" ON "lead" (lower("name"), "state")`,
    );
    // Triage notes stay append-only, except that `npm run rotate-key` may reseal a body
    // (the only column it changes) when its transaction says so: key rotation rewrites
    // every sealed column, and notes are one since this migration.
    await queryRunner.query(`CREATE FUNCTION refuse_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND current_setting('ri.sealed_rewrite', true) = 'on'
           AND (to_jsonb(NEW) - 'body_encrypted') = (to_jsonb(OLD) - 'body_encrypted') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`DROP TRIGGER "TRG_triage_note_append_only" ON "triage_note"`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_triage_note_append_only" BEFORE UPDATE OR DELETE ON "triage_note" FOR EACH ROW EXECUTE FUNCTION refuse_note_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_triage_note_append_only" ON "triage_note"`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_triage_note_append_only" BEFORE UPDATE OR DELETE ON "triage_note" FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await queryRunner.query(`DROP FUNCTION refuse_note_change()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_name_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_urgency_rank_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_phone_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_email_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_name_trgm"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_phone"`);
  }
}
