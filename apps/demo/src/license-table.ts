import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { and, asc, eq, inArray } from 'drizzle-orm';

export interface LicenseRow {
  product: string;
  key: string;
  type: string;
  status: string;
  valid_until: string;
  activations: number;
  unit: number;
}

/** The licenses of one customer as rows for printing and for the story's assertions. */
export async function licenseTable(db: Db, workspaceId: string, email: string): Promise<LicenseRow[]> {
  const { licenses, customers, products } = schema;
  const owners = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.email, email.toLowerCase())));
  if (owners.length === 0) return [];
  const rows = await db
    .select({ license: licenses, product: products.shortCode })
    .from(licenses)
    .innerJoin(products, eq(products.id, licenses.productId))
    .where(
      inArray(
        licenses.customerId,
        owners.map((o) => o.id),
      ),
    )
    .orderBy(asc(licenses.createdAt), asc(licenses.sourceKey));
  return rows.map(({ license, product }) => ({
    product,
    key: license.licenseKey ?? '(user license)',
    type: license.licenseType,
    status: license.enabled ? 'enabled' : `disabled: ${license.disabledReason}`,
    valid_until: license.validUntil ? license.validUntil.toISOString().slice(0, 10) : 'never expires',
    activations: license.maxActivations,
    unit: license.unitIndex,
  }));
}

export function formatTable(rows: LicenseRow[]): string {
  if (rows.length === 0) return '    (no licenses)';
  const columns = Object.keys(rows[0]!) as (keyof LicenseRow)[];
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => `    ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`;
  return [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((c) => String(r[c])))),
  ].join('\n');
}
