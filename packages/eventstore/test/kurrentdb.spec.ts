import { describe } from 'vitest';
import { openKurrentDbEventStore } from '../src/kurrentdb/index.ts';
import { eventStoreContract } from './contract.ts';

// Runs only against a real server: see infra/kurrentdb/README.md to start one.
const url = process.env.KURRENTDB_URL;
if (!url) {
  console.log(
    'KurrentDB contract skipped: KURRENTDB_URL is not set. Start a node (infra/kurrentdb/README.md), then run ' +
      'KURRENTDB_URL=kurrentdb://127.0.0.1:2113?tls=false npx pnpm@10.34.8 --filter @gongzhi/eventstore test',
  );
}

describe.skipIf(!url)('kurrentdb adapter', () => {
  eventStoreContract('kurrentdb', () => openKurrentDbEventStore({ url: url! }), {
    timeoutMs: 60_000,
  });
});
