import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSide1795606395912 implements MigrationInterface {
  name = 'StaffSide1795606395912';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_role" character varying(16), "action" character varying(64) NOT NULL, "lead_id" uuid, "subject_type" character varying(32), "subject_id" character varying(64), "ip" character varying(45), "request_id" character varying(64), "details" jsonb NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_actor" ON "audit_event"  ("actor_user_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_lead" ON "audit_event"  ("lead_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_occurred" ON "audit_event"  ("occurred_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("email_hash" character(64) NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_02c312dd2cb9b95efdebee8be14" PRIMARY KEY ("email_hash"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_session" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "mfa_satisfied" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(45), CONSTRAINT "PK_f6ff7fdf4bb47ace7981adbcdee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_staff_session_token_hash" ON "staff_session"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_staff_session_user" ON "staff_session"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_token" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "purpose" character varying(16) NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_staff_token_purpose" CHECK ("purpose" IN ('invitation', 'password_reset')), CONSTRAINT "PK_5c4c80c7c45f53e9bb4cb1e1049" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_staff_token_hash" ON "staff_token"  ("token_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_staff_token_user" ON "staff_token"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "clinician" ("id" uuid NOT NULL, "user_id" uuid, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "modalities" text array NOT NULL DEFAULT '{}', "service_types" text array NOT NULL DEFAULT '{}', "licensed_states" text array NOT NULL DEFAULT '{}', "accepting_new_clients" boolean NOT NULL DEFAULT true, "weekly_capacity" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_7b80d33dfd8152e6e129632af4" UNIQUE ("user_id"), CONSTRAINT "PK_bc0bf6d15f5134c7a201601acfa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "lead_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "lead_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(32) NOT NULL, "actor_user_id" uuid, "details" jsonb NOT NULL, CONSTRAINT "PK_0e3a022852537b7a1237efab44b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_event_lead" ON "lead_event"  ("lead_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "triage_note" ("id" uuid NOT NULL, "lead_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "body_encrypted" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62036228015e7194668782ee71a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_triage_note_lead" ON "triage_note"  ("lead_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "staff_user" ADD "password_hash" character varying(255)`);
    await queryRunner.query(
      `ALTER TABLE "staff_user" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "staff_user" ADD "mfa_secret_encrypted" text`);
    await queryRunner.query(
      `ALTER TABLE "staff_user" ADD "mfa_enabled_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "staff_user" ADD "mfa_last_step" bigint`);
    await queryRunner.query(
      `ALTER TABLE "staff_user" ADD "last_login_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "lead" ADD "respond_by" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "first_contacted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "lead" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "lead" ADD "assigned_clinician_id" uuid`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "tags" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "merged_into_lead_id" uuid`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_assigned_created" ON "lead"  ("assigned_clinician_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_status_created" ON "lead"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_session" ADD CONSTRAINT "FK_16f703e79dc2ddfaca760e844b3" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_token" ADD CONSTRAINT "FK_d0e0bc98c79e1d565f8a366e7a7" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "clinician" ADD CONSTRAINT "FK_7b80d33dfd8152e6e129632af40" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "FK_4c719f1dbadecb0e2ec87b2e3f9" FOREIGN KEY ("assigned_clinician_id") REFERENCES "clinician"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "triage_note" ADD CONSTRAINT "FK_f281321870cd9aed47966b628fb" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "triage_note" ADD CONSTRAINT "FK_07876646cee71f512f6ac365416" FOREIGN KEY ("author_user_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Written by hand (TypeORM does not generate these):
    // the tag filter uses a GIN index over the array;
    await queryRunner.query(`CREATE INDEX "IDX_lead_tags" ON "lead" USING gin ("tags")`);
    // status_changed_at of existing leads: their last change is the best we know;
    await queryRunner.query(`UPDATE "lead" SET "status_changed_at" = "updated_at"`);
    // audit events and triage notes are append-only: the database itself refuses changes.
    await queryRunner.query(`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_event', 'triage_note']) {
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_tags"`);
    await queryRunner.query(
      `ALTER TABLE "triage_note" DROP CONSTRAINT "FK_07876646cee71f512f6ac365416"`,
    );
    await queryRunner.query(
      `ALTER TABLE "triage_note" DROP CONSTRAINT "FK_f281321870cd9aed47966b628fb"`,
    );
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "FK_4c719f1dbadecb0e2ec87b2e3f9"`);
    await queryRunner.query(
      `ALTER TABLE "clinician" DROP CONSTRAINT "FK_7b80d33dfd8152e6e129632af40"`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_token" DROP CONSTRAINT "FK_d0e0bc98c79e1d565f8a366e7a7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_session" DROP CONSTRAINT "FK_16f703e79dc2ddfaca760e844b3"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_assigned_created"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "merged_into_lead_id"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "tags"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "assigned_clinician_id"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "status_changed_at"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "first_contacted_at"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "respond_by"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "last_login_at"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "mfa_last_step"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "mfa_enabled_at"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "mfa_secret_encrypted"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "password_changed_at"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "password_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_triage_note_lead"`);
    await queryRunner.query(`DROP TABLE "triage_note"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_event_lead"`);
    await queryRunner.query(`DROP TABLE "lead_event"`);
    await queryRunner.query(`DROP TABLE "clinician"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_staff_token_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_staff_token_hash"`);
    await queryRunner.query(`DROP TABLE "staff_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_staff_session_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_staff_session_token_hash"`);
    await queryRunner.query(`DROP TABLE "staff_session"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_lead"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_actor"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP FUNCTION refuse_change()`);
  }
}
