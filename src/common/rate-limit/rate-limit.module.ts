import { Global, Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter.service.js';

/** Makes the shared limiter available to `@RateLimited()` on any controller. */
@Global()
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class RateLimitModule {}
