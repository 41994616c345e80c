import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { ProblemResponses } from '../common/openapi.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { BookingsService } from './bookings.service.js';
import { BookingCreatedView, BookingView, CreateBookingDto } from './dto/booking.dto.js';

/** /v1/bookings/:token: the client's booking link (`/book?token=…`). */
@ApiTags('public')
@Controller('v1/bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Get(':token')
  @RateLimited('read')
  @ApiOperation({
    summary: 'What the booking link offers: open slots, the booked consultation, or why not',
  })
  @ApiOkResponse({ type: BookingView })
  @ProblemResponses(
    [404, 'No booking link has this token.'],
    [410, 'The link expired (after 14 days) without a booking.'],
  )
  read(@Param('token') token: string): Promise<BookingView> {
    return this.bookings.read(token);
  }

  @Post(':token')
  @HttpCode(201)
  @RateLimited('submission')
  @ApiOperation({ summary: 'Book one of the open slots' })
  @ApiCreatedResponse({ type: BookingCreatedView })
  @ProblemResponses(
    [404, 'No booking link has this token.'],
    [
      409,
      '`/problems/slot-taken`: the time was just taken or is not offered; `/problems/conflict`: ' +
        'this link already booked a consultation.',
    ],
    [410, 'The link expired (after 14 days) without a booking.'],
  )
  book(
    @Param('token') token: string,
    @Body() body: CreateBookingDto,
    @Req() request: FastifyRequest,
  ): Promise<BookingCreatedView> {
    return this.bookings.book(token, body, actorOf(request));
  }

  @Delete(':token')
  @HttpCode(204)
  @RateLimited('submission')
  @ApiOperation({ summary: 'Cancel the booked consultation (before it starts); book again later' })
  @ApiNoContentResponse({ description: 'Cancelled; the link books again.' })
  @ProblemResponses(
    [404, 'No booking link has this token.'],
    [409, 'Nothing is booked, or the consultation has started.'],
  )
  async cancel(@Param('token') token: string, @Req() request: FastifyRequest): Promise<void> {
    await this.bookings.cancel(token, actorOf(request));
  }
}
