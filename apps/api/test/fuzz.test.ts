// The fuzzer (issue 10, item 9). For every procedure of the appRouter it sends FUZZ_RUNS bad
// inputs over HTTP, made by fast-check from the procedure's zod input schema and its sample in
// procedure-samples.ts (fuzz-inputs.ts says how), each as one of four callers: nobody, the
// fixture resident, a staff account whose grant reaches the sample's place (in scope) and one
// whose grant does not (out of scope). Then it sends garbage below the procedures
// (fuzz-requests.ts): bodies that are not JSON, wrong content types, batches, inputs too large
// for a URL, cookies and headers that do not parse, paths that are not procedures.
//
// Every answer must be a 4xx in tRPC's error shape with a message in the caller's language (a 400
// naming the fields when the schema refuses the input), never a 5xx, a reset or a hang; and a
// refused call must not move the event store's head.
//
// SQLite only: what is fuzzed is the HTTP and validation layers, the same on both engines, and
// one engine keeps the file within the CI budget. The seed is fixed; a failure prints the seed
// and path that replay it (GONGZHI_FUZZ_SEED and GONGZHI_FUZZ_PATH). GONGZHI_UPDATE_DOCS=1
// writes the run's figures into docs/security.md ("The fuzzer"); GONGZHI_FUZZ_RUNS sets fewer
// inputs per procedure while working on the fuzzer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { repoRoot } from '../src/runtime.ts';
import { badInputs, type Json } from './fuzz-inputs.ts';
import {
  answerProblem,
  counts,
  garbageRequests,
  inputProblem,
  useHttpClient,
  type Locale,
} from './fuzz-requests.ts';
import { engines } from './harness.ts';
import {
  createSampleRecords,
  PRINCIPALS,
  procedures,
  reaches,
  RESIDENT,
  samplesOf,
  type Principal,
  type ProcedureDef,
  type Sample,
} from './procedure-samples.ts';
import { useResidentServer } from './resident-harness.ts';

const FUZZ_RUNS = Number(process.env.GONGZHI_FUZZ_RUNS ?? 1000);
/** Requests of garbage below the procedures, over all of them. */
const GARBAGE_RUNS = Math.ceil(FUZZ_RUNS * 5);
const SEED = Number(process.env.GONGZHI_FUZZ_SEED ?? 20_251_110);
const REPLAY_PATH = process.env.GONGZHI_FUZZ_PATH;

const options = (seed: number, numRuns: number): fc.Parameters<unknown> => ({
  seed,
  numRuns,
  path: REPLAY_PATH,
  // Shrinking replays the failing call's neighbours over HTTP: worth it, a failure is rare.
  endOnFailure: process.env.GONGZHI_FUZZ_SHRINK === '0',
});

/** A seed of its own for each procedure: a new procedure changes no other's inputs. */
const seedOf = (path: string) =>
  [...path].reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) | 0, SEED);

/**
 * Fields that are not text a person reads, and need not follow the text rules: secrets, and mobile
 * numbers (read for their digits).
 */
const NOT_TEXT = /(^|\.)(password|currentPassword|newPassword|phone|granteePhone)$/;

const schemaOf = (procedure: ProcedureDef): z.ZodType | undefined =>
  (procedure._def as unknown as { inputs: { schema?: z.ZodType }[] }).inputs[0]?.schema;

/** Nobody, the resident, and staff in and out of the scope of the place the sample acts on. */
function callersOf(procedure: ProcedureDef, sample: Sample): Principal[] {
  const access = procedure._def.meta!.access;
  const staff = (role: string, placement: 'A' | 'B') =>
    PRINCIPALS.find((p) => p.role === role && p.placement === placement)!;
  let role = 'community_worker';
  if (typeof access === 'object') {
    const target = sample.target ?? 'city';
    role =
      access.roles.find((r) =>
        reaches({ name: r, role: r, placement: 'A' } as Principal, target),
      ) ?? role;
  }
  // The city has no other city: out of scope of its administrator is another street's officer.
  const outside = role === 'city_admin' ? 'street_officer' : role;
  return [PRINCIPALS[0]!, RESIDENT, staff(role, 'A'), staff(outside, 'B')];
}

