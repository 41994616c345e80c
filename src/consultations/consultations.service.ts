import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { Clinician } from '../clinicians/clinician.entity.js';
import { ProblemException } from '../common/problem-details.js';
import { isUuid } from '../common/uuid.js';
import { LeadAccess } from '../leads/lead-access.js';
import type { Lead } from '../leads/lead.entity.js';
import { STAFF_ADVICE } from './booking-eligibility.js';
import { BookingLinkRepository } from './booking-link.repository.js';
import { ConsultationBookings, mappingOverlap } from './consultation-bookings.service.js';
import { Consultation } from './consultation.entity.js';
import { ConsultationRepository } from './consultation.repository.js';
import type {
  BookConsultationDto,
  ConsultationListView,
  ConsultationQueryDto,
  ConsultationView,
  LeadBookingView,
} from './dto/consultation.dto.js';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 62;

/** A consultation as staff see it (no client data: the lead is named by its id). */
export function toConsultationView(
  consultation: Consultation,
  clinicianName: string,
): ConsultationView {
  return {
    id: consultation.id,
    leadId: consultation.leadId,
    clinician: { id: consultation.clinicianId, name: clinicianName },
    startsAt: consultation.startsAt.toISOString(),
    endsAt: consultation.endsAt.toISOString(),
    bookedVia: consultation.bookedVia,
    createdAt: consultation.createdAt.toISOString(),
    cancelledAt: consultation.cancelledAt?.toISOString() ?? null,
  };
}

/**
 * Consultations as staff book and see them (docs/api.md#consultations). Admins and
 * coordinators see and book every one; a clinician sees and books only their own, for
 * the leads assigned to them.
 */
