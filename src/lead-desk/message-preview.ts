/**
 * The first words of a lead's newest message, for a row of the list: white space
 * collapsed, cut at a word boundary with "…". No framework code here.
 */
export const PREVIEW_LENGTH = 140;

export function messagePreview(message: string, length = PREVIEW_LENGTH): string | null {
  const text = message.replace(/\s+/gu, ' ').trim();
  if (text === '') return null;
  const chars = [...text];
  if (chars.length <= length) return text;
  // Room for the ellipsis; cut at the last space when there is one, else mid-word.
  const head = chars.slice(0, length - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > 0 && text[head.length] !== ' ' ? head.slice(0, space) : head;
  return `${cut.trimEnd()}…`;
}
