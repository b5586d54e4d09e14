// Bad inputs for the fuzzer (fuzz.test.ts), made from a procedure's zod input schema and a valid
// sample: the sample with one to three of its fields (or the whole input) mutated into a wrong
// type, a missing or extra field, a string too long or carrying characters that can deceive, a
// number out of range, an array too short or too long, a value nested too deep, or a key that
// pollutes prototypes. What counts as bad is decided by the schema itself (it refuses the
// input), except for deceptive text, which may pass a schema that lacks a text rule and must
// then be refused by the procedure.
import fc from 'fast-check';
import type { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** What a zod 4 schema says about itself, as far as making bad values needs. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  checks?: {
    _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number } };
  }[];
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch']);

/** The schema under optional/default/pipe wrappers, and whether it may be left out. */
function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let optional = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) {
      optional ||= def.type !== 'nullable';
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) current = def.in;
    else return { schema: current, optional };
  }
}

const bound = (def: Def, check: string, key: 'minimum' | 'maximum' | 'value') =>
  def.checks?.find((c) => c._zod.def.check === check)?._zod.def[key];

/** A place in the sample (or a field its schema has and the sample leaves out) to mutate. */
export interface Site {
  path: Path;
  schema: z.ZodType;
  value: unknown;
  optional: boolean;
}

/** Every node of the sample with the schema that governs it, and the fields it leaves out. */
export function sitesOf(
  schema: z.ZodType,
  value: unknown,
  path: Path = [],
  optional = false,
): Site[] {
  const inner = unwrap(schema);
  const site: Site = { path, schema: inner.schema, value, optional: optional || inner.optional };
  const def = defOf(inner.schema);
  if (value === undefined) return [site];
  if (def.type === 'object' && def.shape && isObject(value)) {
    return [
      site,
      ...Object.entries(def.shape).flatMap(([key, field]) =>
        sitesOf(field, value[key], [...path, key]),
      ),
    ];
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    return [site, ...value.flatMap((item, index) => sitesOf(def.element!, item, [...path, index]))];
  }
  if (def.type === 'union' && def.options) {
    const option = def.options.find((o) => o.safeParse(value).success);
    if (option) return [site, ...sitesOf(option, value, path).slice(1)];
  }
  return [site];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Characters the text rules refuse in every name, line and paragraph (packages/domain's
 * shared/text.ts): controls, characters that reorder text, halves of a surrogate pair.
 */
export const DECEPTIVE = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\ud800',
  '\udfff',
];
/** Characters that show nothing: text made only of them is refused as empty. */
const INVISIBLE = ['\u200b', '\u2060', '\ufeff', '\u3164', '\u00ad'];

const deceives = (value: unknown) =>
  typeof value === 'string' &&
  (DECEPTIVE.some((bad) => value.includes(bad)) ||
    (value !== '' && [...value].every((char) => INVISIBLE.includes(char))));

const valueAt = (input: unknown, dotted: string): unknown =>
  dotted === ''
    ? input
    : dotted
        .split('.')
        .reduce<unknown>(
          (node, key) =>
            isObject(node) || Array.isArray(node)
              ? (node as Record<string, unknown>)[key]
              : undefined,
          input,
        );

const nested = (depth: number): Json => {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** A JSON value of any kind, from ordinary to hostile. */
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, '', ' ', [], {}),
  fc.integer({ min: 2, max: 300 }).map(nested),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

/** Keys that pollute an object's prototype when merged naively, as own keys of a JSON object. */
const pollutingKeys: fc.Arbitrary<Record<string, Json>> = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
  { prototype: { polluted: 'yes' } },
  { hasOwnProperty: 'polluted', toString: 'polluted', valueOf: 1 },
);

interface Mutation {
  kind: string;
  /** The dotted path of the field given deceptive or invisible text (it may pass the schema). */
  deceptiveField?: string;
  apply(input: unknown): unknown;
}

function setAt(input: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const root = structuredCloneJson(input);
  let node = (isObject(root) || Array.isArray(root) ? root : {}) as Record<
    string | number,
    unknown
  >;
  const top = node;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key]) && !Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (value === REMOVE) delete node[last];
  else
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return top;
}
const REMOVE = Symbol('remove');

/** A deep copy that keeps own `__proto__` keys as keys (structuredClone would too, JSON is exact). */
const structuredCloneJson = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

const at = (site: Site, kind: string, value: fc.Arbitrary<unknown>, deceptive = false) =>
  value.map((v): Mutation => ({
    kind,
    deceptiveField: deceptive ? site.path.join('.') : undefined,
    apply: (input) => setAt(input, site.path, v),
  }));

