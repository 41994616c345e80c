import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PracticeSettings1795607579028 implements MigrationInterface {
  name = 'PracticeSettings1795607579028';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "practice_setting" ("id" smallint NOT NULL, "response_target_crisis_minutes" integer, "response_target_high_minutes" integer, "response_target_routine_business_days" integer, "spam_min_seconds" integer, "updated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_practice_setting_one_row" CHECK ("id" = 1), CONSTRAINT "PK_50f355fae0772054930cf119d8d" PRIMARY KEY ("id"))`,
    );
    // Hand-written: the one row exists from the start (all defaults), so a submission can
    // share-lock it while a change to the response-time targets is in flight.
    await queryRunner.query(`INSERT INTO "practice_setting" ("id") VALUES (1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "practice_setting"`);
  }
}
