// `npm run openapi`: writes the service's OpenAPI document to docs/openapi.json and the
// TypeScript types generated from it (openapi-typescript) to web/src/api/schema.d.ts.
// No database is needed: the document is read from the decorators (Nest preview mode).
// test/contract/openapi.e2e-spec.ts fails when either file differs from what the
// running service serves, so run this after changing a DTO or a route.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The server only (the web app's build does not change the document).
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
  cwd: root,
});
if (built.status !== 0) process.exit(built.status ?? 1);

const { openApiDocumentWithoutDatabase } = await import(
  path.join(root, 'dist/src/openapi-document.js')
);
const { documentFile, typesFile } = await import(path.join(root, 'scripts/openapi-files.mjs'));
const document = await openApiDocumentWithoutDatabase();

const outputs = {
  'docs/openapi.json': await documentFile(document),
  'web/src/api/schema.d.ts': await typesFile(document),
};
for (const [file, text] of Object.entries(outputs)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  console.log(`wrote ${file}`);
}
