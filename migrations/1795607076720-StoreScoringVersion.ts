import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StoreScoringVersion1795607076720 implements MigrationInterface {
  name = 'StoreScoringVersion1795607076720';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "intake" ADD "scoring_version" smallint`);
    await queryRunner.query(`ALTER TABLE "partner_response" ADD "scoring_version" smallint`);
    // Every result stored so far was scored by the first (and only) rules.
    await queryRunner.query(
      `UPDATE "intake" SET "scoring_version" = 1 WHERE "result_encrypted" IS NOT NULL`,
    );
    await queryRunner.query(`UPDATE "partner_response" SET "scoring_version" = 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partner_response" DROP COLUMN "scoring_version"`);
    await queryRunner.query(`ALTER TABLE "intake" DROP COLUMN "scoring_version"`);
  }
}
