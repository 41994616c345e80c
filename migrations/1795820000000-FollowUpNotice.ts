import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The follow-up notice to staff when a returning person writes again on an open lead. */
export class FollowUpNotice1795820000000 implements MigrationInterface {
  name = 'FollowUpNotice1795820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: TypeORM does not compare a check's expression, only its name.
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation', 'staff_invitation', 'password_reset', 'staff_follow_up'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'staff_follow_up'`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation', 'staff_invitation', 'password_reset'))`,
    );
  }
}
