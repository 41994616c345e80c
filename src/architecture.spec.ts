import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The shape of the tree, checked from the source text: folders depend on each other one
 * way only, and only repositories write tables. Read from the files (not from a running
 * app), so a new import or a new write shows up here before anyone has to look.
 */

const SRC = dirname(fileURLToPath(import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

/** The top-level folder under src/ a file belongs to (`leads/export/x.ts` belongs to `leads`). */
const folderOf = (path: string): string => (path.includes('/') ? path.split('/')[0] : '.');

const IMPORT =
  /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/*
 * Composition: files whose job is to name every capability (the entity registry TypeORM
 * needs, like the root module). Their imports are not dependencies of their folder.
 */
const COMPOSITION = ['database/entities.ts'];

/** Every folder → folder edge of a relative import, with one file that makes it. */
function folderEdges(): Map<string, string> {
  const edges = new Map<string, string>();
  for (const file of files) {
    if (COMPOSITION.includes(file.path)) continue;
    for (const match of file.text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier.startsWith('.')) continue;
      const target = relative(SRC, resolve(SRC, dirname(file.path), specifier))
        .split(sep)
        .join('/');
      const from = folderOf(file.path);
      const to = folderOf(target);
      if (from !== to && !edges.has(`${from} -> ${to}`)) edges.set(`${from} -> ${to}`, file.path);
    }
  }
  return edges;
}

/*
 * Pairs of folders allowed to import each other, each with why and who removes it. Empty
 * since notifications/ learns addresses and partner invitations from MailSources; a new
 * pair fails the test.
 */
const TWO_WAY_ALLOWED: string[] = [];

describe('folder dependencies', () => {
  it('no two folders under src/ import each other', () => {
    const edges = folderEdges();
    const twoWay = [...edges.keys()]
      .map((edge) => edge.split(' -> '))
      .filter(([from, to]) => from < to && edges.has(`${to} -> ${from}`))
      .map(([from, to]) => `${from} <-> ${to}`)
      .filter((pair) => !TWO_WAY_ALLOWED.includes(pair));
    expect(twoWay).toEqual([]);
  });

  it('every allowed pair still imports both ways (a removed pair leaves the list)', () => {
    const edges = folderEdges();
    const stale = TWO_WAY_ALLOWED.filter((pair) => {
      const [from, to] = pair.split(' <-> ');
      return !(edges.has(`${from} -> ${to}`) && edges.has(`${to} -> ${from}`));
    });
    expect(stale).toEqual([]);
  });

  it('common/ and vocabulary/ import no capability', () => {
    const allowed: Record<string, string[]> = {
      common: ['config', 'database', 'vocabulary'],
      vocabulary: [],
    };
    const offending = [...folderEdges().entries()]
      .map(([edge, file]) => [...edge.split(' -> '), file])
      .filter(([from, to]) => from in allowed && !allowed[from].includes(to))
      .map(([from, to, file]) => `${from} -> ${to} (${file})`);
    expect(offending).toEqual([]);
  });

  it('vocabulary/ is pure: no framework, database or node: import', () => {
    const impure = files
      .filter((file) => file.path.startsWith('vocabulary/'))
      .flatMap((file) =>
        [...file.text.matchAll(IMPORT)]
          .map((match) => match[1] ?? match[2])
          .filter((specifier) => !specifier.startsWith('.'))
          .map((specifier) => `${file.path}: ${specifier}`),
      );
    expect(impure).toEqual([]);
  });
});

/** Files that may write tables: repositories, and the database's own infrastructure. */
const WRITERS = [
  /\.repository\.ts$/,
  /^database\//,
  // Backup and restore copy whole tables, below any one capability.
  /^backup\//,
  // The durable queue's own tables (pg-boss and its job rows), written by the queue.
  /^queue\//,
  // Key rotation re-seals every sealed column of every table, one infrastructure pass.
  /^key-rotation\//,
];

/*
 * Files that still write tables outside a repository: none. Keep it that way: a new write
 * goes into the repository of its table, not onto this list.
 */
const WRITERS_PENDING: string[] = [];

const WRITE_CALL = /\.(insert|update|delete|save|remove|upsert|increment|decrement|softDelete)\(/g;
const WRITE_SQL = /\b(INSERT\s+INTO|UPDATE\s+"?\$?\{?[a-z_]+\}?"?\s+SET|DELETE\s+FROM)\b/;
const REACHES_DATABASE = /EntityManager|DataSource|getRepository|createQueryBuilder|Repository</;
/** Hashes, ciphers and maps have `update`/`delete` too: those are not writes. */
const NOT_A_TABLE = /createHash|createHmac|cipher|\bhash\b|\.waiting\b|new Map|new Set/i;

function writesTables(text: string): boolean {
  if (WRITE_SQL.test(text)) return true;
  if (!REACHES_DATABASE.test(text)) return false;
  return [...text.matchAll(WRITE_CALL)].some((match) => {
    // The statement the call is part of: back to the previous `;`, `{` or `}`.
    const before = text.slice(0, match.index);
    // `this.leads.insert(manager, …)`: a call on one of our repositories, which take the
    // caller's transaction first. The repository file itself is checked on its own.
    const after = text.slice(match.index + match[0].length);
    if (/this\.\w+$/.test(before) && /^\s*manager\b/.test(after)) return false;
    const start = Math.max(
      before.lastIndexOf(';'),
      before.lastIndexOf('{'),
      before.lastIndexOf('}'),
    );
    return !NOT_A_TABLE.test(before.slice(start + 1));
  });
}

describe('one door per table', () => {
  it('only repositories write tables', () => {
    const offending = files
      .filter((file) => !WRITERS.some((pattern) => pattern.test(file.path)))
      .filter((file) => !WRITERS_PENDING.includes(file.path))
      .filter((file) => writesTables(file.text))
      .map((file) => file.path)
      .sort();
    expect(offending).toEqual([]);
  });

  it('controllers do not touch the database', () => {
    const offending = files
      .filter((file) => file.path.endsWith('.controller.ts'))
      .filter((file) => /EntityManager|DataSource|getRepository|\.query\(/.test(file.text))
      .map((file) => file.path);
    expect(offending).toEqual([]);
  });
});
