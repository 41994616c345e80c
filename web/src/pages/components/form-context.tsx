import { createContext, useCallback, useContext, useRef, useState } from 'react';
import { type ApiResult, failureMessage } from '../../lib/api';
import { withPageErrors } from '../../lib/field-errors';
import type { FormValues, FieldValue } from '../../lib/form-values';
import { newIdempotencyKey } from '../../lib/idempotency';
import type { ErrorOfField } from '../../lib/messages';
import type { FieldError } from '../../lib/problem';
import { usePageWords } from '../i18n/page-language';

/** The id of a field's control, from its path in the body (`client.email` → `field-client-email`). */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface FormState {
  values: FormValues;
  setValue(path: string, value: FieldValue): void;
  /** The API's error for each field path, from the last 422 (its code and message). */
  errors: Readonly<Record<string, ErrorOfField>>;
}

const FormContext = createContext<FormState | null>(null);
export const FormProvider = FormContext.Provider;

export function useFormState(): FormState {
  const state = useContext(FormContext);
  if (!state) throw new Error('A form field must be inside a FormProvider.');
  return state;
}

/**
 * A form's values, its errors from the API, and its one submission. The
 * Idempotency-Key lives as long as the page, so a double click or a retry after a lost
 * answer sends the same key with the same body and creates nothing twice.
 */
export function useSubmittableForm<T>(initial: FormValues = {}) {
  const [values, setValues] = useState<FormValues>(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  /** The last failure that was not about a field; said in the page's language of the moment. */
  const [failed, setFailed] = useState<Exclude<ApiResult<T>, { kind: 'ok' | 'invalid' }> | null>(
    null,
  );
  const words = usePageWords();
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<T | null>(null);
  /** Bumped on each failed attempt so the error summary takes focus again. */
  const [failedAttempts, setFailedAttempts] = useState(0);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);

  const setValue = useCallback((path: string, value: FieldValue) => {
    setValues((current) => ({ ...current, [path]: value }));
    // A field that was changed no longer shows its old error.
    setFieldErrors((current) =>
      current.some((error) => error.field === path)
        ? current.filter((error) => error.field !== path)
        : current,
    );
  }, []);

  const errors: Record<string, ErrorOfField> = {};
  for (const error of fieldErrors) errors[error.field] ??= error;

  /** `send` makes the request with the page's Idempotency-Key (see ../api.ts). */
  async function submit(
    send: (idempotencyKey: string) => Promise<ApiResult<T>>,
    options: {
      /** Errors the page found itself (empty required fields), merged into a 422's. */
      pageErrors?: readonly FieldError[];
      /** Field paths in the order they appear, for the error summary. */
      order?: readonly string[];
    } = {},
  ): Promise<ApiResult<T> | undefined> {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setSending(true);
    const result = await send(idempotencyKey);
    inFlight.current = false;
    setSending(false);
    if (result.kind === 'ok') {
      setFieldErrors([]);
      setFailed(null);
      setReceipt(result.body);
    } else if (result.kind === 'invalid') {
      setFieldErrors(withPageErrors(result.errors, options.pageErrors ?? [], options.order ?? []));
      setFailed(null);
      setFailedAttempts((count) => count + 1);
    } else {
      setFieldErrors([]);
      setFailed(result);
      setFailedAttempts((count) => count + 1);
    }
    return result;
  }

  return {
    state: { values, setValue, errors } satisfies FormState,
    values,
    fieldErrors,
    failure: failed ? failureMessage(failed, words) : null,
    sending,
    receipt,
    failedAttempts,
    submit,
  };
}
