import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { ProblemException } from '../common/problem-details.js';
import { OPEN_STATUSES } from '../vocabulary/lead-status.js';
import { User } from '../users/user.entity.js';
import { Clinician } from './clinician.entity.js';
import { ClinicianRepository } from './clinician.repository.js';
import type { ClinicianQueryDto } from './dto/clinician-query.dto.js';
import {
  type CreateClinicianDto,
  OWN_PROFILE_FIELDS,
  type UpdateClinicianDto,
} from './dto/clinician.dto.js';
import { type ClinicianView, toClinicianView } from './dto/clinician.view.js';
import { isUuid } from '../common/uuid.js';

/** The profile fields, in the order the API lists them (and audit events name them). */
const PROFILE_FIELDS = [
  'name',
  'email',
  'modalities',
  'serviceTypes',
  'licensedStates',
  'acceptingNewClients',
  'weeklyCapacity',
  'active',
  'userId',
] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Open leads per clinician, in one grouped query: leads assigned to them in an open
 * status and not folded into another lead. `clinicianIds` narrows it; absent: everyone.
 */
export async function openLeadCounts(
  manager: EntityManager,
  clinicianIds?: readonly string[],
): Promise<Map<string, number>> {
  const rows = (await manager.query(
    `SELECT assigned_clinician_id AS id, count(*)::int AS open
       FROM lead
      WHERE assigned_clinician_id IS NOT NULL
        AND status = ANY($1::text[])
        AND merged_into_lead_id IS NULL
        AND ($2::uuid[] IS NULL OR assigned_clinician_id = ANY($2::uuid[]))
      GROUP BY assigned_clinician_id`,
    [OPEN_STATUSES, clinicianIds ?? null],
  )) as { id: string; open: number }[];
  return new Map(rows.map((row) => [row.id, row.open]));
}

