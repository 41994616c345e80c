import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { loggableError, toProblem } from './problem-details.filter.js';
import { PROBLEM_TYPES, ProblemException, problemBody } from './problem-details.js';

describe('problem details', () => {
  it('renders type, title and status from the code, plus detail and errors', () => {
    const body = problemBody(ProblemException.validation([{ field: 'email', message: 'bad' }]));
    expect(body).toEqual({
      type: '/problems/validation',
      title: 'Invalid request',
      status: 422,
      detail: '1 field is invalid',
      errors: [{ field: 'email', code: 'invalid_format', message: 'bad' }],
    });
  });

  it('in Spanish, says each code in Spanish and keeps field and code', () => {
    const problem = ProblemException.validation([
      {
        field: 'name',
        code: 'too_long',
        message: 'must be 1 to 200 characters',
        params: { min: 1, max: 200 },
      },
      { field: 'consent.contact', code: 'must_be_true', message: 'must be true to be contacted' },
    ]);
    expect(problemBody(problem, 'es')).toMatchObject({
      detail: 'Hay 2 campos que revisar',
      errors: [
        { field: 'name', code: 'too_long', message: 'Por favor, use como máximo 200 caracteres.' },
        {
          field: 'consent.contact',
          code: 'must_be_true',
          message: 'Por favor, marque esta casilla para continuar.',
        },
      ],
    });
    expect(problemBody(problem, 'en').errors?.[0]?.message).toBe('must be 1 to 200 characters');
  });

  it('maps framework errors to the matching problem', () => {
    expect(toProblem(new NotFoundException()).code).toBe('not-found');
    expect(toProblem({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }).code).toBe(
      'payload-too-large',
    );
    expect(toProblem({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }).code).toBe(
      'unsupported-media-type',
    );
    expect(
      toProblem(Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 })).code,
    ).toBe('malformed-json');
  });

  it('turns anything unexpected into a bare 500', () => {
    const problem = toProblem(new Error('duplicate key (email)=(alex@example.com)'));
    expect(problemBody(problem)).toEqual({
      type: '/problems/internal',
      title: 'Internal error',
      status: 500,
    });
  });

  it('a database that cannot be reached is a bare 503 unavailable, not a 500', () => {
    const dropped = Object.assign(new Error('Connection terminated unexpectedly: (alex)'), {
      name: 'QueryFailedError',
      driverError: new Error('Connection terminated unexpectedly'),
    });
    const problem = toProblem(dropped);
    expect(problemBody(problem)).toEqual({
      type: '/problems/unavailable',
      title: 'Service unavailable',
      status: 503,
    });
    expect(PROBLEM_TYPES[problem.code]).toHaveProperty('retryAfterSeconds', 5);
  });

  it('logs an unexpected error without its message, which may quote client data', () => {
    const logged = JSON.stringify(
      loggableError(
        Object.assign(new Error('invalid input: "alex@example.com"'), { code: '22P02' }),
      ),
    );
    expect(logged).toContain('22P02');
    expect(logged).not.toContain('alex@example.com');
  });

  it('has a page-worthy description for every type', () => {
    for (const type of Object.values(PROBLEM_TYPES))
      expect(type.description.length).toBeGreaterThan(20);
  });
});
