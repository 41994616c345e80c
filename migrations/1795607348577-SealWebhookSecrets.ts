import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets are sealed with DataCipher ("webhook.secret") instead of stored as
 * plaintext. Until now no route created subscriptions, so there are none to carry over
 * (SQL cannot encrypt with the application's key anyway); rather than guess, the
 * migration stops, naming the way out, if someone inserted subscriptions by hand.
 * Also: indexes for the newest-first admin lists of notifications and deliveries.
 */
export class SealWebhookSecrets1795607348577 implements MigrationInterface {
  name = 'SealWebhookSecrets1795607348577';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "webhook_subscription") THEN
          RAISE EXCEPTION 'webhook_subscription has rows with plaintext secrets: delete them, migrate, and create them again with POST /v1/admin/webhooks';
        END IF;
      END $$`);
    await queryRunner.query(`ALTER TABLE "webhook_subscription" DROP COLUMN "secret"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_subscription" ADD "secret_encrypted" text NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_created" ON "notification"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_delivery_subscription_created" ON "webhook_delivery"  ("subscription_id", "created_at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQL cannot decrypt: going back removes the subscriptions (and their deliveries).
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_delivery_subscription_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_created"`);
    await queryRunner.query(`DELETE FROM "webhook_subscription"`);
    await queryRunner.query(`ALTER TABLE "webhook_subscription" DROP COLUMN "secret_encrypted"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_subscription" ADD "secret" character varying(200) NOT NULL`,
    );
  }
}