describe.each(engines.filter((e) => e.name === 'sqlite'))(
  'the fuzzer, over HTTP on $name',
  ({ make }) => {
    const server = useResidentServer(make());
    const { api } = server;
    const http = useHttpClient(() => api.url);
    const started = performance.now();

    beforeAll(async () => {
      await createSampleRecords(server);
      for (const principal of PRINCIPALS) {
        if (!principal.accountId) continue;
        const { token } = await api.runtime.services.sessions.create(principal.accountId);
        http.sessions.set(principal.name, token);
      }
    });

    it.each(procedures)(
      `%s refuses ${FUZZ_RUNS} bad inputs`,
      async (path, procedure) => {
        const samples = samplesOf(path);
        expect(
          samples.length,
          `add a sample input for ${path} to procedure-samples.ts`,
        ).toBeGreaterThan(0);
        const schema = schemaOf(procedure);
        expect(schema, `${path} has no input schema to make bad inputs from`).toBeDefined();
        const type = procedure._def.type;
        const cases = fc.oneof(
          ...samples.map((sample) =>
            fc.record({
              bad: badInputs(schema!, sample.build ? sample.build() : sample.input),
              caller: fc.constantFrom(...callersOf(procedure, sample)),
              locale: fc.constantFrom<Locale>('zh-CN', 'en'),
            }),
          ),
        );
        counts.procedures.add(path);
        await fc.assert(
          fc.asyncProperty(cases, async ({ bad, caller, locale }) => {
            const { input, kinds, refusedBySchema } = bad;
            for (const kind of kinds) counts.add(counts.byKind, kind);
            counts.add(counts.byCaller, caller.name.replace(/ in [AB]$/, ''));
            counts.inputs++;
            const before = await api.head();
            const answer = await http.call(path, type, input, caller, locale);
            const what = `${path} as ${caller.name} (${kinds.join(', ')})`;
            const problem = refusedBySchema
              ? inputProblem(answer, locale)
              : type === 'mutation' && bad.deceptiveFields.some((field) => !NOT_TEXT.test(field))
                ? answerProblem(answer, locale)
                : // An identifier or a search with such text: not found, or nothing found.
                  answer.status < 400
                  ? undefined
                  : answerProblem(answer, locale);
            expect(problem, `${what}: ${answer.text.slice(0, 400)}`).toBeUndefined();
            if (answer.status >= 400) expect(await api.head(), `${what} wrote events`).toBe(before);
          }),
          options(seedOf(path), FUZZ_RUNS),
        );
        expect(
          ({} as Record<string, unknown>).polluted,
          'Object.prototype is polluted',
        ).toBeUndefined();
      },
      600_000,
    );

    it(`answers ${GARBAGE_RUNS} requests of garbage below the procedures with a 4xx`, async () => {
      const requests = garbageRequests(
        procedures.map(([path, procedure]) => {
          const sample = samplesOf(path)[0]!;
          return {
            path,
            type: procedure._def.type,
            schema: schemaOf(procedure),
            sample: (sample.build ? sample.build() : sample.input) as Json | undefined,
            callers: callersOf(procedure, sample),
          };
        }),
      );
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          counts.add(counts.byKind, request.kind);
          counts.garbage++;
          const before = await api.head();
          const answer = await http.send(request);
          const problem = answerProblem(answer, request.locale);
          expect(
            problem,
            `${request.kind} ${request.method} ${request.target.slice(0, 200)}: ${answer.text.slice(0, 400)}`,
          ).toBeUndefined();
          expect(await api.head(), `${request.kind} wrote events`).toBe(before);
        }),
        options(SEED, GARBAGE_RUNS),
      );
    }, 600_000);

    afterAll(() => {
      const seconds = (performance.now() - started) / 1000;
      console.info(counts.summary(seconds));
      if (process.env.GONGZHI_UPDATE_DOCS === '1' && FUZZ_RUNS >= 1000) {
        const file = join(repoRoot, 'docs/security.md');
        const doc = readFileSync(file, 'utf8');
        const start = doc.indexOf(FIGURES_START);
        const end = doc.indexOf(FIGURES_END);
        if (start < 0 || end < 0) throw new Error('docs/security.md has no fuzzer markers');
        writeFileSync(
          file,
          doc.slice(0, start + FIGURES_START.length) + counts.markdown(seconds) + doc.slice(end),
        );
      }
    });
  },
);

const FIGURES_START = '<!-- fuzzer-figures:start (written by apps/api/test/fuzz.test.ts) -->';
const FIGURES_END = '<!-- fuzzer-figures:end -->';
