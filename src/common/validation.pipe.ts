import {
  type ArgumentMetadata,
  Injectable,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { type FieldError, ProblemException } from './problem-details.js';
import {
  VALIDATION_CODES,
  type ValidationCode,
  type ValidationParams,
} from '../vocabulary/validation-codes.js';

/**
 * class-validator's constraint names → our stable codes: the one table that says what a
 * DTO's refusal means. A decorator may name its own code with `context: { code }` (a
 * phone number is a `matches` that means `invalid_phone`).
 */
const CONSTRAINT_CODES: Record<string, ValidationCode> = {
  isDefined: 'required',
  whitelistValidation: 'unknown_field',
  unknownValue: 'invalid_type',
  nestedValidation: 'invalid_type',
  isString: 'invalid_type',
  isBoolean: 'invalid_type',
  isObject: 'invalid_type',
  isArray: 'invalid_type',
  isInt: 'invalid_type',
  isNumber: 'invalid_type',
  maxLength: 'too_long',
  arrayMaxSize: 'too_long',
  minLength: 'too_short',
  arrayMinSize: 'too_short',
  isNotEmpty: 'too_short',
  arrayNotEmpty: 'too_short',
  isEmail: 'invalid_email',
  isIn: 'not_an_option',
  isEnum: 'not_an_option',
  min: 'out_of_range',
  max: 'out_of_range',
  isDateString: 'invalid_date',
  isISO8601: 'invalid_date',
  isDate: 'invalid_date',
  isPhoneNumber: 'invalid_phone',
  isUuid: 'invalid_format',
};

/**
 * The one failure worth showing for a field. class-validator runs a property's
 * decorators bottom-up, so the last failure is the topmost decorator: write the type
 * check first and it explains a wrong type before any length or pattern does.
 */
function firstFailure(error: ValidationError): { constraint: string; message: string } | undefined {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation)
    return { constraint: 'whitelistValidation', message: 'is not allowed' };
  const constraint = constraints.isDefined ? 'isDefined' : Object.keys(constraints).at(-1);
  if (constraint === undefined) return undefined;
  const message = constraints[constraint]!;
  return {
    constraint,
    message: message.startsWith(`${error.property} `)
      ? message.slice(error.property.length + 1)
      : message,
  };
}

/** Constraints whose messages name their limits ("at most 200", "1 to 200"). */
const COUNTED = new Set([
  'isLength',
  'maxLength',
  'minLength',
  'arrayMaxSize',
  'arrayMinSize',
  'min',
  'max',
]);

/** The numbers a limit's message names, for a translated message. */
function paramsOf(constraint: string, message: string): ValidationParams {
  if (!COUNTED.has(constraint)) return {};
  const numbers = (message.match(/\d+/g) ?? []).map(Number);
  if (numbers.length >= 2) return { min: numbers[0], max: numbers[1] };
  if (numbers.length === 0) return {};
  return constraint.startsWith('min') || constraint === 'arrayMinSize'
    ? { min: numbers[0] }
    : { max: numbers[0] };
}

function codeOf(
  error: ValidationError,
  constraint: string,
  params: ValidationParams,
): ValidationCode {
  const declared = (error.contexts?.[constraint] as { code?: unknown } | undefined)?.code;
  if (typeof declared === 'string' && (VALIDATION_CODES as readonly string[]).includes(declared)) {
    return declared as ValidationCode;
  }
  // Nothing sent where something must be: whichever check noticed, it is missing.
  if ((error.value === undefined || error.value === null) && constraint !== 'whitelistValidation') {
    return 'required';
  }
  if (constraint === 'isLength') {
    const length = typeof error.value === 'string' ? error.value.length : 0;
    return params.min !== undefined && length < params.min ? 'too_short' : 'too_long';
  }
  return CONSTRAINT_CODES[constraint] ?? 'invalid_format';
}

/** Flattens class-validator's tree into `{ field: "consent.contact", code, message }`, one per field. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const failure = firstFailure(error);
    let own: FieldError[] = [];
    if (failure) {
      const params = paramsOf(failure.constraint, failure.message);
      const code = codeOf(error, failure.constraint, params);
      own = [
        Object.keys(params).length > 0
          ? { field, code, message: failure.message, params }
          : { field, code, message: failure.message },
      ];
    }
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
      // The value is kept only to tell too short from too long; it is never sent or logged.
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => ProblemException.validation(fieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && !isPlainObject(value)) {
      throw ProblemException.validation([
        { field: 'body', code: 'invalid_type', message: 'must be a JSON object' },
      ]);
    }
    return super.transform(value, metadata);
  }
}
