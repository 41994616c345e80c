import type { ReactNode } from 'react';
import type { FieldValue } from '../../lib/form-values';
import { type ControlKind, type ErrorOfField, inlineMessage } from '../../lib/messages';
import { usePageWords } from '../i18n/page-language';
import { fieldId, useFormState } from './form-context';

/** The ids that describe a control: its hint and its error, when it has them. */
function describedBy(
  id: string,
  hint: ReactNode,
  error: ErrorOfField | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function useField(path: string) {
  const { values, setValue, errors } = useFormState();
  return {
    id: fieldId(path),
    value: values[path],
    set: (value: FieldValue) => setValue(path, value),
    error: errors[path],
  };
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <p className="hint" id={`${id}-hint`}>
      {children}
    </p>
  ) : null;
}

function ErrorText({
  id,
  path,
  error,
  kind,
}: {
  id: string;
  path: string;
  error?: ErrorOfField;
  kind: ControlKind;
}) {
  const words = usePageWords();
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{words.t('field.errorPrefix')}</span>
      {inlineMessage(words, path, error, kind)}
    </p>
  ) : null;
}

function LabelText({ label, required }: { label: ReactNode; required?: boolean }) {
  const { t } = usePageWords();
  return (
    <>
      {label}
      {required ? null : <span className="optional">{t('field.optional')}</span>}
    </>
  );
}

interface TextFieldProps {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date';
  autoComplete?: string;
  maxLength?: number;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  multiline?: boolean;
  width?: 'short' | 'full';
}

export function TextField({
  path,
  label,
  hint,
  required,
  type = 'text',
  autoComplete,
  maxLength,
  inputMode,
  multiline,
  width = 'full',
}: TextFieldProps) {
  const field = useField(path);
  const common = {
    id: field.id,
    name: path,
    value: typeof field.value === 'string' ? field.value : '',
    required,
    maxLength,
    'aria-invalid': field.error ? true : undefined,
    'aria-describedby': describedBy(field.id, hint, field.error),
  } as const;
  return (
    <div className={`field${field.error ? ' field--invalid' : ''}`}>
      <label className="label" htmlFor={field.id}>
        <LabelText label={label} required={required} />
      </label>
      <Hint id={field.id}>{hint}</Hint>
      <ErrorText id={field.id} path={path} error={field.error} kind="input" />
      {multiline ? (
        <textarea {...common} rows={6} onChange={(event) => field.set(event.target.value)} />
      ) : (
        <input
          {...common}
          className={width === 'short' ? 'input--short' : undefined}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          onChange={(event) => field.set(event.target.value)}
        />
      )}
    </div>
  );
}

export function SelectField({
  path,
  label,
  hint,
  required,
  options,
  emptyLabel,
  autoComplete,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  options: readonly (readonly [string, string])[];
  emptyLabel: string;
  autoComplete?: string;
}) {
  const field = useField(path);
  return (
    <div className={`field${field.error ? ' field--invalid' : ''}`}>
      <label className="label" htmlFor={field.id}>
        <LabelText label={label} required={required} />
      </label>
      <Hint id={field.id}>{hint}</Hint>
      <ErrorText id={field.id} path={path} error={field.error} kind="choice" />
      <select
        id={field.id}
        name={path}
        value={typeof field.value === 'string' ? field.value : ''}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id, hint, field.error)}
        onChange={(event) => field.set(event.target.value)}
      >
        <option value="">{emptyLabel}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A group of radios (one answer) or checkboxes (several) in a fieldset whose legend is
 * the question. The first control carries the field's id, so the error summary can
 * focus it.
 */
