// The fuzzer's HTTP side (fuzz.test.ts): a plain node:http client (no fetch streams: the fuzzer
// makes some hundred thousand calls), what a refusal must look like, the figures of a run, and
// requests of garbage below the procedures — bodies that are not JSON, wrong content types and
// methods, batches, paths that are not procedures, inputs too large for a URL or a body, cookies
// and headers that do not parse, cross-site posts.
import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll } from 'vitest';
import type { z } from 'zod';
import { badInputs, type Json } from './fuzz-inputs.ts';
import type { Principal } from './procedure-samples.ts';

export type Locale = 'zh-CN' | 'en';

/** Longer than any answer takes: a call still unanswered then has hung. */
const HANG_MS = 30_000;

interface ErrorShape {
  message?: unknown;
  code?: unknown;
  data?: {
    code?: unknown;
    httpStatus?: unknown;
    path?: unknown;
    reason?: unknown;
    fieldErrors?: unknown;
  };
}

export interface Answer {
  status: number;
  text: string;
  /** The body as JSON, when it is JSON: `{ error }`, or one per call of a batch. */
  body?: { error?: ErrorShape } | { error?: ErrorShape }[];
}

export interface RawRequest {
  kind: string;
  method: string;
  /** Path and query, e.g. /trpc/ballot.cast?batch=1 */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  caller?: Principal;
  /** The language the answer should be in. */
  locale: Locale;
}

/** Figures of the run, for the summary and docs/security.md. */
export const counts = {
  procedures: new Set<string>(),
  inputs: 0,
  garbage: 0,
  byStatus: new Map<number, number>(),
  byKind: new Map<string, number>(),
  byCaller: new Map<string, number>(),
  add<K>(map: Map<K, number>, key: K) {
    map.set(key, (map.get(key) ?? 0) + 1);
  },
  summary(seconds: number): string {
    return [
      `fuzzer: ${counts.procedures.size} procedures, ${counts.inputs} bad inputs, ${counts.garbage} requests of garbage in ${seconds.toFixed(0)} s`,
      `  answers by status: ${listed(counts.byStatus)}`,
      `  inputs by caller: ${listed(counts.byCaller)}`,
      `  by kind: ${listed(counts.byKind)}`,
    ].join('\n');
  },
  markdown(seconds: number): string {
    const rows = (map: Map<string | number, number>) =>
      [...map]
        .sort(([a], [b]) => String(a).localeCompare(String(b)))
        .map(([key, n]) => `| ${key} | ${n.toLocaleString('en')} |`)
        .join('\n');
    return `
Last recorded run: ${counts.procedures.size} procedures × ${(counts.inputs / Math.max(1, counts.procedures.size)).toFixed(0)} bad inputs = ${counts.inputs.toLocaleString('en')} calls, and ${counts.garbage.toLocaleString('en')} requests of garbage, in ${seconds.toFixed(0)} s on SQLite (one process, server and fuzzer together).

| answer | requests |
| --- | --- |
${rows(counts.byStatus)}

| caller | bad inputs |
| --- | --- |
${rows(counts.byCaller)}

| mutation or garbage | times |
| --- | --- |
${rows(counts.byKind)}
`;
  },
};

const listed = (map: Map<string | number, number>) =>
  [...map]
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]) => `${key} ×${n}`)
    .join(', ');

