import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Save and finish later: `intake_draft` (sealed content, hashed link token, expiry) and
 * the email that carries its link (`intake_draft_resume`, to a `visitor` recipient).
 */
export class IntakeDrafts1795880000000 implements MigrationInterface {
  name = 'IntakeDrafts1795880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "intake_draft" ("id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "token_key_id" character varying(32) NOT NULL, "form_slug" character varying(40) NOT NULL, "form_version" integer NOT NULL, "content_encrypted" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e56ee9b74ddc8cdf62d79d9bc23" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_intake_draft_token_hash" ON "intake_draft" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_intake_draft_expires" ON "intake_draft" ("expires_at") `,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation', 'staff_invitation', 'password_reset', 'staff_follow_up', 'client_referral', 'consultation_confirmation', 'consultation_reminder', 'consultation_cancellation', 'paperwork_request', 'intake_draft_resume'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_recipient_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_recipient_kind" CHECK ("recipient_kind" IN ('user', 'submitter', 'address', 'partner', 'visitor'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'intake_draft_resume'`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_recipient_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_recipient_kind" CHECK ("recipient_kind" IN ('user', 'submitter', 'address', 'partner'))`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation', 'staff_invitation', 'password_reset', 'staff_follow_up', 'client_referral', 'consultation_confirmation', 'consultation_reminder', 'consultation_cancellation', 'paperwork_request'))`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_intake_draft_expires"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_intake_draft_token_hash"`);
    await queryRunner.query(`DROP TABLE "intake_draft"`);
  }
}
