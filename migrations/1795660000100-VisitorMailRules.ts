import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email to visitor-typed addresses: each one let out is counted (at most 3 an address a
 * day, by keyed hash), and a notification can wait for a lead's review (`held`) or be
 * kept back by the daily limit (`withheld`).
 */
export class VisitorMailRules1795660000100 implements MigrationInterface {
  name = 'VisitorMailRules1795660000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "visitor_mail" ("notification_id" uuid NOT NULL, "mailbox_key" character varying(120) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fc9038202cf53376ca11247e146" PRIMARY KEY ("notification_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_visitor_mail_mailbox_sent" ON "visitor_mail" ("mailbox_key", "sent_at") `,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_status"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_status" CHECK ("status" IN ('pending', 'sent', 'failed', 'held', 'withheld'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "notification" SET "status" = 'failed' WHERE "status" IN ('held', 'withheld')`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_status"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_status" CHECK ("status" IN ('pending', 'sent', 'failed'))`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_visitor_mail_mailbox_sent"`);
    await queryRunner.query(`DROP TABLE "visitor_mail"`);
  }
}
