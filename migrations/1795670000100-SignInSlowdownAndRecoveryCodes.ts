import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins slow further attempts down instead of locking the address: the old
 * per-address counter is replaced by per-address and per-(address, client) rows (its
 * counts are only minutes of memory; nothing is lost). MFA recovery codes, stored hashed.
 */
export class SignInSlowdownAndRecoveryCodes1795670000100 implements MigrationInterface {
  name = 'SignInSlowdownAndRecoveryCodes1795670000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" character(64) NOT NULL, "failures" integer NOT NULL, "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "not_before" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_login_throttle_last_attempt" ON "login_throttle" ("last_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_recovery_code" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4c362f6c768900642ea531ee06c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_staff_recovery_code" ON "staff_recovery_code" ("user_id", "code_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_recovery_code" ADD CONSTRAINT "FK_6b42a5ab62ab6428aa5bd5ae738" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "staff_recovery_code"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("email_hash" character(64) NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_02c312dd2cb9b95efdebee8be14" PRIMARY KEY ("email_hash"))`,
    );
  }
}
