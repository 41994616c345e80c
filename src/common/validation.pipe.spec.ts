import { describe, expect, it } from '@jest/globals';
import { IsInt, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ProblemException } from './problem-details.js';
import { RequestValidationPipe } from './validation.pipe.js';
import { PhoneField } from '../leads/dto/contact-fields.js';

class Inner {
  @IsInt({ message: 'must be a whole number' })
  count!: number;
}

class Outer {
  @IsString({ message: 'must be a string' })
  @Length(2, 5, { message: 'must be 2 to 5 characters' })
  name!: string;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

class Phone {
  @PhoneField()
  phone?: string;
}

describe('RequestValidationPipe', () => {
  const sut = new RequestValidationPipe();
  const validate = (value: unknown) => sut.transform(value, { type: 'body', metatype: Outer });

  const problemOf = async (value: unknown) => {
    try {
      await validate(value);
    } catch (error) {
      return error as ProblemException;
    }
    throw new Error('expected a validation problem');
  };

  it('passes a valid body through as an instance', async () => {
    await expect(validate({ name: 'abc', inner: { count: 1 } })).resolves.toBeInstanceOf(Outer);
  });

  it('names nested fields with dotted paths and unknown fields as not allowed', async () => {
    const problem = await problemOf({ name: 'abc', inner: { count: 'x' }, extra: true });
    expect(problem.code).toBe('validation');
    expect(problem.options.errors).toEqual([
      { field: 'extra', code: 'unknown_field', message: 'is not allowed' },
      { field: 'inner.count', code: 'invalid_type', message: 'must be a whole number' },
    ]);
  });

  it('explains a wrong type before a wrong length, once per field', async () => {
    const problem = await problemOf({ name: 7, inner: { count: 1 } });
    expect(problem.options.errors).toEqual([
      { field: 'name', code: 'invalid_type', message: 'must be a string' },
    ]);
  });

  it('tells too short from too long and keeps the numbers for a translated message', async () => {
    const short = await problemOf({ name: 'a', inner: { count: 1 } });
    expect(short.options.errors).toEqual([
      {
        field: 'name',
        code: 'too_short',
        message: 'must be 2 to 5 characters',
        params: { min: 2, max: 5 },
      },
    ]);
    const long = await problemOf({ name: 'abcdef', inner: { count: 1 } });
    expect(long.options.errors?.[0]?.code).toBe('too_long');
  });

  it('calls a missing value required, whichever check noticed it', async () => {
    const problem = await problemOf({ inner: { count: 1 } });
    expect(problem.options.errors).toEqual([
      { field: 'name', code: 'required', message: 'must be a string' },
    ]);
  });

  it('takes a code a decorator declares in its context', async () => {
    const problem = await sut
      .transform({ phone: '555' }, { type: 'body', metatype: Phone })
      .catch((error: ProblemException) => error);
    expect((problem as ProblemException).options.errors).toEqual([
      {
        field: 'phone',
        code: 'invalid_phone',
        message: 'must be a phone number in E.164 form, e.g. +15035550142',
      },
    ]);
  });

  it('refuses a body that is not a JSON object', async () => {
    for (const body of [null, [], 'text', 3]) {
      const problem = await problemOf(body);
      expect(problem.options.errors).toEqual([
        { field: 'body', code: 'invalid_type', message: 'must be a JSON object' },
      ]);
    }
  });
});
