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

type Problem = Omit<FieldError, 'field'>;
const problem = (
  code: FieldError['code'],
  message: string,
  params?: FieldError['params'],
): Problem => (params ? { code, message, params } : { code, message });

/** Why `value` does not answer `question`, or undefined when it does. */
function problemWith(question: Question, value: unknown): Problem | undefined {
  const allowed = new Set(question.options?.map((option) => option.value));
  switch (question.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return problem('invalid_type', 'must be text');
      const limit = question.maxLength ?? MAX_TEXT;
      if (value.length > limit)
        return problem('too_long', `must be at most ${limit} characters`, { max: limit });
      if (question.type === 'text' && CONTROL.test(value))
        return problem('invalid_format', 'must be one line without control characters');
      if (CONTROL_BUT_LINE_BREAKS.test(value))
        return problem(
          'invalid_format',
          'must not contain control characters other than line breaks',
        );
      return undefined;
    }
    case 'email':
      return typeof value === 'string' &&
        value.length <= 254 &&
        EMAIL.test(value) &&
        !CONTROL.test(value)
        ? undefined
        : problem('invalid_email', 'must be an email address');
    case 'phone':
      return typeof value === 'string' && E164_PATTERN.test(value)
        ? undefined
        : problem('invalid_phone', 'must be a phone number in E.164 form, e.g. +15035550142');
    case 'date':
      return typeof value === 'string' && isRealDate(value)
        ? undefined
        : problem('invalid_date', 'must be a date as YYYY-MM-DD');
    case 'single':
      return typeof value === 'string' && allowed.has(value)
        ? undefined
        : problem('not_an_option', `must be one of ${[...allowed].join(', ')}`);
    case 'multi':
      if (!Array.isArray(value))
        return problem('invalid_type', `must be a list of ${[...allowed].join(', ')}`);
      if (value.some((item) => typeof item !== 'string' || !allowed.has(item))) {
        return problem('not_an_option', `must be a list of ${[...allowed].join(', ')}`);
      }
      if (new Set(value).size !== value.length)
        return problem('invalid_format', 'must not repeat a choice');
      if (question.required && value.length === 0)
        return problem('required', 'must name at least one choice');
      return undefined;
    case 'scale':
      if (!Number.isInteger(value))
        return problem(
          'invalid_type',
          `must be a whole number from ${question.min} to ${question.max}`,
        );
      return (value as number) >= question.min! && (value as number) <= question.max!
        ? undefined
        : problem(
            'out_of_range',
            `must be a whole number from ${question.min} to ${question.max}`,
            {
              min: question.min!,
              max: question.max!,
            },
          );
    case 'yesno':
      return typeof value === 'boolean'
        ? undefined
        : problem('invalid_type', 'must be true (yes) or false (no)');
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
      errors: [
        {
          field: 'answers',
          code: 'invalid_type',
          message: 'must be an object of answers by question id',
        },
      ],
    };
  }
  const given = input as Record<string, unknown>;
  const questions = questionsOf(form);
  const known = new Set(questions.map((question) => question.id));
  const errors: FieldError[] = [];
  const answers: Answers = {};

  for (const id of Object.keys(given)) {
    if (!known.has(id))
      errors.push({
        field: `answers.${id}`,
        code: 'unknown_field',
        message: 'is not a question of this form',
      });
  }
  for (const question of questions) {
    let value = given[question.id];
    if (typeof value === 'string') value = value.normalize('NFC').trim();
    if (value === undefined || value === null || value === '') {
      if (question.required)
        errors.push({ field: `answers.${question.id}`, code: 'required', message: 'is required' });
      continue;
    }
    const refusal = problemWith(question, value);
    if (refusal) errors.push({ field: `answers.${question.id}`, ...refusal });
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
