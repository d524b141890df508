import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  customers,
  licenseDeliveries,
  licenses,
  licenseUsers,
  products,
  workspaces,
} from '../db/schema/index';
import { customerLinkKey, signCustomerLink } from './customer-link';
import { resolveDeliveryTemplate, type TemplateSource } from './delivery-templates';
import type { DeliveryTemplateParts, DeliveryView } from './delivery-view';
import { issuePasswordSetToken } from './password-set-tokens';

export type LicenseDelivery = typeof licenseDeliveries.$inferSelect;

export interface DeliveryLinks {
  /** `PUBLIC_URL`: where the customer page and the password form are served. */
  publicUrl: string;
  encryptionKey: string;
  customerLinkTtlMs: number;
  passwordLinkTtlMs: number;
  now: Date;
}

export interface PreparedDeliveryMail {
  delivery: LicenseDelivery;
  view: DeliveryView;
  template: DeliveryTemplateParts & { source: TemplateSource };
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/**
 * Everything one delivery mail needs: the view of its licenses, the template in effect (the
 * first license's product, else the workspace's), fresh one-time password links for the
 * recipient's user licenses, and the signed customer-page link when the recipient is the
 * customer. Null when the delivery is not in the workspace.
 */
export async function prepareDeliveryMail(
  db: DbOrTx,
  workspaceId: string,
  deliveryId: string,
  links: DeliveryLinks,
): Promise<PreparedDeliveryMail | null> {
  const [delivery] = await db
    .select()
    .from(licenseDeliveries)
    .where(and(eq(licenseDeliveries.workspaceId, workspaceId), eq(licenseDeliveries.id, deliveryId)));
  if (!delivery) return null;
  const [workspace] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const [customer] = await db.select().from(customers).where(eq(customers.id, delivery.customerId));
  const rows =
    delivery.licenseIds.length === 0
      ? []
      : await db
          .select({ license: licenses, product: products })
          .from(licenses)
          .innerJoin(products, eq(products.id, licenses.productId))
          .where(and(eq(licenses.workspaceId, workspaceId), inArray(licenses.id, delivery.licenseIds)));
  const order = new Map(delivery.licenseIds.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.license.id) ?? 0) - (order.get(b.license.id) ?? 0));
  const recipient = delivery.recipient.toLowerCase();
  const users =
    rows.length === 0
      ? []
      : await db
          .select({ licenseId: licenseUsers.licenseId, email: licenseUsers.email })
          .from(licenseUsers)
          .where(
            inArray(
              licenseUsers.licenseId,
              rows.map((r) => r.license.id),
            ),
          );
  const passwordExpires = new Date(links.now.getTime() + links.passwordLinkTtlMs);
  const viewLicenses: DeliveryView['licenses'] = [];
  for (const { license, product } of rows) {
    const isUser = product.authorizationMethod === 'user';
    const isRecipientUser = users.some(
      (u) => u.licenseId === license.id && u.email.toLowerCase() === recipient,
    );
    const token =
      isUser && isRecipientUser
        ? await issuePasswordSetToken(db, {
            workspaceId,
            licenseId: license.id,
            email: recipient,
            deliveryId: delivery.id,
            expiresAt: passwordExpires,
          })
        : null;
    viewLicenses.push({
      product_name: product.name,
      product_code: product.shortCode,
      license_type: license.licenseType,
      license_key: license.licenseKey ?? '',
      valid_until: isoDate(license.validUntil),
      is_user_license: isUser,
      password_url: token ? `${links.publicUrl}/customer/v1/password?token=${token}` : '',
      password_link_expires: token
        ? `${passwordExpires.toISOString().slice(0, 16).replace('T', ' ')} UTC`
        : '',
    });
  }
  const toCustomer = customer !== undefined && customer.email.toLowerCase() === recipient;
  const pageExpires = new Date(links.now.getTime() + links.customerLinkTtlMs);
  const pageToken = toCustomer
    ? signCustomerLink(
        { workspaceId, customerId: delivery.customerId, expiresAt: Math.floor(pageExpires.getTime() / 1000) },
        customerLinkKey(links.encryptionKey),
      )
    : null;
  const template = await resolveDeliveryTemplate(db, workspaceId, rows[0]?.product.id ?? null);
  return {
    delivery,
    template,
    view: {
      workspace_name: workspace?.name ?? '',
      customer_name: customer?.name ?? customer?.email ?? delivery.recipient,
      customer_email: customer?.email ?? '',
      recipient: delivery.recipient,
      licenses: viewLicenses,
      customer_page_url: pageToken ? `${links.publicUrl}/customer/v1/page?token=${pageToken}` : '',
      customer_page_expires: pageToken ? isoDate(pageExpires) : '',
    },
  };
}
