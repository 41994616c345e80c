import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsAndWebhooks1795598413777 implements MigrationInterface {
  name = 'NotificationsAndWebhooks1795598413777';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "status" character varying(16) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "lead_id" uuid, "recipient_kind" character varying(16) NOT NULL, "recipient_user_id" uuid, "recipient_submission_id" uuid, "recipient_address" character varying(254), "context" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_notification_recipient_kind" CHECK ("recipient_kind" IN ('user', 'submitter', 'address')), CONSTRAINT "CHK_notification_status" CHECK ("status" IN ('pending', 'sent', 'failed')), CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN ('staff_new_lead', 'crisis_alert', 'client_acknowledgement', 'partner_invitation', 'overdue_reminder', 'overdue_escalation')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notification_dedupe_key" ON "notification"  ("dedupe_key") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_notification_lead" ON "notification"  ("lead_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_status_created" ON "notification"  ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_user" ("id" uuid NOT NULL, "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_staff_user_role" CHECK ("role" IN ('admin', 'coordinator', 'clinician')), CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_staff_user_email" ON "staff_user"  ("email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_subscription" ("id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "events" text array NOT NULL, "secret" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b52cb4811c5ada4f42896c37ba8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" character varying(64) NOT NULL, "body" text NOT NULL, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_webhook_delivery_status" CHECK ("status" IN ('pending', 'delivered', 'failed')), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_delivery_created" ON "webhook_delivery"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_webhook_delivery_event" ON "webhook_delivery"  ("subscription_id", "event_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_236a6a1218756223393d1fb5acc" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_236a6a1218756223393d1fb5acc"`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_webhook_delivery_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_delivery_created"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TABLE "webhook_subscription"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_staff_user_email"`);
    await queryRunner.query(`DROP TABLE "staff_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_lead"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notification_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
