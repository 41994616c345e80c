import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SubmissionKind } from '../leads/submission-reference.entity.js';
import type { MessageAttachment, PracticeDetails, RenderedMessage } from './messages.js';
import type { Notification, NotificationKind } from './notification.entity.js';

/** What a notification row tells a mail source: ids, never personal data. */
export interface MailRow {
  kind: NotificationKind;
  leadId: string | null;
  context: Record<string, string>;
}

/**
 * The capability that owns a kind of email to a visitor (the recipient `partner` of a
 * row): where it goes and what it says, both read at delivery time from that
 * capability's own tables, so no address or text waits in the notification row.
 */
export interface VisitorMailSource {
  /** The address, or null when the row it names is gone. */
  address(manager: EntityManager, row: MailRow): Promise<string | null>;
  /** The message, or undefined when it must not go out any more (a link already used). */
  render(
    manager: EntityManager,
    row: MailRow,
    practice: PracticeDetails,
  ): Promise<RenderedMessage | undefined>;
}

/**
 * A capability's own kind of email, whoever receives it: its message, read at delivery
 * (`address` is the recipient's, e.g. for a calendar invitation's attendee).
 */
export type MessageSource = (
  manager: EntityManager,
  notification: Notification,
  practice: PracticeDetails,
  address: string,
) => Promise<RenderedMessage | undefined>;

/** The booking link an acknowledgement carries, or null (booking decides). */
export type AcknowledgementLink = (
  manager: EntityManager,
  notification: Notification,
) => Promise<string | null>;

/** Files a capability attaches to another kind's email to a submitter (signed documents). */
export type AttachmentSource = (
  manager: EntityManager,
  submissionId: string,
) => Promise<MessageAttachment[]>;

/** The address a submission was sent from (the `submitter` recipient of a row). */
export type SubmitterAddress = (
  manager: EntityManager,
  submissionId: string,
) => Promise<string | null>;

/**
 * Where notifications finds what only other capabilities know: the address of a
 * submission's sender and the visitor emails a capability sends. Capabilities that send
 * such mail register here when their module starts (`onModuleInit`); notifications/
 * itself imports none of them, so the dependency runs one way.
 */
@Injectable()
export class MailSources {
  private readonly submitters = new Map<SubmissionKind, SubmitterAddress>();
  private readonly visitorMail = new Map<NotificationKind, VisitorMailSource>();
  private readonly messages = new Map<NotificationKind, MessageSource>();
  private readonly attachments = new Map<NotificationKind, AttachmentSource[]>();
  private bookingLink?: AcknowledgementLink;

  addSubmitter(kind: SubmissionKind, address: SubmitterAddress): void {
    this.once(this.submitters, kind);
    this.submitters.set(kind, address);
  }

  addVisitorMail(kind: NotificationKind, source: VisitorMailSource): void {
    this.once(this.visitorMail, kind);
    this.visitorMail.set(kind, source);
  }

  /** A kind of email whose message the capability writes, sent to a submitter or a user. */
  addMessage(kind: NotificationKind, render: MessageSource): void {
    this.once(this.messages, kind);
    this.messages.set(kind, render);
  }

  /** Files to attach to every email of `kind` to a submitter, for that submission. */
  addAttachments(kind: NotificationKind, source: AttachmentSource): void {
    this.attachments.set(kind, [...(this.attachments.get(kind) ?? []), source]);
  }

  /** Several kinds of email written by one capability (a consultation's mails). */
  addMessages(kinds: readonly NotificationKind[], render: MessageSource): void {
    for (const kind of kinds) this.addMessage(kind, render);
  }

  /** The one capability that puts a link in acknowledgements (online booking). */
  setAcknowledgementLink(link: AcknowledgementLink): void {
    if (this.bookingLink) throw new Error('acknowledgement link registered twice');
    this.bookingLink = link;
  }

  async acknowledgementLink(
    manager: EntityManager,
    notification: Notification,
  ): Promise<string | null> {
    return this.bookingLink ? this.bookingLink(manager, notification) : null;
  }

  /** The renderer of a kind: added with addMessage, or a visitor email's (to a submitter). */
  message(kind: NotificationKind): MessageSource | undefined {
    const visitor = this.visitorMail.get(kind);
    return (
      this.messages.get(kind) ??
      (visitor &&
        ((manager, notification, practice) => visitor.render(manager, notification, practice)))
    );
  }

  /** Every file registered for `kind` to a submitter's email, in registration order. */
  async attachmentsOf(
    manager: EntityManager,
    kind: NotificationKind,
    submissionId: string,
  ): Promise<MessageAttachment[]> {
    const files: MessageAttachment[] = [];
    for (const source of this.attachments.get(kind) ?? []) {
      files.push(...(await source(manager, submissionId)));
    }
    return files;
  }

  submitter(kind: SubmissionKind): SubmitterAddress {
    return this.registered(this.submitters, kind, 'submission');
  }

  visitor(kind: NotificationKind): VisitorMailSource {
    return this.registered(this.visitorMail, kind, 'visitor email');
  }

  private once(map: Map<string, unknown>, key: string): void {
    if (map.has(key)) throw new Error(`mail source for ${key} registered twice`);
  }

  /** A kind nobody registered is a wiring mistake of the app, not a delivery failure. */
  private registered<T>(map: Map<string, T>, key: string, what: string): T {
    const found = map.get(key);
    if (!found) throw new Error(`no mail source registered for the ${what} kind ${key}`);
    return found;
  }
}
