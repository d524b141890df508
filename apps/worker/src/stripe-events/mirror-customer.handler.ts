import { findOrCreateCustomer, linkCustomerAccount } from '@licensync/core/customers';
import { notNewerThan } from '@licensync/core/db';
import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { toCustomerType } from '@licensync/mappers';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

const { customers } = schema;

/**
 * `customer.created|updated`: mirrors the Stripe customer (name, email, metadata, company or
 * person — see `toCustomerType` —, tax id) into our `customers` row, to be synced to HubSpot. Reads the customer from Stripe.
 * Idempotent and order-safe because the row is only written when this event is not older than the
 * one that last wrote it (`stripe_event_at`). Ignored when Stripe has no email for the customer.
 */
export async function runMirrorCustomer(
  event: Stripe.CustomerCreatedEvent | Stripe.CustomerUpdatedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  if (!event.data.object.id) return 'ignored';
  const customer = await ctx.stripe.customers.retrieve(event.data.object.id, { expand: ['tax_ids'] });
  if (customer.deleted || !customer.email) return 'ignored';
  const eventAt = new Date(event.created * 1000);
  const taxId = customer.tax_ids?.data[0]?.value;
  const metadata: Record<string, string> = { ...(taxId && { tax_id: taxId }), ...customer.metadata };
  // Undefined (null) leaves the HubSpot object to the workspace's default (`hubspot_default_object`).
  const customerType = toCustomerType({ ...customer, metadata });
  const isCompany = customerType === 'company';
  await ctx.db.transaction(async (tx) => {
    const row = await findOrCreateCustomer(tx, {
      workspaceId: ctx.workspaceId,
      email: customer.email!,
      name: customer.business_name ?? customer.name ?? null,
      stripeCustomerId: customer.id,
    });
    const updated = await tx
      .update(customers)
      .set({
        email: customer.email!.trim().toLowerCase(),
        name: customer.business_name ?? customer.name ?? row.name,
        metadata,
        customerType,
        stripeEventAt: eventAt,
        updatedAt: new Date(),
      })
      .where(and(eq(customers.id, row.id), notNewerThan(customers.stripeEventAt, eventAt)))
      .returning({ id: customers.id });
    if (updated.length === 0) return;
    if (isCompany) {
      await linkCustomerAccount(tx, {
        workspaceId: ctx.workspaceId,
        customerId: row.id,
        name: customer.business_name ?? customer.name ?? customer.email!,
        domain: metadata.domain ?? companyDomain(customer.email!),
        taxId: taxId ?? null,
      });
    }
    await enqueueSyncIntent(tx, ctx.workspaceId, 'customer', [row.id]);
  });
  return 'processed';
}

// A company's people write from its domain; a webmail address says nothing about the company.
const WEBMAIL =
  /^(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|proton|protonmail|gmx|web|mail)\./;

function companyDomain(email: string): string | null {
  const domain = email.split('@')[1]?.toLowerCase();
  return domain && !WEBMAIL.test(domain) ? domain : null;
}
