import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

/** The account PostgreSQL runs as; `uid`/`gid` only when we switch to it (started as root). */
export interface SystemUser {
  readonly name: string;
  readonly uid?: number;
  readonly gid?: number;
}

const run = promisify(execFile);

/**
 * The unprivileged system user a root-started cluster runs as (PostgreSQL refuses to run
 * as root), created on first use.
 */
export async function postgresSystemUser(name = 'postgres'): Promise<SystemUser> {
  const found = await lookUp(name);
  if (found) return found;
  try {
    const groupExists = await run('getent', ['group', name]).then(
      () => true,
      () => false,
    );
    await run('useradd', [
      '--system',
      ...(groupExists ? ['--gid', name] : ['--user-group']),
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      name,
    ]);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `could not create the system user ${name} that PostgreSQL runs as when started by root ` +
        `(${describeError(error)}): create it (useradd --system ${name}), start the service as ` +
        'an ordinary user, or set DATABASE_URL to use another PostgreSQL',
    );
  }
  const created = await lookUp(name);
  if (!created) throw new Error(`the system user ${name} was created but cannot be found`);
  return created;
}

async function lookUp(name: string): Promise<SystemUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', name]).then(({ stdout }) => Number(stdout.trim())),
      run('id', ['-g', name]).then(({ stdout }) => Number(stdout.trim())),
    ]);
    return { name, uid, gid };
  } catch {
    return undefined;
  }
}

function spawnAs(user: SystemUser, command: string, args: string[], cwd: string): ChildProcess {
  return spawn(command, args, {
    cwd,
    uid: user.uid,
    gid: user.gid,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Runs a PostgreSQL program to completion as `user`. Rejects with one line: why it could
 * not start (EACCES…) or what it said before failing.
 */
export function runAs(
  user: SystemUser,
  command: string,
  args: string[],
  cwd: string,
  log?: (message: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(user, command, args, cwd);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log?.(chunk.toString('utf8'));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(errorLines(output) || `exited with ${code ?? signal}`));
    });
  });
}

export interface RunningServer {
  /** Fast shutdown (SIGINT), resolved once the server has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `postgres` as a child process running as `user` and resolves once it accepts
 * connections. If this process exits without stopping it, the server is told to shut down.
 */
export function startServer(
  user: SystemUser,
  command: string,
  args: string[],
  cwd: string,
  log: (message: string) => void,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(user, command, args, cwd);
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    // Synchronous, so it also runs when the process dies of an error.
    const stopOnExit = () => child.kill('SIGINT');
    process.once('exit', stopOnExit);
    let output = '';
    let ready = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      log(message);
      if (ready) return;
      output += message;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve({
          async stop() {
            process.removeListener('exit', stopOnExit);
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
            await exited;
          },
        });
      }
    });
    child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString('utf8')));
    child.once('error', (error) => {
      process.removeListener('exit', stopOnExit);
      reject(error);
    });
    child.once('close', (code, signal) => {
      process.removeListener('exit', stopOnExit);
      if (!ready) reject(new Error(errorLines(output) || `exited with ${code ?? signal}`));
    });
  });
}

/** PostgreSQL's own error lines (FATAL, ERROR, `initdb: error: …`), as one line. */
function errorLines(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const errors = lines.filter((line) => /\b(error|fatal|panic)\b/i.test(line));
  return (errors.length > 0 ? errors : lines.slice(-1))
    .map((line) => line.replace(/^\S+ \S+ \S+ \[\d+\] /, ''))
    .join('; ');
}

/** A start-up failure whose message already names the cause and the fix, in one line. */
export class EmbeddedDatabaseError extends Error {}

/** An error as one line, whatever threw it. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, '; ').trim();
}
