import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { DATABASE_SCHEMA, LoadDemonstration, rootModule } from '@composition';
import { CreateStaffUser, ResetStaffPassword } from '@domain/identity';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '@domain/shared';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@platform/config';
import {
  dataSourceOptions,
  findRunningEmbeddedPostgres,
  pendingSchemaChanges,
  runMigrations,
  startEmbeddedPostgres,
} from '@platform/database';
import { DomainException } from '@platform/errors';
import { DataSource } from 'typeorm';

import { API_ROLE } from './api-role';
import { SeedTasks } from './seed-tasks';

const USAGE = `usage: npm run cli -- <command> [options]
  staff:create --email E --role ${STAFF_ROLES.join('|')} [--name N]   create a staff user, print a one-time password link
  staff:reset-password --email E                          print a new one-time password link
  seed                                                    load the seed data (idempotent)
  demo                                                    load the demonstration (seed catalogue, municipalities, report history; idempotent)
  migration:run                                           apply pending migrations
  migration:generate <Name>                               write migrations/<timestamp>-<name>.ts from entity changes`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, arg] = positionals;
  if (!command) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  // Beside a running app on the embedded database, the CLI uses that app's database; else it opens its own.
  const running = config.databaseUrl ? null : findRunningEmbeddedPostgres(config.dataDir);
  const embedded = config.databaseUrl || running ? null : await startEmbeddedPostgres(config.dataDir, 5);
  const database = running ?? embedded ?? { url: config.databaseUrl!, poolSize: 2, migrationUrl: config.migrationDatabaseUrl };
  const url = database.url;
  try {
    if (command.startsWith('migration:')) {
      // Migrations run as the schema owner when a separate role is configured.
      const ds = await new DataSource(
        dataSourceOptions(config.migrationDatabaseUrl ?? url, database.poolSize, DATABASE_SCHEMA),
      ).initialize();
      try {
        if (command === 'migration:run') console.log((await runMigrations(ds)).join('\n') || 'No pending migrations.');
        else if (command === 'migration:generate') {
          await runMigrations(ds);
          generate(arg, await pendingSchemaChanges(ds));
        } else throw new Error(USAGE);
      } finally {
        await ds.destroy();
      }
      return;
    }
    const app = await NestFactory.createApplicationContext(rootModule({ ...config, logLevel: 'warn' }, database, [API_ROLE]), {
      logger: ['error', 'warn'],
    });
    try {
      if (command === 'staff:create') {
        const { user, link } = await app
          .get(CreateStaffUser)
          .execute({ email: values.email ?? '', name: values.name, role: (values.role ?? '') as StaffRole }, SYSTEM_ACTOR);
        console.log(`Created ${user.email} (${user.role}). One-time link to choose a password (valid 24 h):\n${link}`);
      } else if (command === 'staff:reset-password') {
        const { link } = await app.get(ResetStaffPassword).byAdmin(values.email ?? '', SYSTEM_ACTOR);
        console.log(`One-time link to choose a new password (valid 24 h):\n${link}`);
      } else if (command === 'seed') {
        console.log(await app.get(SeedTasks).run());
      } else if (command === 'demo') {
        const loaded = await app.get(LoadDemonstration).execute(SYSTEM_ACTOR);
        console.log(
          `${loaded.catalogue}\nDemonstration: ${loaded.consumersCreated} municipalities registered, ${loaded.reportsImported} reports replayed, ${loaded.escalated} incidents escalated.`,
        );
      } else {
        throw new Error(USAGE);
      }
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

function generate(name: string | undefined, changes: { up: string[]; down: string[] }): void {
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error('migration:generate needs a CamelCase name, e.g. AddIncidentSeverity');
  if (!changes.up.length) {
    console.log('The schema matches the entities; no migration needed.');
    return;
  }
  const timestamp = Date.now();
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const q = (sql: string) => `    await queryRunner.query(\`${sql.replace(/`/g, '\\`')}\`);`;
  const file = join(process.cwd(), 'migrations', `${timestamp}-${kebab}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${changes.up.map(q).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...changes.down].reverse().map(q).join('\n')}
  }
}
`,
  );
  console.log(`Wrote ${file}. Review it by hand, then add it to migrations/index.ts.`);
}

main().catch((e) => {
  if (e instanceof ConfigError) process.stderr.write(`segment-desk: invalid configuration: ${e.message}\n`);
  else if (e instanceof DomainException) process.stderr.write(`segment-desk: ${e.message}\n`);
  else process.stderr.write(`segment-desk: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
