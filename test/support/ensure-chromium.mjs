// Run by `npm run test:e2e` before Jest: the browser tests (test/browser/) drive a real
// Chromium through playwright-core, which downloads no browser of its own. Use
// CHROMIUM_PATH when it is set, else Debian's /usr/bin/chromium; when that is missing
// and we are root with apt-get (CI, the project's machines), install it; otherwise stop
// with a message saying how, rather than skipping the browser tests.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const given = process.env.CHROMIUM_PATH;
const chromium = given || '/usr/bin/chromium';

const runnable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const fail = (message) => {
  console.error(`\nBrowser tests: ${message}\n`);
  process.exit(1);
};

if (runnable(chromium)) process.exit(0);
if (given) fail(`CHROMIUM_PATH is ${given}, which is not an executable file.`);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
if (!root || !apt) {
  fail(
    'Chromium is needed at /usr/bin/chromium. Install it (Debian/Ubuntu: ' +
      '`sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

console.log('Browser tests: installing Debian’s chromium with apt-get (once per machine)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', 'chromium']]) {
  const step = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (step.status !== 0) fail(`\`apt-get ${args.join(' ')}\` failed (exit ${step.status}).`);
}
if (!runnable(chromium))
  fail('apt-get installed chromium, but /usr/bin/chromium is still missing.');
