import { describe, expect, it } from '@jest/globals';
import {
  answersBody,
  type FormDefinition,
  questionLabels,
  scalePoints,
  unansweredRequired,
} from './form-definition';

const form: FormDefinition = {
  slug: 'test',
  version: 1,
  title: 'Every type',
  consents: [],

  lang: 'en',
  languages: ['en', 'es'],
  sections: [
    {
      id: 'all',
      title: 'All',
      questions: [
        { id: 'text', type: 'text', label: 'Text', required: false },
        { id: 'long', type: 'textarea', label: 'Long', required: false },
        { id: 'mail', type: 'email', label: 'Mail', required: false },
        { id: 'tel', type: 'phone', label: 'Tel', required: false },
        { id: 'day', type: 'date', label: 'Day', required: false },
        { id: 'one', type: 'single', label: 'One', required: true, options: [{ value: 'a', label: 'A' }] },
        { id: 'many', type: 'multi', label: 'Many', required: true, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { id: 'agree', type: 'scale', label: 'Agree', required: true, min: 1, max: 7 },
        { id: 'yes', type: 'yesno', label: 'Yes?', required: true },
        { id: 'no', type: 'yesno', label: 'No?', required: true },
      ],
    },
  ],
}; // prettier-ignore

describe('answersBody', () => {
  it('turns what the page holds into the values each question type takes', () => {
    expect(
      answersBody(form, {
        'answers.text': ' words ',
        'answers.long': 'line one\nline two',
        'answers.mail': 'a@example.com',
        'answers.tel': '(503) 555-0142',
        'answers.day': '2026-01-31',
        'answers.one': 'a',
        'answers.many': ['b', 'a'],
        'answers.agree': '6',
        'answers.yes': 'yes',
        'answers.no': 'no',
      }),
    ).toEqual({
      text: 'words',
      long: 'line one\nline two',
      mail: 'a@example.com',
      tel: '+15035550142',
      day: '2026-01-31',
      one: 'a',
      many: ['b', 'a'],
      agree: 6,
      yes: true,
      no: false,
    });
  });

  it('leaves unanswered questions out, so the API names the required ones', () => {
    expect(
      answersBody(form, { 'answers.text': '  ', 'answers.many': [], 'answers.agree': '' }),
    ).toEqual({});
  });
});

describe('scalePoints', () => {
  it('lists every point from min to max', () => {
    expect(
      scalePoints({ id: 's', type: 'scale', label: 'S', required: true, min: 1, max: 7 }),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('questionLabels', () => {
  it('labels each answer path with its question', () => {
    expect(questionLabels(form)['answers.agree']).toBe('Agree');
  });
});

describe('unansweredRequired', () => {
  it('names each required question without an answer as the API does', () => {
    expect(unansweredRequired(form, { one: 'a', many: ['a'], agree: 4 })).toEqual([
      { field: 'answers.yes', message: 'is required' },
      { field: 'answers.no', message: 'is required' },
    ]);
  });
});
