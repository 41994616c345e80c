import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live arrivals on the staff desk (docs/api.md#live-arrivals): every committed insert or
 * change of a lead signals `lead_live` with ids and labels only, so every API process
 * (any replica) hears it through LISTEN and no service has to remember to tell anyone.
 *
 * - Merged and erased leads signal nothing: they have left every list.
 * - A new lead marked spam signals nothing (a flood of bots must not reach every desk);
 *   a later change to it does. A lead held for review does signal: the desk lists it.
 * - An update that changes nothing but the version and update time signals nothing.
 *
 * NOTIFY is delivered on commit only, and a rolled-back change never signals.
 */
export class LeadLiveSignals1795830000000 implements MigrationInterface {
  name = 'LeadLiveSignals1795830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION lead_live_signal() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.merged_into_lead_id IS NOT NULL OR NEW.erased_at IS NOT NULL THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW.status = 'spam' THEN
            RETURN NULL;
          END IF;
        ELSIF (to_jsonb(NEW) - 'version' - 'updated_at') = (to_jsonb(OLD) - 'version' - 'updated_at') THEN
          RETURN NULL;
        END IF;
        PERFORM pg_notify('lead_live', json_build_object(
          'kind', CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'changed' END,
          'leadId', NEW.id,
          'urgency', NEW.urgency,
          'assignedClinicianId', NEW.assigned_clinician_id
        )::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER lead_live_signal
      AFTER INSERT OR UPDATE ON "lead"
      FOR EACH ROW EXECUTE FUNCTION lead_live_signal()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER lead_live_signal ON "lead"`);
    await queryRunner.query(`DROP FUNCTION lead_live_signal()`);
  }
}