/** The mutations that fit a site, by the type its schema asks for. */
function mutationsAt(site: Site): fc.Arbitrary<Mutation>[] {
  const def = defOf(site.schema);
  const present = site.value !== undefined;
  const list: fc.Arbitrary<Mutation>[] = [at(site, 'wrong type', anyJson)];
  if (present && !site.optional && site.path.length > 0) {
    list.push(fc.constant({ kind: 'missing field', apply: (i) => setAt(i, site.path, REMOVE) }));
  }
  switch (def.type) {
    case 'string': {
      const max = bound(def, 'max_length', 'maximum') ?? 2000;
      const min = bound(def, 'min_length', 'minimum') ?? 0;
      list.push(
        at(
          site,
          'string too long',
          fc
            .tuple(
              fc.integer({ min: max + 1, max: max * 4 + 100 }),
              fc.constantFrom('x', '测', '😀'),
            )
            .map(([n, c]) => c.repeat(n)),
        ),
        at(site, 'string too long', fc.constant('长'.repeat(20_000))),
        at(site, 'string too short', fc.constant('x'.repeat(Math.max(0, min - 1)))),
        at(site, 'blank string', fc.constantFrom('', ' ', '\u3000', '\t\n')),
        at(
          site,
          'deceptive text',
          fc.tuple(fc.constantFrom(...DECEPTIVE), fc.nat()).map(([bad, where]) => {
            const text = typeof site.value === 'string' ? site.value : '居民';
            const cut = where % (text.length + 1);
            return text.slice(0, cut) + bad + text.slice(cut);
          }),
          true,
        ),
        at(
          site,
          'invisible text',
          fc
            .array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 4 })
            .map((chars) => chars.join('')),
          true,
        ),
      );
      break;
    }
    case 'number': {
      const min = bound(def, 'greater_than', 'value');
      const max = bound(def, 'less_than', 'value');
      list.push(
        at(
          site,
          'number out of range',
          fc.constantFrom(
            ...[min === undefined ? -1 : min - 1, max === undefined ? 2 ** 53 : max + 1],
            0.5,
            -0.000001,
            2 ** 53 + 2,
            -(2 ** 63),
            1e308,
          ),
        ),
        at(site, 'number as text', fc.constantFrom('1', '1e3', 'NaN', 'Infinity', '0x10')),
      );
      break;
    }
    case 'array': {
      const max = bound(def, 'max_length', 'maximum') ?? 1000;
      const item = Array.isArray(site.value) ? (site.value[0] ?? null) : null;
      list.push(
        at(site, 'array too short', fc.constant([])),
        at(site, 'array too long', fc.constant(Array.from({ length: max + 1 }, () => item))),
        at(site, 'array of wrong items', fc.array(anyJson, { minLength: 1, maxLength: 5 })),
      );
      break;
    }
    case 'enum':
    case 'literal':
      list.push(
        at(
          site,
          'value not an option',
          fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', 'ADMIN', ''),
        ),
      );
      break;
    case 'object':
      if (present) {
        list.push(
          at(site, 'object nested too deep', fc.integer({ min: 100, max: 500 }).map(nested)),
        );
      }
      break;
  }
  return list;
}

/** Extra and prototype-polluting keys beside a field that is wrong: they must change nothing. */
function pollutionAt(site: Site): fc.Arbitrary<Mutation> {
  return pollutingKeys.map((keys) => ({
    kind: 'polluting keys',
    apply(input) {
      let result = input;
      for (const [key, value] of Object.entries(keys))
        result = setAt(result, [...site.path, key], value);
      return result;
    },
  }));
}

export interface BadInput {
  input: Json | undefined;
  /** The kinds of mutation applied, for the counts. */
  kinds: string[];
  /** The schema refuses it: the answer must be 400 invalid_input. */
  refusedBySchema: boolean;
  /** Fields given deceptive or invisible text, which a schema without text rules may pass. */
  deceptiveFields: string[];
}

/**
 * Inputs the schema refuses (or, with deceptive text, may accept), made from `sample`. The input
 * as sent is JSON: it is what the server parses, so the schema's verdict is taken on it.
 */
export function badInputs(schema: z.ZodType, sample: unknown): fc.Arbitrary<BadInput> {
  const sites = sitesOf(schema, sample);
  const objects = sites.filter((s) => isObject(s.value));
  const mutation = fc.oneof(
    ...sites.flatMap(mutationsAt),
    ...(objects.length ? [fc.constantFrom(...objects).chain(pollutionAt)] : []),
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((mutations): BadInput => {
      const mutated = mutations.reduce((input, m) => m.apply(input), structuredCloneJson(sample));
      const input =
        mutated === undefined ? undefined : (JSON.parse(JSON.stringify(mutated)) as Json);
      return {
        input,
        kinds: [...new Set(mutations.map((m) => m.kind))],
        refusedBySchema: !schema.safeParse(input).success,
        // A later mutation may have replaced the text: only what is still there counts.
        deceptiveFields: mutations.flatMap((m) =>
          m.deceptiveField !== undefined && deceives(valueAt(input, m.deceptiveField))
            ? [m.deceptiveField]
            : [],
        ),
      };
    })
    .filter((bad) => bad.refusedBySchema || bad.deceptiveFields.length > 0);
}
