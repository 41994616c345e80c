/**
 * The one consent document the service ships: an EXAMPLE, written by us, that each
 * practice must replace with its own reviewed text (publish a new version of
 * `informed-consent`). Added on first start when no document exists
 * (CONSENT_EXAMPLE_SEED; see docs/operations.md).
 */
export const EXAMPLE_CONSENT = {
  slug: 'informed-consent',
  lang: 'en',
  requiredFor: ['individual', 'couples'],
  title: 'EXAMPLE: Informed consent for therapy (replace with your practice’s own text)',
  body: `**This is an example document. The practice must replace it with its own text, reviewed for its state and license, before any client signs it.**

# About this consent

This document describes how therapy with our practice works. Please read it before your first session. Signing it says that you have read it, that you could ask questions about it, and that you agree to begin therapy on these terms.

## Sessions

- Sessions last about 50 minutes, in person or by secure video (telehealth).
- Couples therapy sessions usually include both partners. Your therapist may also meet with each partner alone.
- You may end therapy at any time. We ask that you tell us, so that we can close your file well.

## Confidentiality and its limits

What you say in therapy stays between you and the practice, with these exceptions required by law:

1. When there is a serious risk that you may harm yourself or someone else.
2. When a child, an elderly person or a dependent adult may be abused or neglected.
3. When a court orders us to release information.

In couples therapy, your therapist will explain how they handle something one partner shares alone (the "no secrets" or "limited secrets" approach).

## Fees and cancellations

Fees, insurance and the cancellation policy are explained in a separate document or at your first session. A session cancelled with less than 24 hours' notice may be charged.

## Between sessions and emergencies

Email and messages are not watched around the clock. In a crisis, call or text 988 (Suicide & Crisis Lifeline), or call 911 in an emergency.

## Your records

We keep records of your sessions as the law requires. You may ask to see them.`,
};
