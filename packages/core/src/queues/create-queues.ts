import { Queue } from 'bullmq';
import { QUEUES } from './names';
import type { RedisConnection } from './redis';

export function createQueues(connection: RedisConnection, prefix: string) {
  const opts = { connection, prefix };
  const queues = {
    inbox: new Queue(QUEUES.inbox, opts),
    hubspotSync: new Queue(QUEUES.hubspotSync, opts),
    resyncs: new Queue(QUEUES.resyncs, opts),
    webhooks: new Queue(QUEUES.webhooks, opts),
    statusSweeps: new Queue(QUEUES.statusSweeps, opts),
    workflowActions: new Queue(QUEUES.workflowActions, opts),
    dealAssociations: new Queue(QUEUES.dealAssociations, opts),
    deliveries: new Queue(QUEUES.deliveries, opts),
  };
  // Redis outages surface through the calls that fail (and /readyz); unhandled they would be logged raw.
  for (const q of Object.values(queues)) q.on('error', () => {});
  return queues;
}

export type Queues = ReturnType<typeof createQueues>;

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.allSettled(Object.values(queues).map((q) => q.close()));
}
