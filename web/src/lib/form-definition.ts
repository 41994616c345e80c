import type { FormValues } from './form-values';
import { toE164 } from './phone';
import type { FieldError } from './problem';

// The published form's shape is the contract of GET /v1/intake-forms/:slug, generated from the
// service's OpenAPI document, so the pages cannot drift from what the API serves.
import type { Schemas } from '../api/client';
export type FormDefinition = Schemas['FormDefinitionDto'];
export type FormSection = Schemas['FormSectionDto'];
export type Question = Schemas['QuestionDto'];
export type QuestionType = Question['type'];

export const answerPath = (question: Pick<Question, 'id'>) => `answers.${question.id}`;

/** The points of a scale question, min to max (1..7 on the published forms). */
export function scalePoints(question: Question): number[] {
  const min = question.min ?? 1;
  const max = question.max ?? 7;
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, index) => min + index);
}

/** One answer as the API takes it, or undefined when the question was left unanswered. */
function answerOf(question: Question, value: FormValues[string]): unknown {
  switch (question.type) {
    case 'multi':
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    case 'yesno':
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    case 'scale': {
      if (typeof value !== 'string' || value === '') return undefined;
      const number = Number(value);
      return Number.isInteger(number) ? number : value;
    }
    case 'phone':
      return typeof value === 'string' && value.trim() !== '' ? toE164(value) : undefined;
    default:
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
}

/** `answers` for the form: every answered question by id; unanswered ones are left out. */
export function answersBody(form: FormDefinition, values: FormValues): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const section of form.sections) {
    for (const question of section.questions) {
      const answer = answerOf(question, values[answerPath(question)]);
      if (answer !== undefined) answers[question.id] = answer;
    }
  }
  return answers;
}

/** The label of every answer path, for the error summary. */
export function questionLabels(form: FormDefinition): Record<string, string> {
  return Object.fromEntries(
    form.sections.flatMap((section) =>
      section.questions.map((question) => [answerPath(question), question.label]),
    ),
  );
}

/**
 * "is required" for each required question left unanswered, named as the API names it.
 * The API checks answers only once the rest of the body is valid; the page adds these to
 * a 422 about the rest (withPageErrors), so one attempt lists everything that is missing.
 */
export function unansweredRequired(
  form: FormDefinition,
  answers: Record<string, unknown>,
): FieldError[] {
  return form.sections.flatMap((section) =>
    section.questions
      .filter((question) => question.required && answers[question.id] === undefined)
      .map((question) => ({ field: answerPath(question), message: 'is required' })),
  );
}
