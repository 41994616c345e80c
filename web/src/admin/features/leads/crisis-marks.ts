/**
 * A message cut into the parts to show plainly and the crisis words to mark, by the same
 * phrases the server flags (any case, any run of spaces). No React here: tested on its own.
 */
export interface MessagePart {
  text: string;
  crisis: boolean;
}

const escape = (phrase: string) =>
  phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

export function crisisParts(message: string, phrases: readonly string[]): MessagePart[] {
  if (!message || phrases.length === 0) return message ? [{ text: message, crisis: false }] : [];
  const pattern = new RegExp(`(${phrases.map(escape).join('|')})`, 'iu');
  // Split on a captured pattern: the odd places hold the phrases found.
  return message
    .split(pattern)
    .map((text, index) => ({ text, crisis: index % 2 === 1 }))
    .filter((part) => part.text !== '');
}
