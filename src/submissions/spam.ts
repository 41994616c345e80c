export const SPAM_REASONS = ['honeypot', 'too_fast'] as const;
export type SpamReason = (typeof SPAM_REASONS)[number];

/**
 * Bot signals from the contract: the hidden `website` field was filled, or the form
 * came back faster than a person could type it. A `formStartedAt` in the future is a
 * browser whose clock runs ahead, not a bot: it is not judged by time.
 */
export function spamReason(
  submission: { website?: string; formStartedAt?: string },
  receivedAt: Date,
  minSeconds: number,
): SpamReason | null {
  if (submission.website && submission.website.trim() !== '') return 'honeypot';
  if (submission.formStartedAt) {
    const elapsedMs = receivedAt.getTime() - new Date(submission.formStartedAt).getTime();
    if (elapsedMs >= 0 && elapsedMs < minSeconds * 1000) return 'too_fast';
  }
  return null;
}
