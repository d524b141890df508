import { expect, it } from 'vitest';
import { eventually } from './eventually';

it('polls until the check returns a value, and returns it', async () => {
  let calls = 0;
  const value = await eventually(async () => (++calls >= 3 ? { calls } : undefined), 2_000);
  expect(value).toEqual({ calls: 3 });
});

it('gives up after the timeout, naming the last error the check threw', async () => {
  const started = Date.now();
  const err = await eventually(async () => {
    throw new Error('row not there yet');
  }, 200).catch((e: unknown) => e);
  expect((err as Error).message).toBe('condition not met within 200 ms: row not there yet');
  expect(Date.now() - started).toBeGreaterThanOrEqual(200);
});
