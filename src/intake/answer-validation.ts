import type { FieldError } from '../common/problem-details.js';
import { E164_PATTERN } from '../vocabulary/contact.js';
import { type FormDefinition, type Question, questionsOf } from './form-definition.js';

/** A value a question accepts, as stored: strings, string lists, integers, booleans. */
export type Answer = string | string[] | number | boolean;
export type Answers = Record<string, Answer>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** Free text keeps its line breaks and tabs; no other control character means anything. */
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
const MAX_TEXT = 5000;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Why `value` does not answer `question`, or undefined when it does. */
function problemWith(question: Question, value: unknown): string | undefined {
  const allowed = new Set(question.options?.map((option) => option.value));
  switch (question.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return 'must be text';
      const limit = question.maxLength ?? MAX_TEXT;
      if (value.length > limit) return `must be at most ${limit} characters`;
      if (question.type === 'text' && CONTROL.test(value))
        return 'must be one line without control characters';
      if (CONTROL_BUT_LINE_BREAKS.test(value))
        return 'must not contain control characters other than line breaks';
      return undefined;
    }
    case 'email':
      return typeof value === 'string' &&
        value.length <= 254 &&
        EMAIL.test(value) &&
        !CONTROL.test(value)
        ? undefined
        : 'must be an email address';
    case 'phone':
      return typeof value === 'string' && E164_PATTERN.test(value)
        ? undefined
        : 'must be a phone number in E.164 form, e.g. +15035550142';
    case 'date':
      return typeof value === 'string' && isRealDate(value)
        ? undefined
        : 'must be a date as YYYY-MM-DD';
    case 'single':
      return typeof value === 'string' && allowed.has(value)
        ? undefined
        : `must be one of ${[...allowed].join(', ')}`;
    case 'multi':
      if (
        !Array.isArray(value) ||
        value.some((item) => typeof item !== 'string' || !allowed.has(item))
      ) {
        return `must be a list of ${[...allowed].join(', ')}`;
      }
      if (new Set(value).size !== value.length) return 'must not repeat a choice';
      if (question.required && value.length === 0) return 'must name at least one choice';
      return undefined;
    case 'scale':
      return Number.isInteger(value) &&
        (value as number) >= question.min! &&
        (value as number) <= question.max!
        ? undefined
        : `must be a whole number from ${question.min} to ${question.max}`;
    case 'yesno':
      return typeof value === 'boolean' ? undefined : 'must be true (yes) or false (no)';
  }
}

/**
 * Checks answers against one version of a form: every required question answered,
 * every answer of the right type and range, no answer to a question the form does not
 * have. Errors name `answers.<questionId>`. Text is trimmed and NFC-normalised first,
 * and an empty optional text counts as unanswered.
 */
export function validateAnswers(
  form: FormDefinition,
  input: unknown,
): { answers: Answers; errors: FieldError[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      answers: {},
      errors: [{ field: 'answers', message: 'must be an object of answers by question id' }],
    };
  }
  const given = input as Record<string, unknown>;
  const questions = questionsOf(form);
  const known = new Set(questions.map((question) => question.id));
  const errors: FieldError[] = [];
  const answers: Answers = {};

  for (const id of Object.keys(given)) {
    if (!known.has(id))
      errors.push({ field: `answers.${id}`, message: 'is not a question of this form' });
  }
  for (const question of questions) {
    let value = given[question.id];
    if (typeof value === 'string') value = value.normalize('NFC').trim();
    if (value === undefined || value === null || value === '') {
      if (question.required)
        errors.push({ field: `answers.${question.id}`, message: 'is required' });
      continue;
    }
    const problem = problemWith(question, value);
    if (problem) errors.push({ field: `answers.${question.id}`, message: problem });
    else answers[question.id] = value as Answer;
  }
  return { answers, errors };
}

/** The free text of a set of answers (textarea questions), for crisis screening. */
export function freeTextOf(form: FormDefinition, answers: Answers): string[] {
  return questionsOf(form)
    .filter((question) => question.type === 'textarea' && typeof answers[question.id] === 'string')
    .map((question) => answers[question.id] as string);
}
