import type { DataCipher, SealedColumn } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import type { Answers } from '../intake/answer-validation.js';
import type { FormDefinition } from '../intake/form-definition.js';
import { screenRespondent } from '../intake/intakes.service.js';
import type { RespondentResult } from '../survey/scoring.js';

/** Where one respondent's sealed answers, result and date of birth are stored. */
export interface RespondentColumns {
  answers: SealedColumn;
  result: SealedColumn;
  dateOfBirth: SealedColumn;
}
/** Partner A (or the one person of an individual intake): the intake row. */
export const INTAKE_RESPONDENT: RespondentColumns = {
  answers: SEALED_COLUMNS.intakeAnswers,
  result: SEALED_COLUMNS.intakeResult,
  dateOfBirth: SEALED_COLUMNS.intakeDateOfBirth,
};
/** Partner B: the partner_response row. */
export const PARTNER_RESPONDENT: RespondentColumns = {
  answers: SEALED_COLUMNS.partnerAnswers,
  result: SEALED_COLUMNS.partnerResult,
  dateOfBirth: SEALED_COLUMNS.partnerDateOfBirth,
};

/** What a respondent's sealed answers raise, by the same rules as on submission. */
export interface RespondentScreening {
  answers: Answers;
  result: RespondentResult | null;
  safetyConcern: boolean;
  crisis: boolean;
  /** `crisis_now` answered yes. */
  crisisAnswer: boolean;
  /** Crisis words in the respondent's free text. */
  crisisText: boolean;
}

/**
 * Opens one respondent's answers and stored result and screens them (docs/survey.md#urgency: crisis
 * phrases, crisis_now, safety items). A stored result is believed over a fresh score.
 */
export function screenSealedRespondent(
  cipher: DataCipher,
  form: FormDefinition,
  columns: RespondentColumns,
  rowId: string,
  answersSealed: string | null,
  resultSealed: string | null,
): RespondentScreening {
  // Null only after an erasure, whose leads are never opened or listed; empty, not a crash.
  const answers = answersSealed
    ? cipher.decryptJson<Answers>(answersSealed, columns.answers, rowId)
    : {};
  const result = resultSealed
    ? cipher.decryptJson<RespondentResult>(resultSealed, columns.result, rowId)
    : null;
  const screening = screenRespondent(form, answers);
  return {
    answers,
    result,
    safetyConcern: (result ?? screening.result)?.safetyConcern ?? false,
    crisis: screening.crisis,
    crisisAnswer: screening.crisisAnswer,
    crisisText: screening.crisisText,
  };
}
