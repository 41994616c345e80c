import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/**
 * On shutdown the HTTP server stops accepting and waits for its connections; a
 * keep-alive connection whose request finished after that moment would hold it for the
 * whole keep-alive timeout. After SHUTDOWN_GRACE_SECONDS every connection left is cut,
 * so a deploy never hangs and the database closes only after HTTP has.
 */
@Injectable()
export class ConnectionDrain implements BeforeApplicationShutdown {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  beforeApplicationShutdown(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.closeAllConnections) return;
    setTimeout(
      () => server.closeAllConnections(),
      this.config.http.shutdownGraceSeconds * 1000,
    ).unref();
  }
}
