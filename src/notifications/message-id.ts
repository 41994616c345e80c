/**
 * The Message-ID of a notification's email (no framework code here). Stable per
 * notification, so a receiver can drop a copy re-sent after a crash; its domain is the
 * sending address's (MAIL_FROM), since a client's mail program may show the header and
 * must meet the practice there, never this product.
 */
export function notificationMessageId(notificationId: string, mailFrom: string): string {
  return `<${notificationId}@${senderDomain(mailFrom)}>`;
}

/** A host name: letters, digits, hyphens and dots, as a Message-ID's right side may hold. */
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/** The address of "Name <address>" or of a bare "address". */
export function senderAddress(mailFrom: string): string {
  return (/<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom).trim();
}

/** The domain of "Name <address>" or "address", lower case; `localhost` when it has none. */
export function senderDomain(mailFrom: string): string {
  const address = senderAddress(mailFrom);
  const at = address.lastIndexOf('@');
  const domain = at < 0 ? '' : address.slice(at + 1).toLowerCase();
  return HOST.test(domain) ? domain : 'localhost';
}
