import type { Page } from 'playwright-core';
import type { FormDefinition, Question } from '../../src/intake/form-definition.js';

/** A question's group (its fieldset), found by the question's words as a person hears them. */
const group = (page: Page, question: Question) => page.getByRole('group', { name: question.label });

const optionLabel = (question: Question, value: unknown) => {
  const option = question.options?.find((candidate) => candidate.value === value);
  if (!option) throw new Error(`${question.id} has no option ${String(value)}`);
  return option.label;
};

/**
 * Answers a published form the way a person does: by the labels on the screen. `answers`
 * are API values (coupleAnswers()), so a test can compare what was stored with them.
 */
export async function answerForm(
  page: Page,
  form: FormDefinition,
  answers: Record<string, unknown>,
): Promise<void> {
  for (const question of form.sections.flatMap((section) => section.questions)) {
    const value = answers[question.id];
    if (value === undefined) continue;
    switch (question.type) {
      case 'text':
      case 'textarea':
      case 'email':
      case 'phone':
      case 'date':
        await page.getByLabel(question.label).fill(String(value));
        break;
      case 'single':
        await group(page, question)
          .getByRole('radio', { name: optionLabel(question, value), exact: true })
          .check();
        break;
      case 'multi':
        for (const item of value as string[]) {
          await group(page, question)
            .getByRole('checkbox', { name: optionLabel(question, item), exact: true })
            .check();
        }
        break;
      case 'yesno':
        await group(page, question)
          .getByRole('radio', { name: value ? 'Yes' : 'No', exact: true })
          .check();
        break;
      case 'scale':
        // The end points are named with their anchors: "1, Strongly disagree".
        await group(page, question)
          .getByRole('radio', { name: new RegExp(`^${Number(value)}(,|$)`) })
          .check();
        break;
    }
  }
}

/** The respondent's own details (`client`) and consent, as on the intake and partner pages. */
export async function fillClient(
  page: Page,
  client: { name: string; email: string; state?: string; dateOfBirth?: string },
): Promise<void> {
  await page.getByLabel('Your name', { exact: true }).fill(client.name);
  await page.getByLabel('Your email', { exact: true }).fill(client.email);
  if (client.dateOfBirth) await page.getByLabel('Date of birth').fill(client.dateOfBirth);
  if (client.state) await page.getByLabel('The state you live in').selectOption(client.state);
}

export async function consentToContact(page: Page): Promise<void> {
  await page.getByLabel(/I agree that the practice may contact me/).check();
}
