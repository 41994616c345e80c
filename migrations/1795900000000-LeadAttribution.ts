import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a lead came from: the first submission's `attribution` (UTM parameters, referrer,
 * landing page) and the lead's derived `attributed_source`, indexed for the list's
 * `source=` filter and the breakdown by source. Existing leads get their referral
 * source, else `direct`.
 */
export class LeadAttribution1795900000000 implements MigrationInterface {
  name = 'LeadAttribution1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead" ADD "attribution" jsonb`);
    await queryRunner.query(`ALTER TABLE "lead" ADD "attributed_source" character varying(500)`);
    await queryRunner.query(
      `UPDATE "lead" SET "attributed_source" = COALESCE(NULLIF(btrim("source"), ''), 'direct')
        WHERE "erased_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_attributed_source_created" ON "lead" ("attributed_source", "created_at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_attributed_source_created"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "attributed_source"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "attribution"`);
  }
}
