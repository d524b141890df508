/**
 * Queue names are persisted in Redis: renaming one strands the jobs already queued under the old
 * name. Add new names; do not rename.
 */
export const QUEUES = {
  inbox: 'inbox-events',
  hubspotSync: 'hubspot-sync',
  resyncs: 'resyncs',
  webhooks: 'outbound-webhooks',
  statusSweeps: 'status-sweeps',
  workflowActions: 'hubspot-workflow-actions',
  dealAssociations: 'hubspot-deal-associations',
  deliveries: 'license-deliveries',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
