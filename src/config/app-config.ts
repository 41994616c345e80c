import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import { parseKeyRing } from './key-ring.js';
import {
  IsBoolean,
  IsEmail,
  IsTimeZone,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/**
 * Every setting the service reads from its environment, validated once at boot.
 * The property names are the environment variable names, so a validation message
 * names exactly the variable to fix.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** On shutdown, how long requests in flight may take before connections are cut. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  SHUTDOWN_GRACE_SECONDS = 10;

  /** postgres://user:pass@host:5432/db. Unset: an embedded PostgreSQL in DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 54329;

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /**
   * How long opening a database connection (or waiting for a free pooled one) may take
   * before the request answers 503. Above about 5 s a request during an outage no longer
   * answers within 10 s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  DATABASE_CONNECT_TIMEOUT_SECONDS = 4;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** `pretty`: one readable line per event; `json`: one JSON object per line. Unset: pretty in development, json elsewhere. */
  @IsOptional()
  @IsIn(['pretty', 'json'])
  LOG_FORMAT?: 'pretty' | 'json';

  /** Serve the OpenAPI UI and document (/docs, /docs-json) in production too. Always served elsewhere. */
  @Transform(toBoolean)
  @IsBoolean()
  DOCS_PUBLIC = false;

  /** How long a client may take to send a whole request (headers and body) before 408. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  HTTP_REQUEST_TIMEOUT_SECONDS = 30;

  /** How long a client may take to send the request headers (slow-header attacks). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  HTTP_HEADERS_TIMEOUT_SECONDS = 10;

  /** Origins of the practice website(s) allowed to call the public API from a browser. */
  @Transform(toList)
  @IsUrl({ require_tld: false, require_protocol: true }, { each: true })
  CORS_ORIGINS: string[] = [];

  /** Where people open the service; used in links sent by email. Unset: http://localhost:PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL?: string;

  /**
   * Where "Leave this site" (and Escape pressed twice) on the public pages and the embed
   * takes a visitor: a neutral page that does not say what they were reading.
   */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'SAFE_EXIT_URL must be an http(s) URL' },
  )
  SAFE_EXIT_URL = 'https://weather.com/';

  /** A reach-out form submitted faster than this after `formStartedAt` is stored as spam. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600)
  SPAM_MIN_SECONDS = 3;

  /**
   * Key ring for data at rest: `id:base64key[,id:base64key…]`, current key first.
   * Unset outside production: a key is generated into DATA_DIR on first start.
   */
  @IsOptional()
  @IsString()
  DATA_ENCRYPTION_KEY?: string;

  /** smtp://user:pass@host:587 or smtps://…; unset: a local mail catcher (not in production). */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Refuse to send unless the SMTP connection is upgraded to TLS. Unset: true in production, else false. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_REQUIRE_TLS?: boolean;

  /**
   * Add the example informed-consent document on first start, while no consent document
   * exists (docs/operations.md). Unset: true, except under NODE_ENV=test.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  CONSENT_EXAMPLE_SEED?: boolean;

  @IsString()
  @Matches(/^[^\r\n]+$/, { message: 'must be one line' })
  MAIL_FROM = 'Relational Intake <intake@practice.example>';

  /**
   * The name clients see until an admin sets one (PATCH /v1/admin/settings `practice.name`).
   * Neutral by default: clients must never meet this product's own name.
   */
  @IsString()
  @Matches(/^[^\r\n]{1,100}$/, { message: 'must be one line of at most 100 characters' })
  PRACTICE_NAME = 'Our practice';

  /** Receives staff notifications while no coordinator or admin account exists. */
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  PRACTICE_INTAKE_EMAIL = 'intake@practice.example';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  MAIL_CATCHER_SMTP_PORT = 1025;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  MAIL_CATCHER_WEB_PORT = 1080;

  /** Run the job workers (email, webhooks, reminders) in this process. */
  @Transform(toBoolean)
  @IsBoolean()
  RUN_WORKERS = true;

  /** First retry delay of a failed email or webhook; doubles each time, with jitter. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DELIVERY_RETRY_DELAY_SECONDS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(50)
  DELIVERY_RETRY_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS = 10000;

  /**
   * Let webhooks reach loopback, private, link-local and internal hosts, and plain http
   * in production. Off: only public addresses (checked again at every delivery).
   */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_URLS = false;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RESPONSE_TARGET_CRISIS_MINUTES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RESPONSE_TARGET_HIGH_MINUTES = 240;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  RESPONSE_TARGET_ROUTINE_BUSINESS_DAYS = 1;

  /**
   * Who must sign in with a TOTP code: `enrolled` (everyone who enrolled; an enrolment
   * cannot be dropped) or `all` (staff without one may only enrol until they do).
   * Unset: `all` when NODE_ENV is production, else `enrolled`.
   */
  @IsOptional()
  @IsIn(['enrolled', 'all'])
  MFA_REQUIRED?: 'enrolled' | 'all';

  /**
   * Failed sign-ins for one address from one client address before each further attempt
   * from there must wait (15 s, doubling, up to LOGIN_MAX_DELAY_MINUTES). Never a lock.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  /** The longest wait between attempts for one address from one client address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_MAX_DELAY_MINUTES = 15;

  /**
   * Failed sign-ins for one address from all clients together after which every client
   * address gets one attempt before it must wait (a distributed guess slows down too).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_ACCOUNT_MAX_FAILURES = 50;

  /** Spam leads are deleted for good this many days after they were marked spam. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  SPAM_RETENTION_DAYS = 30;

  /** IANA time zone of the practice: business days and weekends are counted there. */
  @IsTimeZone({ message: 'must be an IANA time zone, e.g. America/Los_Angeles' })
  PRACTICE_TIME_ZONE = 'America/Los_Angeles';

  /**
   * Which proxies in front of the service may name the client in X-Forwarded-For:
   * `false` (none: the peer address is the client), `true` (any: only behind a proxy
   * that overwrites the header), a hop count, or a comma-separated list of addresses,
   * CIDR ranges or `loopback`, `linklocal`, `uniquelocal`. Checked in loadConfig.
   */
  @IsString()
  TRUST_PROXY = 'false';

  /** Public form submissions (inquiries, intakes, partner answers) per client address; 0: off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  RATE_LIMIT_SUBMISSIONS_PER_IP_PER_HOUR = 20;

  /** Public form submissions per submitted email address (any client address); 0: off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  RATE_LIMIT_SUBMISSIONS_PER_EMAIL_PER_DAY = 10;

  /** Sign-ins, password resets and invitation acceptances per client address; 0: off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  RATE_LIMIT_AUTH_PER_IP_PER_15_MIN = 30;

  /** Password-reset requests per email address, whoever asks; 0: off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  RATE_LIMIT_PASSWORD_RESETS_PER_EMAIL_PER_HOUR = 5;

  /** Public reads (forms, partner links, CAPTCHA settings) per client address; 0: off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000000)
  RATE_LIMIT_READS_PER_IP_PER_MINUTE = 300;

  /**
   * Folder for the daily backup (written by a worker, the newest BACKUP_KEEP kept);
   * unset: no scheduled backups. `npm run backup` writes there too when set.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[^\r\n\0]+$/, { message: 'must be a folder path' })
  BACKUP_DIR?: string;

  /** How many daily backups stay in BACKUP_DIR; older ones are deleted. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  BACKUP_KEEP = 14;

  /** Server-side CAPTCHA check of public submissions: `none`, `turnstile` or `hcaptcha`. */
  @IsIn(['none', 'turnstile', 'hcaptcha'])
  CAPTCHA_PROVIDER: 'none' | 'turnstile' | 'hcaptcha' = 'none';

  /** The provider's secret; required with a provider. Never logged or shown. */
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,500}$/, { message: 'must be the secret key as the provider gave it' })
  CAPTCHA_SECRET_KEY?: string;

  /** The provider's public site key, served to pages by GET /v1/captcha; required with a provider. */
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,500}$/, { message: 'must be the site key as the provider gave it' })
  CAPTCHA_SITE_KEY?: string;

  /** How long a submission waits for the provider before it is stored for review. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(30000)
  CAPTCHA_TIMEOUT_MS = 3000;

  /**
   * Bearer token a Prometheus scraper sends to GET /metrics. In production /metrics is
   * hidden (404) without it; elsewhere it is open and the token, if set, is still required.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{16,200}$/, {
    message: 'must be 16 to 200 printable characters without spaces',
  })
  METRICS_TOKEN?: string;

  /** Tests only (NODE_ENV=test): a stand-in for the provider's siteverify URL. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  CAPTCHA_VERIFY_URL?: string;

  /** Tests only (NODE_ENV=test): a stand-in for the provider's widget script URL. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  CAPTCHA_SCRIPT_URL?: string;
}

/** What Fastify's `trustProxy` takes; see EnvironmentVariables.TRUST_PROXY. */
export type TrustProxy = boolean | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY as Fastify takes it, or a message saying why it cannot be. */
export function parseTrustProxy(value: string): TrustProxy | { problem: string } {
  const text = value.trim().toLowerCase();
  if (['false', '0', 'no', 'off', ''].includes(text)) return false;
  if (['true', 'yes', 'on'].includes(text)) return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? hops : { problem: 'a hop count must be at most 10' };
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length > 0 && entries.every(isAddressOrRange)) return entries;
  return {
    problem:
      'must be true, false, a hop count, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal',
  };
}

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly shutdownGraceSeconds: number;
    /** Fastify's requestTimeout: the whole request must arrive within it (408 otherwise). */
    readonly requestTimeoutSeconds: number;
    /** Node's headersTimeout: the request headers must arrive within it. */
    readonly headersTimeoutSeconds: number;
  };
  readonly database: {
    /** Unset when the embedded PostgreSQL should be started. */
    readonly url?: string;
    readonly runMigrations: boolean;
    readonly connectTimeoutSeconds: number;
  };
  readonly dataDir: string;
  /** Unset: the development key in DATA_DIR is used (created on first start). */
  readonly dataEncryptionKey?: string;
  readonly embeddedPostgresPort: number;
  readonly logLevel: EnvironmentVariables['LOG_LEVEL'];
  readonly logFormat: 'pretty' | 'json';
  /** Whether /docs and /docs-json are served (always outside production; DOCS_PUBLIC there). */
  readonly docsPublic: boolean;
  readonly corsOrigins: readonly string[];
  readonly publicBaseUrl: string;
  /** "Leave this site" goes here (SAFE_EXIT_URL). */
  readonly safeExitUrl: string;
  readonly spamMinSeconds: number;
  readonly mail: {
    /** Unset: the local mail catcher is started and used. */
    readonly smtpUrl?: string;
    readonly requireTls: boolean;
    readonly from: string;
    readonly catcherSmtpPort: number;
    readonly catcherWebPort: number;
  };
  /** Consent documents: whether the example is added on first start. */
  readonly consents: { readonly exampleSeed: boolean };
  readonly practice: {
    readonly name: string;
    readonly intakeEmail: string;
    readonly timeZone: string;
  };
  readonly jobs: {
    readonly runWorkers: boolean;
    readonly retryDelaySeconds: number;
    readonly retryLimit: number;
    readonly webhookTimeoutMs: number;
    /** Where webhooks may go (src/webhooks/url-safety.ts). */
    readonly webhookUrls: { readonly allowPrivate: boolean; readonly requireHttps: boolean };
  };
  readonly auth: {
    readonly mfaRequired: 'enrolled' | 'all';
    /** Per (email address, client address): failures before attempts must wait. */
    readonly maxFailures: number;
    readonly maxDelayMinutes: number;
    /** Per email address, all clients: failures after which each client gets one free try. */
    readonly accountMaxFailures: number;
  };
  readonly retention: {
    /** Days a spam lead is kept after it became spam; then the daily job purges it. */
    readonly spamDays: number;
  };
  readonly responseTargets: {
    readonly crisisMinutes: number;
    readonly highMinutes: number;
    readonly routineBusinessDays: number;
    readonly timeZone: string;
  };
  /** Which proxies may name the client (Fastify's trustProxy); false: none. */
  readonly trustProxy: TrustProxy;
  /** Limits of the public routes (src/rate-limit); 0 turns one off. */
  readonly rateLimits: {
    readonly submissionsPerIpPerHour: number;
    readonly submissionsPerEmailPerDay: number;
    readonly authPerIpPer15Min: number;
    readonly passwordResetsPerEmailPerHour: number;
    readonly readsPerIpPerMinute: number;
  };
  readonly backups: {
    /** Unset: no scheduled backups. */
    readonly dir?: string;
    readonly keep: number;
  };
  readonly captcha: {
    readonly provider: 'none' | 'turnstile' | 'hcaptcha';
    /** Set whenever provider is not `none`. */
    readonly secretKey?: string;
    readonly siteKey?: string;
    readonly timeoutMs: number;
    /** Only ever set in tests: where to send the verification instead of the provider. */
    readonly verifyUrl?: string;
    /** Only ever set in tests: where pages load the widget from instead of the provider. */
    readonly scriptUrl?: string;
  };
  readonly metrics: {
    /** Required as a bearer token on GET /metrics when set; unset in production: 404. */
    readonly token?: string;
  };
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the environment; throws a ConfigurationError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const raw: Record<string, string> = {};
  const optional = ['DATABASE_URL', 'SMTP_URL', 'DATA_ENCRYPTION_KEY', 'PUBLIC_BASE_URL'];
  optional.push('LOG_FORMAT', 'SMTP_REQUIRE_TLS');
  optional.push('CAPTCHA_SECRET_KEY', 'CAPTCHA_SITE_KEY', 'CAPTCHA_VERIFY_URL', 'BACKUP_DIR');
  optional.push('CAPTCHA_SCRIPT_URL');
  optional.push('METRICS_TOKEN');
  optional.push('CONSENT_EXAMPLE_SEED');
  optional.push('MFA_REQUIRED');
  for (const name of [...known, ...optional]) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { forbidUnknownValues: true });
  const problems: string[] = [];
  if (vars.NODE_ENV === 'production' && !vars.SMTP_URL) {
    // A mail catcher in production would silently swallow every notification.
    problems.push('SMTP_URL: is required when NODE_ENV is production');
  }
  if (vars.NODE_ENV === 'production' && !vars.DATA_ENCRYPTION_KEY) {
    problems.push('DATA_ENCRYPTION_KEY: is required when NODE_ENV is production');
  }
  if (vars.DATA_ENCRYPTION_KEY) {
    try {
      parseKeyRing(vars.DATA_ENCRYPTION_KEY);
    } catch (error) {
      problems.push(`DATA_ENCRYPTION_KEY: ${(error as Error).message}`);
    }
  }
  const trustProxy = parseTrustProxy(vars.TRUST_PROXY);
  if (typeof trustProxy === 'object' && !Array.isArray(trustProxy)) {
    problems.push(`TRUST_PROXY: ${trustProxy.problem}`);
  }
  if (vars.CAPTCHA_PROVIDER !== 'none') {
    // Without them every submission would be stored for review: refuse to start instead.
    if (!vars.CAPTCHA_SECRET_KEY) {
      problems.push(
        `CAPTCHA_SECRET_KEY: is required when CAPTCHA_PROVIDER is ${vars.CAPTCHA_PROVIDER}`,
      );
    }
    if (!vars.CAPTCHA_SITE_KEY) {
      problems.push(
        `CAPTCHA_SITE_KEY: is required when CAPTCHA_PROVIDER is ${vars.CAPTCHA_PROVIDER}`,
      );
    }
  }
  if (vars.CAPTCHA_VERIFY_URL && vars.NODE_ENV !== 'test') {
    // Anywhere else it would let a configuration send every token to another server.
    problems.push('CAPTCHA_VERIFY_URL: may only be set when NODE_ENV is test');
  }
  if (vars.CAPTCHA_SCRIPT_URL && vars.NODE_ENV !== 'test') {
    // Anywhere else it would let a configuration load any script into the public pages.
    problems.push('CAPTCHA_SCRIPT_URL: may only be set when NODE_ENV is test');
  }
  if (errors.length > 0 || problems.length > 0) {
    // Never echo the value: a bad DATABASE_URL may hold a password.
    throw new ConfigurationError([
      ...errors.map(
        (error) =>
          `${error.property}: ${Object.values(error.constraints ?? {})
            .map((message) => message.replace(`${error.property} `, ''))
            .join('; ')}`,
      ),
      ...problems,
    ]);
  }
  return {
    env: vars.NODE_ENV,
    http: {
      port: vars.PORT,
      host: vars.HOST,
      shutdownGraceSeconds: vars.SHUTDOWN_GRACE_SECONDS,
      requestTimeoutSeconds: vars.HTTP_REQUEST_TIMEOUT_SECONDS,
      headersTimeoutSeconds: Math.min(
        vars.HTTP_HEADERS_TIMEOUT_SECONDS,
        vars.HTTP_REQUEST_TIMEOUT_SECONDS,
      ),
    },
    database: {
      url: vars.DATABASE_URL,
      runMigrations: vars.MIGRATIONS_RUN,
      connectTimeoutSeconds: vars.DATABASE_CONNECT_TIMEOUT_SECONDS,
    },
    dataDir: vars.DATA_DIR,
    dataEncryptionKey: vars.DATA_ENCRYPTION_KEY,
    embeddedPostgresPort: vars.EMBEDDED_POSTGRES_PORT,
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT ?? (vars.NODE_ENV === 'development' ? 'pretty' : 'json'),
    docsPublic: vars.NODE_ENV !== 'production' || vars.DOCS_PUBLIC,
    corsOrigins: vars.CORS_ORIGINS,
    // Links in emails follow the port the service really listens on unless told otherwise.
    publicBaseUrl: (vars.PUBLIC_BASE_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
    safeExitUrl: vars.SAFE_EXIT_URL,
    spamMinSeconds: vars.SPAM_MIN_SECONDS,
    mail: {
      smtpUrl: vars.SMTP_URL,
      // Notices about clients must not cross the network in clear text in production.
      requireTls: vars.SMTP_REQUIRE_TLS ?? vars.NODE_ENV === 'production',
      from: vars.MAIL_FROM,
      catcherSmtpPort: vars.MAIL_CATCHER_SMTP_PORT,
      catcherWebPort: vars.MAIL_CATCHER_WEB_PORT,
    },
    consents: { exampleSeed: vars.CONSENT_EXAMPLE_SEED ?? vars.NODE_ENV !== 'test' },
    practice: {
      name: vars.PRACTICE_NAME,
      intakeEmail: vars.PRACTICE_INTAKE_EMAIL,
      timeZone: vars.PRACTICE_TIME_ZONE,
    },
    jobs: {
      runWorkers: vars.RUN_WORKERS,
      retryDelaySeconds: vars.DELIVERY_RETRY_DELAY_SECONDS,
      retryLimit: vars.DELIVERY_RETRY_LIMIT,
      webhookTimeoutMs: vars.WEBHOOK_TIMEOUT_MS,
      webhookUrls: {
        allowPrivate: vars.WEBHOOK_ALLOW_PRIVATE_URLS,
        // Signed lead events over plain http are readable on the way: https in production.
        requireHttps: vars.NODE_ENV === 'production' && !vars.WEBHOOK_ALLOW_PRIVATE_URLS,
      },
    },
    auth: {
      // HIPAA 164.312(d): production asks every staff member for a second factor unless
      // the operator decides otherwise; development and tests keep the lighter default.
      mfaRequired: vars.MFA_REQUIRED ?? (vars.NODE_ENV === 'production' ? 'all' : 'enrolled'),
      maxFailures: vars.LOGIN_MAX_FAILURES,
      maxDelayMinutes: vars.LOGIN_MAX_DELAY_MINUTES,
      accountMaxFailures: vars.LOGIN_ACCOUNT_MAX_FAILURES,
    },
    retention: { spamDays: vars.SPAM_RETENTION_DAYS },
    responseTargets: {
      crisisMinutes: vars.RESPONSE_TARGET_CRISIS_MINUTES,
      highMinutes: vars.RESPONSE_TARGET_HIGH_MINUTES,
      routineBusinessDays: vars.RESPONSE_TARGET_ROUTINE_BUSINESS_DAYS,
      timeZone: vars.PRACTICE_TIME_ZONE,
    },
    trustProxy: trustProxy as TrustProxy,
    rateLimits: {
      submissionsPerIpPerHour: vars.RATE_LIMIT_SUBMISSIONS_PER_IP_PER_HOUR,
      submissionsPerEmailPerDay: vars.RATE_LIMIT_SUBMISSIONS_PER_EMAIL_PER_DAY,
      authPerIpPer15Min: vars.RATE_LIMIT_AUTH_PER_IP_PER_15_MIN,
      passwordResetsPerEmailPerHour: vars.RATE_LIMIT_PASSWORD_RESETS_PER_EMAIL_PER_HOUR,
      readsPerIpPerMinute: vars.RATE_LIMIT_READS_PER_IP_PER_MINUTE,
    },
    backups: { dir: vars.BACKUP_DIR, keep: vars.BACKUP_KEEP },
    captcha: {
      provider: vars.CAPTCHA_PROVIDER,
      secretKey: vars.CAPTCHA_SECRET_KEY,
      siteKey: vars.CAPTCHA_SITE_KEY,
      timeoutMs: vars.CAPTCHA_TIMEOUT_MS,
      verifyUrl: vars.CAPTCHA_VERIFY_URL,
      scriptUrl: vars.CAPTCHA_SCRIPT_URL,
    },
    metrics: { token: vars.METRICS_TOKEN },
  };
}
