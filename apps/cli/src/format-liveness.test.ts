import { expect, it } from 'vitest';
import { formatAge, formatLiveness } from './format-liveness';

it.each([
  [0, '0s'],
  [42.4, '42s'],
  [303, '5m 3s'],
  [7800, '2h 10m'],
  [273_600, '3d 4h'],
])('%s seconds read %s', (seconds, text) => {
  expect(formatAge(seconds)).toBe(text);
});

it.each([
  [
    { workers: null, workers_ready: false, oldest_waiting_event: null },
    'workers unknown (Redis does not list its clients) · no event waiting',
  ],
  [
    { workers: { a: 0, b: 0 }, workers_ready: false, oldest_waiting_event: null },
    'workers NONE alive · no event waiting',
  ],
  [
    {
      workers: { 'inbox-events': 2, resyncs: 0 },
      workers_ready: false,
      oldest_waiting_event: {
        id: 7,
        type: 'invoice.paid',
        received_at: '2026-01-01T00:00:00Z',
        age_seconds: 125,
      },
    },
    'workers inbox-events 2 · resyncs NONE · oldest waiting event invoice.paid #7, 2m 5s old',
  ],
])('%o', (liveness, line) => {
  expect(formatLiveness(liveness)).toBe(line);
});
