import type { MigrationInterface, QueryRunner } from 'typeorm';

const CONSULTATION_KINDS = [
  'consultation_confirmation',
  'consultation_reminder',
  'consultation_cancellation',
];

/**
 * The kinds of email `CHK_notification_kind` allows now, read from the database: other
 * migrations add kinds of their own, and this one must keep them whatever their order.
 */
async function allowedKinds(queryRunner: QueryRunner): Promise<string[]> {
  const [row] = (await queryRunner.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conname = 'CHK_notification_kind' AND conrelid = '"notification"'::regclass`,
  )) as { definition: string }[];
  return [...(row?.definition ?? '').matchAll(/'([a-z_]+)'/g)].map((match) => match[1]!);
}

async function allowKinds(queryRunner: QueryRunner, kinds: string[]): Promise<void> {
  const list = kinds.map((kind) => `'${kind}'`).join(', ');
  await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_kind"`);
  await queryRunner.query(
    `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_kind" CHECK ("kind" IN (${list}))`,
  );
}

/**
 * Consultation booking: clinicians' hours, consultations (two live ones of a clinician
 * never overlap: an exclusion constraint over the clinician and the `tstzrange` of its
 * times, which needs btree_gist for the `=` on the clinician), clients' booking links, the booking switch
 * of the practice and the three emails of a consultation.
 */
export class ConsultationBooking1795860000000 implements MigrationInterface {
  name = 'ConsultationBooking1795860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "consultation" ("id" uuid NOT NULL, "lead_id" uuid NOT NULL, "clinician_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "booked_via" character varying(8) NOT NULL, "booked_by_user_id" uuid, "sequence" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_via" character varying(8), CONSTRAINT "CHK_consultation_booked_via" CHECK ("booked_via" IN ('client', 'staff')), CONSTRAINT "CHK_consultation_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "EX_consultation_no_overlap" EXCLUDE USING gist ("clinician_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("cancelled_at" IS NULL), CONSTRAINT "PK_5203569fac28a4a626c42abe70b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_consultation_lead" ON "consultation"  ("lead_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_consultation_starts" ON "consultation"  ("starts_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "booking_link" ("id" uuid NOT NULL, "lead_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "token_key_id" character varying(32) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consultation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1ef5514f3d4ab219203490bb107" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_booking_link_token_hash" ON "booking_link"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_booking_link_lead" ON "booking_link"  ("lead_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "clinician_availability" ("clinician_id" uuid NOT NULL, "time_zone" character varying(64) NOT NULL, "slot_minutes" smallint NOT NULL, "buffer_minutes" smallint NOT NULL, "min_notice_hours" smallint NOT NULL, "max_days_ahead" smallint NOT NULL, "weekly" jsonb NOT NULL, "exceptions" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_561bdf85fc3b570785d23421011" PRIMARY KEY ("clinician_id"))`,
    );
    // The practice's identity migration adds the same switch; whichever runs first adds it.
    await queryRunner.query(
      `ALTER TABLE "practice_setting" ADD COLUMN IF NOT EXISTS "booking_enabled" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation" ADD CONSTRAINT "FK_e2c17f0bb36f0091602e2037759" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation" ADD CONSTRAINT "FK_a757e2bda1e3f1a466e2bd06597" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking_link" ADD CONSTRAINT "FK_0a686c27ae62dc2c91f77f54cd0" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking_link" ADD CONSTRAINT "FK_e03b94b50282f4eade5f7fa8ad0" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "clinician_availability" ADD CONSTRAINT "FK_561bdf85fc3b570785d23421011" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    const kinds = await allowedKinds(queryRunner);
    await allowKinds(queryRunner, [
      ...kinds,
      ...CONSULTATION_KINDS.filter((kind) => !kinds.includes(kind)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = ANY($1::text[])`, [
      CONSULTATION_KINDS,
    ]);
    const kinds = await allowedKinds(queryRunner);
    await allowKinds(
      queryRunner,
      kinds.filter((kind) => !CONSULTATION_KINDS.includes(kind)),
    );
    // booking_enabled stays: the practice's identity migration owns it too, and the
    // practice_setting table goes with the migration that made it.
    await queryRunner.query(`DROP TABLE "clinician_availability"`);
    await queryRunner.query(`DROP TABLE "booking_link"`);
    await queryRunner.query(`DROP TABLE "consultation"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
