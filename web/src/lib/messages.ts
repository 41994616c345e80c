/** How a control shows its error; a group of radios or checkboxes reads differently. */
export type ControlKind = 'input' | 'choice' | 'checkbox';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The sentence shown beside a field for one API error message. The API's messages are
 * fragments that follow the field's name ("must be an email address"); the commonest
 * ones get a friendlier wording, the rest are shown as sentences.
 */
export function inlineMessage(field: string, message: string, kind: ControlKind = 'input'): string {
  if (field === 'consent.contact' && /required|must be true/.test(message)) {
    return 'Please tick this box so the practice may contact you.';
  }
  if (field === 'captchaToken' && message === 'is required') {
    return 'Please wait for the security check to complete, then send again.';
  }
  if (message === 'is required') {
    if (kind === 'choice') return 'Please choose an answer.';
    if (kind === 'checkbox') return 'Please tick this box to continue.';
    return 'Please fill this in.';
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
  label: string,
  field: string,
  message: string,
  kind?: ControlKind,
): string {
  return `${shortLabel(label)}: ${inlineMessage(field, message, kind)}`;
}
