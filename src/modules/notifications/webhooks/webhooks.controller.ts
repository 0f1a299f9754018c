import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { type CreateWebhookDto, createWebhookSchema, type DeliveriesQuery, deliveriesQuerySchema, webhookIdSchema } from './webhooks.dto.js';
import { WebhooksService } from './webhooks.service.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';

@ApiTags('webhooks')
// A site's endpoints, for its admins (operators on every site): the request's site is the endpoint's.
@Authenticated({ minRole: 'admin' })
@Controller('api/v1/admin/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @ApiOperation({ summary: "Register a webhook endpoint for the site's events (admin); the answer carries its signing secret, once" })
  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body({ schema: createWebhookSchema }) dto: CreateWebhookDto) {
    return this.webhooks.create(principal, dto);
  }

  @ApiOperation({ summary: "The site's webhook endpoints (admin)" })
  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    return this.webhooks.list(principal);
  }

  @ApiOperation({ summary: 'Remove a webhook endpoint (admin)' })
  @ApiErrors('NOT_FOUND')
  @Delete(':webhookId')
  @HttpCode(204)
  remove(@CurrentPrincipal() principal: Principal, @Param('webhookId', { schema: webhookIdSchema }) id: string): Promise<void> {
    return this.webhooks.remove(principal, id);
  }

  @ApiOperation({ summary: "An endpoint's delivery log, newest first; `?status=dead` for its dead letters (admin)" })
  @ApiErrors('NOT_FOUND')
  @Get(':webhookId/deliveries')
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('webhookId', { schema: webhookIdSchema }) id: string,
    @Query({ schema: deliveriesQuerySchema }) query: DeliveriesQuery,
  ) {
    return this.webhooks.deliveries(principal, id, query);
  }

  @ApiOperation({ summary: 'Send a dead letter again (admin)' })
  @ApiErrors('NOT_FOUND')
  @Post(':webhookId/deliveries/:deliveryId/retry')
  @HttpCode(202)
  redeliver(
    @CurrentPrincipal() principal: Principal,
    @Param('webhookId', { schema: webhookIdSchema }) id: string,
    @Param('deliveryId', { schema: webhookIdSchema }) deliveryId: string,
  ): Promise<void> {
    return this.webhooks.redeliver(principal, id, deliveryId);
  }
}
