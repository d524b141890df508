import { type ApiRuntime, createApiRuntime } from '@licensync/api';
import * as schema from '@licensync/core/schema';
import {
  type StackOptions,
  startStack as startTestStack,
  type Stack as TestStack,
} from '@licensync/test-env';
import { and, eq } from 'drizzle-orm';
import { createWorkerRuntime, type WorkerRuntime } from '../../src/index';

export interface Stack extends TestStack<ApiRuntime, WorkerRuntime> {
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
  const stack = await startTestStack(
    { createApi: createApiRuntime, createWorker: createWorkerRuntime },
    { catalog: true, ...opts },
  );
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
