import { describe, expect, it } from '@jest/globals';
import type { FormDefinition } from '../intake/form-definition.js';
import {
  DRAFT_VALID_DAYS,
  allOptional,
  draftExpiry,
  isOpen,
  resumeLink,
  validatePartialAnswers,
} from './draft-rules.js';

const form: FormDefinition = {
  slug: 'individual',
  version: 1,
  title: 'Intake',
  sections: [
    {
      id: 'one',
      title: 'One',
      questions: [
        { id: 'goals', type: 'textarea', label: 'Goals', required: true },
        { id: 'mood', type: 'scale', label: 'Mood', required: true, min: 1, max: 5 },
        {
          id: 'topics',
          type: 'multi',
          label: 'Topics',
          required: true,
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
      ],
    },
  ],
};

describe('draft rules', () => {
  it('a draft with no answers yet is valid', () => {
    expect(validatePartialAnswers(form, {})).toEqual({ answers: {}, errors: [] });
  });

  it('an answered field is checked like an intake answer', () => {
    const { errors } = validatePartialAnswers(form, { mood: 9, topics: ['c'] });
    expect(errors.map((error) => error.field)).toEqual(['answers.mood', 'answers.topics']);
  });

  it('an unknown question is refused', () => {
    const { errors } = validatePartialAnswers(form, { nope: 'x' });
    expect(errors).toEqual([
      { field: 'answers.nope', code: 'unknown_field', message: 'is not a question of this form' },
    ]);
  });

  it('keeps valid answers, trimmed, and accepts an empty multi choice', () => {
    expect(validatePartialAnswers(form, { goals: '  calmer  ', topics: [] }).answers).toEqual({
      goals: 'calmer',
      topics: [],
    });
  });

  it('does not change the published form', () => {
    allOptional(form);
    expect(form.sections[0]!.questions.every((question) => question.required)).toBe(true);
  });

  it('a draft expires seven days after it was saved', () => {
    const saved = new Date('2026-12-01T10:00:00Z');
    const expires = draftExpiry(saved);
    expect(DRAFT_VALID_DAYS).toBe(7);
    expect(expires.toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(isOpen(expires, new Date('2026-12-08T09:59:59Z'))).toBe(true);
    expect(isOpen(expires, expires)).toBe(false);
  });

  it('the link opens the hosted intake page with the token', () => {
    expect(resumeLink('https://intake.example', 'couples', 'a-b_c')).toBe(
      'https://intake.example/intake/couples?resume=a-b_c',
    );
  });
});
