import { plainToInstance, Transform } from 'class-transformer';
import { parseKeyRing } from '../common/encryption/data-cipher.js';
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

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Origins of the practice website(s) allowed to call the public API from a browser. */
  @Transform(toList)
  @IsUrl({ require_tld: false, require_protocol: true }, { each: true })
  CORS_ORIGINS: string[] = [];

  /** Where staff open a lead; used in links sent by email. */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

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

  /** Refuse to send unless the SMTP connection is upgraded to TLS. */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_REQUIRE_TLS = false;

  @IsString()
  @Matches(/^[^\r\n]+$/, { message: 'must be one line' })
  MAIL_FROM = 'Relational Intake <intake@practice.example>';

  @IsString()
  @Matches(/^[^\r\n]{1,100}$/, { message: 'must be one line of at most 100 characters' })
  PRACTICE_NAME = 'Relational Intake';

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
   */
  @IsIn(['enrolled', 'all'])
  MFA_REQUIRED: 'enrolled' | 'all' = 'enrolled';

  /** Failed sign-ins for one address within the lockout period that lock it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCKOUT_MINUTES = 15;

  /** Spam leads are deleted for good this many days after they were marked spam. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  SPAM_RETENTION_DAYS = 30;

  /** IANA time zone of the practice: business days and weekends are counted there. */
  @IsTimeZone({ message: 'must be an IANA time zone, e.g. America/Los_Angeles' })
  PRACTICE_TIME_ZONE = 'America/Los_Angeles';
}

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly shutdownGraceSeconds: number;
  };
  readonly database: {
    /** Unset when the embedded PostgreSQL should be started. */
    readonly url?: string;
    readonly runMigrations: boolean;
  };
  readonly dataDir: string;
  /** Unset: the development key in DATA_DIR is used (created on first start). */
  readonly dataEncryptionKey?: string;
  readonly embeddedPostgresPort: number;
  readonly logLevel: EnvironmentVariables['LOG_LEVEL'];
  readonly corsOrigins: readonly string[];
  readonly publicBaseUrl: string;
  readonly spamMinSeconds: number;
  readonly mail: {
    /** Unset: the local mail catcher is started and used. */
    readonly smtpUrl?: string;
    readonly requireTls: boolean;
    readonly from: string;
    readonly catcherSmtpPort: number;
    readonly catcherWebPort: number;
  };
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
    readonly maxFailures: number;
    readonly lockoutMinutes: number;
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
  for (const name of [...known, 'DATABASE_URL', 'SMTP_URL', 'DATA_ENCRYPTION_KEY']) {
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
    http: { port: vars.PORT, host: vars.HOST, shutdownGraceSeconds: vars.SHUTDOWN_GRACE_SECONDS },
    database: { url: vars.DATABASE_URL, runMigrations: vars.MIGRATIONS_RUN },
    dataDir: vars.DATA_DIR,
    dataEncryptionKey: vars.DATA_ENCRYPTION_KEY,
    embeddedPostgresPort: vars.EMBEDDED_POSTGRES_PORT,
    logLevel: vars.LOG_LEVEL,
    corsOrigins: vars.CORS_ORIGINS,
    publicBaseUrl: vars.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    spamMinSeconds: vars.SPAM_MIN_SECONDS,
    mail: {
      smtpUrl: vars.SMTP_URL,
      requireTls: vars.SMTP_REQUIRE_TLS,
      from: vars.MAIL_FROM,
      catcherSmtpPort: vars.MAIL_CATCHER_SMTP_PORT,
      catcherWebPort: vars.MAIL_CATCHER_WEB_PORT,
    },
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
      mfaRequired: vars.MFA_REQUIRED,
      maxFailures: vars.LOGIN_MAX_FAILURES,
      lockoutMinutes: vars.LOGIN_LOCKOUT_MINUTES,
    },
    retention: { spamDays: vars.SPAM_RETENTION_DAYS },
    responseTargets: {
      crisisMinutes: vars.RESPONSE_TARGET_CRISIS_MINUTES,
      highMinutes: vars.RESPONSE_TARGET_HIGH_MINUTES,
      routineBusinessDays: vars.RESPONSE_TARGET_ROUTINE_BUSINESS_DAYS,
      timeZone: vars.PRACTICE_TIME_ZONE,
    },
  };
}