/** Clinician profiles (docs/api.md#clinicians-stats-settings, `/v1/admin/clinicians`). */
@Injectable()
export class CliniciansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clinicians: ClinicianRepository,
  ) {}

  /** Every profile matching the filters, by name. A practice has tens, not thousands. */
  async list(query: ClinicianQueryDto): Promise<ClinicianView[]> {
    const builder = this.dataSource
      .getRepository(Clinician)
      .createQueryBuilder('clinician')
      .orderBy('lower(clinician.name)', 'ASC')
      .addOrderBy('clinician.id', 'ASC');
    if (query.active !== undefined) {
      builder.andWhere('clinician.active = :active', { active: query.active });
    }
    if (query.acceptingNewClients !== undefined) {
      builder.andWhere('clinician.acceptingNewClients = :accepting', {
        accepting: query.acceptingNewClients,
      });
    }
    if (query.serviceType) {
      builder.andWhere(':serviceType = ANY(clinician.serviceTypes)', {
        serviceType: query.serviceType,
      });
    }
    if (query.state) {
      builder.andWhere(':state = ANY(clinician.licensedStates)', { state: query.state });
    }
    const clinicians = await builder.getMany();
    const open = await openLeadCounts(
      this.dataSource.manager,
      clinicians.map((clinician) => clinician.id),
    );
    return clinicians.map((clinician) => toClinicianView(clinician, open.get(clinician.id) ?? 0));
  }

  async get(id: string): Promise<ClinicianView> {
    return this.viewOf(this.dataSource.manager, await this.find(this.dataSource.manager, id));
  }

  async create(
    dto: CreateClinicianDto,
    staff: StaffContext,
    actor: AuditActor,
  ): Promise<ClinicianView> {
    onlyAdminsLink(dto, staff);
    return this.dataSource.transaction(async (manager) => {
      if (dto.userId) await this.checkLinkable(manager, dto.userId, null);
      const clinician = manager.getRepository(Clinician).create({
        id: randomUUID(),
        userId: dto.userId ?? null,
        name: dto.name,
        email: dto.email,
        modalities: dto.modalities,
        serviceTypes: dto.serviceTypes,
        licensedStates: dto.licensedStates,
        acceptingNewClients: dto.acceptingNewClients,
        weeklyCapacity: dto.weeklyCapacity,
        active: dto.active,
      });
      await this.clinicians.add(manager, clinician);
      await this.audit.record(
        actor,
        {
          action: 'clinician.created',
          subjectType: 'clinician',
          subjectId: clinician.id,
          details: { fields: PROFILE_FIELDS.filter((field) => dto[field] !== undefined) },
        },
        manager,
      );
      return this.viewOf(manager, await this.find(manager, clinician.id));
    });
  }

  /**
   * Changes the fields sent. Admins and coordinators change any profile; a clinician only
   * their own, and only OWN_PROFILE_FIELDS (anything else is 403, like another's profile).
   */
  async update(
    id: string,
    dto: UpdateClinicianDto,
    staff: StaffContext,
    actor: AuditActor,
  ): Promise<ClinicianView> {
    onlyAdminsLink(dto, staff);
    return this.dataSource.transaction(async (manager) => {
      const clinician = await this.find(manager, id, { lock: true });
      const sent = PROFILE_FIELDS.filter((field) => dto[field] !== undefined);
      if (staff.user.role === 'clinician') {
        const own = clinician.userId === staff.user.id;
        const allowed = sent.every((field) =>
          (OWN_PROFILE_FIELDS as readonly ProfileField[]).includes(field),
        );
        if (!own || !allowed) {
          throw new ProblemException(
            'forbidden',
            'A clinician may change only acceptingNewClients, weeklyCapacity and modalities ' +
              'of their own profile.',
          );
        }
      }
      const changed = sent.filter((field) => !sameValue(dto[field], clinician[field]));
      if (changed.length === 0) return this.viewOf(manager, clinician);
      if (changed.includes('userId') && dto.userId) {
        await this.checkLinkable(manager, dto.userId, clinician.id);
      }
      await this.clinicians.change(
        manager,
        id,
        Object.fromEntries(changed.map((field) => [field, dto[field]])),
      );
      await this.audit.record(
        actor,
        {
          action: 'clinician.updated',
          subjectType: 'clinician',
          subjectId: id,
          details: { fields: changed },
        },
        manager,
      );
      return this.viewOf(manager, await this.find(manager, id));
    });
  }

  private async find(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<Clinician> {
    if (!isUuid(id)) throw new ProblemException('not-found');
    const clinician = await manager.getRepository(Clinician).findOne({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!clinician) throw new ProblemException('not-found');
    return clinician;
  }

  private async viewOf(manager: EntityManager, clinician: Clinician): Promise<ClinicianView> {
    const open = await openLeadCounts(manager, [clinician.id]);
    return toClinicianView(clinician, open.get(clinician.id) ?? 0);
  }

  /**
   * A profile may be linked to an existing clinician account that no other profile has.
   * The account row is locked so a concurrent link of the same account waits and fails here
   * rather than at the unique constraint.
   */
  private async checkLinkable(
    manager: EntityManager,
    userId: string,
    clinicianId: string | null,
  ): Promise<void> {
    const user = await manager
      .getRepository(User)
      .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user || user.role !== 'clinician') {
      throw ProblemException.validation([
        { field: 'userId', message: 'must be the id of a staff account with role clinician' },
      ]);
    }
    const linked = await manager.getRepository(Clinician).findOneBy({ userId });
    if (linked && linked.id !== clinicianId) {
      throw ProblemException.validation([
        { field: 'userId', message: 'is already linked to another clinician profile' },
      ]);
    }
  }
}

/**
 * Linking a profile to a staff account decides whose sign-in sees that clinician's leads:
 * an account change, so admins only. A coordinator naming `userId` at all gets 403.
 */
function onlyAdminsLink(dto: { userId?: string | null }, staff: StaffContext): void {
  if (dto.userId !== undefined && staff.user.role !== 'admin') {
    throw new ProblemException(
      'forbidden',
      'Only an admin may link a clinician profile to a staff account (userId).',
    );
  }
}
