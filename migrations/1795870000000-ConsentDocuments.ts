import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentDocuments1795870000000 implements MigrationInterface {
  name = 'ConsentDocuments1795870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "consent_document" ("slug" character varying(60) NOT NULL, "lang" character varying(8) NOT NULL, "required_for" text array NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_consent_document_slug" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]{0,59}$'), CONSTRAINT "PK_85a59fd1a3aec77b7ec10161edb" PRIMARY KEY ("slug"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "consent_document_version" ("slug" character varying(60) NOT NULL, "version" integer NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "text_sha256" character(64) NOT NULL, "published_by_user_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a11bc436e02ed28a52aca1a608" PRIMARY KEY ("slug", "version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "consent_signature" ("id" uuid NOT NULL, "lead_id" uuid NOT NULL, "signer" character varying(16) NOT NULL, "submission_id" uuid, "paperwork_request_id" uuid, "document_slug" character varying(60) NOT NULL, "document_version" integer NOT NULL, "text_sha256" character(64) NOT NULL, "signed_name" character varying(200), "ip" character varying(64), "user_agent" character varying(500), "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_consent_signature_signer" CHECK ("signer" IN ('client', 'partner')), CONSTRAINT "PK_dec0f1f1465f3057bf1c78d8637" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_consent_signature_submission" ON "consent_signature"  ("submission_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_consent_signature_lead" ON "consent_signature"  ("lead_id", "signed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "paperwork_request" ("id" uuid NOT NULL, "lead_id" uuid NOT NULL, "signer" character varying(16) NOT NULL, "partner_invitation_id" uuid, "token_hash" character(64) NOT NULL, "token_key_id" character varying(32) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "requested_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_paperwork_request_signer" CHECK ("signer" IN ('client', 'partner')), CONSTRAINT "PK_9aec0602d1dfbaaf797cfe3b9de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_paperwork_request_token_hash" ON "paperwork_request"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_paperwork_request_lead" ON "paperwork_request"  ("lead_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_document" ADD CONSTRAINT "FK_07500a223dcc28ed40624389015" FOREIGN KEY ("created_by_user_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_document_version" ADD CONSTRAINT "FK_d0beb749d1db6cacd3e95563365" FOREIGN KEY ("slug") REFERENCES "consent_document"("slug") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_document_version" ADD CONSTRAINT "FK_4a7aa831a40ba17470e4254ed88" FOREIGN KEY ("published_by_user_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_signature" ADD CONSTRAINT "FK_c7f619fa5167bf06ca80f7ff5f7" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_signature" ADD CONSTRAINT "FK_3334ba01f41c74b98a48c90f5b3" FOREIGN KEY ("document_slug", "document_version") REFERENCES "consent_document_version"("slug","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "paperwork_request" ADD CONSTRAINT "FK_8ff3ec37d6074e1ce587be78035" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "paperwork_request" ADD CONSTRAINT "FK_2ba919ab74c210142e819e555ca" FOREIGN KEY ("requested_by_user_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written below (TypeORM generates neither triggers nor a check's new expression).
    // A published version never changes; its document is never removed.
    for (const table of ['consent_document_version']) {
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_immutable" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
    // Signatures are append-only. Allowed: a merge moving a signature to another lead
    // (nothing else changes), erasure emptying the signer's name, address and user agent
    // (nothing else changes), and the row going with its lead (a lead's own delete).
    await queryRunner.query(`CREATE FUNCTION consent_signature_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF NOT EXISTS (SELECT 1 FROM lead WHERE id = OLD.lead_id) THEN
            RETURN OLD;
          END IF;
        ELSIF to_jsonb(NEW) - 'lead_id' = to_jsonb(OLD) - 'lead_id' THEN
          RETURN NEW;
        ELSIF NEW.lead_id = OLD.lead_id
              AND NEW.signed_name IS NULL AND NEW.ip IS NULL AND NEW.user_agent IS NULL
              AND to_jsonb(NEW) - 'signed_name' - 'ip' - 'user_agent'
                  = to_jsonb(OLD) - 'signed_name' - 'ip' - 'user_agent' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'consent_signature is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_consent_signature_append_only" BEFORE UPDATE OR DELETE ON "consent_signature" FOR EACH ROW EXECUTE FUNCTION consent_signature_guard()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_consent_signature_no_truncate" BEFORE TRUNCATE ON "consent_signature" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation', 'staff_invitation', 'password_reset', 'staff_follow_up', 'client_referral', 'consultation_confirmation', 'consultation_reminder', 'consultation_cancellation', 'paperwork_request'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'paperwork_request'`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation', 'staff_invitation', 'password_reset', 'staff_follow_up', 'client_referral', 'consultation_confirmation', 'consultation_reminder', 'consultation_cancellation'))`,
    );
    await queryRunner.query(
      `DROP TRIGGER "TRG_consent_signature_no_truncate" ON "consent_signature"`,
    );
    await queryRunner.query(
      `DROP TRIGGER "TRG_consent_signature_append_only" ON "consent_signature"`,
    );
    await queryRunner.query(`DROP FUNCTION consent_signature_guard()`);
    await queryRunner.query(
      `DROP TRIGGER "TRG_consent_document_version_no_truncate" ON "consent_document_version"`,
    );
    await queryRunner.query(
      `DROP TRIGGER "TRG_consent_document_version_immutable" ON "consent_document_version"`,
    );
    await queryRunner.query(
      `ALTER TABLE "paperwork_request" DROP CONSTRAINT "FK_2ba919ab74c210142e819e555ca"`,
    );
    await queryRunner.query(
      `ALTER TABLE "paperwork_request" DROP CONSTRAINT "FK_8ff3ec37d6074e1ce587be78035"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_signature" DROP CONSTRAINT "FK_3334ba01f41c74b98a48c90f5b3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_signature" DROP CONSTRAINT "FK_c7f619fa5167bf06ca80f7ff5f7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_document_version" DROP CONSTRAINT "FK_4a7aa831a40ba17470e4254ed88"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_document_version" DROP CONSTRAINT "FK_d0beb749d1db6cacd3e95563365"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_document" DROP CONSTRAINT "FK_07500a223dcc28ed40624389015"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_paperwork_request_lead"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_paperwork_request_token_hash"`);
    await queryRunner.query(`DROP TABLE "paperwork_request"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_consent_signature_lead"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_consent_signature_submission"`);
    await queryRunner.query(`DROP TABLE "consent_signature"`);
    await queryRunner.query(`DROP TABLE "consent_document_version"`);
    await queryRunner.query(`DROP TABLE "consent_document"`);
  }
}
