import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '../common/problem-details.js';
import { ProblemResponses } from '../common/openapi.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { FormDefinitionDto } from './dto/form-definition.dto.js';
import { FormLanguageQueryDto } from './dto/form-language.query.js';
import { RequestLanguage } from '../common/request-language.js';
import type { Language } from '../vocabulary/languages.js';
import { IntakeFormsService } from './intake-forms.service.js';

const versionPipe = new ParseIntPipe({
  exceptionFactory: () =>
    new ProblemException('not-found', 'This version of the form does not exist.'),
});

@ApiTags('public')
@Controller('v1/intake-forms')
@RateLimited('read')
export class IntakeFormsController {
  constructor(private readonly forms: IntakeFormsService) {}

  @Get(':slug')
  @ApiOperation({ summary: 'The current published version of a form (individual, couples)' })
  @ApiOkResponse({ type: FormDefinitionDto })
  @ProblemResponses([404, 'No published form has this slug.'])
  async latest(
    @Param('slug') slug: string,
    @Query() query: FormLanguageQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<FormDefinitionDto> {
    return this.forms.withConsents(await this.forms.latestIn(slug, query.lang ?? language));
  }

  @Get(':slug/versions/:version')
  @ApiOperation({ summary: 'A given version of a form, old versions included' })
  @ApiOkResponse({ type: FormDefinitionDto })
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1 } })
  @ProblemResponses([404, 'No such form or version.'])
  async version(
    @Param('slug') slug: string,
    @Param('version', versionPipe) version: number,
    @Query() query: FormLanguageQueryDto,
    @RequestLanguage() language: Language,
  ): Promise<FormDefinitionDto> {
    return this.forms.withConsents(
      await this.forms.versionIn(slug, version, query.lang ?? language),
    );
  }
}
