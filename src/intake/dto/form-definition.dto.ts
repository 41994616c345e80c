import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConsentTextView } from '../../consents/dto/consent-document.view.js';
import { QUESTION_TYPES, type QuestionType } from '../form-definition.js';
import { LANGUAGES, type Language } from '../../vocabulary/languages.js';

export class QuestionOptionDto {
  @ApiProperty() value!: string;
  @ApiProperty() label!: string;
}

export class QuestionDto {
  @ApiProperty({ example: 'anx1' }) id!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() label!: string;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ type: [QuestionOptionDto] }) options?: QuestionOptionDto[];
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional() minLabel?: string;
  @ApiPropertyOptional() maxLabel?: string;
  @ApiPropertyOptional({ description: 'Longest accepted text answer' }) maxLength?: number;
  @ApiPropertyOptional({ description: 'Never shown to the other partner' }) private?: boolean;
}

export class FormSectionDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [QuestionDto] }) questions!: QuestionDto[];
}

export class FormDefinitionDto {
  @ApiProperty({ example: 'couples' }) slug!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [FormSectionDto] }) sections!: FormSectionDto[];
  @ApiProperty({
    type: [ConsentTextView],
    description:
      'What each respondent must sign with this form: the current version of each consent ' +
      'document required for its service type and language',
  })
  consents!: ConsentTextView[];

  @ApiProperty({ enum: LANGUAGES, description: 'The language of the texts' }) lang!: Language;
  @ApiProperty({ enum: LANGUAGES, isArray: true, description: 'Every language the form exists in' })
  languages!: Language[];
}
