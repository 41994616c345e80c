import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CouplesIntake1795602229744 implements MigrationInterface {
  name = 'CouplesIntake1795602229744';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_recipient_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_recipient_kind" CHECK ("recipient_kind" IN ('user', 'submitter', 'address', 'partner'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "intake" ("id" uuid NOT NULL, "lead_id" uuid NOT NULL, "reference" character varying(11) NOT NULL, "form_slug" character varying(40) NOT NULL, "form_version" integer NOT NULL, "status" character varying(16) NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "phone" character varying(16), "state" character varying(2), "pronouns" character varying(50), "date_of_birth_encrypted" text, "answers_encrypted" text NOT NULL, "result_encrypted" text, "couple_result_encrypted" text, "consent_contact" boolean NOT NULL, "consent_telehealth" boolean, "privacy_notice_version" character varying(50) NOT NULL, "form_started_at" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "spam_reason" character varying(16), CONSTRAINT "CHK_intake_status" CHECK ("status" IN ('awaiting_partner', 'complete')), CONSTRAINT "PK_ca09c74600819624d88bf60b6fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_intake_reference" ON "intake"  ("reference") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_intake_lead" ON "intake"  ("lead_id") `);
    await queryRunner.query(
      `CREATE TABLE "partner_invitation" ("id" uuid NOT NULL, "intake_id" uuid NOT NULL, "lead_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "token_key_id" character varying(32) NOT NULL, "partner_name" character varying(200) NOT NULL, "partner_email" character varying(254) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d026fbb065d6ebbd69a95767e20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_partner_invitation_token_hash" ON "partner_invitation"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_invitation_intake" ON "partner_invitation"  ("intake_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "partner_response" ("id" uuid NOT NULL, "invitation_id" uuid NOT NULL, "intake_id" uuid NOT NULL, "lead_id" uuid NOT NULL, "reference" character varying(11) NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "phone" character varying(16), "state" character varying(2), "pronouns" character varying(50), "date_of_birth_encrypted" text, "answers_encrypted" text NOT NULL, "result_encrypted" text NOT NULL, "consent_contact" boolean NOT NULL, "privacy_notice_version" character varying(50) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_075e56772b92081e29b7ce18703" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_partner_response_invitation" ON "partner_response"  ("invitation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_partner_response_reference" ON "partner_response"  ("reference") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_response_intake" ON "partner_response"  ("intake_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "intake" ADD CONSTRAINT "FK_35cbe965f5df720aa1151fbfacd" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_invitation" ADD CONSTRAINT "FK_1418e400e9c975647038f537aa6" FOREIGN KEY ("intake_id") REFERENCES "intake"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_response" ADD CONSTRAINT "FK_83f5e4ab5316901cce664d248b0" FOREIGN KEY ("intake_id") REFERENCES "intake"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "partner_response" DROP CONSTRAINT "FK_83f5e4ab5316901cce664d248b0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_invitation" DROP CONSTRAINT "FK_1418e400e9c975647038f537aa6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "intake" DROP CONSTRAINT "FK_35cbe965f5df720aa1151fbfacd"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_partner_response_intake"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_partner_response_reference"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_partner_response_invitation"`);
    await queryRunner.query(`DROP TABLE "partner_response"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_partner_invitation_intake"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_partner_invitation_token_hash"`);
    await queryRunner.query(`DROP TABLE "partner_invitation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_intake_lead"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_intake_reference"`);
    await queryRunner.query(`DROP TABLE "intake"`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_recipient_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_recipient_kind" CHECK ("recipient_kind" IN ('user', 'submitter', 'address'))`,
    );
  }
}
