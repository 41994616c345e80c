import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { FormDefinition } from './form-definition.js';
import { freeTextOf, validateAnswers } from './answer-validation.js';

const form: FormDefinition = {
  slug: 'test',
  version: 1,
  title: 'Test',
  sections: [
    {
      id: 's',
      title: 'S',
      questions: [
        { id: 'scale', type: 'scale', label: 'Scale', required: true, min: 1, max: 7 },
        { id: 'yes', type: 'yesno', label: 'Yes?', required: true },
        {
          id: 'one',
          type: 'single',
          label: 'One',
          required: true,
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        {
          id: 'many',
          type: 'multi',
          label: 'Many',
          required: false,
          options: [
            { value: 'x', label: 'X' },
            { value: 'y', label: 'Y' },
          ],
        },
        { id: 'story', type: 'textarea', label: 'Story', required: false, maxLength: 10 },
        { id: 'name', type: 'text', label: 'Name', required: false },
        { id: 'born', type: 'date', label: 'Born', required: false },
        { id: 'mail', type: 'email', label: 'Mail', required: false },
        { id: 'tel', type: 'phone', label: 'Tel', required: false },
      ],
    },
  ],
};

const valid = { scale: 4, yes: false, one: 'a' };

describe('validateAnswers', () => {
  it('accepts a complete, well-typed set and returns it normalised', () => {
    const result = validateAnswers(form, {
      ...valid,
      many: ['y'],
      story: '  short  ',
      born: '1990-02-28',
    });
    expect(result).toEqual({
      answers: { ...valid, many: ['y'], story: 'short', born: '1990-02-28' },
      errors: [],
    });
  });

  it('names every bad answer by question id', () => {
    const result = validateAnswers(form, {
      scale: 8,
      yes: 'yes',
      one: 'c',
      many: ['x', 'x'],
      story: 'far too long text',
      name: 'two\nlines',
      born: '1990-02-30',
      mail: 'nope',
      tel: '555',
      extra: 1,
    });
    expect(result.errors.map((error) => error.field).sort()).toEqual(
      [
        'answers.extra',
        'answers.scale',
        'answers.yes',
        'answers.one',
        'answers.many',
        'answers.story',
        'answers.name',
        'answers.born',
        'answers.mail',
        'answers.tel',
      ].sort(),
    );
  });

  it('gives every bad answer its stable code', () => {
    const { errors } = validateAnswers(form, {
      scale: 8,
      yes: 'yes',
      one: 'c',
      many: ['x', 'x'],
      story: 'far too long text',
      name: 'two\nlines',
      born: '1990-02-30',
      mail: 'nope',
      tel: '555',
      extra: 1,
    });
    expect(Object.fromEntries(errors.map((error) => [error.field, error.code]))).toEqual({
      'answers.extra': 'unknown_field',
      'answers.scale': 'out_of_range',
      'answers.yes': 'invalid_type',
      'answers.one': 'not_an_option',
      'answers.many': 'invalid_format',
      'answers.story': 'too_long',
      'answers.name': 'invalid_format',
      'answers.born': 'invalid_date',
      'answers.mail': 'invalid_email',
      'answers.tel': 'invalid_phone',
    });
    expect(errors.find((error) => error.field === 'answers.scale')?.params).toEqual({
      min: 1,
      max: 7,
    });
  });

  it('requires required questions and lets optional ones be left out', () => {
    expect(validateAnswers(form, {}).errors).toEqual([
      { field: 'answers.scale', code: 'required', message: 'is required' },
      { field: 'answers.yes', code: 'required', message: 'is required' },
      { field: 'answers.one', code: 'required', message: 'is required' },
    ]);
    expect(validateAnswers(form, { ...valid, story: '   ' }).answers).toEqual(valid);
  });

  it('refuses anything but an object', () => {
    for (const input of [null, [], 'x', 3]) {
      expect(validateAnswers(form, input).errors).toEqual([
        {
          field: 'answers',
          code: 'invalid_type',
          message: 'must be an object of answers by question id',
        },
      ]);
    }
  });

  it('accepts exactly the whole numbers of the scale', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double()), (value) => {
        const ok = Number.isInteger(value) && value >= 1 && value <= 7;
        expect(validateAnswers(form, { ...valid, scale: value }).errors.length === 0).toBe(ok);
      }),
    );
  });

  it('finds the free text for crisis screening', () => {
    expect(freeTextOf(form, { ...valid, story: 'hello', name: 'not free text' })).toEqual([
      'hello',
    ]);
  });
});
