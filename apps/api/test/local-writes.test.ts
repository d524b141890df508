import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { expect, it } from 'vitest';
import { createLocalWrites } from '../src/middleware/local-writes';

const request = (method: string, path: string) => ({ method, path }) as Request;

it('counts a write while it runs and for 2 s after, never a read or a check', () => {
  let now = 1_000_000;
  const writes = createLocalWrites(() => now);
  const pass = (method: string, path: string) => {
    const res = new EventEmitter();
    let nexted = false;
    writes.middleware(request(method, path), res as unknown as Response, () => {
      nexted = true;
    });
    expect(nexted).toBe(true);
    return res;
  };
  pass('GET', '/api/v1/licenses').emit('finish');
  pass('POST', '/license/v1/check').emit('finish');
  expect(writes.recent()).toBe(false);
  const disable = pass('POST', '/api/v1/licenses/x/disable');
  expect(writes.recent()).toBe(true);
  now += 10_000;
  expect(writes.recent()).toBe(true); // still under way
  disable.emit('finish');
  disable.emit('close'); // counted once
  now += 1_999;
  expect(writes.recent()).toBe(true);
  now += 1;
  expect(writes.recent()).toBe(false);
});
