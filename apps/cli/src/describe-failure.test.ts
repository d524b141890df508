import { describe, expect, it } from 'vitest';
import { describeFailure, type FailureStory } from './describe-failure';

const base: FailureStory = {
  id: 12,
  status: 'failed',
  queue: 'inbox-events',
  job_name: 'process-inbox-event',
  event_id: 'evt_1',
  event_type: 'checkout.session.completed',
  attempts: 1,
  last_error: 'price p: floating_cloud (5) must be ≤ max_activations (2)',
  event: { status: 'failed' },
  actions: [],
};
const head =
  'checkout.session.completed evt_1 failed for good after 1 attempt: price p: floating_cloud (5) must be ≤ max_activations (2).';

describe('describeFailure', () => {
  it.each<[string, Partial<FailureStory>, string]>([
    [
      'an open failure names the next step',
      {},
      `${head} It waits for an operator: fix the cause, then licensync failures replay --id 12 --wait`,
    ],
    [
      'a failure that failed again counts its replays and attempts',
      {
        attempts: 3,
        actions: [
          { kind: 'failure.replayed', outcome: 'ok' },
          { kind: 'failure.replayed', outcome: 'ok' },
          { kind: 'failure.replayed', outcome: 'skipped' },
        ],
      },
      'checkout.session.completed evt_1 failed for good after 3 attempts, replayed 2×: price p: floating_cloud (5) must be ≤ max_activations (2). It waits for an operator: fix the cause, then licensync failures replay --id 12 --wait',
    ],
    [
      'a replay under way says what the event is doing',
      {
        status: 'replayed',
        event: { status: 'pending' },
        actions: [{ kind: 'failure.replayed', outcome: 'ok' }],
      },
      expect.stringMatching(
        /replayed 1×.*A replay is under way \(the event is pending\)$/,
      ) as unknown as string,
    ],
    [
      'a replay that succeeded',
      { status: 'replayed', event: { status: 'processed' } },
      `${head} Replayed, and the event has since been processed`,
    ],
    ['a resolved failure', { status: 'resolved' }, `${head} Resolved: the event has since been processed`],
    [
      'a discarded one gives its reason',
      { status: 'discarded', actions: [{ kind: 'failure.discarded', outcome: 'ok', reason: 'test order' }] },
      `${head} Discarded: test order`,
    ],
    [
      'a job without an event names the job',
      { event_type: null, event_id: null, queue: 'hubspot-sync', job_name: 'sync-license' },
      expect.stringMatching(/^sync-license on hubspot-sync failed for good/) as unknown as string,
    ],
  ])('%s', (_name, patch, sentence) => {
    expect(describeFailure({ ...base, ...patch })).toEqual(sentence);
  });
});
