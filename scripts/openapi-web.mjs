// Writes web/src/api/schema.d.ts: the web app's types, generated from the service's OpenAPI
// document so the staff app and the public pages cannot drift from the server.
//   node scripts/openapi-web.mjs                 from docs/openapi.json
//   node scripts/openapi-web.mjs <file or URL>   e.g. http://localhost:3000/docs-json
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const root = new URL('../', import.meta.url);
const source = process.argv[2] ?? 'docs/openapi.json';
const target = fileURLToPath(new URL('web/src/api/schema.d.ts', root));

const document = /^https?:\/\//.test(source)
  ? await (await fetch(source)).text()
  : await readFile(fileURLToPath(new URL(source, `file://${process.cwd()}/`)), 'utf8');
const banner =
  "/**\n * Generated from the service's OpenAPI document by scripts/openapi-web.mjs: do not edit.\n */\n";
const types = banner + astToString(await openapiTS(document));
const options = (await prettier.resolveConfig(target)) ?? {};
await writeFile(target, await prettier.format(types, { ...options, filepath: target }));
console.log(`wrote ${target} from ${source}`);
