/**
 * How a failed SMTP send should be treated (no framework code here). Temporary: the
 * server said 4xx, or we never reached it; we try again later. Permanent: it said 5xx,
 * or the address cannot be used; trying again would only repeat the refusal.
 */
export interface SmtpFailure {
  readonly permanent: boolean;
  /** Safe to store and show: status and class, never the server's text (it quotes addresses). */
  readonly summary: string;
}

const NETWORK_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const { code, responseCode, command } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
  };
  const safeCode = typeof code === 'string' && /^[A-Z_]{2,20}$/.test(code) ? code : undefined;
  const safeCommand =
    typeof command === 'string' && /^[A-Z ]{2,12}$/.test(command) ? ` after ${command}` : '';
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 600) {
    const permanent = responseCode >= 500;
    return {
      permanent,
      summary: `SMTP ${responseCode}${safeCommand}: ${permanent ? 'refused permanently' : 'refused for now, will retry'}`,
    };
  }
  if (safeCode === 'EENVELOPE') {
    return { permanent: true, summary: 'EENVELOPE: the recipient address cannot be used' };
  }
  if (safeCode && NETWORK_CODES.has(safeCode)) {
    return { permanent: false, summary: `${safeCode}: mail server unreachable, will retry` };
  }
  return {
    permanent: false,
    summary: `${safeCode ?? 'ERROR'}: sending failed, will retry`,
  };
}
