import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { FieldError } from '../../lib/problem';
import type { ApiFailure, ApiResult } from './api';

/**
 * A staff form on React Hook Form: it keeps the values (uncontrolled inputs, no render per
 * keystroke) and the one submission in flight. The server is the validator: its 422 names
 * each bad field, shown under that field; any other failure is said for the whole form.
 */
export function useStaffForm<V extends FieldValues>(defaultValues: DefaultValues<V>) {
  const form = useForm<V>({ defaultValues });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  /** The form's onSubmit: `send` the values, then `done` with the answer. */
  const submitWith = <T>(
    send: (values: V) => Promise<ApiResult<T>>,
    done: (body: T, values: V) => void,
  ) =>
    form.handleSubmit(async (values) => {
      setErrors([]);
      setFailure(null);
      const result = await send(values);
      if (result.kind === 'ok') done(result.body, values);
      else if (result.kind === 'invalid') setErrors(result.errors);
      else setFailure(result);
    });

  return { ...form, errors, failure, submitWith };
}
