// `npm run create-admin -- --email <email> --name <name> [--password-stdin]`: adds an admin
// account (the first one, typically) straight to the database. The password is typed
// twice at a prompt that does not echo it, or read from the first line of standard input,
// so it never appears in the shell history or the process list.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit-event.repository.js';
import { AuditTrail } from '../audit/audit.service.js';
import { checkPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { UsageError, exitWith, runCommandLine } from '../common/command-line.js';
import { ProblemException } from '../common/problem-details.js';
import { ConfigurationError, loadConfig } from '../config/app-config.js';
import { connectDatabase } from '../database/database-url.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { normalizeEmail } from '../vocabulary/contact.js';
import { addStaffUser } from './staff-accounts.js';
import { User } from './user.entity.js';

const USAGE = 'usage: npm run create-admin -- --email <email> --name <name> [--password-stdin]';

class Refused extends Error {}

interface Arguments {
  email: string;
  name: string;
  passwordStdin: boolean;
}

function parseArguments(argv: string[]): Arguments | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const email = normalizeEmail(values.email ?? '');
  const name = (values.name ?? '').normalize('NFC').trim();
  if (!email) throw new UsageError('--email is required');
  if (email.length > 254 || !isEmail(email))
    throw new UsageError('--email must be an email address');
  if (!name) throw new UsageError('--name is required');
  if ([...name].length > 200 || /\p{Cc}/u.test(name)) {
    throw new UsageError('--name must be 1 to 200 characters, without control characters');
  }
  return { email, name, passwordStdin: values['password-stdin'] };
}

/** The first line of standard input (for scripts and containers), without its line break. */
async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

/** Asks on the terminal; what is typed after the question is not echoed. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  prompt.on('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(130);
  });
  try {
    const answer = new Promise<string>((resolve) => prompt.question(question, resolve));
    muted = true;
    return await answer;
  } finally {
    process.stderr.write('\n');
    prompt.close();
  }
}

async function promptForPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError('no terminal to ask for the password on: pipe it with --password-stdin');
  }
  const password = await askHidden('Password for the new admin: ');
  const again = await askHidden('The same password again: ');
  if (password !== again) throw new Refused('the two passwords differ; nothing was created');
  return password;
}

async function createAdmin(args: Arguments): Promise<void> {
  const config = loadConfig();
  const database = await connectDatabase(config, (level, message) => {
    if (level !== 'debug') console.error(message);
  });
  const dataSource = new DataSource(dataSourceOptions(database.url, 2));
  try {
    await dataSource.initialize();
    if (config.database.runMigrations) await dataSource.runMigrations({ transaction: 'each' });
    // Asked before the password, so nobody types one for an account that cannot be made.
    if (await dataSource.getRepository(User).existsBy({ email: args.email })) {
      throw new Refused(`a staff account with the address ${args.email} exists already`);
    }
    const password = args.passwordStdin ? await readFirstLine() : await promptForPassword();
    const refusal = checkPassword(password, { email: args.email, name: args.name });
    if (refusal) throw new Refused(`password refused: ${refusal}`);
    const passwordHash = await hashPassword(password);

    const user = await dataSource.transaction(async (manager) => {
      const created = await addStaffUser(manager, {
        email: args.email,
        name: args.name,
        role: 'admin',
        passwordHash,
      });
      await new AuditTrail(dataSource, new AuditRepository()).record(
        { userId: null, role: null, ip: null, requestId: null },
        {
          action: 'user.created',
          subjectType: 'user',
          subjectId: created.id,
          details: { role: 'admin', via: 'create-admin' },
        },
        manager,
      );
      return created;
    });
    console.log(`created admin ${user.id} ${user.email}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

exitWith(
  runCommandLine(
    {
      name: 'create-admin',
      usage: USAGE,
      parse: parseArguments,
      run: createAdmin,
      refusal: (error) => {
        // Another process created the address meanwhile.
        if (error instanceof ProblemException && error.code === 'conflict') {
          return `${error.message}; nothing was created`;
        }
        if (error instanceof Refused || error instanceof ConfigurationError) return error.message;
        return undefined;
      },
    },
    process.argv.slice(2),
  ),
);
