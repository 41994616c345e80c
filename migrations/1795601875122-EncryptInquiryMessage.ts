import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EncryptInquiryMessage1795601875122 implements MigrationInterface {
  name = 'EncryptInquiryMessage1795601875122';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inquiry" ADD "message_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "inquiry" ALTER COLUMN "message" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQL cannot decrypt: going back loses the messages written since this migration.
    await queryRunner.query(`UPDATE "inquiry" SET "message" = '' WHERE "message" IS NULL`);
    await queryRunner.query(`ALTER TABLE "inquiry" ALTER COLUMN "message" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "inquiry" DROP COLUMN "message_encrypted"`);
  }
}
