import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, type Language } from '../../vocabulary/languages.js';

/** `?lang=es`: the language of a form's texts (docs/api.md#languages). */
export class FormLanguageQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description:
      "The form's texts in this language. Default: the request's `Accept-Language`, else `en`.",
  })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;
}
