import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import type { StoryPlan } from './make-stories';
import type { Tally } from './state-tally';

export type LedgerLicense = typeof schema.licenses.$inferSelect;

/** Every event stored and settled, every purchase's seats licensed once and enabled, one customer each. */
export async function compareLedger(db: Db, plan: StoryPlan, tally: Tally) {
  const { externalId, status } = schema.inboxEvents;
  const rows = await db.select({ externalId, status }).from(schema.inboxEvents);
  const inbox = new Map(rows.map((r) => [r.externalId, r.status]));
  for (const event of plan.events) {
    const status = inbox.get(event.id);
    if (status === undefined) tally.add('lost', 1, `event ${event.id} (${event.type}) never stored`);
    else if (status === 'pending') tally.add('pending', 1, `event ${event.id} is pending`);
    else if (status !== 'processed' && status !== 'ignored') {
      tally.add('wrong', 1, `event ${event.id} is ${status}`);
    }
  }
  // What a purchase still lacks while one of its events is queued is late, not lost.
  const queued = (story: StoryPlan['stories'][number]) =>
    story.eventIds.some((id) => inbox.get(id) === 'pending');

  const licenses = await db.select().from(schema.licenses);
  const bySource = Map.groupBy(licenses, (l) => l.stripeSubscriptionId ?? l.stripeCheckoutSessionId ?? l.id);
  for (const story of plan.stories) {
    const found = bySource.get(story.source.id) ?? [];
    bySource.delete(story.source.id);
    const seats = `${found.length} licenses for ${story.licenses} seats of ${story.source.id}`;
    tally.add(queued(story) ? 'pending' : 'lost', story.licenses - found.length, seats);
    tally.add('duplicated', found.length - story.licenses, seats);
    for (const l of found) {
      if (!l.enabled) tally.add('wrong', 1, `license ${l.id} disabled (${l.disabledReason})`);
    }
  }
  for (const extra of bySource.values()) tally.add('duplicated', extra.length, 'licenses of no purchase');

  const customers = await db
    .select({ id: schema.customers.id, email: schema.customers.email })
    .from(schema.customers);
  const emails = new Set(customers.map((c) => c.email));
  tally.add('duplicated', customers.length - emails.size, 'customers stored twice');
  for (const story of plan.stories) {
    if (!emails.has(story.email)) tally.add(queued(story) ? 'pending' : 'lost', 1, `customer ${story.email}`);
  }

  const failures = await db.select({ id: schema.jobFailures.id }).from(schema.jobFailures);
  return {
    licenses,
    customers,
    totals: {
      events: inbox.size,
      licenses: licenses.length,
      enabled: licenses.filter((l) => l.enabled).length,
      customers: customers.length,
    },
    jobFailures: failures.length,
  };
}
