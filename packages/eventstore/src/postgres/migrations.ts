// Numbered, append-only schema migrations for the PostgreSQL event store. Applied on open under
// an advisory lock, each in the same transaction as its row in `migrations`, so that opening is
// idempotent and safe when several processes open the same schema at once.
import type postgres from 'postgres';

/** Migration n (from 1) is migrations[n - 1](schema). Never edit one that has shipped. */
const migrations: ((s: string) => string)[] = [
  (s) => `
    CREATE TABLE ${s}.events (
      position       bigint      PRIMARY KEY,
      stream         text        NOT NULL,
      revision       bigint      NOT NULL,
      id             text        NOT NULL UNIQUE,
      type           text        NOT NULL,
      schema_version integer     NOT NULL,
      -- json, not jsonb: keeps the exact text, including escapes such as \\u0000 jsonb refuses.
      data           json        NOT NULL,
      metadata       json        NOT NULL,
      recorded_at    timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream, revision)
    );

    -- Appends a batch. Append i writes p_counts[i] events to p_streams[i] if the stream is in
    -- state p_expected[i]; its events are the next p_counts[i] entries of the event arrays.
    -- Data and metadata come as JSON text and are cast to json only on insert: that keeps them
    -- exact, where extracting from one big json argument would refuse \\u0000 escapes.
    -- Returns one row per append, in order. Takes the store's advisory lock first and keeps it
    -- until commit, so positions are assigned (and become visible) in commit order.
    CREATE FUNCTION ${s}.append_batch(
      p_streams text[], p_expected text[], p_counts integer[],
      p_ids text[], p_types text[], p_versions integer[], p_data text[], p_metadata text[]
    )
    RETURNS TABLE (outcome text, last_revision bigint, last_position bigint, detail text)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_stream   text;
      v_ids      text[];
      v_count    integer;
      v_offset   integer := 0;
      v_current  bigint;
      v_start    bigint;
      v_head     bigint;
      v_found    integer;
      v_offsets  integer;
      v_streams  text;
      v_fits     boolean;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended('gongzhi-eventstore:' || '${s}', 0));
      SELECT coalesce(max(e.position), 0) INTO v_head FROM ${s}.events e;
      v_start := v_head;
      FOR i IN 1 .. coalesce(cardinality(p_streams), 0) LOOP
        v_stream := p_streams[i];
        v_count := p_counts[i];
        v_ids := p_ids[v_offset + 1 : v_offset + v_count];

        -- Idempotent retry: every id already written, to this stream, in this order.
        SELECT count(*)::integer, count(DISTINCT e.revision - u.n)::integer,
               string_agg(DISTINCT e.stream, ', '), max(e.revision), max(e.position)
          INTO v_found, v_offsets, v_streams, last_revision, last_position
          FROM unnest(v_ids) WITH ORDINALITY AS u(id, n) JOIN ${s}.events e ON e.id = u.id;
        IF v_found > 0 THEN
          IF v_found = v_count AND v_offsets = 1 AND v_streams = v_stream THEN
            outcome := 'idempotent';
            detail := NULL;
          ELSE
            outcome := 'id_conflict';
            detail := format('%s of these %s event ids were written before (to %s)',
                             v_found, v_count, v_streams);
          END IF;
        ELSE
          SELECT max(e.revision) INTO v_current FROM ${s}.events e WHERE e.stream = v_stream;
          v_fits := CASE p_expected[i]
                      WHEN 'any' THEN true
                      WHEN 'no_stream' THEN v_current IS NULL
                      WHEN 'stream_exists' THEN v_current IS NOT NULL
                      ELSE coalesce(v_current = p_expected[i]::bigint, false)
                    END;
          IF v_fits THEN
            INSERT INTO ${s}.events
                (position, stream, revision, id, type, schema_version, data, metadata)
              SELECT v_head + n, v_stream, coalesce(v_current, -1) + n, p_ids[v_offset + n],
                     p_types[v_offset + n], p_versions[v_offset + n],
                     p_data[v_offset + n]::json, p_metadata[v_offset + n]::json
                FROM generate_series(1, v_count) AS n;
            v_head := v_head + v_count;
            outcome := 'ok';
            last_revision := coalesce(v_current, -1) + v_count;
            last_position := v_head;
          ELSE
            outcome := 'wrong_expected';
            last_revision := v_current;
            last_position := NULL;
          END IF;
          detail := NULL;
        END IF;
        v_offset := v_offset + v_count;
        RETURN NEXT;
      END LOOP;
      IF v_head > v_start THEN
        PERFORM pg_notify('gongzhi_events_' || '${s}', v_head::text);
      END IF;
    END
    $fn$;
  `,
  // Decision 0011: positions from a sequence, taken without any lock held across commits; each
  // writer registers a lower bound of its positions as in flight, and readers read only below
  // the lowest one registered.
  (s) => `
    CREATE SEQUENCE ${s}.positions AS bigint;
    -- Events written before keep their positions; new ones continue after them.
    SELECT setval('${s}.positions', max(position)) FROM ${s}.events HAVING count(*) > 0;

    -- Each writer in flight holds the advisory lock (inflight_class(), low 32 bits of a lower
    -- bound of its positions) in shared mode until its transaction ends.
    CREATE FUNCTION ${s}.inflight_class() RETURNS integer LANGUAGE sql IMMUTABLE
      AS $$ SELECT hashtext('gongzhi-eventstore-inflight:${s}') & 2147483647 $$;

    -- The last position handed out (0 before the first).
    CREATE FUNCTION ${s}.last_position() RETURNS bigint LANGUAGE sql VOLATILE
      AS $$ SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${s}.positions $$;

    -- Appends a batch, as before (same arguments, same rows returned):
    -- 1. Lock each stream of the batch (transaction-level, in key order) until commit, so that
    --    the checks below see every earlier append to these streams committed.
    -- 2. Register as in flight: lock (inflight_class(), last_position() + 1) shared until commit.
    --    Every position this transaction takes afterwards from the sequence is above the value
    --    read, so the registration bounds them all from below.
    -- 3. Check and insert each append as before; each event takes nextval() as its position.
    -- It does not NOTIFY: PostgreSQL serialises the commits of notifying transactions (a
    -- cluster-wide lock held through the commit's WAL flush). The store notifies after commit.
    CREATE OR REPLACE FUNCTION ${s}.append_batch(
      p_streams text[], p_expected text[], p_counts integer[],
      p_ids text[], p_types text[], p_versions integer[], p_data text[], p_metadata text[]
    )
    RETURNS TABLE (outcome text, last_revision bigint, last_position bigint, detail text)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_stream   text;
      v_ids      text[];
      v_count    integer;
      v_offset   integer := 0;
      v_current  bigint;
      v_key      bigint;
      v_low      bigint;
      v_found    integer;
      v_offsets  integer;
      v_streams  text;
      v_fits     boolean;
    BEGIN
      IF cardinality(p_streams) = 1 THEN
        PERFORM pg_advisory_xact_lock(
          hashtextextended('gongzhi-eventstore-stream:${s}:' || p_streams[1], 0));
      ELSE
        FOR v_key IN
          SELECT DISTINCT hashtextextended('gongzhi-eventstore-stream:${s}:' || x, 0) AS k
            FROM unnest(p_streams) AS x ORDER BY k
        LOOP
          PERFORM pg_advisory_xact_lock(v_key);
        END LOOP;
      END IF;

      v_low := (${s}.last_position() + 1) % 4294967296;
      PERFORM pg_advisory_xact_lock_shared(${s}.inflight_class(),
        (CASE WHEN v_low >= 2147483648 THEN v_low - 4294967296 ELSE v_low END)::integer);

      FOR i IN 1 .. coalesce(cardinality(p_streams), 0) LOOP
        v_stream := p_streams[i];
        v_count := p_counts[i];
        v_ids := p_ids[v_offset + 1 : v_offset + v_count];

        -- Idempotent retry: every id already written, to this stream, in this order.
        v_found := 0;
        IF EXISTS (SELECT 1 FROM ${s}.events e WHERE e.id = ANY (v_ids)) THEN
          SELECT count(*)::integer, count(DISTINCT e.revision - u.n)::integer,
                 string_agg(DISTINCT e.stream, ', '), max(e.revision), max(e.position)
            INTO v_found, v_offsets, v_streams, last_revision, last_position
            FROM unnest(v_ids) WITH ORDINALITY AS u(id, n) JOIN ${s}.events e ON e.id = u.id;
        END IF;
        IF v_found > 0 THEN
          IF v_found = v_count AND v_offsets = 1 AND v_streams = v_stream THEN
            outcome := 'idempotent';
            detail := NULL;
          ELSE
            outcome := 'id_conflict';
            detail := format('%s of these %s event ids were written before (to %s)',
                             v_found, v_count, v_streams);
          END IF;
        ELSE
          SELECT max(e.revision) INTO v_current FROM ${s}.events e WHERE e.stream = v_stream;
          v_fits := CASE p_expected[i]
                      WHEN 'any' THEN true
                      WHEN 'no_stream' THEN v_current IS NULL
                      WHEN 'stream_exists' THEN v_current IS NOT NULL
                      ELSE coalesce(v_current = p_expected[i]::bigint, false)
                    END;
          IF v_fits THEN
            -- Rows are numbered in order, so positions rise with revisions.
            WITH written AS (
              INSERT INTO ${s}.events
                  (position, stream, revision, id, type, schema_version, data, metadata)
                SELECT nextval('${s}.positions'), v_stream, coalesce(v_current, -1) + n,
                       p_ids[v_offset + n], p_types[v_offset + n], p_versions[v_offset + n],
                       p_data[v_offset + n]::json, p_metadata[v_offset + n]::json
                  FROM generate_series(1, v_count) AS n ORDER BY n
                RETURNING position
            )
            SELECT max(position) INTO last_position FROM written;
            outcome := 'ok';
            last_revision := coalesce(v_current, -1) + v_count;
          ELSE
            outcome := 'wrong_expected';
            last_revision := v_current;
            last_position := NULL;
          END IF;
          detail := NULL;
        END IF;
        v_offset := v_offset + v_count;
        RETURN NEXT;
      END LOOP;
    END
    $fn$;

    -- The highest position below which every event is settled: committed (and visible to any
    -- statement that starts after this returns) or rolled back. The last position handed out is
    -- read before the registrations: a writer whose position it includes registered before
    -- taking it, so the registration is seen unless that writer has ended. Writers in flight
    -- registered bounds in (last - 2^32, last + 1]; their locks keep the low 32 bits.
    CREATE FUNCTION ${s}.safe_position() RETURNS bigint LANGUAGE plpgsql AS $fn$
    DECLARE
      v_last bigint := ${s}.last_position();
      v_low  bigint;
    BEGIN
      SELECT min(v_last + 1 - ((v_last + 1 - l.objid::bigint) % 4294967296 + 4294967296) % 4294967296)
        INTO v_low
        FROM pg_locks l
       WHERE l.locktype = 'advisory' AND l.objsubid = 2
         AND l.classid = ${s}.inflight_class()::bigint::oid
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
      RETURN least(v_low - 1, v_last);
    END
    $fn$;

    -- The global log after p_after, up to p_max events, never past the safe position. VOLATILE:
    -- the query takes its snapshot after safe_position() returned.
    CREATE FUNCTION ${s}.read_after(p_after bigint, p_max integer)
    RETURNS SETOF ${s}.events LANGUAGE plpgsql AS $fn$
    DECLARE
      v_safe bigint := ${s}.safe_position();
    BEGIN
      RETURN QUERY SELECT * FROM ${s}.events e
        WHERE e.position > p_after AND e.position <= v_safe
        ORDER BY e.position LIMIT p_max;
    END
    $fn$;
  `,
  // Issue 17: append_one(), the common call (one append of one event: a command) without the
  // arrays and the loop of append_batch(), in three statements where the loop takes seven. The
  // stream lock and the registration are as in append_batch(); the registration shares the
  // statement that reads the stream's revision (it only has to come before nextval()). The id is
  // looked up only when the event was not written: an append whose expected revision fits
  // inserts with ON CONFLICT (id) DO NOTHING, and only a refused revision or a conflicting id
  // looks the id up. A conflicting id costs one position from the sequence (a gap, as a
  // rollback leaves).
  (s) => `
    CREATE FUNCTION ${s}.append_one(
      p_stream text, p_expected text, p_id text, p_type text, p_version integer, p_data text,
      p_metadata text
    )
    RETURNS TABLE (outcome text, last_revision bigint, last_position bigint, detail text)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_current bigint;
      v_fits    boolean;
      v_written text;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended('gongzhi-eventstore-stream:${s}:' || p_stream, 0));
      -- Registration: the low 32 bits of last_position() + 1, as a signed integer.
      SELECT (SELECT max(e.revision) FROM ${s}.events e WHERE e.stream = p_stream)
        INTO v_current
        FROM pg_advisory_xact_lock_shared(${s}.inflight_class(),
               ((${s}.last_position() + 1 + 2147483648) % 4294967296 - 2147483648)::integer);
      v_fits := CASE p_expected
                  WHEN 'any' THEN true
                  WHEN 'no_stream' THEN v_current IS NULL
                  WHEN 'stream_exists' THEN v_current IS NOT NULL
                  ELSE coalesce(v_current = p_expected::bigint, false)
                END;
      IF v_fits THEN
        INSERT INTO ${s}.events (position, stream, revision, id, type, schema_version, data, metadata)
          VALUES (nextval('${s}.positions'), p_stream, coalesce(v_current, -1) + 1, p_id, p_type,
                  p_version, p_data::json, p_metadata::json)
          ON CONFLICT (id) DO NOTHING
          RETURNING position INTO last_position;
        IF FOUND THEN
          outcome := 'ok';
          last_revision := coalesce(v_current, -1) + 1;
          RETURN NEXT;
          RETURN;
        END IF;
      END IF;

      -- Not written: a retry of this append (idempotent), its id written to another stream, or
      -- an expected revision that does not fit.
      SELECT e.stream, e.revision, e.position INTO v_written, last_revision, last_position
        FROM ${s}.events e WHERE e.id = p_id;
      IF v_written = p_stream THEN
        outcome := 'idempotent';
      ELSIF v_written IS NOT NULL THEN
        outcome := 'id_conflict';
        detail := format('1 of these 1 event ids were written before (to %s)', v_written);
      ELSE
        outcome := 'wrong_expected';
        last_revision := v_current;
        last_position := NULL;
      END IF;
      RETURN NEXT;
    END
    $fn$;
  `,
  // A function's statements keep the plan made in the session's first calls, while the log was
  // small (a sequential scan), until an ANALYZE invalidates it; where autovacuum is off (as on
  // the CI machine) none comes, and each append then read the whole log (a 200,000-event run fell
  // to 58 appends/s). Plans made per call, at the log's size then, take the indexes.
  (s) => `
    ALTER FUNCTION ${s}.append_batch(text[], text[], integer[], text[], text[], integer[], text[], text[])
      SET plan_cache_mode = force_custom_plan;
    ALTER FUNCTION ${s}.append_one(text, text, text, text, integer, text, text)
      SET plan_cache_mode = force_custom_plan;
    ALTER FUNCTION ${s}.read_after(bigint, integer) SET plan_cache_mode = force_custom_plan;
  `,
  // Planning every statement of every call cost a fifth of the server's appends (pgbench, 16
  // clients). Every statement in these functions wants an index whatever the log's size, so
  // their plans are again made once and kept, with sequential scans priced out (the one left,
  // of the positions sequence, has no alternative; JIT off so its inflated price does not
  // compile it). last_position() becomes plpgsql: a SQL function that reads a table is parsed
  // and planned anew in every statement that calls it, a tenth of an append's time; plpgsql
  // keeps its plan for the session.
  (s) => `
    CREATE OR REPLACE FUNCTION ${s}.last_position() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $fn$
    BEGIN
      RETURN (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${s}.positions);
    END
    $fn$;
    ${[
      'append_batch(text[], text[], integer[], text[], text[], integer[], text[], text[])',
      'append_one(text, text, text, text, integer, text, text)',
      'read_after(bigint, integer)',
    ]
      .map(
        (f) => `
    ALTER FUNCTION ${s}.${f} RESET plan_cache_mode;
    ALTER FUNCTION ${s}.${f} SET enable_seqscan = off;
    ALTER FUNCTION ${s}.${f} SET jit = off;`,
      )
      .join('')}
  `,
];

export const latestMigration = migrations.length;

/** Applies the migrations not yet applied, up to `upTo` (tests start from an older layout). */
export async function migrate(
  sql: postgres.Sql<{ bigint: bigint }>,
  schema: string,
  upTo = migrations.length,
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) {
    throw new Error(`Schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  }
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`gongzhi-eventstore-migrate:${schema}`}, 0))`;
    await tx`CREATE SCHEMA IF NOT EXISTS ${tx(schema)}`;
    await tx`
      CREATE TABLE IF NOT EXISTS ${tx(schema)}.migrations (
        version    integer     PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`;
    const [row] = await tx<{ version: number | null }[]>`
      SELECT max(version) AS version FROM ${tx(schema)}.migrations`;
    const applied = row?.version ?? 0;
    for (let version = applied + 1; version <= upTo; version++) {
      await tx.unsafe(migrations[version - 1]!(schema)).simple();
      await tx`INSERT INTO ${tx(schema)}.migrations (version) VALUES (${version})`;
    }
  });
}
