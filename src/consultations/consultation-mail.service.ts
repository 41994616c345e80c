import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Lead } from '../leads/lead.entity.js';
import { SubmissionReference } from '../leads/submission-reference.entity.js';
import type { Notification } from '../notifications/notification.entity.js';
import type { PracticeDetails, RenderedMessage } from '../notifications/messages.js';
import { MailSources } from '../notifications/mail-sources.js';
import { JobQueue } from '../queue/job-queue.js';
import { AvailabilityService } from './availability.service.js';
import { addressOf, calendarInvite } from './calendar-invite.js';
import {
  type ConsultationMailKind,
  clientCalendarWords,
  clientConsultationMail,
  clinicianConsultationMail,
} from './consultation-mail.js';
import { Consultation } from './consultation.entity.js';
import { ConsultationBookings } from './consultation-bookings.service.js';
import { Clinician } from '../clinicians/clinician.entity.js';

const KINDS: readonly ConsultationMailKind[] = [
  'consultation_confirmation',
  'consultation_reminder',
  'consultation_cancellation',
];

/**
 * Writes a consultation's emails when they are sent (the notifications module sends
 * them, with their retries and the rules for visitors' addresses), puts the booking
 * link in acknowledgements, and works the reminder queue.
 */
@Injectable()
export class ConsultationMail implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailSources: MailSources,
    private readonly queue: JobQueue,
    private readonly bookings: ConsultationBookings,
    private readonly availability: AvailabilityService,
  ) {}

  onModuleInit(): void {
    this.mailSources.addMessages(KINDS, (manager, notification, practice, address) =>
      this.render(manager, notification, practice, address),
    );
    this.mailSources.setAcknowledgementLink((manager, notification) =>
      this.acknowledgementLink(manager, notification),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.runWorkers) return;
    await this.queue.work('consultation.reminder', (job) =>
      this.bookings.remind(job.data.consultationId),
    );
  }

  /**
   * An acknowledgement of a client's own inquiry or intake carries the booking link
   * when online booking is on and the lead may book (or waits for the partner); a
   * partner's acknowledgement does not: one couple, one booking.
   */
  private async acknowledgementLink(
    manager: EntityManager,
    notification: Notification,
  ): Promise<string | null> {
    if (!notification.leadId || !notification.recipientSubmissionId) return null;
    const reference = await manager
      .getRepository(SubmissionReference)
      .findOneBy({ submissionId: notification.recipientSubmissionId });
    if (!reference || reference.kind === 'partner_response') return null;
    const lead = await manager.getRepository(Lead).findOneBy({ id: notification.leadId });
    if (!lead) return null;
    const eligibility = await this.bookings.eligibility(manager, lead);
    if (!eligibility.onlineBookable && eligibility.reason !== 'waiting_for_partner') return null;
    // Committed at once, on its own: the email may be read (and the link opened) before
    // the sending transaction commits. A link made for an email that then fails is reused.
    return this.bookings.linkOf(this.dataSource.manager, lead.id);
  }

  private async render(
    manager: EntityManager,
    notification: Notification,
    practice: PracticeDetails,
    address: string,
  ): Promise<RenderedMessage | undefined> {
    const kind = notification.kind as ConsultationMailKind;
    const consultation = await manager
      .getRepository(Consultation)
      .findOneBy({ id: notification.context.consultationId });
    const clinician =
      consultation &&
      (await manager.getRepository(Clinician).findOneBy({ id: consultation.clinicianId }));
    if (!consultation || !clinician) return undefined;
    const rules = (await this.availability.rulesFor(manager, [clinician.id])).get(clinician.id)!;
    const toClient = notification.context.to === 'client';
    const facts = {
      kind,
      practice,
      clinicianName: clinician.name,
      startsAt: consultation.startsAt,
      timeZone: rules.timeZone,
    };
    let message: RenderedMessage;
    if (toClient) {
      const link = await this.bookings.existingLinkOf(manager, consultation.leadId);
      message = clientConsultationMail(facts, link ?? undefined);
    } else {
      const reference = await this.bookings.firstReference(manager, consultation.leadId);
      message = clinicianConsultationMail(facts, {
        ...(reference ? { reference: reference.reference } : {}),
        link: `${this.config.publicBaseUrl}/admin/leads/${encodeURIComponent(consultation.leadId)}`,
      });
    }
    if (kind === 'consultation_reminder') return message;
    // The client's calendar in their language (notifications gives it); the clinician's in English.
    const language = toClient ? (practice.language ?? 'en') : 'en';
    const clientWords = clientCalendarWords({ practice, clinicianName: clinician.name });
    // A cancellation's calendar entry needs no word on how to cancel.
    const words = !toClient
      ? { summary: 'Consultation with a new client' }
      : kind === 'consultation_cancellation'
        ? { summary: clientWords.summary }
        : clientWords;
    return {
      ...message,
      calendar: {
        method: kind === 'consultation_cancellation' ? 'CANCEL' : 'REQUEST',
        content: calendarInvite({
          consultationId: consultation.id,
          sequence: Number(notification.context.sequence ?? consultation.sequence),
          method: kind === 'consultation_cancellation' ? 'CANCEL' : 'REQUEST',
          startsAt: consultation.startsAt,
          endsAt: consultation.endsAt,
          ...words,
          language,
          practiceName: practice.name,
          organizerEmail: addressOf(this.config.mail.from),
          attendeeEmail: address,
          host: new URL(this.config.publicBaseUrl).hostname,
        }),
      },
    };
  }
}
