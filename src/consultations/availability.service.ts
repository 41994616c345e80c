import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { Clinician } from '../clinicians/clinician.entity.js';
import { ProblemException } from '../common/problem-details.js';
import { isUuid } from '../common/uuid.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type AvailabilityRules, defaultRules, ruleErrors } from './availability.js';
import type { ClinicianAvailability } from './clinician-availability.entity.js';
import { ClinicianAvailabilityRepository } from './clinician-availability.repository.js';
import type { AvailabilityDto, AvailabilityView } from './dto/availability.dto.js';

/** The rules of a stored row, or the defaults (no hours) in the practice's zone. */
export function rulesOf(row: ClinicianAvailability | undefined, practiceZone: string) {
  if (!row) return defaultRules(practiceZone);
  const rules: AvailabilityRules = {
    timeZone: row.timeZone,
    slotMinutes: row.slotMinutes,
    bufferMinutes: row.bufferMinutes,
    minNoticeHours: row.minNoticeHours,
    maxDaysAhead: row.maxDaysAhead,
    weekly: row.weekly,
    exceptions: row.exceptions,
  };
  return rules;
}

/**
 * A clinician's consultation hours (docs/api.md#consultations). Admins and coordinators
 * read and set anyone's; a clinician only their own (403 otherwise).
 */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly availability: ClinicianAvailabilityRepository,
  ) {}

  async get(staff: StaffContext, clinicianId: string): Promise<AvailabilityView> {
    const manager = this.dataSource.manager;
    await this.clinicianFor(manager, staff, clinicianId);
    return this.viewOf(manager, clinicianId);
  }

  async put(
    staff: StaffContext,
    clinicianId: string,
    dto: AvailabilityDto,
    actor: AuditActor,
  ): Promise<AvailabilityView> {
    const rules: AvailabilityRules = {
      timeZone: dto.timeZone,
      slotMinutes: dto.slotMinutes,
      bufferMinutes: dto.bufferMinutes,
      minNoticeHours: dto.minNoticeHours,
      maxDaysAhead: dto.maxDaysAhead,
      weekly: dto.weekly.map(({ day, start, end }) => ({ day, start, end })),
      exceptions: dto.exceptions.map(({ date, available, start, end }) => ({
        date,
        available,
        ...(start !== undefined ? { start } : {}),
        ...(end !== undefined ? { end } : {}),
      })),
    };
    return this.dataSource.transaction(async (manager) => {
      await this.clinicianFor(manager, staff, clinicianId, { lock: true });
      const errors = ruleErrors(rules);
      if (errors.length > 0) throw ProblemException.validation(errors);
      await this.availability.put(manager, clinicianId, rules);
      await this.audit.record(
        actor,
        {
          action: 'clinician.availability_changed',
          subjectType: 'clinician',
          subjectId: clinicianId,
          details: { weeklyWindows: rules.weekly.length, exceptions: rules.exceptions.length },
        },
        manager,
      );
      return this.viewOf(manager, clinicianId);
    });
  }

  /** The rules of each clinician, the defaults for those who set none. */
  async rulesFor(
    manager: EntityManager,
    clinicianIds: readonly string[],
  ): Promise<Map<string, AvailabilityRules>> {
    const rows = await this.availability.find(manager, clinicianIds);
    return new Map(
      clinicianIds.map((id) => [
        id,
        rulesOf(
          rows.find((row) => row.clinicianId === id),
          this.config.practice.timeZone,
        ),
      ]),
    );
  }

  private async viewOf(manager: EntityManager, clinicianId: string): Promise<AvailabilityView> {
    const [row] = await this.availability.find(manager, [clinicianId]);
    const rules = rulesOf(row, this.config.practice.timeZone);
    return {
      clinicianId,
      ...rules,
      weekly: [...rules.weekly],
      exceptions: [...rules.exceptions],
      updatedAt: row ? row.updatedAt.toISOString() : null,
    };
  }

  private async clinicianFor(
    manager: EntityManager,
    staff: StaffContext,
    clinicianId: string,
    options: { lock?: boolean } = {},
  ): Promise<Clinician> {
    if (!isUuid(clinicianId)) throw new ProblemException('not-found');
    const clinician = await manager.getRepository(Clinician).findOne({
      where: { id: clinicianId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!clinician) throw new ProblemException('not-found');
    if (staff.user.role === 'clinician' && clinician.userId !== staff.user.id) {
      throw new ProblemException(
        'forbidden',
        'A clinician may read and set only their own consultation hours.',
      );
    }
    return clinician;
  }
}
