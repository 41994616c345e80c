import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AvailabilityRules } from './availability.js';
import { ClinicianAvailability } from './clinician-availability.entity.js';

/** The only writer of `clinician_availability`. Runs in the caller's transaction. */
@Injectable()
export class ClinicianAvailabilityRepository {
  /** Stores a clinician's hours, replacing what was stored. */
  async put(manager: EntityManager, clinicianId: string, rules: AvailabilityRules): Promise<void> {
    await manager.query(
      `INSERT INTO clinician_availability (clinician_id, time_zone, slot_minutes, buffer_minutes,
                                           min_notice_hours, max_days_ahead, weekly, exceptions,
                                           updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, now())
       ON CONFLICT (clinician_id) DO UPDATE
          SET time_zone = EXCLUDED.time_zone, slot_minutes = EXCLUDED.slot_minutes,
              buffer_minutes = EXCLUDED.buffer_minutes,
              min_notice_hours = EXCLUDED.min_notice_hours,
              max_days_ahead = EXCLUDED.max_days_ahead, weekly = EXCLUDED.weekly,
              exceptions = EXCLUDED.exceptions, updated_at = now()`,
      [
        clinicianId,
        rules.timeZone,
        rules.slotMinutes,
        rules.bufferMinutes,
        rules.minNoticeHours,
        rules.maxDaysAhead,
        JSON.stringify(rules.weekly),
        JSON.stringify(rules.exceptions),
      ],
    );
  }

  async find(manager: EntityManager, clinicianIds: readonly string[]) {
    if (clinicianIds.length === 0) return [];
    return manager
      .getRepository(ClinicianAvailability)
      .createQueryBuilder('availability')
      .where('availability.clinicianId IN (:...ids)', { ids: clinicianIds })
      .getMany();
  }
}
