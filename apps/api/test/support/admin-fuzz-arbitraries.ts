import fc from 'fast-check';
import type { AdminRoute } from './admin-route-table';

/** One HTTP request as sent: path already encoded, raw query string, raw body. */
export interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Inputs that broke this or similar APIs before: dates out of range, loose numbers, NUL, prototypes. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '0000-01-01',
  '0000-12-31T23:00:00-02:00',
  '+275760-09-13',
  '9999-12-31T23:59:59-01:00',
  '2024-02-30',
  '0x10',
  '1e2',
  ' 5 ',
  '5.0',
  '-1',
  '0',
  '99999999999999999999',
  'NaN',
  'Infinity',
  'true',
  'null',
  '__proto__',
  'constructor',
  'toString',
  '%00',
  '../',
  "' or 1=1 --",
  'a'.repeat(5000),
];

const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, 1e21, -0),
);

/** Any JSON value a client could send in place of a field's value. */
export const jsonNoise: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}) },
  { weight: 1, arbitrary: fc.array(fc.oneof(text, number, fc.boolean()), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const keyNoise = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', ''), text);

/** One of `names`; repeat a name to make it likelier. */
const ops = <T extends string>(...names: T[]) => fc.nat({ max: names.length - 1 }).map((i) => names[i]!);

/** Sets an own property, even `__proto__`, the way `JSON.parse` would. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every object or array inside `value`, the value itself first. */
function containers(value: unknown, out: unknown[] = []): unknown[] {
  if (value && typeof value === 'object') {
    out.push(value);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

/** A valid JSON document with one spot changed: a value replaced, a key dropped or a key added. */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  return fc
    .record({
      at: fc.nat(),
      op: ops('replace', 'replace', 'replace', 'drop', 'add'),
      key: keyNoise,
      value: jsonNoise,
    })
    .map(({ at, op, key, value }) => {
      const doc = structuredClone(valid ?? {});
      const spots = containers(doc);
      const spot = spots[at % spots.length] as Record<string, unknown>;
      const keys = Object.keys(spot);
      const existing = keys[at % Math.max(keys.length, 1)];
      if (op === 'add' || existing === undefined) setOwn(spot, key, value);
      else if (op === 'drop') delete spot[existing];
      else setOwn(spot, existing, value);
      return doc;
    });
}

const deep = fc.integer({ min: 100, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);

/** The raw body: mostly JSON close to the valid one, sometimes noise, broken JSON or YAML. */
export function bodyOf(valid: unknown): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(valid === undefined ? undefined : JSON.stringify(valid)) },
    { weight: 6, arbitrary: mutated(valid).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: jsonNoise.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '{', '{"a":1,}', 'products: [', 'a: *x', '- -') },
  );
}

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'text/yaml',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json; charset=bogus',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
      'application/*',
    ),
  },
);

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});

function authOf(token: string) {
  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant(`Bearer ${token}`) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        'Bearer',
        'Bearer ',
        `Bearer ${token}x`,
        `Bearer ${token.slice(1)}`,
        `bearer   ${token}  `,
        `Token ${token}`,
        basic('admin', token),
        basic('admin', 'wrong'),
        'Basic !!!',
      ),
    },
    { weight: 1, arbitrary: printable.map((s) => `Bearer ${s}`) },
  );
}

function queryOf(valid: Record<string, string> = {}) {
  const pairs = Object.entries(valid);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(new URLSearchParams(pairs).toString()) },
    {
      weight: 5,
      arbitrary: fc
        .record({
          at: fc.nat(),
          op: ops('replace', 'replace', 'replace', 'drop', 'add', 'repeat'),
          key: keyNoise,
          value: text,
        })
        .map(({ at, op, key, value }) => {
          const out = [...pairs];
          const i = at % Math.max(out.length, 1);
          if (op === 'add' || out.length === 0) out.push([key, value]);
          else if (op === 'drop') out.splice(i, 1);
          else if (op === 'repeat') out.push([out[i]![0], value]);
          else out[i] = [out[i]![0], value];
          return new URLSearchParams(out).toString();
        }),
    },
    { weight: 1, arbitrary: fc.constantFrom('%zz', 'limit=%00', 'a[b]=1&a[c]=2', '&&=&', 'limit') },
  );
}

/** Path parameters: mostly the seeded row, sometimes an id that cannot exist or cannot be stored. */
const pathParam = (real: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(real) },
    { weight: 2, arbitrary: text.map((s) => encodeURIComponent(s.toWellFormed()) || 'x') },
    { weight: 1, arbitrary: fc.constantFrom('1.0', '0x1', '%00', '00000000-0000-0000-0000-000000000000') },
  );

/** `undefined` nine times in ten, else a value of `arb`. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/** A request close to `route`'s valid example, with `ids` filling the path's placeholders. */
export function requestOf(route: AdminRoute, token: string, ids: Record<string, string>) {
  const placeholders = route.path.match(/\{\w+\}/g) ?? [];
  return fc
    .record({
      params: fc.tuple(...placeholders.map((p) => pathParam(ids[p]!))),
      query: queryOf(route.query),
      body: bodyOf(route.body),
      contentType,
      auth: authOf(token),
      encoding: rarely(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'bogus')),
      client: rarely(fc.constantFrom('cli', 'x')),
    })
    .map(({ params, query, body, contentType: type, auth, encoding, client }): FuzzRequest => {
      let i = 0;
      const path = `/api/v1${route.path.replace(/\{\w+\}/g, () => params[i++]!)}`;
      const headers: Record<string, string> = {};
      if (auth) headers.authorization = auth;
      if (type && body !== undefined) headers['content-type'] = type;
      if (encoding) headers['content-encoding'] = encoding;
      if (client) headers['x-licensync-client'] = client;
      return { method: route.method, path, query, headers, body: route.method === 'GET' ? undefined : body };
    });
}
