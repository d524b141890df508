import { describe, expect, it } from 'vitest';
import { storableEventProblem } from './storable-event-problem';

const check = (body: string | Buffer, event: unknown = JSON.parse(body.toString())) =>
  storableEventProblem(Buffer.isBuffer(body) ? body : Buffer.from(body), event);

describe('storableEventProblem', () => {
  it.each([
    ['a plain event', '{"id":"evt_1","type":"customer.created"}'],
    ['a \\u0000 escape in a string (jsonb would refuse it)', '{"id":"evt_1","type":"x","s":"a\\u0000b"}'],
    ['a lone surrogate escape in a string', '{"id":"evt_1","type":"x","s":"\\ud800"}'],
    [
      'nesting deeper than JSON.stringify survives',
      `{"id":"evt_1","type":"x","d":${'['.repeat(6000)}${']'.repeat(6000)}}`,
    ],
    ['an id of exactly 255 characters', `{"id":"${'e'.repeat(255)}","type":"x"}`],
  ])('stores %s', (_name, body) => {
    expect(check(body)).toBeUndefined();
  });

  it.each([
    [
      'an id over 255 characters',
      `{"id":"${'e'.repeat(8000)}","type":"x"}`,
      'event id is longer than 255 characters',
    ],
    [
      'a type over 255 characters',
      `{"id":"evt_1","type":"${'t'.repeat(256)}"}`,
      'event type is longer than 255 characters',
    ],
    ['an empty id', '{"id":"","type":"x"}', 'event id is empty'],
    ['a NUL in the id', '{"id":"evt\\u0000","type":"x"}', 'event id contains a NUL character'],
    ['a NUL in the type', '{"id":"evt_1","type":"x\\u0000"}', 'event type contains a NUL character'],
    [
      'a lone surrogate in the id',
      '{"id":"evt\\udc00","type":"x"}',
      'event id is not well-formed Unicode (lone surrogate)',
    ],
    ['no id', '{"type":"x"}', 'event needs a string id and type'],
    ['a numeric id', '{"id":1,"type":"x"}', 'event needs a string id and type'],
    ['an array', '[{"id":"evt_1","type":"x"}]', 'event needs a string id and type'],
  ])('refuses %s', (_name, body, reason) => {
    expect(check(body)).toBe(reason);
  });

  it('refuses bytes that are not UTF-8, and a raw NUL byte', () => {
    const event = { id: 'evt_1', type: 'x' };
    expect(check(Buffer.from([0x7b, 0xff, 0x7d]), event)).toBe('body is not valid UTF-8');
    expect(check(Buffer.from('{"id":"evt_1","type":"x"}\u0000'), event)).toBe('body contains a NUL byte');
  });
});
