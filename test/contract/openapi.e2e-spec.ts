import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { documentFile, typesFile } from '../../scripts/openapi-files.mjs';
import { startTestApp, type TestApp } from '../support/test-app.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Compiler errors of `file` (which imports the generated types as `./schema.js`). */
function typeErrors(dir: string, file: string): string[] {
  const program = ts.createProgram([path.join(dir, file)], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1} `
      : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let served: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    served = (await t.http.get('/docs-json').expect(200)).body;
  });
  afterAll(() => t?.close());

  it('is committed as docs/openapi.json exactly as served (run `npm run openapi` after a change)', async () => {
    expect(await documentFile(served)).toBe(read('docs/openapi.json'));
  });

  it('is committed as web/src/api/schema.d.ts as openapi-typescript generates it', async () => {
    expect(await typesFile(served)).toBe(read('web/src/api/schema.d.ts'));
  });

  it('generates a client that compiles against real calls and every documented error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ri-client-'));
    try {
      symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
      writeFileSync(path.join(dir, 'schema.d.ts'), await typesFile(served));
      const calls = read('test/contract/client-calls.ts');
      const importPath = "'../../web/src/api/schema.js'";
      expect(calls).toContain(importPath);
      writeFileSync(path.join(dir, 'calls.ts'), calls.replace(importPath, "'./schema.js'"));
      expect(typeErrors(dir, 'calls.ts')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
