import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { NormalizedText } from '../../common/text.js';
import { SERVICE_TYPES, type ServiceType, US_STATE_CODES } from '../../vocabulary/contact.js';

export const MAX_MODALITIES = 20;
export const MAX_WEEKLY_CAPACITY = 100;
/** A modality is one lower-case word, or words joined by hyphens: gottman, eft, ifs, cbt. */
export const MODALITY_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// As in src/leads/dto/contact-fields.ts, applyDecorators applies its list first to last,
// the reverse of stacked decorators: each list is written bottom-up, the type check last,
// so a wrong type is reported before a wrong length. `required` is true on create:
// then a missing field "is required"; on update a missing field is left alone, but a
// null is checked (and refused) like any other value.
const Presence = (required: boolean) =>
  required
    ? IsDefined({ message: 'is required' })
    : ValidateIf((_dto: object, value: unknown) => value !== undefined);

const Documented = (required: boolean, options: Parameters<typeof ApiProperty>[0]) =>
  required ? ApiProperty(options) : ApiPropertyOptional(options);

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export const ClinicianNameField = (required: boolean) =>
  applyDecorators(
    Matches(NO_CONTROL_CHARACTERS, { message: 'must not contain control characters' }),
    Length(1, 200, { message: 'must be 1 to 200 characters' }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
    Presence(required),
    Documented(required, { minLength: 1, maxLength: 200, example: 'Dana Whitfield, LMFT' }),
  );

export const ClinicianEmailField = (required: boolean) =>
  applyDecorators(
    IsEmail({}, { message: 'must be an email address' }),
    MaxLength(254, { message: 'must be at most 254 characters' }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
    Presence(required),
    Documented(required, { format: 'email', maxLength: 254, example: 'dana@practice.example' }),
  );

export const ModalitiesField = (required: boolean) =>
  applyDecorators(
    Matches(MODALITY_PATTERN, {
      each: true,
      message: 'must be lower-case words, e.g. gottman, eft, ifs, cbt',
    }),
    MaxLength(40, { each: true, message: 'must each be at most 40 characters' }),
    IsString({ each: true, message: 'must be a list of strings' }),
    ArrayUnique({ message: 'must not list a modality twice' }),
    ArrayMaxSize(MAX_MODALITIES, { message: `must list at most ${MAX_MODALITIES} modalities` }),
    IsArray({ message: 'must be an array' }),
    Presence(required),
    Documented(required, {
      type: [String],
      maxItems: MAX_MODALITIES,
      example: ['eft', 'gottman'],
      description: 'Therapy methods the clinician is trained in, lower case.',
    }),
  );

export const ServiceTypesField = (required: boolean) =>
  applyDecorators(
    IsIn(SERVICE_TYPES, { each: true, message: `must each be one of ${SERVICE_TYPES.join(', ')}` }),
    ArrayUnique({ message: 'must not list a service type twice' }),
    IsArray({ message: 'must be an array' }),
    Presence(required),
    Documented(required, { enum: SERVICE_TYPES, isArray: true, example: ['couples'] }),
  );

export const LicensedStatesField = (required: boolean) =>
  applyDecorators(
    IsIn(US_STATE_CODES, { each: true, message: 'must each be a US state or territory code' }),
    ArrayUnique({ message: 'must not list a state twice' }),
    IsArray({ message: 'must be an array' }),
    Presence(required),
    Documented(required, {
      enum: US_STATE_CODES,
      isArray: true,
      example: ['OR', 'WA'],
      description: 'USPS codes of the states the clinician is licensed in.',
    }),
  );

export const FlagField = (required: boolean, description: string) =>
  applyDecorators(
    IsBoolean({ message: 'must be true or false' }),
    Presence(required),
    Documented(required, { type: Boolean, description }),
  );

export const WeeklyCapacityField = (required: boolean) =>
  applyDecorators(
    Max(MAX_WEEKLY_CAPACITY, { message: `must be at most ${MAX_WEEKLY_CAPACITY}` }),
    Min(0, { message: 'must be at least 0' }),
    IsInt({ message: 'must be an integer' }),
    Presence(required),
    Documented(required, {
      minimum: 0,
      maximum: MAX_WEEKLY_CAPACITY,
      example: 4,
      description: 'New clients the clinician can take on per week.',
    }),
  );

export const LinkedUserField = () =>
  applyDecorators(
    IsUUID('all', { message: 'must be a UUID' }),
    IsOptional(),
    ApiPropertyOptional({
      type: String,
      format: 'uuid',
      nullable: true,
      description:
        'The staff account (role clinician) that signs in as this clinician: leads assigned ' +
        'here are theirs to see. One profile per account; null unlinks.',
    }),
  );

/** POST /v1/admin/clinicians. */
export class CreateClinicianDto {
  @ClinicianNameField(true) name!: string;
  @ClinicianEmailField(true) email!: string;
  @ModalitiesField(true) modalities!: string[];
  @ServiceTypesField(true) serviceTypes!: ServiceType[];
  @LicensedStatesField(true) licensedStates!: string[];
  @FlagField(true, 'Open to new clients: a hard constraint of matching.')
  acceptingNewClients!: boolean;
  @WeeklyCapacityField(true) weeklyCapacity!: number;
  /** Optional: a new profile is active unless it says otherwise. */
  @FlagField(false, 'Inactive clinicians are not matched. Default: true.') active?: boolean = true;
  @LinkedUserField() userId?: string | null;
}

/** The fields a clinician may change on their own profile; everything else is for staff. */
export const OWN_PROFILE_FIELDS = ['acceptingNewClients', 'weeklyCapacity', 'modalities'] as const;

/**
 * PATCH /v1/admin/clinicians/:id: only the fields sent change. A clinician may send only
 * acceptingNewClients, weeklyCapacity and modalities, and only for their own profile.
 */
export class UpdateClinicianDto {
  @ClinicianNameField(false) name?: string;
  @ClinicianEmailField(false) email?: string;
  @ModalitiesField(false) modalities?: string[];
  @ServiceTypesField(false) serviceTypes?: ServiceType[];
  @LicensedStatesField(false) licensedStates?: string[];
  @FlagField(false, 'Open to new clients: a hard constraint of matching.')
  acceptingNewClients?: boolean;
  @WeeklyCapacityField(false) weeklyCapacity?: number;
  @FlagField(false, 'Inactive clinicians are not matched.') active?: boolean;
  @LinkedUserField() userId?: string | null;
}
