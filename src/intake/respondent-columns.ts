import type { IntakeClientDto } from './dto/create-intake.dto.js';

/**
 * The columns a respondent's own details fill, in the intake row (the first partner, or a
 * single client) and in a partner's response row alike: contact in clear, the date of
 * birth sealed to the row by the caller (each row kind has its own sealed-column purpose).
 */
export function respondentColumns(
  client: IntakeClientDto,
  sealDateOfBirth: (date: string) => string,
) {
  return {
    name: client.name,
    email: client.email,
    phone: client.phone ?? null,
    state: client.state ?? null,
    pronouns: client.pronouns ?? null,
    dateOfBirthEncrypted: client.dateOfBirth ? sealDateOfBirth(client.dateOfBirth) : null,
  };
}
