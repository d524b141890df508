import { schema } from '@licensync/core';
import { and, eq } from 'drizzle-orm';
// The api's test stack (fake Stripe + api + worker) serves the worker's end-to-end tests too.
import {
  type Stack as ApiStack,
  type StackOptions,
  startStack as startApiStack,
} from '../../../api/test/support/start-stack';

export interface Stack extends ApiStack {
  licenses(where?: {
    subscriptionId?: string;
    paymentIntentId?: string;
  }): Promise<(typeof schema.licenses.$inferSelect)[]>;
}

/**
 * Fake Stripe + api + worker (in-process unless `worker: false`) on an isolated database and queue
 * prefix, with the example catalog loaded unless `catalog: false`.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const stack = await startApiStack({ catalog: true, ...opts });
  const { db, workspaceId } = stack.api;
  return {
    ...stack,
    licenses(where = {}) {
      const { licenses } = schema;
      return db
        .select()
        .from(licenses)
        .where(
          and(
            eq(licenses.workspaceId, workspaceId),
            where.subscriptionId ? eq(licenses.stripeSubscriptionId, where.subscriptionId) : undefined,
            where.paymentIntentId ? eq(licenses.stripePaymentIntentId, where.paymentIntentId) : undefined,
          ),
        )
        .orderBy(licenses.sourceKey);
    },
  };
}
