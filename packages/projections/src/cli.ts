// Rebuilds projections from the whole log, with a progress bar.
//
//   tsx packages/projections/src/cli.ts rebuild <name>... --projections <module>
//       (--sqlite <file> | --postgres <url> [--schema <read models>] [--events-schema <events>])
//
// <module> exports `projections`, an array of Projection. With --sqlite, events and read models
// share the file (the one-machine deployment).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { eventUpcasters } from '@gongzhi/domain';
import { withUpcasters, type EventStore } from '@gongzhi/eventstore';
import { progressBar } from './progress.ts';
import { rebuildProjection } from './rebuild.ts';
import type { Projection, ReadModelDatabase } from './types.ts';

const usage = `Usage: cli.ts rebuild <projection>... --projections <module>
       (--sqlite <file> | --postgres <url> [--schema <read-model schema>] [--events-schema <schema>])`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      projections: { type: 'string' },
      sqlite: { type: 'string' },
      postgres: { type: 'string' },
      schema: { type: 'string', default: 'read_models' },
      'events-schema': { type: 'string', default: 'eventstore' },
    },
  });
  const [command, ...names] = positionals;
  if (command !== 'rebuild' || !values.projections || !(values.sqlite ?? values.postgres)) {
    console.error(usage);
    return 2;
  }
  const module = (await import(pathToFileURL(resolve(values.projections)).href)) as {
    projections?: readonly Projection[];
  };
  const available = module.projections ?? [];
  const chosen = names.map((name) => available.find((p) => p.name === name));
  if (names.length === 0 || chosen.includes(undefined)) {
    console.error(
      `${usage}\nProjections in ${values.projections}: ${available.map((p) => p.name).join(', ')}`,
    );
    return 2;
  }

  const opened = await open(values);
  const { db } = opened;
  // The projections read every event at its current version, as the running API does.
  const store = withUpcasters(opened.store, eventUpcasters);
  try {
    for (const projection of chosen as Projection[]) {
      const { events, position } = await rebuildProjection({
        store,
        db,
        projection,
        batchSize: 5_000,
        onProgress: progressBar(projection.name),
      });
      console.log(
        `${projection.name}: rebuilt from ${events} events, checkpoint ${position ?? 'none'}`,
      );
    }
  } finally {
    await db.close();
    await store.close();
  }
  return 0;
}

async function open(values: {
  sqlite?: string | undefined;
  postgres?: string | undefined;
  schema: string;
  'events-schema': string;
}): Promise<{ store: EventStore; db: ReadModelDatabase }> {
  if (values.sqlite) {
    const { openSqliteEventStore } = await import('@gongzhi/eventstore/sqlite');
    const { openSqliteReadModels } = await import('./sqlite/index.ts');
    return {
      store: await openSqliteEventStore({ path: values.sqlite }),
      db: await openSqliteReadModels(values.sqlite),
    };
  }
  const url = values.postgres!;
  const { openPostgresEventStore } = await import('@gongzhi/eventstore/postgres');
  const { openPostgresReadModels } = await import('./postgres/index.ts');
  return {
    store: await openPostgresEventStore({ url, schema: values['events-schema'] }),
    db: await openPostgresReadModels({ url, schema: values.schema }),
  };
}

process.exitCode = await main(process.argv.slice(2));
