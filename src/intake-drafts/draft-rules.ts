import type { FieldError } from '../common/problem-details.js';
import { type Answers, validateAnswers } from '../intake/answer-validation.js';
import type { FormDefinition } from '../intake/form-definition.js';

/**
 * The rules of a saved draft (docs/api.md#save-and-finish-later). No framework code here.
 */

/** How long a resume link works, from the save that mailed it. */
export const DRAFT_VALID_DAYS = 7;

/** Purpose of the keyed derivation that writes a draft's link token from its id. */
export const DRAFT_TOKEN_PURPOSE = 'intake-draft-token';

/** What a draft seals: everything the visitor typed. */
export interface DraftContent {
  /** Where the resume link went. */
  email: string;
  lang?: string;
  client: Record<string, string>;
  answers: Answers;
}

export function draftExpiry(savedAt: Date): Date {
  return new Date(savedAt.getTime() + DRAFT_VALID_DAYS * 86_400_000);
}

/** The same form with every question optional: a draft holds what was answered so far. */
export function allOptional(form: FormDefinition): FormDefinition {
  return {
    ...form,
    sections: form.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) => ({ ...question, required: false })),
    })),
  };
}

/**
 * Checks the answers given so far: each one must be of its question's type and range,
 * exactly as for an intake, but none is required. Errors name `answers.<questionId>`.
 */
export function validatePartialAnswers(
  form: FormDefinition,
  input: unknown,
): { answers: Answers; errors: FieldError[] } {
  return validateAnswers(allOptional(form), input);
}

/** The link in the email, to the hosted intake page of the draft's form. */
export function resumeLink(baseUrl: string, formSlug: string, token: string): string {
  return `${baseUrl}/intake/${encodeURIComponent(formSlug)}?resume=${encodeURIComponent(token)}`;
}

/** Whether a draft may still be opened at `now`. */
export function isOpen(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() > now.getTime();
}
