// The generated authorization test (issue 3, item 5). It enumerates every procedure of the
// appRouter and calls each over HTTP as nobody, as a resident, and as an account of every staff
// role placed in street A / community A1 (in scope) and in street B / community B2 (out of
// scope), with a sample input from procedure-samples.ts. It fails when a procedure has no access declaration or no sample,
// so a new procedure cannot go unchecked. For each call it asserts:
//
// - a caller the declaration admits is not refused for access (401/403 with an access reason);
// - every other caller gets 401 (nobody) or 403 (anyone else) with a readable reason, and the
//   event store's head does not move.
//
// Who is admitted is worked out here from the declared roles and the place the sample acts on,
// independently of the scope functions: a scope function that names the wrong place fails.
// The matrix of outcomes is the "what each role can do" table of docs/security.md; the test
// fails when that table differs (GONGZHI_UPDATE_DOCS=1 rewrites it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureMeta } from '@gongzhi/api';
import { ROLE_LABELS } from '@gongzhi/auth';
import { repoRoot } from '../src/runtime.ts';
import { engines, type Reply } from './harness.ts';
import {
  createSampleRecords,
  PRINCIPALS,
  procedures,
  reaches,
  SAMPLES,
  samplesOf,
  STAFF_ROLES,
  type Principal,
  type ProcedureDef,
  type Sample,
} from './procedure-samples.ts';
import { useResidentServer } from './resident-harness.ts';

/** Refusals that mean "not you" (sign-in or access), as opposed to any other outcome. */
const ACCESS_REASONS = new Set(['sign_in_required', 'out_of_scope', 'residents_only']);

type Access = ProcedureMeta['access'];
type Expected = { admitted: true } | { admitted: false; status: 401 | 403; reason: string };

const ADMITTED: Expected = { admitted: true };
const refused = (status: 401 | 403, reason: string): Expected => ({
  admitted: false,
  status,
  reason,
});

function expectation(access: Access, principal: Principal, sample: Sample): Expected {
  const kind = typeof access === 'string' ? (access as string) : 'roles';
  if (kind === 'public') return ADMITTED;
  if (!principal.kind) return refused(401, 'sign_in_required');
  if (kind === 'signed_in') return ADMITTED;
  if (kind === 'resident') {
    return principal.kind === 'resident' ? ADMITTED : refused(403, 'residents_only');
  }
  if (kind === 'roles' && typeof access === 'object') {
    const admitted =
      principal.kind === 'staff' &&
      access.roles.includes(principal.role!) &&
      reaches(principal, sample.target ?? 'city');
    return admitted ? ADMITTED : refused(403, 'out_of_scope');
  }
  throw new Error(`No rule for the access declaration ${JSON.stringify(access)}: teach this test`);
}

describe('every procedure', () => {
  it.each(procedures)('%s declares its access and has a sample input', (path, procedure) => {
    const access = procedure._def.meta?.access;
    expect(access, `${path} has no access declaration`).toBeDefined();
    const samples = samplesOf(path);
    expect(samples.length, `add a sample input for ${path} to SAMPLES`).toBeGreaterThan(0);
    if (typeof access === 'object') {
      for (const sample of samples) expect(sample.target, `${path}: say its target`).toBeDefined();
    }
  });

  it('has no sample for a procedure that no longer exists', () => {
    const paths = new Set(procedures.map(([path]) => path));
    expect(Object.keys(SAMPLES).filter((path) => !paths.has(path))).toEqual([]);
  });
});

