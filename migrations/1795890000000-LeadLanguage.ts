import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language of a lead (its first submission's): client emails are written in it. */
export class LeadLanguage1795890000000 implements MigrationInterface {
  name = 'LeadLanguage1795890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "lead" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "CHK_lead_language" CHECK ("language" IN ('en', 'es'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "CHK_lead_language"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "language"`);
  }
}