@Injectable()
export class ConsultationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly audit: AuditTrail,
    private readonly bookings: ConsultationBookings,
    private readonly consultations: ConsultationRepository,
    private readonly links: BookingLinkRepository,
  ) {}

  async list(
    staff: StaffContext,
    query: ConsultationQueryDto,
    actor: AuditActor,
  ): Promise<ConsultationListView> {
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 7 * DAY_MS);
    if (to.getTime() <= from.getTime()) {
      throw ProblemException.validation([{ field: 'to', message: 'must be after from' }]);
    }
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      throw ProblemException.validation([
        { field: 'to', message: `must be at most ${MAX_RANGE_DAYS} days after from` },
      ]);
    }
    const own = await this.ownClinicianId(this.dataSource.manager, staff);
    const builder = this.dataSource
      .getRepository(Consultation)
      .createQueryBuilder('consultation')
      .innerJoinAndSelect('consultation.clinician', 'clinician')
      .where('consultation.cancelledAt IS NULL')
      .andWhere('consultation.endsAt > :from', { from })
      .andWhere('consultation.startsAt < :to', { to })
      .orderBy('consultation.startsAt', 'ASC')
      .addOrderBy('consultation.id', 'ASC');
    if (query.clinicianId) {
      builder.andWhere('consultation.clinicianId = :clinicianId', {
        clinicianId: query.clinicianId,
      });
    }
    if (own !== undefined) builder.andWhere('consultation.clinicianId = :own', { own });
    const rows = await builder.getMany();
    await this.audit.record(actor, {
      action: 'consultations.listed',
      details: { count: rows.length, from: from.toISOString(), to: to.toISOString() },
    });
    return { items: rows.map((row) => toConsultationView(row, row.clinician!.name)) };
  }

  /** Where a lead stands for booking, and its consultations (the lead page's section). */
  async forLead(staff: StaffContext, leadId: string, actor: AuditActor): Promise<LeadBookingView> {
    return this.dataSource.transaction(async (manager) => {
      const lead = await this.access.visibleLead(manager, staff, leadId);
      const eligibility = await this.bookings.eligibility(manager, lead);
      const link = await this.links.newestOfLead(manager, lead.id);
      const rows = await manager.getRepository(Consultation).find({
        where: { leadId: lead.id },
        relations: { clinician: true },
        order: { startsAt: 'DESC', id: 'ASC' },
      });
      await this.audit.record(
        actor,
        {
          action: 'lead.booking_viewed',
          leadId: lead.id,
          subjectType: 'lead',
          subjectId: lead.id,
          details: { consultations: rows.length },
        },
        manager,
      );
      return {
        onlineBookable: eligibility.onlineBookable,
        reason: eligibility.onlineBookable ? null : eligibility.reason,
        advice: eligibility.onlineBookable ? null : STAFF_ADVICE[eligibility.reason],
        link: link
          ? { expiresAt: link.expiresAt.toISOString(), booked: link.consultationId !== null }
          : null,
        consultations: rows.map((row) => toConsultationView(row, row.clinician!.name)),
      };
    });
  }

  /** Books by hand: any future time; only an overlap is refused (409 slot-taken). */
  async book(
    staff: StaffContext,
    leadId: string,
    dto: BookConsultationDto,
    actor: AuditActor,
  ): Promise<ConsultationView> {
    const startsAt = new Date(dto.startsAt);
    if (startsAt.getTime() <= Date.now()) {
      throw ProblemException.validation([{ field: 'startsAt', message: 'must be in the future' }]);
    }
    return mappingOverlap(() =>
      this.dataSource.transaction(async (manager) => {
        if (isUuid(leadId)) await this.links.lockOfLead(manager, leadId);
        const lead = await this.access.visibleLead(manager, staff, leadId, { lock: true });
        refuseIfGone(lead);
        const clinician = await manager.getRepository(Clinician).findOne({
          where: { id: dto.clinicianId, active: true },
          lock: { mode: 'pessimistic_read' },
        });
        if (!clinician) {
          throw ProblemException.validation([
            { field: 'clinicianId', message: 'is not an active clinician' },
          ]);
        }
        const own = await this.ownClinicianId(manager, staff);
        if (own !== undefined && own !== clinician.id) {
          throw new ProblemException(
            'forbidden',
            'A clinician books consultations only with themselves.',
          );
        }
        const id = await this.bookings.book(manager, {
          lead,
          clinicianId: clinician.id,
          startsAt,
          endsAt: await this.bookings.endOf(manager, clinician.id, startsAt),
          via: 'staff',
          actorUserId: staff.user.id,
        });
        await this.audit.record(
          actor,
          {
            action: 'consultation.booked',
            leadId: lead.id,
            subjectType: 'consultation',
            subjectId: id,
            details: { clinicianId: clinician.id, status: lead.status },
          },
          manager,
        );
        const booked = await manager.getRepository(Consultation).findOneByOrFail({ id });
        return toConsultationView(booked, clinician.name);
      }),
    );
  }

  async cancel(staff: StaffContext, id: string, actor: AuditActor): Promise<ConsultationView> {
    if (!isUuid(id)) throw new ProblemException('not-found');
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(Consultation).findOneBy({ id });
      if (!found) throw new ProblemException('not-found');
      // Links, the lead, then the consultation: the order a booking takes them in.
      await this.links.lockOfLead(manager, found.leadId);
      const lead = await this.access.visibleLead(manager, staff, found.leadId, { lock: true });
      const own = await this.ownClinicianId(manager, staff);
      if (own !== undefined && own !== found.clinicianId) throw new ProblemException('not-found');
      const consultation = (await this.consultations.lock(manager, id))!;
      await this.bookings.cancel(manager, consultation, lead, 'staff', staff.user.id);
      await this.audit.record(
        actor,
        {
          action: 'consultation.cancelled',
          leadId: lead.id,
          subjectType: 'consultation',
          subjectId: id,
          details: { clinicianId: consultation.clinicianId },
        },
        manager,
      );
      const cancelled = await manager
        .getRepository(Consultation)
        .findOneOrFail({ where: { id }, relations: { clinician: true } });
      return toConsultationView(cancelled, cancelled.clinician!.name);
    });
  }

  /** A clinician's own profile id; undefined for admins and coordinators (everyone's). */
  private async ownClinicianId(
    manager: EntityManager,
    staff: StaffContext,
  ): Promise<string | undefined> {
    if (staff.user.role !== 'clinician') return undefined;
    const own = await manager.getRepository(Clinician).findOneBy({ userId: staff.user.id });
    // A clinician account with no profile has no consultations: an id that matches none.
    return own?.id ?? '00000000-0000-0000-0000-000000000000';
  }
}

/** An erased or merged lead is not booked for. */
function refuseIfGone(lead: Lead): void {
  if (lead.erasedAt || lead.mergedIntoLeadId) {
    throw new ProblemException(
      'conflict',
      'This lead was erased or merged: book on the lead that lives on.',
    );
  }
}
