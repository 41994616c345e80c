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
];
