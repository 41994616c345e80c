/** A column holding sealed values; `purpose` is what its v1 values were bound to. */
export interface SealedColumn {
  readonly table: string;
  readonly column: string;
  readonly purpose: string;
}

/**
 * Every encrypted column. A column listed here holds DataCipher values bound to its
 * table, column and row id (`purpose`: what its older v1 values were bound to instead);
 * `legacyPlaintext` names an older plaintext column whose values rotation seals into it
 * (and then empties). Every table here has a text-comparable `id` primary key.
 */
export interface EncryptedColumn extends SealedColumn {
  readonly legacyPlaintext?: string;
}

export const SEALED_COLUMNS = {
  inquiryMessage: {
    table: 'inquiry',
    column: 'message_encrypted',
    purpose: 'inquiry.message',
    legacyPlaintext: 'message',
  },
  intakeAnswers: { table: 'intake', column: 'answers_encrypted', purpose: 'intake.answers' },
  intakeResult: { table: 'intake', column: 'result_encrypted', purpose: 'intake.result' },
  intakeCoupleResult: {
    table: 'intake',
    column: 'couple_result_encrypted',
    purpose: 'intake.couple-result',
  },
  intakeDateOfBirth: {
    table: 'intake',
    column: 'date_of_birth_encrypted',
    purpose: 'intake.date-of-birth',
  },
  partnerAnswers: {
    table: 'partner_response',
    column: 'answers_encrypted',
    purpose: 'intake.answers',
  },
  partnerResult: {
    table: 'partner_response',
    column: 'result_encrypted',
    purpose: 'intake.result',
  },
  partnerDateOfBirth: {
    table: 'partner_response',
    column: 'date_of_birth_encrypted',
    purpose: 'intake.date-of-birth',
  },
  webhookSecret: {
    table: 'webhook_subscription',
    column: 'secret_encrypted',
    purpose: 'webhook.secret',
  },
  staffMfaSecret: {
    table: 'staff_user',
    column: 'mfa_secret_encrypted',
    purpose: 'staff-user.mfa-secret',
  },
  noteBody: { table: 'triage_note', column: 'body_encrypted', purpose: 'triage-note.body' },
  contactAttemptNote: {
    table: 'contact_attempt',
    column: 'note_encrypted',
    purpose: 'contact-attempt.note',
  },
} as const satisfies Record<string, EncryptedColumn>;

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = Object.values(SEALED_COLUMNS);
