import { createLogger } from '@licensync/core/logging';
import { describe, expect, it } from 'vitest';
import { everyInterval } from '../src/every-interval';

const logger = createLogger({ level: 'silent', name: 'test' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('everyInterval', () => {
  it('never runs two steps at once: ticks during a slow step are skipped', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const loop = everyInterval(
      5,
      async () => {
        runs++;
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(40);
        active--;
      },
      { logger, what: 'slow step' },
    );
    await sleep(100);
    await loop.stop();
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThan(5);
    expect(maxActive).toBe(1);
  });

  it('keeps going after a failing step, and stop waits for the run under way', async () => {
    let runs = 0;
    let finished = false;
    const loop = everyInterval(
      5,
      async () => {
        runs++;
        if (runs === 1) throw new Error('boom');
        await sleep(20);
        finished = true;
      },
      { logger, what: 'flaky step' },
    );
    while (runs < 2) await sleep(5);
    await loop.stop();
    expect(finished).toBe(true);
  });
});
