// Proves the Dockerfile's steps without a Docker engine: every stage's COPY and RUN is
// performed in a scratch folder standing for its /app (COPY from the build context honours
// .dockerignore; COPY --from takes the earlier stage's folder), then the runtime stage's
// CMD starts with the stage's ENV against a throw-away PostgreSQL, must answer
// /health/ready and take one inquiry, and must stop cleanly on SIGTERM. A file the image
// lacks, or a devDependency needed at run time, fails here as it would in the image.
//   npm run check:docker [-- --keep]
// Host-only substitutions (printed when used): `npm cache clean` is skipped (it would
// empty this machine's cache), `chown` to a user this machine lacks is skipped, and
// `USER`/`EXPOSE`/`HEALTHCHECK` do not apply outside a container.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const scratch = mkdtempSync(path.join(tmpdir(), 'ri-docker-'));
const say = (line) => process.stdout.write(`${line}\n`);
const fail = (why) => {
  say(`FAIL: ${why}`);
  process.exitCode = 1;
  throw new Error(why);
};

/** The Dockerfile as stages of [instruction, argument] (continuations joined, comments out). */
function parseDockerfile(text) {
  const args = {};
  const stages = [];
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, instruction, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!instruction) continue;
    const upper = instruction.toUpperCase();
    const value = rest.replace(/\$\{(\w+)\}/g, (_, name) => args[name] ?? '');
    if (upper === 'ARG' && stages.length === 0) {
      const [name, def] = value.split('=');
      args[name] = def ?? '';
    } else if (upper === 'FROM') {
      const name = /\bAS\s+(\S+)/i.exec(value)?.[1] ?? String(stages.length);
      stages.push({ name, image: value.split(/\s+/)[0], steps: [] });
    } else {
      stages.at(-1)?.steps.push([upper, value]);
    }
  }
  return stages;
}

/** .dockerignore as a predicate over context-relative paths (last matching rule wins). */
function dockerignore() {
  const file = path.join(root, '.dockerignore');
  const rules = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => ({ negate: line.startsWith('!'), glob: line.replace(/^!/, '') }))
    : [];
  return (relative) => {
    let ignored = false;
    for (const { negate, glob } of rules) {
      const parts = relative.split('/');
      const hit = parts.some((_, i) => path.matchesGlob(parts.slice(0, i + 1).join('/'), glob));
      if (hit) ignored = !negate;
    }
    return ignored;
  };
}

/** Copies `source` (context-relative, or absolute in an earlier stage) as Docker would. */
function copyInto(from, to, filter) {
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true, filter });
}

function run(command, cwd, env) {
  let script = command.replace(/&&\s*npm cache clean --force/g, '');
  if (script !== command) say('  (skipped here: npm cache clean --force)');
  script = script.replace(/&&\s*chown\s+(\S+):\S+\s+\S+/g, (all, user) => {
    if (spawnSync('id', ['-u', user]).status === 0) return all;
    say(`  (skipped here: ${all.replace(/^&&\s*/, '')}; no user ${user} on this machine)`);
    return '';
  });
  const result = spawnSync('bash', ['-c', script], { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) fail(`RUN ${command} exited ${result.status}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startDatabase() {
  const { startEmbeddedPostgres } = await import(
    new URL('../dist/src/database/embedded-postgres.js', import.meta.url).href
  );
  return startEmbeddedPostgres({
    dataDir: path.join(scratch, 'postgres'),
    port: await freePort(),
    database: 'relational_intake',
    log: () => undefined,
  });
}

async function waitFor(url, child) {
  for (let i = 0; i < 120; i += 1) {
    if (child.exitCode !== null)
      fail(`the runtime stage's CMD exited ${child.exitCode} before ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`${url} did not answer 200 within 60 s`);
}

async function main() {
  const stages = parseDockerfile(readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
  const folders = {};
  // The host Node runs the stages (the images are node:24; npm scripts run Node 24 here).
  const hostPath = `${path.dirname(process.execPath)}:${process.env.PATH}`;
  let runtime;
  for (const stage of stages) {
    const dir = path.join(scratch, stage.name);
    mkdirSync(dir, { recursive: true });
    folders[stage.name] = dir;
    const env = { ...process.env, PATH: hostPath };
    for (const key of ['NODE_ENV', 'NODE_OPTIONS']) delete env[key];
    let workdir = '/app';
    const inStage = (p) => path.join(dir, path.relative(workdir, path.resolve(workdir, p)));
    say(`stage ${stage.name} (${stage.image})`);
    let cmd;
    for (const [instruction, value] of stage.steps) {
      if (instruction === 'WORKDIR') workdir = value;
      else if (instruction === 'ENV') {
        for (const [, key, val] of value.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
          env[key] = val.replace(/^"|"$/g, '');
        }
      } else if (instruction === 'COPY') {
        const words = value.split(/\s+/);
        const from = words.find((word) => word.startsWith('--from='))?.slice(7);
        const sources = words.filter((word) => !word.startsWith('--'));
        const target = sources.pop();
        // Docker: into the folder when the target ends in '/' or several sources are named.
        const intoFolder = target.endsWith('/') || target === '.' || sources.length > 1;
        say(`  COPY ${value}`);
        const ignored = dockerignore();
        for (const source of sources) {
          const src = from
            ? path.join(folders[from], path.relative('/app', source))
            : path.join(root, source);
          if (!existsSync(src)) fail(`COPY ${value}: ${source} does not exist there`);
          const whole = source === '.' && !from;
          const to =
            whole || !intoFolder ? inStage(target) : path.join(inStage(target), path.basename(src));
          copyInto(src, to, (file) => {
            if (from) return true;
            const relative = path.relative(root, file).split(path.sep).join('/');
            return relative === '' || !ignored(relative);
          });
        }
      } else if (instruction === 'RUN') {
        say(`  RUN ${value}`);
        run(value.replace(/\/app\b/g, dir), dir, env);
      } else if (instruction === 'CMD') {
        cmd = JSON.parse(value);
      }
    }
    runtime = { dir, env, cmd };
  }

  const database = await startDatabase();
  const port = await freePort();
  const [program, ...args] = runtime.cmd;
  say(`CMD ${runtime.cmd.join(' ')} (NODE_ENV=${runtime.env.NODE_ENV})`);
  const child = spawn(program === 'node' ? process.execPath : program, args, {
    cwd: runtime.dir,
    env: {
      ...runtime.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      SMTP_URL: 'smtp://127.0.0.1:9',
      DATA_ENCRYPTION_KEY: `check:${Buffer.alloc(32, 3).toString('base64')}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/health/ready`, child);
    const response = await fetch(`http://127.0.0.1:${port}/v1/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Docker Check',
        email: 'docker.check@example.com',
        serviceType: 'couples',
        message: 'Checking the image steps.',
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
        website: '',
      }),
    });
    if (response.status !== 201) fail(`POST /v1/inquiries answered ${response.status}`);
    say('runtime stage: ready, took an inquiry');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) fail(`the runtime stage exited ${code} on SIGTERM`);
    say('runtime stage: stopped cleanly on SIGTERM');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await database.stop();
  }
  say('OK: both stages of the Dockerfile work');
}

main()
  .catch((error) => {
    if (!process.exitCode) say(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (keep) say(`kept: ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  });
