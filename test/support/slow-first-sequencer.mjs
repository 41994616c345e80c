// Jest's sequencer starts the files that took longest last time first, so no worker is
// left running one long file while the others sit idle at the end of the run. It learns
// those times from its cache; a fresh clone (CI) has none and falls back to file size,
// which starts the long fuzz and browser files late. This list stands in until the cache
// has times of its own. Seconds of one e2e run on 2 cores (the files that gather parts,
// docs/testing.md, estimated from their parts' times on 2026-12-05); only the order
// matters, so refresh it when a file's place changes a lot (the `--json` output has every
// file's time).
import TestSequencer from '@jest/test-sequencer';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const KNOWN_SECONDS = {
  'test/browser/staff-app.e2e-spec.ts': 70,
  'test/leads.e2e-spec.ts': 40,
  'test/practice-settings.e2e-spec.ts': 30,
  'test/staff.e2e-spec.ts': 30,
  'test/notifications.e2e-spec.ts': 28,
  'test/browser/intake.e2e-spec.ts': 27,
  'test/public-fuzz.e2e-spec.ts': 22,
  'test/service-operations.e2e-spec.ts': 22,
  'test/browser/reach-out.e2e-spec.ts': 21,
  'test/backups.e2e-spec.ts': 20,
  'test/public-submissions.e2e-spec.ts': 20,
  'test/embedded-postgres.e2e-spec.ts': 18,
  'test/browser/captcha.e2e-spec.ts': 17,
  'test/browser/leave-safely.e2e-spec.ts': 17,
  'test/database-outage.e2e-spec.ts': 15,
  'test/desk.e2e-spec.ts': 14,
  'test/browser/embed.e2e-spec.ts': 12,
  'test/worker-process.e2e-spec.ts': 10,
};

// A CommonJS module: its class is `default` of what Node hands over.
const JestSequencer = TestSequencer.default ?? TestSequencer;

export default class SlowFirstSequencer extends JestSequencer {
  // Jest runs a file without a time before every file with one (a new file first); with
  // a time for every file, the order is by time alone. A file neither timed nor listed
  // counts a millisecond per 50 bytes: after the listed ones, bigger ones first.
  time(test) {
    const known = KNOWN_SECONDS[path.relative(root, test.path)];
    const estimate =
      known !== undefined ? known * 1000 : (test.context.hasteFS.getSize(test.path) ?? 0) / 50;
    return super.time(test) ?? estimate;
  }
}
