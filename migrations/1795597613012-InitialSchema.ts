import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795597613012 implements MigrationInterface {
  name = 'InitialSchema1795597613012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("scope" character varying(64) NOT NULL, "key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer, "response_body" json, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_43ea3d50a854b79e2f59aaad8a8" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_idempotency_record_created" ON "idempotency_record"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lead" ("id" uuid NOT NULL, "status" character varying(32) NOT NULL, "urgency" character varying(16) NOT NULL, "service_type" character varying(16) NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "email_normalized" character varying(254) NOT NULL, "phone" character varying(16), "state" character varying(2), "preferred_contact" character varying(8) NOT NULL, "source" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_submission_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, CONSTRAINT "CHK_lead_preferred_contact" CHECK ("preferred_contact" IN ('email', 'phone', 'text')), CONSTRAINT "CHK_lead_service_type" CHECK ("service_type" IN ('individual', 'couples', 'family', 'other')), CONSTRAINT "CHK_lead_urgency" CHECK ("urgency" IN ('routine', 'high', 'crisis')), CONSTRAINT "CHK_lead_status" CHECK ("status" IN ('new', 'in_review', 'contacted', 'consultation_scheduled', 'waitlisted', 'converted', 'referred_out', 'declined', 'closed_no_response', 'spam')), CONSTRAINT "PK_ca96c1888f7dcfccab72b72fffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_lead_created" ON "lead"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_email_recent" ON "lead"  ("email_normalized", "last_submission_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inquiry" ("id" uuid NOT NULL, "lead_id" uuid NOT NULL, "reference" character varying(11) NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "phone" character varying(16), "preferred_contact" character varying(8) NOT NULL, "service_type" character varying(16) NOT NULL, "state" character varying(2), "message" text NOT NULL, "referral_source" character varying(100), "consent_contact" boolean NOT NULL, "privacy_notice_version" character varying(50) NOT NULL, "form_started_at" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "spam_reason" character varying(16), "crisis_indicated" boolean NOT NULL, CONSTRAINT "PK_3e226d0994e8bd24252dd65e1b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_inquiry_reference" ON "inquiry"  ("reference") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_inquiry_lead" ON "inquiry"  ("lead_id") `);
    await queryRunner.query(
      `CREATE TABLE "submission_reference" ("reference" character varying(11) NOT NULL, "lead_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "submission_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_submission_reference_kind" CHECK ("kind" IN ('inquiry', 'intake', 'partner_response')), CONSTRAINT "PK_9ff3c1bd8c3b21cbb4b10b5b24d" PRIMARY KEY ("reference"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_submission_reference_lead" ON "submission_reference"  ("lead_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry" ADD CONSTRAINT "FK_b5fff0204d17a59324de177fce4" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "submission_reference" ADD CONSTRAINT "FK_2f52064560f58c64594d5ed8a0b" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "submission_reference" DROP CONSTRAINT "FK_2f52064560f58c64594d5ed8a0b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry" DROP CONSTRAINT "FK_b5fff0204d17a59324de177fce4"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_submission_reference_lead"`);
    await queryRunner.query(`DROP TABLE "submission_reference"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_inquiry_lead"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_inquiry_reference"`);
    await queryRunner.query(`DROP TABLE "inquiry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_email_recent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_created"`);
    await queryRunner.query(`DROP TABLE "lead"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_idempotency_record_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
  }
}
