// Runs npm scripts at the same time (`node scripts/run-parallel.mjs lint typecheck`), each
// one's output held back and printed whole, in the order given, so lines never interleave.
// Exits non-zero when any failed, after naming each failure last.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const runs = names.map(
  (name) =>
    new Promise((resolve) => {
      const chunks = [];
      const child = spawn(npm, ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
      child.once('error', (error) => resolve({ name, code: 1, output: `${error.message}\n` }));
      child.once('close', (code, signal) =>
        resolve({ name, code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks) }),
      );
    }),
);

const failed = [];
for (const run of runs) {
  const { name, code, output } = await run;
  process.stdout.write(output);
  if (code !== 0) failed.push(`npm run ${name} failed (exit code ${code})`);
}
for (const line of failed) process.stderr.write(`${line}\n`);
process.exitCode = failed.length > 0 ? 1 : 0;
