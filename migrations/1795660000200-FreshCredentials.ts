import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a staff session last proved the password or a code: some actions need it within
 * 10 minutes. Sessions open now count from their sign-in.
 */
export class FreshCredentials1795660000200 implements MigrationInterface {
  name = 'FreshCredentials1795660000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "staff_session" ADD "credentials_proved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`UPDATE "staff_session" SET "credentials_proved_at" = "created_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_session" DROP COLUMN "credentials_proved_at"`);
  }
}