/** Requests to the server at `url()`, as one of the principals whose session tokens it keeps. */
export function useHttpClient(url: () => string) {
  const agent = new Agent({ keepAlive: true });
  afterAll(() => agent.destroy());
  const sessions = new Map<string, string>();

  function send(request: RawRequest): Promise<Answer> {
    const headers: Record<string, string> = { ...request.headers };
    const token = request.caller && sessions.get(request.caller.name);
    if (token)
      headers.cookie = [headers.cookie, `gongzhi_session=${token}`].filter(Boolean).join('; ');
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        new URL(request.target, url()),
        { method: request.method, headers, agent, timeout: HANG_MS },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            counts.add(counts.byStatus, res.statusCode!);
            resolve({ status: res.statusCode!, text, body: parsed(text) });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${HANG_MS} ms: it hangs`)));
      req.on('error', reject);
      req.end(request.body);
    });
  }

  /** One call as tRPC's client makes it: GET with ?input= for a query, a JSON POST else. */
  function call(
    path: string,
    type: string,
    input: Json | undefined,
    caller: Principal,
    locale: Locale,
  ) {
    return send(procedureCall('procedure input', path, type, input, caller, locale));
  }

  return { sessions, send, call };
}

function procedureCall(
  kind: string,
  path: string,
  type: string,
  input: Json | undefined,
  caller: Principal | undefined,
  locale: Locale,
): RawRequest {
  const headers = { 'accept-language': locale };
  const json = input === undefined ? undefined : JSON.stringify(input);
  if (type === 'query') {
    const query = json === undefined ? '' : `?input=${encodeURIComponent(json)}`;
    return { kind, method: 'GET', target: `/trpc/${path}${query}`, headers, caller, locale };
  }
  return {
    kind,
    method: 'POST',
    target: `/trpc/${path}`,
    headers: { ...headers, 'content-type': 'application/json' },
    body: json,
    caller,
    locale,
  };
}

function parsed(text: string): Answer['body'] {
  try {
    return JSON.parse(text) as Answer['body'];
  } catch {
    return undefined;
  }
}

const READABLE: Record<Locale, RegExp> = {
  'zh-CN': /\p{Script=Han}{2,}/u,
  en: /\b[A-Za-z]{2,}\b/,
};

function shapeProblem(error: ErrorShape | undefined, status: number, locale: Locale) {
  if (!error) return "not tRPC's error shape";
  if (typeof error.code !== 'number') return 'error.code is not a JSON-RPC number';
  if (typeof error.data?.code !== 'string') return 'error.data.code is missing';
  const httpStatus = error.data.httpStatus;
  if (typeof httpStatus !== 'number' || httpStatus < 400 || httpStatus > 499) {
    return `error.data.httpStatus is ${String(httpStatus)}`;
  }
  if (status !== 207 && httpStatus !== status)
    return `error.data.httpStatus ${httpStatus} ≠ ${status}`;
  // A head too large to read is answered before its Accept-Language is: in the default language.
  const unread = error.data.reason === 'request_too_large' && error.data.path === '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (!READABLE[locale].test(message) && !(unread && READABLE['zh-CN'].test(message))) {
    return `message not readable in ${locale}: ${String(error.message)}`;
  }
  return undefined;
}

/**
 * Why an answer is not a refusal as the API words one (a 4xx in tRPC's error shape, with a
 * message in the caller's language), or undefined when it is. A batch answers one error per
 * call; its status is theirs, or 207 when they differ.
 */
export function answerProblem(answer: Answer, locale: Locale): string | undefined {
  const { status, body } = answer;
  if (Array.isArray(body)) {
    if (status !== 207 && (status < 400 || status > 499)) return `status ${status}, not a 4xx`;
    for (const [index, item] of body.entries()) {
      const problem = shapeProblem(item?.error, status, locale);
      if (problem) return `call ${index} of the batch: ${problem}`;
    }
    return body.length ? undefined : 'an empty batch answer';
  }
  if (status < 400 || status > 499) return `status ${status}, not a 4xx`;
  return shapeProblem(body?.error, status, locale);
}

/** As answerProblem, and a 400 naming the fields (or a 413 when it was too large to read). */
export function inputProblem(answer: Answer, locale: Locale): string | undefined {
  const problem = answerProblem(answer, locale);
  if (problem || Array.isArray(answer.body)) return problem;
  const data = answer.body!.error!.data!;
  if (answer.status === 413 && data.reason === 'request_too_large') return undefined;
  if (answer.status !== 400 || data.reason !== 'invalid_input') {
    return `${answer.status} ${String(data.reason)}, not 400 invalid_input`;
  }
  const fields = data.fieldErrors as { message?: unknown }[] | undefined;
  if (!fields?.length || fields.some((field) => typeof field.message !== 'string')) {
    return 'no fieldErrors naming what is wrong';
  }
  return undefined;
}

export interface FuzzTarget {
  path: string;
  type: string;
  schema: z.ZodType | undefined;
  /** A valid input for an admitted caller. */
  sample: Json | undefined;
  callers: Principal[];
}

const deep = (open: string, depth: number) => open.repeat(depth);

const notJsonBodies: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 60, unit: 'binary' })
    .filter((s) => s.trim() !== '' && !isJson(s)),
  fc.constantFrom<string | Buffer>(
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '[1,2',
    'nul',
    'NaN',
    '\uFEFF{',
    '{"a":"\\ud800"',
    deep('[', 100_000),
    deep('{"a":', 50_000),
    Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80]),
    Buffer.from([0xc3, 0x28, 0x7b, 0x7d]),
  ),
);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const notProcedures = (path: string) =>
  fc.constantFrom(
    'nope',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    `${path}.__proto__`,
    `${path}.constructor`,
    path.split('.')[0]!,
    `${path}/x`,
    `${path}%00`,
    `${path}%2e`,
    '..%2f..%2fetc%2fpasswd',
    path.toUpperCase(),
    '',
  );

const garbledHeaders = fc.constantFrom<Record<string, string>>(
  { cookie: 'gongzhi_session=%E0%A4%A' },
  { cookie: `gongzhi_session=${'a'.repeat(4000)}` },
  { cookie: 'gongzhi_session=x.y.z; gongzhi_session=; =; ;;' },
  { cookie: 'PARAGLIDE_LOCALE=%E0%A4%A' },
  { cookie: 'PARAGLIDE_LOCALE=__proto__' },
  { authorization: 'Bearer ' },
  { authorization: `Bearer ${'x'.repeat(3000)}.${'y'.repeat(3000)}` },
  { authorization: 'Basic Og==' },
  { 'accept-language': '*;q=abc,,;;,zh;q=-1' },
  { 'x-gongzhi-locale': '__proto__' },
  { 'x-forwarded-for': 'not an address, ::::' },
  { host: 'evil.example' },
);

/**
 * Requests below the procedures, each for one of `targets`. Bodies that would be valid go only
 * where the request is wrong in itself (method, content type, path, site), so that a server
 * that took them would act, and the fuzzer would see it.
 */
export function garbageRequests(targets: FuzzTarget[]): fc.Arbitrary<RawRequest> {
  const refused = (target: FuzzTarget) =>
    badInputs(target.schema!, target.sample)
      .filter((bad) => bad.refusedBySchema)
      .map((bad) => bad.input);
  const sampleJson = (target: FuzzTarget) => JSON.stringify(target.sample ?? null);
  const withTarget = (make: (target: FuzzTarget, caller: Principal) => fc.Arbitrary<RawRequest>) =>
    fc
      .constantFrom(...targets)
      .chain((target) =>
        fc.constantFrom(...target.callers).chain((caller) => make(target, caller)),
      );
  const zh = 'zh-CN' as const;
  const headers = { 'accept-language': zh };

  return fc.oneof(
    withTarget((target, caller) =>
      notJsonBodies.map((body) => ({
        kind: 'body not JSON',
        method: 'POST',
        target: `/trpc/${target.path}`,
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        caller,
        locale: zh,
      })),
    ),
    withTarget((target) =>
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/octet-stream',
          'application/jsonx',
          'application/json-patch+json',
          'none',
        )
        .map((type) => ({
          kind: 'wrong content type',
          method: 'POST',
          target: `/trpc/${target.path}`,
          headers: type === 'none' ? headers : { ...headers, 'content-type': type },
          body: sampleJson(target),
          caller: target.callers[2],
          locale: zh,
        })),
    ),
    withTarget((target) =>
      fc
        .constantFrom('PUT', 'PATCH', 'DELETE', target.type === 'query' ? 'POST' : 'GET')
        .map((method) => ({
          kind: 'wrong method',
          method,
          target:
            method === 'GET'
              ? `/trpc/${target.path}?input=${encodeURIComponent(sampleJson(target))}`
              : `/trpc/${target.path}`,
          headers: { ...headers, 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : sampleJson(target),
          caller: target.callers[2],
          locale: zh,
        })),
    ),
    withTarget((target, caller) =>
      notProcedures(target.path).map((path) => ({
        ...procedureCall('not a procedure', path, target.type, target.sample, caller, zh),
      })),
    ),
    withTarget((target, caller) =>
      fc
        .tuple(fc.array(fc.constantFrom(...targets), { minLength: 1, maxLength: 3 }), fc.nat(40))
        .chain(([others, copies]) => {
          const calls = [target, ...others, ...Array.from({ length: copies }, () => target)];
          return fc.tuple(...calls.map(refused)).map((inputs) => batch(calls, inputs, caller));
        }),
    ),
    withTarget((target, caller) =>
      fc
        .constantFrom(
          '?batch=1&input=%5B',
          '?batch=1&input=%22xxxx%22',
          '?batch=1&input=%7B%220%22%3A1%2C%221%22%3A1%2C%222%22%3A1%2C%223%22%3A1%7D',
          '?batch=true&input=1',
        )
        .chain((query) =>
          // Every call of the batch has an input, and none is valid: a call without one may be.
          fc
            .constantFrom('[1,2,3,4]', '"xxxx"', '{"__proto__":{"0":{}},"0":1,"1":2,"2":3,"3":4}')
            .map((body) => ({
              kind: 'malformed batch',
              method: target.type === 'query' ? 'GET' : 'POST',
              target: `/trpc/${target.path},${target.path},,${query}`,
              headers: { ...headers, 'content-type': 'application/json' },
              body: target.type === 'query' ? undefined : body,
              caller,
              locale: zh,
            })),
        ),
    ),
    withTarget((target, caller) =>
      fc
        .oneof(
          fc
            .string({ minLength: 1, maxLength: 40 })
            .filter((s) => !isJson(s))
            .map(encodeURIComponent),
          fc.constantFrom('%E0%A4%A', '%', '%%7B', '1&input=2', '%5B&input=%7B%7D'),
        )
        .map((input) => ({
          kind: 'query input not JSON',
          method: 'GET',
          target: `/trpc/${target.path}?input=${input}`,
          headers,
          caller,
          locale: zh,
        })),
    ),
    withTarget((target, caller) =>
      fc.integer({ min: 17_000, max: 200_000 }).map((size) => ({
        kind: 'input too large for a URL',
        method: 'GET',
        target: `/trpc/${target.path}?input=${encodeURIComponent(JSON.stringify('x'.repeat(size)))}`,
        headers,
        caller,
        locale: zh,
      })),
    ),
    withTarget((target, caller) =>
      fc.constantFrom(1024 * 1024 + 1, 3 * 1024 * 1024).map((size) => ({
        kind: 'body too large',
        method: 'POST',
        target: `/trpc/${target.path}`,
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ padding: 'x'.repeat(size) }),
        caller,
        locale: zh,
      })),
    ),
    withTarget((target, caller) =>
      fc.tuple(refused(target), garbledHeaders).map(([input, garbled]) => {
        const call = procedureCall(
          'garbled cookie or header',
          target.path,
          target.type,
          input,
          caller,
          zh,
        );
        return { ...call, headers: { ...call.headers, ...garbled } };
      }),
    ),
    withTarget((target) =>
      fc.constantFrom('cross-site', 'same-site').map((site) => ({
        kind: 'cross-site request',
        method: 'POST',
        target: `/trpc/${target.path}`,
        headers: {
          ...headers,
          'content-type': 'application/json',
          origin: 'https://evil.example',
          'sec-fetch-site': site,
        },
        body: sampleJson(target),
        caller: target.callers[2],
        locale: zh,
      })),
    ),
  );
}

/** A tRPC batch of calls with the given inputs: one GET for queries only, else a POST. */
function batch(calls: FuzzTarget[], inputs: (Json | undefined)[], caller: Principal): RawRequest {
  const paths = calls.map((call) => call.path).join(',');
  const input = JSON.stringify(Object.fromEntries(inputs.map((value, index) => [index, value])));
  const kind = calls.length > 10 ? 'batch of many calls' : 'batch';
  const headers = { 'accept-language': 'zh-CN', 'content-type': 'application/json' };
  if (calls.every((call) => call.type === 'query')) {
    const target = `/trpc/${paths}?batch=1&input=${encodeURIComponent(input)}`;
    return { kind, method: 'GET', target, headers, caller, locale: 'zh-CN' };
  }
  return {
    kind,
    method: 'POST',
    target: `/trpc/${paths}?batch=1`,
    headers,
    body: input,
    caller,
    locale: 'zh-CN',
  };
}
