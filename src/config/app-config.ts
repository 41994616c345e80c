import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
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
}

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly http: { readonly port: number; readonly host: string };
  readonly database: {
    /** Unset when the embedded PostgreSQL should be started. */
    readonly url?: string;
    readonly runMigrations: boolean;
  };
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly logLevel: EnvironmentVariables['LOG_LEVEL'];
  readonly corsOrigins: readonly string[];
  readonly publicBaseUrl: string;
  readonly spamMinSeconds: number;
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
  for (const name of [...known, 'DATABASE_URL']) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { forbidUnknownValues: true });
  if (errors.length > 0) {
    // Never echo the value: a bad DATABASE_URL may hold a password.
    throw new ConfigurationError(
      errors.map(
        (error) =>
          `${error.property}: ${Object.values(error.constraints ?? {})
            .map((message) => message.replace(`${error.property} `, ''))
            .join('; ')}`,
      ),
    );
  }
  return {
    env: vars.NODE_ENV,
    http: { port: vars.PORT, host: vars.HOST },
    database: { url: vars.DATABASE_URL, runMigrations: vars.MIGRATIONS_RUN },
    dataDir: vars.DATA_DIR,
    embeddedPostgresPort: vars.EMBEDDED_POSTGRES_PORT,
    logLevel: vars.LOG_LEVEL,
    corsOrigins: vars.CORS_ORIGINS,
    publicBaseUrl: vars.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    spamMinSeconds: vars.SPAM_MIN_SECONDS,
  };
}
