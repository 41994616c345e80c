import { callPublic, publicApi, type Schemas } from '../api/client';
import type { FormDefinition } from '../lib/form-definition';
import { answerPath } from '../lib/form-definition';
import type { FormValues } from '../lib/form-values';

/**
 * Save and finish later (docs/api.md#save-and-finish-later): the page's calls, and the
 * saved answers turned back into the form's values. Nothing is kept in the browser's
 * storage: the draft's token lives in the page's memory only.
 */
export type IntakeDraft = Schemas['IntakeDraftDto'];
export type DraftSaved = Schemas['IntakeDraftSavedDto'];

export function saveDraft(body: Schemas['SaveIntakeDraftDto']) {
  return callPublic(() => publicApi.POST('/v1/intake-drafts', { body }));
}

export function openDraft(token: string) {
  return callPublic(() =>
    publicApi.GET('/v1/intake-drafts/{token}', { params: { path: { token } } }),
  );
}

export function intakeFormVersion(slug: string, version: number) {
  return callPublic(() =>
    publicApi.GET('/v1/intake-forms/{slug}/versions/{version}', {
      params: { path: { slug, version } },
    }),
  );
}

/** The form's values as the saved draft had them (the inverse of answersBody). */
export function draftValues(form: FormDefinition, draft: IntakeDraft): FormValues {
  const values: FormValues = {};
  for (const [field, value] of Object.entries(draft.client)) {
    if (typeof value === 'string') values[`client.${field}`] = value;
  }
  const answers = draft.answers as Record<string, unknown>;
  for (const section of form.sections) {
    for (const question of section.questions) {
      const answer = answers[question.id];
      if (answer === undefined) continue;
      const path = answerPath(question);
      if (question.type === 'multi' && Array.isArray(answer)) {
        values[path] = answer.filter((item): item is string => typeof item === 'string');
      } else if (question.type === 'yesno' && typeof answer === 'boolean') {
        values[path] = answer ? 'yes' : 'no';
      } else if (typeof answer === 'string' || typeof answer === 'number') {
        values[path] = String(answer);
      }
    }
  }
  return values;
}

let resumeToken: { value: string | undefined } | undefined;

/**
 * ?resume=<token> of the address, then taken out of it (and of the history entry); the
 * same answer on every call of the page's life.
 */
export function takeResumeToken(): string | undefined {
  resumeToken ??= { value: resumeTokenOfAddress() };
  return resumeToken.value;
}

function resumeTokenOfAddress(): string | undefined {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('resume')?.trim();
  if (!token) return undefined;
  url.searchParams.delete('resume');
  // The link opens the answers: it stays in this page's memory, not in the history.
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  return token;
}