describe.each(engines.filter((e) => e.name === 'sqlite'))(
  'access of every procedure for every role, over HTTP on $name',
  ({ make }) => {
    const { api, resident } = useResidentServer(make());
    /** path + label → principal name → admitted (as observed and asserted). */
    const matrix = new Map<string, Map<string, boolean>>();

    beforeAll(() => createSampleRecords({ api, resident }));

    /** A fresh session per call, so that a call ending sessions (logout) affects no other. */
    async function callAs(
      principal: Principal,
      path: string,
      type: ProcedureDef['_def']['type'],
      input: unknown,
    ): Promise<Reply> {
      const headers: Record<string, string> = {};
      if (principal.accountId) {
        const { token } = await api.runtime.services.sessions.create(principal.accountId);
        headers.cookie = `gongzhi_session=${token}`;
      }
      return api.call(path, input, { query: type === 'query', headers });
    }

    const cases = procedures.flatMap(([path, procedure]) =>
      samplesOf(path).map((sample) => ({
        name: sample.label ? `${path} (${sample.label})` : path,
        path,
        procedure,
        sample,
      })),
    );

    it.each(cases)('$name', async ({ name, path, procedure, sample }) => {
      const access = procedure._def.meta!.access;
      const row = new Map<string, boolean>();
      matrix.set(name, row);
      const input = sample.build ? sample.build() : sample.input;
      for (const principal of PRINCIPALS) {
        const expected = expectation(access, principal, sample);
        const before = await api.head();
        const reply = await callAs(principal, path, procedure._def.type, input);
        const error = reply.body.error;
        const who = `${name} as ${principal.name}`;
        if (expected.admitted) {
          expect(
            error && ACCESS_REASONS.has(error.data.reason ?? ''),
            `${who} was refused: ${error?.message}`,
          ).toBeFalsy();
          expect(error?.data.reason, `${who}: the sample input is invalid`).not.toBe(
            'invalid_input',
          );
          expect(reply.status, `${who}: ${error?.message}`).toBeLessThan(500);
        } else {
          expect(reply.status, `${who} was not refused`).toBe(expected.status);
          expect(error?.data.reason, who).toBe(expected.reason);
          // Readable: a sentence in the caller's language (zh-CN by default).
          expect(error?.message, who).toMatch(/\p{Script=Han}{4,}/u);
          expect(await api.head(), `${who} wrote events`).toBe(before);
        }
        row.set(principal.name, expected.admitted);
      }
    });

    it('matches the table of what each role can do in docs/security.md', () => {
      expect(matrix.size, 'every case ran').toBe(cases.length);
      const table = renderMatrix(matrix, cases);
      const path = join(repoRoot, 'docs/security.md');
      const doc = readFileSync(path, 'utf8');
      const start = doc.indexOf(MATRIX_START);
      const end = doc.indexOf(MATRIX_END);
      expect(start, 'docs/security.md has the matrix markers').toBeGreaterThanOrEqual(0);
      const current = doc.slice(start + MATRIX_START.length, end);
      if (process.env.GONGZHI_UPDATE_DOCS === '1' && cells(current) !== cells(table)) {
        // Then `npx prettier --write docs/security.md` pads the columns again.
        writeFileSync(path, doc.slice(0, start + MATRIX_START.length) + table + doc.slice(end));
        return;
      }
      expect(cells(current), 'run with GONGZHI_UPDATE_DOCS=1 to rewrite the table').toBe(
        cells(table),
      );
    });
  },
);

const MATRIX_START =
  '<!-- access-matrix:start (generated by apps/api/test/authorization.test.ts) -->';
const MATRIX_END = '<!-- access-matrix:end -->';

/** A markdown table's cells, whatever padding a formatter gave its columns. */
const cells = (table: string): string =>
  table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim().replace(/^-+$/, '-'))
        .join('|'),
    )
    .join('\n');

/**
 * One row per case, one column per role: ✓ admitted wherever its grant is; "own street" /
 * "own community" admitted only where its grant reaches the place; — refused.
 */
function renderMatrix(
  matrix: Map<string, Map<string, boolean>>,
  cases: { name: string; sample: Sample }[],
): string {
  const roleColumns = STAFF_ROLES.map((role) => ROLE_LABELS[role].en.toLowerCase());
  const header = `| procedure | anyone | resident | ${roleColumns.join(' | ')} |`;
  const rule = `| --- | --- | --- | ${STAFF_ROLES.map(() => '---').join(' | ')} |`;
  const rows = cases.map(({ name }) => {
    const row = matrix.get(name)!;
    const cells = STAFF_ROLES.map((role) => {
      const inA = row.get(`${role} in A`);
      const inB = role === 'city_admin' ? inA : row.get(`${role} in B`);
      if (inA && inB) return '✓';
      if (inA) return role === 'street_officer' ? 'own street' : 'own community';
      return '—';
    });
    const mark = (principal: string) => (row.get(principal) ? '✓' : '—');
    return `| \`${name}\` | ${mark('anonymous')} | ${mark('resident')} | ${cells.join(' | ')} |`;
  });
  return `\n${[header, rule, ...rows].join('\n')}\n`;
}
