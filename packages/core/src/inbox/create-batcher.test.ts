import { describe, expect, it } from 'vitest';
import { createBatcher } from './create-batcher';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('createBatcher', () => {
  it('puts items added in the same turn of the event loop into one batch', async () => {
    const batches: number[][] = [];
    const b = createBatcher<number, number>({
      run: async (items) => {
        batches.push(items);
        return items.map((i) => i * 10);
      },
      maxBatch: 100,
      maxInFlight: 1,
    });
    const results = await Promise.all([1, 2, 3].map((i) => b.add(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('holds items back while maxInFlight batches run, then sends them together', async () => {
    const batches: number[][] = [];
    const first = gate();
    const b = createBatcher<number, number>({
      run: async (items) => {
        batches.push(items);
        if (batches.length === 1) await first.opened;
        return items;
      },
      maxBatch: 100,
      maxInFlight: 1,
    });
    const a = b.add(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((i) => b.add(i));
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([[1]]);
    expect(b.pending).toBe(4);
    first.open();
    await Promise.all([a, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(b.pending).toBe(0);
  });

  it('splits at maxBatch and fails only the items of a batch that threw', async () => {
    const b = createBatcher<number, number>({
      run: async (items) => {
        if (items.includes(3)) throw new Error('boom');
        return items;
      },
      maxBatch: 2,
      maxInFlight: 3,
    });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((i) => b.add(i)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
  });

  it('drain resolves once everything added has run', async () => {
    const done: number[] = [];
    const b = createBatcher<number, void>({
      run: async (items) => {
        await new Promise((r) => setTimeout(r, 20));
        done.push(...items);
        return items.map(() => undefined);
      },
      maxBatch: 1,
      maxInFlight: 1,
    });
    for (const i of [1, 2, 3]) void b.add(i);
    await b.drain();
    expect(done).toEqual([1, 2, 3]);
    await b.drain();
  });
});
