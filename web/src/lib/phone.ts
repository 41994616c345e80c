/**
 * A phone number as people type it, in the E.164 form the API takes: "(503) 555-0142"
 * and "503.555.0142" become "+15035550142" (a 10-digit number is taken as US/Canada),
 * "+44 20 7946 0958" and "0044 20 7946 0958" become "+442079460958". Anything else is
 * returned trimmed, as typed, so the API names what is wrong with it.
 */
export function toE164(input: string): string {
  const text = input.trim();
  if (text === '') return '';
  if (!/^[+\d\s().-]+$/.test(text)) return text;
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return text;
}
