/**
 * The rules of signing a consent document (docs/api.md#consent-documents-and-e-signature).
 * No framework code here.
 */
import { createHash } from 'node:crypto';

/** A document version as a signer is shown it. */
export interface ServedDocument {
  slug: string;
  version: number;
  title: string;
  body: string;
}

/** One signature as a form sends it. */
export interface SignatureInput {
  slug: string;
  version: number;
  signedName: string;
  agreed: boolean;
}

export interface SignatureError {
  field: string;
  message: string;
}

/**
 * The exact text a signature covers: the title, a blank line, then the body, each as
 * served. Its SHA-256 is what a stored signature names.
 */
export function signedText(document: Pick<ServedDocument, 'title' | 'body'>): string {
  return `${document.title}\n\n${document.body}`;
}

/** SHA-256 of the signed text (UTF-8), lower-case hex. */
export function textSha256(document: Pick<ServedDocument, 'title' | 'body'>): string {
  return createHash('sha256').update(signedText(document), 'utf8').digest('hex');
}

/** A name as compared: NFC, lower case, with no white space at all. */
export function comparableName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US').replace(/\s+/gu, '');
}

/** Whether a typed signature is the person's name, case and spacing ignored. */
export function namesMatch(signedName: string, personName: string): boolean {
  const signed = comparableName(signedName);
  return signed.length > 0 && signed === comparableName(personName);
}

/**
 * Checks the signatures a person sent against the documents they must sign. Each
 * problem names `signatures.<slug>`: a document not signed, signed in a version that is
 * no longer current, not agreed to, or signed with another name; a signature of a
 * document nobody asked for is refused too. Answers the signatures to store, in the
 * order of the documents, when there is no problem.
 */
export function checkSignatures(
  required: readonly ServedDocument[],
  sent: readonly SignatureInput[] | undefined,
  personName: string,
): { errors: SignatureError[]; accepted: { document: ServedDocument; signedName: string }[] } {
  const errors: SignatureError[] = [];
  const bySlug = new Map<string, SignatureInput>();
  for (const signature of sent ?? []) {
    const field = `signatures.${signature.slug}`;
    if (bySlug.has(signature.slug)) {
      errors.push({ field, message: 'is signed more than once' });
    } else if (!required.some((document) => document.slug === signature.slug)) {
      errors.push({ field, message: 'is not a document you are asked to sign' });
    }
    bySlug.set(signature.slug, signature);
  }
  const accepted: { document: ServedDocument; signedName: string }[] = [];
  for (const document of required) {
    const field = `signatures.${document.slug}`;
    const signature = bySlug.get(document.slug);
    if (!signature) {
      errors.push({ field, message: 'must be signed' });
    } else if (signature.version !== document.version) {
      errors.push({
        field,
        message: `was signed in version ${signature.version}; the current version is ${document.version}: read it and sign again`,
      });
    } else if (signature.agreed !== true) {
      errors.push({ field, message: 'must be agreed to' });
    } else if (!namesMatch(signature.signedName, personName)) {
      errors.push({ field, message: 'must be signed with your name as you gave it' });
    } else {
      accepted.push({ document, signedName: signature.signedName });
    }
  }
  return { errors, accepted: errors.length === 0 ? accepted : [] };
}
