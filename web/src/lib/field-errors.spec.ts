import { describe, expect, it } from '@jest/globals';
import { requiredErrors, withPageErrors } from './field-errors';

describe('requiredErrors', () => {
  it('names every required field left empty, blank or unticked', () => {
    expect(
      requiredErrors(
        { name: '  ', email: 'a@example.com', 'consent.contact': false, 'answers.goals': [] },
        ['name', 'email', 'serviceType', 'consent.contact', 'answers.goals'],
      ).map((error) => error.field),
    ).toEqual(['name', 'serviceType', 'consent.contact', 'answers.goals']);
  });
});

describe('withPageErrors', () => {
  it('puts the page’s "is required" in place of the API’s message for the same field', () => {
    expect(
      withPageErrors(
        [
          { field: 'name', message: 'must be a string' },
          { field: 'email', message: 'must be an email address' },
        ],
        [{ field: 'name', message: 'is required' }],
        ['name', 'email'],
      ),
    ).toEqual([
      { field: 'name', message: 'is required' },
      { field: 'email', message: 'must be an email address' },
    ]);
  });

  it('orders errors as their fields appear on the page, unknown ones last', () => {
    const errors = withPageErrors(
      [
        { field: 'consent.contact', message: 'x' },
        { field: 'formVersion', message: 'x' },
      ],
      [{ field: 'client.name', message: 'is required' }],
      ['client.name', 'consent.contact'],
    );
    expect(errors.map((error) => error.field)).toEqual([
      'client.name',
      'consent.contact',
      'formVersion',
    ]);
  });
});
