import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedValueBinding1795690000000 implements MigrationInterface {
  name = 'SealedValueBinding1795690000000';

  // Sealed values are now v2, bound to their table, column and row; `npm run rotate-key`
  // re-seals every v1 value as v2. The triage note guard lets rotation re-seal a body as
  // v2 under another key, or a v1 body as v2 under any key (the same one included); a
  // v2 body re-sealed under its own key stays refused, as before.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION triage_note_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
             AND split_part(OLD.body_encrypted, '.', 1) IN ('v1', 'v2')
             AND split_part(NEW.body_encrypted, '.', 1) = 'v2'
             AND (split_part(OLD.body_encrypted, '.', 1) <> 'v2'
                  OR split_part(OLD.body_encrypted, '.', 2) <> split_part(NEW.body_encrypted, '.', 2)) THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'triage_note is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION triage_note_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
  }
}
