import { describe, expect, it } from '@jest/globals';
import { IsInt, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ProblemException } from './problem-details.js';
import { RequestValidationPipe } from './validation.pipe.js';

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
      { field: 'extra', message: 'is not allowed' },
      { field: 'inner.count', message: 'must be a whole number' },
    ]);
  });

  it('explains a wrong type before a wrong length, once per field', async () => {
    const problem = await problemOf({ name: 7, inner: { count: 1 } });
    expect(problem.options.errors).toEqual([{ field: 'name', message: 'must be a string' }]);
  });

  it('refuses a body that is not a JSON object', async () => {
    for (const body of [null, [], 'text', 3]) {
      const problem = await problemOf(body);
      expect(problem.options.errors).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
    }
  });
});