export function ChoiceGroup({
  path,
  legend,
  hint,
  required,
  options,
  multiple,
  inline,
  note,
}: {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  options: readonly (readonly [string, string])[];
  multiple?: boolean;
  inline?: boolean;
  note?: ReactNode;
}) {
  const field = useField(path);
  const chosen = Array.isArray(field.value) ? field.value : [];
  const describedByIds = describedBy(field.id, hint, field.error);
  return (
    <fieldset
      className={`field choice${field.error ? ' field--invalid' : ''}`}
      aria-describedby={describedByIds}
    >
      <legend className="label">
        <LabelText label={legend} required={required} />
        {note}
      </legend>
      <Hint id={field.id}>{hint}</Hint>
      <ErrorText id={field.id} path={path} error={field.error} kind="choice" />
      <div className={inline ? 'choices choices--inline' : 'choices'}>
        {options.map(([value, text], index) => {
          const id = index === 0 ? field.id : `${field.id}-${value}`;
          const checked = multiple ? chosen.includes(value) : field.value === value;
          return (
            <label className="choice-option" key={value} htmlFor={id}>
              <input
                id={id}
                type={multiple ? 'checkbox' : 'radio'}
                name={path}
                value={value}
                checked={checked}
                required={required && !multiple}
                // aria-invalid belongs to checkboxes; a radio's error is the group's description.
                aria-invalid={multiple && field.error ? true : undefined}
                onChange={(event) => {
                  if (!multiple) return field.set(value);
                  field.set(
                    event.target.checked
                      ? [...chosen, value]
                      : chosen.filter((item) => item !== value),
                  );
                }}
              />
              <span>{text}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * A 1–7 agreement scale: one radio per point in a row, the anchor labels under its ends
 * and in the accessible names of the end points ("1, Strongly disagree"), which start
 * with the visible number so speech control finds them.
 */
export function ScaleField({
  path,
  legend,
  points,
  minLabel,
  maxLabel,
  required,
  note,
}: {
  path: string;
  legend: ReactNode;
  points: number[];
  minLabel?: string;
  maxLabel?: string;
  required?: boolean;
  note?: ReactNode;
}) {
  const field = useField(path);
  const first = points[0];
  const last = points.at(-1);
  const hint = minLabel && maxLabel ? `${first} = ${minLabel}, ${last} = ${maxLabel}` : undefined;
  return (
    <fieldset
      className={`field scale${field.error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy(field.id, hint, field.error)}
    >
      <legend className="label">
        <LabelText label={legend} required={required} />
        {note}
      </legend>
      <p className="visually-hidden" id={`${field.id}-hint`}>
        {hint}
      </p>
      <ErrorText id={field.id} path={path} error={field.error} kind="choice" />
      <div className="scale-points">
        {points.map((point, index) => {
          const id = index === 0 ? field.id : `${field.id}-${point}`;
          const anchor = point === first ? minLabel : point === last ? maxLabel : undefined;
          return (
            <label className="scale-point" key={point} htmlFor={id}>
              <input
                id={id}
                type="radio"
                name={path}
                value={String(point)}
                checked={field.value === String(point)}
                required={required}
                aria-label={anchor ? `${point}, ${anchor}` : undefined}
                onChange={() => field.set(String(point))}
              />
              <span className="scale-number">{point}</span>
            </label>
          );
        })}
      </div>
      {minLabel && maxLabel ? (
        <div className="scale-anchors" aria-hidden="true">
          <span>{minLabel}</span>
          <span>{maxLabel}</span>
        </div>
      ) : null}
    </fieldset>
  );
}

/** One checkbox that is its own question, like consent. */
export function CheckboxField({
  path,
  label,
  hint,
  required,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
}) {
  const field = useField(path);
  return (
    <div className={`field checkbox${field.error ? ' field--invalid' : ''}`}>
      <ErrorText id={field.id} path={path} error={field.error} kind="checkbox" />
      <div className="choice-option">
        <input
          id={field.id}
          type="checkbox"
          name={path}
          checked={field.value === true}
          required={required}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy(field.id, hint, field.error)}
          onChange={(event) => field.set(event.target.checked)}
        />
        <label htmlFor={field.id}>{label}</label>
      </div>
      <Hint id={field.id}>{hint}</Hint>
    </div>
  );
}

/**
 * The honeypot (`website`): off screen, out of the tab order and hidden from assistive
 * technology, so only software that fills in every field fills it in.
 */
export function Honeypot() {
  const { values, setValue } = useFormState();
  const { t } = usePageWords();
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="field-website">{t('field.honeypot')}</label>
      <input
        id="field-website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={typeof values.website === 'string' ? values.website : ''}
        onChange={(event) => setValue('website', event.target.value)}
      />
    </div>
  );
}
