// The contract every EventStore adapter must meet. An adapter's spec file calls
// eventStoreContract(name, open) and vitest runs each case against it. Every call of `open` must
// return a new connection to the SAME store: the concurrency cases open several, so that writers
// really run in separate transactions.
//
// The cases never assume an empty store (a KurrentDB server keeps what earlier runs wrote): each
// run writes to streams under its own random prefix and looks only at those streams in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidEventError, WrongExpectedRevisionError } from '../src/errors.ts';
import { newEvent, uuidv7 } from '../src/event.ts';
import type {
  EventData,
  EventMetadata,
  EventStore,
  Position,
  RecordedEvent,
  SubscriptionFilter,
} from '../src/port.ts';
import { withUpcasters } from '../src/upcasting.ts';

export interface ContractOptions {
  /** Per-case timeout; the slowest cases write a few thousand events. */
  timeoutMs?: number;
}

const metadata: EventMetadata = {
  actor: 'account-contract',
  channel: 'online',
  correlationId: 'corr-1',
  occurredAt: '2026-01-02T03:04:05.000Z',
};

const event = (type: string, data: unknown = {}, schemaVersion = 1): EventData =>
  newEvent(type, data, metadata, schemaVersion);

const events = (count: number, type = 'Counted'): EventData[] =>
  Array.from({ length: count }, (_, i) => event(type, { i }));

