import type { PageWords } from '../pages/i18n/words';
import type { FieldError } from './problem';
import { codeMessage } from './validation-words';

/** How a control shows its error; a group of radios or checkboxes reads differently. */
export type ControlKind = 'input' | 'choice' | 'checkbox';

/** What the page knows of one field's error: the API's item, or the page's own finding. */
export type ErrorOfField = Pick<FieldError, 'code' | 'message' | 'params'>;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The sentence shown beside a field for one error. An empty field reads in the words of
 * its control, in the page's language. Otherwise English shows the API's precise message
 * (a fragment that follows the field's name: "must be an email address") as a sentence;
 * another language says the error's stable `code` from the shared validation catalogue.
 */
export function inlineMessage(
  words: PageWords,
  field: string,
  error: ErrorOfField,
  kind: ControlKind = 'input',
): string {
  const { t, language } = words;
  const { code, message } = error;
  // English kept its wording by message; the code says the same in every language.
  const required = message === 'is required' || (language !== 'en' && code === 'required');
  if (
    field === 'consent.contact' &&
    (required || /required|must be true/.test(message) || code === 'must_be_true')
  ) {
    return t('error.consentContact');
  }
  if (field === 'captchaToken' && required) return t('error.captchaPending');
  if (required) {
    if (kind === 'choice') return t('error.requiredChoice');
    if (kind === 'checkbox') return t('error.requiredCheckbox');
    return t('error.required');
  }
  if (language !== 'en') {
    const said = codeMessage(code, language, error.params);
    if (said) return said;
  }
  const sentence = capitalised(message.trim());
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** A field's label cut to a length that reads well in a list of errors. */
export function shortLabel(label: string, max = 80): string {
  const text = label.trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The line an error summary shows for a field: its label, then what to change. */
export function summaryLine(
  words: PageWords,
  label: string,
  field: string,
  error: ErrorOfField,
  kind?: ControlKind,
): string {
  return `${shortLabel(label)}: ${inlineMessage(words, field, error, kind)}`;
}
