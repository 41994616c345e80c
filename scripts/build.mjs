// Builds what changed since the last build: the server (tsc) and the web app (vite), each
// only when one of its inputs differs from what was last built (a content hash kept in
// dist/). `npm start`, `npm run worker`, `create-admin`, `migration:*` … call this, so a
// script run twice does not compile twice. `--force` builds both whatever the hashes say.
// `--no-check` compiles the server without type checking (tsc --noCheck: the same files,
// byte for byte, in about half the time), for `npm run test:e2e` right after `npm run
// typecheck` checked the same code. Such a build is stamped as unchecked: the next build
// without the flag (`npm start`, `npm run worker` …) compiles again, checking.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const noCheck = process.argv.includes('--no-check');
const bin = (file) => path.join(root, 'node_modules', file);

const parts = [
  {
    name: 'server',
    inputs: [
      'src',
      'migrations',
      'bench',
      'tsconfig.json',
      'tsconfig.build.json',
      'package-lock.json',
    ],
    steps: [[bin('typescript/bin/tsc'), '-p', 'tsconfig.build.json']],
    uncheckedSteps: [[bin('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck']],
  },
  {
    name: 'web app',
    inputs: ['web', 'package-lock.json'],
    steps: [
      [bin('vite/bin/vite.js'), 'build', '-c', 'web/vite.config.ts'],
      [bin('vite/bin/vite.js'), 'build', '-c', 'web/vite.config.ts', '--mode', 'embed'],
    ],
  },
];

function filesBelow(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((item) => item.name !== 'node_modules' && !item.name.startsWith('.'))
    .flatMap((item) => filesBelow(path.join(entry, item.name)));
}

function hashOf(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(filesBelow).sort()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

for (const part of parts) {
  const stamp = path.join(root, 'dist', `.built-${part.name.replace(/\W+/g, '-')}`);
  const unchecked = noCheck && part.uncheckedSteps !== undefined;
  const hash = hashOf(part.inputs);
  // A checked build serves an unchecked one's purpose, not the other way round.
  const good = unchecked ? [hash, `${hash} unchecked`] : [hash];
  if (!force && existsSync(stamp) && good.includes(readFileSync(stamp, 'utf8'))) continue;
  process.stdout.write(`building the ${part.name}${unchecked ? ' (no type check)' : ''}…\n`);
  for (const [script, ...args] of unchecked ? part.uncheckedSteps : part.steps) {
    const run = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, unchecked ? `${hash} unchecked` : hash);
}
