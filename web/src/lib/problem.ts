import type { ValidationParams } from './vocabulary';

/** RFC 9457 problem details as the API sends them (docs/api.md#errors). */
export interface FieldError {
  /** A dotted path into the request body: `email`, `client.email`, `answers.anx1`. */
  field: string;
  /** Stable whatever the language (docs/api.md#validation-codes); absent on a page's own findings. */
  code?: string;
  message: string;
  /** The limits a message names (`max` characters, `min` to `max`), when it has them. */
  params?: ValidationParams;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field errors of a problem, keeping only well-formed entries. */
export function fieldErrorsOf(problem: Problem): FieldError[] {
  return (Array.isArray(problem.errors) ? problem.errors : []).filter(
    (error): error is FieldError =>
      typeof error?.field === 'string' && typeof error?.message === 'string',
  );
}
