import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/**
 * `npm start` and the Docker image start the API with the same node flags (the memory
 * flags of docs/operations.md#memory): the bench measures `npm start`'s, so a container
 * that dropped or changed them would run with figures nobody measured.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the start command', () => {
  it('the Docker image runs exactly npm start’s node command', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const npmStart = manifest.scripts.start!.trim().split(/\s+/);
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    expect(cmd).not.toBeNull();
    expect(JSON.parse(cmd![1]!)).toEqual(npmStart);
    expect(npmStart[0]).toBe('node');
    expect(npmStart.at(-1)).toBe('dist/src/main.js');
    expect(npmStart).toContain('--max-old-space-size=256');
  });
});
