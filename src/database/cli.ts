// Migration commands: `npm run migration:run | migration:revert | migration:check |
// migration:generate -- Name`.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { connectDatabase } from './database-url.js';
import { dataSourceOptions } from './data-source-options.js';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const database = await connectDatabase(config, (level, message) => {
    if (level !== 'debug') console.error(message);
  });
  const dataSource = new DataSource(dataSourceOptions(database.url, 2, 'unbounded'));
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(
          applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'up to date',
        );
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        break;
      case 'generate':
        await generate(dataSource, name);
        break;
      case 'check':
        await check(dataSource);
        break;
      default:
        throw new Error('usage: cli.js run | revert | check | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

/**
 * Exits 1 unless every migration has run and the schema is exactly what the entities
 * describe; changes nothing. For CI and for a deploy's readiness check.
 */
async function check(dataSource: DataSource): Promise<void> {
  if (await dataSource.showMigrations()) {
    console.log('pending migrations: run npm run migration:run');
    process.exitCode = 1;
    return;
  }
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length > 0) {
    console.log(
      `the schema differs from the entities:\n${sql.upQueries.map((q) => `  ${q.query}`).join('\n')}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log('the entities and the migrations agree');
}

const asTemplate = (sql: string) => `\`${sql.replace(/[`\\]|\$\{/g, (m) => `\\${m}`)}\``;

/** Writes the SQL that brings the migrated database in line with the entities. */
async function generate(dataSource: DataSource, name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error('generate needs a PascalCase name, e.g. migration:generate -- AddClinicians');
  }
  await dataSource.runMigrations({ transaction: 'each' });
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('the entities and the migrations agree: nothing to generate');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const render = (queries: typeof sql.upQueries) =>
    queries
      .map(
        (query) =>
          `    await queryRunner.query(${asTemplate(query.query)}${
            query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ''
          });`,
      )
      .join('\n');
  const file = path.resolve('migrations', `${timestamp}-${name}.ts`);
  await writeFile(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`,
  );
  console.log(
    `wrote ${path.relative(process.cwd(), file)}: add ${className} to migrations/index.ts`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
