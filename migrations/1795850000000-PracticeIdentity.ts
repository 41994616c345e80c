import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation', 'staff_invitation', 'password_reset', 'staff_follow_up'`;

/** The practice's identity, its referral resources, the booking switch and its logo. */
export class PracticeIdentity1795850000000 implements MigrationInterface {
  name = 'PracticeIdentity1795850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "practice_setting"
         ADD "practice_name" character varying(100),
         ADD "time_zone" character varying(64),
         ADD "practice_phone" character varying(32),
         ADD "practice_email" character varying(254),
         ADD "practice_website" character varying(300),
         ADD "practice_address" character varying(300),
         ADD "privacy_notice_version" character varying(40),
         ADD "privacy_notice_url" character varying(300),
         ADD "booking_enabled" boolean NOT NULL DEFAULT false,
         ADD "referral_resources" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `CREATE TABLE "practice_logo" ("id" smallint NOT NULL, "content_type" character varying(16) NOT NULL, "bytes" bytea NOT NULL, "etag" character varying(64) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_practice_logo_one_row" CHECK ("id" = 1), CONSTRAINT "CHK_practice_logo_content_type" CHECK ("content_type" IN ('image/png', 'image/jpeg')), CONSTRAINT "PK_bf979be38336ebb054bfae9aecf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN (${KINDS_BEFORE}, 'client_referral'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN (${KINDS_BEFORE}))`,
    );
    await queryRunner.query(`DROP TABLE "practice_logo"`);
    await queryRunner.query(
      `ALTER TABLE "practice_setting"
         DROP COLUMN "referral_resources", DROP COLUMN "booking_enabled",
         DROP COLUMN "privacy_notice_url", DROP COLUMN "privacy_notice_version",
         DROP COLUMN "practice_address", DROP COLUMN "practice_website",
         DROP COLUMN "practice_email", DROP COLUMN "practice_phone",
         DROP COLUMN "time_zone", DROP COLUMN "practice_name"`,
    );
  }
}
