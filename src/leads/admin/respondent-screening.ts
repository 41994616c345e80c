import type { DataCipher } from '../../common/encryption/data-cipher.js';
import type { Answers } from '../../intake/answer-validation.js';
import type { FormDefinition } from '../../intake/form-definition.js';
import { SEALED, screenRespondent } from '../../intake/intakes.service.js';
import type { RespondentResult } from '../../survey/scoring.js';

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
 * Opens one respondent's answers and stored result and screens them (SURVEY.md: crisis
 * phrases, crisis_now, safety items). A stored result is believed over a fresh score.
 */
export function screenSealedRespondent(
  cipher: DataCipher,
  form: FormDefinition,
  answersSealed: string | null,
  resultSealed: string | null,
): RespondentScreening {
  // Null only after an erasure, whose leads are never opened or listed; empty, not a crash.
  const answers = answersSealed ? cipher.decryptJson<Answers>(answersSealed, SEALED.answers) : {};
  const result = resultSealed
    ? cipher.decryptJson<RespondentResult>(resultSealed, SEALED.result)
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