export function eventStoreContract(
  name: string,
  open: () => Promise<EventStore>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, { timeout: options.timeoutMs ?? 30_000 }, () => {
    let store: EventStore;
    // Unique per run, so that a store that outlives runs (KurrentDB) still gives clean streams.
    const run = `c${uuidv7().replaceAll('-', '').slice(-12)}`;
    let streamCount = 0;
    const newStream = (label = 'stream') => `${run}${label}-${++streamCount}`;
    const ours: SubscriptionFilter = { streamPrefixes: [run] };

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    /** Our events in the global log after `after`, in log order. */
    async function readOurs(after: Position | undefined): Promise<RecordedEvent[]> {
      const found: RecordedEvent[] = [];
      for (;;) {
        const page = await store.readAll({ after, maxCount: 500 });
        found.push(...page.filter((e) => e.streamName.startsWith(run)));
        if (page.length < 500) return found;
        after = page[page.length - 1]!.position;
      }
    }

    async function expectConflict(
      promise: Promise<unknown>,
      expected: unknown,
      actual: bigint | 'no_stream',
    ): Promise<void> {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect((error as WrongExpectedRevisionError).expected).toBe(expected);
      expect((error as WrongExpectedRevisionError).actual).toBe(actual);
    }

    describe('append with an expected state', () => {
      it("'no_stream' creates a stream and fails once it exists", async () => {
        const stream = newStream();
        const first = await store.append(stream, events(2), { expected: 'no_stream' });
        expect(first.nextExpectedRevision).toBe(1n);
        await expectConflict(
          store.append(stream, events(1), { expected: 'no_stream' }),
          'no_stream',
          1n,
        );
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it("'stream_exists' fails on a new stream and succeeds on an existing one", async () => {
        const stream = newStream();
        await expectConflict(
          store.append(stream, events(1), { expected: 'stream_exists' }),
          'stream_exists',
          'no_stream',
        );
        expect(await store.readStream(stream)).toEqual([]);
        await store.append(stream, events(1));
        const result = await store.append(stream, events(1), { expected: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('a revision succeeds only when it is the last revision of the stream', async () => {
        const stream = newStream();
        await expectConflict(store.append(stream, events(1), { expected: 0n }), 0n, 'no_stream');
        await store.append(stream, events(3), { expected: 'no_stream' });
        await expectConflict(store.append(stream, events(1), { expected: 1n }), 1n, 2n);
        await expectConflict(store.append(stream, events(1), { expected: 3n }), 3n, 2n);
        const result = await store.append(stream, events(2), { expected: 2n });
        expect(result.nextExpectedRevision).toBe(4n);
        const revisions = (await store.readStream(stream)).map((e) => e.revision);
        expect(revisions).toEqual([0n, 1n, 2n, 3n, 4n]);
      });

      it("'any' (the default) appends whatever the state", async () => {
        const stream = newStream();
        expect((await store.append(stream, events(1))).nextExpectedRevision).toBe(0n);
        const result = await store.append(stream, events(1), { expected: 'any' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('returns the position of the last event written, increasing across appends', async () => {
        const stream = newStream();
        const a = await store.append(stream, events(3));
        const b = await store.append(newStream(), events(1));
        expect(b.position).toBeGreaterThan(a.position);
        const written = await store.readStream(stream);
        expect(written[2]!.position).toBe(a.position);
        expect(written[0]!.position < written[1]!.position).toBe(true);
        expect(written[1]!.position < written[2]!.position).toBe(true);
        expect(await store.headPosition()).toBe(b.position);
      });

      it('rejects an empty batch and duplicate ids within a batch, writing nothing', async () => {
        const stream = newStream();
        await expect(store.append(stream, [])).rejects.toBeInstanceOf(InvalidEventError);
        const twice = event('Twice');
        await expect(store.append(stream, [twice, twice])).rejects.toBeInstanceOf(
          InvalidEventError,
        );
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('keeps every field of the event', async () => {
        const stream = newStream();
        const written = newEvent(
          'Everything',
          { n: 1, nested: { list: [1, 'two', null, true] } },
          { ...metadata, onBehalfOf: 'account-2', causationId: 'cause-1', channel: 'proxy' },
          3,
        );
        const { position } = await store.append(stream, [written]);
        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({ ...written, streamName: stream, revision: 0n, position });
        expect(read!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      });
    });

    describe('idempotent re-append', () => {
      it('re-appending the same events is a no-op that reports the original result', async () => {
        const stream = newStream();
        const batch = events(3);
        const before = await store.headPosition();
        const first = await store.append(stream, batch, { expected: 'no_stream' });
        const again = await store.append(stream, batch, { expected: 'no_stream' });
        expect(again).toEqual(first);
        const withAny = await store.append(stream, batch);
        expect(withAny).toEqual(first);
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
        expect(await readOurs(before)).toHaveLength(3);
      });

      it('a retry after later appends is still a no-op', async () => {
        const stream = newStream();
        const batch = events(1);
        const first = await store.append(stream, batch, { expected: 'no_stream' });
        await store.append(stream, events(2), { expected: 0n });
        expect(await store.append(stream, batch, { expected: 'no_stream' })).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('one event: a retry with any is a no-op; its id on another stream is refused', async () => {
        const stream = newStream();
        const batch = events(1);
        const first = await store.append(stream, batch);
        expect(await store.append(stream, batch)).toEqual(first);
        await expect(store.append(newStream(), batch)).rejects.toBeInstanceOf(InvalidEventError);
        await expect(
          store.append(newStream(), batch, { expected: 'no_stream' }),
        ).rejects.toBeInstanceOf(InvalidEventError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('a batch that only partly repeats earlier events is refused and writes nothing', async () => {
        const stream = newStream();
        const [a, b, c] = events(3);
        await store.append(stream, [a!, b!], { expected: 'no_stream' });
        await expect(store.append(stream, [a!, c!], { expected: 'no_stream' })).rejects.toSatisfy(
          (e) => e instanceof InvalidEventError || e instanceof WrongExpectedRevisionError,
        );
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual([a!.id, b!.id]);
      });
    });

    describe('readStream', () => {
      let stream: string;
      beforeAll(async () => {
        stream = newStream('read');
        await store.append(stream, events(10));
      });
      const revisions = (list: RecordedEvent[]) => list.map((e) => Number(e.revision));
      const data = (list: RecordedEvent[]) => list.map((e) => (e.data as { i: number }).i);

      it('reads forwards from the start, or from a revision, with maxCount', async () => {
        expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(data(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(revisions(await store.readStream(stream, { maxCount: 3 }))).toEqual([0, 1, 2]);
        expect(revisions(await store.readStream(stream, { from: 4n, maxCount: 3 }))).toEqual([
          4, 5, 6,
        ]);
        expect(revisions(await store.readStream(stream, { from: 8n, maxCount: 5 }))).toEqual([
          8, 9,
        ]);
        expect(await store.readStream(stream, { from: 'end' })).toEqual([]);
      });

      it('reads backwards from the end, or from a revision, with maxCount', async () => {
        const backwards = { direction: 'backwards' } as const;
        expect(revisions(await store.readStream(stream, backwards))).toEqual([
          9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
        ]);
        expect(revisions(await store.readStream(stream, { ...backwards, maxCount: 1 }))).toEqual([
          9,
        ]);
        expect(
          revisions(await store.readStream(stream, { ...backwards, from: 5n, maxCount: 3 })),
        ).toEqual([5, 4, 3]);
        expect(
          revisions(await store.readStream(stream, { ...backwards, from: 1n, maxCount: 5 })),
        ).toEqual([1, 0]);
      });

      it('reads a stream that does not exist as empty, in both directions', async () => {
        const missing = newStream('missing');
        expect(await store.readStream(missing)).toEqual([]);
        expect(await store.readStream(missing, { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('reads the global log strictly after a position, in position order, with maxCount', async () => {
        const streamA = newStream('all');
        const streamB = newStream('all');
        const before = await store.headPosition();
        const written: EventData[] = [];
        for (let i = 0; i < 6; i++) {
          const batch = events(1);
          written.push(...batch);
          await store.append(i % 2 === 0 ? streamA : streamB, batch);
        }
        const log = await readOurs(before);
        expect(log.map((e) => e.id)).toEqual(written.map((e) => e.id));
        for (let i = 1; i < log.length; i++) {
          expect(log[i]!.position > log[i - 1]!.position).toBe(true);
        }
        const fromMiddle = await readOurs(log[2]!.position);
        expect(fromMiddle.map((e) => e.id)).toEqual(written.slice(3).map((e) => e.id));
        const page = await store.readAll({ after: log[0]!.position, maxCount: 2 });
        expect(page).toHaveLength(2);
        expect(page[0]!.position > log[0]!.position).toBe(true);
      });

      it('reads from the beginning when no position is given', async () => {
        const stream = newStream();
        await store.append(stream, events(1));
        const [first] = await store.readAll({ maxCount: 1 });
        expect(first).toBeDefined();
        expect(first!.position <= (await store.headPosition())!).toBe(true);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, goes live, and ends a pending iteration when stopped', async () => {
        const stream = newStream('sub');
        const before = await store.headPosition();
        const first = events(5);
        await store.append(stream, first);
        const subscription = store.subscribeToAll({ after: before, filter: ours });
        const received: RecordedEvent[] = [];
        let reachedTen!: () => void;
        const tenReceived = new Promise<void>((resolve) => (reachedTen = resolve));
        const iteration = (async () => {
          for await (const e of subscription) {
            received.push(e);
            if (received.length === 10) reachedTen();
          }
          return 'ended';
        })();
        const later = events(5);
        await store.append(stream, later);
        await tenReceived;
        // The iteration now waits for more events: stop() must end it.
        await subscription.stop();
        expect(await iteration).toBe('ended');
        expect(received.map((e) => e.id)).toEqual([...first, ...later].map((e) => e.id));
      });

      it('ends when the consumer breaks out of the loop', async () => {
        const stream = newStream('sub');
        const before = await store.headPosition();
        await store.append(stream, events(3));
        const subscription = store.subscribeToAll({ after: before, filter: ours });
        let count = 0;
        for await (const _ of subscription) {
          if (++count === 2) break;
        }
        expect(count).toBe(2);
        await subscription.stop();
      });

      it('filters by stream prefix and by event type', async () => {
        const before = await store.headPosition();
        const wanted = newStream('wanted');
        const other = newStream('other');
        await store.append(other, [event('Kept')]);
        await store.append(wanted, [event('Dropped'), event('Kept'), event('Kept')]);
        const marker = newStream('wanted');
        await store.append(marker, [event('Kept', { last: true })]);
        const subscription = store.subscribeToAll({
          after: before,
          filter: { streamPrefixes: [`${run}wanted`], eventTypes: ['Kept'] },
        });
        const received: RecordedEvent[] = [];
        for await (const e of subscription) {
          received.push(e);
          if (e.streamName === marker) break;
        }
        expect(received.map((e) => [e.streamName, e.type])).toEqual([
          [wanted, 'Kept'],
          [wanted, 'Kept'],
          [marker, 'Kept'],
        ]);
      });

      it('a reader starting mid-log gets exactly the events after its checkpoint', async () => {
        const stream = newStream('mid');
        const before = await store.headPosition();
        const batch = events(20);
        await store.append(stream, batch.slice(0, 10));
        await store.append(stream, batch.slice(10));
        const log = await readOurs(before);
        const checkpoint = log[6]!.position;
        const received = await collect(
          store.subscribeToAll({ after: checkpoint, filter: ours }),
          13,
        );
        expect(received.map((e) => e.id)).toEqual(batch.slice(7).map((e) => e.id));
        const read = await readOurs(checkpoint);
        expect(read.map((e) => e.id)).toEqual(batch.slice(7).map((e) => e.id));
      });

      it('has no gap and no duplicate at the catch-up → live boundary while appends continue', async () => {
        const stream = newStream('boundary');
        const before = await store.headPosition();
        const total = 3000;
        const backlog = 2000;
        for (let i = 0; i < backlog; i += 100) await store.append(stream, events(100));
        // Keep appending, one event at a time, while the subscriber catches up and goes live.
        const writer = (async () => {
          for (let i = backlog; i < total; i++)
            await store.append(stream, [event('Counted', { i })]);
        })();
        const received = await collect(
          store.subscribeToAll({ after: before, filter: ours }),
          total,
        );
        await writer;
        const log = await readOurs(before);
        expect(log).toHaveLength(total);
        expect(received.map((e) => e.id)).toEqual(log.map((e) => e.id));
        expect(received.map((e) => e.revision)).toEqual(log.map((_, i) => BigInt(i)));
      });
    });

    describe('concurrency', () => {
      /** Runs `body` with `count` more connections to the store, closing them afterwards. */
      async function withStores<T>(count: number, body: (stores: EventStore[]) => Promise<T>) {
        const stores = await Promise.all(Array.from({ length: count }, () => open()));
        try {
          return await body(stores);
        } finally {
          await Promise.all(stores.map((s) => s.close()));
        }
      }

      it('writers racing on one stream: exactly one wins each revision, nothing lost or doubled', async () => {
        const stream = newStream('race');
        const winners: string[] = [];
        await withStores(4, async (stores) => {
          for (let round = 0; round < 10; round++) {
            const expected = round === 0 ? ('no_stream' as const) : BigInt(round - 1);
            const candidates = Array.from({ length: 20 }, () => event('Raced', { round }));
            const outcomes = await Promise.allSettled(
              candidates.map((e, i) => stores[i % 4]!.append(stream, [e], { expected })),
            );
            const won = outcomes.flatMap((o, i) =>
              o.status === 'fulfilled' ? [candidates[i]!] : [],
            );
            expect(won).toHaveLength(1);
            for (const o of outcomes) {
              if (o.status === 'rejected') {
                expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
              }
            }
            winners.push(won[0]!.id);
          }
        });
        const written = await store.readStream(stream);
        expect(written.map((e) => e.id)).toEqual(winners);
        expect(written.map((e) => e.revision)).toEqual(winners.map((_, i) => BigInt(i)));
      });

      it('16 concurrent writers on different streams: a log follower sees each event exactly once', async () => {
        const before = await store.headPosition();
        const writers = 16;
        const appendsPerWriter = 40;
        const total = writers * appendsPerWriter;
        // Followers stop at an end marker appended after every writer finished: a follower that
        // skipped an event still reaches it, and the assertions below say what it missed.
        const marker = event('EndOfTest');
        const isMarker = (e: RecordedEvent) => e.id === marker.id;
        const subscription = store.subscribeToAll({ after: before, filter: ours });
        const followed = (async () => {
          const seen: RecordedEvent[] = [];
          for await (const e of subscription) {
            if (isMarker(e)) break;
            seen.push(e);
          }
          return seen;
        })();
        // A second follower pages the log by position with readAll, as a projection would.
        const paged = (async () => {
          const seen: RecordedEvent[] = [];
          let after = before;
          for (;;) {
            const page = await store.readAll({ after, maxCount: 50 });
            for (const e of page) {
              if (isMarker(e)) return seen;
              if (e.streamName.startsWith(run)) seen.push(e);
            }
            if (page.length > 0) after = page[page.length - 1]!.position;
            else await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
        const written = await withStores(writers, (stores) =>
          Promise.all(
            stores.map(async (writer, w) => {
              const stream = newStream(`writer${w}`);
              const ids: string[] = [];
              for (let i = 0; i < appendsPerWriter; i++) {
                const e = event('Written', { w, i });
                const expected = i === 0 ? ('no_stream' as const) : BigInt(i - 1);
                await writer.append(stream, [e], { expected });
                ids.push(e.id);
              }
              return ids;
            }),
          ),
        );
        await store.append(newStream('marker'), [marker]);
        const expectedIds = written.flat().sort();
        for (const seen of [await followed, await paged]) {
          const ids = seen.map((e) => e.id);
          expect(ids).toHaveLength(total);
          expect(new Set(ids).size).toBe(total);
          expect([...ids].sort()).toEqual(expectedIds);
          for (let i = 1; i < seen.length; i++) {
            expect(seen[i]!.position > seen[i - 1]!.position).toBe(true);
          }
        }
      });
    });

    describe('payloads', () => {
      it('stores and returns a 1 MB event', async () => {
        const stream = newStream('big');
        // 1,000,000 bytes of data: KurrentDB's default limit for one append is 1 MiB, metadata
        // included.
        const text = 'x'.repeat(1_000_000 - 17) + '共治';
        const big = event('Big', { text });
        await store.append(stream, [big]);
        expect(Buffer.byteLength(JSON.stringify(big.data))).toBe(1_000_000);
        const [read] = await store.readStream(stream);
        expect((read!.data as { text: string }).text).toBe(text);
      });

      it('keeps non-ASCII text intact in names, data and metadata', async () => {
        const stream = newStream('社区-和平里');
        const data = {
          name: '和平里社区居民议事会',
          note: '预算 ¥12,000 ✅ 🎉👩🏽‍🌾',
          quotes: 'él dijo «hola» — 𝒜 \u0000 tab\t',
        };
        const written = newEvent('社区已登记', data, { ...metadata, actor: '张伟' });
        const before = await store.headPosition();
        await store.append(stream, [written]);
        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({ streamName: stream, type: '社区已登记', data });
        expect(read!.metadata.actor).toBe('张伟');
        const [fromLog] = await readOurs(before);
        expect(fromLog!.data).toEqual(data);
      });
    });

    describe('upcasting', () => {
      it('reads a v1 event as v2 through readStream, readAll and subscribeToAll', async () => {
        const upcasting = withUpcasters(store, {
          StreetNamed: { 1: (data) => ({ ...(data as object), language: 'zh-CN' }) },
        });
        const stream = newStream('upcast');
        const before = await store.headPosition();
        await upcasting.append(stream, [event('StreetNamed', { name: '长安街' }, 1)]);
        const v2 = { schemaVersion: 2, data: { name: '长安街', language: 'zh-CN' } };

        expect((await store.readStream(stream))[0]).toMatchObject({ schemaVersion: 1 });
        expect((await upcasting.readStream(stream))[0]).toMatchObject(v2);
        const all = await upcasting.readAll({ after: before });
        expect(all.find((e) => e.streamName === stream)).toMatchObject(v2);
        const [live] = await collect(
          upcasting.subscribeToAll({ after: before, filter: { streamPrefixes: [stream] } }),
          1,
        );
        expect(live).toMatchObject(v2);
      });
    });
  });
}

/** Takes `count` events from a subscription, then stops it. */
async function collect(
  subscription: AsyncIterable<RecordedEvent> & { stop(): Promise<void> },
  count: number,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  if (count === 0) return received;
  for await (const e of subscription) {
    received.push(e);
    if (received.length === count) break;
  }
  await subscription.stop();
  return received;
}
