import type { ReactNode, Ref } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { FieldError } from '../../lib/problem';
import { t } from '../i18n/t';

/**
 * A labelled input with its hint and error tied to it (aria-describedby): controlled
 * (`value`, `onChange`) or registered with React Hook Form (`registration`).
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  registration,
  errors,
  field,
  error: message,
  hint,
  type = 'text',
  required,
  inputMode,
  placeholder,
  autoComplete,
  maxLength,
  pattern,
  spellCheck,
  name,
  inputRef,
}: {
  id: string;
  label: string;
  value?: string;
  onChange?: (value: string) => void;
  registration?: UseFormRegisterReturn;
  errors?: FieldError[];
  field?: string;
  /** An error already in words, instead of one of `errors`. */
  error?: string | null;
  hint?: string;
  type?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'email' | 'url';
  placeholder?: string;
  autoComplete?: string;
  maxLength?: number;
  pattern?: string;
  spellCheck?: boolean;
  name?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const error = message ?? errorFor(errors, field ?? id);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        placeholder={placeholder}
        autoComplete={autoComplete}
        maxLength={maxLength}
        pattern={pattern}
        spellCheck={spellCheck}
        name={name}
        ref={inputRef}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...(registration ?? { value, onChange: (event) => onChange?.(event.target.value) })}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** One input of `TextFields`: its id, the key of the draft it edits, its label. */
export type TextFieldSpec<K extends string> = readonly [
  id: string,
  key: K,
  label: string,
  options?: { type?: string; placeholder?: string; required?: boolean },
];

/** Controlled inputs over string fields of one draft (a filter form's), in order. */
export function TextFields<K extends string>({
  fields,
  values,
  onChange,
}: {
  fields: readonly TextFieldSpec<K>[];
  values: Readonly<Record<K, string>>;
  onChange: (key: K, value: string) => void;
}) {
  return (
    <>
      {fields.map(([id, key, label, options]) => (
        <TextField
          key={id}
          id={id}
          label={label}
          type={options?.type}
          placeholder={options?.placeholder}
          required={options?.required}
          value={values[key]}
          onChange={(value) => onChange(key, value)}
        />
      ))}
    </>
  );
}

export function errorFor(errors: FieldError[] | undefined, field: string): string | null {
  const found = errors?.filter(
    (error) => error.field === field || error.field.startsWith(`${field}.`),
  );
  return found && found.length > 0
    ? found.map((error) => t('shell.fieldError', { message: error.message })).join(' ')
    : null;
}

/** Checkboxes for a list of codes. */
export function CheckList<V extends string>({
  legend,
  options,
  selected,
  onChange,
  error,
  children,
}: {
  legend: string;
  options: readonly (readonly [V, string])[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  error?: string | null;
  /** More controls of the group, after its checks (e.g. the inbox's "overdue"). */
  children?: ReactNode;
}) {
  return (
    <fieldset className={`field${error ? ' field--invalid' : ''}`}>
      <legend>{legend}</legend>
      <div className="checks">
        {options.map(([value, label]) => (
          <label key={value} className="check">
            <input
              type="checkbox"
              checked={selected.includes(value)}
              onChange={() =>
                onChange(
                  selected.includes(value)
                    ? selected.filter((v) => v !== value)
                    : [...selected, value],
                )
              }
            />
            {label}
          </label>
        ))}
      </div>
      {children}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

export function Section({
  title,
  id,
  children,
}: {
  title: string;
  id: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
