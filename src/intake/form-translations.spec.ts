import { describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { PublishIntakeForms1795602030158 } from '../../migrations/1795602030158-PublishIntakeForms.js';
import type { FormDefinition } from './form-definition.js';
import { FORM_TEXTS, formIn, textKeysOf } from './form-translations.js';

/** The forms as published: what the migration writes, read without a database. */
async function publishedForms(): Promise<FormDefinition[]> {
  const forms: FormDefinition[] = [];
  const runner = {
    query: async (sql: string, parameters?: unknown[]) => {
      if (sql.startsWith('INSERT INTO "intake_form"') && parameters) {
        forms.push(JSON.parse(parameters[2] as string) as FormDefinition);
      }
    },
  } as unknown as QueryRunner;
  await new PublishIntakeForms1795602030158().up(runner);
  return forms;
}

/** Everything of a form but its texts: what a translation must never change. */
const rulesOf = (form: FormDefinition) => ({
  slug: form.slug,
  version: form.version,
  sections: form.sections.map((section) => ({
    id: section.id,
    questions: section.questions.map(
      ({ label: _label, minLabel, maxLabel, options, ...rules }) => ({
        ...rules,
        options: options?.map((option) => option.value),
        hasMinLabel: minLabel !== undefined,
        hasMaxLabel: maxLabel !== undefined,
      }),
    ),
  })),
});

describe('form translations', () => {
  it('translate every text of every published form, and nothing a form does not have', async () => {
    const forms = await publishedForms();
    expect(forms.map((form) => form.slug).sort()).toEqual(['couples', 'individual']);
    for (const [language, bySlug] of Object.entries(FORM_TEXTS)) {
      expect(Object.keys(bySlug).sort()).toEqual(forms.map((form) => form.slug).sort());
      for (const form of forms) {
        const texts = bySlug[form.slug]!;
        const keys = textKeysOf(form);
        const missing = keys.filter((key) => !texts[key]?.trim());
        const unused = Object.keys(texts).filter((key) => !keys.includes(key));
        expect({ language, form: form.slug, missing, unused }).toEqual({
          language,
          form: form.slug,
          missing: [],
          unused: [],
        });
      }
    }
  });

  it('keep the ids, types, options and rules; only texts change', async () => {
    for (const form of await publishedForms()) {
      const spanish = formIn(form, 'es');
      expect(rulesOf(spanish)).toEqual(rulesOf(form));
      expect(spanish).toMatchObject({ lang: 'es', languages: ['en', 'es'] });
      const english = textKeysOf(form);
      expect(english.length).toBeGreaterThan(0);
      expect(spanish.title).not.toBe(form.title);
      expect(spanish.sections[0]!.questions[0]!.label).not.toBe(
        form.sections[0]!.questions[0]!.label,
      );
    }
  });

  it('leaves English as published, with its language said', async () => {
    const [form] = await publishedForms();
    expect(formIn(form!, 'en')).toEqual({ ...form, lang: 'en', languages: ['en', 'es'] });
  });
});
