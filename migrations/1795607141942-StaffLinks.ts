import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffLinks1795607141942 implements MigrationInterface {
  name = 'StaffLinks1795607141942';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: a token issued before this column existed has no key to derive it
    // again; '' keeps such a row (its link still works by hash) without inventing a key.
    await queryRunner.query(
      `ALTER TABLE "staff_token" ADD "token_key_id" character varying(32) NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(`ALTER TABLE "staff_token" ALTER COLUMN "token_key_id" DROP DEFAULT`);
    // Hand-written: TypeORM does not compare a check's expression, only its name.
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation', 'staff_invitation', 'password_reset'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "notification" WHERE "kind" IN ('staff_invitation', 'password_reset')`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation'))`,
    );
    await queryRunner.query(`ALTER TABLE "staff_token" DROP COLUMN "token_key_id"`);
  }
}
