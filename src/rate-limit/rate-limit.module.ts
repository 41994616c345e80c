import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { RateLimitBucketRepository } from './rate-limit-bucket.repository.js';
import { RateLimiter } from './rate-limiter.service.js';

/** The shared limiter: a module whose controllers use `@RateLimited()` imports this. */
@Module({
  imports: [MetricsModule],
  providers: [RateLimiter, RateLimitBucketRepository],
  exports: [RateLimiter, RateLimitBucketRepository],
})
export class RateLimitModule {}
