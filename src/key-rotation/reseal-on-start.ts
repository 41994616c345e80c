import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobQueue } from '../queue/job-queue.js';
import { QueueModule } from '../queue/queue.module.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { type RotationReport, rotateEncryptedValues } from './key-rotation.js';

/**
 * Every process sends, once per current key (pg-boss keeps one such job), the job that
 * re-seals whatever is not v2 under that key: values sealed before v2 (no binding to their
 * row) and, after a key change, values of the older keys. Where workers run, it does what
 * `npm run rotate-key` does, so an upgraded install needs no step to bind its old values;
 * `rotate-key` stays the way to see that nothing is left before dropping an old key.
 */
@Injectable()
export class ResealOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(ResealOnStart.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: DataCipher,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const keyId = this.cipher.currentKeyId;
    await this.dataSource.transaction((manager) =>
      this.queue.enqueueIn(manager, 'encryption.reseal', { keyId }, { onceFor: keyId }),
    );
    if (!this.config.jobs.runWorkers) return;
    await this.queue.work(
      'encryption.reseal',
      async () => {
        await this.reseal();
      },
      { concurrency: 1 },
    );
  }

  /** Re-seals every stale value; fails (and is retried) while anything is left. */
  async reseal(): Promise<RotationReport[]> {
    const reports = await rotateEncryptedValues(this.dataSource, this.cipher);
    const left = reports.filter((report) => report.remaining > 0);
    const counts = reports.map(({ table, column, resealed, sealedFromPlaintext, remaining }) => ({
      column: `${table}.${column}`,
      resealed,
      sealedFromPlaintext,
      remaining,
    }));
    if (left.length > 0) {
      this.logger.error({ counts }, 'sealed values left under an older key or format');
      throw new Error('sealed values are left under an older key or format');
    }
    const changed = counts.filter((count) => count.resealed + count.sealedFromPlaintext > 0);
    if (changed.length === 0) {
      // The usual start: nothing was stale. Not worth a line at info.
      this.logger.debug({ keyId: this.cipher.currentKeyId }, 're-seal: nothing to do');
    } else {
      this.logger.log({ counts: changed, keyId: this.cipher.currentKeyId }, 're-seal done');
    }
    return reports;
  }
}

@Module({ imports: [QueueModule], providers: [ResealOnStart] })
export class ResealOnStartModule {}
