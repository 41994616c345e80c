/**
 * Generated from the service's OpenAPI document by scripts/openapi-web.mjs: do not edit.
 */
export interface paths {
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics
     * @description Prometheus text format. With METRICS_TOKEN set it needs `Authorization: Bearer <METRICS_TOKEN>`; in production without a token it is not served. A refused scrape answers 404, as an unknown address does.
     */
    get: operations['MetricsController_scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process is up */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The database answers and every migration is applied */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/audit-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/csrf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthController_csrf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_mfaSetup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_mfaVerify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_regenerateRecoveryCodes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/reauthenticate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Prove the password or a code again, for actions that need it (10 minutes) */
    post: operations['AuthController_reauthenticate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/invitations/{token}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CredentialsController_acceptInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CredentialsController_requestPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password-reset/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CredentialsController_completePasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CredentialsController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SessionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['SessionsController_end'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inquiries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The "reach out" form */
    post: operations['InquiriesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/intake-forms/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current published version of a form (individual, couples) */
    get: operations['IntakeFormsController_latest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/intake-forms/{slug}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A given version of a form, old versions included */
    get: operations['IntakeFormsController_version'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/intakes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A full intake; for couples, also invites the partner */
    post: operations['IntakesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/partner-invitations/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the invited partner sees: the form and the inviter's first name */
    get: operations['IntakesController_show'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/partner-invitations/{token}/responses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The invited partner's own answers; the link works once */
    post: operations['IntakesController_respond'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find leads: filters, search, sort, keyset pages (audited) */
    get: operations['LeadsAdminController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/leads.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the leads the filters match as CSV, streamed (audited as lead.exported) */
    get: operations['LeadsAdminController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/leads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One lead with its submissions, notes, timeline, duplicates (audited) */
    get: operations['LeadsAdminController_read'];
    put?: never;
    post?: never;
    /**
     * Erase the personal data of a lead
     * @description Empties names, contact details, messages, answers, scores, dates of birth, partner details and note bodies of the lead and of every lead merged into it; cancels its pending emails. The lead stays as a tombstone (ids, references, statuses, times) and the audit trail is kept. 409 when already erased, or when the lead was merged into another (erase that one).
     */
    delete: operations['LeadPrivacyController_erase'];
    options?: never;
    head?: never;
    /**
     * Change status, urgency, assignment or tags
     * @description 428 without If-Match, 409 when it is stale or the status move is not allowed, 403 when a clinician changes the assignment.
     */
    patch: operations['LeadsAdminController_update'];
    trace?: never;
  };
  '/v1/admin/leads/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a note (append-only: notes are never edited or deleted) */
    post: operations['LeadsAdminController_addNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Notifications, newest first: kind, status, attempts, errors */
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/notifications/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a failed notification again (409 unless it failed) */
    post: operations['NotificationsController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_list'];
    put?: never;
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/v1/admin/users/{id}/mfa/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UsersController_resetMfa'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/invitation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UsersController_resendInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The settings in force (stored, else the environment’s defaults) */
    get: operations['SettingsController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change settings
     * @description Only the values sent change; `null` returns a value to its default. A changed response-time target recomputes `respondBy` of every lead still in `new` (and its reminder and escalation) in the same transaction. `corsOrigins` is read-only (422).
     */
    patch: operations['SettingsController_update'];
    trace?: never;
  };
  '/v1/admin/clinicians': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Clinician profiles, by name; every filter given narrows the list */
    get: operations['CliniciansController_list'];
    put?: never;
    post: operations['CliniciansController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clinicians/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CliniciansController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a clinician profile
     * @description Admins change any field; coordinators any but `userId` (403). A clinician may change only `acceptingNewClients`, `weeklyCapacity` and `modalities`, of their own profile (403 otherwise).
     */
    patch: operations['CliniciansController_update'];
    trace?: never;
  };
  '/v1/admin/leads/{id}/matches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Clinicians ranked for a lead, each with score and reasons */
    get: operations['LeadMatchesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Lead counts and response figures over a range of creation times
     * @description Every figure counts leads created in [from, to), not merged into another lead (default: the last 30 days; at most 366). contactedWithinTargetShare: Contacted within target ÷ leads whose outcome is known. Counted: non-spam leads with a response target (respondBy) that were contacted, or whose target has passed uncontacted. Within target: firstContactedAt ≤ respondBy. Leads still before their target and not yet contacted are left out until they are decided. Null when none is counted.
     */
    get: operations['StatsController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/leads/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Fold this lead (a duplicate) into another
     * @description Every inquiry, intake, note, event and notification moves to `intoLeadId`, which takes the higher urgency, all tags, the latest submission and any assignment it lacks. This lead stays as a pointer (`mergedIntoLeadId`). 404 for a lead you may not see, 422 for the same lead, 409 when either was merged or erased already.
     */
    post: operations['LeadPrivacyController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/captcha': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The CAPTCHA a public form must show, if any
     * @description With a provider, POST /v1/inquiries and /v1/intakes need `captchaToken` from its widget (422 `captchaToken` when missing or refused).
     */
    get: operations['CaptchaController_settings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WebhooksController_list'];
    put?: never;
    /** Subscribe a URL; the answer shows the secret, this once */
    post: operations['WebhooksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WebhooksController_get'];
    put?: never;
    post?: never;
    delete: operations['WebhooksController_remove'];
    options?: never;
    head?: never;
    /** Change the URL, events, active flag or secret */
    patch: operations['WebhooksController_update'];
    trace?: never;
  };
  '/v1/admin/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deliveries of this subscription, newest first, with attempts */
    get: operations['WebhooksController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    LoginDto: {
      /** @example coordinator@practice.example */
      email: string;
      password: string;
      /**
       * @description The six digits of the authenticator app, once enrolled.
       * @example 123456
       */
      totp?: string;
      /**
       * @description Instead of `totp`: one of the recovery codes shown at enrolment. Each works once.
       * @example abcd-efgh-jkmn-pqrs
       */
      recoveryCode?: string;
    };
    MfaVerifyDto: {
      /** @example 123456 */
      code: string;
    };
    ReauthenticateDto: {
      password?: string;
      /**
       * @description The six digits of the authenticator app.
       * @example 123456
       */
      totp?: string;
    };
    SetPasswordDto: {
      /**
       * @description At least 12 characters (at most 256); no composition rules. Common and breached passwords, simple patterns and your own name or email are refused.
       * @example violet kettle under the stairs
       */
      password: string;
    };
    PasswordResetRequestDto: {
      /**
       * Format: email
       * @example jordan@practice.example
       */
      email: string;
    };
    PasswordResetRequestedView: {
      /** @example If an active staff account uses this address, a link to choose a new password is on its way. It works for one hour. */
      message: string;
    };
    ChangePasswordDto: {
      currentPassword: string;
      /**
       * @description At least 12 characters (at most 256); no composition rules. Common and breached passwords, simple patterns and your own name or email are refused.
       * @example violet kettle under the stairs
       */
      newPassword: string;
    };
    SessionView: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastSeenAt: string;
      /** @description The browser, as it named itself. */
      userAgent: string | null;
      /** @description The client address at sign-in. */
      ip: string | null;
      /** @description True for the session this request came with. */
      current: boolean;
    };
    SessionListView: {
      items: components['schemas']['SessionView'][];
    };
    ContactConsentDto: {
      /**
       * @description Must be true: the person agrees to be contacted.
       * @example true
       */
      contact: boolean;
      /**
       * @description Version of the privacy notice shown.
       * @example 2026-01
       */
      privacyNoticeVersion: string;
    };
    CreateInquiryDto: {
      /** @example Alex Rivera */
      name: string;
      /**
       * Format: email
       * @example alex@example.com
       */
      email: string;
      /**
       * @description E.164
       * @example +15035550142
       */
      phone?: string;
      /**
       * @default email
       * @enum {string}
       */
      preferredContact: 'email' | 'phone' | 'text';
      /**
       * @example couples
       * @enum {string}
       */
      serviceType: 'individual' | 'couples' | 'family' | 'other';
      /**
       * @description US state or territory of the client
       * @example OR
       */
      state?: string;
      /** @default  */
      message: string;
      /** @example blog */
      referralSource?: string;
      consent: components['schemas']['ContactConsentDto'];
      /**
       * @description Honeypot: leave empty.
       * @example
       */
      website?: string;
      /**
       * Format: date-time
       * @description When the page rendered the form
       */
      formStartedAt?: string;
      /** @description Required only when a CAPTCHA verifier is configured */
      captchaToken?: string;
    };
    CrisisResourceDto: {
      /** @example 988 Suicide & Crisis Lifeline */
      name: string;
      /** @example Call or text 988 */
      contact: string;
    };
    SubmissionReceiptDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description Short code to quote on the phone
       * @example RI-7KQ2M9XD
       */
      reference: string;
      /** Format: date-time */
      receivedAt: string;
      /** @description Present only when the submission suggests a crisis */
      resources?: components['schemas']['CrisisResourceDto'][];
    };
    QuestionOptionDto: {
      value: string;
      label: string;
    };
    QuestionDto: {
      /** @example anx1 */
      id: string;
      /** @enum {string} */
      type:
        'text' | 'textarea' | 'email' | 'phone' | 'date' | 'single' | 'multi' | 'scale' | 'yesno';
      label: string;
      required: boolean;
      options?: components['schemas']['QuestionOptionDto'][];
      min?: number;
      max?: number;
      minLabel?: string;
      maxLabel?: string;
      /** @description Longest accepted text answer */
      maxLength?: number;
      /** @description Never shown to the other partner */
      private?: boolean;
    };
    FormSectionDto: {
      id: string;
      title: string;
      questions: components['schemas']['QuestionDto'][];
    };
    FormDefinitionDto: {
      /** @example couples */
      slug: string;
      /** @example 1 */
      version: number;
      title: string;
      sections: components['schemas']['FormSectionDto'][];
    };
    IntakeClientDto: {
      /** @example Alex Rivera */
      name: string;
      /**
       * Format: email
       * @example alex@example.com
       */
      email: string;
      /**
       * @description E.164
       * @example +15035550142
       */
      phone?: string;
      /**
       * Format: date
       * @example 1990-04-12
       */
      dateOfBirth?: string;
      /**
       * @description US state or territory of the client
       * @example OR
       */
      state?: string;
      /** @example they/them */
      pronouns?: string;
    };
    IntakeConsentDto: {
      /**
       * @description Must be true: the person agrees to be contacted.
       * @example true
       */
      contact: boolean;
      /**
       * @description Version of the privacy notice shown.
       * @example 2026-01
       */
      privacyNoticeVersion: string;
      /** @example true */
      telehealth?: boolean;
    };
    IntakePartnerDto: {
      /** @example Alex Rivera */
      name: string;
      /**
       * Format: email
       * @example alex@example.com
       */
      email: string;
    };
    CreateIntakeDto: {
      client: components['schemas']['IntakeClientDto'];
      /** @description Answers by question id, checked against the form version */
      answers: {
        [key: string]: unknown;
      };
      consent: components['schemas']['IntakeConsentDto'];
      /** @example couples */
      formSlug: string;
      /** @example 1 */
      formVersion: number;
      /** @example RI-7KQ2M9XD */
      inquiryReference?: string;
      /** @description Couples only, required there */
      partner?: components['schemas']['IntakePartnerDto'];
      /**
       * @description Honeypot: leave empty.
       * @example
       */
      website?: string;
      /**
       * Format: date-time
       * @description When the page rendered the form
       */
      formStartedAt?: string;
      /** @description Required only when a CAPTCHA verifier is configured */
      captchaToken?: string;
    };
    PartnerInvitationSentDto: {
      /** @example s***@example.com */
      sentTo: string;
      /** Format: date-time */
      expiresAt: string;
    };
    IntakeReceiptDto: {
      /** Format: uuid */
      id: string;
      /** @example RI-7KQ2M9XD */
      reference: string;
      /** Format: date-time */
      receivedAt: string;
      partnerInvitation?: components['schemas']['PartnerInvitationSentDto'];
      resources?: components['schemas']['CrisisResourceDto'][];
    };
    PartnerInvitationViewDto: {
      form: components['schemas']['FormDefinitionDto'];
      /**
       * @description First name only
       * @example Alex
       */
      invitedBy: string;
      /** Format: date-time */
      expiresAt: string;
    };
    RespondentSubmissionDto: {
      client: components['schemas']['IntakeClientDto'];
      /** @description Answers by question id, checked against the form version */
      answers: {
        [key: string]: unknown;
      };
      consent: components['schemas']['IntakeConsentDto'];
    };
    PartnerResponseReceiptDto: {
      /** @example RI-7KQ2M9XD */
      reference: string;
      resources?: components['schemas']['CrisisResourceDto'][];
    };
    PersonRefView: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    SignalContactView: {
      name: string;
      email: string;
      phone: string | null;
    };
    SignalView: {
      /** @enum {string} */
      kind: 'crisis' | 'safety';
      /**
       * @description The couple's partner it came from (A submitted the intake, B was invited); null on a lead of one person
       * @enum {string|null}
       */
      partner: 'A' | 'B' | null;
      /**
       * @description `message`: crisis words in free text; `answer`: a survey item
       * @enum {string}
       */
      source: 'message' | 'answer';
      /** @description The contact of the person who said it: never only the lead primary contact */
      contact: components['schemas']['SignalContactView'];
    };
    LeadFlagsView: {
      /** @description A respondent reported fear of, or harm from, the partner */
      safetyConcern: boolean;
      /** @description A message or answer suggested crisis */
      crisis: boolean;
      /** @description Every crisis or safety signal, named by the person it came from; crisis first */
      signals: components['schemas']['SignalView'][];
    };
    ConsentView: {
      contact: boolean;
      privacyNoticeVersion: string;
    };
    InquiryView: {
      /** Format: uuid */
      id: string;
      reference: string;
      /** Format: date-time */
      receivedAt: string;
      name: string;
      email: string;
      phone: string | null;
      /** @enum {string} */
      preferredContact: 'email' | 'phone' | 'text';
      /** @enum {string} */
      serviceType: 'individual' | 'couples' | 'family' | 'other';
      state: string | null;
      /** @description As the person wrote it (decrypted) */
      message: string;
      referralSource: string | null;
      consent: components['schemas']['ConsentView'];
      /** @description Why it was taken for a bot, if it was */
      spamReason: string | null;
      crisisIndicated: boolean;
    };
    FlagsView: {
      /** @description A respondent reported fear of, or harm from, the partner */
      safetyConcern: boolean;
      /** @description A message or answer suggested crisis */
      crisis: boolean;
    };
    RespondentView: {
      /**
       * @description A submitted the intake; B was invited
       * @enum {string}
       */
      partner: 'A' | 'B';
      reference: string;
      /** Format: date-time */
      receivedAt: string;
      name: string;
      email: string;
      phone: string | null;
      state: string | null;
      pronouns: string | null;
      /** Format: date */
      dateOfBirth: string | null;
      /** @description Answers by question id (decrypted) */
      answers: {
        [key: string]: unknown;
      };
      /** @description Scored survey result (docs/survey.md#results); null for forms that are not scored */
      result: {
        [key: string]: unknown;
      } | null;
      flags: components['schemas']['FlagsView'];
      consent: components['schemas']['ConsentView'];
    };
    InvitationView: {
      name: string;
      email: string;
      /** Format: date-time */
      invitedAt: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      usedAt: string | null;
    };
    IntakeView: {
      /** Format: uuid */
      id: string;
      reference: string;
      formSlug: string;
      formVersion: number;
      /** @enum {string} */
      status: 'awaiting_partner' | 'complete';
      /** Format: date-time */
      receivedAt: string;
      /** Format: date-time */
      completedAt: string | null;
      consentTelehealth: boolean | null;
      spamReason: string | null;
      respondents: components['schemas']['RespondentView'][];
      partnerInvitation: components['schemas']['InvitationView'] | null;
      /** @description The couple's result once both partners answered (docs/survey.md#results) */
      coupleResult: {
        [key: string]: unknown;
      } | null;
      flags: components['schemas']['FlagsView'];
    };
    NoteView: {
      /** Format: uuid */
      id: string;
      body: string;
      author: components['schemas']['PersonRefView'];
      /** Format: date-time */
      createdAt: string;
    };
    TimelineEntryView: {
      /** Format: date-time */
      at: string;
      /** @description inquiry_received, intake_received, awaiting_partner, partner_invited, partner_answered, intake_complete, note_added, staff_email, or a lead event: status_changed, urgency_changed, assigned, tags_changed, … */
      kind: string;
      /** @description Staff who did it, if any */
      actor: components['schemas']['PersonRefView'] | null;
      /** @description Ids, references, statuses: never client data */
      details: {
        [key: string]: unknown;
      };
    };
    DuplicateView: {
      /** Format: uuid */
      id: string;
      reference: string | null;
      /** @enum {string} */
      status:
        | 'new'
        | 'in_review'
        | 'contacted'
        | 'consultation_scheduled'
        | 'waitlisted'
        | 'converted'
        | 'referred_out'
        | 'declined'
        | 'closed_no_response'
        | 'spam';
      /** Format: date-time */
      createdAt: string;
      matchedOn: ('email' | 'phone' | 'name_state')[];
    };
    LeadDetailView: {
      /** Format: uuid */
      id: string;
      /** @description The first submission's reference */
      reference: string | null;
      /** @enum {string} */
      status:
        | 'new'
        | 'in_review'
        | 'contacted'
        | 'consultation_scheduled'
        | 'waitlisted'
        | 'converted'
        | 'referred_out'
        | 'declined'
        | 'closed_no_response'
        | 'spam';
      /** @enum {string} */
      urgency: 'routine' | 'high' | 'crisis';
      /** @enum {string} */
      serviceType: 'individual' | 'couples' | 'family' | 'other';
      assignedClinician: components['schemas']['PersonRefView'] | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      statusChangedAt: string;
      /** Format: date-time */
      firstContactedAt: string | null;
      /** Format: uuid */
      mergedIntoLeadId: string | null;
      /**
       * Format: date-time
       * @description Set when personal data was erased
       */
      erasedAt: string | null;
      name: string;
      email: string;
      phone: string | null;
      state: string | null;
      /** @enum {string} */
      preferredContact: 'email' | 'phone' | 'text';
      source: string | null;
      tags: string[];
      /** Format: date-time */
      respondBy: string | null;
      /** @description Still `new` past its response target */
      overdue: boolean;
      /** Format: date-time */
      lastSubmissionAt: string;
      /** @enum {string|null} */
      intakeStatus: 'awaiting_partner' | 'intake_complete' | null;
      flags: components['schemas']['LeadFlagsView'];
      /** @description `screen_partners_individually`: Screen each partner individually before any joint session */
      labels: 'screen_partners_individually'[];
      /** @description A submission could not be vouched for (e.g. the CAPTCHA provider was down): staff were not notified of it as a new lead. Clear with PATCH `needsReview: false`. */
      needsReview: boolean;
      /**
       * @description Why it needs review
       * @enum {string|null}
       */
      reviewReason: 'captcha_unavailable' | null;
      inquiries: components['schemas']['InquiryView'][];
      intakes: components['schemas']['IntakeView'][];
      /** @description Oldest first */
      notes: components['schemas']['NoteView'][];
      /** @description Everything that happened, oldest first */
      timeline: components['schemas']['TimelineEntryView'][];
      /** @description Likely duplicates you may see */
      duplicates: components['schemas']['DuplicateView'][];
    };
    LeadTombstoneView: {
      /** Format: uuid */
      id: string;
      /** @description The first submission's reference */
      reference: string | null;
      /** @enum {string} */
      status:
        | 'new'
        | 'in_review'
        | 'contacted'
        | 'consultation_scheduled'
        | 'waitlisted'
        | 'converted'
        | 'referred_out'
        | 'declined'
        | 'closed_no_response'
        | 'spam';
      /** @enum {string} */
      urgency: 'routine' | 'high' | 'crisis';
      /** @enum {string} */
      serviceType: 'individual' | 'couples' | 'family' | 'other';
      assignedClinician: components['schemas']['PersonRefView'] | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      statusChangedAt: string;
      /** Format: date-time */
      firstContactedAt: string | null;
      /** Format: uuid */
      mergedIntoLeadId: string | null;
      /**
       * Format: date-time
       * @description Set when personal data was erased
       */
      erasedAt: string | null;
    };
    SignalMarkView: {
      /** @enum {string} */
      kind: 'crisis' | 'safety';
      /**
       * @description The couple's partner it came from; null on a lead of one person
       * @enum {string|null}
       */
      partner: 'A' | 'B' | null;
    };
    LeadSummaryView: {
      /** Format: uuid */
      id: string;
      /** @description The first submission's reference */
      reference: string | null;
      /** @enum {string} */
      status:
        | 'new'
        | 'in_review'
        | 'contacted'
        | 'consultation_scheduled'
        | 'waitlisted'
        | 'converted'
        | 'referred_out'
        | 'declined'
        | 'closed_no_response'
        | 'spam';
      /** @enum {string} */
      urgency: 'routine' | 'high' | 'crisis';
      /** @enum {string} */
      serviceType: 'individual' | 'couples' | 'family' | 'other';
      name: string;
      state: string | null;
      /** @description How the lead heard of the practice */
      source: string | null;
      assignedClinician: components['schemas']['PersonRefView'] | null;
      tags: string[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      respondBy: string | null;
      /** @description Still `new` past its response target */
      overdue: boolean;
      /** Format: date-time */
      firstContactedAt: string | null;
      /**
       * @description Of the newest intake; null without one
       * @enum {string|null}
       */
      intakeStatus: 'awaiting_partner' | 'intake_complete' | null;
      /** @description `screen_partners_individually`: Screen each partner individually before any joint session */
      labels: 'screen_partners_individually'[];
      /** @description Crisis and safety signals by partner ("crisis: B"), crisis first */
      signals: components['schemas']['SignalMarkView'][];
      /** @description A submission could not be vouched for (e.g. the CAPTCHA provider was down): staff were not notified of it as a new lead. Clear with PATCH `needsReview: false`. */
      needsReview: boolean;
      /**
       * @description Why it needs review
       * @enum {string|null}
       */
      reviewReason: 'captcha_unavailable' | null;
    };
    LeadPageView: {
      items: components['schemas']['LeadSummaryView'][];
      /** @description Pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    UpdateLeadDto: {
      /**
       * @description A move allowed by the status table (docs/api.md#lead-statuses-and-allowed-moves); any other answers 409.
       * @enum {string}
       */
      status?:
        | 'new'
        | 'in_review'
        | 'contacted'
        | 'consultation_scheduled'
        | 'waitlisted'
        | 'converted'
        | 'referred_out'
        | 'declined'
        | 'closed_no_response'
        | 'spam';
      /** @enum {string} */
      urgency?: 'routine' | 'high' | 'crisis';
      /**
       * Format: uuid
       * @description An active clinician profile, or null to unassign. Clinicians may not change it (403).
       */
      assignedClinicianId?: string | null;
      /**
       * @description The whole set of tags (replaces the current one): trimmed, lower-cased, repeats dropped; each 1 to 40 of a-z 0-9 space _ -, starting with a letter or digit.
       * @example [
       *       "sliding-scale",
       *       "evening only"
       *     ]
       */
      tags?: string[];
      /**
       * @description false: the lead has been looked at and is genuine (or handled): clears `needsReview`. The flag is set only by the service.
       * @enum {boolean}
       */
      needsReview?: false;
    };
    AddNoteDto: {
      /**
       * @description Plain text; line breaks and tabs kept. Notes cannot be edited or deleted.
       * @example Left a voicemail; will try again Thursday morning.
       */
      body: string;
    };
    NotificationRecipientView: {
      /**
       * @description user: a staff member; submitter: the client who wrote; partner: the invited partner; address: the practice’s configured inbox
       * @enum {string}
       */
      kind: 'user' | 'submitter' | 'address' | 'partner';
      /**
       * Format: uuid
       * @description The staff user, when kind is user.
       */
      userId?: string;
    };
    NotificationView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind:
        | 'staff_new_lead'
        | 'crisis_alert'
        | 'client_acknowledgement'
        | 'partner_invitation'
        | 'overdue_reminder'
        | 'overdue_escalation'
        | 'staff_invitation'
        | 'password_reset';
      /** @enum {string} */
      status: 'pending' | 'sent' | 'failed' | 'held' | 'withheld';
      /** @description Sending attempts so far. */
      attempts: number;
      /** @description What went wrong last, in words that hold no address or content. */
      lastError: string | null;
      /** Format: uuid */
      leadId: string | null;
      recipient: components['schemas']['NotificationRecipientView'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastAttemptAt: string | null;
      /** Format: date-time */
      sentAt: string | null;
      /**
       * Format: date-time
       * @description When the next attempt is due; only on a pending notification waiting for it.
       */
      nextAttemptAt?: string;
    };
    NotificationPage: {
      items: components['schemas']['NotificationView'][];
      /** @description Pass as `cursor` for the next page. */
      nextCursor: string | null;
    };
    NotificationRetryView: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'pending';
    };
    UserView: {
      /** Format: uuid */
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'coordinator' | 'clinician';
      active: boolean;
      /** @description False until the invitation is accepted (or a reset completed). */
      passwordSet: boolean;
      mfaEnabled: boolean;
      /** Format: date-time */
      lastLoginAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    UserListView: {
      items: components['schemas']['UserView'][];
    };
    CreateUserDto: {
      /**
       * Format: email
       * @description Stored lower-cased; one account per address.
       * @example jordan@practice.example
       */
      email: string;
      /** @example Jordan Lee */
      name: string;
      /**
       * @example coordinator
       * @enum {string}
       */
      role: 'admin' | 'coordinator' | 'clinician';
    };
    UpdateUserDto: {
      /** @example Jordan Lee */
      name?: string;
      /**
       * @example coordinator
       * @enum {string}
       */
      role?: 'admin' | 'coordinator' | 'clinician';
      /** @description `false` deactivates: no sign-in, no email. */
      active?: boolean;
    };
    InvitationSentView: {
      /**
       * Format: date-time
       * @description When the new link stops working.
       */
      expiresAt: string;
    };
    ResponseTargetsView: {
      /** @example 15 */
      crisisMinutes: number;
      /** @example 240 */
      highMinutes: number;
      /** @example 1 */
      routineBusinessDays: number;
    };
    SettingDefaultsView: {
      responseTargets: components['schemas']['ResponseTargetsView'];
      /** @example 3 */
      spamMinSeconds: number;
    };
    SettingsView: {
      responseTargets: components['schemas']['ResponseTargetsView'];
      /** @example 3 */
      spamMinSeconds: number;
      /**
       * @description Origins allowed to call the public API from a browser (CORS_ORIGINS).
       * @example [
       *       "https://www.practice.example"
       *     ]
       */
      readonly corsOrigins: string[];
      /** @description The environment’s values, in force for every setting not changed here. */
      defaults: components['schemas']['SettingDefaultsView'];
      /**
       * Format: date-time
       * @description When a setting was last changed through the API; null if never.
       */
      updatedAt: string | null;
    };
    ResponseTargetsChangeDto: {
      /**
       * @description Minutes a crisis lead may wait in `new`. `null` returns it to the default from the environment.
       * @example 15
       */
      crisisMinutes?: number | null;
      /**
       * @description Minutes a high-urgency lead may wait in `new`. `null` returns it to the default from the environment.
       * @example 240
       */
      highMinutes?: number | null;
      /**
       * @description Business days (Monday to Friday in PRACTICE_TIME_ZONE) a routine lead may wait in `new`. `null` returns it to the default from the environment.
       * @example 1
       */
      routineBusinessDays?: number | null;
    };
    UpdateSettingsDto: {
      responseTargets?: components['schemas']['ResponseTargetsChangeDto'];
      /**
       * @description A public form sent sooner than this after `formStartedAt` is stored as spam; 0 turns the check off. `null` returns it to the default from the environment.
       * @example 3
       */
      spamMinSeconds?: number | null;
      /** @description Read-only: set by CORS_ORIGINS. Sending it answers 422. */
      readonly corsOrigins?: Record<string, never>;
    };
    ClinicianView: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The linked staff account (role clinician), if any.
       */
      userId: string | null;
      name: string;
      /** Format: email */
      email: string;
      /**
       * @example [
       *       "eft",
       *       "gottman"
       *     ]
       */
      modalities: string[];
      serviceTypes: ('individual' | 'couples' | 'family' | 'other')[];
      /**
       * @example [
       *       "OR",
       *       "WA"
       *     ]
       */
      licensedStates: string[];
      acceptingNewClients: boolean;
      weeklyCapacity: number;
      active: boolean;
      /** @description Leads assigned to this clinician in an open status (new, in_review, contacted, consultation_scheduled, waitlisted), not merged into another lead. */
      openLeads: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ClinicianListView: {
      items: components['schemas']['ClinicianView'][];
    };
    CreateClinicianDto: {
      /** @example Dana Whitfield, LMFT */
      name: string;
      /**
       * Format: email
       * @example dana@practice.example
       */
      email: string;
      /**
       * @description Therapy methods the clinician is trained in, lower case.
       * @example [
       *       "eft",
       *       "gottman"
       *     ]
       */
      modalities: string[];
      /**
       * @example [
       *       "couples"
       *     ]
       */
      serviceTypes: ('individual' | 'couples' | 'family' | 'other')[];
      /**
       * @description USPS codes of the states the clinician is licensed in.
       * @example [
       *       "OR",
       *       "WA"
       *     ]
       */
      licensedStates: string[];
      /** @description Open to new clients: a hard constraint of matching. */
      acceptingNewClients: boolean;
      /**
       * @description New clients the clinician can take on per week.
       * @example 4
       */
      weeklyCapacity: number;
      /** @description Inactive clinicians are not matched. */
      active: boolean;
      /**
       * Format: uuid
       * @description The staff account (role clinician) that signs in as this clinician: leads assigned here are theirs to see. One profile per account; null unlinks.
       */
      userId?: string | null;
    };
    UpdateClinicianDto: {
      /** @example Dana Whitfield, LMFT */
      name?: string;
      /**
       * Format: email
       * @example dana@practice.example
       */
      email?: string;
      /**
       * @description Therapy methods the clinician is trained in, lower case.
       * @example [
       *       "eft",
       *       "gottman"
       *     ]
       */
      modalities?: string[];
      /**
       * @example [
       *       "couples"
       *     ]
       */
      serviceTypes?: ('individual' | 'couples' | 'family' | 'other')[];
      /**
       * @description USPS codes of the states the clinician is licensed in.
       * @example [
       *       "OR",
       *       "WA"
       *     ]
       */
      licensedStates?: string[];
      /** @description Open to new clients: a hard constraint of matching. */
      acceptingNewClients?: boolean;
      /**
       * @description New clients the clinician can take on per week.
       * @example 4
       */
      weeklyCapacity?: number;
      /** @description Inactive clinicians are not matched. */
      active?: boolean;
      /**
       * Format: uuid
       * @description The staff account (role clinician) that signs in as this clinician: leads assigned here are theirs to see. One profile per account; null unlinks.
       */
      userId?: string | null;
    };
    MatchView: {
      /** Format: uuid */
      clinicianId: string;
      name: string;
      /** @description Passes every hard constraint: licensed in the client’s state (when known), accepting new clients, offers the service type. */
      eligible: boolean;
      /** @description Soft fit, 0..100: modality fit and spare weekly capacity, weighted by urgency; 0 when not eligible. */
      score: number;
      /**
       * @description Why, in plain words: the failed constraints, or each part of the score.
       * @example [
       *       "Trained in EFT, suited to a pursue–withdraw cycle",
       *       "1 open lead of a weekly capacity of 4",
       *       "Routine urgency: spare capacity counts for 40 of 100 points, modality for 60"
       *     ]
       */
      reasons: string[];
    };
    MatchListView: {
      /** @description Every active clinician: eligible first, then by score. */
      items: components['schemas']['MatchView'][];
    };
    SourceCount: {
      /** @description referralSource of the first submission; "unknown" when none. */
      source: string;
      count: number;
    };
    StatsView: {
      /**
       * Format: date-time
       * @description Start of the range (inclusive).
       */
      from: string;
      /**
       * Format: date-time
       * @description End of the range (exclusive).
       */
      to: string;
      /** @description How many leads created in [from, to), not merged into another lead. */
      total: number;
      /** @description Every status, 0 when none. */
      byStatus?: {
        new: number;
        in_review: number;
        contacted: number;
        consultation_scheduled: number;
        waitlisted: number;
        converted: number;
        referred_out: number;
        declined: number;
        closed_no_response: number;
        spam: number;
      };
      /** @description Most frequent first. */
      bySource: components['schemas']['SourceCount'][];
      /** @description Every service type, 0 when none. */
      byServiceType?: {
        individual: number;
        couples: number;
        family: number;
        other: number;
      };
      /** @description Every urgency, 0 when none. */
      byUrgency?: {
        routine: number;
        high: number;
        crisis: number;
      };
      /** @description Median of (firstContactedAt − createdAt) in minutes over the leads of the range that have been contacted (percentile_cont 0.5); null when none has. */
      medianTimeToFirstContactMinutes: number | null;
      /** @description Contacted within target ÷ leads whose outcome is known. Counted: non-spam leads with a response target (respondBy) that were contacted, or whose target has passed uncontacted. Within target: firstContactedAt ≤ respondBy. Leads still before their target and not yet contacted are left out until they are decided. Null when none is counted. */
      contactedWithinTargetShare: number | null;
      /** @description Leads in status converted ÷ leads not in status spam; null when there are none. */
      conversionRate: number | null;
      /** @description Leads of the range still in status new whose respondBy has passed. */
      overdueNow: number;
    };
    MergeLeadDto: {
      /**
       * Format: uuid
       * @description The lead that survives; the lead in the path is folded into it.
       */
      intoLeadId: string;
    };
    MovedRowsDto: {
      /** @example 1 */
      inquiries: number;
      /** @example 1 */
      intakes: number;
      /** @example 1 */
      partnerInvitations: number;
      /** @example 1 */
      partnerResponses: number;
      /**
       * @description Submission references, now finding the survivor.
       * @example 3
       */
      references: number;
      /** @example 2 */
      notes: number;
      /**
       * @description Timeline events.
       * @example 4
       */
      events: number;
      /** @example 3 */
      notifications: number;
    };
    MergeResultDto: {
      /**
       * Format: uuid
       * @description The surviving lead.
       */
      leadId: string;
      /**
       * Format: uuid
       * @description The folded lead; it stays as a pointer with `mergedIntoLeadId`.
       */
      mergedLeadId: string;
      /** @description Rows moved from the folded lead, by kind. */
      moved: components['schemas']['MovedRowsDto'];
    };
    EraseLeadDto: {
      /**
       * @description Why the data is erased, kept in the audit trail. Name no client: it outlives the erasure.
       * @example Erasure requested by the client by phone on 2026-11-24 (ticket 4411).
       */
      reason: string;
    };
    ErasedRowsDto: {
      /** @example 1 */
      inquiries: number;
      /** @example 1 */
      intakes: number;
      /** @example 1 */
      partnerInvitations: number;
      /** @example 1 */
      partnerResponses: number;
      /** @example 2 */
      notes: number;
      /**
       * @description Emails not yet sent, cancelled.
       * @example 1
       */
      notificationsCancelled: number;
      /**
       * @description Stored answers to repeatable submissions, deleted.
       * @example 0
       */
      idempotencyRecords: number;
    };
    ErasureResultDto: {
      /** Format: uuid */
      leadId: string;
      /** Format: date-time */
      erasedAt: string;
      /** @description Leads that had been merged into this one (the same person), erased with it. */
      mergedLeadIds: string[];
      /** @description Rows emptied or cancelled, by kind. */
      erased: components['schemas']['ErasedRowsDto'];
    };
    CaptchaSettingsView: {
      /**
       * @description `none`: no widget, and no `captchaToken` is needed
       * @enum {string}
       */
      provider: 'none' | 'turnstile' | 'hcaptcha';
      /** @description The provider's public site key for the widget; null without a provider */
      siteKey: string | null;
      /** @description Where a page loads the provider's widget script (explicit rendering); null without a provider */
      scriptUrl: string | null;
    };
    WebhookView: {
      /** Format: uuid */
      id: string;
      /** @example https://hooks.practice.example/relational-intake */
      url: string;
      events: ('lead.created' | 'intake.completed' | 'lead.status_changed')[];
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    WebhookListView: {
      items: components['schemas']['WebhookView'][];
    };
    CreateWebhookDto: {
      /**
       * @description An http(s) URL without credentials. Loopback, private, link-local, shared (CGNAT), multicast and internal host names are refused unless WEBHOOK_ALLOW_PRIVATE_URLS is set; https only in production. Checked again, host name resolved, at every delivery.
       * @example https://hooks.practice.example/relational-intake
       */
      url: string;
      /**
       * @example [
       *       "lead.created"
       *     ]
       */
      events: ('lead.created' | 'intake.completed' | 'lead.status_changed')[];
      /** @description The HMAC key receivers verify signatures with: 32 to 200 visible ASCII characters. Generated when left out; either way shown once, in the answer to this request. */
      secret?: string;
    };
    CreatedWebhookView: {
      /** Format: uuid */
      id: string;
      /** @example https://hooks.practice.example/relational-intake */
      url: string;
      events: ('lead.created' | 'intake.completed' | 'lead.status_changed')[];
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description The HMAC key for Webhook-Signature. Shown only now: store it with the receiver. */
      secret: string;
    };
    UpdateWebhookDto: {
      /** @description An http(s) URL without credentials. Loopback, private, link-local, shared (CGNAT), multicast and internal host names are refused unless WEBHOOK_ALLOW_PRIVATE_URLS is set; https only in production. Checked again, host name resolved, at every delivery. */
      url?: string;
      events?: ('lead.created' | 'intake.completed' | 'lead.status_changed')[];
      /** @description false pauses deliveries; pending ones then fail. */
      active?: boolean;
      /** @description A new HMAC key (rotation); not shown back. */
      secret?: string;
    };
    WebhookDeliveryView: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The event id (the Webhook-Id header).
       */
      eventId: string;
      /** @enum {string} */
      eventType: 'lead.created' | 'intake.completed' | 'lead.status_changed';
      /** Format: uuid */
      leadId: string | null;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed';
      /** @description POSTs made so far. */
      attempts: number;
      /** @description HTTP status of the last answer. */
      lastStatusCode: number | null;
      /** @description What went wrong last, if anything. */
      lastError: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastAttemptAt: string | null;
      /** Format: date-time */
      deliveredAt: string | null;
      /**
       * Format: date-time
       * @description When the next attempt is due; only on a pending delivery waiting for it.
       */
      nextAttemptAt?: string;
    };
    WebhookDeliveryPage: {
      items: components['schemas']['WebhookDeliveryView'][];
      /** @description Pass as `cursor` for the next page. */
      nextCursor: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  MetricsController_scrape: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every series of this process, in Prometheus text format */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No token configured in production, or a wrong token */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description problem+json `/problems/unavailable` with `Retry-After` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        /** @description Who: a staff user id. */
        actorUserId?: string;
        /** @description An action, or a prefix ending in `.` (e.g. `auth.`). */
        action?: string;
        leadId?: string;
        from?: string;
        to?: string;
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description Rate limit (auth): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
          };
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_csrf: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Send it as X-CSRF-Token with cookie-authenticated writes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_mfaSetup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_mfaVerify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaVerifyDto'];
      };
    };
    responses: {
      /** @description Enrolled. The session is replaced (new token and cookie; the old token is dead), every other session has ended, and the ten recovery codes are shown this once. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_regenerateRecoveryCodes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaVerifyDto'];
      };
    };
    responses: {
      /** @description Ten new recovery codes, shown this once; the previous ones no longer work. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit (auth): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
          };
        };
      };
    };
  };
  AuthController_reauthenticate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReauthenticateDto'];
      };
    };
    responses: {
      /** @description `{ "freshUntil" }`: when the proof stops counting. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit (auth): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
          };
        };
      };
    };
  };
  CredentialsController_acceptInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetPasswordDto'];
      };
    };
    responses: {
      /** @description The password is set; sign in with it. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such invitation. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The invitation expired, was used or was replaced. */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The password policy refused the password. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit (auth): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
          };
        };
      };
    };
  };
  CredentialsController_requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordResetRequestDto'];
      };
    };
    responses: {
      /** @description The same answer whether or not an account uses the address. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasswordResetRequestedView'];
        };
      };
      /** @description Rate limit (password-reset): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
          };
        };
      };
    };
  };
  CredentialsController_completePasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetPasswordDto'];
      };
    };
    responses: {
      /** @description The password is set and every session has ended. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such reset link. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The link expired, was used or was replaced. */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The password policy refused the password. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit (auth): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
          };
        };
      };
    };
  };
  CredentialsController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      /** @description Changed; every other session of the account has ended, this one goes on. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `currentPassword` is wrong, or the policy refused `newPassword`. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit (auth): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
          };
        };
      };
    };
  };
  SessionsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Live sessions, newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionListView'];
        };
      };
    };
  };
  SessionsController_end: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ended; ending the current one signs this device out. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No live session of yours has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  InquiriesController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Repeat with the same key and body within 24 h: same answer, nothing new. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInquiryDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmissionReceiptDto'];
        };
      };
      /** @description Rate limit (submission): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
            /**
             * @description Extension member: where to get help now. Always present on a public form’s 429, so nobody in crisis is turned away without it.
             * @example [
             *       {
             *         "name": "988 Suicide & Crisis Lifeline",
             *         "contact": "Call or text 988"
             *       },
             *       {
             *         "name": "Emergency services",
             *         "contact": "Call 911"
             *       }
             *     ]
             */
            resources?: {
              name?: string;
              contact?: string;
            }[];
          };
        };
      };
    };
  };
  IntakeFormsController_latest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormDefinitionDto'];
        };
      };
      /** @description Rate limit (read): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
            /**
             * @description Extension member: where to get help now. Always present on a public form’s 429, so nobody in crisis is turned away without it.
             * @example [
             *       {
             *         "name": "988 Suicide & Crisis Lifeline",
             *         "contact": "Call or text 988"
             *       },
             *       {
             *         "name": "Emergency services",
             *         "contact": "Call 911"
             *       }
             *     ]
             */
            resources?: {
              name?: string;
              contact?: string;
            }[];
          };
        };
      };
    };
  };
  IntakeFormsController_version: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormDefinitionDto'];
        };
      };
      /** @description Rate limit (read): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
            /**
             * @description Extension member: where to get help now. Always present on a public form’s 429, so nobody in crisis is turned away without it.
             * @example [
             *       {
             *         "name": "988 Suicide & Crisis Lifeline",
             *         "contact": "Call or text 988"
             *       },
             *       {
             *         "name": "Emergency services",
             *         "contact": "Call 911"
             *       }
             *     ]
             */
            resources?: {
              name?: string;
              contact?: string;
            }[];
          };
        };
      };
    };
  };
  IntakesController_create: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateIntakeDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntakeReceiptDto'];
        };
      };
      /** @description Rate limit (submission): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
            /**
             * @description Extension member: where to get help now. Always present on a public form’s 429, so nobody in crisis is turned away without it.
             * @example [
             *       {
             *         "name": "988 Suicide & Crisis Lifeline",
             *         "contact": "Call or text 988"
             *       },
             *       {
             *         "name": "Emergency services",
             *         "contact": "Call 911"
             *       }
             *     ]
             */
            resources?: {
              name?: string;
              contact?: string;
            }[];
          };
        };
      };
    };
  };
  IntakesController_show: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartnerInvitationViewDto'];
        };
      };
      /** @description Rate limit (read): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
            /**
             * @description Extension member: where to get help now. Always present on a public form’s 429, so nobody in crisis is turned away without it.
             * @example [
             *       {
             *         "name": "988 Suicide & Crisis Lifeline",
             *         "contact": "Call or text 988"
             *       },
             *       {
             *         "name": "Emergency services",
             *         "contact": "Call 911"
             *       }
             *     ]
             */
            resources?: {
              name?: string;
              contact?: string;
            }[];
          };
        };
      };
    };
  };
  IntakesController_respond: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and body gets the same receipt, not a 410. */
        'Idempotency-Key'?: string;
      };
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RespondentSubmissionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartnerResponseReceiptDto'];
        };
      };
      /** @description Rate limit (submission): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
            /**
             * @description Extension member: where to get help now. Always present on a public form’s 429, so nobody in crisis is turned away without it.
             * @example [
             *       {
             *         "name": "988 Suicide & Crisis Lifeline",
             *         "contact": "Call or text 988"
             *       },
             *       {
             *         "name": "Emergency services",
             *         "contact": "Call 911"
             *       }
             *     ]
             */
            resources?: {
              name?: string;
              contact?: string;
            }[];
          };
        };
      };
    };
  };
  LeadsAdminController_list: {
    parameters: {
      query?: {
        /** @description One or several statuses, comma-separated (any of them): new, in_review, contacted, consultation_scheduled, waitlisted, converted, referred_out, declined, closed_no_response, spam. */
        status?: string;
        /** @description One or several urgencies, comma-separated: routine, high, crisis. */
        urgency?: string;
        /** @description One or several service types, comma-separated: individual, couples, family, other. */
        serviceType?: string;
        /** @description A clinician id; `me` for the caller's own clinician profile (none: an empty list); `none` for unassigned leads. */
        assignedTo?: string;
        /** @description One or several tags, comma-separated: leads carrying all of them. */
        tag?: string;
        /** @description Search: a reference (`RI-7KQ2M9XD`, of any submission of the lead) exactly; otherwise part of the name or email (any case) or digits of the phone. */
        q?: string;
        /** @description Created at or after this time (with its zone, e.g. `2026-11-01T00:00:00Z`). */
        createdFrom?: string;
        /** @description Created before this time (with its zone). */
        createdTo?: string;
        /** @description true: only leads past their response target (still `new`); false: the others. */
        overdue?: boolean;
        /** @description true: only leads waiting for review (a submission the CAPTCHA could not vouch for); false: the others. */
        needsReview?: boolean;
        /** @description `urgency`: crisis, then high, then routine; newest first within each. */
        sort?: 'createdAt' | '-createdAt' | 'urgency';
        limit?: number;
        /** @description `nextCursor` of the previous page, with the same sort. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadPageView'];
        };
      };
    };
  };
  LeadsAdminController_export: {
    parameters: {
      query?: {
        /** @description One or several statuses, comma-separated (any of them): new, in_review, contacted, consultation_scheduled, waitlisted, converted, referred_out, declined, closed_no_response, spam. */
        status?: string;
        /** @description One or several urgencies, comma-separated: routine, high, crisis. */
        urgency?: string;
        /** @description One or several service types, comma-separated: individual, couples, family, other. */
        serviceType?: string;
        /** @description A clinician id; `me` for the caller's own clinician profile (none: an empty list); `none` for unassigned leads. */
        assignedTo?: string;
        /** @description One or several tags, comma-separated: leads carrying all of them. */
        tag?: string;
        /** @description Search: a reference (`RI-7KQ2M9XD`, of any submission of the lead) exactly; otherwise part of the name or email (any case) or digits of the phone. */
        q?: string;
        /** @description Created at or after this time (with its zone, e.g. `2026-11-01T00:00:00Z`). */
        createdFrom?: string;
        /** @description Created before this time (with its zone). */
        createdTo?: string;
        /** @description true: only leads past their response target (still `new`); false: the others. */
        overdue?: boolean;
        /** @description true: only leads waiting for review (a submission the CAPTCHA could not vouch for); false: the others. */
        needsReview?: boolean;
        /** @description `urgency`: crisis, then high, then routine; newest first within each. */
        sort?: 'createdAt' | '-createdAt' | 'urgency';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description UTF-8 with a byte order mark, CR LF line ends; cells that would start a formula begin with a quote. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `/problems/reauthentication-required` when the session last proved the password or a code more than 10 minutes ago. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LeadsAdminController_read: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lead (`ETag` header: its version). An erased lead answers its tombstone: `erasedAt` set, no personal data. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['LeadDetailView'] | components['schemas']['LeadTombstoneView'];
        };
      };
    };
  };
  LeadPrivacyController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EraseLeadDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureResultDto'];
        };
      };
      /** @description `/problems/reauthentication-required` when the session last proved the password or a code more than 10 minutes ago. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LeadsAdminController_update: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of your last read */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateLeadDto'];
      };
    };
    responses: {
      /** @description The lead (`ETag` header: its version). An erased lead answers its tombstone: `erasedAt` set, no personal data. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['LeadDetailView'] | components['schemas']['LeadTombstoneView'];
        };
      };
    };
  };
  LeadsAdminController_addNote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddNoteDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NoteView'];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
        status?: 'pending' | 'sent' | 'failed' | 'held' | 'withheld';
        kind?:
          | 'staff_new_lead'
          | 'crisis_alert'
          | 'client_acknowledgement'
          | 'partner_invitation'
          | 'overdue_reminder'
          | 'overdue_escalation'
          | 'staff_invitation'
          | 'password_reset';
        leadId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPage'];
        };
      };
    };
  };
  NotificationsController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationRetryView'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        role?: 'admin' | 'coordinator' | 'clinician';
        /** @description `true` or `false` */
        active?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sorted by name. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserListView'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      /** @description The account exists without a password; an invitation link (72 h) is emailed. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
      /** @description An account uses this email address (in any case). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
      /** @description `/problems/reauthentication-required` when the session last proved the password or a code more than 10 minutes ago. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The last active admin would lose that role. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_resetMfa: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Two-factor sign-in and the recovery codes are cleared and every session of the account has ended; the next sign-in enrols again. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_resendInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A new invitation is emailed. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationSentView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The user has a password already, or is deactivated. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SettingsController_view: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettingsView'];
        };
      };
    };
  };
  SettingsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettingsView'];
        };
      };
    };
  };
  CliniciansController_list: {
    parameters: {
      query?: {
        active?: boolean;
        acceptingNewClients?: boolean;
        /** @description Offers this service type. */
        serviceType?: 'individual' | 'couples' | 'family' | 'other';
        /** @description Licensed in this state (USPS code). */
        state?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClinicianListView'];
        };
      };
    };
  };
  CliniciansController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateClinicianDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClinicianView'];
        };
      };
      /** @description A coordinator sent `userId` (linking is admin-only). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CliniciansController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClinicianView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CliniciansController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateClinicianDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClinicianView'];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LeadMatchesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MatchListView'];
        };
      };
      /** @description Unknown lead, or one a clinician may not see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StatsController_report: {
    parameters: {
      query?: {
        /** @description Start of the range (inclusive), on creation time; default 30 days before `to`. */
        from?: string;
        /** @description End of the range (exclusive); default now. At most 366 days after `from`. */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatsView'];
        };
      };
    };
  };
  LeadPrivacyController_merge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The duplicate, folded into the other. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeLeadDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeResultDto'];
        };
      };
    };
  };
  CaptchaController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaptchaSettingsView'];
        };
      };
      /** @description Rate limit (read): wait the seconds in `Retry-After`. */
      429: {
        headers: {
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example /problems/rate-limited */
            type: string;
            /** @example Too many requests */
            title: string;
            /** @example 429 */
            status: number;
            detail?: string;
            /**
             * @description Extension member: where to get help now. Always present on a public form’s 429, so nobody in crisis is turned away without it.
             * @example [
             *       {
             *         "name": "988 Suicide & Crisis Lifeline",
             *         "contact": "Call or text 988"
             *       },
             *       {
             *         "name": "Emergency services",
             *         "contact": "Call 911"
             *       }
             *     ]
             */
            resources?: {
              name?: string;
              contact?: string;
            }[];
          };
        };
      };
    };
  };
  WebhooksController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookListView'];
        };
      };
    };
  };
  WebhooksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedWebhookView'];
        };
      };
      /** @description `/problems/reauthentication-required` when the session last proved the password or a code more than 10 minutes ago. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookView'];
        };
      };
    };
  };
  WebhooksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted, with its delivery history. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WebhooksController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookView'];
        };
      };
      /** @description `/problems/reauthentication-required` when the session last proved the password or a code more than 10 minutes ago. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WebhooksController_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
        status?: 'pending' | 'delivered' | 'failed';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryPage'];
        };
      };
    };
  };
}
