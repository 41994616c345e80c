import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemResponses } from '../common/openapi.js';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { Staff } from '../auth/staff.decorator.js';
import {
  CreateWebhookDto,
  UpdateWebhookDto,
  WebhookDeliveriesQueryDto,
} from './dto/webhook-subscription.dto.js';
import { WebhookSubscriptions } from './webhook-subscriptions.service.js';
import {
  CreatedWebhookView,
  WebhookDeliveryPage,
  WebhookListView,
  WebhookView,
} from './webhook.view.js';
import { RequiresFreshCredentials } from '../auth/fresh-credentials.js';

/** /v1/admin/webhooks (docs/api.md#webhooks): subscriptions to lead events. Admins only. */
@ApiTags('admin')
@Controller('v1/admin/webhooks')
@Staff('admin')
export class WebhooksController {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  @Get()
  @ApiOperation({ summary: 'Webhook subscriptions' })
  @ApiOkResponse({ type: WebhookListView })
  async list(): Promise<WebhookListView> {
    return { items: await this.subscriptions.list() };
  }

  @Post()
  @HttpCode(201)
  @RequiresFreshCredentials()
  @ApiOperation({ summary: 'Subscribe a URL; the answer shows the secret, this once' })
  @ApiCreatedResponse({ type: CreatedWebhookView })
  create(
    @Body() body: CreateWebhookDto,
    @Req() request: FastifyRequest,
  ): Promise<CreatedWebhookView> {
    return this.subscriptions.create(body, actorOf(request));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook subscription' })
  @ApiOkResponse({ type: WebhookView })
  @ProblemResponses(404)
  get(@Param('id') id: string): Promise<WebhookView> {
    return this.subscriptions.get(id);
  }

  @Patch(':id')
  @RequiresFreshCredentials({ whenBodyHas: 'secret' })
  @ApiOperation({ summary: 'Change the URL, events, active flag or secret' })
  @ApiOkResponse({ type: WebhookView })
  @ProblemResponses(404)
  update(
    @Param('id') id: string,
    @Body() body: UpdateWebhookDto,
    @Req() request: FastifyRequest,
  ): Promise<WebhookView> {
    return this.subscriptions.update(id, body, actorOf(request));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook subscription' })
  @ApiNoContentResponse({ description: 'Deleted, with its delivery history.' })
  @ProblemResponses(404)
  async remove(@Param('id') id: string, @Req() request: FastifyRequest): Promise<void> {
    await this.subscriptions.remove(id, actorOf(request));
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries of this subscription, newest first, with attempts' })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @ProblemResponses(404)
  deliveries(
    @Param('id') id: string,
    @Query() query: WebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveryPage> {
    return this.subscriptions.deliveries(id, query);
  }
}
