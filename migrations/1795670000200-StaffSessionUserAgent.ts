import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The browser a session signed in from, for the list of one's own sessions. */
export class StaffSessionUserAgent1795670000200 implements MigrationInterface {
  name = 'StaffSessionUserAgent1795670000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_session" ADD "user_agent" character varying(255)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_session" DROP COLUMN "user_agent"`);
  }
}
