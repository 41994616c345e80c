/**
 * Every encrypted column, for key rotation. A column listed here holds DataCipher
 * values sealed with `purpose`; `legacyPlaintext` names an older plaintext column whose
 * values rotation seals into it (and then empties).
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  purpose: string;
  legacyPlaintext?: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    table: 'inquiry',
    column: 'message_encrypted',
    purpose: 'inquiry.message',
    legacyPlaintext: 'message',
  },
  { table: 'intake', column: 'answers_encrypted', purpose: 'intake.answers' },
  { table: 'intake', column: 'result_encrypted', purpose: 'intake.result' },
  { table: 'intake', column: 'couple_result_encrypted', purpose: 'intake.couple-result' },
  { table: 'intake', column: 'date_of_birth_encrypted', purpose: 'intake.date-of-birth' },
  { table: 'partner_response', column: 'answers_encrypted', purpose: 'intake.answers' },
  { table: 'partner_response', column: 'result_encrypted', purpose: 'intake.result' },
  { table: 'partner_response', column: 'date_of_birth_encrypted', purpose: 'intake.date-of-birth' },
  { table: 'webhook_subscription', column: 'secret_encrypted', purpose: 'webhook.secret' },
  { table: 'staff_user', column: 'mfa_secret_encrypted', purpose: 'staff-user.mfa-secret' },
  { table: 'triage_note', column: 'body_encrypted', purpose: 'triage-note.body' },
];
