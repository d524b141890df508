import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { deactivateActivation } from '../activations/deactivate-activation';
import type { Db, DbOrTx } from '../db/client';
import { customers, licenseActivations, licenses, products } from '../db/schema/index';

export interface CustomerPageLicense {
  id: string;
  productName: string;
  licenseKey: string | null;
  licenseType: string;
  enabled: boolean;
  validUntil: Date | null;
  maxActivations: number;
  /** Machines holding a seat now (deactivated ones are left out). */
  activations: {
    id: string;
    hardwareId: string;
    os: string | null;
    appVersion: string | null;
    activatedAt: Date;
    lastCheckAt: Date | null;
  }[];
}

export interface CustomerPage {
  customer: { email: string; name: string | null };
  licenses: CustomerPageLicense[];
}

/** What the customer page shows: the customer's licenses and the machines using them. */
export async function getCustomerPage(
  db: DbOrTx,
  workspaceId: string,
  customerId: string,
): Promise<CustomerPage | null> {
  const [customer] = await db
    .select({ email: customers.email, name: customers.name })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  if (!customer) return null;
  const rows = await db
    .select({ license: licenses, productName: products.name })
    .from(licenses)
    .innerJoin(products, eq(products.id, licenses.productId))
    .where(and(eq(licenses.workspaceId, workspaceId), eq(licenses.customerId, customerId)))
    .orderBy(asc(licenses.createdAt), asc(licenses.sourceKey));
  const ids = rows.map((r) => r.license.id);
  const seats =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(licenseActivations)
          .where(
            and(
              eq(licenseActivations.workspaceId, workspaceId),
              inArray(licenseActivations.licenseId, ids),
              isNull(licenseActivations.deactivatedAt),
            ),
          )
          .orderBy(asc(licenseActivations.activatedAt));
  return {
    customer,
    licenses: rows.map(({ license, productName }) => ({
      id: license.id,
      productName,
      licenseKey: license.licenseKey,
      licenseType: license.licenseType,
      enabled: license.enabled,
      validUntil: license.validUntil,
      maxActivations: license.maxActivations,
      activations: seats
        .filter((s) => s.licenseId === license.id)
        .map((s) => ({
          id: s.id,
          hardwareId: s.hardwareId,
          os: s.os,
          appVersion: s.appVersion,
          activatedAt: s.activatedAt,
          lastCheckAt: s.lastCheckAt,
        })),
    })),
  };
}

/**
 * Frees a seat from the customer page: only a live activation of one of this customer's licenses,
 * so a link cannot reach another customer's machines. False when there is no such seat.
 */
export async function freeCustomerSeat(
  db: Db,
  input: { workspaceId: string; customerId: string; activationId: string; actor: string },
): Promise<boolean> {
  const [own] = await db
    .select({ id: licenseActivations.id })
    .from(licenseActivations)
    .innerJoin(licenses, eq(licenses.id, licenseActivations.licenseId))
    .where(
      and(
        eq(licenseActivations.workspaceId, input.workspaceId),
        eq(licenseActivations.id, input.activationId),
        eq(licenses.customerId, input.customerId),
      ),
    );
  if (!own) return false;
  const freed = await deactivateActivation({
    db,
    workspaceId: input.workspaceId,
    ref: { activationId: input.activationId },
    actor: input.actor,
  });
  return freed !== null;
}
