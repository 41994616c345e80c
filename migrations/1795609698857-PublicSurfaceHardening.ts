import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicSurfaceHardening1795609698857 implements MigrationInterface {
  name = 'PublicSurfaceHardening1795609698857';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_bucket" ("key" character varying(120) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f1310cfeb2b77745eb48247c6c7" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_rate_limit_bucket_window_ends" ON "rate_limit_bucket"  ("window_ends_at") `,
    );
    await queryRunner.query(`ALTER TABLE "lead" ADD "needs_review" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "review_reason" character varying(32)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_needs_review_created" ON "lead"  ("created_at", "id") WHERE needs_review`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_needs_review_created"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "review_reason"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "needs_review"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_rate_limit_bucket_window_ends"`);
    await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
  }
}
