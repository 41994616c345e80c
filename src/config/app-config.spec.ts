import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      http: { port: 3000, host: '0.0.0.0' },
      database: { url: undefined, runMigrations: true, connectTimeoutSeconds: 4 },
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
    expect(config.database).toEqual({
      url: 'postgres://u:p@db:5432/intake',
      runMigrations: false,
      connectTimeoutSeconds: 4,
    });
    expect(config.publicBaseUrl).toBe('https://intake.example.com');
  });

  it('points links at the port the service listens on unless PUBLIC_BASE_URL says otherwise', () => {
    expect(loadConfig({}).publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '4100' }).publicBaseUrl).toBe('http://localhost:4100');
    expect(
      loadConfig({ PORT: '4100', PUBLIC_BASE_URL: 'https://intake.example.com' }).publicBaseUrl,
    ).toBe('https://intake.example.com');
  });

  it('is readable in development and JSON elsewhere unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT/);
  });

  it('requires TLS to the mail server and hides /docs in production by default', () => {
    const production = {
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail:25',
      DATA_ENCRYPTION_KEY: `k1:${Buffer.alloc(32).toString('base64')}`,
    };
    expect(loadConfig({}).mail.requireTls).toBe(false);
    expect(loadConfig({}).docsPublic).toBe(true);
    expect(loadConfig(production).mail.requireTls).toBe(true);
    expect(loadConfig(production).docsPublic).toBe(false);
    expect(loadConfig({ ...production, SMTP_REQUIRE_TLS: 'false' }).mail.requireTls).toBe(false);
    expect(loadConfig({ ...production, DOCS_PUBLIC: 'true' }).docsPublic).toBe(true);
  });

  it('bounds how long a client may take to send its headers and its request', () => {
    expect(loadConfig({}).http).toMatchObject({
      requestTimeoutSeconds: 30,
      headersTimeoutSeconds: 10,
    });
    // Headers are part of the request: their limit never exceeds the whole request's.
    expect(
      loadConfig({ HTTP_REQUEST_TIMEOUT_SECONDS: '5', HTTP_HEADERS_TIMEOUT_SECONDS: '20' }).http,
    ).toMatchObject({ requestTimeoutSeconds: 5, headersTimeoutSeconds: 5 });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '0' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_SECONDS/,
    );
  });

  it('bounds how long a database connection may take to open', () => {
    expect(
      loadConfig({ DATABASE_CONNECT_TIMEOUT_SECONDS: '20' }).database.connectTimeoutSeconds,
    ).toBe(20);
    for (const value of ['0', '121', 'soon']) {
      expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_SECONDS: value })).toThrow(
        /DATABASE_CONNECT_TIMEOUT_SECONDS/,
      );
    }
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

  it('asks every staff member for a second factor in production unless MFA_REQUIRED says otherwise', () => {
    const production = {
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail:25',
      DATA_ENCRYPTION_KEY: `k1:${Buffer.alloc(32).toString('base64')}`,
    };
    expect(loadConfig(production).auth.mfaRequired).toBe('all');
    expect(loadConfig({ ...production, MFA_REQUIRED: 'enrolled' }).auth.mfaRequired).toBe(
      'enrolled',
    );
    expect(loadConfig({}).auth.mfaRequired).toBe('enrolled');
    expect(loadConfig({ NODE_ENV: 'test' }).auth.mfaRequired).toBe('enrolled');
    expect(() => loadConfig({ MFA_REQUIRED: 'some' })).toThrow(/MFA_REQUIRED/);
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

  it('schedules no backups unless BACKUP_DIR is set, and keeps 14 of them by default', () => {
    expect(loadConfig({}).backups).toEqual({ dir: undefined, keep: 14 });
    expect(loadConfig({ BACKUP_DIR: '/var/backups/ri', BACKUP_KEEP: '30' }).backups).toEqual({
      dir: '/var/backups/ri',
      keep: 30,
    });
    for (const bad of ['0', '3651', 'two weeks']) {
      expect(() => loadConfig({ BACKUP_KEEP: bad })).toThrow(/BACKUP_KEEP/);
    }
  });

  it('trusts no proxy by default, and takes true, a hop count or addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,loopback,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.0.2.7',
      'loopback',
      '::1',
    ]);
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '1.2.3.4/8/2', '11']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('has rate limits on by default, each one turned off by 0', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      submissionsPerIpPerHour: 20,
      submissionsPerEmailPerDay: 10,
      authPerIpPer15Min: 30,
      passwordResetsPerEmailPerHour: 5,
      readsPerIpPerMinute: 300,
    });
    expect(loadConfig({ RATE_LIMIT_SUBMISSIONS_PER_IP_PER_HOUR: '0' }).rateLimits).toMatchObject({
      submissionsPerIpPerHour: 0,
    });
    expect(() => loadConfig({ RATE_LIMIT_READS_PER_IP_PER_MINUTE: '-1' })).toThrow(
      /RATE_LIMIT_READS_PER_IP_PER_MINUTE/,
    );
  });

  it('needs both keys for a CAPTCHA provider and never echoes the secret', () => {
    expect(loadConfig({}).captcha).toMatchObject({ provider: 'none', timeoutMs: 3000 });
    const attempt = () =>
      loadConfig({ CAPTCHA_PROVIDER: 'turnstile', CAPTCHA_SECRET_KEY: 'sekrit-value' });
    expect(attempt).toThrow(/CAPTCHA_SITE_KEY: is required when CAPTCHA_PROVIDER is turnstile/);
    expect(attempt).not.toThrow(/sekrit-value/);
    expect(
      loadConfig({ CAPTCHA_PROVIDER: 'hcaptcha', CAPTCHA_SECRET_KEY: 's', CAPTCHA_SITE_KEY: 'k' })
        .captcha,
    ).toMatchObject({ provider: 'hcaptcha', secretKey: 's', siteKey: 'k' });
  });

  it('lets only tests point the CAPTCHA check at another server', () => {
    const url = { CAPTCHA_VERIFY_URL: 'http://127.0.0.1:9999/siteverify' };
    expect(loadConfig({ NODE_ENV: 'test', ...url }).captcha.verifyUrl).toBe(url.CAPTCHA_VERIFY_URL);
    expect(() => loadConfig(url)).toThrow(
      /CAPTCHA_VERIFY_URL: may only be set when NODE_ENV is test/,
    );
  });

  it('takes a METRICS_TOKEN of 16 or more printable characters and never echoes a bad one', () => {
    expect(loadConfig({}).metrics.token).toBeUndefined();
    const token = 'scrape-token-0123456789';
    expect(loadConfig({ METRICS_TOKEN: token }).metrics.token).toBe(token);
    const short = () => loadConfig({ METRICS_TOKEN: 'short-sekrit' });
    expect(short).toThrow(/METRICS_TOKEN: must be 16 to 200 printable characters/);
    expect(short).not.toThrow(/short-sekrit/);
    expect(() => loadConfig({ METRICS_TOKEN: 'has a space in it, see' })).toThrow(/METRICS_TOKEN/);
  });

  it('lets only tests load the CAPTCHA widget from somewhere other than the provider', () => {
    const url = { CAPTCHA_SCRIPT_URL: 'http://127.0.0.1:9999/widget.js' };
    expect(loadConfig({ NODE_ENV: 'test', ...url }).captcha.scriptUrl).toBe(url.CAPTCHA_SCRIPT_URL);
    expect(() => loadConfig(url)).toThrow(
      /CAPTCHA_SCRIPT_URL: may only be set when NODE_ENV is test/,
    );
  });

  it('sends "Leave this site" to a weather site unless SAFE_EXIT_URL names another http(s) page', () => {
    expect(loadConfig({}).safeExitUrl).toBe('https://weather.com/');
    expect(loadConfig({ SAFE_EXIT_URL: 'https://news.example/' }).safeExitUrl).toBe(
      'https://news.example/',
    );
    expect(() => loadConfig({ SAFE_EXIT_URL: 'javascript:alert(1)' })).toThrow(
      /SAFE_EXIT_URL: must be an http\(s\) URL/,
    );
  });
});
