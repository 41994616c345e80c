import { Global, Module } from '@nestjs/common';
import { RateLimitBucketRepository } from './rate-limit-bucket.repository.js';
import { RateLimiter } from './rate-limiter.service.js';

/** Makes the shared limiter available to `@RateLimited()` on any controller. */
@Global()
@Module({
  providers: [RateLimiter, RateLimitBucketRepository],
  exports: [RateLimiter, RateLimitBucketRepository],
})
export class RateLimitModule {}
