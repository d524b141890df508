import type { Db } from '@licensync/core/db';
import type { FakeHubspot } from '@licensync/fakes/hubspot';
import { compareHubspot } from './compare-hubspot';
import { compareLedger } from './compare-ledger';
import type { StoryPlan } from './make-stories';
import { createTally, type StateTally } from './state-tally';

export interface StateTotals {
  events: number;
  licenses: number;
  enabled: number;
  customers: number;
  hubspotLicenses: number;
  hubspotContacts: number;
}

export interface StateComparison extends StateTally {
  expected: StateTotals;
  actual: StateTotals;
  /** Final job failures plus sync intents that failed for good. */
  failedForGood: number;
  /** Sync intents still waiting to reach HubSpot. */
  openIntents: number;
}

/** The ledger and the fake HubSpot's store against what the played purchases must leave. */
export async function compareState(db: Db, hubspot: FakeHubspot, plan: StoryPlan): Promise<StateComparison> {
  const tally = createTally();
  const ledger = await compareLedger(db, plan, tally);
  const crm = await compareHubspot(db, hubspot, { plan, ...ledger }, tally);
  const seats = plan.stories.reduce((sum, s) => sum + s.licenses, 0);
  return {
    lost: tally.lost,
    duplicated: tally.duplicated,
    wrong: tally.wrong,
    pending: tally.pending,
    examples: tally.examples,
    expected: {
      events: plan.events.length,
      licenses: seats,
      enabled: seats,
      customers: plan.stories.length,
      hubspotLicenses: seats,
      hubspotContacts: plan.stories.length,
    },
    actual: { ...ledger.totals, ...crm.totals },
    failedForGood: ledger.jobFailures + crm.failedIntents,
    openIntents: crm.openIntents,
  };
}
