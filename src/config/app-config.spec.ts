import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      http: { port: 3000, host: '0.0.0.0' },
      database: { url: undefined, runMigrations: true },
      dataDir: '.data',
      spamMinSeconds: 3,
      corsOrigins: [],
    });
  });

  it('reads lists, numbers and booleans', () => {
    const config = loadConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example.com, https://b.example.com',
      MIGRATIONS_RUN: 'false',
      DATABASE_URL: 'postgres://u:p@db:5432/intake',
      PUBLIC_BASE_URL: 'https://intake.example.com/',
    });
    expect(config.http.port).toBe(8080);
    expect(config.corsOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(config.database).toEqual({ url: 'postgres://u:p@db:5432/intake', runMigrations: false });
    expect(config.publicBaseUrl).toBe('https://intake.example.com');
  });

  it('keeps webhooks to public https addresses in production unless private URLs are allowed', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25' };
    const key = { DATA_ENCRYPTION_KEY: `k1:${Buffer.alloc(32).toString('base64')}` };
    expect(loadConfig({}).jobs.webhookUrls).toEqual({ allowPrivate: false, requireHttps: false });
    expect(loadConfig({ ...production, ...key }).jobs.webhookUrls).toEqual({
      allowPrivate: false,
      requireHttps: true,
    });
    expect(
      loadConfig({ ...production, ...key, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }).jobs.webhookUrls,
    ).toEqual({ allowPrivate: true, requireHttps: false });
  });

  it('names every bad variable and never echoes a value', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@db', CORS_ORIGINS: '*' });
    expect(attempt).toThrow(ConfigurationError);
    try {
      attempt();
    } catch (error) {
      const { problems, message } = error as ConfigurationError;
      expect(problems.map((problem) => problem.split(':')[0])).toEqual([
        'PORT',
        'DATABASE_URL',
        'CORS_ORIGINS',
      ]);
      expect(message).not.toContain('secret');
    }
  });

  it('keeps spam 30 days by default and accepts 1 to 3650 days', () => {
    expect(loadConfig({}).retention.spamDays).toBe(30);
    expect(loadConfig({ SPAM_RETENTION_DAYS: '7' }).retention.spamDays).toBe(7);
    for (const bad of ['0', '3651', 'a week']) {
      expect(() => loadConfig({ SPAM_RETENTION_DAYS: bad })).toThrow(/SPAM_RETENTION_DAYS/);
    }
  });
});
