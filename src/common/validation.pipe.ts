import {
  type ArgumentMetadata,
  Injectable,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { type FieldError, ProblemException } from './problem-details.js';

/**
 * The one message worth showing for a field. class-validator runs a property's
 * decorators bottom-up, so the last failure is the topmost decorator: write the type
 * check first and it explains a wrong type before any length or pattern does.
 */
function firstMessage(error: ValidationError): string | undefined {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation) return 'is not allowed';
  const message = constraints.isDefined ?? Object.values(constraints).at(-1);
  if (message === undefined) return undefined;
  return message.startsWith(`${error.property} `)
    ? message.slice(error.property.length + 1)
    : message;
}

/** Flattens class-validator's tree into `{ field: "consent.contact", message }`, one per field. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = firstMessage(error);
    const own = message === undefined ? [] : [{ field, message }];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The one validation pipe: unknown fields are errors, every bad field is named, and the
 * answer is a 422 problem. Error values are never echoed (they may be personal data).
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => ProblemException.validation(fieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && !isPlainObject(value)) {
      throw ProblemException.validation([{ field: 'body', message: 'must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}
