import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponses } from '../common/openapi.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { IntakeDraftDto, IntakeDraftSavedDto } from './dto/intake-draft.view.js';
import { SaveIntakeDraftDto } from './dto/save-intake-draft.dto.js';
import { IntakeDraftsService } from './intake-drafts.service.js';

@ApiTags('public')
@Controller('v1/intake-drafts')
export class IntakeDraftsController {
  constructor(private readonly drafts: IntakeDraftsService) {}

  @Post()
  @HttpCode(202)
  @RateLimited('submission')
  @ApiOperation({
    summary: 'Save answers to finish later; emails a link that opens them for 7 days',
  })
  @ApiAcceptedResponse({ type: IntakeDraftSavedDto })
  save(@Body() body: SaveIntakeDraftDto): Promise<IntakeDraftSavedDto> {
    return this.drafts.save(body);
  }

  @Get(':token')
  @RateLimited('read')
  @ApiOperation({ summary: 'The answers saved behind a resume link' })
  @ApiOkResponse({ type: IntakeDraftDto })
  @ProblemResponses(
    [404, 'No saved answers have this link (replaced by a later save, or sent).'],
    [410, 'The link expired.'],
  )
  show(@Param('token') token: string): Promise<IntakeDraftDto> {
    return this.drafts.show(token);
  }
}
